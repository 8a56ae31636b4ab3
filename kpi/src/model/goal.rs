//! SMART goals: a target for one measure (any catalogue KPI, or a count of one kind of
//! activity) over one period, owned by a rep, a team or the whole company, optionally
//! part of a cascade (parent goal + weight) and of a recurring series.
//!
//! The logic — validation, baseline, pacing, status, cascade, recurrence — lives in
//! [`crate::goals`]; this is the stored record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::engagement::ActivityKind;
use super::id_enum::id_enum;
use super::{record, RecordId};
use crate::catalogue::{Better, KpiId, Unit};
use crate::metrics::Scope;
use crate::money::Money;
use crate::period::Period;

/// What a goal measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Measure {
    /// A KPI of the catalogue, in its own unit (ratios as fractions 0–1, money in minor
    /// units, durations in days).
    Kpi(KpiId),
    /// The number of activities of one kind dated in the period ("20 visits a week").
    Activities(ActivityKind),
}

impl Measure {
    /// The unit of the measure's values.
    pub fn unit(self) -> Unit {
        match self {
            Measure::Kpi(id) => id.def().unit,
            Measure::Activities(_) => Unit::Count,
        }
    }

    /// Which direction is better (activity counts: higher).
    pub fn better(self) -> Better {
        match self {
            Measure::Kpi(id) => id.def().better,
            Measure::Activities(_) => Better::Higher,
        }
    }
}

/// A goal's target: a fixed value, a change against the baseline, or a value per
/// working day of the period.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    /// A fixed amount of money, for a measure whose unit is money.
    Amount { amount: Money },
    /// A fixed value in the measure's unit (ratios as fractions: 0.35 = 35 %).
    Value { value: f64 },
    /// A change in percent against the baseline (the same measure over the previous
    /// equivalent period): +5.0 = "5 % more", −15.0 = "15 % less".
    Change { percent: f64 },
    /// A value per working day (Mon–Fri) of the period, for cumulative non-money
    /// measures: "1 hour of prospecting every working day".
    PerWorkingDay { value: f64 },
}

impl Default for Target {
    fn default() -> Self {
        Target::Value { value: 0.0 }
    }
}

/// Who owns a goal: whose numbers count towards it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Owner {
    /// The whole company (every record, also those without a rep).
    #[default]
    Company,
    Team(RecordId),
    Rep(RecordId),
}

impl Owner {
    /// The KPI scope whose numbers count for this owner.
    pub fn scope(&self) -> Scope {
        match self {
            Owner::Company => Scope::Everyone,
            Owner::Team(id) => Scope::Team(id.clone()),
            Owner::Rep(id) => Scope::Rep(id.clone()),
        }
    }
}

id_enum! {
    /// Whether a goal carries over to the next period by itself.
    Recurrence {
        /// A one-off goal.
        None = "none",
        /// Repeats every period of the same kind (each week, each month…).
        EachPeriod = "each_period",
    }
}

/// A SMART goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub measure: Measure,
    pub target: Target,
    pub period: Period,
    #[serde(default)]
    pub owner: Owner,
    /// The goal this one contributes to (a rep goal cascaded from a team goal).
    #[serde(default)]
    pub parent_id: Option<RecordId>,
    /// Share of the parent's target, relative to its siblings' weights (≥ 1); `None`
    /// counts as 1.
    #[serde(default)]
    pub weight: Option<u32>,
    #[serde(default)]
    pub recurrence: Recurrence,
    /// The first goal of the recurring series this one was carried over from; `None`
    /// for a goal that is the start of its series (or does not recur).
    #[serde(default)]
    pub series_id: Option<RecordId>,
    pub created_on: NaiveDate,
}
record!(Goal, |r| match &mut r.target {
    Target::Amount { amount } => vec![amount],
    _ => vec![],
});

/// Numbers from JSON are always finite (JSON has no NaN or infinity, and
/// [`crate::rules`] refuses non-finite targets), so equality is an equivalence.
impl Eq for Goal {}

impl Goal {
    /// The id of the series this goal belongs to: its `series_id`, or its own id.
    pub fn series(&self) -> &str {
        self.series_id.as_deref().unwrap_or(&self.id)
    }

    /// The cascade weight, `None` read as 1.
    pub fn weight(&self) -> u32 {
        self.weight.unwrap_or(1)
    }
}
