//! The sales data a rep keeps: deals in stages, and the settings they are read with.
//!
//! Every record carries a globally unique id (made by the app) and `updated_at`, and a
//! deletion leaves a tombstone (`deleted_at`), so files from several reps and edits from
//! several tabs can later be merged without resurrecting or dropping anything.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::deal_input::{validate_deal, FieldError};
use crate::money::{Currency, Money, NumberLocale};

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
    /// When the settings last changed (`None`: never since they were created), so a
    /// merge can tell which copy's settings are newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Default for Settings {
    /// EUR and [`default_stages`].
    fn default() -> Self {
        Settings {
            currency: Currency::Eur,
            stages: default_stages(),
            updated_at: None,
        }
    }
}

impl Settings {
    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }
}

/// Which start a dataset descends from: made anew when the user erases everything,
/// restores a backup or loads the demo. Copies of different lineages are not merged
/// record by record — the later start replaces the older one (see `Dataset::merge`),
/// so an erase in one tab is not undone by another tab's older copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    pub id: RecordId,
    pub started_at: DateTime<Utc>,
}

/// Everything the app stores: settings plus records (tombstones included).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// `None` for data from before lineages existed: the oldest start of all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
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

    /// Records that every record changed at `now` (a currency change rescales them all),
    /// so a merge with an older copy keeps this one.
    pub fn touch_all(&mut self, now: DateTime<Utc>) {
        self.settings.updated_at = Some(now);
        for deal in &mut self.deals {
            deal.updated_at = now;
        }
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

    /// Switches the dataset to currency `to`, keeping every amount's value in major
    /// units (1,234.50 EUR → 1,234.50 USD; 1,235 VND → 1,235.00 EUR): a relabelling
    /// for a rep who picked the wrong currency, not an exchange-rate conversion.
    ///
    /// Every deal, tombstones included, is rescaled by [`Money::rescale`]: minor units
    /// × 10^(new exponent − old exponent) with checked arithmetic; when `to` has fewer
    /// decimals, amounts are rounded half away from zero to whole units of `to`
    /// (1,234.50 EUR → 1,235 VND, 1,234.49 EUR → 1,234 VND). HUF keeps 2 stored
    /// decimals, so HUF ↔ CZK changes no amount.
    ///
    /// All or nothing: if any rescaled amount would overflow i64 or exceed
    /// [`Money::MAX_AMOUNT`] in magnitude, nothing changes and the error names the first
    /// such deal. Between currencies with the same exponent no amount changes, so that
    /// always succeeds. `updated_at` is left alone (`kpi` never reads the clock).
    pub fn set_currency(&mut self, to: Currency) -> Result<(), CurrencyChangeError> {
        let from = self.settings.currency;
        if from.exponent() != to.exponent() {
            let limit = Money::MAX_AMOUNT.minor().unsigned_abs();
            let mut amounts = Vec::with_capacity(self.deals.len());
            for (index, deal) in self.deals.iter().enumerate() {
                match deal.amount.rescale(from, to) {
                    Some(amount) if amount.minor().unsigned_abs() <= limit => amounts.push(amount),
                    _ => {
                        return Err(CurrencyChangeError {
                            index,
                            id: deal.id.clone(),
                            amount: deal.amount,
                            from,
                            to,
                        })
                    }
                }
            }
            for (deal, amount) in self.deals.iter_mut().zip(amounts) {
                deal.amount = amount;
            }
        }
        self.settings.currency = to;
        Ok(())
    }
}

/// Why [`Dataset::set_currency`] refused: one deal's amount, kept in major units, would
/// not fit in the new currency (beyond [`Money::MAX_AMOUNT`] or i64). Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyChangeError {
    /// The deal's position in [`Dataset::deals`] (tombstones count).
    pub index: usize,
    /// The deal's id.
    pub id: RecordId,
    /// Its amount, unchanged, in the old currency.
    pub amount: Money,
    /// The dataset's currency, still in force.
    pub from: Currency,
    /// The currency that was refused.
    pub to: Currency,
}

impl fmt::Display for CurrencyChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = |amount: Money, currency: Currency| {
            format!(
                "{} {}",
                amount.format_plain(currency, NumberLocale::En),
                currency.code()
            )
        };
        write!(
            f,
            "data.deals[{}] (id {:?}): the amount {} would exceed the largest amount in {} ({})",
            self.index,
            self.id,
            plain(self.amount, self.from),
            self.to.code(),
            plain(Money::MAX_AMOUNT, self.to),
        )
    }
}

impl std::error::Error for CurrencyChangeError {}
