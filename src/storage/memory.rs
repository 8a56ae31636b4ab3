use super::{DataStore, StorageError};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Keeps everything in memory: for a browser that refuses storage, and for tests.
#[derive(Default)]
pub struct MemoryStore {
    keys: RefCell<BTreeMap<String, String>>,
    /// When set, every write fails with this error (to test failure paths).
    pub fail_writes: RefCell<Option<StorageError>>,
}

impl DataStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.keys.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        if let Some(error) = self.fail_writes.borrow().clone() {
            return Err(error);
        }
        self.keys
            .borrow_mut()
            .insert(key.to_string(), text.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.keys.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.keys.borrow().keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
