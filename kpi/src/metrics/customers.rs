//! New customers, lead conversion, repeat business, churn, retention, CAC and LTV.
//!
//! Conventions (shared by every function here):
//! - a customer counts for its `owner_id` ([`Slice::has_rep`]); a lead for its
//!   `owner_id`; an expense for its `rep_id` (company-wide spend, `rep_id` `None`,
//!   counts only for everyone); revenue comes from the slice's sales (won deals + orders
//!   not tied to a deal, by their rep, see `sale.rs`);
//! - deleted records (tombstones) never count, and a sale naming a deleted or unknown
//!   customer reads as a sale to an unknown customer;
//! - a customer is *new* in a period when `acquired_on` (the first purchase) lies in it,
//!   and *existing* when `acquired_on` lies before the period start;
//! - the customers "at the start" of a period are those active on the day before it
//!   ([`Customer::active_on`]); those "at the end" are those active on its last day —
//!   `period.end`, also for a period still running, so a churn already recorded for a
//!   later day of the period counts in both churn and retention and the two stay
//!   consistent (retention = 1 − churn);
//! - ratios give no data for a zero denominator, never NaN or infinity; counts are 0.

use chrono::NaiveDate;

use crate::catalogue::{KpiId, KpiValue};
use crate::model::{Customer, Dataset};
use crate::money::Money;
use crate::period::Period;

use super::facts::{between, CustomerFact, Ix, SaleFact, NONE};
use super::{Scope, Slice};

/// The KPIs of this family for one slice. See the module docs for the conventions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerMetrics {
    /// Customers in scope with `acquired_on` in the period.
    pub new_customers: u32,
    /// Cohort-based: of the live leads in scope *created* in the period, the share with
    /// `converted_on` set on or before `today` (whenever that was, even after the
    /// period); `None` without such leads. A lead created in the period and converted
    /// later still lifts this period's rate, so a recent period's rate can rise
    /// as its leads mature.
    pub lead_conversion: Option<f64>,
    /// Distinct customers with a sale in the period whose `acquired_on` is before the
    /// period start ÷ distinct customers with a sale in the period. A sale without a
    /// customer is not counted; a sale to an unknown (deleted, not yet merged) customer
    /// counts as a buyer who is not existing. `None` without buyers.
    pub repeat_customer_rate: Option<f64>,
    /// Revenue of the period's sales to customers acquired before the period start ÷
    /// the period's revenue (sales without or with an unknown customer count as not
    /// existing); `None` when revenue is 0.
    pub existing_revenue_share: Option<f64>,
    /// S = customers in scope active on the day before the period start; churn = those
    /// of S with `churned_on` in the period ÷ S; `None` when S = 0.
    pub churn_rate: Option<f64>,
    /// (E − N) ÷ S with E = customers in scope active on `period.end`, N = the new
    /// customers of the period ([`CustomerMetrics::new_customers`]) still active on
    /// `period.end`, S as for churn; `None` when S = 0.
    ///
    /// Convention: a new customer who churns within the period is in neither E nor N,
    /// so it does not count against the customers kept from the start. E − N is then
    /// exactly the customers of S still active at the end, and the rate lies in 0–1
    /// and equals 1 − [`CustomerMetrics::churn_rate`].
    pub retention_rate: Option<f64>,
    /// Revenue of the previous equivalent period ([`Period::previous`], same scope) from
    /// customers with `churned_on` in this period ÷ the previous period's revenue;
    /// `None` when the previous revenue is 0. The churned customers are taken from the
    /// whole dataset (any owner), so the numerator is always a part of the denominator.
    pub revenue_churn: Option<f64>,
    /// Spend in the period of category marketing, sales, salaries or commission (not
    /// tools: they are a cost of running the business, not of winning customers) ÷
    /// new customers, rounded to a minor unit; `None` without new customers. Only
    /// recorded expenses count (a rep's `base_salary` is not an expense).
    pub cac: Option<Money>,
    /// ARPA × margin ÷ churn rate, rounded once to a minor unit, where ARPA = revenue of
    /// the period's sales with a customer ÷ distinct buying customers (sales without a
    /// customer count in neither), margin = (Σ amount − Σ cost) ÷ Σ amount over the
    /// period's sales whose cost is known (1.0 when no cost is known or their amount
    /// is 0), churn = [`CustomerMetrics::churn_rate`]. `None` without buyers, or when
    /// churn is 0 or has no data (a customer who never churns has no finite lifetime).
    pub ltv: Option<Money>,
    /// ltv ÷ cac as a plain multiple; `None` when either is missing or cac is 0.
    pub ltv_to_cac: Option<f64>,
}

