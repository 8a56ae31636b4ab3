//! The team import as the manager sees it: several picked files (name + text) read,
//! merged into the current data by [`import_files`], and summed up per file.
//!
//! Conventions:
//!
//! - **Reading**: each file's text is read like a restored backup ([`decode`]: JSON,
//!   a Salesboard envelope, a known version, migrations, the data's rules). A file
//!   that cannot be read is refused with the reader's reason; a readable file in
//!   another currency than the current data is refused too ([`import_files`]).
//! - **All or nothing**: the import may be committed only when no file is refused and
//!   something would change ([`TeamImport::can_commit`]); otherwise nothing changes.
//! - **Per file** ([`FileSummary`]): every record of a readable file is counted once —
//!   added (new id), updated (replaced an older version in the data), conflict (another
//!   version of the id won: the newer one) or unchanged (the result already holds
//!   exactly it: importing the same file again leaves everything unchanged).
//! - **Conflicts** ([`ConflictRow`]) show both versions: the one kept (from a file, or
//!   the data already there) and the one dropped, with their `updated_at` and whether
//!   each is a deletion; in [`import_files`] order (collection, id, file).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::{Dataset, RecordKind};
use crate::schema::decode;
use crate::team_merge::{import_files, MergeReport};

/// What happened to one picked file's records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    pub name: String,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records of this file whose version lost to a newer one.
    pub conflicts: usize,
    /// Records of this file dated in the future (a wrong clock): they did not replace
    /// real edits, and any kept were dated at the import ([`crate::team_merge`]).
    pub future_dated: usize,
}

/// Why a file is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Refusal {
    /// The file could not be read (the reader's message: not JSON, not a Salesboard
    /// file, a newer version, a broken rule…).
    Unreadable { reason: String },
    /// Amounts in another currency than the current data's.
    OtherCurrency { file: String, ours: String },
}

/// A picked file that is not imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RefusedFile {
    pub name: String,
    pub refusal: Refusal,
}

/// One version of a record in a conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The file it comes from; `None` = the data already there.
    pub file: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

/// Two versions of one record: the newer kept, the other dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConflictRow {
    pub kind: RecordKind,
    pub id: String,
    /// The record's title (name, deal title…) from any version that has one live;
    /// `None` when every version is a deletion.
    pub title: Option<String>,
    pub kept: Version,
    pub dropped: Version,
}

/// The outcome of reading and merging the picked files, before it is committed.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamImport {
    pub report: MergeReport,
    /// Readable files in the order picked.
    pub files: Vec<FileSummary>,
    pub refused: Vec<RefusedFile>,
    pub conflicts: Vec<ConflictRow>,
}

impl TeamImport {
    /// Nothing would change: every record is already in the data (or older).
    pub fn changes_nothing(&self) -> bool {
        self.report.is_noop()
    }

    /// All or nothing: committed only when every file was accepted and something
    /// changes.
    pub fn can_commit(&self) -> bool {
        self.refused.is_empty() && !self.changes_nothing()
    }

    /// The records the commit adds and updates, over all files.
    pub fn totals(&self) -> (usize, usize) {
        (self.report.added.len(), self.report.updated.len())
    }
}

/// Reads the picked `files` (name, text) and merges the readable ones into `base`
/// (see the module docs). Pure: `base` is not changed; commit `report.merged`.
pub fn prepare(base: &Dataset, files: &[(String, String)], now: DateTime<Utc>) -> TeamImport {
    let mut refused = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut readable: Vec<Dataset> = Vec::new();
    for (name, text) in files {
        match decode(text) {
            Ok(data) => {
                names.push(name);
                readable.push(data);
            }
            Err(error) => refused.push(RefusedFile {
                name: name.clone(),
                refusal: Refusal::Unreadable {
                    reason: error.to_string(),
                },
            }),
        }
    }
    let report = import_files(base, &readable, now);
    for other in &report.refused {
        refused.push(RefusedFile {
            name: names[other.file].to_owned(),
            refusal: Refusal::OtherCurrency {
                file: other.currency.code().to_owned(),
                ours: base.settings.currency.code().to_owned(),
            },
        });
    }
    let mut summaries: Vec<FileSummary> = names
        .iter()
        .zip(&readable)
        .map(|(name, data)| FileSummary {
            name: (*name).to_owned(),
            unchanged: data.record_count(),
            ..FileSummary::default()
        })
        .collect();
    // Every record not added, updated or in conflict was unchanged.
    let mut take = |file: usize, count: fn(&mut FileSummary) -> &mut usize| {
        let summary = &mut summaries[file];
        summary.unchanged = summary.unchanged.saturating_sub(1);
        *count(summary) += 1;
    };
    for change in &report.added {
        take(change.file, |s| &mut s.added);
    }
    for change in &report.updated {
        take(change.file, |s| &mut s.updated);
    }
    for conflict in &report.conflicts {
        take(conflict.file, |s| &mut s.conflicts);
    }
    for future in &report.future_dated {
        summaries[future.file].future_dated += 1;
    }
    let summaries = summaries
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !report.refused.iter().any(|r| r.file == *index))
        .map(|(_, summary)| summary)
        .collect();
    let conflicts = report
        .conflicts
        .iter()
        .map(|c| {
            let source = report
                .added
                .iter()
                .chain(&report.updated)
                .find(|ch| ch.kind == c.kind && ch.id == c.id)
                .map(|ch| names[ch.file].to_owned());
            let title = report
                .merged
                .title_of(c.kind, &c.id)
                .or_else(|| readable.iter().find_map(|d| d.title_of(c.kind, &c.id)));
            ConflictRow {
                kind: c.kind,
                id: c.id.clone(),
                title,
                kept: Version {
                    file: source,
                    updated_at: c.kept_updated_at,
                    deleted: c.kept_deleted,
                },
                dropped: Version {
                    file: Some(names[c.file].to_owned()),
                    updated_at: c.dropped_updated_at,
                    deleted: c.dropped_deleted,
                },
            }
        })
        .collect();
    TeamImport {
        report,
        files: summaries,
        refused,
        conflicts,
    }
}
