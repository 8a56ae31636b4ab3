//! The sales data a rep keeps — reps and teams, customers and leads, deals in stages,
//! orders, activities, expenses, feedback and goals — and the settings they are read with.
//!
//! Every record carries a globally unique id (made by the app) and `updated_at`, and a
//! deletion leaves a tombstone (`deleted_at`), so files from several reps and edits from
//! several tabs can later be merged without resurrecting or dropping anything.
//! References between records are ids (`customer_id`, `rep_id`…); a reference to a
//! record that is not there (deleted, or not in a merged file yet) is allowed and reads
//! as "unknown".

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::money::{Currency, Money, NumberLocale};

mod commission;
mod customer;
mod deal;
mod engagement;
mod goal;
pub(crate) mod id_enum;
pub(crate) mod link;
mod people;
mod sales;
mod tracked;

pub use commission::{
    Accelerator, BonusTrigger, Bracket, CommissionBasis, CommissionPlan, Contest, DealBonus,
    GoalBonus, PlanKind, Threshold, Tier, FULL_BP,
};
pub use customer::{Customer, Lead, Source};
pub use deal::{Deal, DealKind, DealStatus};
pub use engagement::{Activity, ActivityKind, Feedback};
pub use goal::{Goal, Measure, Owner, Recurrence, Target};
pub use people::{Rep, Team};
pub use sales::{Expense, ExpenseCategory, Order, OrderKind};
pub use tracked::Tracked;

use id_enum::id_enum;

/// A record's id: UUID v4 text, made by the app (`kpi` draws no random numbers).
pub type RecordId = String;

/// 128 bits as UUID text with the given version nibble and the RFC 9562 variant (10xx):
/// random bits make a v4, name hashes a v8.
pub(crate) fn uuid_from_bits(version: u64, high: u64, low: u64) -> RecordId {
    let high = (high & !0xF000) | ((version & 0xF) << 12);
    let low = (low & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

/// What every stored record has: an id, the time of its last change, a tombstone.
pub trait Record: Clone {
    fn id(&self) -> &str;
    fn updated_at(&self) -> DateTime<Utc>;
    fn deleted_at(&self) -> Option<DateTime<Utc>>;
    /// Sets `updated_at` and `deleted_at` (a tombstone, or `None` to bring it back).
    fn stamp(&mut self, updated_at: DateTime<Utc>, deleted_at: Option<DateTime<Utc>>);
    /// Every amount of money the record holds, for a currency change.
    fn amounts_mut(&mut self) -> Vec<&mut Money>;

    /// Not deleted (no tombstone).
    fn live(&self) -> bool {
        self.deleted_at().is_none()
    }
}

/// Implements [`Record`] for a struct with `id`, `updated_at` and `deleted_at` fields;
/// the closure lists its amounts of money.
macro_rules! record {
    ($type:ty, |$r:ident| $amounts:expr) => {
        impl $crate::model::Record for $type {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated_at
            }
            fn deleted_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
                self.deleted_at
            }
            fn stamp(
                &mut self,
                updated_at: chrono::DateTime<chrono::Utc>,
                deleted_at: Option<chrono::DateTime<chrono::Utc>>,
            ) {
                self.updated_at = updated_at;
                self.deleted_at = deleted_at;
            }
            fn amounts_mut(&mut self) -> Vec<&mut $crate::money::Money> {
                let $r = self;
                $amounts
            }
        }
    };
}
pub(crate) use record;

id_enum! {
    /// The collections of a dataset; the id is the collection's name in the saved JSON.
    RecordKind {
        Team = "teams",
        Rep = "reps",
        Customer = "customers",
        Lead = "leads",
        Deal = "deals",
        Order = "orders",
        Activity = "activities",
        Expense = "expenses",
        Feedback = "feedback",
        Goal = "goals",
        CommissionPlan = "commission_plans",
        Contest = "contests",
    }
}

/// A record type and where a dataset keeps it, so collection code is written once.
pub trait Stored: Record + Sized {
    const KIND: RecordKind;
    fn all(data: &Dataset) -> &Vec<Self>;
    fn all_mut(data: &mut Dataset) -> &mut Vec<Self>;
    /// The [`Tracked`] stamp of the collection: equal stamps, equal collections.
    fn stamp(data: &Dataset) -> u64;
    /// The date a list of these records is ordered by (newest first), if it has one:
    /// an order's or activity's date, a lead's created date.
    fn list_date(&self) -> Option<NaiveDate> {
        None
    }
}

