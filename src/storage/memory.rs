use super::{DataStore, StorageError, QUARANTINE_PREFIX};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Keeps everything in memory: for a browser that refuses storage, and for tests.
#[derive(Default)]
pub struct MemoryStore {
    data: RefCell<Option<String>>,
    quarantined: RefCell<BTreeMap<String, String>>,
    /// When set, every write fails with this error (to test failure paths).
    pub fail_writes: RefCell<Option<StorageError>>,
}

impl DataStore for MemoryStore {
    fn read(&self) -> Result<Option<String>, StorageError> {
        Ok(self.data.borrow().clone())
    }

    fn write(&self, text: &str) -> Result<(), StorageError> {
        if let Some(error) = self.fail_writes.borrow().clone() {
            return Err(error);
        }
        *self.data.borrow_mut() = Some(text.to_string());
        Ok(())
    }

    fn quarantine(&self, raw: &str, stamp: &str) -> Result<String, StorageError> {
        let key = format!("{QUARANTINE_PREFIX}{stamp}");
        self.quarantined
            .borrow_mut()
            .insert(key.clone(), raw.to_string());
        Ok(key)
    }

    fn forget(&self) -> Result<(), StorageError> {
        *self.data.borrow_mut() = None;
        Ok(())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
