//! Deals: opportunities moving through the pipeline to won or lost.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::id_enum::id_enum;
use super::{record, RecordId, Settings};
use crate::deal_input::{validate_deal, FieldError};
use crate::money::Money;

id_enum! {
    /// Where a deal ended up. Only won and lost deals are closed.
    DealStatus { Open = "open", Won = "won", Lost = "lost" }
}

impl DealStatus {
    /// Won or lost: the deal has a close date.
    pub fn is_closed(self) -> bool {
        self != DealStatus::Open
    }
}

id_enum! {
    /// What kind of business a deal brings: a new customer or more from an existing one.
    DealKind { New = "new", Upsell = "upsell", CrossSell = "cross_sell", Renewal = "renewal" }
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
    /// The [`super::Customer`] the deal is with; `None` while unknown.
    #[serde(default)]
    pub customer_id: Option<RecordId>,
    /// The [`super::Rep`] who owns the deal; `None` while unassigned.
    #[serde(default)]
    pub rep_id: Option<RecordId>,
    /// A [`super::Stage::id`]; a closed deal keeps the stage it was closed from.
    pub stage: String,
    pub status: DealStatus,
    /// Deal value in the dataset currency, after any discount.
    pub amount: Money,
    /// What delivering the deal costs (for margin); `None` when not known.
    #[serde(default)]
    pub cost: Option<Money>,
    /// The discount granted off the list price (list price = amount + discount).
    #[serde(default)]
    pub discount: Option<Money>,
    /// Win probability in percent 0–100 overriding the stage's default.
    #[serde(default)]
    pub probability: Option<u8>,
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

    /// The win probability in percent 0–100 as if the deal were open: its own, else
    /// its stage's default, else 0 (unknown stage).
    pub fn open_percent(&self, settings: &Settings) -> u8 {
        self.probability
            .or_else(|| settings.stage(&self.stage).map(|s| s.probability))
            .unwrap_or(0)
            .min(100)
    }

    /// Win probability as a fraction 0–1: won 1, lost 0; open deals use their own
    /// probability, else their stage's default, else 0 (unknown stage).
    pub fn win_probability(&self, settings: &Settings) -> f64 {
        match self.status {
            DealStatus::Won => 1.0,
            DealStatus::Lost => 0.0,
            DealStatus::Open => f64::from(self.open_percent(settings)) / 100.0,
        }
    }
}

record!(Deal, |r| {
    let mut amounts = vec![&mut r.amount];
    amounts.extend(r.cost.as_mut());
    amounts.extend(r.discount.as_mut());
    amounts
});
