//! Sales contests and recognition: the leaderboard of a [`Contest`] and the badges of a
//! period.
//!
//! Conventions:
//!
//! - **Value**: the contest's measure for each participant (scope = that rep) over the
//!   contest period as seen on `today` ([`measure_value`]; money in minor units, ratios
//!   as fractions). Participants are the contest's rep ids, deduplicated; none listed =
//!   every live rep.
//! - **Order**: better values first by the measure's better direction
//!   ([`Measure::better`]), then by rep name, then by id, so the board does not depend
//!   on the order of the records. Participants without a value (a ratio with nothing to
//!   divide) come last, without a rank.
//! - **Rank**: standard competition ranking — equal values share a rank and the next
//!   rank skips (1, 1, 3). Values are equal when they are the same number.
//! - **Badges** ([`badges`]):
//!   - *top performer*: the highest revenue ([`KpiId::Revenue`]: won deals + orders) in
//!     the period, above 0; every rep tied for it gets the badge;
//!   - *most improved*: the largest revenue growth `(revenue − previous) ÷ previous`
//!     against [`Period::previous`], among reps with previous revenue > 0 and growth >
//!     0; ties all get it;
//!   - *goal streak*: the number of consecutive periods of the same kind, going back
//!     from the latest one that has ended by `today` (the period itself if it has
//!     ended, else the one before), in which the rep owned at least one live goal and
//!     every such goal reached its 100 % milestone ([`crate::goals::progress`]). A
//!     period without rep goals ends the streak. Earned at 2 or more; looks back at
//!     most [`MAX_STREAK`] periods.
//!
//!   Reps are the live reps; badges come in rep-name order, then kind.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalogue::{Better, KpiId, Unit};
use crate::goals::{measure_value, progress};
use crate::metrics::Scope;
use crate::model::{Contest, Dataset, Goal, Measure, Owner, RecordId, Rep};
use crate::period::Period;

/// The furthest a goal streak looks back (periods).
pub const MAX_STREAK: u32 = 60;

/// One participant's place on a leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Standing {
    pub rep_id: RecordId,
    /// The rep's name (the id for a rep that is not in the data).
    pub name: String,
    /// The measure's value (money in minor units); `None` for no data.
    pub value: Option<f64>,
    /// 1 = best; shared by equal values; `None` without a value.
    pub rank: Option<u32>,
}

/// The leaderboard of `contest` on `today` (see the module docs): the chart's bars in
/// order, best first.
pub fn leaderboard(data: &Dataset, contest: &Contest, today: NaiveDate) -> Vec<Standing> {
    let participants: BTreeSet<&str> = if contest.participants.is_empty() {
        data.live::<Rep>().map(|r| r.id.as_str()).collect()
    } else {
        contest.participants.iter().map(String::as_str).collect()
    };
    let values = participants.into_iter().map(|id| {
        let value = measure_value(
            data,
            contest.measure,
            &Scope::Rep(id.to_owned()),
            contest.period,
            today,
        );
        (id, value)
    });
    rank(data, values, contest.measure.better())
}

/// One bar of the leaderboard chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    pub rep_id: RecordId,
    pub label: String,
    /// In display units: money in major units of the dataset currency (1234.5),
    /// ratios as fractions 0–1, durations in days, counts as is — the `data-value`
    /// convention.
    pub value: f64,
    pub rank: u32,
}

/// The leaderboard as chart data: the ranked participants, best first (participants
/// without a value have no bar).
pub fn leaderboard_bars(data: &Dataset, contest: &Contest, today: NaiveDate) -> Vec<Bar> {
    let money = contest.measure.unit() == Unit::Money;
    let per_major = data.settings.currency.minor_per_major() as f64;
    leaderboard(data, contest, today)
        .into_iter()
        .filter_map(|s| {
            let (value, rank) = (s.value?, s.rank?);
            Some(Bar {
                rep_id: s.rep_id,
                label: s.name,
                value: if money { value / per_major } else { value },
                rank,
            })
        })
        .collect()
}

