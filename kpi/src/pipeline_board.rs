//! The pipeline board: open deals in stage columns with their money and weighted value,
//! stage-to-stage drop-off, moving a deal between stages, closing it won or lost, and
//! the lost-reasons chart.
//!
//! Conventions:
//! - the board shows the live open deals in scope (by `rep_id`, see
//!   [`crate::metrics::scope`]) as they stand now, whatever their dates; one column per
//!   stage of the settings, in pipeline order, then one column per stage id that open
//!   deals name but the settings do not know (sorted by id, `known: false`), so every
//!   open deal is on the board exactly once;
//! - in a column deals are ordered by expected close (soonest first, none last), then
//!   by amount (largest first), then by id;
//! - the weighted amount of a column is Σ amount × p ÷ 100, p the deal's own
//!   probability, else the stage's default, else 0 (capped at 100), summed exactly and
//!   rounded once, half away from zero, to a minor unit — as the weighted pipeline KPI;
//! - the functions that change a deal return the changed copy and leave `updated_at`
//!   alone: the app's command stamps it (`kpi` never reads the clock).

use crate::money::round_div;
use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::metrics::{Scope, Slice};
use crate::model::{Dataset, Deal, DealStatus, RecordId, Settings, Stage};
use crate::money::Money;
use crate::period::Period;

/// One column of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct StageColumn {
    /// The stage (for an unknown stage id: that id as name, probability 0).
    pub stage: Stage,
    /// Whether the settings know the stage.
    pub known: bool,
    /// The open deals in the column, in board order (see module docs).
    pub deal_ids: Vec<RecordId>,
    pub count: u32,
    /// Σ amount of the column's deals.
    pub total: Money,
    /// Σ amount × win probability of the column's deals, rounded once to a minor unit.
    pub weighted: Money,
    /// See [`StageColumn::drop_off`]: deals that reached this stage.
    pub reached: u32,
    /// Deals that reached the next stage (for the last stage: won deals).
    pub advanced: u32,
    /// Stage-to-stage drop-off: (reached − advanced) ÷ reached; `None` when no deal
    /// reached the stage, and for unknown stages.
    ///
    /// Convention: deals keep no stage history, so "reached stage *i*" is read from
    /// where live deals in scope (open, won or lost, any date) are now: an open or lost
    /// deal reached every stage up to its current (for a lost deal: the one it was lost
    /// from); a won deal reached every stage. "Advanced" = reached stage *i + 1*, or
    /// for the last stage = won. An open deal still sitting in stage *i* thus counts as
    /// not (yet) advanced. Deals in unknown stages count nowhere.
    pub drop_off: Option<f64>,
}

/// The board of `scope`: see the module docs for which deals, in which order.
pub fn board(data: &Dataset, scope: &Scope) -> Vec<StageColumn> {
    let settings = &data.settings;
    let stages = &settings.stages;
    // Use a slice only for its scope test; the period and today play no part.
    let any_day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let slice = Slice::new(data, Period::month_of(any_day), scope, any_day);
    let n = stages.len();
    let mut known: Vec<Vec<&Deal>> = vec![Vec::new(); n];
    let mut unknown: BTreeMap<&str, Vec<&Deal>> = BTreeMap::new();
    let mut reached = vec![0_u32; n];
    let mut won = 0_u32;
    for deal in data.live_deals() {
        if !slice.has_rep(deal.rep_id.as_deref()) {
            continue;
        }
        let index = settings.stage_index(&deal.stage);
        match deal.status {
            DealStatus::Open => match index {
                Some(i) => known[i].push(deal),
                None => unknown.entry(deal.stage.as_str()).or_default().push(deal),
            },
            DealStatus::Won => won = won.saturating_add(1),
            DealStatus::Lost => {}
        }
        let up_to = match (deal.status, index) {
            (DealStatus::Won, _) => n,
            (_, Some(i)) => i + 1,
            (_, None) => 0,
        };
        for count in &mut reached[..up_to] {
            *count = count.saturating_add(1);
        }
    }
    let mut columns: Vec<StageColumn> = known
        .into_iter()
        .enumerate()
        .map(|(i, deals)| {
            let advanced = reached.get(i + 1).copied().unwrap_or(won);
            column(
                stages[i].clone(),
                true,
                deals,
                settings,
                reached[i],
                advanced,
            )
        })
        .collect();
    for (id, deals) in unknown {
        let stage = Stage {
            id: id.to_owned(),
            name: id.to_owned(),
            probability: 0,
        };
        columns.push(column(stage, false, deals, settings, 0, 0));
    }
    columns
}

