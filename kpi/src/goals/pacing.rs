//! Pacing of a goal: actual to date, expected to date, run-rate projection, still
//! needed per remaining day, status, milestones, attainment; the "Achievable" check
//! (baseline and unusual jump); the burn-up chart; the history of past periods.
//!
//! Conventions:
//!
//! - **Days**: pacing counts *working days* (Monday–Friday, [`working_days`]), because
//!   sales work happens on working days: pacing by calendar days would put every rep
//!   behind on Monday morning for the weekend just gone. A period without a working day
//!   (a custom Saturday–Sunday) falls back to calendar days.
//! - **Elapsed** days are the working days of the period *completed before today*
//!   (today is still running: what is sold today is a bonus, never owed yet), all of
//!   them once the period has ended. **Remaining** days are the rest, today included.
//! - **Expected to date**: for a cumulative measure, `target × elapsed ÷ total` (linear
//!   over working days; 0 on the first day); for a level measure (ratio, average, rate,
//!   stock) the target itself from the first day — a 30 % win rate is due every day,
//!   not 1/22 of it.
//! - **Projection** to period end: cumulative, the run rate `actual ÷ elapsed × total`
//!   (none before the first working day has been completed); level, the actual as it
//!   stands. Once the period has ended the projection is the actual.
//! - **Still needed per remaining day** (cumulative only): `max(target − actual, 0) ÷
//!   remaining`; for a lower-is-better cumulative measure (deals lost) it is the room
//!   left per day. None for level measures and once no day remains.
//! - **Status** ([`classify`]): the actual against the expected-to-date, read with the
//!   measure's better direction. On track: on the better side of it or equal. At risk:
//!   on the worse side by at most [`AT_RISK_TOLERANCE`] (10 %) of the expected value's
//!   size. Off track: further. A higher-is-better goal at 91 % of expected is at risk,
//!   at 89 % off track; a lower-is-better goal (CAC, sales cycle) at 109 % of its
//!   target is at risk, at 111 % off track. No status without an actual or a target.
//! - **Attainment**: `actual ÷ target` (higher is better) or `target ÷ actual` (lower
//!   is better); none when the divisor is not positive. **Milestones** 50 %, 90 %,
//!   100 % are reached when the attainment is at least that much, or all of them when
//!   the actual is on the better side of the target (a lower-is-better actual of 0).
//! - **Unusual jump** ([`UNUSUAL_JUMP`]): the resolved target improves on the baseline
//!   by more than 50 % of the baseline (up for higher-is-better, down for
//!   lower-is-better: "−60 % CAC" is flagged, "+60 % CAC" is not a jump, it is a
//!   setback). Flagged, never refused; not judged without a baseline (none or 0).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{actual_to_date, baseline, measure_value, resolve_target, Accrual};
use crate::catalogue::KpiId;
use crate::catalogue::{Better, Unit};
use crate::metrics::sales::{daily_sales, MAX_SERIES_DAYS};
use crate::metrics::{working_days, Slice};
use crate::model::id_enum::id_enum;
use crate::model::{Activity, Dataset, Goal, Measure};
use crate::period::{shift, Period};

/// At risk within this share of the expected value on the worse side (10 %).
pub const AT_RISK_TOLERANCE: f64 = 0.10;

/// A target that improves on its baseline by more than this share (50 %) is flagged.
pub const UNUSUAL_JUMP: f64 = 0.50;

/// The milestones, in percent of the target.
pub const MILESTONES: [u8; 3] = [50, 90, 100];

id_enum! {
    /// How a goal is doing (see the module docs for the thresholds).
    GoalStatus { OnTrack = "on_track", AtRisk = "at_risk", OffTrack = "off_track" }
}

/// The status of `actual` against `reference` (the expected to date) for a measure
/// whose better direction is `better` (see the module docs). Monotone in `actual`:
/// better actuals never get a worse status.
pub fn classify(actual: f64, reference: f64, better: Better) -> GoalStatus {
    let shortfall = match better {
        Better::Higher => reference - actual,
        Better::Lower => actual - reference,
    };
    // Float noise from pro-rating is not a shortfall.
    let noise = 1e-9 * reference.abs().max(1.0);
    if shortfall <= noise {
        GoalStatus::OnTrack
    } else if shortfall <= AT_RISK_TOLERANCE * reference.abs() + noise {
        GoalStatus::AtRisk
    } else {
        GoalStatus::OffTrack
    }
}

