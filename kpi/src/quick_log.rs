//! Quick log: one activity (call, visit, meeting, demo, email, prospecting block)
//! recorded in a few taps from the field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::customer_view::error;
use crate::deal_input::Problem;
use crate::model::{Activity, ActivityKind, RecordId};
use crate::rules::RecordError;

/// The longest activity: a whole day, in minutes.
pub const MAX_MINUTES: u32 = 24 * 60;

/// What the quick-log form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickLog {
    pub kind: ActivityKind,
    /// Duration as typed: a whole number of minutes, 1 – 1,440.
    pub minutes: String,
    /// The customer (blank or `None`: none). Required except for prospecting blocks.
    pub customer_id: Option<RecordId>,
    /// The deal it was about, if any.
    pub deal_id: Option<RecordId>,
    pub note: String,
    /// The day it happened; `None` = today. Not after today.
    pub date: Option<NaiveDate>,
}

/// The activity logged by `rep_id` from the quick-log form, with id `id`, stamped
/// `updated_at = now`. Problems, by field, all at once:
/// - `minutes`: required (blank), not a number (not a whole number), out of range
///   (0, or more than [`MAX_MINUTES`]);
/// - `customer_id`: required, except for [`ActivityKind::Prospecting`];
/// - `date`: date order when after `today`;
/// - `id`: required when blank.
///
/// Ids and the note are trimmed.
pub fn quick_activity(
    input: &QuickLog,
    rep_id: Option<RecordId>,
    id: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Activity, Vec<RecordError>> {
    let mut errors = Vec::new();
    let text = input.minutes.trim();
    let minutes = if text.is_empty() {
        errors.push(error("minutes", Problem::Required));
        0
    } else {
        match text.parse::<u64>() {
            Ok(m) if (1..=u64::from(MAX_MINUTES)).contains(&m) => m as u32,
            Ok(_) => {
                errors.push(error("minutes", Problem::OutOfRange));
                0
            }
            Err(_) => {
                errors.push(error("minutes", Problem::NotANumber));
                0
            }
        }
    };
    let trimmed = |id: &Option<RecordId>| {
        id.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let customer_id = trimmed(&input.customer_id);
    if customer_id.is_none() && input.kind != ActivityKind::Prospecting {
        errors.push(error("customer_id", Problem::Required));
    }
    let date = input.date.unwrap_or(today);
    if date > today {
        errors.push(error("date", Problem::DateOrder));
    }
    if id.trim().is_empty() {
        errors.push(error("id", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Activity {
        id: id.trim().to_owned(),
        updated_at: now,
        deleted_at: None,
        kind: input.kind,
        date,
        minutes,
        rep_id: trimmed(&rep_id),
        customer_id,
        deal_id: trimmed(&input.deal_id),
        note: input.note.trim().to_owned(),
    })
}
