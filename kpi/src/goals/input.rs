//! The goal form: text as typed → a validated [`Goal`], every problem named by field
//! (the style of [`crate::deal_input`]).
//!
//! Rules:
//! - title required (trimmed); description optional;
//! - target required. Typed as: money in the user's locale for an absolute target of a
//!   money measure ([`Money::parse`]); a percentage for an absolute target of a ratio
//!   measure ("35" = 35 % = 0.35) and for a change ("+5", "−15"); a plain number
//!   otherwise ("20" visits, "1,5" hours in German). See [`target_problem`] for what
//!   fits a measure;
//! - a target per working day is only for cumulative measures that are not money
//!   (hours, activity counts, deals won…): else a conflict on the target kind;
//! - start date required (`yyyy-mm-dd`); a week, month, quarter or year is the one
//!   containing it; a custom range needs an end date, not before the start;
//! - a rep or team owner must be a live rep or team (else "required");
//! - a parent goal, if given, must be a live goal that is neither this goal nor one of
//!   its descendants (else "conflict");
//! - a weight, if given, is a whole number ≥ 1.
//!
//! All problems are collected at once, one per field, in form order.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Accrual;
use crate::catalogue::{KpiId, Unit};
use crate::deal_input::{amount_problem, parse_date, Problem};
use crate::model::id_enum::id_enum;
use crate::model::{Dataset, Goal, Measure, Owner, RecordId, Recurrence, Rep, Target, Team};
use crate::money::{Money, NumberLocale};
use crate::period::{Period, PeriodKind};

id_enum! {
    /// How the target is given.
    TargetKind {
        /// A fixed value (amount, count, percentage…).
        Absolute = "absolute",
        /// A change in percent against the baseline.
        Change = "change",
        /// A value per working day of the period.
        PerWorkingDay = "per_working_day",
    }
}

id_enum! {
    /// A goal form field, in form order; the id is the field's name.
    GoalField {
        Title = "title",
        Measure = "measure",
        TargetKind = "target_kind",
        Target = "target",
        Start = "start",
        End = "end",
        Owner = "owner",
        ParentId = "parent_id",
        Weight = "weight",
    }
}

/// One problem on one field of the goal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GoalError {
    pub field: GoalField,
    pub problem: Problem,
}

impl fmt::Display for GoalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.id(), self.problem.id())
    }
}

impl std::error::Error for GoalError {}

/// The goal form's fields as typed (dates as `yyyy-mm-dd`, blank when unset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalInput {
    pub title: String,
    pub description: String,
    pub measure: Measure,
    pub target_kind: TargetKind,
    pub target: String,
    pub period_kind: PeriodKind,
    pub start: String,
    /// The last day, for a custom period only.
    pub end: String,
    pub owner: Owner,
    /// A parent goal's id; blank for none.
    pub parent_id: String,
    /// Cascade weight; blank for the default (1).
    pub weight: String,
    pub recurrence: Recurrence,
}

impl Default for GoalInput {
    /// Revenue this month for the company, no target typed yet.
    fn default() -> Self {
        GoalInput {
            title: String::new(),
            description: String::new(),
            measure: Measure::Kpi(KpiId::Revenue),
            target_kind: TargetKind::Absolute,
            target: String::new(),
            period_kind: PeriodKind::Month,
            start: String::new(),
            end: String::new(),
            owner: Owner::Company,
            parent_id: String::new(),
            weight: String::new(),
            recurrence: Recurrence::None,
        }
    }
}

/// What is wrong with `target` for `measure`, if anything: a money amount only for a
/// money measure and a plain value never for one (conflict); amounts as in
/// [`amount_problem`]; no negative value for a measure that cannot be negative (only
/// growth, profit margin and NPS can); a ratio of at most 100 % (except growth and
/// turnover); CSAT 1–5, NPS −100…100; a change above −100 %; a value per working day
/// only for a cumulative measure that is not money (conflict), never negative.
pub fn target_problem(measure: Measure, target: Target) -> Option<Problem> {
    let unit = measure.unit();
    let signed = matches!(
        measure,
        Measure::Kpi(
            KpiId::RevenueGrowth | KpiId::CompoundMonthlyGrowth | KpiId::ProfitMargin | KpiId::Nps
        )
    );
    match target {
        Target::Amount { amount } if unit == Unit::Money => amount_problem(amount),
        Target::Amount { .. } => Some(Problem::Conflict),
        Target::Value { .. } if unit == Unit::Money => Some(Problem::Conflict),
        Target::Value { value } => {
            if !value.is_finite() {
                return Some(Problem::NotANumber);
            }
            if value < 0.0 && !signed {
                return Some(Problem::Negative);
            }
            let in_range = match measure {
                Measure::Kpi(KpiId::AvgCsat) => (1.0..=5.0).contains(&value),
                Measure::Kpi(KpiId::Nps) => (-100.0..=100.0).contains(&value),
                Measure::Kpi(
                    KpiId::RevenueGrowth | KpiId::CompoundMonthlyGrowth | KpiId::TurnoverRate,
                ) => true,
                _ if unit == Unit::Ratio => value <= 1.0,
                _ => value <= Money::MAX_AMOUNT.minor() as f64,
            };
            (!in_range).then_some(Problem::OutOfRange)
        }
        Target::Change { percent } if !percent.is_finite() => Some(Problem::NotANumber),
        Target::Change { percent } => {
            (percent <= -100.0 || percent > 1e9).then_some(Problem::OutOfRange)
        }
        Target::PerWorkingDay { .. }
            if unit == Unit::Money || Accrual::of(measure) != Accrual::Cumulative =>
        {
            Some(Problem::Conflict)
        }
        Target::PerWorkingDay { value } if !value.is_finite() => Some(Problem::NotANumber),
        Target::PerWorkingDay { value } if value < 0.0 => Some(Problem::Negative),
        Target::PerWorkingDay { value } => (value > 1e9).then_some(Problem::OutOfRange),
    }
}