impl CustomerMetrics {
    /// Computes the family from the slice's [`Facts`](super::Facts) in a few linear
    /// passes: one over the live customers, one over the period's leads and expenses,
    /// and one over this and one over the previous period's sales (found by binary
    /// search). A sale's customer is looked up by its integer id, no hashing.
    pub fn of(slice: &Slice) -> CustomerMetrics {
        let period = slice.period;
        let (all_sales, customers) = (slice.facts().sales(), slice.facts().customers());
        let in_scope = |sale: &&SaleFact| slice.owns(sale.rep);
        let sales: Vec<&SaleFact> = all_sales
            .between(period.start, period.end)
            .iter()
            .filter(in_scope)
            .collect();
        let previous = period.previous();
        let previous = all_sales.between(previous.start, previous.end);
        // What the live customer record of a buyer says (any owner; see `Buyer`).
        let buyer = |customer: Ix| -> Buyer {
            match customers.buyer(customer) {
                None => Buyer::default(),
                Some((acquired, churned)) => Buyer {
                    existing: acquired.is_some_and(|a| a < period.start),
                    churned_now: churned.is_some_and(|c| period.contains(c)),
                },
            }
        };
        // The distinct buyers of the period.
        let mut buyers: Vec<Ix> = sales
            .iter()
            .map(|s| s.customer)
            .filter(|&c| c != NONE)
            .collect();
        buyers.sort_unstable();
        buyers.dedup();
        let distinct_buyers = buyers.len();

        // Customers in scope: new, at the start, lost, at the end.
        let mut new_customers = 0_u32;
        let mut new_at_end = 0_u32;
        let (mut at_start, mut lost, mut at_end) = (0_u32, 0_u32, 0_u32);
        let day_before = period.start.pred_opt();
        let owned: Vec<&[CustomerFact]> = match slice.rep_list() {
            None => vec![&customers.customers],
            Some(reps) => reps.iter().map(|&rep| customers.owned_by(rep)).collect(),
        };
        for customer in owned.into_iter().flatten() {
            let active_at_end = customer.active_on(period.end);
            if customer.acquired.is_some_and(|a| period.contains(a)) {
                new_customers = new_customers.saturating_add(1);
                if active_at_end {
                    new_at_end = new_at_end.saturating_add(1);
                }
            }
            if day_before.is_some_and(|d| customer.active_on(d)) {
                at_start = at_start.saturating_add(1);
                if customer.churned.is_some_and(|c| period.contains(c)) {
                    lost = lost.saturating_add(1);
                }
            }
            if active_at_end {
                at_end = at_end.saturating_add(1);
            }
        }
        let churn_rate = ratio(u64::from(lost), u64::from(at_start));
        let retention_rate = (at_start > 0)
            .then(|| (f64::from(at_end) - f64::from(new_at_end)) / f64::from(at_start));

        let lead_conversion = lead_conversion(slice);

        // The period's sales: existing revenue, buyer revenue, margin.
        let mut revenue = Money::ZERO;
        let mut existing_revenue = Money::ZERO;
        let mut buyer_revenue = Money::ZERO;
        let (mut costed_amount, mut cost) = (0_i128, 0_i128);
        for sale in &sales {
            revenue = revenue.saturating_add(sale.amount);
            if let Some(known) = sale.cost {
                costed_amount += i128::from(sale.amount.minor());
                cost += i128::from(known.minor());
            }
            if sale.customer == NONE {
                continue;
            }
            buyer_revenue = buyer_revenue.saturating_add(sale.amount);
            if buyer(sale.customer).existing {
                existing_revenue = existing_revenue.saturating_add(sale.amount);
            }
        }
        let repeat_buyers = buyers.iter().filter(|&&c| buyer(c).existing).count();
        let repeat_customer_rate = ratio(repeat_buyers as u64, distinct_buyers as u64);
        let existing_revenue_share = money_ratio(existing_revenue, revenue);

        // See [`CustomerMetrics::revenue_churn`]: the previous period's sales in scope.
        let (mut previous_total, mut churned_revenue) = (Money::ZERO, Money::ZERO);
        for sale in previous.iter().filter(in_scope) {
            previous_total = previous_total.saturating_add(sale.amount);
            if sale.customer != NONE && buyer(sale.customer).churned_now {
                churned_revenue = churned_revenue.saturating_add(sale.amount);
            }
        }
        let revenue_churn = money_ratio(churned_revenue, previous_total);
        let cac = Money::mean(acquisition_spend(slice), u64::from(new_customers));

        let margin = if costed_amount == 0 {
            1.0
        } else {
            (costed_amount - cost) as f64 / costed_amount as f64
        };
        let ltv = match churn_rate {
            Some(churn) if churn > 0.0 && distinct_buyers > 0 => {
                let value =
                    buyer_revenue.minor() as f64 * margin / (distinct_buyers as f64 * churn);
                to_money(value)
            }
            _ => None,
        };
        let ltv_to_cac = match (ltv, cac) {
            (Some(ltv), Some(cac)) if cac.minor() != 0 => {
                finite(ltv.minor() as f64 / cac.minor() as f64)
            }
            _ => None,
        };

        CustomerMetrics {
            new_customers,
            lead_conversion,
            repeat_customer_rate,
            existing_revenue_share,
            churn_rate,
            retention_rate,
            revenue_churn,
            cac,
            ltv,
            ltv_to_cac,
        }
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        Some(match id {
            KpiId::NewCustomers => KpiValue::Count(self.new_customers),
            KpiId::LeadConversion => KpiValue::ratio(self.lead_conversion),
            KpiId::RepeatCustomerRate => KpiValue::ratio(self.repeat_customer_rate),
            KpiId::ExistingRevenueShare => KpiValue::ratio(self.existing_revenue_share),
            KpiId::ChurnRate => KpiValue::ratio(self.churn_rate),
            KpiId::RevenueChurn => KpiValue::ratio(self.revenue_churn),
            KpiId::RetentionRate => KpiValue::ratio(self.retention_rate),
            KpiId::Cac => KpiValue::money(self.cac),
            KpiId::Ltv => KpiValue::money(self.ltv),
            KpiId::LtvToCac => KpiValue::number(self.ltv_to_cac),
            _ => return None,
        })
    }
}

