//! Sales force turnover.
//!
//! Conventions:
//! - the reps in scope are, for a rep scope, that rep; for a team, the reps whose
//!   `team_id` is the team; for everyone, all reps. Deleted reps (tombstones) never
//!   count: a deleted record is a mistake undone, not a rep who left (leaving is
//!   `left_on`);
//! - headcount on a day = reps in scope employed that day ([`Rep::employed_on`]: hired
//!   on or before it, or hire date unknown, and `left_on` not before it — the last
//!   working day still counts);
//! - the period's end is `period.end`, also for a period still running, so a departure
//!   already recorded for a later day of the period counts as a leaver and is off the
//!   end headcount.

use crate::catalogue::{KpiId, KpiValue};
use crate::model::Rep;

use super::Slice;

/// The KPIs of this family for one slice. See the module docs for the conventions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamMetrics {
    /// Reps in scope with `left_on` in the period.
    pub leavers: u32,
    /// Reps in scope employed on the period's first day.
    pub headcount_start: u32,
    /// Reps in scope employed on the period's last day.
    pub headcount_end: u32,
}

impl TeamMetrics {
    /// Computes the family in one pass over the reps.
    pub fn of(slice: &Slice) -> TeamMetrics {
        let period = slice.period;
        let mut metrics = TeamMetrics::default();
        for rep in slice.data.live::<Rep>() {
            if !slice.has_rep(Some(rep.id.as_str())) {
                continue;
            }
            if rep.left_on.is_some_and(|l| period.contains(l)) {
                metrics.leavers = metrics.leavers.saturating_add(1);
            }
            if rep.employed_on(period.start) {
                metrics.headcount_start = metrics.headcount_start.saturating_add(1);
            }
            if rep.employed_on(period.end) {
                metrics.headcount_end = metrics.headcount_end.saturating_add(1);
            }
        }
        metrics
    }

    /// Turnover = leavers ÷ average headcount, the average being (headcount at the
    /// start + headcount at the end) ÷ 2; `None` when the average is 0.
    pub fn turnover_rate(&self) -> Option<f64> {
        let average = (f64::from(self.headcount_start) + f64::from(self.headcount_end)) / 2.0;
        (average > 0.0).then(|| f64::from(self.leavers) / average)
    }

    /// The value of `id`, or `None` if `id` is not of this family.
    pub fn value(&self, id: KpiId) -> Option<KpiValue> {
        match id {
            KpiId::TurnoverRate => Some(KpiValue::ratio(self.turnover_rate())),
            _ => None,
        }
    }
}
