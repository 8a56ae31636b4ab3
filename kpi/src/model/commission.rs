//! Commission plans and sales contests (issue 7): the stored records. The arithmetic
//! lives in [`crate::commission`] and [`crate::contest`].
//!
//! Rates are **basis points** (`u32`, 1 bp = 0.01 %, 10 000 bp = 100 %), attainment
//! thresholds too (10 000 = 100 % of quota): integers, so every commission is an exact
//! fraction of minor units, rounded once per line, half away from zero.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::deal::DealKind;
use super::goal::Measure;
use super::id_enum::id_enum;
use super::{record, RecordId};
use crate::money::Money;
use crate::period::Period;

/// 100 % in basis points.
pub const FULL_BP: u32 = 10_000;

id_enum! {
    /// What commission is paid on: the won deals' amount, or their margin (amount −
    /// cost; a deal without a known cost counts its whole amount and is flagged on the
    /// statement).
    CommissionBasis { WonAmount = "won_amount", Margin = "margin" }
}

/// One tier of a tiered plan: from this attainment on, the whole basis earns `rate_bp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tier {
    /// Attainment in basis points of quota where the tier starts (8 000 = 80 %).
    pub from_attainment_bp: u32,
    pub rate_bp: u32,
}

/// Where a bracket of a marginal plan starts: an amount of basis, or a share of quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Threshold {
    Amount {
        amount: Money,
    },
    /// Basis points of the period's quota (10 000 = at quota).
    Attainment {
        bp: u32,
    },
}

/// One bracket of a marginal plan: the basis from this threshold up to the next one
/// earns `rate_bp` (like tax brackets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bracket {
    pub from: Threshold,
    pub rate_bp: u32,
}

/// How the commission on the basis is computed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PlanKind {
    /// One rate on the whole basis.
    Flat { rate_bp: u32 },
    /// One rate on the whole basis, chosen by quota attainment: the tier with the
    /// highest `from_attainment_bp` not above the attainment.
    Tiered { tiers: Vec<Tier> },
    /// Each slice of the basis at its bracket's rate.
    Marginal { brackets: Vec<Bracket> },
}

impl Default for PlanKind {
    fn default() -> Self {
        PlanKind::Flat { rate_bp: 0 }
    }
}

/// Extra pay on the part of the basis above 100 % of quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Accelerator {
    /// The commission earned on the basis above quota is multiplied by
    /// `multiplier_bp ÷ 10 000` (15 000 = 1.5×); the line is the extra part.
    Multiplier { multiplier_bp: u32 },
    /// The basis above quota earns this rate on top of the plan's rate.
    ExtraRate { rate_bp: u32 },
}

/// What a goal bonus is paid for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum BonusTrigger {
    /// The goal with this id has reached 100 % of its target (its 100 % milestone).
    Goal(RecordId),
    /// The basis has reached 100 % of the period's quota.
    Quota,
}

/// A fixed bonus for reaching a goal or the quota.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GoalBonus {
    pub amount: Money,
    pub trigger: BonusTrigger,
}

/// A fixed bonus per won deal of one kind ("200 € per upsell").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DealBonus {
    pub kind: DealKind,
    pub amount: Money,
}

/// A commission plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionPlan {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    /// The plan's name ("title" in the generic form).
    pub title: String,
    #[serde(default)]
    pub basis: CommissionBasis,
    /// Quota per calendar month; a statement's period gets it pro-rated by
    /// [`crate::metrics::pipeline::period_target`] (a quarter 3×). Zero: no quota.
    #[serde(default)]
    pub monthly_quota: Money,
    pub kind: PlanKind,
    #[serde(default)]
    pub accelerator: Option<Accelerator>,
    #[serde(default)]
    pub goal_bonuses: Vec<GoalBonus>,
    #[serde(default)]
    pub deal_bonuses: Vec<DealBonus>,
    /// The most variable pay (commission + accelerator + bonuses) per statement.
    #[serde(default)]
    pub cap: Option<Money>,
    /// The reps on this plan; empty = every rep.
    #[serde(default)]
    pub rep_ids: Vec<RecordId>,
    pub created_on: NaiveDate,
}
record!(CommissionPlan, |r| {
    let mut amounts = vec![&mut r.monthly_quota];
    amounts.extend(r.goal_bonuses.iter_mut().map(|b| &mut b.amount));
    amounts.extend(r.deal_bonuses.iter_mut().map(|b| &mut b.amount));
    amounts.extend(r.cap.as_mut());
    if let PlanKind::Marginal { brackets } = &mut r.kind {
        for bracket in brackets {
            if let Threshold::Amount { amount } = &mut bracket.from {
                amounts.push(amount);
            }
        }
    }
    amounts
});

impl CommissionPlan {
    /// The plan applies to this rep: listed, or the plan lists nobody (everyone).
    pub fn applies_to(&self, rep_id: &str) -> bool {
        self.rep_ids.is_empty() || self.rep_ids.iter().any(|r| r == rep_id)
    }
}

/// A sales contest: who does best on one measure over one period wins the reward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub title: String,
    /// A catalogue KPI or an activity count; its better direction orders the
    /// leaderboard ([`Measure::better`]).
    pub measure: Measure,
    pub period: Period,
    /// The competing reps; empty = every live rep.
    #[serde(default)]
    pub participants: Vec<RecordId>,
    #[serde(default)]
    pub reward: String,
    pub created_on: NaiveDate,
}
record!(Contest, |_r| vec![]);