/// Customer churn rate per month, for the churn chart: entry *i* is the
/// [`CustomerMetrics::churn_rate`] of `months[i]` in `scope` (customers active on the
/// day before the month that churned in it ÷ those customers), `None` when no customer
/// was active at the month's start or when the month starts after `today` (nothing to
/// show yet).
///
/// `months` must be sorted and non-overlapping (as [`Period::trailing_months`] gives
/// them). One pass over the customers with binary searches into `months`: a customer
/// acquired on *a* and churned on *c* is at the start of every month whose start lies
/// in (a, c], and lost in the month containing *c*.
pub fn monthly_churn(
    data: &Dataset,
    scope: &Scope,
    months: &[Period],
    today: NaiveDate,
) -> Vec<Option<f64>> {
    let Some(first) = months.first() else {
        return Vec::new();
    };
    let slice = Slice::new(data, *first, scope, today);
    // Difference array of "at the start" counts, and lost counts.
    let mut at_start_delta = vec![0_i64; months.len() + 1];
    let mut lost = vec![0_u64; months.len()];
    for customer in data.live::<Customer>() {
        if !slice.has_rep(customer.owner_id.as_deref()) {
            continue;
        }
        let Some(acquired) = customer.acquired_on else {
            continue;
        };
        // Months with acquired < start ≤ churned (active on start − 1).
        let from = months.partition_point(|m| m.start <= acquired);
        let to = match customer.churned_on {
            Some(churned) => months.partition_point(|m| m.start <= churned),
            None => months.len(),
        };
        if from < to {
            at_start_delta[from] += 1;
            at_start_delta[to] -= 1;
        }
        if let Some(churned) = customer.churned_on {
            let at = months.partition_point(|m| m.end < churned);
            if let (Some(month), Some(count)) = (months.get(at), lost.get_mut(at)) {
                if month.contains(churned) && acquired < month.start {
                    *count += 1;
                }
            }
        }
    }
    let mut at_start = 0_i64;
    months
        .iter()
        .zip(lost)
        .enumerate()
        .map(|(i, (month, lost))| {
            at_start += at_start_delta[i];
            if month.start > today {
                return None;
            }
            ratio(lost, u64::try_from(at_start).unwrap_or(0))
        })
        .collect()
}

/// One row of a [`CohortTable`]: the customers acquired in one month.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRow {
    /// The month of first purchase (`acquired_on`).
    pub month: Period,
    /// Customers acquired in that month.
    pub size: u32,
    /// Entry *k*: how many of them were still active on the last day of the month *k*
    /// months later (k = 0 is the cohort's own month); only up to the last given month.
    pub active: Vec<u32>,
    /// Entry *k*: `active[k] ÷ size`; `None` for an empty cohort.
    pub retained: Vec<Option<f64>>,
}

