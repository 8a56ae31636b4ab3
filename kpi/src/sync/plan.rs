//! What to push: every record whose `updated_at` differs from the one the server is
//! known to hold, in batches for `_bulk_docs`; and what the server's answer means.

use chrono::{DateTime, Utc};

use super::doc::{doc_id, BulkResult, Doc, SETTINGS_ID};
use super::state::{Known, SyncState};
use crate::merge::is_from_future;
use crate::model::{for_each_kind, Dataset, Record, Stored};

/// Whether the local version stamped `stamp` still has to go to the server. Not when
/// the server holds a newer one (a pulled version whose local save was lost to a
/// reload): written over the known `_rev`, the older version would win there. A server
/// stamp from the future ([`is_from_future`]) is a wrong clock and does not count as newer.
fn pending(known: Option<&Known>, stamp: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match known {
        None => true,
        Some(known) => {
            let server_newer =
                known.stamp > stamp && known.stamp.is_some_and(|s| !is_from_future(s, now));
            let changed = known.behind || (known.stamp != stamp && !server_newer);
            !known.held && known.refused != stamp && changed
        }
    }
}

/// The `_rev` to write over (none yet for a document the server never accepted).
fn known_rev(known: Option<&Known>) -> Option<String> {
    known.filter(|k| !k.rev.is_empty()).map(|k| k.rev.clone())
}

/// Settings never changed (`updated_at` = `None`) are the defaults: nothing to send.
fn settings_pending(data: &Dataset, state: &SyncState, now: DateTime<Utc>) -> bool {
    let stamp = data.settings.updated_at;
    stamp.is_some()
        && !state.deferred.contains(SETTINGS_ID)
        && pending(state.known.get(SETTINGS_ID), stamp, now)
}

/// How many documents wait to be pushed ("offline, N changes waiting").
pub fn pending_count(data: &Dataset, state: &SyncState, now: DateTime<Utc>) -> usize {
    let mut count = usize::from(settings_pending(data, state, now));
    macro_rules! count {
        ($type:ty) => {
            count += <$type as Stored>::all(data)
                .iter()
                .filter(|r| {
                    let id = doc_id::<$type>(r.id());
                    let known = state.known.get(&id);
                    !state.deferred.contains(&id) && pending(known, Some(r.updated_at()), now)
                })
                .count();
        };
    }
    for_each_kind!(count);
    count
}

/// Up to `limit` pending documents, settings first, then in [`crate::model::RecordKind`]
/// order, each carrying the last known `_rev` and owner (`me` for a new document).
pub fn push_batch(
    data: &Dataset,
    state: &SyncState,
    me: &str,
    limit: usize,
    now: DateTime<Utc>,
) -> Vec<Doc> {
    let mut batch = Vec::new();
    let owner = |known: Option<&Known>| match known {
        Some(known) if !known.owner.is_empty() => known.owner.clone(),
        _ => me.to_owned(),
    };
    if limit > 0 && settings_pending(data, state, now) {
        let known = state.known.get(SETTINGS_ID);
        let rev = known_rev(known);
        batch.push(Doc::of_settings(&data.settings, &owner(known), rev));
    }
    macro_rules! collect {
        ($type:ty) => {
            for record in <$type as Stored>::all(data) {
                if batch.len() >= limit {
                    return batch;
                }
                let id = doc_id::<$type>(record.id());
                let known = state.known.get(&id);
                if !state.deferred.contains(&id) && pending(known, Some(record.updated_at()), now) {
                    let rev = known_rev(known);
                    batch.push(Doc::of_record(record, &owner(known), rev));
                }
            }
        };
    }
    for_each_kind!(collect);
    batch
}

/// What a `_bulk_docs` answer meant, document by document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushOutcome {
    pub saved: usize,
    /// Someone else wrote first: fetch the server's version, merge, push again.
    pub conflicts: Vec<String>,
    /// Refused by the server (`forbidden`/`unauthorized`): id and the server's reason.
    /// Marked so they are not pushed again; the app rolls them back.
    pub refused: Vec<(String, String)>,
    /// Any other error: id and reason; pushed again next round.
    pub failed: Vec<(String, String)>,
}

/// Records the answer to pushing `pushed` into `state`.
pub fn record_push_results(
    state: &mut SyncState,
    pushed: &[Doc],
    results: &[BulkResult],
) -> PushOutcome {
    let mut outcome = PushOutcome::default();
    for result in results {
        let Some(doc) = pushed.iter().find(|d| d.id == result.id) else {
            continue;
        };
        let reason = result.reason.clone().unwrap_or_default();
        match (result.error.as_deref(), &result.rev) {
            (None, Some(rev)) => {
                outcome.saved += 1;
                state.known.insert(doc.id.clone(), Known::of(doc, rev));
            }
            (Some("conflict"), _) => outcome.conflicts.push(doc.id.clone()),
            (Some("forbidden" | "unauthorized"), _) => {
                let known = state.known.entry(doc.id.clone()).or_default();
                known.refused = doc.updated_at;
                outcome.refused.push((doc.id.clone(), reason));
            }
            (error, _) => {
                let error = error.unwrap_or("no revision").to_owned();
                let reason = if reason.is_empty() { error } else { reason };
                outcome.failed.push((doc.id.clone(), reason));
            }
        }
    }
    outcome
}

/// How long to wait before retry number `attempt` (0 = the first) after the server
/// could not be reached or failed: 1 s, 2 s, 4 s, 8 s, then every 15 s — a server that
/// comes back is found soon, one that stays down is not stormed.
pub fn retry_delay_ms(attempt: u32) -> u32 {
    const CAP_MS: u32 = 15_000;
    1000_u32.saturating_mul(1 << attempt.min(4)).min(CAP_MS)
}
