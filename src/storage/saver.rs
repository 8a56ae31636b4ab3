use super::{DataStore, StorageError};
use leptos::prelude::TimeoutHandle;

/// Owns the data store and the save schedule. Saves are debounced off the input path
/// and flushed when the page is hidden or closed.
pub struct Saver {
    store: Box<dyn DataStore>,
    held: bool,
    dirty: bool,
    timer: Option<TimeoutHandle>,
}

impl Saver {
    pub fn new(store: Box<dyn DataStore>, held: bool) -> Self {
        Self {
            store,
            held,
            dirty: false,
            timer: None,
        }
    }

    /// Records that the dataset changed. Returns true when a timer must be started.
    pub fn mark_dirty(&mut self) -> bool {
        self.dirty = true;
        self.timer.is_none()
    }

    pub fn set_timer(&mut self, timer: Option<TimeoutHandle>) {
        self.timer = timer;
    }

    /// True when there is something to write and writing is allowed.
    pub fn wants_write(&self) -> bool {
        self.dirty && !self.held
    }

    /// Writes `text`; on success the dataset is clean. On error it stays dirty so the
    /// next change or flush tries again, and the old saved copy is untouched.
    pub fn write(&mut self, text: &str) -> Result<(), StorageError> {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        self.store.write(text)?;
        self.dirty = false;
        Ok(())
    }

    /// Lets writes happen again after the user chose to start over.
    pub fn release(&mut self) {
        self.held = false;
    }

    pub fn is_held(&self) -> bool {
        self.held
    }

    pub fn is_persistent(&self) -> bool {
        self.store.is_persistent()
    }
}
