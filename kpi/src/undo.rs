//! Undo of one change to the dataset: a delete, a bulk save, a pipeline move, a deal
//! closed, an import, a currency change.
//!
//! Convention: undo is itself a change made *now*. Every record the change touched is
//! put back as it was, but stamped `updated_at = now`; every record the change added
//! is tombstoned at `now`. So a merge with another tab's or another rep's copy keeps the
//! undone state (the newer version wins, see [`crate::merge`]) and nothing deleted by
//! undo comes back. The settings, when the change touched them, go back the same way.
//!
//! Replacing everything (restore, demo, erase) starts a new lineage; undoing that is a
//! new start with the earlier data, which the app does itself (it needs no diff).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::forms::AnyRecord;
use crate::model::{
    Activity, CommissionPlan, Contest, Customer, Dataset, Deal, Expense, Feedback, Goal, Lead,
    Order, RecordId, RecordKind, Rep, Settings, Stored, Team,
};

/// What undoes one change: the versions before it of the records it touched, the
/// records it added, and (if it changed them) the settings before it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Revert {
    /// Each touched record as it was (tombstones stay tombstones).
    before: Vec<AnyRecord>,
    /// Records that did not exist before the change.
    added: Vec<(RecordKind, RecordId)>,
    settings: Option<Settings>,
}

/// Calls `$f::<Type>($args…)` for the record type of `$kind`.
macro_rules! by_kind {
    ($kind:expr, $f:ident ( $($arg:expr),* )) => {
        match $kind {
            RecordKind::Team => $f::<Team>($($arg),*),
            RecordKind::Rep => $f::<Rep>($($arg),*),
            RecordKind::Customer => $f::<Customer>($($arg),*),
            RecordKind::Lead => $f::<Lead>($($arg),*),
            RecordKind::Deal => $f::<Deal>($($arg),*),
            RecordKind::Order => $f::<Order>($($arg),*),
            RecordKind::Activity => $f::<Activity>($($arg),*),
            RecordKind::Expense => $f::<Expense>($($arg),*),
            RecordKind::Feedback => $f::<Feedback>($($arg),*),
            RecordKind::Goal => $f::<Goal>($($arg),*),
            RecordKind::CommissionPlan => $f::<CommissionPlan>($($arg),*),
            RecordKind::Contest => $f::<Contest>($($arg),*),
        }
    };
}

impl Revert {
    /// Taken just before a change that will touch `touched`: each record that exists
    /// (live or tombstone) is kept as it is; the others count as added by the change.
    /// Linear in the records of the touched types (an import of 100k rows included).
    pub fn capture(data: &Dataset, touched: &[(RecordKind, RecordId)]) -> Revert {
        let mut revert = Revert::default();
        for &kind in RecordKind::ALL {
            let ids: Vec<&RecordId> = touched
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| id)
                .collect();
            if !ids.is_empty() {
                by_kind!(kind, keep(data, &ids, &mut revert));
            }
        }
        revert
    }

    /// Also puts the settings back as they are in `data` now.
    pub fn with_settings(mut self, data: &Dataset) -> Revert {
        self.settings = Some(Settings::clone(&data.settings));
        self
    }

    /// How many records the undo changes.
    pub fn len(&self) -> usize {
        self.before.len() + self.added.len()
    }

    /// Nothing to undo (no record and no settings).
    pub fn is_empty(&self) -> bool {
        self.len() == 0 && self.settings.is_none()
    }

    /// Undoes the change in `data` (see the module's convention): kept versions back
    /// with `updated_at = now` (a kept tombstone stays a tombstone), added records
    /// tombstoned at `now`, settings back with `updated_at = now`.
    pub fn apply(self, data: &mut Dataset, now: DateTime<Utc>) {
        let Revert {
            mut before,
            added,
            settings,
        } = self;
        for &kind in RecordKind::ALL {
            let (mine, rest): (Vec<AnyRecord>, Vec<AnyRecord>) =
                before.into_iter().partition(|r| r.kind() == kind);
            before = rest;
            let gone: HashSet<&str> = added
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| id.as_str())
                .collect();
            if !mine.is_empty() || !gone.is_empty() {
                by_kind!(kind, put_back(data, mine, &gone, now));
            }
        }
        if let Some(mut settings) = settings {
            settings.updated_at = Some(now);
            *data.settings = settings;
        }
    }
}