impl GoalInput {
    /// The form prefilled from a stored goal (numbers written as typed in `locale`:
    /// no grouping, the locale's decimal separator; ratios as percentages).
    pub fn from_goal(goal: &Goal, data: &Dataset, locale: NumberLocale) -> GoalInput {
        let number = |x: f64| {
            let text = format!("{}", (x * 1e6).round() / 1e6);
            text.replace('.', &locale.decimal_separator().to_string())
        };
        let ratio = goal.measure.unit() == Unit::Ratio;
        let (target_kind, target) = match goal.target {
            Target::Amount { amount } => (
                TargetKind::Absolute,
                amount.format_plain(data.settings.currency, locale),
            ),
            Target::Value { value } if ratio => (TargetKind::Absolute, number(value * 100.0)),
            Target::Value { value } => (TargetKind::Absolute, number(value)),
            Target::Change { percent } => (TargetKind::Change, number(percent)),
            Target::PerWorkingDay { value } => (TargetKind::PerWorkingDay, number(value)),
        };
        GoalInput {
            title: goal.title.clone(),
            description: goal.description.clone(),
            measure: goal.measure,
            target_kind,
            target,
            period_kind: goal.period.kind,
            start: goal.period.start.to_string(),
            end: if goal.period.kind == PeriodKind::Custom {
                goal.period.end.to_string()
            } else {
                String::new()
            },
            owner: goal.owner.clone(),
            parent_id: goal.parent_id.clone().unwrap_or_default(),
            weight: goal.weight.map(|w| w.to_string()).unwrap_or_default(),
            recurrence: goal.recurrence,
        }
    }

    /// The period the form describes, if its dates are valid.
    pub fn period(&self) -> Result<Period, GoalError> {
        let fail = |field, problem| GoalError { field, problem };
        let start = parse_date(&self.start)
            .map_err(|p| fail(GoalField::Start, p))?
            .ok_or(fail(GoalField::Start, Problem::Required))?;
        Ok(match self.period_kind {
            PeriodKind::Week => Period::week_of(start),
            PeriodKind::Month => Period::month_of(start),
            PeriodKind::Quarter => Period::quarter_of(start),
            PeriodKind::Year => Period::year_of(start),
            PeriodKind::Custom => {
                let end = parse_date(&self.end)
                    .map_err(|p| fail(GoalField::End, p))?
                    .ok_or(fail(GoalField::End, Problem::Required))?;
                Period::custom(start, end).map_err(|_| fail(GoalField::End, Problem::DateOrder))?
            }
        })
    }

    /// [`GoalInput::period`] with both ends plausible on `today` (1970 up to ten years
    /// ahead, see [`crate::plausible`]); the problem is on the start unless the form
    /// shows an end (a custom range) and the end is the implausible one.
    pub fn plausible_period(&self, today: NaiveDate) -> Result<Period, GoalError> {
        let period = self.period()?;
        let end_field = match self.period_kind {
            PeriodKind::Custom => GoalField::End,
            _ => GoalField::Start,
        };
        for (field, day) in [(GoalField::Start, period.start), (end_field, period.end)] {
            if let Some(problem) = crate::plausible::date_problem(day, today) {
                return Err(GoalError { field, problem });
            }
        }
        Ok(period)
    }

