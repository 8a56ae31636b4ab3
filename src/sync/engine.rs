//! The sync loop: connect (password → session cookie), then rounds of pull, collapse,
//! push; between rounds a long poll on `_changes` while online, cut short by a local
//! change or "Sync now". Failures become a [`Status`] the top bar shows; retries back
//! off (`kpi::sync::retry_delay_ms`); a refusal is never retried.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use kpi::sync::{
    apply_pulled, collapse, pending_count, push_batch, record_push_results, retry_delay_ms,
    roll_back, server_address, AddressError, BulkResult, Doc, PullOutcome, SyncState,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use web_sys::AbortController;

use super::http::{call, sleep, Failure};
use super::saved::{self, Saved};
use crate::clock;
use crate::state::Store;

/// Documents per `_changes` page and per `_bulk_docs` batch.
const PAGE: usize = 500;
/// How long the server holds a long poll open (ms).
const LONG_POLL_MS: u32 = 25_000;

/// What the top bar says.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not connected: the app works on this device alone.
    Off,
    Connecting,
    /// A round is running; `total` is 0 while unknown.
    Syncing {
        done: usize,
        total: usize,
    },
    Synced(DateTime<Utc>),
    /// No answer from the server; local changes wait.
    Offline {
        waiting: usize,
    },
    /// The session ended: the password is needed again. Local work goes on.
    SignIn,
    Problem(Problem),
}

/// What went wrong, to be named to the user with what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Address(AddressError),
    WrongPassword,
    /// The account has no Salesboard database (team-setup was not run for it).
    NoDatabase,
    /// The server refuses this account the database.
    NoAccess(String),
    /// The server failed: status code and reason.
    Server(u16, String),
    /// The data here cannot change (read-only, loading, paused): sync waits.
    LocalLocked,
    Storage(String),
}

/// Changes the server refused in the last round (rolled back here).
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub count: usize,
    pub reason: String,
}

#[derive(Clone, Copy)]
pub struct SyncClient {
    pub status: RwSignal<Status>,
    /// `(server, user)` while connected.
    pub account: RwSignal<Option<(String, String)>>,
    pub refused: RwSignal<Option<Refusal>>,
    /// Documents held because a newer app version wrote them.
    pub newer: RwSignal<usize>,
    store: Store,
    saved: StoredValue<Option<Saved>, LocalStorage>,
    /// Bumped by connect/disconnect: a loop of an older generation stops.
    generation: StoredValue<u64, LocalStorage>,
    /// Something to push (or "Sync now") arrived while a round ran.
    dirty: StoredValue<bool, LocalStorage>,
    /// Ends the current long poll or back-off wait early.
    wake: StoredValue<Option<AbortController>, LocalStorage>,
}

impl SyncClient {
    /// The sync of this app: resumes the saved connection (the browser still holds
    /// the session cookie, or the status asks to sign in again).
    pub fn start(store: Store) -> SyncClient {
        let saved = saved::load();
        let sync = SyncClient {
            status: RwSignal::new(Status::Off),
            account: RwSignal::new(saved.as_ref().map(|s| (s.server.clone(), s.user.clone()))),
            refused: RwSignal::new(None),
            newer: RwSignal::new(0),
            store,
            saved: StoredValue::new_local(saved),
            generation: StoredValue::new_local(0),
            dirty: StoredValue::new_local(false),
            wake: StoredValue::new_local(None),
        };
        // A saved change goes out within seconds: every change of the data wakes the loop.
        Effect::new(move |first: Option<()>| {
            store.data.track();
            if first.is_some() {
                sync.kick();
            }
        });
        let _ = window_event_listener(leptos::ev::online, move |_| sync.kick());
        if sync.saved.with_value(Option::is_some) {
            sync.run();
        }
        sync
    }

    /// "Sync now", a local change, the network back: start a round soon.
    pub fn kick(&self) {
        self.dirty.set_value(true);
        if let Some(wake) = self.wake.with_value(Clone::clone) {
            wake.abort();
        }
    }

