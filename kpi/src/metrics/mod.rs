//! KPI formulas, one file per family. Each is a single linear pass over plain data and
//! gives "no data" (`None`) for an empty period, never NaN.

pub mod deals;

pub use deals::{deal_metrics, revenue_by_month, DealMetrics};
