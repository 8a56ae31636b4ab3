//! Activities and customers served per working day, prospecting hours.
//!
//! Conventions (shared by every function here):
//! - an activity counts for its `rep_id` ([`Slice::has_rep`]); an activity without a rep
//!   counts only for everyone; deleted activities (tombstones) never count;
//! - the *window* is the period so far: from `period.start` to [`Slice::reached`] (the
//!   period's end, or today while it runs). Only activities dated in the window count —
//!   one logged for a later day is a plan, not work done — so a running month's rate
//!   is not inflated by next week's meetings;
//! - working days are Monday–Friday in the window ([`working_days`]); activities on a
//!   weekend count, the weekend day does not. A period that has not started yet (today
//!   before its start) has no working days so far, and its per-day rates no data.

use crate::catalogue::{KpiId, KpiValue};
use crate::model::{Activity, ActivityKind};

use super::facts::{between, NONE};
use super::{working_days, Slice};

/// The KPIs of this family for one slice. See the module docs for the conventions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityMetrics {
    /// Working days (Mon–Fri) from the period start to [`Slice::reached`]; 0 for a
    /// period that has not started.
    pub working_days: i64,
    /// Activities in scope dated in the window.
    pub activities: u32,
    /// Distinct (customer, day) pairs among those activities (activities without a
    /// customer do not serve one).
    pub customer_days: u32,
    /// Σ minutes of the prospecting activities among them.
    pub prospecting_minutes: u64,
}

impl ActivityMetrics {
    /// Computes the family from the slice's [`Facts`](super::Facts): one pass over the
    /// window's activities (found by binary search).
    pub fn of(slice: &Slice) -> ActivityMetrics {
        let days = window_working_days(slice);
        let (mut activities, mut customer_days) = (0_u32, 0_u32);
        let mut prospecting_minutes = 0_u64;
        // The facts are sorted by (date, customer): a pair seen before is the last one.
        let mut last_pair = None;
        let (start, end) = (slice.period.start, slice.reached());
        let window = if slice.today >= start {
            between(slice.facts().activities(), start, end, |a| a.date)
        } else {
            &[]
        };
        for activity in window.iter().filter(|a| slice.owns(a.rep)) {
            activities = activities.saturating_add(1);
            let pair = (activity.date, activity.customer);
            if activity.customer != NONE && last_pair != Some(pair) {
                customer_days = customer_days.saturating_add(1);
                last_pair = Some(pair);
            }
            prospecting_minutes =
                prospecting_minutes.saturating_add(u64::from(activity.prospecting_minutes));
        }
        ActivityMetrics {
            working_days: days,
            activities,
            customer_days,
            prospecting_minutes,
        }
    }

    /// activities ÷ working days of the window; `None` with 0 working days.
    pub fn activities_per_day(&self) -> Option<f64> {
        per_day(u64::from(self.activities), self.working_days)
    }

    /// Distinct customer-days ÷ working days of the window; `None` with 0 working days.
    pub fn customers_served_per_day(&self) -> Option<f64> {
        per_day(u64::from(self.customer_days), self.working_days)
    }

    /// Σ minutes of prospecting activities in the window ÷ 60 (0 when there were none).
    pub fn prospecting_hours(&self) -> f64 {
        self.prospecting_minutes as f64 / 60.0
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        Some(match id {
            KpiId::ActivitiesPerDay => KpiValue::number(self.activities_per_day()),
            KpiId::CustomersServedPerDay => KpiValue::number(self.customers_served_per_day()),
            KpiId::ProspectingHours => KpiValue::Number(self.prospecting_hours()),
            _ => return None,
        })
    }
}

/// Activities per kind, for the activity breakdown: one entry per kind in
/// [`ActivityKind::ALL`] order (kinds without activities included), each with the
/// number of activities in scope dated in the window and that number ÷ working days of
/// the window (0.0 when the window has no working days). Same conventions as
/// [`ActivityMetrics`]; one pass over the activities.
pub fn activities_by_kind(slice: &Slice) -> Vec<(ActivityKind, u32, f64)> {
    let days = window_working_days(slice);
    let mut counts = vec![0_u32; ActivityKind::ALL.len()];
    for activity in in_window(slice) {
        if let Some(at) = ActivityKind::ALL.iter().position(|k| *k == activity.kind) {
            counts[at] = counts[at].saturating_add(1);
        }
    }
    ActivityKind::ALL
        .iter()
        .zip(counts)
        .map(|(&kind, count)| (kind, count, per_day(u64::from(count), days).unwrap_or(0.0)))
        .collect()
}

/// Working days from the period start to [`Slice::reached`]; 0 if today is before the
/// period start.
fn window_working_days(slice: &Slice) -> i64 {
    if slice.today < slice.period.start {
        0
    } else {
        working_days(slice.period.start, slice.reached())
    }
}

/// Live activities in scope dated in the window.
fn in_window<'s, 'a>(slice: &'s Slice<'a>) -> impl Iterator<Item = &'a Activity> + 's {
    let (start, end) = (slice.period.start, slice.reached());
    let started = slice.today >= start;
    slice.data.live::<Activity>().filter(move |a| {
        started && start <= a.date && a.date <= end && slice.has_rep(a.rep_id.as_deref())
    })
}

/// `count ÷ days`; `None` when `days` is not positive.
fn per_day(count: u64, days: i64) -> Option<f64> {
    (days > 0).then(|| count as f64 / days as f64)
}