fn column(
    stage: Stage,
    known: bool,
    mut deals: Vec<&Deal>,
    settings: &Settings,
    reached: u32,
    advanced: u32,
) -> StageColumn {
    deals.sort_by(|a, b| {
        let close = |d: &Deal| (d.expected_close.is_none(), d.expected_close);
        close(a)
            .cmp(&close(b))
            .then(b.amount.cmp(&a.amount))
            .then(a.id.cmp(&b.id))
    });
    let mut total = Money::ZERO;
    let mut weighted: i128 = 0;
    for deal in &deals {
        total = total.saturating_add(deal.amount);
        weighted += i128::from(deal.amount.minor()) * i128::from(deal.open_percent(settings));
    }
    let drop_off = (known && reached > 0)
        .then(|| f64::from(reached.saturating_sub(advanced)) / f64::from(reached));
    StageColumn {
        stage,
        known,
        deal_ids: deals.iter().map(|d| d.id.clone()).collect(),
        count: u32::try_from(deals.len()).unwrap_or(u32::MAX),
        total,
        weighted: Money::saturating_from(round_div(weighted, 100)),
        reached,
        advanced,
        drop_off,
    }
}

/// Where to move a deal: a stage by id (drag and drop, a stage picker) or one step
/// (buttons, keyboard).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveTo {
    Stage(String),
    Next,
    Previous,
}

/// Why a deal could not be moved or closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// The deal is won or lost; reopen it (edit its status) first.
    Closed,
    /// No stage with this id in the settings (the target, or for a step the deal's
    /// current stage).
    UnknownStage(String),
    /// "Next" from the last stage (close it as won instead).
    AtLastStage,
    /// "Previous" from the first stage.
    AtFirstStage,
    /// Closing as lost needs a reason (blank after trimming).
    ReasonRequired,
    /// The close day is before the deal's created day.
    CloseBeforeCreated,
}

impl MoveError {
    /// Stable snake_case id the app maps to a message.
    pub fn id(&self) -> &'static str {
        match self {
            MoveError::Closed => "closed",
            MoveError::UnknownStage(_) => "unknown_stage",
            MoveError::AtLastStage => "at_last_stage",
            MoveError::AtFirstStage => "at_first_stage",
            MoveError::ReasonRequired => "reason_required",
            MoveError::CloseBeforeCreated => "close_before_created",
        }
    }
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveError::UnknownStage(id) => write!(f, "unknown_stage: {id:?}"),
            other => f.write_str(other.id()),
        }
    }
}

impl std::error::Error for MoveError {}

/// The deal moved to another stage of `settings`. Only open deals move; the target must
/// exist; "next"/"previous" step from the deal's current stage, which must exist and
/// not be the last/first. Moving to the stage the deal is in returns it unchanged. The
/// deal's own probability override, if any, is kept.
pub fn move_deal(deal: &Deal, to: &MoveTo, settings: &Settings) -> Result<Deal, MoveError> {
    if deal.status.is_closed() {
        return Err(MoveError::Closed);
    }
    let target = match to {
        MoveTo::Stage(id) => settings
            .stage(id)
            .ok_or_else(|| MoveError::UnknownStage(id.clone()))?,
        MoveTo::Next | MoveTo::Previous => {
            let at = settings
                .stage_index(&deal.stage)
                .ok_or_else(|| MoveError::UnknownStage(deal.stage.clone()))?;
            let index = if *to == MoveTo::Next {
                at.checked_add(1)
                    .filter(|i| *i < settings.stages.len())
                    .ok_or(MoveError::AtLastStage)?
            } else {
                at.checked_sub(1).ok_or(MoveError::AtFirstStage)?
            };
            &settings.stages[index]
        }
    };
    let mut moved = deal.clone();
    moved.stage = target.id.clone();
    Ok(moved)
}

