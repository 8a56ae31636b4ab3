//! The team view without a server: a manager imports the data files several reps
//! exported and gets one merged dataset, with a report of what happened to every record.
//!
//! Conventions:
//!
//! - **Across lineages.** Unlike two tabs of one copy ([`Dataset::merge`], where a newer
//!   lineage — an erase, a restore, the demo — replaces the older copy whole), every
//!   rep's file has its own lineage, and ids are global UUIDs, so files are merged
//!   record by record whatever their lineage. The result keeps the base's lineage and
//!   settings. A rep who erased their copy simply brings fewer records: what the
//!   manager already has is kept (only tombstones delete).
//! - **Which version wins** — per id, among the base's version and every file's:
//!   [`crate::merge::wins`], the newest `updated_at`, so a tombstone newer than an edit
//!   wins and an edit newer than a tombstone brings the record back. On equal
//!   `updated_at` a tombstone wins, then the version whose JSON text sorts last:
//!   arbitrary but fixed, so the result never depends on the order of the files.
//! - **Dated in the future** (a rep's clock was wrong, a file says 2099): such a
//!   version never beats one with a real stamp, so it cannot overwrite newer edits on
//!   every re-import. Kept where nothing real competes (a new record), with its stamps
//!   brought back to the import's `now`. Every such version of a file is listed in
//!   [`MergeReport::future_dated`] for the manager to see.
//! - **Nothing is silently dropped**: every record of every file lands in exactly one
//!   of [`MergeReport::added`] (new id), [`MergeReport::updated`] (replaced the base's
//!   older version), [`MergeReport::unchanged`] (the result already holds exactly it)
//!   or [`MergeReport::conflicts`] (another version of the id won: two files edited the
//!   same record differently, or the file's version is older than the base's); a file
//!   refused whole is in [`MergeReport::refused`].
//! - **Currency**: amounts are minor units of the dataset's one currency, so a file in
//!   another currency than the base is refused whole (reported, nothing of it merged).
//! - **Stages**: the base's pipeline is kept; a stage a merged live deal is in but the
//!   base lacks is taken from the files (in stage-id order), so the result always loads.
//! - **Order**: base records keep their place; new records are appended per collection
//!   in id order. So importing the files in any order, in one call, gives the same
//!   dataset; in separate calls the same records (collection order aside).
//! - **Idempotent**: importing a file a second time changes nothing (its records are
//!   all unchanged or, if the base has newer versions, conflicts again).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::merge::{clamp_to_now, is_from_future, wins};
use crate::model::{for_each_kind, Dataset, RecordId, RecordKind, Stage, Stored};
use crate::money::Currency;

/// A record of a file that entered the result: its collection, id and the index of the
/// file (in the `files` argument) whose version was taken.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Change {
    pub kind: RecordKind,
    pub id: RecordId,
    pub file: usize,
    /// For an update, the `updated_at` of the base's version it replaced.
    pub replaced_updated_at: Option<DateTime<Utc>>,
}

/// A version of a record from a file that lost to another version of the same id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Conflict {
    pub kind: RecordKind,
    pub id: RecordId,
    /// The file whose version was dropped.
    pub file: usize,
    pub kept_updated_at: DateTime<Utc>,
    /// The kept version is a tombstone.
    pub kept_deleted: bool,
    pub dropped_updated_at: DateTime<Utc>,
    pub dropped_deleted: bool,
}

/// A version of a record in a file stamped later than the import's `now` allows: a
/// wrong clock. It did not win over a real stamp; if it was kept, it is dated `now`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct FutureDated {
    pub kind: RecordKind,
    pub id: RecordId,
    pub file: usize,
    /// The stamp as the file has it.
    pub updated_at: DateTime<Utc>,
}

/// A file not merged at all.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RefusedFile {
    pub file: usize,
    /// Its currency, which differs from the base's.
    pub currency: Currency,
}

/// The outcome of [`import_files`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeReport {
    pub merged: Dataset,
    pub added: Vec<Change>,
    pub updated: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// File records the result already held exactly (or duplicates of one taken).
    pub unchanged: usize,
    pub refused: Vec<RefusedFile>,
    /// File versions dated in the future (see the module docs), in import order.
    pub future_dated: Vec<FutureDated>,
}

