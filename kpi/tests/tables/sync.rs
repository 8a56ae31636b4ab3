//! Sync: records as CouchDB documents, push plans, pulled pages, push answers and
//! conflict collapse (kpi::sync).

use chrono::Duration;
use kpi::sync::{
    apply_pulled, collapse, doc_id, pending_count, push_batch, record_push_results, roll_back,
    BulkResult, Doc, Known, SyncState,
};
use kpi::{Dataset, Deal, DealStatus, Settings, CURRENT_VERSION};

use crate::support::{deal, instant};

/// Deal `id` worth `amount`, edited `minutes` after the reference instant.
fn version(id: &str, minutes: i64, amount: i64, deleted: bool) -> Deal {
    let mut d = deal(DealStatus::Open, amount, "2026-11-02", "");
    d.id = id.to_owned();
    d.updated_at = instant() + Duration::minutes(minutes);
    d.deleted_at = deleted.then_some(d.updated_at);
    d
}

/// "Now" for the push plan and pulls: ten minutes after the reference instant.
fn sync_now() -> chrono::DateTime<chrono::Utc> {
    instant() + Duration::minutes(10)
}

fn dataset(deals: Vec<Deal>) -> Dataset {
    Dataset {
        deals: deals.into(),
        ..Dataset::default()
    }
}

/// The server's document of a deal version at revision `rev`.
fn served(deal: &Deal, rev: &str) -> Doc {
    Doc::of_record(deal, "anna", Some(rev.to_owned()))
}

/// What the server is known to hold of deal `id`: `rev`, stamped `minutes`.
fn known(id: &str, rev: &str, minutes: i64) -> (String, Known) {
    (
        doc_id::<Deal>(id),
        Known {
            rev: rev.to_owned(),
            stamp: Some(instant() + Duration::minutes(minutes)),
            owner: "anna".into(),
            ..Known::default()
        },
    )
}

fn state(known: Vec<(String, Known)>) -> SyncState {
    SyncState {
        known: known.into_iter().collect(),
        ..SyncState::default()
    }
}

/// (id, amount, deleted) of each deal, sorted.
fn summary(data: &Dataset) -> Vec<(&str, i64, bool)> {
    let mut rows: Vec<_> = data
        .deals
        .iter()
        .map(|d| (d.id.as_str(), d.amount.minor(), d.deleted_at.is_some()))
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_record_becomes_one_document_with_kind_owner_and_schema() {
    let tombstone = version("a", 3, 100, true);
    let doc = Doc::of_record(&tombstone, "anna", Some("2-x".into()));
    assert_eq!(doc.id, "deals:a");
    assert_eq!(doc.kind, "deals");
    assert_eq!(doc.owner, "anna");
    assert_eq!(doc.schema, CURRENT_VERSION);
    assert_eq!(doc.updated_at, Some(tombstone.updated_at));
    assert!(
        !doc.deleted,
        "a tombstone is an ordinary document, so it travels"
    );
    assert_eq!(doc.record::<Deal>(), Some(Ok(tombstone.clone())));
    assert_eq!(doc.record::<kpi::Goal>(), None, "a deal is not a goal");
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["_id"], "deals:a");
    assert_eq!(json["_rev"], "2-x");
    assert!(json.get("_conflicts").is_none(), "never written");
    assert!(json.get("_deleted").is_none());

    let settings = Settings {
        updated_at: Some(instant()),
        ..Settings::default()
    };
    let doc = Doc::of_settings(&settings, "anna", None);
    assert_eq!(
        (doc.id.as_str(), doc.kind.as_str()),
        ("settings", "settings")
    );
    assert!(serde_json::to_value(&doc).unwrap().get("_rev").is_none());
}

