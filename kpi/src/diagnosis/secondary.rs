//! Secondary factors of a miss: slipped deals, discounting, churn. Informative amounts
//! shown next to the decomposition, not part of its exact sum (they overlap with the
//! drivers: a slipped deal is also missing from throughput, a discount from deal size,
//! a churned customer's orders from other revenue).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::metrics::Slice;
use crate::model::{Customer, Record};
use crate::money::Money;

use super::NextStep;

/// Money that slipped, was given away, or left with churned customers in a slice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecondaryFactors {
    /// Live deals in scope whose `expected_close` lies in the period on or before
    /// [`Slice::reached`] and that were still open at the end of that day (status open,
    /// or won/lost only after it): expected in the period, not closed by then.
    pub slipped_deals: u32,
    /// Σ amount of those deals: the money that slipped out of the period.
    pub slipped_amount: Money,
    /// Σ discount on the deals won in the period (no discount = 0).
    pub discount_given: Money,
    /// Σ discount ÷ Σ list price (amount + discount) of the deals won in the period, as
    /// [`SalesMetrics::avg_discount`](crate::metrics::sales::SalesMetrics); `None`
    /// when that list total is 0.
    pub discount_rate: Option<f64>,
    /// The same for the previous equivalent period.
    pub previous_discount_rate: Option<f64>,
    /// Discount given beyond the previous period's rate: `discount_given − previous
    /// rate × this period's list total`, rounded half away from zero to a minor unit;
    /// negative when less was given away. `None` when either rate has no data.
    pub extra_discount: Option<Money>,
    /// Revenue of the previous equivalent period (same scope) from customers with
    /// `churned_on` in this period: what their churn takes away if they would have
    /// bought as before. The same numerator as
    /// [`CustomerMetrics::revenue_churn`](crate::metrics::customers::CustomerMetrics):
    /// churned customers of any owner, live records only.
    pub churned_revenue: Money,
}

impl SecondaryFactors {
    /// Reads the three factors of `slice` (one pass over the deals, the customers, and
    /// this and the previous period's sales).
    pub fn of(slice: &Slice) -> SecondaryFactors {
        let period = slice.period;
        let day = slice.reached();
        let (mut slipped_deals, mut slipped_amount) = (0_u32, Money::ZERO);
        for deal in slice.data.deals.iter().filter(|d| d.live()) {
            let expected = deal
                .expected_close
                .is_some_and(|e| period.contains(e) && e <= day);
            let open = deal.created_on <= day
                && (!deal.status.is_closed() || deal.closed_on.is_some_and(|c| c > day));
            if expected && open && slice.has_rep(deal.rep_id.as_deref()) {
                slipped_deals = slipped_deals.saturating_add(1);
                slipped_amount = slipped_amount.saturating_add(deal.amount);
            }
        }

        let discounts = |s: &Slice| {
            let (mut discount, mut list) = (0_i128, 0_i128);
            for sale in s.sales() {
                if let Some(deal) = sale.deal {
                    let d = i128::from(deal.discount.unwrap_or(Money::ZERO).minor());
                    discount += d;
                    list += i128::from(deal.amount.minor()) + d;
                }
            }
            (discount, list)
        };
        let previous = slice.with_period(period.previous());
        let (discount, list) = discounts(slice);
        let (previous_discount, previous_list) = discounts(&previous);
        let rate = |part: i128, whole: i128| {
            (whole != 0)
                .then(|| part as f64 / whole as f64)
                .filter(|x| x.is_finite())
        };
        let discount_rate = rate(discount, list);
        let previous_discount_rate = rate(previous_discount, previous_list);
        let extra_discount = match (discount_rate, previous_discount_rate) {
            (Some(_), Some(before)) => {
                let expected = (before * list as f64).round();
                let extra = discount as f64 - expected;
                extra.is_finite().then_some(Money(extra as i64))
            }
            _ => None,
        };

        let churned: HashSet<&str> = slice
            .data
            .live::<Customer>()
            .filter(|c| c.churned_on.is_some_and(|d| period.contains(d)))
            .map(|c| c.id.as_str())
            .collect();
        let churned_revenue = if churned.is_empty() {
            Money::ZERO
        } else {
            previous
                .sales()
                .filter(|s| s.customer.is_some_and(|c| churned.contains(c)))
                .fold(Money::ZERO, |total, s| total.saturating_add(s.amount))
        };

        SecondaryFactors {
            slipped_deals,
            slipped_amount,
            discount_given: Money::saturating_from(discount),
            discount_rate,
            previous_discount_rate,
            extra_discount,
            churned_revenue,
        }
    }

    /// The next steps the factors call for, in this order: chase the slipped deals
    /// (some slipped), pricing and discount discipline (more discount than the
    /// previous rate), retention work (churned customers had revenue).
    pub fn next_steps(&self) -> Vec<NextStep> {
        let mut steps = Vec::new();
        if self.slipped_amount > Money::ZERO {
            steps.push(NextStep::ChaseSlippedDeals);
        }
        if self.extra_discount.is_some_and(|m| m > Money::ZERO) {
            steps.push(NextStep::PricingAndDiscountDiscipline);
        }
        if self.churned_revenue > Money::ZERO {
            steps.push(NextStep::RetentionWork);
        }
        steps
    }
}
