//! A pointer at one record, for lists whose entries link to where the rep acts.

use serde::{Deserialize, Serialize};

use crate::model::{RecordId, RecordKind};

/// The record an entry links to: its collection and id (the app turns it into a route).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: RecordId,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: &str) -> RecordRef {
        RecordRef {
            kind,
            id: id.to_owned(),
        }
    }
}
