//! IndexedDB, for data past the localStorage budget: one object store of text under
//! the same keys localStorage would use. Every change is one transaction, and a write
//! of the envelope first checks that the saved revision is the one this tab expects,
//! so two tabs never overwrite each other's save unseen.

use super::{local::classify, StorageError, DATA_KEY};
use js_sys::{Array, Promise};
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
    /// Another tab saved revision ≠ expected: nothing was written; here is its text.
    Conflict(String),
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

    /// Every key and its text.
    pub async fn read_all(&self) -> Result<BTreeMap<String, String>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(TEXTS).map_err(|e| classify(&e))?;
        let keys = finished(&store.get_all_keys().map_err(|e| classify(&e))?).await?;
        let values = finished(&store.get_all().map_err(|e| classify(&e))?).await?;
        let keys: Array = keys.unchecked_into();
        let values: Array = values.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    /// The text under one key.
    pub async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(TEXTS).map_err(|e| classify(&e))?;
        let value = finished(&store.get(&key.into()).map_err(|e| classify(&e))?).await?;
        Ok(value.as_string())
    }

    /// Applies `ops` in one transaction and waits until it is committed. With
    /// `expected`, the saved envelope's revision is checked in the same transaction:
    /// when another tab saved another one, the transaction is aborted (nothing is
    /// written) and its text is returned to merge.
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
            if let Some(text) = saved.filter(|_| revision.unwrap_or(0) != expected) {
                let _ = tx.abort();
                return Ok(Applied::Conflict(text));
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