macro_rules! stored {
    ($type:ty, $kind:ident, $field:ident $(, $date:ident)?) => {
        impl Stored for $type {
            const KIND: RecordKind = RecordKind::$kind;
            fn all(data: &Dataset) -> &Vec<Self> {
                &data.$field
            }
            fn all_mut(data: &mut Dataset) -> &mut Vec<Self> {
                &mut data.$field
            }
            fn stamp(data: &Dataset) -> u64 {
                data.$field.stamp()
            }
            $(fn list_date(&self) -> Option<NaiveDate> {
                Some(self.$date)
            })?
        }
    };
}
stored!(Team, Team, teams);
stored!(Rep, Rep, reps);
stored!(Customer, Customer, customers);
stored!(Lead, Lead, leads, created_on);
stored!(Deal, Deal, deals);
stored!(Order, Order, orders, date);
stored!(Activity, Activity, activities, date);
stored!(Expense, Expense, expenses, date);
stored!(Feedback, Feedback, feedback, date);
stored!(Goal, Goal, goals);
stored!(CommissionPlan, CommissionPlan, commission_plans);
stored!(Contest, Contest, contests);

/// Calls `$visit!(Type)` for every record type, in [`RecordKind::ALL`] order: the one
/// place that lists them, for code that must touch every collection.
macro_rules! for_each_kind {
    ($visit:ident) => {
        $visit!($crate::model::Team);
        $visit!($crate::model::Rep);
        $visit!($crate::model::Customer);
        $visit!($crate::model::Lead);
        $visit!($crate::model::Deal);
        $visit!($crate::model::Order);
        $visit!($crate::model::Activity);
        $visit!($crate::model::Expense);
        $visit!($crate::model::Feedback);
        $visit!($crate::model::Goal);
        $visit!($crate::model::CommissionPlan);
        $visit!($crate::model::Contest);
    };
}
pub(crate) use for_each_kind;

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

/// How the dataset is read: its one currency, its pipeline, who "me" is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub currency: Currency,
    pub stages: Vec<Stage>,
    /// The [`Rep`] using this copy of the app: the dashboard's "me" scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me: Option<RecordId>,
    /// The sales target per calendar month, for pipeline coverage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_target: Option<Money>,
    /// When the settings last changed (`None`: never since they were created), so a
    /// merge can tell which copy's settings are newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Days without contact after which a customer is on the follow-up list
    /// ([`crate::follow_ups`]); `None` = [`Settings::DEFAULT_FOLLOW_UP_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_days: Option<u32>,
}

impl Default for Settings {
    /// EUR and [`default_stages`].
    fn default() -> Self {
        Settings {
            currency: Currency::Eur,
            stages: default_stages(),
            me: None,
            monthly_target: None,
            updated_at: None,
            follow_up_days: None,
        }
    }
}

impl Settings {
    /// Follow-up threshold when [`Settings::follow_up_days`] is unset.
    pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 30;

    /// Days without contact before a customer needs a follow-up: the setting, else 30.
    pub fn follow_up_after_days(&self) -> u32 {
        self.follow_up_days.unwrap_or(Self::DEFAULT_FOLLOW_UP_DAYS)
    }

    /// The position of the stage with this id in the pipeline.
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

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
    pub settings: Tracked<Settings>,
    #[serde(default)]
    pub teams: Tracked<Vec<Team>>,
    #[serde(default)]
    pub reps: Tracked<Vec<Rep>>,
    #[serde(default)]
    pub customers: Tracked<Vec<Customer>>,
    #[serde(default)]
    pub leads: Tracked<Vec<Lead>>,
    pub deals: Tracked<Vec<Deal>>,
    #[serde(default)]
    pub orders: Tracked<Vec<Order>>,
    #[serde(default)]
    pub activities: Tracked<Vec<Activity>>,
    #[serde(default)]
    pub expenses: Tracked<Vec<Expense>>,
    #[serde(default)]
    pub feedback: Tracked<Vec<Feedback>>,
    /// SMART goals (schema version 3).
    #[serde(default)]
    pub goals: Tracked<Vec<Goal>>,
    /// Commission plans (added to the unreleased schema version 3; absent = none).
    #[serde(default)]
    pub commission_plans: Tracked<Vec<CommissionPlan>>,
    /// Sales contests (added to the unreleased schema version 3; absent = none).
    #[serde(default)]
    pub contests: Tracked<Vec<Contest>>,
}