impl MergeReport {
    /// Nothing changed: no record added or updated.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}

/// Merges the reps' exported `files` into the manager's `base` (see the module docs)
/// at `now` (the import's time: stamps past it are a wrong clock). Linear in the records
/// of the files (plus the base), apart from sorting new ids.
pub fn import_files(base: &Dataset, files: &[Dataset], now: DateTime<Utc>) -> MergeReport {
    let mut report = MergeReport {
        merged: base.clone(),
        added: Vec::new(),
        updated: Vec::new(),
        conflicts: Vec::new(),
        unchanged: 0,
        refused: Vec::new(),
        future_dated: Vec::new(),
    };
    let mut accepted: Vec<(usize, &Dataset)> = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        if file.settings.currency == base.settings.currency {
            accepted.push((index, file));
        } else {
            report.refused.push(RefusedFile {
                file: index,
                currency: file.settings.currency,
            });
        }
    }
    macro_rules! import {
        ($type:ty) => {
            import_kind::<$type>(&mut report, &accepted, now);
        };
    }
    for_each_kind!(import);
    let mut stages: Vec<&Stage> = accepted
        .iter()
        .flat_map(|(_, f)| f.settings.stages.iter())
        .collect();
    stages.sort_by(|a, b| (&a.id, &a.name, a.probability).cmp(&(&b.id, &b.name, b.probability)));
    report.merged.keep_used_stages(stages.into_iter());
    report
}

/// Merges one collection of every accepted file into `report.merged`.
fn import_kind<T: Stored + PartialEq + Serialize>(
    report: &mut MergeReport,
    files: &[(usize, &Dataset)],
    now: DateTime<Utc>,
) {
    // Every file version, by id (ids in order, so new records append in id order).
    let mut candidates: BTreeMap<&str, Vec<(usize, &T)>> = BTreeMap::new();
    for &(file, data) in files {
        for record in T::all(data) {
            candidates
                .entry(record.id())
                .or_default()
                .push((file, record));
        }
    }
    if candidates.is_empty() {
        return;
    }
    let ours = T::all_mut(&mut report.merged);
    let mut position: HashMap<String, usize> = HashMap::with_capacity(ours.len());
    for (index, record) in ours.iter().enumerate() {
        position.entry(record.id().to_owned()).or_insert(index);
    }
    for (id, versions) in candidates {
        let base = position.get(id).map(|&index| (index, ours[index].clone()));
        // The winning version, and the file it came from (None = the base's).
        let mut winner: (Option<usize>, &T) = match &base {
            Some((_, record)) => (None, record),
            None => (Some(versions[0].0), versions[0].1),
        };
        for &(file, record) in &versions {
            if is_from_future(record.updated_at(), now) {
                report.future_dated.push(FutureDated {
                    kind: T::KIND,
                    id: id.to_owned(),
                    file,
                    updated_at: record.updated_at(),
                });
            }
            if wins(record, winner.1, now) {
                winner = (Some(file), record);
            }
        }
        let chosen = winner.1;
        let mut kept = chosen.clone();
        // A file's version dated in the future may only be kept dated now.
        if winner.0.is_some() {
            clamp_to_now(&mut kept, now);
        }
        let mut taken = false;
        for &(file, record) in &versions {
            if record == chosen {
                let is_source = winner.0 == Some(file) && !taken;
                if is_source && base.as_ref().is_none_or(|(_, b)| *b != kept) {
                    taken = true;
                    let change = Change {
                        kind: T::KIND,
                        id: id.to_owned(),
                        file,
                        replaced_updated_at: base.as_ref().map(|(_, b)| b.updated_at()),
                    };
                    if base.is_some() {
                        report.updated.push(change);
                    } else {
                        report.added.push(change);
                    }
                } else {
                    report.unchanged += 1;
                }
            } else {
                report.conflicts.push(Conflict {
                    kind: T::KIND,
                    id: id.to_owned(),
                    file,
                    kept_updated_at: kept.updated_at(),
                    kept_deleted: kept.deleted_at().is_some(),
                    dropped_updated_at: record.updated_at(),
                    dropped_deleted: record.deleted_at().is_some(),
                });
            }
        }
        match base {
            Some((index, _)) => ours[index] = kept,
            None => {
                position.insert(id.to_owned(), ours.len());
                ours.push(kept);
            }
        }
    }
}
