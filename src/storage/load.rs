use super::{DataStore, StorageError};
use kpi::schema::{self, LoadError};
use kpi::Dataset;

/// What start-up found in storage.
pub struct LoadOutcome {
    /// The dataset to start with (empty when nothing usable was saved).
    pub data: Dataset,
    /// Something the user must be told about.
    pub problem: Option<LoadProblem>,
    /// True when writing would destroy data we could not read: saves wait for the user.
    pub hold_saves: bool,
    /// The saved text that saves are held for, to set aside before the user replaces it.
    pub protected: Option<String>,
    /// The saved text as read, to notice when another tab writes a different one.
    pub loaded: Option<String>,
    /// Data of a newer app version, shown but never changed or written.
    pub read_only: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Unreadable data was copied to `key`; the app starts empty.
    Quarantined { key: String, reason: String },
    /// Unreadable data could not be copied aside; saving is held so it is not overwritten.
    QuarantineFailed { reason: String },
    /// Data from a newer app version: never written over.
    NewerVersion { reason: String },
    /// Storage itself refused to be read.
    Unreadable(StorageError),
}

/// Loads the dataset once at start-up. Data that cannot be read is never overwritten:
/// it is quarantined under a timestamped key first (then removed from the data key, so
/// a reload does not copy it again), or saving is held with the text kept in memory.
pub fn load_dataset(store: &dyn DataStore, stamp: &str) -> LoadOutcome {
    let raw = match store.read() {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, None),
        Err(error) => return fresh(Some(LoadProblem::Unreadable(error)), Some(String::new())),
    };
    match schema::decode(&raw) {
        Ok(data) => LoadOutcome {
            data,
            problem: None,
            hold_saves: false,
            protected: None,
            loaded: Some(raw),
            read_only: false,
        },
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
            match store.quarantine(&raw, stamp) {
                Ok(key) => {
                    // The copy is in place; the unreadable original has nothing left to give.
                    let _ = store.forget();
                    fresh(Some(LoadProblem::Quarantined { key, reason }), None)
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
    }
}
