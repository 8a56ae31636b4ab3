use super::mirror::is_moved_marker;
use super::{DataStore, StorageError, DAMAGED_KEY, DATA_KEY, LAST_GOOD_KEY};
use chrono::{DateTime, Utc};
use kpi::schema::{self, LoadError};
use kpi::Dataset;

/// What start-up found in storage.
pub struct LoadOutcome {
    /// The dataset to start with (empty when nothing usable was saved).
    pub data: Dataset,
    /// Something the user must be told about.
    pub problem: Option<LoadProblem>,
    /// True when saves wait for the user: writing would destroy data we could not read,
    /// or the user has not yet chosen what to do about damaged data.
    pub hold_saves: bool,
    /// The saved text that saves are held for, to set aside before the user replaces it.
    pub protected: Option<String>,
    /// The saved text as read, to notice when another tab writes a different one.
    pub loaded: Option<String>,
    /// Data of a newer app version, shown but never changed or written.
    pub read_only: bool,
    /// The data lives in IndexedDB: load it from there (saves wait meanwhile).
    pub moved: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Unreadable data was copied to `key`. The app shows the last good copy (saved at
    /// `last_good`) or, without one, starts empty; saves wait for the user's choice.
    Damaged {
        key: String,
        reason: String,
        last_good: Option<DateTime<Utc>>,
    },
    /// Unreadable data could not be copied aside; saving is held so it is not overwritten.
    QuarantineFailed { reason: String },
    /// Data from a newer app version: never written over.
    NewerVersion { reason: String },
    /// Storage itself refused to be read.
    Unreadable(StorageError),
}

/// Loads the dataset once at start-up. Data that cannot be read is never overwritten:
/// it is quarantined under a timestamped key and marked as awaiting the user's choice
/// (then removed from the data key, so a reload does not copy it again), and the last
/// good copy is shown; if it cannot be set aside, saving is held with the text kept in
/// memory. A good load refreshes the last good copy.
pub fn load_dataset(store: &dyn DataStore, stamp: &str) -> LoadOutcome {
    let raw = match store.read() {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return match store.get(DAMAGED_KEY) {
                // Set aside at an earlier start, and the user has not chosen yet.
                Ok(Some(key)) => damaged(store, key, "it was set aside earlier".into()),
                _ => fresh(None, None),
            };
        }
        Err(error) => return fresh(Some(LoadProblem::Unreadable(error)), Some(String::new())),
    };
    if is_moved_marker(&raw) {
        return LoadOutcome {
            moved: true,
            hold_saves: true,
            ..fresh(None, None)
        };
    }
    match schema::decode(&raw) {
        Ok(data) => {
            keep_last_good(store, &raw);
            LoadOutcome {
                data,
                problem: None,
                hold_saves: false,
                protected: None,
                loaded: Some(raw),
                read_only: false,
                moved: false,
            }
        }
        Err(error @ LoadError::NewerVersion { .. }) => LoadOutcome {
            // Shown as far as this version can read it, never written over.
            data: schema::read_newer(&raw).unwrap_or_default(),
            read_only: true,
            ..fresh(
                Some(LoadProblem::NewerVersion {
                    reason: error.to_string(),
                }),
                Some(raw),
            )
        },
        Err(error) => {
            let reason = error.to_string();
            let set_aside = store
                .quarantine(&raw, stamp)
                .and_then(|key| store.set(DAMAGED_KEY, &key).map(|()| key));
            match set_aside {
                Ok(key) => {
                    // The copy and its mark are in place: the original has nothing left
                    // to give, and a reload must not copy it again.
                    let _ = store.remove(DATA_KEY);
                    damaged(store, key, reason)
                }
                Err(why) => fresh(
                    Some(LoadProblem::QuarantineFailed {
                        reason: format!("{reason}; {why}"),
                    }),
                    Some(raw),
                ),
            }
        }
    }
}

/// Damaged data is set aside under `key`: start from the last good copy if there is
/// one, with saves held until the user chooses.
fn damaged(store: &dyn DataStore, key: String, reason: String) -> LoadOutcome {
    let last_good = store
        .get(LAST_GOOD_KEY)
        .ok()
        .flatten()
        .and_then(|text| schema::decode_envelope(&text).ok());
    let problem = LoadProblem::Damaged {
        key,
        reason,
        last_good: last_good.as_ref().map(|envelope| envelope.saved_at),
    };
    LoadOutcome {
        data: last_good.map(|envelope| envelope.data).unwrap_or_default(),
        hold_saves: true,
        ..fresh(Some(problem), None)
    }
}

/// Copies text that just loaded fine to the last good key, unless it is there already.
/// Failing to (a full disk) keeps the older good copy: it is a fallback, not the data.
fn keep_last_good(store: &dyn DataStore, raw: &str) {
    if store.get(LAST_GOOD_KEY).ok().flatten().as_deref() != Some(raw) {
        let _ = store.set(LAST_GOOD_KEY, raw);
    }
}

/// An empty start; `protected` is saved text that must not be written over.
fn fresh(problem: Option<LoadProblem>, protected: Option<String>) -> LoadOutcome {
    let hold_saves = protected.is_some();
    LoadOutcome {
        data: Dataset::default(),
        problem,
        hold_saves,
        protected,
        loaded: None,
        read_only: false,
        moved: false,
    }
}