/// A record of type `T` out of an [`AnyRecord`] of its kind.
trait FromAny: Sized {
    fn from_any(record: AnyRecord) -> Option<Self>;
}

macro_rules! from_any {
    ($($T:ident),+) => {
        $(impl FromAny for $T {
            fn from_any(record: AnyRecord) -> Option<Self> {
                match record {
                    AnyRecord::$T(r) => Some(r),
                    _ => None,
                }
            }
        })+
    };
}
from_any!(
    Team,
    Rep,
    Customer,
    Lead,
    Deal,
    Order,
    Activity,
    Expense,
    Feedback,
    Goal,
    CommissionPlan,
    Contest
);

/// Keeps the stored versions of `ids` (type `T`) in `revert`; unknown ids are added.
fn keep<T: Stored + Into<AnyRecord>>(data: &Dataset, ids: &[&RecordId], revert: &mut Revert) {
    let stored: HashMap<&str, &T> = T::all(data).iter().map(|r| (r.id(), r)).collect();
    for id in ids {
        match stored.get(id.as_str()) {
            Some(record) => revert.before.push((*record).clone().into()),
            None => revert.added.push((T::KIND, (*id).clone())),
        }
    }
}

/// Puts `before` back (stamped `now`) and tombstones the live records in `gone`.
fn put_back<T: Stored + FromAny>(
    data: &mut Dataset,
    before: Vec<AnyRecord>,
    gone: &HashSet<&str>,
    now: DateTime<Utc>,
) {
    for record in T::all_mut(data).iter_mut() {
        if record.live() && gone.contains(record.id()) {
            record.stamp(now, Some(now));
        }
    }
    place::<T>(data, before, now);
}

