//! Revenue, growth, order and deal size, win rate, sales cycle, margin, discount, upsell
//! and cross-sell.
//!
//! Conventions (shared by every function here):
//! - revenue is read from [`Sale`](super::Sale)s: won deals on their `closed_on` date
//!   and orders not tied to a deal on their `date` (an order naming its deal is not
//!   counted twice), live records only, in the slice's scope (see `sale.rs`);
//! - deal KPIs (deal size, won/lost, win rate, cycle, discount) read the live deals in
//!   scope with a close date in the period; open deals never count;
//! - the whole period counts, also when it is still running (a sale dated after
//!   "today" but inside the period is in);
//! - averages and ratios are "no data" ([`KpiValue::NoData`]) when their denominator is
//!   0, never NaN or infinity; sums and counts of an empty period are 0;
//! - money totals are exact for validated data (amounts ≤ [`Money::MAX_AMOUNT`]) and
//!   saturate at the i64 range only as a last-resort guard against bad data.

use chrono::NaiveDate;

use crate::catalogue::{KpiId, KpiValue};
use crate::money::Money;
use crate::period::Period;

use super::facts::between;
use super::{SaleKind, Slice};

/// The sales KPIs of one slice (see the module conventions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SalesMetrics {
    /// Σ amount of the period's sales.
    pub revenue: Money,
    /// (revenue − previous revenue) ÷ previous revenue, where the previous revenue is
    /// that of [`Period::previous`](crate::Period::previous) in the same scope; `None`
    /// when the previous revenue is 0.
    pub revenue_growth: Option<f64>,
    /// Compound monthly growth over the period's complete calendar months (see
    /// [`compound_monthly_growth`]): months that lie wholly inside the period and have
    /// ended by [`Slice::reached`]; `None` with fewer than two such months (a week, a
    /// month, a quarter in its second month).
    pub compound_monthly_growth: Option<f64>,
    /// revenue ÷ number of sales (won deals + orders not tied to a deal), rounded half
    /// away from zero to a minor unit; `None` without sales.
    pub avg_order_value: Option<Money>,
    /// Σ amount of won deals ÷ deals won, rounded half away from zero to a minor unit;
    /// `None` when nothing was won.
    pub avg_deal_size: Option<Money>,
    /// Deals won with `closed_on` in the period.
    pub deals_won: u32,
    /// Deals lost with `closed_on` in the period.
    pub deals_lost: u32,
    /// won ÷ (won + lost); `None` when nothing closed.
    pub win_rate: Option<f64>,
    /// Mean sales cycle of the deals won (calendar days `created_on` → `closed_on`, a
    /// close before creation counts as 0); `None` when nothing was won.
    pub avg_sales_cycle: Option<f64>,
    /// Median of the same cycles (an even count takes the mean of the two middle
    /// values); `None` when nothing was won.
    pub median_sales_cycle: Option<f64>,
    /// (Σ amount − Σ cost) ÷ Σ amount over the period's sales whose cost is known;
    /// `None` when no sale has a cost or their Σ amount is 0.
    pub profit_margin: Option<f64>,
    /// Σ discount ÷ Σ (amount + discount) over the deals won (no discount = 0);
    /// `None` when that list-price total is 0.
    pub avg_discount: Option<f64>,
    /// Deals won with a discount > 0 ÷ deals won; `None` when nothing was won.
    pub discounted_share: Option<f64>,
    /// Sales of kind upsell or cross-sell.
    pub expansion_count: u32,
    /// Σ amount of those sales.
    pub expansion_revenue: Money,
    /// expansion revenue ÷ revenue; `None` when revenue is 0.
    pub expansion_share: Option<f64>,
}

