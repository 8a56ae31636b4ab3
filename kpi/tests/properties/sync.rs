//! Sync over generated data, against a tiny in-memory stand-in for CouchDB's revision
//! check (a write must name the current `_rev`): idempotent, order-independent, a
//! pull of what was pushed changes nothing, and devices converge.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use kpi::sync::{
    apply_pulled, pending_count, push_batch, record_push_results, BulkResult, Doc, SyncState,
};
use kpi::Dataset;
use proptest::prelude::*;

use crate::generate::{any_dataset, instant};

/// Documents by id with a revision counter; `_changes` is "everything".
#[derive(Default)]
struct Server {
    docs: BTreeMap<String, (u32, Doc)>,
}

impl Server {
    fn bulk_docs(&mut self, docs: &[Doc]) -> Vec<BulkResult> {
        docs.iter()
            .map(|doc| {
                let current = self.docs.get(&doc.id).map(|(n, d)| (*n, d.rev.clone()));
                let fits = match &current {
                    None => doc.rev.is_none(),
                    Some((_, rev)) => doc.rev == *rev,
                };
                if !fits {
                    return BulkResult {
                        id: doc.id.clone(),
                        error: Some("conflict".into()),
                        ..BulkResult::default()
                    };
                }
                let n = current.map_or(1, |(n, _)| n + 1);
                let rev = format!("{n}-x");
                self.docs
                    .insert(doc.id.clone(), (n, doc.over(Some(rev.clone()))));
                BulkResult {
                    id: doc.id.clone(),
                    rev: Some(rev),
                    ..BulkResult::default()
                }
            })
            .collect()
    }

    fn changes(&self) -> Vec<Doc> {
        self.docs.values().map(|(_, d)| d.clone()).collect()
    }

    fn get(&self, id: &str) -> Option<Doc> {
        self.docs.get(id).map(|(_, d)| d.clone())
    }
}

/// One device's sync round as the app runs it: pull, push, and on a conflict fetch the
/// server's version, merge, and push once more.
fn sync_round(server: &mut Server, data: &mut Dataset, state: &mut SyncState, now: DateTime<Utc>) {
    apply_pulled(data, state, &server.changes(), now);
    for _retry in 0..2 {
        let batch = push_batch(data, state, "anna", 1000, now);
        let results = server.bulk_docs(&batch);
        let outcome = record_push_results(state, &batch, &results);
        let fetched: Vec<Doc> = outcome
            .conflicts
            .iter()
            .filter_map(|id| server.get(id))
            .collect();
        apply_pulled(data, state, &fetched, now);
    }
}

/// One record per id (as validated data has), from four ids so two datasets share
/// records.
fn unique(mut data: Dataset) -> Dataset {
    for (index, deal) in data.deals.iter_mut().enumerate() {
        deal.id = format!("d{}", index % 4);
    }
    let mut seen = std::collections::HashSet::new();
    data.deals.retain(|d| seen.insert(d.id.clone()));
    data
}

fn deals(data: &Dataset) -> Vec<kpi::Deal> {
    let mut deals = data.deals.to_vec();
    deals.sort_by(|a, b| a.id.cmp(&b.id));
    deals
}

proptest! {
    #[test]
    fn a_pull_of_what_was_pushed_changes_nothing(data in any_dataset(), now in instant()) {
        let mut data = unique(data);
        let before = data.clone();
        let (mut server, mut state) = (Server::default(), SyncState::default());
        sync_round(&mut server, &mut data, &mut state, now);
        prop_assert_eq!(&data, &before, "pushing changes no local record");
        prop_assert_eq!(pending_count(&data, &state, now), 0);
        let outcome = apply_pulled(&mut data, &mut state, &server.changes(), now);
        prop_assert_eq!(outcome.changed, 0);
        prop_assert_eq!(&data, &before);
        prop_assert_eq!(pending_count(&data, &state, now), 0);
    }

    #[test]
    fn applying_a_page_twice_or_in_any_order_gives_the_same_data(
        local in any_dataset(), remote in any_dataset(), now in instant(),
    ) {
        let (local, remote) = (unique(local), unique(remote));
        let docs: Vec<Doc> = push_batch(&remote, &SyncState::default(), "anna", 1000, now)
            .into_iter()
            .enumerate()
            .map(|(n, d)| d.over(Some(format!("1-{n}"))))
            .collect();
        let (mut once, mut state) = (local.clone(), SyncState::default());
        apply_pulled(&mut once, &mut state, &docs, now);
        let mut twice = once.clone();
        prop_assert_eq!(apply_pulled(&mut twice, &mut state, &docs, now).changed, 0);
        prop_assert_eq!(deals(&twice), deals(&once));
        let mut reversed_docs = docs.clone();
        reversed_docs.reverse();
        let (mut reversed, mut other_state) = (local.clone(), SyncState::default());
        apply_pulled(&mut reversed, &mut other_state, &reversed_docs, now);
        prop_assert_eq!(deals(&reversed), deals(&once));
    }

    #[test]
    fn two_devices_that_edited_offline_converge(
        phone in any_dataset(), laptop in any_dataset(), now in instant(),
        phone_stamps in prop::collection::vec(0_i64..3, 12), laptop_stamps in prop::collection::vec(0_i64..3, 12),
    ) {
        // Few stamps, so the two devices often changed a record at the same instant.
        let (mut phone, mut laptop) = (unique(phone), unique(laptop));
        for (deal, minutes) in phone.deals.iter_mut().zip(&phone_stamps) {
            deal.updated_at = now - chrono::Duration::minutes(*minutes);
        }
        for (deal, minutes) in laptop.deals.iter_mut().zip(&laptop_stamps) {
            deal.updated_at = now - chrono::Duration::minutes(*minutes);
        }
        let mut server = Server::default();
        let (mut phone_state, mut laptop_state) = (SyncState::default(), SyncState::default());
        sync_round(&mut server, &mut phone, &mut phone_state, now);
        sync_round(&mut server, &mut laptop, &mut laptop_state, now);
        sync_round(&mut server, &mut phone, &mut phone_state, now);
        prop_assert_eq!(deals(&phone), deals(&laptop));
        prop_assert_eq!(pending_count(&phone, &phone_state, now), 0);
        prop_assert_eq!(pending_count(&laptop, &laptop_state, now), 0);
        // Each id's winner is the one `wins` picks over both devices' versions.
        for deal in deals(&phone) {
            let server_doc = server.get(&kpi::sync::doc_id::<kpi::Deal>(&deal.id)).unwrap();
            prop_assert_eq!(server_doc.record::<kpi::Deal>().unwrap().unwrap(), deal);
        }
    }
}
