//! The store's side of IndexedDB: moving the data there once it outgrows localStorage,
//! loading it from there at start, committing the mirror's changes one transaction at
//! a time, and hearing about other tabs' saves on a BroadcastChannel.
//!
//! Safety rules: the localStorage copy is replaced by the "moved" marker only after the
//! IndexedDB copy has been read back equal; a write of the envelope checks the saved
//! revision in the same transaction and, when another tab saved meanwhile, merges its
//! records and writes again; a failure keeps the data in memory, dirty, and says why.

use super::{NoticeId, StorageMode, Store};
use crate::storage::{
    is_moved_marker, moved_marker, stored_ops, Applied, DataStore, Idb, IndexedStore, LoadProblem,
    LocalStore, Op, StorageError, DAMAGED_KEY, DATA_KEY, LAST_GOOD_KEY, QUARANTINE_PREFIX,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// The channel tabs announce IndexedDB saves on (the message is the revision).
const CHANNEL: &str = "salesboard";

impl Store {
    /// Moves the data to IndexedDB: `text` (the envelope, past the localStorage budget)
    /// and the last good copy are written there and read back; only then does
    /// localStorage get the small "moved" marker instead of the data.
    pub(super) fn move_to_indexed(&self, text: String) {
        if !self.begin_transaction() {
            // A move is under way: this change is written once it is done.
            self.saver.update_value(|s| {
                s.mark_dirty();
            });
            return;
        }
        self.saver.update_value(|s| s.begin_write());
        // What localStorage holds now: another tab's save during the copy changes it.
        let saved_before = LocalStore::open()
            .and_then(|local| local.get(DATA_KEY))
            .ok()
            .flatten();
        let store = *self;
        spawn_local(async move {
            match copy_to_indexed(&text).await {
                Ok(mirror) => {
                    store.finish_move(mirror, &text, saved_before);
                    store.end_transaction(true);
                }
                Err(error) => {
                    store.saver.update_value(|s| {
                        s.mark_dirty();
                    });
                    store.notify(NoticeId::SaveFailed, Some(error.to_string()), None);
                    // The next change tries again; no loop on a full disk.
                    store.end_transaction(false);
                }
            }
        });
    }

    fn finish_move(&self, mirror: Rc<IndexedStore>, text: &str, saved_before: Option<String>) {
        let revision = kpi::schema::peek_revision(text).unwrap_or(0);
        // Another tab may have saved to localStorage while the copy was being made: its
        // records are merged in now and written to IndexedDB right after the move, or
        // the marker would hide them. (A marker there means it moved too: the write's
        // revision check in IndexedDB then merges the two.)
        let saved_now = LocalStore::open().and_then(|local| local.get(DATA_KEY));
        let raced = saved_now
            .ok()
            .flatten()
            .filter(|now| Some(now) != saved_before.as_ref());
        if let Some(theirs) = raced.as_deref().filter(|t| !is_moved_marker(t)) {
            // Already taken in if its storage event came first; merging is idempotent.
            self.absorb(theirs);
        }
        let marked = LocalStore::open().and_then(|local| {
            local.set(DATA_KEY, &moved_marker(revision))?;
            moving_keys(&local)?
                .iter()
                .try_for_each(|key| local.remove(key))
        });
        if let Err(error) = marked {
            // localStorage still holds the older, complete copy: keep saving there.
            self.saver.update_value(|s| {
                s.mark_dirty();
            });
            self.notify(NoticeId::SaveFailed, Some(error.to_string()), None);
            return;
        }
        self.adopt(mirror, text);
        if raced.is_some() {
            // Written by end_transaction, with the revision check.
            self.saver.update_value(|s| {
                s.mark_dirty();
            });
        }
        self.dismiss(NoticeId::SaveFailed);
        announce(revision);
    }

    /// From now on the saver writes to `mirror`, whose envelope is `text`.
    pub(super) fn adopt(&self, mirror: Rc<IndexedStore>, text: &str) {
        self.indexed.set_value(Some(mirror.clone()));
        self.saver
            .update_value(|s| s.switch_store(Box::new(mirror), text));
        if self.storage_mode.get_untracked() == StorageMode::Local {
            self.storage_mode.set(StorageMode::Indexed);
        }
    }

    /// Start-up found the "moved" marker: read everything from IndexedDB, then load
    /// it exactly as from localStorage (damaged data is set aside there too).
    pub(super) fn load_indexed(&self) {
        let store = *self;
        spawn_local(async move {
            match read_indexed().await {
                Ok(mirror) if data_gone(&mirror) => {
                    store.indexed.set_value(Some(mirror.clone()));
                    store.hold_for_missing_data(Box::new(mirror));
                }
                Ok(mirror) => {
                    store.indexed.set_value(Some(mirror.clone()));
                    store.install(Box::new(mirror));
                    store.pump();
                }
                Err(error) => {
                    // Never start empty over data we could not read: nothing may
                    // change or be written until a reload reads it.
                    store.storage_mode.set(StorageMode::Unreadable);
                    store.report_load_problem(LoadProblem::Unreadable(error));
                }
            }
        });
    }

    /// The "moved" marker is there but IndexedDB holds no data (the browser evicted
    /// it, or the user cleared site data but not the marker): say so, show nothing, and
    /// hold saves until the user restores a backup or deliberately starts fresh, so an
    /// empty start never silently takes the place of the data.
    fn hold_for_missing_data(&self, backend: Box<dyn DataStore>) {
        self.data.set(kpi::Dataset::default());
        self.saver
            .set_value(crate::storage::Saver::new(backend, true, None, None));
        self.storage_mode.set(StorageMode::Paused);
        self.notify(NoticeId::DataMissing, None, None);
    }

    /// Another tab moved the data to IndexedDB: take in what it saved there, and save
    /// there from now on.
    pub(super) fn follow_move(&self) {
        if self.indexed.with_value(Option::is_some) {
            return;
        }
        let store = *self;
        spawn_local(async move {
            match read_indexed().await {
                Ok(mirror) => {
                    let text = mirror.get(DATA_KEY).ok().flatten().unwrap_or_default();
                    store.absorb(&text);
                    store.adopt(mirror, &text);
                    // Changes made meanwhile go to IndexedDB now.
                    if store.saver.with_value(|s| s.wants_write()) {
                        store.flush();
                    }
                }
                Err(error) => store.notify(NoticeId::SaveFailed, Some(error.to_string()), None),
            }
        });
    }

    /// Commits the mirror's queued changes in one transaction. Another tab's save
    /// found on the way is merged in and written again; a failure is told and the
    /// changes stay queued for the next change to retry (a full disk first gives up
    /// the last good copy).
    pub(super) fn pump(&self) {
        // While a transaction runs, it pumps again when it is done.
        if self.begin_transaction() && !self.commit_queued(true) {
            self.busy.set_value(false);
        }
    }

    /// The page is being hidden or closed: commit what is queued now, even while a
    /// transaction is in flight (IndexedDB runs them in the order they were made), so
    /// that the last edit does not wait for a page that will not run again.
    pub fn pump_now(&self) {
        if self.busy.get_value() {
            self.commit_queued(false);
        } else {
            self.pump();
        }
    }

    /// Starts one transaction with the mirror's queued changes; false when there was
    /// nothing to write. `owns_turn`: this is the one regular transaction, which
    /// hands on to the next when it ends.
    fn commit_queued(&self, owns_turn: bool) -> bool {
        let Some(mirror) = self.indexed.get_value() else {
            return false;
        };
        let Some(batch) = mirror.take_changes() else {
            return false;
        };
        let store = *self;
        spawn_local(async move {
            let retry = match mirror.idb.apply(&batch.stored, batch.expected).await {
                Ok(Applied::Done) => {
                    mirror.committed(&batch);
                    store.dismiss(NoticeId::SaveFailed);
                    if let Some(revision) = written_revision(&batch.ops) {
                        announce(revision);
                    }
                    true
                }
                Ok(Applied::Conflict) => {
                    mirror.requeue(batch.ops);
                    match mirror.idb.get(DATA_KEY).await {
                        Ok(Some((theirs, index))) => {
                            mirror.refresh(&theirs, index);
                            store.absorb(&theirs);
                            store.schedule_save();
                            true
                        }
                        Ok(None) => true,
                        Err(error) => {
                            store.notify(NoticeId::SaveFailed, Some(error.to_string()), None);
                            false
                        }
                    }
                }
                Err(error) => {
                    mirror.requeue(batch.ops);
                    store.notify(NoticeId::SaveFailed, Some(error.to_string()), None);
                    // A full disk: the last good copy is a fallback, not the data.
                    error == StorageError::QuotaExceeded
                        && mirror.get(LAST_GOOD_KEY).ok().flatten().is_some()
                        && mirror.remove(LAST_GOOD_KEY).is_ok()
                }
            };
            if owns_turn {
                store.end_transaction(retry);
            }
        });
        true
    }

    /// Another tab announced a save in IndexedDB: read and merge it. Announcements of
    /// what this tab already has are ignored; a queued write of this tab that the
    /// read replaced is merged and written again.
    pub fn hear_indexed_save(&self) {
        let Some(mirror) = self.indexed.get_value() else {
            return self.follow_move();
        };
        let store = *self;
        spawn_local(async move {
            let Ok(Some((text, index))) = mirror.idb.get(DATA_KEY).await else {
                return;
            };
            let revision = kpi::schema::peek_revision(&text).unwrap_or(0);
            if revision <= mirror.committed_revision() {
                return;
            }
            let dropped = mirror.refresh(&text, index);
            store.absorb(&text);
            if dropped {
                store.schedule_save();
            }
        });
    }

    pub(super) fn begin_transaction(&self) -> bool {
        !self
            .busy
            .try_update_value(|busy| std::mem::replace(busy, true))
            .unwrap_or(true)
    }

    /// The transaction is over: whatever changed meanwhile is written now, unless it
    /// failed (then the next change retries, not a loop on a full disk).
    pub(super) fn end_transaction(&self, go_on: bool) {
        self.busy.set_value(false);
        if !go_on {
            return;
        }
        if self.saver.with_value(|s| s.wants_write()) {
            self.flush();
        } else {
            self.pump();
        }
    }
}

/// Writes the envelope and the last good copy to IndexedDB and reads the envelope
/// back; the mirror of what is there now.
pub(super) async fn copy_to_indexed(text: &str) -> Result<Rc<IndexedStore>, StorageError> {
    let idb = Idb::open().await?;
    let mut read = idb.read_all().await?;
    let mut ops = vec![Op::Put(DATA_KEY.into(), text.into())];
    // The last good copy, the pending damaged-data mark and the set-aside copies move
    // too: from now on the app reads them from IndexedDB.
    let local = LocalStore::open()?;
    for key in moving_keys(&local)? {
        if let Some(kept) = local.get(&key)? {
            ops.push(Op::Put(key, kept));
        }
    }
    let (stored, indexes) = stored_ops(&ops, &read.indexes, false);
    idb.apply(&stored, None).await?;
    let back = idb.get(DATA_KEY).await?;
    if back.as_ref().map(|(saved, _)| saved.as_str()) != Some(text) {
        return Err(StorageError::Other(
            "the copy in IndexedDB did not read back the same".into(),
        ));
    }
    for op in ops {
        if let Op::Put(key, text) = op {
            read.texts.insert(key, text);
        }
    }
    for (key, index) in indexes {
        match index {
            Some(index) => read.indexes.insert(key, index),
            None => read.indexes.remove(&key),
        };
    }
    Ok(IndexedStore::new(idb, read))
}

/// The localStorage keys that move to IndexedDB with the data.
pub(super) fn moving_keys(local: &LocalStore) -> Result<Vec<String>, StorageError> {
    Ok(local
        .keys()?
        .into_iter()
        .filter(|key| {
            key == LAST_GOOD_KEY || key == DAMAGED_KEY || key.starts_with(QUARANTINE_PREFIX)
        })
        .collect())
}

/// True when IndexedDB holds no saved data, nor damaged data set aside from it.
fn data_gone(mirror: &Rc<IndexedStore>) -> bool {
    [DATA_KEY, DAMAGED_KEY]
        .iter()
        .all(|key| matches!(mirror.get(key), Ok(None)))
}

async fn read_indexed() -> Result<Rc<IndexedStore>, StorageError> {
    let idb = Idb::open().await?;
    let read = idb.read_all().await?;
    Ok(IndexedStore::new(idb, read))
}

/// The envelope revision a batch of changes writes, if it writes the envelope.
fn written_revision(ops: &[Op]) -> Option<u64> {
    ops.iter().find_map(|op| match op {
        Op::Put(key, text) if key == DATA_KEY => kpi::schema::peek_revision(text),
        _ => None,
    })
}

thread_local! {
    /// One channel object for sending and hearing: a message is not delivered to the
    /// object that sent it, so a tab does not hear its own saves.
    static CHANNEL_OBJECT: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs that the envelope in IndexedDB changed.
pub(super) fn announce(revision: u64) {
    CHANNEL_OBJECT.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&(revision as f64).into());
        }
    });
}

/// Calls `heard` whenever another tab announces an IndexedDB save.
pub fn listen_for_indexed_saves(store: Store) {
    let on_message =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || store.hear_indexed_save());
    CHANNEL_OBJECT.with(|channel| {
        if let Some(channel) = channel {
            channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
                on_message.as_ref(),
            )));
        }
    });
    // The listener lives as long as the page.
    on_message.forget();
}
