//! Applying a pulled page of documents (`_changes` rows, or a conflict's fetched
//! version) to the local dataset.

use chrono::{DateTime, Utc};

use super::doc::{Doc, SETTINGS_ID};
use super::state::{Known, SyncState};
use crate::merge::wins;
use crate::model::{for_each_kind, Dataset, Record, Settings, Stored};

/// What a pulled page did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullOutcome {
    /// Local records (or settings) added or replaced by a newer server version.
    pub changed: usize,
    /// Documents written by a newer app version: held untouched.
    pub newer: Vec<String>,
    /// Documents with open `_conflicts`: to collapse ([`super::collapse`]).
    pub conflicted: Vec<String>,
    /// Documents that could not be read as the record their kind names: held, with why.
    pub unreadable: Vec<String>,
}

/// Merges `docs` into `data` with [`wins`] and records what the server holds in
/// `state`. A local version that beats the server's stays and becomes pending (its
/// stamp differs from the server's); a server version that beats it replaces it.
/// Idempotent: applying the same page twice changes nothing the second time.
pub fn apply_pulled(
    data: &mut Dataset,
    state: &mut SyncState,
    docs: &[Doc],
    now: DateTime<Utc>,
) -> PullOutcome {
    let mut outcome = PullOutcome::default();
    for doc in docs {
        apply_one(data, state, doc, now, false, &mut outcome);
    }
    outcome
}

/// Takes the server's version of each document over the local one, whatever their
/// stamps: what a refused write is rolled back to.
pub fn roll_back(data: &mut Dataset, state: &mut SyncState, docs: &[Doc]) -> PullOutcome {
    let mut outcome = PullOutcome::default();
    for doc in docs {
        apply_one(
            data,
            state,
            doc,
            DateTime::<Utc>::MIN_UTC,
            true,
            &mut outcome,
        );
    }
    outcome
}

fn apply_one(
    data: &mut Dataset,
    state: &mut SyncState,
    doc: &Doc,
    now: DateTime<Utc>,
    force: bool,
    outcome: &mut PullOutcome,
) {
    if doc.id.starts_with('_') || doc.deleted {
        return; // design documents; deleted conflict losers
    }
    let rev = doc.rev.clone().unwrap_or_default();
    let hold = |state: &mut SyncState| {
        let known = state.known.entry(doc.id.clone()).or_default();
        known.rev = rev.clone();
        known.owner = doc.owner.clone();
        known.held = true;
    };
    if doc.is_newer() {
        hold(state);
        outcome.newer.push(doc.id.clone());
        return;
    }
    if !doc.conflicts.is_empty() {
        outcome.conflicted.push(doc.id.clone());
    }
    let applied = if doc.id == SETTINGS_ID {
        apply_settings(data, doc, force)
    } else {
        apply_record(data, doc, now, force)
    };
    match applied {
        Ok(Applied { changed, behind }) => {
            outcome.changed += usize::from(changed);
            let known = Known {
                behind,
                ..Known::of(doc, &rev)
            };
            state.known.insert(doc.id.clone(), known);
        }
        Err(why) => {
            hold(state);
            outcome.unreadable.push(why);
        }
    }
}

/// What applying one document did.
struct Applied {
    /// The local version was replaced or added.
    changed: bool,
    /// The local version differs and beat the server's: it must be pushed.
    behind: bool,
}

/// Settings: the later `updated_at` wins; equal stamps, the greater JSON text (as
/// [`super::collapse`] decides), so devices agree.
fn apply_settings(data: &mut Dataset, doc: &Doc, force: bool) -> Result<Applied, String> {
    let theirs: Settings = serde_json::from_value(doc.record.clone())
        .map_err(|error| format!("{}: {error}", doc.id))?;
    if theirs == *data.settings {
        return Ok(Applied {
            changed: false,
            behind: false,
        });
    }
    let text = |s: &Settings| serde_json::to_string(s).unwrap_or_default();
    let theirs_win =
        (theirs.updated_at, text(&theirs)) > (data.settings.updated_at, text(&data.settings));
    if !force && !theirs_win {
        return Ok(Applied {
            changed: false,
            behind: true,
        });
    }
    let ours = data.settings.stages.clone();
    *data.settings = theirs;
    data.keep_used_stages(ours.iter());
    Ok(Applied {
        changed: true,
        behind: false,
    })
}

fn apply_record(
    data: &mut Dataset,
    doc: &Doc,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Applied, String> {
    macro_rules! apply {
        ($type:ty) => {
            if let Some(theirs) = doc.record::<$type>() {
                let theirs = theirs?;
                if doc.id != super::doc::doc_id::<$type>(theirs.id()) {
                    return Err(format!("{}: the record inside has another id", doc.id));
                }
                let all = <$type as Stored>::all(data);
                let ours = all.iter().find(|r| r.id() == theirs.id());
                let (take, behind) = match ours {
                    None => (true, false),
                    Some(ours) if *ours == theirs => (false, false),
                    Some(_) if force => (true, false),
                    Some(ours) => {
                        let take = wins(&theirs, ours, now);
                        (take, !take)
                    }
                };
                if take {
                    data.upsert(theirs);
                }
                return Ok(Applied {
                    changed: take,
                    behind,
                });
            }
        };
    }
    for_each_kind!(apply);
    Err(format!("{}: unknown kind \"{}\"", doc.id, doc.kind))
}