impl Dataset {
    /// Live records of one type — what every KPI and list reads.
    pub fn live<'a, T: Stored + 'a>(&'a self) -> impl Iterator<Item = &'a T> + 'a {
        T::all(self).iter().filter(|r| r.live())
    }

    /// The live record of type `T` with this id.
    pub fn find<T: Stored>(&self, id: &str) -> Option<&T> {
        self.live::<T>().find(|r| r.id() == id)
    }

    /// Deals that are not deleted.
    pub fn live_deals(&self) -> impl Iterator<Item = &Deal> {
        self.live::<Deal>()
    }

    /// The live deal with this id.
    pub fn find_deal(&self, id: &str) -> Option<&Deal> {
        self.find::<Deal>(id)
    }

    /// The name of the live customer with this id.
    pub fn customer_name(&self, id: Option<&str>) -> Option<&str> {
        id.and_then(|id| self.find::<Customer>(id))
            .map(|c| c.name.as_str())
    }

    /// The name of the live rep with this id.
    pub fn rep_name(&self, id: Option<&str>) -> Option<&str> {
        id.and_then(|id| self.find::<Rep>(id))
            .map(|r| r.name.as_str())
    }

    /// Live deals for the deal list, optionally of one status: newest first by created
    /// date, then by last edit, so a deal just added or changed appears at the top.
    /// The deals at positions `shown` of that list (copied: only the ones shown).
    pub fn deals_newest_first(
        &self,
        status: Option<DealStatus>,
        shown: std::ops::Range<usize>,
    ) -> Vec<Deal> {
        let mut deals: Vec<&Deal> = self.deals_of_status(status).collect();
        deals.sort_by(|a, b| {
            b.created_on
                .cmp(&a.created_on)
                .then(b.updated_at.cmp(&a.updated_at))
        });
        let page = deals.into_iter().skip(shown.start).take(shown.len());
        page.cloned().collect()
    }

    /// How many deals [`Dataset::deals_newest_first`] lists in all.
    pub fn deal_count(&self, status: Option<DealStatus>) -> usize {
        self.deals_of_status(status).count()
    }

    fn deals_of_status(&self, status: Option<DealStatus>) -> impl Iterator<Item = &Deal> {
        self.live_deals()
            .filter(move |d| status.is_none_or(|s| d.status == s))
    }

    /// Records that every record changed at `now` (a currency change rescales them all),
    /// so a merge with an older copy keeps this one.
    pub fn touch_all(&mut self, now: DateTime<Utc>) {
        self.settings.updated_at = Some(now);
        macro_rules! touch {
            ($type:ty) => {
                for record in <$type as Stored>::all_mut(self) {
                    let deleted_at = record.deleted_at();
                    record.stamp(now, deleted_at);
                }
            };
        }
        for_each_kind!(touch);
    }

    /// Replaces the record with the same id (tombstone or not), or appends it.
    pub fn upsert<T: Stored>(&mut self, record: T) {
        let all = T::all_mut(self);
        match all.iter_mut().find(|r| r.id() == record.id()) {
            Some(slot) => *slot = record,
            None => all.push(record),
        }
    }

    /// Tombstones the live record of type `T` with this id (`deleted_at = updated_at =
    /// now`) and returns its version before deletion, for undo. `None` if there is no
    /// live record with that id.
    pub fn delete<T: Stored>(&mut self, id: &str, now: DateTime<Utc>) -> Option<T> {
        let record = T::all_mut(self)
            .iter_mut()
            .find(|r| r.id() == id && r.live())?;
        let previous = record.clone();
        record.stamp(now, Some(now));
        Some(previous)
    }

