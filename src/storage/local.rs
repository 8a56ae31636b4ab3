use super::{DataStore, StorageError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// Keys in `window.localStorage`, as raw text: we need the exact bytes to quarantine
/// them, and the DOMException name to tell a full disk from a blocked one.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        // `local_storage()` throws a SecurityError when storage is blocked; gloo's
        // `LocalStorage::raw()` would panic there, so probe first.
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self {
                storage: LocalStorage::raw(),
            }),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(classify(&e)),
        }
    }
}

impl DataStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        // setItem is atomic: on a quota error the old value stays in place.
        self.storage.set_item(key, text).map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let count = self.storage.length().map_err(|e| classify(&e))?;
        (0..count)
            .filter_map(|i| self.storage.key(i).map_err(|e| classify(&e)).transpose())
            .collect()
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

/// Maps a thrown DOMException to a [`StorageError`] by name: Chrome's
/// `QuotaExceededError`, Firefox's `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit's
/// `QUOTA_EXCEEDED_ERR` (and its legacy code 22, whatever the name).
pub fn classify(error: &JsValue) -> StorageError {
    let Some(dom) = error.dyn_ref::<web_sys::DomException>() else {
        return StorageError::Other(crate::files::error_text(error));
    };
    match (dom.name().as_str(), dom.code()) {
        ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR", _)
        | (_, 22) => StorageError::QuotaExceeded,
        ("SecurityError" | "InvalidAccessError", _) => StorageError::Unavailable(dom.message()),
        (name, _) => StorageError::Other(format!("{name}: {}", dom.message())),
    }
}
