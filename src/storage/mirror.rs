//! [`DataStore`] over IndexedDB: the texts are read once into memory, read from there,
//! and every change is queued for the next transaction ([`IndexedStore::take_changes`]),
//! so the save logic written for localStorage runs unchanged on top of it.

use super::indexed::{stored_ops, Idb, Op, Texts};
use super::{DataStore, StorageError, DATA_KEY};
use kpi::schema::parts::PartIndex;
use kpi::schema::peek_revision;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The localStorage text that says "the data lives in IndexedDB now". Its version is
/// beyond any real one, so an app from before the move opens read-only instead of
/// starting empty and writing over the data it cannot see.
pub fn moved_marker(revision: u64) -> String {
    format!(
        r#"{{"app":"salesboard","version":{MOVED_VERSION},"moved_to":"indexeddb","revision":{revision}}}"#
    )
}

/// True for the text [`moved_marker`] writes.
pub fn is_moved_marker(text: &str) -> bool {
    text.len() < 200 && text.contains(r#""moved_to":"indexeddb""#)
}

const MOVED_VERSION: u32 = 1_000_000;

pub struct IndexedStore {
    pub idb: Idb,
    texts: RefCell<BTreeMap<String, String>>,
    /// The index of each text stored in parts, as last committed or read.
    indexes: RefCell<BTreeMap<String, PartIndex>>,
    queue: RefCell<Vec<Op>>,
    /// The envelope revision last committed or read: what the next write expects.
    committed: Cell<u64>,
    /// The envelope revision a transaction now in flight writes: what a second,
    /// urgent transaction (the page is closing) expects after it.
    in_flight: Cell<Option<u64>>,
}

impl IndexedStore {
    pub fn new(idb: Idb, read: Texts) -> Rc<Self> {
        let Texts { texts, indexes } = read;
        let committed = texts
            .get(DATA_KEY)
            .and_then(|text| peek_revision(text))
            .unwrap_or(0);
        Rc::new(Self {
            idb,
            texts: RefCell::new(texts),
            indexes: RefCell::new(indexes),
            queue: RefCell::new(Vec::new()),
            committed: Cell::new(committed),
            in_flight: Cell::new(None),
        })
    }

    /// The queued changes as a batch to commit in one transaction, with, when they
    /// include the envelope, the revision the saved one must still have. `None` when
    /// there is nothing to write.
    pub fn take_changes(&self) -> Option<Batch> {
        let ops = std::mem::take(&mut *self.queue.borrow_mut());
        if ops.is_empty() {
            return None;
        }
        let written = written_revision(&ops)?;
        let alone = self.in_flight.get().is_none();
        let expected = self.in_flight.get().unwrap_or(self.committed.get());
        if let Some(revision) = written {
            self.in_flight.set(Some(revision));
        }
        let expected = written.map(|_| expected);
        // Unchanged parts of the envelope are left as they are only when its revision
        // is checked (no other tab wrote them meanwhile) and no other transaction of
        // this tab is in flight (it may be writing them).
        let known = self.indexes.borrow();
        let envelope = ops.iter().filter(|op| op_key(op) == DATA_KEY);
        let others = ops.iter().filter(|op| op_key(op) != DATA_KEY);
        let (mut stored, mut indexes) = stored_ops(envelope, &known, alone && expected.is_some());
        let (more, more_indexes) = stored_ops(others, &known, false);
        stored.extend(more);
        indexes.extend(more_indexes);
        Some(Batch {
            ops,
            stored,
            indexes,
            expected,
        })
    }

    /// A batch that replaces the envelope with `text` now, ahead of the queue (a
    /// restore or import is written before it is shown). Then [`IndexedStore::committed`]
    /// and [`IndexedStore::replaced`], or [`IndexedStore::abandon`].
    pub fn replacement(&self, text: String) -> Batch {
        let ops = vec![Op::Put(DATA_KEY.to_string(), text)];
        let alone = self.in_flight.get().is_none();
        let expected = self.in_flight.get().unwrap_or(self.committed.get());
        self.in_flight.set(written_revision(&ops).flatten());
        let (stored, indexes) = stored_ops(&ops, &self.indexes.borrow(), alone);
        Batch {
            ops,
            stored,
            indexes,
            expected: Some(expected),
        }
    }

    /// A replacement is committed: it is the envelope now, and a queued write of the
    /// data it replaced is dropped.
    pub fn replaced(&self, batch: Batch) {
        for op in batch.ops {
            if let Op::Put(key, text) = op {
                self.queue
                    .borrow_mut()
                    .retain(|queued| op_key(queued) != key);
                self.texts.borrow_mut().insert(key, text);
            }
        }
    }

    /// A replacement was not written: nothing of it is kept.
    pub fn abandon(&self) {
        self.in_flight.set(None);
    }

    /// The envelope revision last committed or read.
    pub fn committed_revision(&self) -> u64 {
        self.committed.get()
    }

    /// The changes are committed: the envelope's revision is now the one written.
    pub fn committed(&self, batch: &Batch) {
        self.in_flight.set(None);
        let mut known = self.indexes.borrow_mut();
        for (key, index) in &batch.indexes {
            match index {
                Some(index) => known.insert(key.clone(), index.clone()),
                None => known.remove(key),
            };
        }
        for op in &batch.ops {
            if let Op::Put(key, text) = op {
                if key == DATA_KEY {
                    self.committed.set(peek_revision(text).unwrap_or(0));
                }
            }
        }
    }

    /// The changes were not written: queue them again in front of newer ones (a newer
    /// change of the same key still wins).
    pub fn requeue(&self, ops: Vec<Op>) {
        self.in_flight.set(None);
        let mut queue = self.queue.borrow_mut();
        let newer = std::mem::take(&mut *queue);
        for op in ops.into_iter().chain(newer) {
            push(&mut queue, op);
        }
    }

    /// Another tab saved `text` (found by a conflict or announced on the channel).
    /// Queued writes of other keys stay queued; a queued envelope write is dropped,
    /// and true is returned: the caller must merge and write again, or it is lost.
    /// `index`: how it is stored (in parts, or whole when `None`).
    pub fn refresh(&self, text: &str, index: Option<PartIndex>) -> bool {
        self.committed.set(peek_revision(text).unwrap_or(0));
        match index {
            Some(index) => self
                .indexes
                .borrow_mut()
                .insert(DATA_KEY.to_string(), index),
            None => self.indexes.borrow_mut().remove(DATA_KEY),
        };
        self.texts
            .borrow_mut()
            .insert(DATA_KEY.to_string(), text.to_string());
        let mut queue = self.queue.borrow_mut();
        let before = queue.len();
        queue.retain(|op| op_key(op) != DATA_KEY);
        queue.len() != before
    }

    pub fn has_changes(&self) -> bool {
        !self.queue.borrow().is_empty()
    }
}

/// Changes to commit in one transaction.
pub struct Batch {
    /// As the app made them (key → whole text): queued again if the commit fails.
    pub ops: Vec<Op>,
    /// As they are stored (long texts as an index and the parts that changed).
    pub stored: Vec<Op>,
    /// The index each written key has once committed (`None`: stored whole).
    pub indexes: Vec<(String, Option<PartIndex>)>,
    /// The envelope revision the saved one must still have.
    pub expected: Option<u64>,
}

/// `Some(revision)` of the envelope a batch writes, `Some(None)` when it writes no
/// envelope, `None` for an empty batch.
fn written_revision(ops: &[Op]) -> Option<Option<u64>> {
    if ops.is_empty() {
        return None;
    }
    Some(ops.iter().find_map(|op| match op {
        Op::Put(key, text) if key == DATA_KEY => Some(peek_revision(text).unwrap_or(0)),
        _ => None,
    }))
}

fn op_key(op: &Op) -> &str {
    match op {
        Op::Put(key, _) | Op::Remove(key) => key,
    }
}

/// Queues `op`, replacing an earlier change of the same key.
fn push(queue: &mut Vec<Op>, op: Op) {
    queue.retain(|queued| op_key(queued) != op_key(&op));
    queue.push(op);
}

impl DataStore for Rc<IndexedStore> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.texts.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        self.texts
            .borrow_mut()
            .insert(key.to_string(), text.to_string());
        push(
            &mut self.queue.borrow_mut(),
            Op::Put(key.to_string(), text.to_string()),
        );
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.texts.borrow_mut().remove(key);
        push(&mut self.queue.borrow_mut(), Op::Remove(key.to_string()));
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.texts.borrow().keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        true
    }
}
