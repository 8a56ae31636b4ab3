use super::{DataStore, StorageError, DAMAGED_KEY, LAST_GOOD_KEY, LOCAL_BUDGET, QUARANTINE_PREFIX};
use kpi::schema;
use leptos::prelude::TimeoutHandle;

/// Owns the data store and the save schedule. Saves are debounced off the input path
/// and flushed when the page is hidden or closed; each one carries the next revision.
pub struct Saver {
    store: Box<dyn DataStore>,
    held: bool,
    /// The saved text writes are held for (empty when it could not even be read).
    protected: Option<String>,
    /// The saved text as this tab last read or wrote it, and its revision.
    known: Option<String>,
    /// The saved text this tab's last write replaced (within the localStorage budget
    /// only): what both edits started from when another tab's write raced that one.
    before_write: Option<String>,
    revision: u64,
    dirty: bool,
    timer: Option<TimeoutHandle>,
}

impl Saver {
    /// `held`: saves wait for the user; `protected`: saved text that must be set aside
    /// before anything is written; `known`: the saved text as loaded.
    pub fn new(
        store: Box<dyn DataStore>,
        held: bool,
        protected: Option<String>,
        known: Option<String>,
    ) -> Self {
        let revision = known
            .as_deref()
            .and_then(schema::peek_revision)
            .unwrap_or(0);
        Self {
            store,
            held: held || protected.is_some(),
            protected,
            known,
            before_write: None,
            revision,
            dirty: false,
            timer: None,
        }
    }

    /// The saved text, when another tab has written it since this tab last read or
    /// wrote it (another revision, or other text under the same one: two tabs that
    /// wrote at the same instant): it must be merged in first, or its edits are lost.
    pub fn changed_elsewhere(&self) -> Result<Option<String>, StorageError> {
        let current = self.store.read()?;
        Ok(current.filter(|text| {
            schema::peek_revision(text) != Some(self.revision) || Some(text) != self.known.as_ref()
        }))
    }

    /// Before taking in `theirs` (another tab's save): whether it raced this tab's
    /// last write (written without seeing it: a revision not newer than this tab's,
    /// with other text), and the saved text both tabs' edits started from, when this
    /// tab may hold edits `theirs` lacks (it raced, or there are unsaved changes).
    /// `None`: nothing here is unsaved, so the record rule alone merges.
    pub fn merge_base(&self, theirs: &str) -> (bool, Option<&str>) {
        let raced = schema::peek_revision(theirs).is_some_and(|r| r <= self.revision)
            && self.known.as_deref() != Some(theirs);
        let base = match (raced, self.dirty) {
            (true, _) => self.before_write.as_deref(),
            (false, true) => self.known.as_deref(),
            (false, false) => None,
        };
        (raced, base)
    }

    /// Records saved text this tab has taken in (another tab's save).
    pub fn set_known(&mut self, text: &str) {
        self.known = Some(text.to_string());
        self.revision = self.revision.max(schema::peek_revision(text).unwrap_or(0));
    }

    /// The revision the next write carries.
    pub fn next_revision(&self) -> u64 {
        self.revision + 1
    }

    /// Hands the dataset's text to another store (the data moved to IndexedDB, where
    /// `text` is now saved); the dataset is clean unless it changed since `text`.
    pub fn switch_store(&mut self, store: Box<dyn DataStore>, text: &str) {
        self.store = store;
        self.set_known(text);
    }