/// Each record replaces the stored one with its id or is appended, its `updated_at`
/// set to `now` (its tombstone, if any, is kept). Linear time.
fn place<T: Stored + FromAny>(data: &mut Dataset, records: Vec<AnyRecord>, now: DateTime<Utc>) {
    let all = T::all_mut(data);
    let mut position: HashMap<String, usize> = all
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id().to_owned(), i))
        .collect();
    for mut record in records.into_iter().filter_map(T::from_any) {
        let deleted_at = record.deleted_at();
        record.stamp(now, deleted_at);
        match position.get(record.id()) {
            Some(&i) => all[i] = record,
            None => {
                position.insert(record.id().to_owned(), all.len());
                all.push(record);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DealKind, DealStatus};
    use crate::money::{Currency, Money};
    use chrono::{NaiveDate, TimeZone};

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 15, hour, 0, 0).unwrap()
    }

    fn deal(id: &str, stage: &str) -> Deal {
        Deal {
            id: id.into(),
            updated_at: at(1),
            deleted_at: None,
            title: format!("Deal {id}"),
            customer_id: None,
            rep_id: None,
            stage: stage.into(),
            status: DealStatus::Open,
            amount: Money(10_000),
            cost: None,
            discount: None,
            probability: None,
            kind: DealKind::New,
            created_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            expected_close: None,
            closed_on: None,
            lost_reason: None,
        }
    }

    fn data() -> Dataset {
        Dataset {
            deals: vec![deal("a", "qualified"), deal("b", "demo")].into(),
            ..Dataset::default()
        }
    }

    fn touched(ids: &[&str]) -> Vec<(RecordKind, RecordId)> {
        ids.iter()
            .map(|id| (RecordKind::Deal, id.to_string()))
            .collect()
    }

    #[test]
    fn each_change_is_undone_and_stamped_now() {
        type Change = fn(&mut Dataset);
        /// (case, touched ids, change, live deal ids after undo, stage of "a" after undo)
        type Case = (
            &'static str,
            &'static [&'static str],
            Change,
            &'static [&'static str],
            &'static str,
        );
        let cases: [Case; 5] = [
            (
                "a delete comes back",
                &["a"],
                |d| {
                    d.delete_record(RecordKind::Deal, "a", at(2));
                },
                &["a", "b"],
                "qualified",
            ),
            (
                "a move goes back to its stage",
                &["a"],
                |d| {
                    d.deals[0].stage = "proposal".into();
                },
                &["a", "b"],
                "qualified",
            ),
            (
                "an added record is tombstoned",
                &["c"],
                |d| d.deals.push(deal("c", "demo")),
                &["a", "b"],
                "qualified",
            ),
            (
                "a bulk change of two records, one new",
                &["a", "c"],
                |d| {
                    d.deals[0].stage = "demo".into();
                    d.deals.push(deal("c", "demo"));
                },
                &["a", "b"],
                "qualified",
            ),
            (
                "a touched id that the change left alone stays as it was",
                &["b"],
                |_| {},
                &["a", "b"],
                "qualified",
            ),
        ];
        for (case, ids, change, live, stage) in cases {
            let mut data = data();
            let revert = Revert::capture(&data, &touched(ids));
            change(&mut data);
            revert.apply(&mut data, at(3));
            let now_live: Vec<&str> = data.live_deals().map(|d| d.id.as_str()).collect();
            assert_eq!(now_live, live, "{case}");
            assert_eq!(data.find_deal("a").unwrap().stage, stage, "{case}");
            for id in ids {
                let stored = data.deals.iter().find(|d| d.id == *id).unwrap();
                assert_eq!(stored.updated_at, at(3), "{case}: {id} is stamped now");
            }
        }
    }

    #[test]
    fn a_revived_tombstone_goes_back_to_being_a_tombstone() {
        let mut data = data();
        data.delete_record(RecordKind::Deal, "b", at(2));
        let revert = Revert::capture(&data, &touched(&["b"]));
        data.upsert(deal("b", "proposal"));
        revert.apply(&mut data, at(3));
        let b = data.deals.iter().find(|d| d.id == "b").unwrap();
        assert_eq!(b.deleted_at, Some(at(2)), "deleted when it was");
        assert_eq!(b.updated_at, at(3));
        assert_eq!(b.stage, "demo", "the version before the change");
    }

    #[test]
    fn an_import_of_many_records_is_added_and_undone_in_linear_time() {
        let mut data = data();
        let imported: Vec<AnyRecord> = (0..20_000)
            .map(|i| AnyRecord::Deal(deal(&format!("new-{i}"), "demo")))
            .collect();
        let touched: Vec<_> = imported
            .iter()
            .map(|r| (r.kind(), r.id().to_owned()))
            .collect();
        let revert = Revert::capture(&data, &touched);
        assert_eq!(revert.len(), 20_000);
        for record in imported {
            record.upsert_into(&mut data);
        }
        assert_eq!(data.live_deals().count(), 20_002);
        revert.apply(&mut data, at(3));
        assert_eq!(
            data.live_deals().count(),
            2,
            "only the deals from before are live"
        );
        assert_eq!(
            data.deals.len(),
            20_002,
            "the imported deals stay as tombstones"
        );
    }

    #[test]
    fn settings_come_back_stamped_now() {
        let mut data = data();
        let revert = Revert::capture(&data, &[]).with_settings(&data);
        data.settings.currency = Currency::Usd;
        assert!(!revert.is_empty());
        revert.apply(&mut data, at(3));
        assert_eq!(data.settings.currency, Currency::Eur);
        assert_eq!(data.settings.updated_at, Some(at(3)));
    }

    #[test]
    fn the_undone_state_wins_a_merge_with_the_copy_from_before_the_undo() {
        let mut ours = data();
        let revert = Revert::capture(&ours, &touched(&["a", "c"]));
        ours.delete_record(RecordKind::Deal, "a", at(2));
        ours.deals.push(deal("c", "demo"));
        let theirs = ours.clone();
        revert.apply(&mut ours, at(3));
        ours.merge(&theirs);
        let live: Vec<&str> = ours.live_deals().map(|d| d.id.as_str()).collect();
        assert_eq!(live, ["a", "b"]);
    }
}
