//! Collapsing a document's open conflicts: CouchDB keeps every conflicting revision
//! and picks a winner by revision tree, not by our rule. We pick by [`wins`], write
//! the chosen content over the current revision (if it is not already there) and
//! delete every other leaf, in one `_bulk_docs`; the server is then left with one
//! revision and no `_conflicts`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::doc::{Doc, SETTINGS_ID};
use crate::merge::wins;
use crate::model::{for_each_kind, Settings};

/// The writes that settle one document, and the version that won.
#[derive(Clone, Debug, PartialEq)]
pub struct Collapse {
    pub winner: Doc,
    pub writes: Vec<Doc>,
}

/// Settles `current` (the server's winning revision, read with `conflicts=true`) and
/// `others` (its conflicting revisions). `None` when a version cannot be judged — one
/// is from a newer schema or unreadable — so nothing is touched. Every device reaches
/// the same winner whatever order the revisions come in.
pub fn collapse(current: &Doc, others: &[Doc], now: DateTime<Utc>) -> Option<Collapse> {
    let current_rev = current.rev.clone()?;
    let candidates: Vec<&Doc> = std::iter::once(current)
        .chain(others.iter().filter(|d| !d.deleted && d.rev.is_some()))
        .collect();
    if candidates.iter().any(|d| d.is_newer()) {
        return None;
    }
    let best = if current.id == SETTINGS_ID {
        best_settings(&candidates)?
    } else {
        best_record(&candidates, now)?
    };
    let winner = candidates[best].clone();
    let mut writes = Vec::new();
    if winner.record != current.record || winner.owner != current.owner {
        writes.push(winner.over(Some(current_rev.clone())));
    }
    for loser in others {
        if let Some(rev) = loser.rev.as_deref().filter(|rev| *rev != current_rev) {
            if !loser.deleted {
                writes.push(Doc::deletion(&current.id, rev));
            }
        }
    }
    Some(Collapse { winner, writes })
}

/// The position of the winning record version, by [`wins`].
fn best_record(candidates: &[&Doc], now: DateTime<Utc>) -> Option<usize> {
    macro_rules! best {
        ($type:ty) => {
            if candidates[0].record::<$type>().is_some() {
                let records = candidates
                    .iter()
                    .map(|d| d.record::<$type>()?.ok())
                    .collect::<Option<Vec<$type>>>()?;
                return Some(best_of(&records, |a, b| wins(a, b, now)));
            }
        };
    }
    for_each_kind!(best);
    None
}

/// Settings: the later `updated_at`, then the greater JSON text.
fn best_settings(candidates: &[&Doc]) -> Option<usize> {
    let settings = candidates
        .iter()
        .map(|d| serde_json::from_value::<Settings>(d.record.clone()).ok())
        .collect::<Option<Vec<_>>>()?;
    Some(best_of(&settings, |a, b| {
        (a.updated_at, text(a)) > (b.updated_at, text(b))
    }))
}

fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn best_of<T>(items: &[T], beats: impl Fn(&T, &T) -> bool) -> usize {
    let mut best = 0;
    for (index, item) in items.iter().enumerate().skip(1) {
        if beats(item, &items[best]) {
            best = index;
        }
    }
    best
}
