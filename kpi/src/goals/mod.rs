//! SMART goals: validation of the goal form, the baseline and resolved target, pacing
//! (actual, expected to date, projection, still needed per day), status, milestones,
//! attainment history, cascades and recurring goals.
//!
//! Conventions (decided once, used by every function here):
//!
//! - **Values** are in the measure's unit as `f64`: money in *minor units* (cents),
//!   ratios as fractions 0–1, durations in days, hours, counts. Money that is stored
//!   (targets, cascade splits) stays exact [`Money`]; floats are only for the pacing
//!   read-outs and chart coordinates.
//! - **Scope**: a goal counts the numbers of its [`Owner`] (company = everyone, a team,
//!   a rep), with the attribution of [`crate::metrics::scope`].
//! - **Accrual** ([`Accrual`]): a *cumulative* measure adds up over the days of the
//!   period (revenue, deals won or lost, new customers, upsells, prospecting hours,
//!   activity counts); every other measure is a *level* — a ratio, an average, a rate
//!   per day, a score, or a stock such as the open pipeline — that is judged as it
//!   stands, not pro-rated.
//! - **Actual to date**: the measure over the part of the period that has begun, from
//!   its start to today (or its end, if sooner); records dated after today do not
//!   count yet (a meeting planned for next week is not work done).
//! - **Baseline**: the same measure for the same owner over the whole previous
//!   equivalent period ([`Period::previous`]).
//! - **Resolved target**: a fixed amount or value as stored; a change of `p` % is
//!   `baseline × (1 + p ÷ 100)` (no target when the baseline has no data or is 0: a
//!   change against nothing is no goal); a value per working day is `value × working
//!   days (Mon–Fri) of the period`.
//!
//! See `pacing.rs` for expected-to-date, projection, status thresholds and milestones,
//! `cascade.rs` for splits and roll-ups, `recurrence.rs` for recurring goals.

mod cascade;
mod input;
mod pacing;
mod recurrence;

pub use cascade::{cascade, roll_up, split_money, split_value, CascadeError, CascadePart};
pub use input::{target_problem, GoalError, GoalField, GoalInput, TargetKind};
pub use pacing::{
    assess, attainment_history, burn_up, burn_up_per_day, classify, progress, Assessment,
    BurnUpPoint, GoalStatus, Milestone, PastAttainment, Progress, AT_RISK_TOLERANCE, MILESTONES,
    UNUSUAL_JUMP,
};
pub use recurrence::{due_instances, instance_id, series_history, MAX_CATCH_UP};

use chrono::NaiveDate;

use crate::catalogue::{KpiId, KpiValue};
use crate::metrics::{activity, customers, pipeline, quality, sales, team, Scope, Slice};
use crate::model::{Activity, Dataset, Goal, Measure, Target};
use crate::money::Money;
use crate::period::Period;

/// How a measure builds up over a period (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Accrual {
    /// Adds up day by day: expected to date is pro-rated, the projection extrapolates.
    Cumulative,
    /// A ratio, average, rate or stock: expected to date is the target itself.
    Level,
}

impl Accrual {
    /// The accrual of a measure: cumulative for revenue, deals won and lost, upsell
    /// count and revenue, new customers, prospecting hours and activity counts; level
    /// for everything else.
    pub fn of(measure: Measure) -> Accrual {
        match measure {
            Measure::Activities(_) => Accrual::Cumulative,
            Measure::Kpi(
                KpiId::Revenue
                | KpiId::DealsWon
                | KpiId::DealsLost
                | KpiId::ExpansionCount
                | KpiId::ExpansionRevenue
                | KpiId::NewCustomers
                | KpiId::ProspectingHours,
            ) => Accrual::Cumulative,
            Measure::Kpi(_) => Accrual::Level,
        }
    }
}

