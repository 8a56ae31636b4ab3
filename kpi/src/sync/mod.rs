//! Sync with a CouchDB-compatible server: the pure half. The app's `src/sync/` only
//! does the HTTP; what a record looks like on the server, what to push, how a pulled
//! page is merged and how a conflict is settled is decided here.
//!
//! The model (the subset of CouchDB replication that fits records, as RxDB's does):
//! - one document per record ([`doc`]): `_id` = `<kind>:<record id>`, the settings as
//!   `settings`; a deletion is the app's tombstone, an ordinary document, so it travels
//!   like an edit and a record deleted on one device never comes back;
//! - [`SyncState`] remembers per document the last `_rev` and the record's `updated_at`
//!   the server is known to hold; a record whose `updated_at` differs is pending
//!   ([`plan`]), so pending changes are derived from durable local data and survive a
//!   reload;
//! - a pulled page ([`pull`]) merges record by record with [`crate::merge::wins`]
//!   (newer `updated_at`, a far-future stamp never beats a sane one, a deterministic
//!   tie-break);
//! - open `_conflicts` are collapsed ([`conflict`]) to one winner and deletions of the
//!   losing revisions, so the server keeps no open conflict;
//! - a document written by a newer schema version is held: never merged, never
//!   overwritten, reported.

pub mod address;
pub mod conflict;
pub mod doc;
pub mod plan;
pub mod pull;
pub mod state;

pub use address::{server_address, AddressError};
pub use conflict::{collapse, Collapse};
pub use doc::{doc_id, BulkResult, Doc, SETTINGS_ID};
pub use plan::{pending_count, push_batch, record_push_results, retry_delay_ms, PushOutcome};
pub use pull::{apply_pulled, roll_back, PullOutcome};
pub use state::{Known, SyncState};
