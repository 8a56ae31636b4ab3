//! What a device knows of one server database, persisted by the app next to its data
//! (never a password: the session is a cookie the browser keeps).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The server's copy of one document as this device last saw or wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    /// The document's current `_rev` on the server, sent with the next write.
    pub rev: String,
    /// The record's `updated_at` the server holds (`None`: settings never changed, or
    /// a held document). A local record with another stamp is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<DateTime<Utc>>,
    /// The CouchDB user the document belongs to; kept on every write so the server's
    /// `validate_doc_update` judges the true owner (a rep editing a manager's team goal
    /// is refused, not silently re-owned).
    #[serde(default)]
    pub owner: String,
    /// Written by a newer schema version: never merged, never overwritten.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub held: bool,
    /// The server's version lost to the local one when pulled (the local one is newer
    /// or wins the tie-break): push the local one even if the stamps are equal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub behind: bool,
    /// The local `updated_at` the server refused (403): not pushed again until the
    /// record changes, so a refusal is never retried in a loop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<DateTime<Utc>>,
}

impl Known {
    /// The server holds `doc` at `rev` now (it was just written or pulled).
    pub fn of(doc: &super::doc::Doc, rev: &str) -> Self {
        Known {
            rev: rev.to_owned(),
            stamp: doc.updated_at,
            owner: doc.owner.clone(),
            ..Known::default()
        }
    }
}

/// Sync state of one database: the `_changes` checkpoint and every known document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// `last_seq` of the last applied `_changes` page, as the server sent it (a number
    /// from pouchdb-server, an opaque string from CouchDB 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<serde_json::Value>,
    #[serde(default)]
    pub known: BTreeMap<String, Known>,
    /// Documents not to push again in this round (a second conflict, an error): the
    /// next round tries them again, so a round always ends. Not saved.
    #[serde(skip)]
    pub deferred: std::collections::BTreeSet<String>,
}

impl SyncState {
    /// The `since` parameter of the next `_changes` request: the checkpoint, or `0`.
    pub fn since(&self) -> String {
        match &self.checkpoint {
            Some(serde_json::Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
            None => "0".to_owned(),
        }
    }

    /// Documents held because a newer app version wrote them.
    pub fn held(&self) -> impl Iterator<Item = &str> {
        self.known
            .iter()
            .filter(|(_, known)| known.held)
            .map(|(id, _)| id.as_str())
    }
}
