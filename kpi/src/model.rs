//! The sales data a rep keeps: deals in stages, and the settings they are read with.
//!
//! Every record carries a globally unique id (made by the app) and `updated_at`, and a
//! deletion leaves a tombstone (`deleted_at`), so files from several reps and edits from
//! several tabs can later be merged without resurrecting or dropping anything.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::deal_input::{validate_deal, FieldError};
use crate::money::{Currency, Money};

/// A record's id: UUID v4 text, made by the app (`kpi` draws no random numbers).
pub type RecordId = String;

/// Where a deal ended up. Only won and lost deals are closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DealStatus {
    #[default]
    Open,
    Won,
    Lost,
}

impl DealStatus {
    /// Every status, in form order.
    pub const ALL: &'static [DealStatus] = &[DealStatus::Open, DealStatus::Won, DealStatus::Lost];

    /// Stable id, equal to the serialized form: "open", "won", "lost".
    pub fn id(self) -> &'static str {
        match self {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        }
    }

    /// The status with this id.
    pub fn from_id(id: &str) -> Option<DealStatus> {
        DealStatus::ALL.iter().copied().find(|s| s.id() == id)
    }

    /// Won or lost: the deal has a close date.
    pub fn is_closed(self) -> bool {
        self != DealStatus::Open
    }
}

/// What kind of business a deal brings: a new customer or more from an existing one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealKind {
    #[default]
    New,
    Upsell,
    CrossSell,
    Renewal,
}

impl DealKind {
    /// Every kind, in form order.
    pub const ALL: &'static [DealKind] = &[
        DealKind::New,
        DealKind::Upsell,
        DealKind::CrossSell,
        DealKind::Renewal,
    ];

    /// Stable id, equal to the serialized form: "new", "upsell", "cross_sell", "renewal".
    pub fn id(self) -> &'static str {
        match self {
            DealKind::New => "new",
            DealKind::Upsell => "upsell",
            DealKind::CrossSell => "cross_sell",
            DealKind::Renewal => "renewal",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<DealKind> {
        DealKind::ALL.iter().copied().find(|k| k.id() == id)
    }
}

/// A pipeline stage with its default win probability.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id referenced by [`Deal::stage`].
    pub id: String,
    /// Display name (English for the defaults; the app translates default ids).
    pub name: String,
    /// Default probability of winning from this stage, percent 0–100.
    pub probability: u8,
}

/// The default pipeline: Prospecting 10 %, Qualified 25 %, Demo 40 %, Proposal 60 %,
/// Negotiation 80 %.
pub fn default_stages() -> Vec<Stage> {
    [
        ("prospecting", "Prospecting", 10),
        ("qualified", "Qualified", 25),
        ("demo", "Demo", 40),
        ("proposal", "Proposal", 60),
        ("negotiation", "Negotiation", 80),
    ]
    .into_iter()
    .map(|(id, name, probability)| Stage {
        id: id.to_owned(),
        name: name.to_owned(),
        probability,
    })
    .collect()
}

/// An opportunity to sell, from creation to won or lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: RecordId,
    pub updated_at: DateTime<Utc>,
    /// Set when deleted: the record stays as a tombstone so merges don't resurrect it.
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    pub title: String,
    pub customer: String,
    /// The rep who owns the deal.
    pub owner: String,
    /// A [`Stage::id`]; a closed deal keeps the stage it was closed from.
    pub stage: String,
    pub status: DealStatus,
    /// Deal value in the dataset currency.
    pub amount: Money,
    pub kind: DealKind,
    /// Counts "created" KPIs and starts the sales cycle.
    pub created_on: NaiveDate,
    pub expected_close: Option<NaiveDate>,
    /// Set exactly when won or lost; the period a closed deal counts in.
    pub closed_on: Option<NaiveDate>,
    /// Why a lost deal was lost; `None` unless lost.
    pub lost_reason: Option<String>,
}

impl Deal {
    /// Not deleted (no tombstone).
    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none()
    }

    /// Every rule the deal breaks (same rules as the deal form, see
    /// [`crate::deal_input`]); empty when valid.
    pub fn validate(&self) -> Vec<FieldError> {
        validate_deal(self)
    }
}

/// How the dataset is read: its one currency and its pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub currency: Currency,
    pub stages: Vec<Stage>,
}

impl Default for Settings {
    /// EUR and [`default_stages`].
    fn default() -> Self {
        Settings {
            currency: Currency::Eur,
            stages: default_stages(),
        }
    }
}

impl Settings {
    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }
}

/// Everything the app stores: settings plus records (tombstones included).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    pub settings: Settings,
    pub deals: Vec<Deal>,
}

impl Dataset {
    /// Deals that are not deleted — what every KPI and list reads.
    pub fn live_deals(&self) -> impl Iterator<Item = &Deal> {
        self.deals.iter().filter(|d| d.is_live())
    }

    /// The live deal with this id.
    pub fn find_deal(&self, id: &str) -> Option<&Deal> {
        self.live_deals().find(|d| d.id == id)
    }

    /// Live deals for the deal list, optionally of one status: newest first by created
    /// date, then by last edit, so a deal just added or changed appears at the top.
    pub fn deals_newest_first(&self, status: Option<DealStatus>) -> Vec<Deal> {
        let mut deals: Vec<Deal> = self
            .live_deals()
            .filter(|d| status.is_none_or(|s| d.status == s))
            .cloned()
            .collect();
        deals.sort_by(|a, b| {
            b.created_on
                .cmp(&a.created_on)
                .then(b.updated_at.cmp(&a.updated_at))
        });
        deals
    }

    /// Replaces the deal with the same id (tombstone or not), or appends it.
    pub fn upsert_deal(&mut self, deal: Deal) {
        match self.deals.iter_mut().find(|d| d.id == deal.id) {
            Some(slot) => *slot = deal,
            None => self.deals.push(deal),
        }
    }

    /// Tombstones the live deal with this id (`deleted_at = updated_at = now`) and
    /// returns its version before deletion, for undo. `None` if there is no live deal.
    pub fn delete_deal(&mut self, id: &str, now: DateTime<Utc>) -> Option<Deal> {
        let deal = self.deals.iter_mut().find(|d| d.id == id && d.is_live())?;
        let previous = deal.clone();
        deal.deleted_at = Some(now);
        deal.updated_at = now;
        Some(previous)
    }

    /// Undo of a delete: puts the given version back without a tombstone. Its
    /// `updated_at` is kept as the caller gives it.
    pub fn restore_deal(&mut self, mut deal: Deal) {
        deal.deleted_at = None;
        self.upsert_deal(deal);
    }
}
