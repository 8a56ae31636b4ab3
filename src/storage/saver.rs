use super::{DataStore, StorageError};
use leptos::prelude::TimeoutHandle;

/// Owns the data store and the save schedule. Saves are debounced off the input path
/// and flushed when the page is hidden or closed.
pub struct Saver {
    store: Box<dyn DataStore>,
    held: bool,
    /// The saved text writes are held for (empty when it could not even be read).
    protected: Option<String>,
    /// The saved text as this tab last read or wrote it.
    known: Option<String>,
    dirty: bool,
    timer: Option<TimeoutHandle>,
}

impl Saver {
    /// `protected`: saved text that must be set aside before anything is written;
    /// `known`: the saved text as loaded.
    pub fn new(
        store: Box<dyn DataStore>,
        protected: Option<String>,
        known: Option<String>,
    ) -> Self {
        Self {
            store,
            held: protected.is_some(),
            protected,
            known,
            dirty: false,
            timer: None,
        }
    }

    /// The saved text, when another tab has written it since this tab last read or
    /// wrote it: it must be merged in before this tab writes, or its edits are lost.
    pub fn changed_elsewhere(&self) -> Result<Option<String>, StorageError> {
        let current = self.store.read()?;
        Ok(current.filter(|text| Some(text) != self.known.as_ref()))
    }

    /// Records saved text this tab has taken in (another tab's save).
    pub fn set_known(&mut self, text: &str) {
        self.known = Some(text.to_string());
    }

    /// Holds writes: the saved data is now from a newer app version.
    pub fn hold(&mut self, text: &str) {
        self.held = true;
        self.protected = Some(text.to_string());
    }

    /// Records that the dataset changed. Returns true when a timer must be started.
    pub fn mark_dirty(&mut self) -> bool {
        self.dirty = true;
        self.timer.is_none()
    }

    pub fn set_timer(&mut self, timer: Option<TimeoutHandle>) {
        self.timer = timer;
    }

    /// Forgets the pending timer (it fired, or a flush is writing now).
    pub fn take_timer(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }

    /// True when there is something to write and writing is allowed.
    pub fn wants_write(&self) -> bool {
        self.dirty && !self.held
    }

    /// Writes `text`; on success the dataset is clean. On error it stays dirty so the
    /// next change or flush tries again, and the old saved copy is untouched.
    pub fn write(&mut self, text: &str) -> Result<(), StorageError> {
        self.take_timer();
        self.store.write(text)?;
        self.known = Some(text.to_string());
        self.dirty = false;
        Ok(())
    }

    /// Lets writes happen again after the user chose to start over: the protected text
    /// is first copied to a quarantine key (returned). If that copy fails, writes stay
    /// held and the caller must not replace anything.
    pub fn release(&mut self, stamp: &str) -> Result<Option<String>, StorageError> {
        let key = match self.protected.as_deref() {
            Some(raw) if !raw.is_empty() => Some(self.store.quarantine(raw, stamp)?),
            _ => None,
        };
        // The protected text is set aside: it is now the saved text we mean to replace,
        // not another tab's save to merge.
        if let Some(raw) = self.protected.take().filter(|raw| !raw.is_empty()) {
            self.known = Some(raw);
        }
        self.held = false;
        Ok(key)
    }

    pub fn is_held(&self) -> bool {
        self.held
    }

    pub fn is_persistent(&self) -> bool {
        self.store.is_persistent()
    }
}
