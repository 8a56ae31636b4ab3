//! Whose numbers a KPI reads: one rep, a team, or everyone — and the [`Slice`] of the
//! dataset (period, scope, today) every KPI function takes.
//!
//! Attribution conventions (documented once, used by every family):
//! - deals, orders, activities and expenses count for their `rep_id`; leads for their
//!   `owner_id`; customers for their `owner_id`; feedback for its customer's owner;
//! - a record without a rep counts only for "everyone" (company-wide spend, an
//!   unassigned deal);
//! - a team's scope is the reps whose `team_id` is that team, deleted reps included
//!   (their past numbers still belong to the team).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Customer, Dataset, RecordId};
use crate::period::Period;

/// Whose numbers: one rep, a team, or everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scope", content = "id", rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Everyone,
    Rep(RecordId),
    Team(RecordId),
}

/// The part of a dataset one KPI reads: a period, a scope, and "today" (passed in:
/// `kpi` never reads the clock), with the scope's lookups built once.
pub struct Slice<'a> {
    pub data: &'a Dataset,
    pub period: Period,
    pub today: NaiveDate,
    /// `None` = everyone; else the rep ids in scope.
    reps: Option<BTreeSet<&'a str>>,
    /// Customer id → owner rep id, for records attributed through their customer.
    owners: BTreeMap<&'a str, Option<&'a str>>,
}

impl<'a> Slice<'a> {
    /// The slice of `data` for `period` and `scope` on `today`. Linear in reps and
    /// customers.
    pub fn new(data: &'a Dataset, period: Period, scope: &'a Scope, today: NaiveDate) -> Slice<'a> {
        let reps = match scope {
            Scope::Everyone => None,
            Scope::Rep(id) => Some(BTreeSet::from([id.as_str()])),
            Scope::Team(team) => Some(
                data.reps
                    .iter()
                    .filter(|r| r.team_id.as_deref() == Some(team.as_str()))
                    .map(|r| r.id.as_str())
                    .collect(),
            ),
        };
        let owners = if reps.is_some() {
            data.customers
                .iter()
                .map(|c: &Customer| (c.id.as_str(), c.owner_id.as_deref()))
                .collect()
        } else {
            BTreeMap::new()
        };
        Slice {
            data,
            period,
            today,
            reps,
            owners,
        }
    }

    /// The same scope and today over another period (e.g. the previous one, for growth).
    pub fn with_period(&self, period: Period) -> Slice<'a> {
        Slice {
            data: self.data,
            period,
            today: self.today,
            reps: self.reps.clone(),
            owners: self.owners.clone(),
        }
    }

    /// Whether a record attributed to this rep is in scope.
    pub fn has_rep(&self, rep: Option<&str>) -> bool {
        match &self.reps {
            None => true,
            Some(reps) => rep.is_some_and(|r| reps.contains(r)),
        }
    }

    /// Whether a record attributed through this customer (to its owner) is in scope.
    pub fn has_customer(&self, customer: Option<&str>) -> bool {
        match &self.reps {
            None => true,
            Some(_) => {
                let owner = customer.and_then(|c| self.owners.get(c).copied().flatten());
                self.has_rep(owner)
            }
        }
    }

    /// The rep ids in scope; `None` for everyone.
    pub fn rep_ids(&self) -> Option<&BTreeSet<&'a str>> {
        self.reps.as_ref()
    }

    /// The last day the period has reached: its end, or today if the period is still
    /// running (for "per day" rates and "at period end" counts).
    pub fn reached(&self) -> NaiveDate {
        self.period.end.min(self.today).max(self.period.start)
    }
}

/// Working days (Monday–Friday) from `start` to `end`, both included; 0 if `end` is
/// before `start`. Constant time.
pub fn working_days(start: NaiveDate, end: NaiveDate) -> i64 {
    use chrono::Datelike;
    if end < start {
        return 0;
    }
    let days = (end - start).num_days() + 1;
    let (weeks, rest) = (days / 7, days % 7);
    let first = i64::from(start.weekday().num_days_from_monday()); // 0 = Monday
    let extra = (0..rest).filter(|i| (first + i) % 7 < 5).count() as i64;
    weeks * 5 + extra
}