    /// Settings → SyncClient → Connect. The password goes to `/_session` once and is
    /// dropped; the browser keeps the cookie.
    pub fn connect(self, server: String, user: String, password: String) {
        let server = match server_address(&server) {
            Ok(server) => server,
            Err(error) => return self.status.set(Status::Problem(Problem::Address(error))),
        };
        let user = user.trim().to_owned();
        self.status.set(Status::Connecting);
        self.refused.set(None);
        spawn_local(async move {
            let body = serde_json::json!({ "name": user, "password": password }).to_string();
            drop(password);
            match call("POST", &format!("{server}/_session"), Some(&body), None).await {
                Ok(_) => {}
                Err(Failure::Unauthorized(_)) => {
                    return self.status.set(Status::Problem(Problem::WrongPassword))
                }
                Err(failure) => return self.fail_to_connect(failure),
            }
            let db = match own_database(&server, &user).await {
                Ok(Some(db)) => db,
                Ok(None) => return self.status.set(Status::Problem(Problem::NoDatabase)),
                Err(failure) => return self.fail_to_connect(failure),
            };
            // The same account and database again: what the server is known to hold
            // still holds; anything else starts afresh.
            let state = self
                .saved
                .with_value(|s| s.clone())
                .filter(|s| s.server == server && s.user == user && s.db == db)
                .map(|s| s.state)
                .unwrap_or_default();
            let saved = Saved {
                server: server.clone(),
                user: user.clone(),
                db,
                state,
            };
            if let Err(error) = saved::save(&saved) {
                return self.status.set(Status::Problem(Problem::Storage(error)));
            }
            self.saved.set_value(Some(saved));
            self.account.set(Some((server, user)));
            self.run();
        });
    }

    fn fail_to_connect(&self, failure: Failure) {
        self.status.set(match failure {
            Failure::Forbidden(reason) => Status::Problem(Problem::NoAccess(reason)),
            Failure::Server(code, reason) => Status::Problem(Problem::Server(code, reason)),
            _ => Status::Offline { waiting: 0 },
        });
    }

    /// Settings → SyncClient → Disconnect: stops syncing and forgets the server; every local
    /// record stays.
    pub fn disconnect(self) {
        self.generation.update_value(|g| *g += 1);
        self.kick();
        if let Some(saved) = self.saved.with_value(Clone::clone) {
            spawn_local(async move {
                let _ = call("DELETE", &format!("{}/_session", saved.server), None, None).await;
            });
        }
        saved::clear();
        self.saved.set_value(None);
        self.account.set(None);
        self.refused.set(None);
        self.status.set(Status::Off);
    }

    /// Starts the loop for the current generation.
    fn run(self) {
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        spawn_local(async move { self.run_loop(generation).await });
    }