#[test]
fn the_push_plan_holds_what_the_server_does_not_have() {
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Vec<Deal>, Vec<(String, Known)>, Vec<(&str, Option<&str>)>)> = vec![
        ("nothing local", vec![], vec![], vec![]),
        (
            "a new record goes without a rev",
            vec![version("a", 0, 100, false)],
            vec![],
            vec![("deals:a", None)],
        ),
        (
            "a record the server holds is not pushed",
            vec![version("a", 0, 100, false)],
            vec![known("a", "1-r", 0)],
            vec![],
        ),
        (
            "an edit since goes with the known rev",
            vec![version("a", 5, 200, false)],
            vec![known("a", "1-r", 0)],
            vec![("deals:a", Some("1-r"))],
        ),
        (
            "a deletion is pushed as a tombstone",
            vec![version("a", 5, 100, true)],
            vec![known("a", "3-r", 0)],
            vec![("deals:a", Some("3-r"))],
        ),
        (
            "an older local version (a pulled save lost to a reload) is not pushed over a newer one",
            vec![version("a", 0, 100, false)],
            vec![known("a", "2-r", 9)],
            vec![],
        ),
        (
            "unless the server's stamp is from a clock a day ahead",
            vec![version("a", 0, 100, false)],
            vec![known("a", "2-r", 60 * 24)],
            vec![("deals:a", Some("2-r"))],
        ),
        (
            "a held document (newer schema) is never pushed",
            vec![version("a", 5, 100, false)],
            vec![(
                doc_id::<Deal>("a"),
                Known {
                    rev: "7-n".into(),
                    held: true,
                    ..Known::default()
                },
            )],
            vec![],
        ),
        (
            "a refused version is not pushed again",
            vec![version("a", 5, 100, false)],
            vec![(
                doc_id::<Deal>("a"),
                Known {
                    refused: Some(instant() + Duration::minutes(5)),
                    ..Known::default()
                },
            )],
            vec![],
        ),
        (
            "a refused new record, edited again, goes without a rev",
            vec![version("a", 6, 100, false)],
            vec![(
                doc_id::<Deal>("a"),
                Known {
                    refused: Some(instant() + Duration::minutes(5)),
                    ..Known::default()
                },
            )],
            vec![("deals:a", None)],
        ),
    ];
    for (case, deals, known, expected) in cases {
        let data = dataset(deals);
        let state = state(known);
        let batch = push_batch(&data, &state, "anna", 100, sync_now());
        let got: Vec<_> = batch
            .iter()
            .map(|d| (d.id.as_str(), d.rev.as_deref()))
            .collect();
        assert_eq!(got, expected, "{case}");
        assert_eq!(
            pending_count(&data, &state, sync_now()),
            expected.len(),
            "{case}: count"
        );
    }
}

#[test]
fn the_push_plan_comes_in_batches_and_keeps_the_known_owner() {
    let data = dataset(
        (0..5)
            .map(|i| version(&format!("d{i}"), 0, 1, false))
            .collect(),
    );
    let mut known_state = state(vec![known("d0", "1-r", -1)]);
    known_state.known.get_mut("deals:d0").unwrap().owner = "lena".into();
    let batch = push_batch(&data, &known_state, "anna", 2, sync_now());
    assert_eq!(batch.len(), 2);
    assert_eq!(
        batch[0].owner, "lena",
        "a manager's document stays the manager's"
    );
    assert_eq!(batch[1].owner, "anna", "a new document is the writer's");
    let mut settings_changed = data.clone();
    settings_changed.settings.updated_at = Some(instant());
    let batch = push_batch(
        &settings_changed,
        &SyncState::default(),
        "anna",
        1,
        sync_now(),
    );
    assert_eq!(batch[0].id, "settings", "changed settings go first");
    assert_eq!(
        pending_count(&data, &SyncState::default(), sync_now()),
        5,
        "default settings stay home"
    );
}

#[test]
fn a_pulled_page_merges_by_the_newer_stamp() {
    #[allow(clippy::type_complexity)]
    let cases: Vec<(
        &str,
        Vec<Deal>,
        Vec<Doc>,
        Vec<(&str, i64, bool)>,
        usize,
        usize,
    )> = vec![
        (
            "a new record arrives",
            vec![],
            vec![served(&version("a", 0, 100, false), "1-r")],
            vec![("a", 100, false)],
            1,
            0,
        ),
        (
            "a newer server edit replaces mine",
            vec![version("a", 0, 100, false)],
            vec![served(&version("a", 5, 200, false), "2-r")],
            vec![("a", 200, false)],
            1,
            0,
        ),
        (
            "my newer edit stays and waits to be pushed",
            vec![version("a", 9, 300, false)],
            vec![served(&version("a", 5, 200, false), "2-r")],
            vec![("a", 300, false)],
            0,
            1,
        ),
        (
            "a deletion from another device arrives as a tombstone",
            vec![version("a", 0, 100, false)],
            vec![served(&version("a", 5, 100, true), "2-r")],
            vec![("a", 100, true)],
            1,
            0,
        ),
        (
            "an edit older than my deletion does not bring it back",
            vec![version("a", 9, 100, true)],
            vec![served(&version("a", 5, 200, false), "2-r")],
            vec![("a", 100, true)],
            0,
            1,
        ),
        (
            "equal stamps: the tombstone wins",
            vec![version("a", 5, 100, false)],
            vec![served(&version("a", 5, 100, true), "2-r")],
            vec![("a", 100, true)],
            1,
            0,
        ),
        (
            "equal stamps: my tombstone wins and waits to be pushed",
            vec![version("a", 5, 100, true)],
            vec![served(&version("a", 5, 100, false), "2-r")],
            vec![("a", 100, true)],
            0,
            1,
        ),
        (
            "a stamp from a clock a day ahead does not beat a sane one",
            vec![version("a", 9, 100, false)],
            vec![served(&version("a", 60 * 24, 200, false), "2-r")],
            vec![("a", 100, false)],
            0,
            1,
        ),
        (
            "the same version again changes nothing",
            vec![version("a", 5, 200, false)],
            vec![served(&version("a", 5, 200, false), "2-r")],
            vec![("a", 200, false)],
            0,
            0,
        ),
    ];
    let now = sync_now();
    for (case, deals, docs, expected, changed, pending) in cases {
        let mut data = dataset(deals);
        let mut sync = SyncState::default();
        let outcome = apply_pulled(&mut data, &mut sync, &docs, now);
        assert_eq!(summary(&data), expected, "{case}");
        assert_eq!(outcome.changed, changed, "{case}: changed");
        assert_eq!(
            pending_count(&data, &sync, sync_now()),
            pending,
            "{case}: pending"
        );
        let rev = docs[0].rev.clone().unwrap();
        assert_eq!(
            sync.known[&docs[0].id].rev, rev,
            "{case}: the server's rev is known"
        );
        let again = apply_pulled(&mut data, &mut sync, &docs, now);
        assert_eq!(again.changed, 0, "{case}: idempotent");
    }
}