/// Cohort retention: rows = months of first purchase, columns = months since.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortTable {
    /// One row per given month, oldest first; row *i* has `months.len() − i` cells.
    pub rows: Vec<CohortRow>,
}

/// The cohort retention table of `scope` over `months`: row *i* is the live customers
/// in scope acquired in `months[i]`, cell *k* the share of them still active (acquired
/// and not churned, [`Customer::active_on`]) on the last day of `months[i + k]`.
/// Customers acquired outside every given month are in no row. Every given month has a
/// row, an empty cohort with size 0 and `None` shares.
///
/// `months` must be consecutive calendar months, sorted (as
/// [`Period::trailing_months`] gives them), so column *k* is "k months since". One pass
/// over the customers with binary searches, plus one pass over the cells.
pub fn cohort_retention(data: &Dataset, scope: &Scope, months: &[Period]) -> CohortTable {
    let Some(first) = months.first() else {
        return CohortTable::default();
    };
    // `today` plays no part in the table; any date does.
    let slice = Slice::new(data, *first, scope, first.start);
    let n = months.len();
    let mut sizes = vec![0_u32; n];
    // leaving[i][k]: members of cohort i no longer active from column k on.
    let mut leaving: Vec<Vec<u32>> = (0..n).map(|i| vec![0; n - i]).collect();
    for customer in data.live::<Customer>() {
        if !slice.has_rep(customer.owner_id.as_deref()) {
            continue;
        }
        let Some(acquired) = customer.acquired_on else {
            continue;
        };
        let row = months.partition_point(|m| m.end < acquired);
        if !months.get(row).is_some_and(|m| m.contains(acquired)) {
            continue;
        }
        sizes[row] = sizes[row].saturating_add(1);
        if let Some(churned) = customer.churned_on {
            // Not active at the end of the first month whose end is on or after the
            // churn day, nor of any later one.
            let gone = months.partition_point(|m| m.end < churned).max(row);
            if let Some(cell) = leaving[row].get_mut(gone - row) {
                *cell = cell.saturating_add(1);
            }
        }
    }
    let rows = months
        .iter()
        .zip(sizes)
        .zip(leaving)
        .map(|((month, size), leaving)| {
            let mut left = 0_u32;
            let active: Vec<u32> = leaving
                .iter()
                .map(|l| {
                    left = left.saturating_add(*l);
                    size.saturating_sub(left)
                })
                .collect();
            let retained = active
                .iter()
                .map(|a| ratio(u64::from(*a), u64::from(size)))
                .collect();
            CohortRow {
                month: *month,
                size,
                active,
                retained,
            }
        })
        .collect();
    CohortTable { rows }
}

/// What [`CustomerMetrics::of`] needs to know about a customer who bought in the
/// period or the previous one, from the last live customer record with its id (any
/// owner). A buyer without such a record (deleted, or not merged yet) stays all
/// `false`: not existing, not churned.
#[derive(Clone, Copy, Debug, Default)]
struct Buyer {
    /// Acquired before the period start.
    existing: bool,
    /// Churned in the period.
    churned_now: bool,
}

/// See [`CustomerMetrics::lead_conversion`]: the period's leads (by created date).
fn lead_conversion(slice: &Slice) -> Option<f64> {
    let (mut created, mut converted) = (0_u64, 0_u64);
    let period = slice.period;
    for lead in between(slice.facts().leads(), period.start, period.end, |l| {
        l.created
    }) {
        if !slice.owns(lead.owner) {
            continue;
        }
        created += 1;
        if lead.converted.is_some_and(|c| c <= slice.today) {
            converted += 1;
        }
    }
    ratio(converted, created)
}

/// See [`CustomerMetrics::cac`]: acquisition spend (marketing, sales, salaries,
/// commission) in the period and scope.
fn acquisition_spend(slice: &Slice) -> Money {
    let period = slice.period;
    between(slice.facts().acquisition(), period.start, period.end, |e| {
        e.0
    })
    .iter()
    .filter(|e| slice.owns(e.1))
    .fold(Money::ZERO, |total, e| total.saturating_add(e.2))
}

/// `part ÷ whole`; `None` when `whole` is 0.
fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// `part ÷ whole` of two amounts; `None` when `whole` is 0.
fn money_ratio(part: Money, whole: Money) -> Option<f64> {
    (whole.minor() != 0).then(|| part.minor() as f64 / whole.minor() as f64)
}

/// A finite float, else `None`.
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// An amount in minor units rounded half away from zero; `None` if not finite.
/// Beyond the i64 range it saturates (`as` clamps).
fn to_money(value: f64) -> Option<Money> {
    finite(value).map(|v| Money(v.round() as i64))
}
