//! KPI formulas, one file per family. Each family computes its KPIs in one linear pass
//! over plain data and gives "no data" for an empty period or a zero denominator,
//! never NaN. Whose records count is decided by [`Slice`] (see `scope.rs` for the
//! conventions); revenue is read from [`Sale`]s (won deals + orders, see `sale.rs`).

pub mod activity;
pub mod customers;
pub mod facts;
pub(crate) mod hash;
pub mod pipeline;
pub mod quality;
pub mod sale;
pub mod sales;
pub mod scope;
pub mod team;

pub use facts::Facts;
pub use sale::{Sale, SaleKind};
pub use scope::{working_days, Scope, Slice};

use crate::catalogue::{KpiId, KpiValue};

/// Every KPI of the catalogue for one slice, in [`KpiId::ALL`] order. Each family is
/// computed once, so the whole dashboard is a handful of linear passes.
pub fn kpi_values(slice: &Slice) -> Vec<(KpiId, KpiValue)> {
    let sales = sales::SalesMetrics::of(slice);
    let pipeline = pipeline::PipelineMetrics::of(slice);
    let customers = customers::CustomerMetrics::of(slice);
    let activity = activity::ActivityMetrics::of(slice);
    let quality = quality::QualityMetrics::of(slice);
    let team = team::TeamMetrics::of(slice);
    KpiId::ALL
        .iter()
        .map(|&id| {
            let value = sales
                .value(id)
                .or_else(|| pipeline.value(id))
                .or_else(|| customers.value(id))
                .or_else(|| activity.value(id))
                .or_else(|| quality.value(id))
                .or_else(|| team.value(id))
                .unwrap_or(KpiValue::NoData);
            (id, value)
        })
        .collect()
}