/// The "Achievable" read-out of a goal: its baseline and resolved target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The previous equivalent period the baseline is read from.
    pub baseline_period: Period,
    /// The measure for the owner over that period; `None` for no data.
    pub baseline: Option<f64>,
    /// The resolved target for the goal's period.
    pub target: Option<f64>,
    /// (target − baseline) ÷ |baseline|; `None` without a baseline (none or 0).
    pub change: Option<f64>,
    /// The target improves on the baseline by more than [`UNUSUAL_JUMP`].
    pub unusual_jump: bool,
}

/// Baseline, resolved target and the unusual-jump flag of `goal` on `today`.
pub fn assess(data: &Dataset, goal: &Goal, today: NaiveDate) -> Assessment {
    let base = baseline(data, goal, goal.period, today);
    let target = resolve_target(goal.target, goal.period, base);
    assessment(goal.period, goal.measure, base, target)
}

fn assessment(
    period: Period,
    measure: Measure,
    baseline: Option<f64>,
    target: Option<f64>,
) -> Assessment {
    let change = match (baseline, target) {
        (Some(b), Some(t)) if b != 0.0 => Some((t - b) / b.abs()),
        _ => None,
    };
    let improvement = change.map(|c| match measure.better() {
        Better::Higher => c,
        Better::Lower => -c,
    });
    Assessment {
        baseline_period: period.previous(),
        baseline,
        target,
        change,
        unusual_jump: improvement.is_some_and(|i| i > UNUSUAL_JUMP + 1e-12),
    }
}

/// A milestone of a goal: `percent` of the target, reached or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Milestone {
    pub percent: u8,
    pub reached: bool,
}

/// Where a goal stands on a day (see the module docs for every convention). Values in
/// the measure's unit (money in minor units).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub period: Period,
    pub unit: Unit,
    pub better: Better,
    pub cumulative: bool,
    /// Baseline, target and the unusual-jump flag.
    pub assessment: Assessment,
    /// The resolved target (same as `assessment.target`).
    pub target: Option<f64>,
    /// The measure from the period start to today; `None` before the start or for no
    /// data (a ratio with nothing to divide).
    pub actual: Option<f64>,
    /// What should have been reached by now.
    pub expected: Option<f64>,
    /// Run-rate projection to the period end.
    pub projection: Option<f64>,
    /// Still needed per remaining working day (cumulative measures).
    pub needed_per_day: Option<f64>,
    /// Working days of the period (calendar days for a period without any).
    pub days: i64,
    /// Of which completed before today.
    pub elapsed_days: i64,
    /// Of which left, today included.
    pub remaining_days: i64,
    pub status: Option<GoalStatus>,
    /// Actual ÷ target (or target ÷ actual for lower is better), a fraction.
    pub attainment: Option<f64>,
    /// [`MILESTONES`], in order.
    pub milestones: Vec<Milestone>,
}

impl Progress {
    /// The period has ended by `today`.
    pub fn ended(&self) -> bool {
        self.remaining_days == 0
    }
}

/// The progress of `goal` on `today`, for a goal card.
pub fn progress(data: &Dataset, goal: &Goal, today: NaiveDate) -> Progress {
    let base = baseline(data, goal, goal.period, today);
    let target = resolve_target(goal.target, goal.period, base);
    let actual = actual_to_date(data, goal.measure, &goal.owner.scope(), goal.period, today);
    pace(goal.period, goal.measure, today, base, target, actual)
}

/// (days of the period, days completed before `today`) — working days, or calendar
/// days for a period without a working day.
pub(super) fn day_counts(period: Period, today: NaiveDate) -> (i64, i64) {
    let last_done = shift(today, -1).min(period.end);
    let total = working_days(period.start, period.end);
    if total > 0 {
        (total, working_days(period.start, last_done))
    } else {
        let done = if last_done < period.start {
            0
        } else {
            (last_done - period.start).num_days() + 1
        };
        (period.days(), done.min(period.days()))
    }
}

/// Days counted up to and including `day` (the x of the target line).
fn days_through(period: Period, day: NaiveDate) -> i64 {
    day_counts(period, shift(day, 1)).1
}

