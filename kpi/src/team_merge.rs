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
//! - **Which version wins** — per id, among the base's version and every file's: the
//!   newest `updated_at` (the same rule as [`Dataset::merge`], see
//!   [`crate::merge`]), so a tombstone newer than an edit wins and an edit newer than a
//!   tombstone brings the record back. On equal `updated_at` a tombstone wins, then the
//!   version whose JSON text sorts last: arbitrary but fixed, so the result never
//!   depends on the order of the files.
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

use crate::merge::supersedes;
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
}

impl MergeReport {
    /// Nothing changed: no record added or updated.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}

/// Merges the reps' exported `files` into the manager's `base` (see the module docs).
/// Linear in the records of the files (plus the base), apart from sorting new ids.
pub fn import_files(base: &Dataset, files: &[Dataset]) -> MergeReport {
    let mut report = MergeReport {
        merged: base.clone(),
        added: Vec::new(),
        updated: Vec::new(),
        conflicts: Vec::new(),
        unchanged: 0,
        refused: Vec::new(),
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
            import_kind::<$type>(&mut report, &accepted);
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

/// Whether `a` beats `b` as the version of one id (see the module docs).
fn wins<T: Stored + Serialize>(a: &T, b: &T) -> bool {
    if supersedes(a, b) {
        return true;
    }
    if supersedes(b, a) {
        return false;
    }
    match (a.deleted_at().is_some(), b.deleted_at().is_some()) {
        (true, false) => true,
        (false, true) => false,
        _ => json(a) > json(b),
    }
}

fn json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// Merges one collection of every accepted file into `report.merged`.
fn import_kind<T: Stored + PartialEq + Serialize>(
    report: &mut MergeReport,
    files: &[(usize, &Dataset)],
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
            if wins(record, winner.1) {
                winner = (Some(file), record);
            }
        }
        let kept = winner.1.clone();
        let mut taken = false;
        for &(file, record) in &versions {
            if *record == kept {
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