/// Orders and ranks (rep id, value) pairs (see the module docs).
pub fn rank<'a>(
    data: &Dataset,
    values: impl IntoIterator<Item = (&'a str, Option<f64>)>,
    better: Better,
) -> Vec<Standing> {
    let mut standings: Vec<Standing> = values
        .into_iter()
        .map(|(id, value)| Standing {
            rep_id: id.to_owned(),
            name: data.rep_name(Some(id)).unwrap_or(id).to_owned(),
            value: value.filter(|v| v.is_finite()),
            rank: None,
        })
        .collect();
    standings.sort_by(|a, b| {
        let by_value = match (a.value, b.value) {
            (Some(x), Some(y)) => match better {
                Better::Higher => y.total_cmp(&x),
                Better::Lower => x.total_cmp(&y),
            },
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_value
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.rep_id.cmp(&b.rep_id))
    });
    let mut previous: Option<(f64, u32)> = None;
    for (index, standing) in standings.iter_mut().enumerate() {
        let Some(value) = standing.value else { break };
        let position = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let rank = match previous {
            // -0.0 and 0.0 are the same number.
            Some((v, r)) if v == value => r,
            _ => position,
        };
        standing.rank = Some(rank);
        previous = Some((value, rank));
    }
    standings
}

/// A recognition badge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BadgeKind {
    TopPerformer,
    MostImproved,
    /// `periods` consecutive periods with every rep goal reached.
    GoalStreak {
        periods: u32,
    },
}

/// A badge earned by a rep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Badge {
    pub rep_id: RecordId,
    pub kind: BadgeKind,
}

/// The badges of `period` on `today` (see the module docs for the definitions).
pub fn badges(data: &Dataset, period: Period, today: NaiveDate) -> Vec<Badge> {
    let mut reps: Vec<&Rep> = data.live::<Rep>().collect();
    reps.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    let revenue = |id: &str, period: Period| {
        measure_value(
            data,
            Measure::Kpi(KpiId::Revenue),
            &Scope::Rep(id.to_owned()),
            period,
            today,
        )
        .unwrap_or(0.0)
    };
    let current: Vec<f64> = reps.iter().map(|r| revenue(&r.id, period)).collect();
    let growth: Vec<Option<f64>> = reps
        .iter()
        .zip(&current)
        .map(|(r, now)| {
            let before = revenue(&r.id, period.previous());
            (before > 0.0).then(|| (now - before) / before)
        })
        .collect();
    let best_revenue = current.iter().copied().fold(0.0_f64, f64::max);
    let best_growth = growth.iter().flatten().copied().fold(0.0_f64, f64::max);
    let mut badges = Vec::new();
    for (index, rep) in reps.iter().enumerate() {
        let mut earn = |kind| {
            badges.push(Badge {
                rep_id: rep.id.clone(),
                kind,
            })
        };
        if best_revenue > 0.0 && current[index] == best_revenue {
            earn(BadgeKind::TopPerformer);
        }
        if best_growth > 0.0 && growth[index] == Some(best_growth) {
            earn(BadgeKind::MostImproved);
        }
        let periods = goal_streak(data, &rep.id, period, today);
        if periods >= 2 {
            earn(BadgeKind::GoalStreak { periods });
        }
    }
    badges
}

/// The rep's goal streak ending at the latest period of `period`'s kind that has ended
/// by `today` (see the module docs).
pub fn goal_streak(data: &Dataset, rep_id: &str, period: Period, today: NaiveDate) -> u32 {
    let owner = Owner::Rep(rep_id.to_owned());
    let goals: Vec<&Goal> = data.live::<Goal>().filter(|g| g.owner == owner).collect();
    let mut current = if period.end <= today {
        period
    } else {
        period.previous()
    };
    let mut streak = 0;
    while streak < MAX_STREAK && current.end <= today {
        let of_period: Vec<&&Goal> = goals.iter().filter(|g| g.period == current).collect();
        let all_reached = !of_period.is_empty()
            && of_period.iter().all(|g| {
                progress(data, g, today)
                    .milestones
                    .iter()
                    .any(|m| m.percent == 100 && m.reached)
            });
        if !all_reached {
            break;
        }
        streak += 1;
        let earlier = current.previous();
        if earlier == current {
            break;
        }
        current = earlier;
    }
    streak
}