/// The value of `measure` for `scope` over `period` as seen on `today`; `None` for no
/// data (a ratio with a zero denominator). Money in minor units.
pub fn measure_value(
    data: &Dataset,
    measure: Measure,
    scope: &Scope,
    period: Period,
    today: NaiveDate,
) -> Option<f64> {
    let slice = Slice::new(data, period, scope, today);
    match measure {
        Measure::Kpi(id) => kpi_number(kpi_value(&slice, id)),
        Measure::Activities(kind) => {
            let (start, end) = (period.start, slice.reached());
            let count = data
                .live::<Activity>()
                .filter(|a| a.kind == kind && start <= a.date && a.date <= end)
                .filter(|a| slice.has_rep(a.rep_id.as_deref()))
                .count();
            Some(if today < start { 0.0 } else { count as f64 })
        }
    }
}

/// The measure over the part of `period` that has begun by `today` (its start to
/// today, or to its end if sooner); `None` when today is before the start.
pub fn actual_to_date(
    data: &Dataset,
    measure: Measure,
    scope: &Scope,
    period: Period,
    today: NaiveDate,
) -> Option<f64> {
    if today < period.start {
        return None;
    }
    let window = Period {
        kind: period.kind,
        start: period.start,
        end: period.end.min(today),
    };
    let window = if window == period {
        period
    } else {
        Period::custom(window.start, window.end).ok()?
    };
    measure_value(data, measure, scope, window, today)
}

/// The value of one KPI for a slice: only the KPI's family (its catalogue group) is
/// computed.
fn kpi_value(slice: &Slice, id: KpiId) -> KpiValue {
    use crate::catalogue::KpiGroup;
    match id.def().group {
        KpiGroup::Revenue => sales::SalesMetrics::of(slice).value(id),
        KpiGroup::Pipeline => pipeline::PipelineMetrics::of(slice).value(id),
        KpiGroup::Customers => customers::CustomerMetrics::of(slice).value(id),
        KpiGroup::Activity => activity::ActivityMetrics::of(slice).value(id),
        KpiGroup::Quality => quality::QualityMetrics::of(slice).value(id),
        KpiGroup::Team => team::TeamMetrics::of(slice).value(id),
    }
    .unwrap_or(KpiValue::NoData)
}

/// A KPI value as a plain number (money in minor units); `None` for no data.
fn kpi_number(value: KpiValue) -> Option<f64> {
    match value {
        KpiValue::Money(m) => Some(m.minor() as f64),
        KpiValue::Count(c) => Some(f64::from(c)),
        KpiValue::Ratio(x) | KpiValue::Days(x) | KpiValue::Number(x) => x.is_finite().then_some(x),
        KpiValue::NoData => None,
    }
}

/// The goal's target for `period` (see the module docs), given the baseline of that
/// period; `None` when a relative target has no baseline to apply to.
pub fn resolve_target(target: Target, period: Period, baseline: Option<f64>) -> Option<f64> {
    let value = match target {
        Target::Amount { amount } => amount.minor() as f64,
        Target::Value { value } => value,
        Target::Change { percent } => {
            let base = baseline.filter(|b| *b != 0.0)?;
            base * (1.0 + percent / 100.0)
        }
        Target::PerWorkingDay { value } => {
            value * crate::metrics::working_days(period.start, period.end) as f64
        }
    };
    value.is_finite().then_some(value)
}

/// The baseline of a goal: its measure for its owner over the whole period before
/// `period` (see [`Period::previous`]), as seen on `today`.
pub fn baseline(data: &Dataset, goal: &Goal, period: Period, today: NaiveDate) -> Option<f64> {
    measure_value(
        data,
        goal.measure,
        &goal.owner.scope(),
        period.previous(),
        today,
    )
}

/// A value in minor units as money, rounded half away from zero; `None` when it does
/// not fit.
pub fn to_money(minor: f64) -> Option<Money> {
    let rounded = minor.round();
    (rounded.is_finite() && rounded.abs() <= Money::MAX_AMOUNT.minor() as f64)
        .then_some(Money(rounded as i64))
}
