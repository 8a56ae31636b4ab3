//! Cascades: a team or company goal split into goals of its reps (or teams), and their
//! progress rolled back up.
//!
//! Conventions:
//! - a split is by weight (equal = every weight 1): part *i* gets `total × wᵢ ÷ Σw`;
//! - money is split without losing a cent by the largest-remainder method: every part
//!   gets `⌊total × wᵢ ÷ Σw⌋` minor units, and the minor units left over go one each to
//!   the parts with the largest remainders (ties: the earlier part), so the parts sum
//!   exactly to the whole;
//! - only a cumulative target (revenue, visits, hours…) is divided; a level target (a
//!   win rate, a CAC, a sales cycle) is given to every part as it is — each rep is to
//!   reach the 30 % win rate, not a share of it — and so is a relative target: each
//!   part is to improve its own baseline by the same percentage;
//! - roll-up: a cumulative parent's actual is the sum of its live children's actuals
//!   for the same period, judged against the parent's own target; a level parent (or
//!   one without children) is recomputed over the parent's own scope — a team's win
//!   rate is its deals won ÷ closed, not an average of its reps' rates.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use super::pacing::{pace, progress, Progress};
use super::{actual_to_date, baseline, resolve_target, Accrual};
use crate::model::{Dataset, Goal, Owner, RecordId, Target};
use crate::money::Money;

/// One part of a cascade: who gets it, with which weight (≥ 1), under which new id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CascadePart {
    pub id: RecordId,
    pub owner: Owner,
    pub weight: u32,
}

/// Why a goal could not be cascaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CascadeError {
    /// No parts were given.
    NoParts,
    /// Part `index` has weight 0.
    ZeroWeight { index: usize },
    /// Part `index` is owned by the company: parts are reps or teams.
    CompanyPart { index: usize },
    /// A rep goal cannot be split further.
    RepGoal,
}

impl fmt::Display for CascadeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CascadeError::NoParts => f.write_str("a cascade needs at least one part"),
            CascadeError::ZeroWeight { index } => write!(f, "part {index} has weight 0"),
            CascadeError::CompanyPart { index } => {
                write!(f, "part {index} is owned by the company, not a rep or team")
            }
            CascadeError::RepGoal => f.write_str("a rep's goal cannot be split further"),
        }
    }
}

impl std::error::Error for CascadeError {}

/// `total` split by `weights` without losing a minor unit (see the module docs); `None`
/// for no weights or a zero total weight.
pub fn split_money(total: Money, weights: &[u32]) -> Option<Vec<Money>> {
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    if sum == 0 {
        return None;
    }
    let total = i128::from(total.minor());
    let mut parts: Vec<(i128, i128)> = weights
        .iter()
        .map(|&w| {
            let product = total * i128::from(w);
            (product.div_euclid(sum), product.rem_euclid(sum))
        })
        .collect();
    let assigned: i128 = parts.iter().map(|p| p.0).sum();
    let left = usize::try_from(total - assigned).unwrap_or(0);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].1.cmp(&parts[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(left) {
        parts[i].0 += 1;
    }
    parts
        .into_iter()
        .map(|(minor, _)| i64::try_from(minor).ok().map(Money))
        .collect()
}

/// `total` split by `weights` (floats: the last part takes what the others leave, so
/// the parts add up to the whole); `None` for no weights or a zero total weight.
pub fn split_value(total: f64, weights: &[u32]) -> Option<Vec<f64>> {
    let sum: f64 = weights.iter().map(|&w| f64::from(w)).sum();
    if sum == 0.0 {
        return None;
    }
    let mut parts: Vec<f64> = weights
        .iter()
        .map(|&w| total * f64::from(w) / sum)
        .collect();
    let (last, others) = parts.split_last_mut()?;
    *last = total - others.iter().sum::<f64>();
    Some(parts)
}

/// The goals of `parts`, cascaded from `parent` (see the module docs): same title,
/// description, measure, period and recurrence, the part's owner, id and weight,
/// `parent_id` = the parent, created `today`, changed `now`.
pub fn cascade(
    parent: &Goal,
    parts: &[CascadePart],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<Goal>, CascadeError> {
    if matches!(parent.owner, Owner::Rep(_)) {
        return Err(CascadeError::RepGoal);
    }
    if parts.is_empty() {
        return Err(CascadeError::NoParts);
    }
    for (index, part) in parts.iter().enumerate() {
        if part.weight == 0 {
            return Err(CascadeError::ZeroWeight { index });
        }
        if part.owner == Owner::Company {
            return Err(CascadeError::CompanyPart { index });
        }
    }
    let weights: Vec<u32> = parts.iter().map(|p| p.weight).collect();
    let cumulative = Accrual::of(parent.measure) == Accrual::Cumulative;
    let targets: Vec<Target> = match parent.target {
        Target::Amount { amount } if cumulative => split_money(amount, &weights)
            .ok_or(CascadeError::NoParts)?
            .into_iter()
            .map(|amount| Target::Amount { amount })
            .collect(),
        Target::Value { value } if cumulative => split_value(value, &weights)
            .ok_or(CascadeError::NoParts)?
            .into_iter()
            .map(|value| Target::Value { value })
            .collect(),
        Target::PerWorkingDay { value } if cumulative => split_value(value, &weights)
            .ok_or(CascadeError::NoParts)?
            .into_iter()
            .map(|value| Target::PerWorkingDay { value })
            .collect(),
        same => vec![same; parts.len()],
    };
    Ok(parts
        .iter()
        .zip(targets)
        .map(|(part, target)| Goal {
            id: part.id.clone(),
            updated_at: now,
            deleted_at: None,
            title: parent.title.clone(),
            description: parent.description.clone(),
            measure: parent.measure,
            target,
            period: parent.period,
            owner: part.owner.clone(),
            parent_id: Some(parent.id.clone()),
            weight: Some(part.weight),
            recurrence: parent.recurrence,
            series_id: None,
            created_on: today,
        })
        .collect())
}

/// The progress of `parent` rolled up from its children (see the module docs).
pub fn roll_up(data: &Dataset, parent: &Goal, today: NaiveDate) -> Progress {
    let children: Vec<&Goal> = data
        .live::<Goal>()
        .filter(|g| g.parent_id.as_deref() == Some(parent.id.as_str()))
        .filter(|g| g.period == parent.period && g.measure == parent.measure)
        .collect();
    if Accrual::of(parent.measure) == Accrual::Level || children.is_empty() {
        return progress(data, parent, today);
    }
    let actual = children.iter().try_fold(0.0, |sum, child| {
        let scope = child.owner.scope();
        actual_to_date(data, child.measure, &scope, child.period, today).map(|a| sum + a)
    });
    let base = baseline(data, parent, parent.period, today);
    let target = resolve_target(parent.target, parent.period, base);
    pace(parent.period, parent.measure, today, base, target, actual)
}