impl SalesMetrics {
    /// Computes the family from the slice's [`Facts`](super::Facts): one pass over the
    /// period's sales, the period's lost deals and the previous period's sales (each
    /// found by binary search). Only the won deals' cycles are kept (for the median,
    /// found by selection in linear time).
    pub fn of(slice: &Slice) -> SalesMetrics {
        let mut revenue = Money::ZERO;
        let mut sales: u64 = 0;
        let (mut costed_amount, mut costed_cost, mut costed) = (0_i128, 0_i128, false);
        let (mut expansion_count, mut expansion_revenue) = (0_u32, Money::ZERO);
        let (mut won, mut won_amount) = (0_u32, Money::ZERO);
        let mut cycles: Vec<i64> = Vec::new();
        let (mut discount_total, mut list_total) = (0_i128, 0_i128);
        let mut discounted = 0_u32;
        let complete: Vec<_> = slice
            .period
            .months()
            .into_iter()
            .filter(|m| m.start >= slice.period.start && m.end <= slice.reached())
            .filter(|m| m.end <= slice.period.end)
            .collect();
        let (first_month, last_month) = (complete.first().copied(), complete.last().copied());
        let (mut first_revenue, mut last_revenue) = (Money::ZERO, Money::ZERO);

        let facts = slice.facts().sales();
        let period = slice.period;
        for sale in facts.between(period.start, period.end) {
            if !slice.owns(sale.rep) {
                continue;
            }
            if first_month.is_some_and(|m| m.contains(sale.date)) {
                first_revenue = first_revenue.saturating_add(sale.amount);
            }
            if last_month.is_some_and(|m| m.contains(sale.date)) {
                last_revenue = last_revenue.saturating_add(sale.amount);
            }
            revenue = revenue.saturating_add(sale.amount);
            sales += 1;
            if let Some(cost) = sale.cost {
                costed = true;
                costed_amount += i128::from(sale.amount.minor());
                costed_cost += i128::from(cost.minor());
            }
            if matches!(sale.kind, SaleKind::Upsell | SaleKind::CrossSell) {
                expansion_count = expansion_count.saturating_add(1);
                expansion_revenue = expansion_revenue.saturating_add(sale.amount);
            }
            if let Some((created_on, discount)) = sale.won {
                won = won.saturating_add(1);
                won_amount = won_amount.saturating_add(sale.amount);
                cycles.push((sale.date - created_on).num_days().max(0));
                let discount = discount.minor();
                discount_total += i128::from(discount);
                list_total += i128::from(sale.amount.minor()) + i128::from(discount);
                if discount > 0 {
                    discounted = discounted.saturating_add(1);
                }
            }
        }

        let lost = between(&facts.lost, period.start, period.end, |l| l.0)
            .iter()
            .filter(|l| slice.owns(l.1))
            .count();
        let lost = u32::try_from(lost).unwrap_or(u32::MAX);

        let previous = period_revenue(slice, period.previous());

        let closed = u64::from(won) + u64::from(lost);
        let cycle_total: i128 = cycles.iter().map(|&d| i128::from(d)).sum();
        SalesMetrics {
            revenue,
            revenue_growth: ratio(
                i128::from(revenue.minor()) - i128::from(previous.minor()),
                i128::from(previous.minor()),
            ),
            compound_monthly_growth: cmgr(first_revenue, last_revenue, complete.len()),
            avg_order_value: Money::mean(revenue, sales),
            avg_deal_size: Money::mean(won_amount, u64::from(won)),
            deals_won: won,
            deals_lost: lost,
            win_rate: ratio(i128::from(won), i128::from(closed)),
            avg_sales_cycle: ratio(cycle_total, cycles.len() as i128),
            median_sales_cycle: median(&mut cycles),
            profit_margin: if costed {
                ratio(costed_amount - costed_cost, costed_amount)
            } else {
                None
            },
            avg_discount: ratio(discount_total, list_total),
            discounted_share: ratio(i128::from(discounted), i128::from(won)),
            expansion_count,
            expansion_revenue,
            expansion_share: ratio(
                i128::from(expansion_revenue.minor()),
                i128::from(revenue.minor()),
            ),
        }
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        Some(match id {
            KpiId::Revenue => KpiValue::Money(self.revenue),
            KpiId::RevenueGrowth => KpiValue::ratio(self.revenue_growth),
            KpiId::CompoundMonthlyGrowth => KpiValue::ratio(self.compound_monthly_growth),
            KpiId::AvgOrderValue => KpiValue::money(self.avg_order_value),
            KpiId::AvgDealSize => KpiValue::money(self.avg_deal_size),
            KpiId::DealsWon => KpiValue::Count(self.deals_won),
            KpiId::DealsLost => KpiValue::Count(self.deals_lost),
            KpiId::WinRate => KpiValue::ratio(self.win_rate),
            KpiId::AvgSalesCycle => KpiValue::days(self.avg_sales_cycle),
            KpiId::MedianSalesCycle => KpiValue::days(self.median_sales_cycle),
            KpiId::ProfitMargin => KpiValue::ratio(self.profit_margin),
            KpiId::AvgDiscount => KpiValue::ratio(self.avg_discount),
            KpiId::DiscountedShare => KpiValue::ratio(self.discounted_share),
            KpiId::ExpansionCount => KpiValue::Count(self.expansion_count),
            KpiId::ExpansionRevenue => KpiValue::Money(self.expansion_revenue),
            KpiId::ExpansionShare => KpiValue::ratio(self.expansion_share),
            _ => return None,
        })
    }
}

