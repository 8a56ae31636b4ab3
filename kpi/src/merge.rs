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
//! with a report of every record: see [`crate::team_merge`], which shares this module's
//! "newer `updated_at` wins" rule (`supersedes`).

use std::collections::HashMap;

use crate::model::{for_each_kind, Dataset, Stored};

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

/// The merge rule shared by every merge (two tabs here, a team import in
/// [`crate::team_merge`]): `candidate` replaces `current` when it is newer.
pub(crate) fn supersedes<T: crate::model::Record>(candidate: &T, current: &T) -> bool {
    candidate.updated_at() > current.updated_at()
}
