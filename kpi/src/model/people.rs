//! The sales force: reps and the teams they belong to.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{record, RecordId};
use crate::money::Money;

/// A sales team (a department, a region's office…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub name: String,
}
record!(Team, |_r| vec![]);

/// A sales rep. Turnover is read from `hired_on` and `left_on`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rep {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub name: String,
    /// The [`Team`] the rep belongs to; `None` for none.
    #[serde(default)]
    pub team_id: Option<RecordId>,
    /// Monthly base salary, before commission.
    #[serde(default)]
    pub base_salary: Money,
    #[serde(default)]
    pub hired_on: Option<NaiveDate>,
    /// The last day at the company; `None` while employed.
    #[serde(default)]
    pub left_on: Option<NaiveDate>,
}
record!(Rep, |r| vec![&mut r.base_salary]);

impl Rep {
    /// Employed on `day`: hired on or before it (or hire date unknown) and not yet
    /// left (`left_on` is the last working day, so it still counts).
    pub fn employed_on(&self, day: NaiveDate) -> bool {
        self.hired_on.is_none_or(|h| h <= day) && self.left_on.is_none_or(|l| l >= day)
    }
}
