//! Recurring goals carry over to the next period by themselves.
//!
//! Conventions:
//! - a *series* is a goal that recurs and the instances carried over from it (their
//!   `series_id` is the first goal's id);
//! - the series goes on from its latest live instance, if that one recurs: setting its
//!   recurrence to "none" ends the series, and edits to it carry over to later
//!   instances (a relative target is resolved against each period's own baseline);
//! - an instance is due for every period of the same kind after the series' latest
//!   period that has started by today (`start ≤ today`) — also several, for an app not
//!   opened for a while (at most [`MAX_CATCH_UP`] per series and call);
//! - a deleted instance (a tombstone) still covers its period, so deleting this
//!   month's instance does not bring it back;
//! - the new instance's id is a name-based UUID of the series and the period
//!   ([`instance_id`]), so two tabs (or two reps' files) carrying over the same series
//!   make the same record, which then merges without duplicates;
//! - a cascaded instance points at its parent's instance of the same period when the
//!   parent recurs too, else at the same parent.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::pacing::{progress, PastAttainment};
use crate::model::{Dataset, Goal, RecordId, Recurrence};
use crate::period::Period;
use crate::schema::name_based_id;

/// The most instances one series gets per call of [`due_instances`].
pub const MAX_CATCH_UP: usize = 1_000;

/// The id of the instance of `series` for `period`: a name-based UUID (version 8).
pub fn instance_id(series: &str, period: Period) -> RecordId {
    name_based_id(&format!("goals\u{0}{series}\u{0}{}", period.label()))
}

/// The goal instances due on `today` (see the module docs), changed at `now`, in
/// series order (by series id) then period order. Upsert them all to carry over.
pub fn due_instances(data: &Dataset, today: NaiveDate, now: DateTime<Utc>) -> Vec<Goal> {
    let mut series: BTreeMap<&str, Vec<&Goal>> = BTreeMap::new();
    for goal in &data.goals {
        series.entry(goal.series()).or_default().push(goal);
    }
    let mut due = Vec::new();
    for (series_id, goals) in &series {
        let Some(template) = goals
            .iter()
            .filter(|g| g.deleted_at.is_none())
            .max_by_key(|g| (g.period.start, g.updated_at))
        else {
            continue;
        };
        if template.recurrence != Recurrence::EachPeriod {
            continue;
        }
        let Some(latest) = goals.iter().map(|g| g.period).max_by_key(|p| p.start) else {
            continue;
        };
        let mut period = latest.next();
        let mut made = 0;
        while period.start <= today && made < MAX_CATCH_UP {
            let covered = goals.iter().any(|g| g.period.start == period.start);
            if !covered {
                due.push(instance(data, template, series_id, period, now));
                made += 1;
            }
            let later = period.next();
            if later == period {
                break;
            }
            period = later;
        }
    }
    due
}

fn instance(
    data: &Dataset,
    template: &Goal,
    series: &str,
    period: Period,
    now: DateTime<Utc>,
) -> Goal {
    let parent_id = template.parent_id.as_ref().map(|parent_id| {
        let Some(parent) = data.goals.iter().find(|g| &g.id == parent_id) else {
            return parent_id.clone();
        };
        let parent_series = parent.series();
        if let Some(same_period) = data
            .goals
            .iter()
            .find(|g| g.series() == parent_series && g.period == period)
        {
            return same_period.id.clone();
        }
        let recurs = data
            .goals
            .iter()
            .filter(|g| g.series() == parent_series && g.deleted_at.is_none())
            .max_by_key(|g| g.period.start)
            .is_some_and(|g| g.recurrence == Recurrence::EachPeriod);
        if recurs {
            instance_id(parent_series, period)
        } else {
            parent_id.clone()
        }
    });
    Goal {
        id: instance_id(series, period),
        updated_at: now,
        deleted_at: None,
        period,
        parent_id,
        series_id: Some(series.to_owned()),
        created_on: period.start,
        ..template.clone()
    }
}

/// The attainment of the live instances of `goal`'s series (its own included) whose
/// periods have ended by `today`, oldest first: each judged against its own target (a
/// relative target against its own baseline) with the final status.
pub fn series_history(data: &Dataset, goal: &Goal, today: NaiveDate) -> Vec<PastAttainment> {
    let mut past: Vec<&Goal> = data
        .live::<Goal>()
        .filter(|g| g.series() == goal.series() && g.period.end < today)
        .collect();
    past.sort_by_key(|g| g.period.start);
    past.into_iter()
        .map(|g| {
            let p = progress(data, g, today);
            PastAttainment {
                period: g.period,
                actual: p.actual,
                target: p.target,
                attainment: p.attainment,
                status: p.status,
            }
        })
        .collect()
}