#[test]
fn a_document_from_a_newer_schema_is_held_untouched() {
    let mine = version("a", 0, 100, false);
    let mut newer = served(&version("a", 5, 200, false), "4-n");
    newer.schema = CURRENT_VERSION + 1;
    newer.record["future_field"] = "kept".into();
    let mut data = dataset(vec![mine.clone()]);
    let mut sync = SyncState::default();
    let outcome = apply_pulled(&mut data, &mut sync, &[newer], instant());
    assert_eq!(outcome.newer, vec!["deals:a".to_owned()]);
    assert_eq!(data.deals[0], mine, "local record untouched");
    assert_eq!(sync.held().collect::<Vec<_>>(), vec!["deals:a"]);
    assert!(
        push_batch(&data, &sync, "anna", 10, sync_now()).is_empty(),
        "never written over"
    );
}

#[test]
fn unreadable_or_foreign_documents_are_reported_not_applied() {
    let mut broken = served(&version("a", 0, 100, false), "1-r");
    broken.record = serde_json::json!({"id": "a", "amount": "lots"});
    let mut unknown = broken.clone();
    unknown.id = "widgets:w".into();
    unknown.kind = "widgets".into();
    let design = Doc {
        id: "_design/access".into(),
        ..broken.clone()
    };
    let mut data = Dataset::default();
    let mut sync = SyncState::default();
    let outcome = apply_pulled(&mut data, &mut sync, &[broken, unknown, design], instant());
    assert_eq!(outcome.unreadable.len(), 2);
    assert!(data.deals.is_empty());
    assert!(!sync.known.contains_key("_design/access"));
}

#[test]
fn push_answers_update_what_the_server_is_known_to_hold() {
    let edited = version("a", 5, 200, false);
    let other = version("b", 5, 1, false);
    let third = version("c", 5, 1, false);
    let fourth = version("d", 5, 1, false);
    let pushed = vec![
        Doc::of_record(&edited, "anna", Some("1-r".into())),
        Doc::of_record(&other, "anna", Some("1-q".into())),
        Doc::of_record(&third, "minh", None),
        Doc::of_record(&fourth, "anna", None),
    ];
    let answer = |id: &str, rev: Option<&str>, error: Option<&str>| BulkResult {
        id: id.into(),
        rev: rev.map(Into::into),
        error: error.map(Into::into),
        reason: error.map(|_| "why".into()),
    };
    let results = vec![
        answer("deals:a", Some("2-s"), None),
        answer("deals:b", None, Some("conflict")),
        answer("deals:c", None, Some("forbidden")),
        answer("deals:d", None, Some("unknown_error")),
    ];
    let mut sync = SyncState::default();
    let outcome = record_push_results(&mut sync, &pushed, &results);
    assert_eq!(outcome.saved, 1);
    assert_eq!(outcome.conflicts, vec!["deals:b".to_owned()]);
    assert_eq!(
        outcome.refused,
        vec![("deals:c".to_owned(), "why".to_owned())]
    );
    assert_eq!(
        outcome.failed,
        vec![("deals:d".to_owned(), "why".to_owned())]
    );
    assert_eq!(sync.known["deals:a"].rev, "2-s");
    let data = dataset(vec![edited, other, third, fourth]);
    let again: Vec<_> = push_batch(&data, &sync, "anna", 10, sync_now())
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(
        again,
        vec!["deals:b", "deals:d"],
        "saved and refused are not pushed again"
    );
}

