//! The contest form: its fields as typed, and their validation into a [`Contest`].
//!
//! Rules (every problem is collected at once, one per field, in form order):
//!
//! - a title is required (trimmed);
//! - the measure is a catalogue KPI or an activity count (any [`Measure`]: the
//!   leaderboard orders by its better direction);
//! - the period: a start date is required (`yyyy-mm-dd`); a week, month, quarter or
//!   year is the one containing it; a custom range needs an end date, not before the
//!   start — the same rules as a goal's period ([`GoalInput::period`]);
//! - participants: rep ids, deduplicated, in the order given; each must be a live rep
//!   (else "conflict": a rep deleted while the form was open); none = every live rep;
//! - the reward is free text (trimmed), may be blank.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::catalogue::KpiId;
use crate::deal_input::Problem;
use crate::goals::{GoalField, GoalInput};
use crate::model::id_enum::id_enum;
use crate::model::{Contest, Dataset, Measure, RecordId, Rep};
use crate::period::{Period, PeriodKind};

id_enum! {
    /// A contest form field, in form order; the id is the field's name.
    ContestField {
        Title = "title",
        Measure = "measure",
        Start = "start",
        End = "end",
        Participants = "participants",
        Reward = "reward",
    }
}

/// One problem on one field of the contest form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContestError {
    pub field: ContestField,
    pub problem: Problem,
}

impl fmt::Display for ContestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.id(), self.problem.id())
    }
}

impl std::error::Error for ContestError {}

/// The contest form's fields as typed (dates as `yyyy-mm-dd`, blank when unset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestInput {
    pub title: String,
    pub measure: Measure,
    pub period_kind: PeriodKind,
    pub start: String,
    /// The last day, for a custom period only.
    pub end: String,
    /// Rep ids; empty = every live rep.
    pub participants: Vec<RecordId>,
    pub reward: String,
}

impl Default for ContestInput {
    /// Revenue over a month, everyone competing, nothing typed yet.
    fn default() -> Self {
        ContestInput {
            title: String::new(),
            measure: Measure::Kpi(KpiId::Revenue),
            period_kind: PeriodKind::Month,
            start: String::new(),
            end: String::new(),
            participants: Vec::new(),
            reward: String::new(),
        }
    }
}

impl ContestInput {
    /// A new contest's form: revenue this month (the month of `today`), everyone.
    pub fn new_on(today: NaiveDate) -> ContestInput {
        ContestInput {
            start: Period::month_of(today).start.to_string(),
            ..ContestInput::default()
        }
    }

    /// The form prefilled from a stored contest.
    pub fn from_contest(contest: &Contest) -> ContestInput {
        ContestInput {
            title: contest.title.clone(),
            measure: contest.measure,
            period_kind: contest.period.kind,
            start: contest.period.start.to_string(),
            end: if contest.period.kind == PeriodKind::Custom {
                contest.period.end.to_string()
            } else {
                String::new()
            },
            participants: contest.participants.clone(),
            reward: contest.reward.clone(),
        }
    }

    /// The period the form describes, if its dates are valid (the goal form's rules).
    pub fn period(&self) -> Result<Period, ContestError> {
        self.dates().period().map_err(contest_error)
    }

    /// [`ContestInput::period`] with both ends plausible on `today` (the goal form's
    /// rule, see [`GoalInput::plausible_period`]).
    pub fn plausible_period(&self, today: NaiveDate) -> Result<Period, ContestError> {
        self.dates().plausible_period(today).map_err(contest_error)
    }

    fn dates(&self) -> GoalInput {
        GoalInput {
            period_kind: self.period_kind,
            start: self.start.clone(),
            end: self.end.clone(),
            ..GoalInput::default()
        }
    }

    /// Validates the form into a contest: the live contest `id` edited (its id and
    /// created date kept), or a new one with `new_id` created `today`;
    /// `updated_at = now`. Every problem is returned, one per field, in form order;
    /// nothing is changed here.
    pub fn into_contest(
        &self,
        data: &Dataset,
        id: Option<&str>,
        new_id: RecordId,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Contest, Vec<ContestError>> {
        let mut errors: Vec<ContestError> = Vec::new();
        let existing = id.and_then(|id| data.find::<Contest>(id));
        if crate::plausible::is_blank(&self.title) {
            errors.push(ContestError {
                field: ContestField::Title,
                problem: Problem::Required,
            });
        }
        let period = self
            .plausible_period(today)
            .map_err(|e| errors.push(e))
            .ok();
        let mut participants: Vec<RecordId> = Vec::with_capacity(self.participants.len());
        for rep in &self.participants {
            if data.find::<Rep>(rep).is_none() {
                errors.push(ContestError {
                    field: ContestField::Participants,
                    problem: Problem::Conflict,
                });
                break;
            }
            if !participants.contains(rep) {
                participants.push(rep.clone());
            }
        }
        let Some(period) = period.filter(|_| errors.is_empty()) else {
            errors.sort_by_key(|e| e.field);
            return Err(errors);
        };
        Ok(Contest {
            id: existing.map_or(new_id, |c| c.id.clone()),
            updated_at: now,
            deleted_at: None,
            title: self.title.trim().to_owned(),
            measure: self.measure,
            period,
            participants,
            reward: self.reward.trim().to_owned(),
            created_on: existing.map_or(today, |c| c.created_on),
        })
    }
}

/// A goal form's date problem on the contest form's field.
fn contest_error(e: crate::goals::GoalError) -> ContestError {
    ContestError {
        field: match e.field {
            GoalField::End => ContestField::End,
            _ => ContestField::Start,
        },
        problem: e.problem,
    }
}
