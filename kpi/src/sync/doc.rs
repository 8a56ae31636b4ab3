//! Records as CouchDB documents, and the server's answer to a `_bulk_docs` write.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::model::{Settings, Stored};
use crate::schema::CURRENT_VERSION;

/// The `_id` of the settings document (one per database).
pub const SETTINGS_ID: &str = "settings";
/// The `kind` of the settings document.
pub const SETTINGS_KIND: &str = "settings";

/// One record on the server. `record` is the record's JSON exactly as the app saves
/// it; `updated_at` repeats its stamp so a server-side view (or a person) can read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// A CouchDB deletion (only conflict losers are deleted this way; the app's own
    /// deletions are tombstones inside `record`).
    #[serde(rename = "_deleted", default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// Open conflicting revisions (read with `conflicts=true`; never written).
    #[serde(rename = "_conflicts", default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
    /// The collection's id ([`crate::model::RecordKind::id`]) or [`SETTINGS_KIND`].
    #[serde(default)]
    pub kind: String,
    /// The CouchDB user the document belongs to, checked by `validate_doc_update`.
    #[serde(default)]
    pub owner: String,
    /// The schema version of the app that wrote it ([`CURRENT_VERSION`]).
    #[serde(default)]
    pub schema: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub record: serde_json::Value,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The `_id` of a record's document: `<collection>:<record id>`, e.g. `deals:5f…`.
pub fn doc_id<T: Stored>(id: &str) -> String {
    format!("{}:{id}", T::KIND.id())
}

impl Doc {
    /// The document of `record`, owned by `owner`, written over `rev`.
    pub fn of_record<T: Stored + Serialize>(record: &T, owner: &str, rev: Option<String>) -> Doc {
        Doc {
            id: doc_id::<T>(record.id()),
            rev,
            deleted: false,
            conflicts: Vec::new(),
            kind: T::KIND.id().to_owned(),
            owner: owner.to_owned(),
            schema: CURRENT_VERSION,
            updated_at: Some(record.updated_at()),
            record: serde_json::to_value(record).unwrap_or_default(),
        }
    }

    /// The settings document.
    pub fn of_settings(settings: &Settings, owner: &str, rev: Option<String>) -> Doc {
        Doc {
            id: SETTINGS_ID.to_owned(),
            rev,
            deleted: false,
            conflicts: Vec::new(),
            kind: SETTINGS_KIND.to_owned(),
            owner: owner.to_owned(),
            schema: CURRENT_VERSION,
            updated_at: settings.updated_at,
            record: serde_json::to_value(settings).unwrap_or_default(),
        }
    }

    /// A deletion of revision `rev` (a conflict loser).
    pub fn deletion(id: &str, rev: &str) -> Doc {
        Doc {
            id: id.to_owned(),
            rev: Some(rev.to_owned()),
            deleted: true,
            conflicts: Vec::new(),
            kind: String::new(),
            owner: String::new(),
            schema: 0,
            updated_at: None,
            record: serde_json::Value::Null,
        }
    }

    /// Written by a newer app: its record may have fields this version would drop.
    pub fn is_newer(&self) -> bool {
        self.schema > CURRENT_VERSION
    }

    /// The record inside, when the document holds a `T`.
    pub fn record<T: Stored + DeserializeOwned>(&self) -> Option<Result<T, String>> {
        (self.kind == T::KIND.id())
            .then(|| T::deserialize(&self.record).map_err(|error| format!("{}: {error}", self.id)))
    }

    /// The same content as a write over `rev`, without the read-only `_conflicts`.
    pub fn over(&self, rev: Option<String>) -> Doc {
        Doc {
            rev,
            conflicts: Vec::new(),
            ..self.clone()
        }
    }
}

/// One row of a `_bulk_docs` answer: `{id, rev}` or `{id, error, reason}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    pub id: String,
    #[serde(default)]
    pub rev: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}