/// The pacing arithmetic, from the numbers (see the module docs); shared by
/// [`progress`] and the roll-up of a cascade.
pub(super) fn pace(
    period: Period,
    measure: Measure,
    today: NaiveDate,
    baseline: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
) -> Progress {
    let better = measure.better();
    let cumulative = Accrual::of(measure) == Accrual::Cumulative;
    let (days, elapsed) = day_counts(period, today);
    let remaining = days - elapsed;
    let started = today >= period.start;
    let expected = target.filter(|_| started).map(|t| {
        if cumulative {
            t * elapsed as f64 / days.max(1) as f64
        } else {
            t
        }
    });
    let projection = actual.and_then(|a| {
        if remaining == 0 || !cumulative {
            Some(a)
        } else if elapsed > 0 {
            Some(a * days as f64 / elapsed as f64)
        } else {
            None
        }
    });
    let needed_per_day = match (cumulative, target, actual) {
        (true, Some(t), Some(a)) if remaining > 0 => Some((t - a).max(0.0) / remaining as f64),
        (true, Some(t), None) if remaining > 0 && !started => Some(t.max(0.0) / remaining as f64),
        _ => None,
    };
    let status = match (actual, expected) {
        (Some(a), Some(e)) => Some(classify(a, e, better)),
        _ => None,
    };
    let attainment = match (actual, target) {
        (Some(a), Some(t)) => attainment(a, t, better),
        _ => None,
    };
    let met = match (actual, target) {
        (Some(a), Some(t)) => classify(a, t, better) == GoalStatus::OnTrack,
        _ => false,
    };
    let milestones = MILESTONES
        .iter()
        .map(|&percent| Milestone {
            percent,
            reached: met || attainment.is_some_and(|x| x + 1e-9 >= f64::from(percent) / 100.0),
        })
        .collect();
    Progress {
        period,
        unit: measure.unit(),
        better,
        cumulative,
        assessment: assessment(period, measure, baseline, target),
        target,
        actual,
        expected,
        projection,
        needed_per_day,
        days,
        elapsed_days: elapsed,
        remaining_days: remaining,
        status,
        attainment,
        milestones,
    }
}

/// `actual ÷ target` (higher is better) or `target ÷ actual` (lower is better); `None`
/// when the divisor is not positive.
fn attainment(actual: f64, target: f64, better: Better) -> Option<f64> {
    let (numerator, divisor) = match better {
        Better::Higher => (actual, target),
        Better::Lower => (target, actual),
    };
    (divisor > 0.0)
        .then(|| numerator / divisor)
        .filter(|x| x.is_finite())
}

/// One day of the burn-up chart. Values in the measure's unit (money in minor units).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BurnUpPoint {
    pub date: NaiveDate,
    /// The measure from the period start to the end of this day (cumulative: the
    /// running total; level: the value so far); `None` after today or for no data.
    pub actual: Option<f64>,
    /// The target line: what should be reached by the end of this day (cumulative:
    /// pro-rated over working days, flat on weekends; level: the target).
    pub target: Option<f64>,
    /// The projection from today on (the run rate, or the level as it stands); `None`
    /// before today.
    pub projection: Option<f64>,
}

/// The burn-up chart of `goal` on `today`: one point per calendar day of the period
/// (at most [`MAX_SERIES_DAYS`]). The last point's target is the target; its
/// projection is [`Progress::projection`].
///
/// Linear for revenue and activity counts: one pass over the data bucketing the
/// period's sales (or activities) by day, then a running total (see
/// [`daily_increments`]). Other measures — the other cumulative KPIs and every level
/// measure, whose value so far is not a sum of days — take one pass per day up to
/// today ([`burn_up_per_day`]).
pub fn burn_up(data: &Dataset, goal: &Goal, today: NaiveDate) -> Vec<BurnUpPoint> {
    let now = progress(data, goal, today);
    let Some(days) = daily_increments(data, goal, today) else {
        return burn_up_per_day(data, goal, today, &now);
    };
    let mut total = 0.0;
    points(goal.period, today, &now, |index, _| {
        total += days.get(index).copied().unwrap_or(0.0);
        Some(total)
    })
}

