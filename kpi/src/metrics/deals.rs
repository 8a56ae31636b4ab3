//! Closed-deal KPIs: won revenue, win rate, average deal size, sales cycle.
//!
//! Conventions (shared by every function here):
//! - a won or lost deal counts in the period containing its `closed_on` date;
//! - open deals never count, nor do deleted deals (tombstones);
//! - money totals are exact for validated data: every amount is at most
//!   [`Money::MAX_AMOUNT`] (10^15 minor units), so up to 9,223 deals sum without
//!   overflow. Beyond that, or for unvalidated amounts, totals saturate at i64::MAX as
//!   a last-resort guard against a panic or a wrapped negative; such a clamped total is
//!   wrong and no test treats it as a correct KPI.

use crate::model::{Deal, DealStatus};
use crate::money::Money;
use crate::period::Period;

/// The closed-deal KPIs of one period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DealMetrics {
    /// Σ amount of deals won in the period.
    pub revenue_won: Money,
    /// Deals won in the period.
    pub deals_won: u32,
    /// Deals lost in the period.
    pub deals_lost: u32,
    /// won ÷ (won + lost), a fraction 0–1; `None` when nothing closed.
    pub win_rate: Option<f64>,
    /// revenue_won ÷ deals_won (rounded half away from zero to a minor unit); `None`
    /// when nothing was won.
    pub avg_deal_size: Option<Money>,
    /// Mean calendar days from `created_on` to `closed_on` over deals won in the
    /// period; `None` when nothing was won.
    pub avg_sales_cycle_days: Option<f64>,
}

/// Computes [`DealMetrics`] for `period` in one pass over `deals`.
///
/// - revenue_won = Σ amount over live deals with status won and closed_on in period
/// - deals_won / deals_lost = counts of live won / lost deals with closed_on in period
/// - win_rate = deals_won / (deals_won + deals_lost); `None` if both are 0
/// - avg_deal_size = revenue_won / deals_won via [`Money::mean`]; `None` if 0 won
/// - avg_sales_cycle_days = Σ (closed_on − created_on in calendar days) / deals_won
///   over the same won deals (a same-day close is 0 days; a close before creation,
///   possible only in unvalidated data, counts as 0); `None` if 0 won
///
/// Lost deals do not enter the sales cycle: it measures how long winning takes.
pub fn deal_metrics<'a>(deals: impl IntoIterator<Item = &'a Deal>, period: &Period) -> DealMetrics {
    let mut revenue = Money::ZERO;
    let (mut won, mut lost) = (0_u32, 0_u32);
    let mut cycle_days: i64 = 0;
    for deal in deals {
        let Some(closed_on) = counted_close(deal) else {
            continue;
        };
        if !period.contains(closed_on) {
            continue;
        }
        match deal.status {
            DealStatus::Won => {
                won = won.saturating_add(1);
                revenue = revenue.saturating_add(deal.amount);
                let days = (closed_on - deal.created_on).num_days().max(0);
                cycle_days = cycle_days.saturating_add(days);
            }
            DealStatus::Lost => lost = lost.saturating_add(1),
            DealStatus::Open => {}
        }
    }
    let closed = u64::from(won) + u64::from(lost);
    DealMetrics {
        revenue_won: revenue,
        deals_won: won,
        deals_lost: lost,
        win_rate: (closed > 0).then(|| f64::from(won) / closed as f64),
        avg_deal_size: Money::mean(revenue, u64::from(won)),
        avg_sales_cycle_days: (won > 0).then(|| cycle_days as f64 / f64::from(won)),
    }
}

/// Won revenue per month: entry *i* = Σ amount of live won deals whose `closed_on`
/// lies in `months[i]` (0 for a month without wins — a month with no sales did sell
/// nothing).
///
/// One pass over `deals`, with a binary search into `months`, which must be sorted
/// and non-overlapping (as [`Period::months`] and [`Period::trailing_months`] give
/// them); deals closed outside every month are skipped. Summed over a year's months it
/// equals [`deal_metrics`]'s revenue_won for that year.
pub fn revenue_by_month<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    months: &[Period],
) -> Vec<Money> {
    let mut revenue = vec![Money::ZERO; months.len()];
    for deal in deals {
        if deal.status != DealStatus::Won {
            continue;
        }
        let Some(closed_on) = counted_close(deal) else {
            continue;
        };
        let at = months.partition_point(|m| m.end < closed_on);
        if let (Some(month), Some(total)) = (months.get(at), revenue.get_mut(at)) {
            if month.contains(closed_on) {
                *total = total.saturating_add(deal.amount);
            }
        }
    }
    revenue
}

/// The date a deal counts on, if it counts at all: live, closed, with a close date.
fn counted_close(deal: &Deal) -> Option<chrono::NaiveDate> {
    if deal.is_live() && deal.status.is_closed() {
        deal.closed_on
    } else {
        None
    }
}