/// Σ amount of the sales in the slice's scope dated in `period` (from the facts).
pub(super) fn period_revenue(slice: &Slice, period: Period) -> Money {
    slice
        .facts()
        .sales()
        .between(period.start, period.end)
        .iter()
        .filter(|sale| slice.owns(sale.rep))
        .fold(Money::ZERO, |total, sale| total.saturating_add(sale.amount))
}

/// The most days [`daily_sales`] returns: 100 years (36,525 days), far beyond any
/// chart, so an absurd custom range cannot exhaust memory.
pub const MAX_SERIES_DAYS: usize = 36_525;

/// Daily sales volume for a trend chart: one entry per calendar day of the period, in
/// order, each the Σ amount of the slice's sales dated that day (0 on a day without
/// sales — a quiet day sold nothing, it is not missing data).
///
/// Same sales as [`SalesMetrics::revenue`] (won deals on their close date, orders not
/// tied to a deal on their date, in scope), so the entries sum to the period's revenue.
/// Linear: one pass over the sales, each added at its day offset from the period start.
/// A period longer than [`MAX_SERIES_DAYS`] is cut to its first `MAX_SERIES_DAYS` days
/// (later sales are then left out).
pub fn daily_sales(slice: &Slice) -> Vec<(NaiveDate, Money)> {
    let start = slice.period.start;
    let days = usize::try_from(slice.period.days())
        .unwrap_or(0)
        .min(MAX_SERIES_DAYS);
    let mut series: Vec<(NaiveDate, Money)> = start
        .iter_days()
        .take(days)
        .map(|d| (d, Money::ZERO))
        .collect();
    for sale in slice.sales() {
        let offset = usize::try_from((sale.date - start).num_days()).ok();
        if let Some((_, total)) = offset.and_then(|i| series.get_mut(i)) {
            *total = total.saturating_add(sale.amount);
        }
    }
    series
}

/// Compound monthly growth rate (CMGR) of a revenue series, oldest month first:
/// `(last ÷ first)^(1 ÷ (n − 1)) − 1` for `n` months, e.g. 100 → 121 over 3 months is
/// 0.10 (10 % a month). Only the first and last month matter.
///
/// `None` (no data) for fewer than 2 months, a first month of 0 or less (no base to
/// grow from), or a negative last month (no real root). A last month of 0 gives −1.
pub fn compound_monthly_growth(monthly_revenue: &[Money]) -> Option<f64> {
    match monthly_revenue {
        [first, .., last] => cmgr(*first, *last, monthly_revenue.len()),
        _ => None,
    }
}

/// CMGR from the first and last of `months` monthly revenues (see
/// [`compound_monthly_growth`]).
fn cmgr(first: Money, last: Money, months: usize) -> Option<f64> {
    let (first, last) = (first.minor(), last.minor());
    if months < 2 || first <= 0 || last < 0 {
        return None;
    }
    let steps = (months - 1) as f64;
    let growth = (last as f64 / first as f64).powf(1.0 / steps) - 1.0;
    growth.is_finite().then_some(growth)
}

/// `numerator ÷ denominator` as a float; `None` for a zero denominator (or a result
/// that is not finite).
fn ratio(numerator: i128, denominator: i128) -> Option<f64> {
    if denominator == 0 {
        return None;
    }
    let value = numerator as f64 / denominator as f64;
    value.is_finite().then_some(value)
}

/// The median of `values` (mean of the two middle ones for an even count), found by
/// selection in linear time; `None` when empty. Reorders `values`.
fn median(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (lower_half, &mut upper, _) = values.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return Some(upper as f64);
    }
    let lower = lower_half.iter().copied().max().unwrap_or(upper);
    Some((lower as f64 + upper as f64) / 2.0)
}
