//! Persistence at the edge. The envelope format and migrations are pure (`kpi::schema`);
//! this module reads and writes its text, sets unreadable data aside, and turns every
//! storage failure into a [`StorageError`] the user is told about.

mod health;
mod load;
mod local;
mod memory;
mod saver;

pub use health::{last_backup, note_backup, request_persistence, storage_usage};
pub use load::{load_dataset, LoadOutcome, LoadProblem};
pub use local::LocalStore;
pub use memory::MemoryStore;
pub use saver::Saver;

/// Where the envelope text lives. Implemented by localStorage and by memory (tests,
/// or a browser that refuses storage).
pub trait DataStore {
    /// The saved envelope text, or `None` on first run.
    fn read(&self) -> Result<Option<String>, StorageError>;
    /// Replaces the saved envelope text. On error the previous text is untouched.
    fn write(&self, text: &str) -> Result<(), StorageError>;
    /// Copies unreadable text under a new key (never overwriting one) and returns that key.
    fn quarantine(&self, raw: &str, stamp: &str) -> Result<String, StorageError>;
    /// Removes the saved envelope; only called once a quarantined copy of it exists.
    fn forget(&self) -> Result<(), StorageError>;
    /// True when data survives a reload.
    fn is_persistent(&self) -> bool;
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

/// The localStorage key of the envelope.
pub const DATA_KEY: &str = "salesboard.data";
/// The prefix of quarantine keys; the suffix is an ISO timestamp.
pub const QUARANTINE_PREFIX: &str = "salesboard.quarantine.";