/// The open deal closed as lost on `today` with `reason` (trimmed, required). It keeps
/// its stage (the stage it was lost from).
pub fn close_lost(deal: &Deal, reason: &str, today: NaiveDate) -> Result<Deal, MoveError> {
    if deal.status.is_closed() {
        return Err(MoveError::Closed);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(MoveError::ReasonRequired);
    }
    if today < deal.created_on {
        return Err(MoveError::CloseBeforeCreated);
    }
    let mut lost = deal.clone();
    lost.status = DealStatus::Lost;
    lost.closed_on = Some(today);
    lost.lost_reason = Some(reason.to_owned());
    Ok(lost)
}

/// The open deal closed as won on `today`. It keeps its stage.
pub fn close_won(deal: &Deal, today: NaiveDate) -> Result<Deal, MoveError> {
    if deal.status.is_closed() {
        return Err(MoveError::Closed);
    }
    if today < deal.created_on {
        return Err(MoveError::CloseBeforeCreated);
    }
    let mut won = deal.clone();
    won.status = DealStatus::Won;
    won.closed_on = Some(today);
    won.lost_reason = None;
    Ok(won)
}

/// One bar of the lost-reasons chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostReason {
    /// The most common spelling (trimmed, inner whitespace collapsed) of the group;
    /// ties go to the smallest text. Empty for deals lost without a reason.
    pub reason: String,
    pub count: u32,
    /// Σ amount of the group's deals.
    pub amount: Money,
}

/// Why deals were lost: the live lost deals in scope with `closed_on` in `period`,
/// grouped by reason. Reasons are grouped when equal after trimming, collapsing inner
/// whitespace and ignoring case ("Price ", "price" → one group). Sorted by count
/// (most first), then amount (largest first), then reason.
pub fn lost_reasons(data: &Dataset, period: &Period, scope: &Scope) -> Vec<LostReason> {
    let slice = Slice::new(data, *period, scope, period.end);
    // key → (spellings with counts, count, amount)
    let mut groups: BTreeMap<String, (BTreeMap<String, u32>, u32, Money)> = BTreeMap::new();
    for deal in data.live_deals() {
        if deal.status != DealStatus::Lost
            || !deal.closed_on.is_some_and(|c| period.contains(c))
            || !slice.has_rep(deal.rep_id.as_deref())
        {
            continue;
        }
        let spelling = deal
            .lost_reason
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let group = groups.entry(spelling.to_lowercase()).or_default();
        *group.0.entry(spelling).or_default() += 1;
        group.1 = group.1.saturating_add(1);
        group.2 = group.2.saturating_add(deal.amount);
    }
    let mut reasons: Vec<LostReason> = groups
        .into_values()
        .map(|(spellings, count, amount)| {
            // BTreeMap order + strict ">" keeps the smallest text among equal counts.
            let mut best: Option<(&String, u32)> = None;
            for (text, n) in &spellings {
                if best.is_none_or(|(_, m)| *n > m) {
                    best = Some((text, *n));
                }
            }
            LostReason {
                reason: best.map(|(t, _)| t.clone()).unwrap_or_default(),
                count,
                amount,
            }
        })
        .collect();
    reasons.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.amount.cmp(&a.amount))
            .then(a.reason.cmp(&b.reason))
    });
    reasons
}
