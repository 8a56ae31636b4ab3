//! Realistic generated data for the KPI properties: [`kpi::demo::generate`] with
//! proptest-chosen seeds, anchors and (small) sizes, plus helpers to read KPIs.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use kpi::demo::{generate, DemoSize};
use kpi::{kpi_values, Dataset, KpiId, KpiValue, Money, Period, Scope, Slice};
use proptest::prelude::*;

use crate::generate::recent_date;

/// A generated dataset and its anchor ("today"); shown as the inputs that make it.
#[derive(Clone)]
pub struct Demo {
    pub data: Dataset,
    pub anchor: NaiveDate,
    pub seed: u64,
}

impl fmt::Debug for Demo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "generate({}, {}, now(), DemoSize {{ deals: {} }})",
            self.seed,
            self.anchor,
            self.data.deals.len()
        )
    }
}

/// A year of data for a seed, an anchor in 2025–2027 and 20–80 deals.
pub fn demo() -> impl Strategy<Value = Demo> {
    (any::<u64>(), recent_date(), 20_usize..80).prop_map(|(seed, anchor, deals)| Demo {
        data: generate(seed, anchor, now(), DemoSize { deals }),
        anchor,
        seed,
    })
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

/// Every KPI of `scope` in `period`, read on `today`.
pub fn kpis(
    data: &Dataset,
    period: Period,
    scope: &Scope,
    today: NaiveDate,
) -> Vec<(KpiId, KpiValue)> {
    kpi_values(&Slice::new(data, period, scope, today))
}

/// One KPI of a [`kpis`] list.
pub fn value(values: &[(KpiId, KpiValue)], id: KpiId) -> KpiValue {
    values
        .iter()
        .find(|(k, _)| *k == id)
        .map_or(KpiValue::NoData, |(_, v)| *v)
}

/// Revenue of `scope` in `period`.
pub fn revenue(data: &Dataset, period: Period, scope: &Scope, today: NaiveDate) -> Money {
    match value(&kpis(data, period, scope, today), KpiId::Revenue) {
        KpiValue::Money(m) => m,
        other => panic!("revenue is {other:?}"),
    }
}

/// A count KPI (0 for no data).
pub fn count(values: &[(KpiId, KpiValue)], id: KpiId) -> u32 {
    match value(values, id) {
        KpiValue::Count(c) => c,
        _ => 0,
    }
}

/// Scopes of every rep.
pub fn rep_scopes(data: &Dataset) -> Vec<Scope> {
    data.reps.iter().map(|r| Scope::Rep(r.id.clone())).collect()
}

/// The periods worth checking for an anchor: its month, quarter and year, and the
/// month, quarter and year before.
pub fn periods(anchor: NaiveDate) -> Vec<Period> {
    let own = [
        Period::month_of(anchor),
        Period::quarter_of(anchor),
        Period::year_of(anchor),
    ];
    own.iter()
        .copied()
        .chain(own.iter().map(Period::previous))
        .collect()
}
