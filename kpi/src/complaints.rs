//! Complaints: resolving one, and its time to resolve. The averages over a period (open
//! complaints, mean days to resolve) are the quality KPIs of
//! [`crate::metrics::quality::QualityMetrics`]; this module uses the same conventions.

use chrono::NaiveDate;

use crate::customer_view::error;
use crate::deal_input::Problem;
use crate::model::Feedback;
use crate::rules::RecordError;

/// The complaint resolved on `day`. Errors, by field: `complaint` required (the
/// feedback is not a complaint), `resolved_on` conflict (already resolved) or date
/// order (`day` before the complaint's date). `updated_at` is left to the app.
pub fn resolve_complaint(
    feedback: &Feedback,
    day: NaiveDate,
) -> Result<Feedback, Vec<RecordError>> {
    let is_complaint = feedback
        .complaint
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    let mut errors = Vec::new();
    if !is_complaint {
        errors.push(error("complaint", Problem::Required));
    }
    if feedback.resolved_on.is_some() {
        errors.push(error("resolved_on", Problem::Conflict));
    } else if day < feedback.date {
        errors.push(error("resolved_on", Problem::DateOrder));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut resolved = feedback.clone();
    resolved.resolved_on = Some(day);
    Ok(resolved)
}

/// The complaint reopened (resolution cleared). Errors: `resolved_on` required when it
/// is not resolved.
pub fn reopen_complaint(feedback: &Feedback) -> Result<Feedback, Vec<RecordError>> {
    if feedback.resolved_on.is_none() {
        return Err(vec![error("resolved_on", Problem::Required)]);
    }
    let mut open = feedback.clone();
    open.resolved_on = None;
    Ok(open)
}

/// Calendar days from the complaint's date to its resolution (same day = 0; a
/// resolution dated before the complaint counts 0, as in the quality KPIs); `None` for
/// feedback that is not a complaint or not resolved.
pub fn days_to_resolve(feedback: &Feedback) -> Option<i64> {
    feedback.complaint.as_ref()?;
    let resolved = feedback.resolved_on?;
    Some((resolved - feedback.date).num_days().max(0))
}

/// Days a complaint has been open at the end of `today` (made today = 0); `None` when
/// it is not open then ([`Feedback::open_complaint_on`]).
pub fn open_age_days(feedback: &Feedback, today: NaiveDate) -> Option<i64> {
    feedback
        .open_complaint_on(today)
        .then(|| (today - feedback.date).num_days())
}