    fn current(&self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    async fn run_loop(self, generation: u64) {
        let mut attempt = 0;
        while self.current(generation) {
            self.dirty.set_value(false);
            let outcome = self.round(generation).await;
            if !self.current(generation) {
                return;
            }
            let failure = match outcome {
                Ok(()) => {
                    attempt = 0;
                    self.status.set(Status::Synced(clock::now()));
                    if self.dirty.get_value() {
                        continue;
                    }
                    match self.long_poll().await {
                        Ok(()) | Err(Failure::Aborted) => continue,
                        Err(failure) => failure,
                    }
                }
                Err(Failure::Aborted) => continue,
                Err(failure) => failure,
            };
            match failure {
                Failure::Unauthorized(_) => {
                    // The session is over: ask for the password, never retry with none.
                    return self.status.set(Status::SignIn);
                }
                Failure::Forbidden(reason) => {
                    return self.status.set(Status::Problem(Problem::NoAccess(reason)));
                }
                Failure::Server(code, reason) => {
                    self.status
                        .set(Status::Problem(Problem::Server(code, reason)));
                }
                Failure::Network | Failure::Aborted => {
                    let waiting = self.waiting();
                    self.status.set(Status::Offline { waiting });
                }
                // The status names what holds it; try again later, not at once.
                Failure::Held => {}
            }
            self.pause(retry_delay_ms(attempt)).await;
            attempt = attempt.saturating_add(1);
        }
    }

    /// How many local changes wait for the server.
    pub fn waiting(&self) -> usize {
        let now = clock::now();
        self.saved.with_value(|s| {
            s.as_ref().map_or(0, |s| {
                self.store
                    .data
                    .with_untracked(|d| pending_count(d, &s.state, now))
            })
        })
    }

    /// Waits `millis`, or less when kicked.
    async fn pause(&self, millis: u32) {
        let Ok(controller) = AbortController::new() else {
            return sleep(millis as i32).await;
        };
        let signal = controller.signal();
        self.wake.set_value(Some(controller));
        let mut left = millis as i32;
        while left > 0 && !signal.aborted() {
            sleep(left.min(250)).await;
            left -= 250;
        }
        self.wake.set_value(None);
    }

    /// Waits for a change on the server (or a local one).
    async fn long_poll(&self) -> Result<(), Failure> {
        let Some((db_url, since)) = self.saved.with_value(|s| {
            s.as_ref()
                .map(|s| (format!("{}/{}", s.server, s.db), s.state.since()))
        }) else {
            return Ok(());
        };
        let controller = AbortController::new().map_err(|_| Failure::Network)?;
        let signal = controller.signal();
        self.wake.set_value(Some(controller));
        let url = format!(
            "{db_url}/_changes?feed=longpoll&timeout={LONG_POLL_MS}&limit=1&since={}",
            encode(&since)
        );
        let answer = call("GET", &url, None, Some(&signal)).await;
        self.wake.set_value(None);
        answer.map(|_| ())
    }

    /// One round: pull every page since the checkpoint, settle open conflicts, push
    /// every pending change in batches.
    async fn round(&self, generation: u64) -> Result<(), Failure> {
        let Some(mut saved) = self.saved.with_value(Clone::clone) else {
            return Ok(());
        };
        let db_url = format!("{}/{}", saved.server, saved.db);
        saved.state.deferred = BTreeSet::new();
        let mut done = 0;
        let mut conflicted = Vec::new();
        // Pull.
        loop {
            let url = format!(
                "{db_url}/_changes?include_docs=true&conflicts=true&limit={PAGE}&since={}",
                encode(&saved.state.since())
            );
            let page: ChangesPage = parse(&call("GET", &url, None, None).await?)?;
            if !self.current(generation) {
                return Err(Failure::Aborted);
            }
            let docs: Vec<Doc> = page.results.iter().filter_map(|r| r.doc.clone()).collect();
            let outcome = if docs.is_empty() {
                PullOutcome::default()
            } else {
                self.apply(&mut saved, |d, state| {
                    apply_pulled(d, state, &docs, clock::now())
                })?
            };
            conflicted.extend(outcome.conflicted);
            self.newer.update(|n| *n += outcome.newer.len());
            saved.state.checkpoint = Some(page.last_seq);
            self.keep(&saved)?;
            done += page.results.len();
            let total = done + page.pending.unwrap_or(0);
            self.status.set(Status::Syncing { done, total });
            if page.results.len() < PAGE {
                break;
            }
        }
        // Settle conflicts so the server keeps one winner.
        for id in conflicted {
            self.settle(&db_url, &id, &mut saved).await?;
        }
        // Push.
        let now = clock::now();
        let total = self
            .store
            .data
            .with_untracked(|d| pending_count(d, &saved.state, now));
        let mut pushed = 0;
        let mut retried = BTreeSet::new();
        let mut refusals = Vec::new();
        loop {
            let batch = self
                .store
                .data
                .with_untracked(|d| push_batch(d, &saved.state, &saved.user, PAGE, clock::now()));
            if batch.is_empty() {
                break;
            }
            let body = serde_json::json!({ "docs": batch }).to_string();
            let results: Vec<BulkResult> =
                parse(&call("POST", &format!("{db_url}/_bulk_docs"), Some(&body), None).await?)?;
            let outcome = record_push_results(&mut saved.state, &batch, &results);
            pushed += outcome.saved;
            // Answered without a word (should not happen): not again this round.
            for doc in &batch {
                if !results.iter().any(|r| r.id == doc.id) {
                    saved.state.deferred.insert(doc.id.clone());
                }
            }
            for (id, _) in &outcome.failed {
                saved.state.deferred.insert(id.clone());
            }
            // A conflict: the server's version is fetched and merged; the result is
            // pushed once more in this round, then left for the next.
            for id in &outcome.conflicts {
                if !retried.insert(id.clone()) {
                    saved.state.deferred.insert(id.clone());
                    continue;
                }
                if let Some(doc) = get_doc(&db_url, id, "").await? {
                    self.apply(&mut saved, |d, state| {
                        apply_pulled(d, state, &[doc], clock::now())
                    })?;
                }
            }
            // A refusal: back to the server's version here, never pushed again.
            for (id, reason) in &outcome.refused {
                refusals.push(reason.clone());
                if let Some(doc) = get_doc(&db_url, id, "").await? {
                    self.apply(&mut saved, |d, state| roll_back(d, state, &[doc]))?;
                }
            }
            self.keep(&saved)?;
            self.status.set(Status::Syncing {
                done: pushed,
                total: total.max(pushed),
            });
        }
        if !refusals.is_empty() {
            self.refused.set(Some(Refusal {
                count: refusals.len(),
                reason: refusals.swap_remove(0),
            }));
        }
        Ok(())
    }

    /// Collapses the open conflicts of document `id`.
    async fn settle(&self, db_url: &str, id: &str, saved: &mut Saved) -> Result<(), Failure> {
        let Some(current) = get_doc(db_url, id, "&conflicts=true").await? else {
            return Ok(());
        };
        let mut others = Vec::new();
        for rev in &current.conflicts {
            if let Some(doc) = get_doc(db_url, id, &format!("&rev={}", encode(rev))).await? {
                others.push(doc);
            }
        }
        let Some(settled) = collapse(&current, &others, clock::now()) else {
            return Ok(());
        };
        if !settled.writes.is_empty() {
            let body = serde_json::json!({ "docs": settled.writes }).to_string();
            call("POST", &format!("{db_url}/_bulk_docs"), Some(&body), None).await?;
        }
        if let Some(doc) = get_doc(db_url, id, "").await? {
            self.apply(saved, |d, state| {
                apply_pulled(d, state, &[doc], clock::now())
            })?;
        }
        Ok(())
    }

    /// Runs a `kpi::sync` step on the data and this database's state, saved like any
    /// change. Refused while the data here may not change.
    fn apply(
        &self,
        saved: &mut Saved,
        step: impl FnOnce(&mut kpi::Dataset, &mut SyncState) -> PullOutcome,
    ) -> Result<PullOutcome, Failure> {
        let state = &mut saved.state;
        match self
            .store
            .apply_synced(|d| step(d, state), |r| r.changed > 0)
        {
            Some(result) => Ok(result),
            None => {
                self.status.set(Status::Problem(Problem::LocalLocked));
                Err(Failure::Held)
            }
        }
    }

    /// Saves the sync state after the data it describes: a pulled version is on disk
    /// before the state says the server holds it.
    fn keep(&self, saved: &Saved) -> Result<(), Failure> {
        self.store.flush();
        if let Err(error) = saved::save(saved) {
            self.status.set(Status::Problem(Problem::Storage(error)));
            return Err(Failure::Held);
        }
        self.saved.set_value(Some(saved.clone()));
        Ok(())
    }
}

/// The signed-in user's database, from their own user document (team-setup writes it).
async fn own_database(server: &str, user: &str) -> Result<Option<String>, Failure> {
    let url = format!(
        "{server}/_users/{}",
        encode(&format!("org.couchdb.user:{user}"))
    );
    let text = call("GET", &url, None, None).await?;
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    Ok(json["salesboard"]["db"].as_str().map(str::to_owned))
}

/// A document (with `query` such as `&rev=…`), or `None` when the server has none.
async fn get_doc(db_url: &str, id: &str, query: &str) -> Result<Option<Doc>, Failure> {
    let url = format!("{db_url}/{}?revs=false{query}", encode(id));
    match call("GET", &url, None, None).await {
        Ok(text) => Ok(serde_json::from_str(&text).ok()),
        Err(Failure::Server(404, _)) => Ok(None),
        Err(failure) => Err(failure),
    }
}

#[derive(Deserialize)]
struct ChangesPage {
    results: Vec<ChangeRow>,
    last_seq: serde_json::Value,
    /// Rows left after this page (CouchDB 2+; absent from pouchdb-server).
    #[serde(default)]
    pending: Option<usize>,
}

#[derive(Deserialize)]
struct ChangeRow {
    #[serde(default)]
    doc: Option<Doc>,
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Failure> {
    serde_json::from_str(text)
        .map_err(|error| Failure::Server(200, format!("unexpected answer: {error}")))
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
