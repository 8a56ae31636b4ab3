//! The churn page's chart data: the monthly churn rate line and the cohort retention
//! heat map, as plain numbers a chart draws without arithmetic. Thin adapter over
//! [`monthly_churn`] and [`cohort_retention`] (their doc comments state the formulas).

use chrono::NaiveDate;

use crate::metrics::customers::{cohort_retention, monthly_churn};
use crate::metrics::Scope;
use crate::model::Dataset;
use crate::period::Period;

/// Both charts over the same months.
#[derive(Clone, Debug, PartialEq)]
pub struct ChurnChart {
    /// The calendar months shown, oldest first, the last one containing `today`.
    pub months: Vec<Period>,
    /// Entry *i*: churn rate of `months[i]` (0–1), `None` without customers at its
    /// start or for a month starting after today.
    pub churn: Vec<Option<f64>>,
    /// Row *i* = customers whose first purchase is in `months[i]`; column *k* = months
    /// since (0 = the same month). Every row has `months.len()` cells: the share still
    /// active at the end of month *i + k* (0–1), `None` for an empty cohort and for
    /// cells beyond the last month (the future).
    pub retention: Vec<Vec<Option<f64>>>,
    /// Entry *i*: how many customers cohort *i* has (for the row labels).
    pub cohort_sizes: Vec<u32>,
}

/// The charts of `scope` for the `count` calendar months up to the one containing
/// `today` ([`Period::trailing_months`]).
pub fn churn_chart(data: &Dataset, scope: &Scope, today: NaiveDate, count: usize) -> ChurnChart {
    let months = Period::trailing_months(today, count);
    let churn = monthly_churn(data, scope, &months, today);
    let table = cohort_retention(data, scope, &months);
    let n = months.len();
    let retention = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.retained.clone();
            cells.resize(n, None);
            cells
        })
        .collect();
    let cohort_sizes = table.rows.iter().map(|r| r.size).collect();
    ChurnChart {
        months,
        churn,
        retention,
        cohort_sizes,
    }
}