/// The burn-up chart with one pass over the data per day up to today: the reference
/// the linear [`burn_up`] must match.
pub fn burn_up_per_day(
    data: &Dataset,
    goal: &Goal,
    today: NaiveDate,
    now: &Progress,
) -> Vec<BurnUpPoint> {
    let (period, scope) = (goal.period, goal.owner.scope());
    points(period, today, now, |_, date| {
        let window = Period::custom(period.start, date).ok();
        window.and_then(|w| measure_value(data, goal.measure, &scope, w, today))
    })
}

/// What each day of the goal's period adds to its measure, in one pass — for revenue
/// (the period's sales by day, as [`daily_sales`](crate::metrics::sales::daily_sales))
/// and activity counts; `None` for any other measure, or before the period starts.
fn daily_increments(data: &Dataset, goal: &Goal, today: NaiveDate) -> Option<Vec<f64>> {
    let period = goal.period;
    if today < period.start {
        return None;
    }
    let scope = goal.owner.scope();
    let slice = Slice::new(data, period, &scope, today);
    match goal.measure {
        Measure::Kpi(KpiId::Revenue) => Some(
            daily_sales(&slice)
                .into_iter()
                .map(|(_, amount)| amount.minor() as f64)
                .collect(),
        ),
        Measure::Activities(kind) => {
            let count = usize::try_from(period.days())
                .unwrap_or(0)
                .min(MAX_SERIES_DAYS);
            let mut days = vec![0.0; count];
            let reached = slice.reached();
            for activity in data.live::<Activity>() {
                if activity.kind != kind || activity.date < period.start || activity.date > reached
                {
                    continue;
                }
                if !slice.has_rep(activity.rep_id.as_deref()) {
                    continue;
                }
                let offset = usize::try_from((activity.date - period.start).num_days()).ok();
                if let Some(day) = offset.and_then(|i| days.get_mut(i)) {
                    *day += 1.0;
                }
            }
            Some(days)
        }
        Measure::Kpi(_) => None,
    }
}

/// The points of the chart, the actual of each day up to today from `actual(index,
/// date)` (called in date order).
fn points(
    period: Period,
    today: NaiveDate,
    now: &Progress,
    mut actual: impl FnMut(usize, NaiveDate) -> Option<f64>,
) -> Vec<BurnUpPoint> {
    let total = now.days.max(1) as f64;
    let count = usize::try_from(period.days())
        .unwrap_or(0)
        .min(MAX_SERIES_DAYS);
    period
        .start
        .iter_days()
        .take(count)
        .enumerate()
        .map(|(index, date)| {
            let through = days_through(period, date) as f64;
            let share = |value: f64| {
                if now.cumulative {
                    value * through / total
                } else {
                    value
                }
            };
            BurnUpPoint {
                date,
                actual: if date <= today {
                    actual(index, date)
                } else {
                    None
                },
                target: now.target.map(share),
                projection: if date >= today {
                    now.projection.map(share)
                } else {
                    None
                },
            }
        })
        .collect()
}

/// How a goal's rule did in one past period.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PastAttainment {
    pub period: Period,
    pub actual: Option<f64>,
    pub target: Option<f64>,
    pub attainment: Option<f64>,
    /// The final status: the actual against the whole target.
    pub status: Option<GoalStatus>,
}

/// The attainment of `goal`'s target rule (the same measure, owner and target; a
/// relative target against each period's own baseline) in the `count` periods before
/// its own, oldest first.
pub fn attainment_history(
    data: &Dataset,
    goal: &Goal,
    count: usize,
    today: NaiveDate,
) -> Vec<PastAttainment> {
    let scope = goal.owner.scope();
    let mut periods = Vec::with_capacity(count.min(1_000));
    let mut period = goal.period;
    for _ in 0..count.min(1_000) {
        let earlier = period.previous();
        if earlier == period {
            break;
        }
        period = earlier;
        periods.push(period);
    }
    periods.reverse();
    periods
        .into_iter()
        .map(|period| {
            let actual = measure_value(data, goal.measure, &scope, period, today);
            let base = measure_value(data, goal.measure, &scope, period.previous(), today);
            let target = resolve_target(goal.target, period, base);
            let better = goal.measure.better();
            let (attainment, status) = match (actual, target) {
                (Some(a), Some(t)) => (attainment(a, t, better), Some(classify(a, t, better))),
                _ => (None, None),
            };
            PastAttainment {
                period,
                actual,
                target,
                attainment,
                status,
            }
        })
        .collect()
}
