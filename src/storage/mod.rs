//! Persistence at the edge. The envelope format and migrations are pure (`kpi::schema`);
//! this module reads and writes its text, sets unreadable data aside, keeps the last
//! good copy, and turns every storage failure into a [`StorageError`] the user is told
//! about.

mod health;
mod indexed;
mod load;
mod local;
mod memory;
mod mirror;
mod saver;

pub use health::{
    last_backup, note_backup, note_reminder_dismissed, reminder_dismissed, request_persistence,
    storage_usage, BACKUP_NOTED,
};
pub use indexed::{stored_ops, Applied, Idb, Op, Texts};
pub use load::{load_dataset, LoadOutcome, LoadProblem};
pub use local::{classify, LocalStore};
pub use memory::MemoryStore;
pub use mirror::{is_moved_marker, moved_marker, Batch, IndexedStore};
pub use saver::Saver;

/// Text under keys, as localStorage keeps it (also memory, for tests or a browser that
/// refuses storage). The envelope, its last good copy and set-aside copies are keys.
pub trait DataStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Replaces the text under `key`. On error the previous text is untouched.
    fn set(&self, key: &str, text: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key, to find a free quarantine key.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// True when data survives a reload.
    fn is_persistent(&self) -> bool;

    /// The saved envelope text, or `None` on first run.
    fn read(&self) -> Result<Option<String>, StorageError> {
        self.get(DATA_KEY)
    }

    /// Replaces the saved envelope text. On error the previous text is untouched.
    fn write(&self, text: &str) -> Result<(), StorageError> {
        self.set(DATA_KEY, text)
    }

    /// Copies unreadable text under a new key (never overwriting one) and returns it.
    fn quarantine(&self, raw: &str, stamp: &str) -> Result<String, StorageError> {
        let taken = self.keys()?;
        let base = format!("{QUARANTINE_PREFIX}{stamp}");
        let key = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}.{n}")))
            .find(|key| !taken.contains(key))
            .unwrap_or(base);
        self.set(&key, raw)?;
        Ok(key)
    }
}

/// Why storage failed, recognised across browsers by error name.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The quota is full: Chrome's `QuotaExceededError`, Firefox's
    /// `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit's code 22.
    QuotaExceeded,
    /// Storage is disabled or blocked (private mode, `SecurityError`).
    Unavailable(String),
    /// Anything else, with the browser's message.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::QuotaExceeded => f.write_str("the browser's storage is full"),
            StorageError::Unavailable(why) => write!(f, "storage is not available ({why})"),
            StorageError::Other(why) => f.write_str(why),
        }
    }
}

/// Past this many bytes of envelope text the data moves from localStorage (about 5 MB
/// a site, counted in UTF-16) to IndexedDB; about 10k deals.
pub const LOCAL_BUDGET: usize = 2_000_000;

/// The localStorage key of the envelope.
pub const DATA_KEY: &str = "salesboard.data";
/// A copy of the envelope as it was last loaded without a problem: what the app falls
/// back to when the envelope turns out unreadable.
pub const LAST_GOOD_KEY: &str = "salesboard.last_good";
/// The quarantine key of damaged data the user has not yet decided about: while it is
/// there, the app shows the last good copy and holds saves (across reloads too).
pub const DAMAGED_KEY: &str = "salesboard.damaged";
/// The prefix of quarantine keys; the suffix is an ISO timestamp.
pub const QUARANTINE_PREFIX: &str = "salesboard.quarantine.";