    /// Undo of a delete: puts the given version back without a tombstone. Its
    /// `updated_at` is kept as the caller gives it.
    pub fn restore<T: Stored>(&mut self, mut record: T) {
        let updated_at = record.updated_at();
        record.stamp(updated_at, None);
        self.upsert(record);
    }

    /// [`Dataset::upsert`] for a deal.
    pub fn upsert_deal(&mut self, deal: Deal) {
        self.upsert(deal);
    }

    /// [`Dataset::delete`] for a deal.
    pub fn delete_deal(&mut self, id: &str, now: DateTime<Utc>) -> Option<Deal> {
        self.delete::<Deal>(id, now)
    }

    /// [`Dataset::restore`] for a deal.
    pub fn restore_deal(&mut self, deal: Deal) {
        self.restore(deal);
    }

    /// Switches the dataset to currency `to`, keeping every amount's value in major
    /// units (1,234.50 EUR → 1,234.50 USD; 1,235 VND → 1,235.00 EUR): a relabelling
    /// for a rep who picked the wrong currency, not an exchange-rate conversion.
    ///
    /// Every amount of every record, tombstones included, and the monthly target are
    /// rescaled by [`Money::rescale`]: minor units × 10^(new exponent − old exponent)
    /// with checked arithmetic; when `to` has fewer decimals, amounts are rounded half
    /// away from zero to whole units of `to` (1,234.50 EUR → 1,235 VND, 1,234.49 EUR →
    /// 1,234 VND). HUF keeps 2 stored decimals, so HUF ↔ CZK changes no amount.
    ///
    /// All or nothing: if any rescaled amount would overflow i64 or exceed
    /// [`Money::MAX_AMOUNT`] in magnitude, nothing changes and the error names the first
    /// such record (in [`RecordKind::ALL`] order). Between currencies with the same
    /// exponent no amount changes, so that always succeeds. `updated_at` is left alone
    /// (`kpi` never reads the clock).
    pub fn set_currency(&mut self, to: Currency) -> Result<(), CurrencyChangeError> {
        let from = self.settings.currency;
        if from.exponent() != to.exponent() {
            let mut copy = self.clone();
            copy.rescale_amounts(from, to)?;
            *self = copy;
        }
        self.settings.currency = to;
        Ok(())
    }

    fn rescale_amounts(&mut self, from: Currency, to: Currency) -> Result<(), CurrencyChangeError> {
        let limit = Money::MAX_AMOUNT.minor().unsigned_abs();
        let convert = |amount: &mut Money| -> bool {
            match amount.rescale(from, to) {
                Some(new) if new.minor().unsigned_abs() <= limit => {
                    *amount = new;
                    true
                }
                _ => false,
            }
        };
        if let Some(target) = self.settings.monthly_target.as_mut() {
            // A target too large for the new currency is dropped rather than blocking.
            if !convert(target) {
                self.settings.monthly_target = None;
            }
        }
        macro_rules! rescale {
            ($type:ty) => {
                for (index, record) in <$type as Stored>::all_mut(self).iter_mut().enumerate() {
                    let original = record.clone();
                    for amount in record.amounts_mut() {
                        let before = *amount;
                        if !convert(amount) {
                            return Err(CurrencyChangeError {
                                kind: <$type as Stored>::KIND,
                                index,
                                id: original.id().to_owned(),
                                amount: before,
                                from,
                                to,
                            });
                        }
                    }
                }
            };
        }
        for_each_kind!(rescale);
        Ok(())
    }
}

/// Why [`Dataset::set_currency`] refused: one record's amount, kept in major units, would
/// not fit in the new currency (beyond [`Money::MAX_AMOUNT`] or i64). Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyChangeError {
    /// The collection of the record, e.g. "deals" or "orders" ([`RecordKind::id`]).
    pub kind: RecordKind,
    /// The record's position in its collection (tombstones count).
    pub index: usize,
    /// The record's id.
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
            "data.{}[{}] (id {:?}): the amount {} would exceed the largest amount in {} ({})",
            self.kind.id(),
            self.index,
            self.id,
            plain(self.amount, self.from),
            self.to.code(),
            plain(Money::MAX_AMOUNT, self.to),
        )
    }
}

impl std::error::Error for CurrencyChangeError {}
