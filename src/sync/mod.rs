//! The CouchDB client: HTTP only. What to push, how to merge what was pulled, how a
//! conflict is settled and when to retry is decided in `kpi::sync`; this module moves
//! documents to and from the one server the user named, off the input path.

mod engine;
mod http;
mod saved;

pub use engine::{Problem, Status, SyncClient};
pub use saved::SYNC_KEY;
