//! The standard workloads the benchmarks time, shared by the native criterion bench
//! (`kpi/benches/recompute.rs`) and the in-browser bench (`src/bench.rs`), so both
//! measure exactly the same work.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::metrics::sales::SalesMetrics;
use crate::metrics::Facts;
use crate::{kpi_values, Dataset, Period, Scope, Slice};

/// The dashboard's scopes and periods: (everyone, "me") × (the month of `today`, the
/// month before), all reading the same `facts` of `data`.
fn dashboard_slices<'a>(
    data: &'a Dataset,
    facts: &Arc<Facts>,
    today: NaiveDate,
    me: &'a Scope,
) -> Vec<Slice<'a>> {
    let this_month = Period::month_of(today);
    [&Scope::Everyone, me]
        .into_iter()
        .flat_map(|scope| {
            [this_month, this_month.previous()]
                .into_iter()
                .map(move |period| {
                    Slice::new(data, period, scope, today).with_facts(Arc::clone(facts))
                })
        })
        .collect()
}

fn me(data: &Dataset) -> Scope {
    Scope::Rep(data.settings.me.clone().unwrap_or_default())
}

/// A full dashboard recompute after the data changed: new [`Facts`] of the data (each
/// part made once, on first use), then every KPI of the catalogue for the four
/// dashboard slices. Returns how many values were computed (so the work cannot be
/// optimised away).
pub fn dashboard_recompute(data: &Dataset, today: NaiveDate) -> usize {
    dashboard_from_facts(data, &Arc::default(), today)
}

/// The same four slices reading `facts` of `data` (unchanged since): once the facts
/// are made, this is what a change of scope or period costs.
pub fn dashboard_from_facts(data: &Dataset, facts: &Arc<Facts>, today: NaiveDate) -> usize {
    let me = me(data);
    dashboard_slices(data, facts, today, &me)
        .iter()
        .map(|slice| kpi_values(slice).len())
        .sum()
}

/// Only the sales family (revenue, won and lost, win rate, sizes, cycle, margin,
/// discount…) for the four slices, reading `facts` of `data`: the scan the plain-JavaScript baseline of the browser bench
/// repeats on records it has prepared (dates parsed, tombstones dropped) before timing.
/// Returns the revenue of the first slice in minor units.
pub fn sales_scan(data: &Dataset, facts: &Arc<Facts>, today: NaiveDate) -> i64 {
    let me = me(data);
    let slices = dashboard_slices(data, facts, today, &me);
    let totals: Vec<i64> = slices
        .iter()
        .map(|slice| SalesMetrics::of(slice).revenue.0)
        .collect();
    totals.first().copied().unwrap_or(0)
}

/// A typical edit for the benchmarks: one deal's amount changed by one minor unit
/// (back and forth on repeats, so the data stays the same size and shape).
pub fn edit_one_deal(data: &mut Dataset) {
    if let Some(deal) = data.deals.first_mut() {
        deal.amount.0 ^= 1;
    }
}

/// The dashboard after [`edit_one_deal`]: the facts renewed from `facts` (the parts
/// of the collections the edit did not touch kept) and every KPI of the four slices
/// read from them — what an edit costs the dashboard. Returns the renewed facts, for
/// the next edit, and how many values were computed.
pub fn dashboard_after_deal_edit(
    data: &mut Dataset,
    facts: &Arc<Facts>,
    today: NaiveDate,
) -> (Arc<Facts>, usize) {
    edit_one_deal(data);
    let renewed = Arc::new(Facts::renewed(Some(facts), data));
    let values = dashboard_from_facts(data, &renewed, today);
    (renewed, values)
}
