//! IndexedDB, for data past the localStorage budget: one object store of text under
//! the same keys localStorage would use. Every change is one transaction, and a write
//! of the envelope first checks that the saved revision is the one this tab expects,
//! so two tabs never overwrite each other's save unseen.
//!
//! A long text is stored in parts (`kpi::schema::parts`): its key holds a small index,
//! and the parts are under keys of their own. Reading joins them and checks each part
//! against the index; the revision check reads only the index.

use super::{local::classify, StorageError, DATA_KEY};
use js_sys::{Array, Promise};
use kpi::schema::parts::{self, PartIndex};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "salesboard";
const DB_VERSION: u32 = 1;
const TEXTS: &str = "texts";

/// A change to one key.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Put(String, String),
    Remove(String),
}

/// The result of [`Idb::apply`].
#[derive(Debug, PartialEq)]
pub enum Applied {
    Done,
    /// Another tab saved revision ≠ expected: nothing was written (read its save with
    /// [`Idb::get`] to merge it).
    Conflict,
}

/// What is stored, key by key, with long texts joined from their parts.
#[derive(Default)]
pub struct Texts {
    pub texts: BTreeMap<String, String>,
    /// The index of each text stored in parts: what a later write compares its parts
    /// with, to write only those that changed.
    pub indexes: BTreeMap<String, PartIndex>,
}

/// An open database.
#[derive(Clone)]
pub struct Idb {
    db: IdbDatabase,
}

