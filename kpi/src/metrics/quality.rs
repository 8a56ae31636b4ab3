//! CSAT, NPS, open complaints, time to resolve a complaint.
//!
//! Conventions (shared by every function here):
//! - feedback counts for its customer's owner ([`Slice::has_customer`]); feedback
//!   without a customer, or naming an unknown one, counts only for everyone; deleted
//!   feedback (tombstones) never counts;
//! - scores count in the period containing the feedback's `date`; a score outside its
//!   scale (CSAT 1–5, NPS 0–10), possible only in unvalidated data, is skipped;
//! - a complaint is feedback with `complaint` text; it is open from its `date` until
//!   the day before `resolved_on` ([`Feedback::open_complaint_on`](crate::model::Feedback::open_complaint_on)).

use crate::catalogue::{KpiId, KpiValue};

use super::Slice;

/// The KPIs of this family for one slice. See the module docs for the conventions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QualityMetrics {
    /// Mean of the CSAT scores (1–5) given in the period; `None` without any.
    pub avg_csat: Option<f64>,
    /// % promoters (9–10) − % detractors (0–6) of the NPS answers (0–10) given in the
    /// period, in −100…100 (passives, 7–8, count only in the total); `None` without
    /// answers.
    pub nps: Option<f64>,
    /// Complaints open at the end of [`Slice::reached`] (the period's end, or today
    /// while it runs): made on or before that day and not resolved by then, however long
    /// ago they were made.
    pub open_complaints: u32,
    /// Mean calendar days from `date` to `resolved_on` of the complaints with
    /// `resolved_on` in the period (a same-day resolution is 0 days; a resolution dated
    /// before the complaint, only in unvalidated data, counts as 0); `None` without any.
    pub avg_resolution_days: Option<f64>,
}

impl QualityMetrics {
    /// Computes the family in one pass over the feedback (from the slice's
    /// [`Facts`](super::Facts)).
    pub fn of(slice: &Slice) -> QualityMetrics {
        let period = slice.period;
        let reached = slice.reached();
        let (mut csat_sum, mut csat_count) = (0_u64, 0_u64);
        let (mut promoters, mut detractors, mut answers) = (0_u64, 0_u64, 0_u64);
        let mut open_complaints = 0_u32;
        let (mut resolution_days, mut resolved) = (0_i64, 0_u64);
        for feedback in slice.facts().feedback() {
            if !slice.owns_customer(feedback.customer) {
                continue;
            }
            if feedback.open_complaint_on(reached) {
                open_complaints = open_complaints.saturating_add(1);
            }
            if feedback.complaint {
                if let Some(on) = feedback.resolved_on.filter(|r| period.contains(*r)) {
                    resolved += 1;
                    let days = (on - feedback.date).num_days().max(0);
                    resolution_days = resolution_days.saturating_add(days);
                }
            }
            if !period.contains(feedback.date) {
                continue;
            }
            if let Some(score) = feedback.csat.filter(|s| (1..=5).contains(s)) {
                csat_sum += u64::from(score);
                csat_count += 1;
            }
            if let Some(answer) = feedback.nps.filter(|s| *s <= 10) {
                answers += 1;
                match answer {
                    9..=10 => promoters += 1,
                    0..=6 => detractors += 1,
                    _ => {}
                }
            }
        }
        QualityMetrics {
            avg_csat: (csat_count > 0).then(|| csat_sum as f64 / csat_count as f64),
            nps: (answers > 0)
                .then(|| (promoters as f64 - detractors as f64) * 100.0 / answers as f64),
            open_complaints,
            avg_resolution_days: (resolved > 0).then(|| resolution_days as f64 / resolved as f64),
        }
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        Some(match id {
            KpiId::AvgCsat => KpiValue::number(self.avg_csat),
            KpiId::Nps => KpiValue::number(self.nps),
            KpiId::OpenComplaints => KpiValue::Count(self.open_complaints),
            KpiId::AvgResolutionDays => KpiValue::days(self.avg_resolution_days),
            _ => return None,
        })
    }
}
