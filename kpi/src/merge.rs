//! Merging two copies of a dataset — another tab's save, later a rep's exported file —
//! record by record, so that neither side's edits are lost.
//!
//! Convention: in each collection (deals, customers, orders…), for each id the version with the later `updated_at` wins; a
//! tombstone is a version like any other, so a deletion newer than an edit wins and an
//! edit newer than a deletion brings the deal back. On equal `updated_at` the copy
//! being merged into is kept. Records only one side has are kept. The settings with the
//! later `updated_at` win (settings never changed count as oldest). Copies of different
//! lineages (an erase, restore or demo load in between) are not mixed: the copy whose
//! lineage started later is kept whole. A stage a kept deal is in is never dropped
//! with the older settings.
//!
//! A manager's import of several reps' files is a different merge, across lineages and
//! with a report of every record: see [`crate::team_merge`]. It and sync use [`wins`],
//! this module's "newer `updated_at` wins" rule with two additions for copies that come
//! from other devices:
//!
//! - **A clock from the future never wins.** A stamp later than `now` plus
//!   [`CLOCK_TOLERANCE`] (a device whose clock is wrong, a file dated 2099) cannot beat
//!   a stamp that is not: otherwise it would overwrite every real edit made after it,
//!   on every re-import, for ever. Among two such stamps, or two sane ones, the newer
//!   wins as usual. Where a future-dated version is kept (nothing sane competes), its
//!   stamps are brought back to `now` ([`clamp_to_now`]) so that it cannot win later
//!   either, and the caller tells the user.
//! - **Ties are broken the same way everywhere**: on equal `updated_at` a tombstone
//!   wins, then the version whose JSON text sorts last — arbitrary but fixed, so two
//!   devices merging the same versions in any order end with the same record.
//!
//! Two tabs of one browser share one clock, so their merge ([`Dataset::merge`]) keeps
//! the plain rule and, on a tie, the copy being merged into.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use crate::model::{for_each_kind, Dataset, Stored};

/// How far ahead of this device's clock a stamp may be and still count as real: clocks
/// of phones and laptops drift by seconds to a few minutes.
pub const CLOCK_TOLERANCE: TimeDelta = TimeDelta::minutes(10);

/// True when `stamp` is later than `now` plus [`CLOCK_TOLERANCE`]: written by a clock
/// that is wrong, so it must not decide a merge.
pub fn is_from_future(stamp: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    stamp > now + CLOCK_TOLERANCE
}

/// Whether version `a` of a record beats version `b` (see the module docs): a sane
/// stamp beats a future one; otherwise the newer `updated_at`; on a tie a tombstone,
/// then the JSON text that sorts last. For two different versions exactly one of
/// `wins(a, b)` and `wins(b, a)` is true; for equal ones neither.
pub fn wins<T: Stored + Serialize>(a: &T, b: &T, now: DateTime<Utc>) -> bool {
    let (a_stamp, b_stamp) = (a.updated_at(), b.updated_at());
    match (is_from_future(a_stamp, now), is_from_future(b_stamp, now)) {
        (false, true) => return true,
        (true, false) => return false,
        _ => {}
    }
    if a_stamp != b_stamp {
        return a_stamp > b_stamp;
    }
    match (a.deleted_at().is_some(), b.deleted_at().is_some()) {
        (true, false) => true,
        (false, true) => false,
        _ => json(a) > json(b),
    }
}

/// Brings a kept version's future stamps back to `now`; true when it changed anything.
/// Its content stays as written: only the claim "changed after everything else" goes.
pub fn clamp_to_now<T: Stored>(record: &mut T, now: DateTime<Utc>) -> bool {
    let updated = record.updated_at();
    let deleted = record.deleted_at();
    if !is_from_future(updated, now) && !deleted.is_some_and(|d| is_from_future(d, now)) {
        return false;
    }
    record.stamp(updated.min(now), deleted.map(|d| d.min(now)));
    true
}

fn json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

impl Dataset {
    /// Merges `other` into `self` (see the module docs); linear in the number of
    /// records. Returns how many records (and settings) of `self` were added or
    /// replaced.
    pub fn merge(&mut self, other: &Dataset) -> usize {
        if other.lineage != self.lineage {
            let started = |data: &Dataset| data.lineage.as_ref().map(|l| l.started_at);
            if started(other) > started(self) {
                *self = other.clone();
                return self.record_count() + 1;
            }
            return 0;
        }
        let mut changed = 0;
        let our_stages = self.settings.stages.clone();
        if other.settings.updated_at > self.settings.updated_at {
            self.settings = other.settings.clone();
            changed += 1;
        }
        macro_rules! merge {
            ($type:ty) => {
                changed += merge_records(
                    <$type as Stored>::all_mut(self),
                    <$type as Stored>::all(other),
                );
            };
        }
        for_each_kind!(merge);
        self.keep_used_stages(our_stages.iter().chain(&other.settings.stages));
        changed
    }

    /// Settings merge whole (newer wins) but deals one by one, so the kept stage list
    /// may lack a stage a kept deal is in (one copy added it). Such stages are taken
    /// back from either copy, so the merged dataset always loads. Linear in deals per
    /// stage checked (a handful of stages).
    pub(crate) fn keep_used_stages<'a>(
        &mut self,
        known: impl Iterator<Item = &'a crate::model::Stage>,
    ) {
        for stage in known {
            let missing = self.settings.stage(&stage.id).is_none();
            if missing && self.live_deals().any(|d| d.stage == stage.id) {
                self.settings.stages.push(stage.clone());
            }
        }
    }

    /// How many records the dataset holds, tombstones included.
    pub fn record_count(&self) -> usize {
        let mut count = 0;
        macro_rules! count {
            ($type:ty) => {
                count += <$type as Stored>::all(self).len();
            };
        }
        for_each_kind!(count);
        count
    }
}

/// Merges one collection: by id, the later `updated_at` wins; ties keep `ours`.
fn merge_records<T: Stored>(ours: &mut Vec<T>, theirs: &[T]) -> usize {
    let mut position: HashMap<String, usize> = HashMap::with_capacity(ours.len());
    for (index, record) in ours.iter().enumerate() {
        position.insert(record.id().to_owned(), index);
    }
    let mut changed = 0;
    for record in theirs {
        match position.get(record.id()) {
            Some(&index) => {
                if supersedes(record, &ours[index]) {
                    ours[index] = record.clone();
                    changed += 1;
                }
            }
            None => {
                position.insert(record.id().to_owned(), ours.len());
                ours.push(record.clone());
                changed += 1;
            }
        }
    }
    changed
}

/// The plain rule of two tabs: `candidate` replaces `current` when it is newer.
fn supersedes<T: crate::model::Record>(candidate: &T, current: &T) -> bool {
    candidate.updated_at() > current.updated_at()
}