impl Idb {
    /// Opens (creating on first use) the database.
    pub async fn open() -> Result<Self, StorageError> {
        let factory = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("no window".into()))?
            .indexed_db()
            .map_err(|e| classify(&e))?
            .ok_or_else(|| StorageError::Unavailable("IndexedDB is missing".into()))?;
        let request = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| classify(&e))?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let db = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(TEXTS) {
                    let _ = db.create_object_store(TEXTS);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = finished(&request).await?;
        request.set_onupgradeneeded(None);
        Ok(Self {
            db: db.unchecked_into(),
        })
    }

    /// Every key and its text, long ones joined from their parts. Saved data whose
    /// parts do not make it whole (a torn set) is refused with the reason, never
    /// loaded in part; another key's torn text (a last good or set-aside copy) is left
    /// out.
    pub async fn read_all(&self) -> Result<Texts, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(TEXTS).map_err(|e| classify(&e))?;
        let keys = finished(&store.get_all_keys().map_err(|e| classify(&e))?).await?;
        let values = finished(&store.get_all().map_err(|e| classify(&e))?).await?;
        let keys: Array = keys.unchecked_into();
        let values: Array = values.unchecked_into();
        let stored: BTreeMap<String, String> = keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect();
        let mut read = Texts::default();
        for (key, text) in &stored {
            if parts::is_part_key(key) {
                continue;
            }
            let Some(index) = PartIndex::parse(text) else {
                read.texts.insert(key.clone(), text.clone());
                continue;
            };
            let found: Vec<Option<&str>> = (0..index.parts.len())
                .map(|i| stored.get(&parts::part_key(key, i)).map(String::as_str))
                .collect();
            match index.join(&found) {
                Ok(whole) => {
                    read.texts.insert(key.clone(), whole);
                    read.indexes.insert(key.clone(), index);
                }
                Err(torn) if key == DATA_KEY => return Err(StorageError::Other(torn.to_string())),
                Err(_) => {}
            }
        }
        Ok(read)
    }

    /// The text under one key (joined from its parts) and its index when in parts.
    pub async fn get(
        &self,
        key: &str,
    ) -> Result<Option<(String, Option<PartIndex>)>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(TEXTS).map_err(|e| classify(&e))?;
        let value = finished(&store.get(&key.into()).map_err(|e| classify(&e))?).await?;
        let Some(text) = value.as_string() else {
            return Ok(None);
        };
        let Some(index) = PartIndex::parse(&text) else {
            return Ok(Some((text, None)));
        };
        // Issued together, right after the index's read succeeded: the transaction is
        // still active then, and stays so while requests are pending.
        let requests = (0..index.parts.len())
            .map(|i| {
                store
                    .get(&parts::part_key(key, i).into())
                    .map_err(|e| classify(&e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut found = Vec::with_capacity(requests.len());
        for request in &requests {
            found.push(finished(request).await?.as_string());
        }
        let found: Vec<Option<&str>> = found.iter().map(Option::as_deref).collect();
        let whole = index
            .join(&found)
            .map_err(|torn| StorageError::Other(torn.to_string()))?;
        Ok(Some((whole, Some(index))))
    }

    /// Applies `ops` in one transaction and waits until it is committed. With
    /// `expected`, the saved envelope's revision is checked in the same transaction:
    /// when another tab saved another one, the transaction is aborted (nothing is
    /// written) and [`Applied::Conflict`] says so: read its save to merge it. `ops` are
    /// as stored (see [`stored_ops`]).
    ///
    /// Every request is issued before the first await, so a page that unloads right
    /// after calling this still commits the writes; the check can only abort them.
    pub async fn apply(&self, ops: &[Op], expected: Option<u64>) -> Result<Applied, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let issued = issue(&tx, ops, expected.is_some());
        let check = match issued {
            Ok(check) => check,
            Err(error) => {
                // Nothing half-applied: requests already issued are rolled back.
                let _ = tx.abort();
                return Err(error);
            }
        };
        if let (Some(check), Some(expected)) = (check, expected) {
            // The continuation runs as a microtask of the read's success event, while
            // the transaction is still active and before the writes behind it run.
            let saved = finished(&check).await?.as_string();
            let revision = saved.as_deref().and_then(kpi::schema::peek_revision);
            if saved.is_some() && revision.unwrap_or(0) != expected {
                let _ = tx.abort();
                return Ok(Applied::Conflict);
            }
        }
        committed(&tx).await?;
        Ok(Applied::Done)
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        self.db
            .transaction_with_str_and_mode(TEXTS, mode)
            .map_err(|e| classify(&e))
    }
}

/// The writes that store `ops`: a long text as its index and the parts that differ
/// from the ones `known` names (`reuse`: the caller has made sure they are what is
/// stored; otherwise every part is written), with the parts a shorter text no longer
/// needs removed. Returns them and each written key's new index (`None`: stored whole).
pub fn stored_ops<'a>(
    ops: impl IntoIterator<Item = &'a Op>,
    known: &BTreeMap<String, PartIndex>,
    reuse: bool,
) -> (Vec<Op>, Vec<(String, Option<PartIndex>)>) {
    let mut stored = Vec::new();
    let mut indexes = Vec::new();
    for op in ops {
        let (key, text) = match op {
            Op::Put(key, text) => (key, Some(text)),
            Op::Remove(key) => (key, None),
        };
        let before = known.get(key).map_or(&[][..], |index| &index.parts[..]);
        let index = match text {
            Some(text) if parts::needs_split(text) => {
                let pieces = parts::split(text);
                let index = PartIndex::of(text, &pieces);
                for (i, piece) in pieces.iter().enumerate() {
                    if !(reuse && before.get(i) == index.parts.get(i)) {
                        stored.push(Op::Put(parts::part_key(key, i), piece.to_string()));
                    }
                }
                stored.push(Op::Put(key.clone(), index.encode()));
                Some(index)
            }
            Some(text) => {
                stored.push(Op::Put(key.clone(), text.clone()));
                None
            }
            None => {
                stored.push(Op::Remove(key.clone()));
                None
            }
        };
        let now = index.as_ref().map_or(0, |index| index.parts.len());
        for i in now..before.len() {
            stored.push(Op::Remove(parts::part_key(key, i)));
        }
        indexes.push((key.clone(), index));
    }
    (stored, indexes)
}

/// Issues the revision read (when asked) and then every op; returns the read.
fn issue(tx: &IdbTransaction, ops: &[Op], check: bool) -> Result<Option<IdbRequest>, StorageError> {
    let store = tx.object_store(TEXTS).map_err(|e| classify(&e))?;
    let read = match check {
        true => Some(store.get(&DATA_KEY.into()).map_err(|e| classify(&e))?),
        false => None,
    };
    for op in ops {
        let request = match op {
            Op::Put(key, text) => store.put_with_key(&text.into(), &key.into()),
            Op::Remove(key) => store.delete(&key.into()),
        };
        request.map_err(|e| classify(&e))?;
    }
    Ok(read)
}

/// The result of a request once it succeeds, or its error.
async fn finished(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| classify(&e)),
        Err(_) => Err(request_error(request)),
    }
}

/// Waits until a transaction is committed (a full disk shows here, as its error).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    outcome.map(|_| ()).map_err(|_| match tx.error() {
        Some(error) => classify(&error.into()),
        None => StorageError::Other("the IndexedDB transaction was aborted".into()),
    })
}

fn request_error(request: &IdbRequest) -> StorageError {
    match request.error() {
        Ok(Some(error)) => classify(&error.into()),
        _ => StorageError::Other("an IndexedDB request failed".into()),
    }
}