    /// A write now in flight elsewhere (the move to IndexedDB) takes the changes so
    /// far; [`Saver::mark_dirty`] again if it fails.
    pub fn begin_write(&mut self) {
        self.take_timer();
        self.dirty = false;
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

    /// Writes `text` (encoded with [`Saver::next_revision`]); on success the dataset
    /// is clean. A full disk first gives up the last good copy (a fallback, not the
    /// data) and tries once more. On error the dataset stays dirty so the next change
    /// or flush tries again, and the old saved copy is untouched.
    pub fn write(&mut self, text: &str) -> Result<(), StorageError> {
        self.take_timer();
        let written = match self.store.write(text) {
            Err(StorageError::QuotaExceeded) if self.store.get(LAST_GOOD_KEY)?.is_some() => {
                self.store.remove(LAST_GOOD_KEY)?;
                self.store.write(text)
            }
            other => other,
        };
        written?;
        let before = self.known.replace(text.to_string());
        self.before_write = before.filter(|_| text.len() <= LOCAL_BUDGET);
        self.revision = self.next_revision();
        self.dirty = false;
        Ok(())
    }

    /// Lets writes happen again after the user chose to start over: the protected text
    /// is first copied to a quarantine key (returned). If that copy fails, writes stay
    /// held and the caller must not replace anything. A decision about damaged data
    /// is made by the same choice.
    pub fn release(&mut self, stamp: &str) -> Result<Option<String>, StorageError> {
        let key = match self.protected.as_deref() {
            Some(raw) if !raw.is_empty() => Some(self.store.quarantine(raw, stamp)?),
            _ => None,
        };
        // The protected text is set aside: it is now the saved text we mean to replace,
        // not another tab's save to merge.
        if let Some(raw) = self.protected.take().filter(|raw| !raw.is_empty()) {
            self.set_known(&raw);
        }
        self.settle_damaged()?;
        self.held = false;
        Ok(key)
    }

    /// Sets aside saved text another writer left that cannot be read (returns the
    /// key), and takes it as known: this tab's next write may then replace it.
    pub fn set_aside_foreign(&mut self, text: &str, stamp: &str) -> Result<String, StorageError> {
        let key = self.store.quarantine(text, stamp)?;
        self.set_known(text);
        Ok(key)
    }

    /// The set-aside copy of damaged data the user has not decided about yet.
    pub fn damaged_text(&self) -> Result<Option<String>, StorageError> {
        match self.store.get(DAMAGED_KEY)? {
            Some(key) => self.store.get(&key),
            None => Ok(None),
        }
    }

    /// The user decided about damaged data: keep its set-aside copy (`discard` false)
    /// or delete it; either way saves resume with what is shown.
    pub fn resolve_damaged(&mut self, discard: bool) -> Result<(), StorageError> {
        if discard {
            if let Some(key) = self.store.get(DAMAGED_KEY)? {
                self.store.remove(&key)?;
            }
        }
        self.settle_damaged()?;
        self.held = self.protected.is_some();
        Ok(())
    }

    /// The copies set aside so far (quarantine keys, oldest first) with their sizes in
    /// bytes.
    pub fn set_aside(&self) -> Result<Vec<(String, usize)>, StorageError> {
        let mut keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .collect();
        keys.sort();
        keys.into_iter()
            .map(|key| {
                let size = self.store.get(&key)?.map_or(0, |text| text.len());
                Ok((key, size))
            })
            .collect()
    }

    /// The text of one set-aside copy.
    pub fn set_aside_text(&self, key: &str) -> Result<Option<String>, StorageError> {
        match key.starts_with(QUARANTINE_PREFIX) {
            true => self.store.get(key),
            false => Ok(None),
        }
    }

    /// Deletes one set-aside copy; true when it was the damaged data still awaiting the
    /// user's choice (the caller then treats it as "discard").
    pub fn delete_set_aside(&mut self, key: &str) -> Result<bool, StorageError> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Ok(false);
        }
        if self.store.get(DAMAGED_KEY)?.as_deref() == Some(key) {
            return Ok(true);
        }
        self.store.remove(key)?;
        Ok(false)
    }

    /// Forgets that a decision about damaged data is pending.
    fn settle_damaged(&mut self) -> Result<(), StorageError> {
        self.store.remove(DAMAGED_KEY)
    }

    pub fn is_held(&self) -> bool {
        self.held
    }

    pub fn is_persistent(&self) -> bool {
        self.store.is_persistent()
    }
}
