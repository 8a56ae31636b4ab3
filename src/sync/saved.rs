//! What sync remembers on this device, under its own localStorage key: the server,
//! the user name, the databases and the [`SyncState`] — never the password (the
//! session is a cookie the browser keeps for the server).

use kpi::sync::SyncState;
use serde::{Deserialize, Serialize};

use crate::storage::{DataStore, LocalStore};

pub const SYNC_KEY: &str = "salesboard.sync";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Saved {
    pub server: String,
    pub user: String,
    /// The database this device syncs both ways (a rep's own, or the team's for a
    /// manager).
    pub db: String,
    #[serde(default)]
    pub state: SyncState,
}

pub fn load() -> Option<Saved> {
    let text = LocalStore::open().ok()?.get(SYNC_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Writes `saved`; the error names why (a full disk), for the status line.
pub fn save(saved: &Saved) -> Result<(), String> {
    let text = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    let local = LocalStore::open().map_err(|e| e.to_string())?;
    local.set(SYNC_KEY, &text).map_err(|e| e.to_string())
}

pub fn clear() {
    if let Ok(local) = LocalStore::open() {
        let _ = local.remove(SYNC_KEY);
    }
}
