//! How safe the browser keeps the data: persistent storage (asked for at start, so the
//! browser does not evict it under pressure), how much is used, and when the user last
//! downloaded a backup.

use super::{DataStore, LocalStore};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the date of the last backup download is kept (not part of the data: a restore
/// must not change it).
const LAST_BACKUP_KEY: &str = "salesboard.last_backup";

fn storage_manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

/// Asks for persistent storage: `Some(true)` when the browser promised not to evict
/// the data, `Some(false)` when it refused (its own rules; Chromium never prompts),
/// `None` when it cannot tell. May take a while: never awaited on the input path.
pub async fn request_persistence() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes this site uses and the browser's quota for it, if the browser says.
pub async fn storage_usage() -> Option<(f64, f64)> {
    let promise = storage_manager()?.estimate().ok()?;
    // A dictionary, not a class: there is no instance to check, only fields to read.
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// The date (yyyy-mm-dd) of the last backup download, if any.
pub fn last_backup() -> Option<String> {
    LocalStore::open().ok()?.get(LAST_BACKUP_KEY).ok().flatten()
}

/// Remembers that a backup was downloaded on `date`. Failing to remember (storage
/// refused or full) is harmless.
pub fn note_backup(date: &str) {
    if let Ok(local) = LocalStore::open() {
        let _ = local.set(LAST_BACKUP_KEY, date);
    }
    crate::app::send_event(BACKUP_NOTED);
}

/// Sent on the window when a backup download was noted, so the reminder goes.
pub const BACKUP_NOTED: &str = "salesboard:backup-noted";

/// Where the day the backup reminder was last dismissed is kept.
const REMINDER_DISMISSED_KEY: &str = "salesboard.backup_reminder_dismissed";

/// The date (yyyy-mm-dd) the backup reminder was last dismissed, if any.
pub fn reminder_dismissed() -> Option<String> {
    LocalStore::open()
        .ok()?
        .get(REMINDER_DISMISSED_KEY)
        .ok()
        .flatten()
}

/// Remembers that the backup reminder was dismissed on `date` (harmless if it fails:
/// the reminder then only comes back at the next start).
pub fn note_reminder_dismissed(date: &str) {
    if let Ok(local) = LocalStore::open() {
        let _ = local.set(REMINDER_DISMISSED_KEY, date);
    }
}
