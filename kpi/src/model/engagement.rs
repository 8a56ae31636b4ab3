//! Work with customers: the activities reps log and the feedback customers give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::id_enum::id_enum;
use super::{record, RecordId};

id_enum! {
    /// What a rep did.
    ActivityKind {
        Call = "call",
        Email = "email",
        Meeting = "meeting",
        Demo = "demo",
        Visit = "visit",
        Prospecting = "prospecting",
    }
}

/// A call, visit, prospecting block… logged by a rep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub kind: ActivityKind,
    pub date: NaiveDate,
    /// Duration; at most a day (1,440).
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub rep_id: Option<RecordId>,
    #[serde(default)]
    pub customer_id: Option<RecordId>,
    #[serde(default)]
    pub deal_id: Option<RecordId>,
    #[serde(default)]
    pub note: String,
}
record!(Activity, |_r| vec![]);

/// What a customer told us: a CSAT score (1–5), an NPS answer (0–10), a complaint, or
/// several of these at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub customer_id: Option<RecordId>,
    pub date: NaiveDate,
    #[serde(default)]
    pub csat: Option<u8>,
    #[serde(default)]
    pub nps: Option<u8>,
    /// The complaint's text; `None` when the feedback is not a complaint.
    #[serde(default)]
    pub complaint: Option<String>,
    /// When the complaint was resolved; `None` while open.
    #[serde(default)]
    pub resolved_on: Option<NaiveDate>,
}
record!(Feedback, |_r| vec![]);

impl Feedback {
    /// A complaint still open at the end of `day`.
    pub fn open_complaint_on(&self, day: NaiveDate) -> bool {
        self.complaint.is_some() && self.date <= day && self.resolved_on.is_none_or(|r| r > day)
    }
}
