//! Whole-file changes (a restore, the demo, an import) are written first and shown
//! after. A write that fails then changes nothing, and the user is told so, instead of
//! seeing "restored" with data that a reload would not find (issue 22: a 73 MB backup
//! "restored", then failed to save, and was gone after a reload).
//!
//! While the write runs the store is `Loading`: other changes are refused with a
//! notice (the form keeps what was typed), so none is written under the old data.

use super::indexed::announce;
use super::{NoticeId, StorageMode, Store};
use crate::clock;
use crate::storage::{
    moved_marker, Applied, DataStore, LocalStore, Op, Saver, StorageError, DATA_KEY, LOCAL_BUDGET,
};
use kpi::{schema, Dataset};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// What is being written, for the notice when it fails.
#[derive(Clone, Copy)]
pub(super) enum WholeChange {
    Replace,
    Import,
}

/// What runs once the data is saved and shown, with the data it replaced (boxed: one
/// copy of the save's code, not one per caller).
pub(super) type Then = Box<dyn FnOnce(Store, Dataset)>;

/// How long to wait for this tab's transaction in flight before trying again.
const BUSY_RETRY: Duration = Duration::from_millis(50);

impl Store {
    /// Saves `data` as the whole dataset; once it is saved, shows it and calls `then`
    /// with the data it replaced. On failure nothing changes and the user is told.
    pub(super) fn save_then_show(&self, data: Dataset, what: WholeChange, then: Then) {
        if !self.saver.with_value(Saver::is_persistent) {
            // Nothing to write first: memory is all there is.
            self.show_saved(data, then);
            self.schedule_save();
            return;
        }
        let store = *self;
        if !self.begin_transaction() {
            // A save of this tab is in flight: write after it, in order.
            set_timeout(move || store.save_then_show(data, what, then), BUSY_RETRY);
            return;
        }
        let revision = self.saver.with_value(Saver::next_revision);
        let text = schema::encode_revision(&data, clock::now(), revision);
        let mode = self.storage_mode.get_untracked();
        self.storage_mode.set(StorageMode::Loading);
        let failed = move |store: Store, reason: String| {
            store.storage_mode.set(mode);
            store.end_transaction(false);
            let (id, detail) = match what {
                WholeChange::Replace => (NoticeId::RestoreFailed, reason),
                WholeChange::Import => (NoticeId::ImportNotSaved, reason),
            };
            store.notify(id, Some(detail), None);
        };
        if let Some(mirror) = self.indexed.get_value() {
            let batch = mirror.replacement(text);
            spawn_local(async move {
                match mirror.idb.apply(&batch.stored, batch.expected).await {
                    Ok(Applied::Done) => {
                        mirror.committed(&batch);
                        store.saved_whole(&batch.ops);
                        mirror.replaced(batch);
                        announce(revision);
                        store.storage_mode.set(mode);
                        store.end_transaction(true);
                        store.show_saved(data, then);
                    }
                    Ok(Applied::Conflict) => {
                        mirror.abandon();
                        failed(store, CONFLICT.into());
                    }
                    Err(error) => {
                        mirror.abandon();
                        failed(store, error.to_string());
                    }
                }
            });
            return;
        }
        let written = match text.len() <= LOCAL_BUDGET {
            true => self.saver.try_update_value(|s| s.write(&text)),
            false => Some(Err(StorageError::QuotaExceeded)),
        };
        match written {
            Some(Ok(())) => {
                self.storage_mode.set(mode);
                self.end_transaction(false);
                self.dismiss(NoticeId::SaveFailed);
                self.show_saved(data, then);
            }
            // Past the localStorage budget, or localStorage is full: IndexedDB.
            Some(Err(StorageError::QuotaExceeded)) => spawn_local(async move {
                match store.copy_for_replacement(&text).await {
                    Ok(()) => {
                        store.storage_mode.set(StorageMode::Indexed);
                        store.end_transaction(true);
                        store.show_saved(data, then);
                    }
                    Err(error) => failed(store, error.to_string()),
                }
            }),
            Some(Err(error)) => failed(store, error.to_string()),
            None => {}
        }
    }

    /// Moves the data to IndexedDB as `text` (the replacement): the copy there is read
    /// back before localStorage gets the "moved" marker; until then the old data is
    /// what a reload finds.
    async fn copy_for_replacement(&self, text: &str) -> Result<(), StorageError> {
        let mirror = super::indexed::copy_to_indexed(text).await?;
        let revision = schema::peek_revision(text).unwrap_or(0);
        LocalStore::open().and_then(|local| {
            DataStore::set(&local, DATA_KEY, &moved_marker(revision))?;
            super::indexed::moving_keys(&local)?
                .iter()
                .try_for_each(|key| DataStore::remove(&local, key))
        })?;
        self.adopt(mirror, text);
        // What was unsaved belonged to the data just replaced.
        self.saver.update_value(Saver::begin_write);
        announce(revision);
        self.dismiss(NoticeId::SaveFailed);
        Ok(())
    }

    /// The saver takes the envelope just written as known, with nothing left to write.
    fn saved_whole(&self, ops: &[Op]) {
        for op in ops {
            if let Op::Put(key, text) = op {
                if key == DATA_KEY {
                    self.saver.update_value(|s| {
                        s.set_known(text);
                        s.begin_write();
                    });
                }
            }
        }
        self.dismiss(NoticeId::SaveFailed);
    }

    /// Shows saved `data` and calls `then` with what it replaced.
    fn show_saved(&self, data: Dataset, then: Then) {
        let before = self
            .data
            .try_update(|d| std::mem::replace(d, data))
            .unwrap_or_default();
        then(*self, before);
    }
}

const CONFLICT: &str = "another tab saved at the same moment; try again";