    /// Validates the form into a goal: the live goal `id` edited (its id, created date
    /// and series kept), or a new one with `new_id` created `today`; `updated_at = now`.
    /// Every problem is returned, one per field, in form order; nothing is changed here.
    pub fn into_goal(
        &self,
        data: &Dataset,
        id: Option<&str>,
        new_id: RecordId,
        now: DateTime<Utc>,
        today: NaiveDate,
        locale: NumberLocale,
    ) -> Result<Goal, Vec<GoalError>> {
        let mut errors: Vec<GoalError> = Vec::new();
        let mut fail = |field, problem| {
            if !errors.iter().any(|e: &GoalError| e.field == field) {
                errors.push(GoalError { field, problem });
            }
        };
        let existing = id.and_then(|id| data.find::<Goal>(id));
        let goal_id = existing.map_or(new_id, |g| g.id.clone());

        if crate::plausible::is_blank(&self.title) {
            fail(GoalField::Title, Problem::Required);
        }
        let target = match self.parse_target(data, locale) {
            Ok(target) => match target_problem(self.measure, target) {
                Some(Problem::Conflict) if self.target_kind == TargetKind::PerWorkingDay => {
                    fail(GoalField::TargetKind, Problem::Conflict);
                    None
                }
                Some(problem) => {
                    fail(GoalField::Target, problem);
                    None
                }
                None => Some(target),
            },
            Err(problem) => {
                fail(GoalField::Target, problem);
                None
            }
        };
        let period = self
            .plausible_period(today)
            .map_err(|e| fail(e.field, e.problem))
            .ok();
        let owner_known = match &self.owner {
            Owner::Company => true,
            Owner::Rep(rep) => data.find::<Rep>(rep).is_some(),
            Owner::Team(team) => data.find::<Team>(team).is_some(),
        };
        if !owner_known {
            fail(GoalField::Owner, Problem::Required);
        }
        let parent_id = Some(self.parent_id.trim().to_owned()).filter(|p| !p.is_empty());
        if let Some(parent) = &parent_id {
            if !parent_allowed(data, &goal_id, parent) {
                fail(GoalField::ParentId, Problem::Conflict);
            }
        }
        let weight = match self.weight.trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(0) => {
                    fail(GoalField::Weight, Problem::OutOfRange);
                    None
                }
                Ok(w) => Some(w),
                Err(_) => {
                    fail(GoalField::Weight, Problem::NotANumber);
                    None
                }
            },
        };
        let (Some(target), Some(period), true) = (target, period, errors.is_empty()) else {
            errors.sort_by_key(|e| e.field);
            return Err(errors);
        };
        Ok(Goal {
            id: goal_id,
            updated_at: now,
            deleted_at: None,
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            measure: self.measure,
            target,
            period,
            owner: self.owner.clone(),
            parent_id,
            weight,
            recurrence: self.recurrence,
            series_id: existing.and_then(|g| g.series_id.clone()),
            created_on: existing.map_or(today, |g| g.created_on),
        })
    }

    fn parse_target(&self, data: &Dataset, locale: NumberLocale) -> Result<Target, Problem> {
        let unit = self.measure.unit();
        Ok(match self.target_kind {
            TargetKind::Absolute if unit == Unit::Money => Target::Amount {
                amount: Money::parse(&self.target, data.settings.currency, locale)?,
            },
            TargetKind::Absolute if unit == Unit::Ratio => Target::Value {
                value: parse_number(&self.target, locale)? / 100.0,
            },
            TargetKind::Absolute => Target::Value {
                value: parse_number(&self.target, locale)?,
            },
            TargetKind::Change => Target::Change {
                percent: parse_number(&self.target, locale)?,
            },
            TargetKind::PerWorkingDay => Target::PerWorkingDay {
                value: parse_number(&self.target, locale)?,
            },
        })
    }
}

/// A parent is a live goal that is not `id` itself nor below it in the cascade.
fn parent_allowed(data: &Dataset, id: &str, parent: &str) -> bool {
    let mut current = parent.to_owned();
    for _ in 0..=data.goals.len() {
        if current == id {
            return false;
        }
        let Some(goal) = data.find::<Goal>(&current) else {
            return current != parent; // an ancestor further up may be gone; the parent may not
        };
        match &goal.parent_id {
            Some(next) => current = next.clone(),
            None => return true,
        }
    }
    false // a cycle above: refuse rather than loop
}

/// A number as typed in `locale`: spaces and the group separator ignored, the decimal
/// separator read as a point, an optional sign ("+5", "−15" with a minus sign or a
/// hyphen). Blank → required; anything else → not a number.
pub(crate) fn parse_number(text: &str, locale: NumberLocale) -> Result<f64, Problem> {
    let (decimal, group) = (locale.decimal_separator(), locale.group_separator());
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .filter(|c| *c != group || group == decimal)
        .map(|c| match c {
            c if c == decimal => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    let unsigned = cleaned
        .strip_prefix('+')
        .or_else(|| cleaned.strip_prefix('-'))
        .unwrap_or(&cleaned);
    let shape_ok = !unsigned.is_empty()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.chars().filter(|c| *c == '.').count() <= 1
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !shape_ok {
        return Err(Problem::NotANumber);
    }
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or(Problem::NotANumber)
}