#[test]
fn a_refused_write_rolls_back_to_the_servers_version() {
    let server = version("g", 0, 100, false);
    let mut data = dataset(vec![version("g", 5, 999, false)]);
    let mut sync = SyncState::default();
    roll_back(&mut data, &mut sync, &[served(&server, "3-m")]);
    assert_eq!(summary(&data), vec![("g", 100, false)]);
    assert_eq!(pending_count(&data, &sync, sync_now()), 0);
}

#[test]
fn conflicts_collapse_to_one_winner_whatever_the_order() {
    let now = instant() + Duration::minutes(10);
    let old = served(&version("a", 1, 100, false), "2-a");
    let new = served(&version("a", 5, 200, false), "2-b");
    let deleted = served(&version("a", 3, 100, true), "2-c");
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Doc, Vec<Doc>, i64, Vec<(&str, bool)>)> = vec![
        (
            "the server's pick is ours: only the loser is deleted",
            new.clone(),
            vec![old.clone()],
            200,
            vec![("2-a", true)],
        ),
        (
            "the server picked the older: ours is written over it, the loser deleted",
            old.clone(),
            vec![new.clone()],
            200,
            vec![("2-a", false), ("2-b", true)],
        ),
        (
            "three versions: the newest wins, two deletions",
            deleted.clone(),
            vec![old.clone(), new.clone()],
            200,
            vec![("2-c", false), ("2-a", true), ("2-b", true)],
        ),
    ];
    for (case, current, others, amount, writes) in cases {
        let settled = collapse(&current, &others, now).expect(case);
        let winner = settled.winner.record::<Deal>().unwrap().unwrap();
        assert_eq!(winner.amount.minor(), amount, "{case}");
        let got: Vec<_> = settled
            .writes
            .iter()
            .map(|d| (d.rev.as_deref().unwrap(), d.deleted))
            .collect();
        assert_eq!(got, writes, "{case}");
    }
    let mut newer = new.clone();
    newer.schema = CURRENT_VERSION + 1;
    assert_eq!(
        collapse(&old, &[newer], now),
        None,
        "a newer schema is not judged"
    );
}

#[test]
fn the_checkpoint_is_sent_back_as_the_server_wrote_it() {
    let cases = vec![
        ("no checkpoint yet", None, "0"),
        (
            "pouchdb-server: a number",
            Some(serde_json::json!(42)),
            "42",
        ),
        (
            "CouchDB 3: opaque text",
            Some(serde_json::json!("42-g1AAAA")),
            "42-g1AAAA",
        ),
    ];
    for (case, checkpoint, since) in cases {
        let sync = SyncState {
            checkpoint,
            ..SyncState::default()
        };
        assert_eq!(sync.since(), since, "{case}");
    }
}

#[test]
fn a_server_address_is_https_or_this_machine() {
    use kpi::sync::{server_address, AddressError};
    let cases: Vec<(&str, &str, Result<&str, AddressError>)> = vec![
        (
            "https with a trailing slash",
            "https://Couch.Example.com/",
            Ok("https://couch.example.com"),
        ),
        (
            "https with a port and a path",
            "https://db.example.com:6984/couch/",
            Ok("https://db.example.com:6984/couch"),
        ),
        (
            "loopback over http",
            "http://127.0.0.1:5984",
            Ok("http://127.0.0.1:5984"),
        ),
        (
            "localhost over http",
            " http://localhost:5984/ ",
            Ok("http://localhost:5984"),
        ),
        (
            "IPv6 loopback over http",
            "http://[::1]:5984",
            Ok("http://[::1]:5984"),
        ),
        (
            "plain http to another machine",
            "http://couch.example.com",
            Err(AddressError::PlainHttp),
        ),
        (
            "a lookalike of loopback",
            "http://127.0.0.1.example.com",
            Err(AddressError::PlainHttp),
        ),
        (
            "no scheme",
            "couch.example.com",
            Err(AddressError::NotAnAddress),
        ),
        (
            "credentials in the address",
            "https://anna:pw@couch.example.com",
            Err(AddressError::NotAnAddress),
        ),
        (
            "another scheme",
            "ftp://couch.example.com",
            Err(AddressError::NotAnAddress),
        ),
        ("nothing typed", "  ", Err(AddressError::Empty)),
    ];
    for (case, text, expected) in cases {
        assert_eq!(
            server_address(text).as_deref().map_err(Clone::clone),
            expected,
            "{case}"
        );
    }
}

#[test]
fn retries_back_off_to_a_cap() {
    let cases = [
        ("first retry", 0, 1_000),
        ("second", 1, 2_000),
        ("third", 2, 4_000),
        ("fourth", 3, 8_000),
        ("fifth reaches the cap", 4, 15_000),
        ("long outage stays at the cap", 40, 15_000),
    ];
    for (case, attempt, millis) in cases {
        assert_eq!(kpi::sync::retry_delay_ms(attempt), millis, "{case}");
    }
}
