//! Storage in a real browser: the envelope round trip through localStorage, the
//! quarantine of unreadable data, held saves for newer data, and failed saves.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, NaiveDate, Utc};
use kpi::{schema, Dataset, Deal, DealKind, DealStatus, Money, NumberLocale};
use leptos::prelude::*;
use salesboard::state::{Command, NoticeId, StorageMode, Store};
use salesboard::storage::{
    load_dataset, DataStore, LoadProblem, LocalStore, MemoryStore, StorageError, DAMAGED_KEY,
    DATA_KEY, LAST_GOOD_KEY, QUARANTINE_PREFIX,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_local_storage() -> web_sys::Storage {
    let storage = local_storage();
    storage.clear().unwrap();
    storage
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A store on the real localStorage, as the app opens it, with "today" pinned.
fn open_store() -> Store {
    Store::with_backend(
        Box::new(LocalStore::open().unwrap()),
        Some(date("2026-11-15")),
        NumberLocale::En,
    )
}

fn won_deal(id: &str, amount_cents: i64) -> Deal {
    Deal {
        id: id.to_string(),
        updated_at: at("2026-11-12T09:00:00Z"),
        deleted_at: None,
        title: format!("Deal {id}"),
        customer_id: None,
        rep_id: None,
        cost: None,
        discount: None,
        probability: None,
        stage: "negotiation".to_string(),
        status: DealStatus::Won,
        amount: Money(amount_cents),
        kind: DealKind::New,
        created_on: date("2026-11-02"),
        expected_close: None,
        closed_on: Some(date("2026-11-12")),
        lost_reason: None,
    }
}

/// The deal form's command for `deal`, from a customer the form names.
fn save_deal(deal: Deal) -> Command {
    Command::SaveDeal {
        deal,
        customer: "Müller & Söhne GmbH".to_string(),
        owner: "Anna".to_string(),
    }
}

fn dataset_with(deals: Vec<Deal>) -> Dataset {
    Dataset {
        deals: deals.into(),
        ..Dataset::default()
    }
}

#[wasm_bindgen_test]
fn envelope_round_trips_through_local_storage() {
    fresh_local_storage();
    let data = dataset_with(vec![won_deal("a1", 123_450), won_deal("b2", 99)]);
    LocalStore::open()
        .unwrap()
        .write(&schema::encode(&data, at("2026-11-15T12:00:00Z")))
        .unwrap();

    let outcome = load_dataset(&LocalStore::open().unwrap(), "unused");
    assert_eq!(outcome.problem, None);
    assert!(!outcome.hold_saves);
    assert_eq!(outcome.data, data);
}

#[wasm_bindgen_test]
fn first_run_starts_empty_without_a_notice() {
    fresh_local_storage();
    let outcome = load_dataset(&LocalStore::open().unwrap(), "unused");
    assert_eq!(outcome.problem, None);
    assert_eq!(outcome.data, Dataset::default());
}

#[wasm_bindgen_test]
fn unreadable_data_is_quarantined_and_never_overwritten() {
    let storage = fresh_local_storage();
    let unreadable = "{\"app\":\"salesboard\",\"version\":1,\"data\":";
    storage.set_item(DATA_KEY, unreadable).unwrap();
    let stamp = "2026-11-15T12:00:00.000Z";
    // An earlier quarantine at the same instant must survive too.
    storage
        .set_item(&format!("{QUARANTINE_PREFIX}{stamp}"), "older")
        .unwrap();

    let outcome = load_dataset(&LocalStore::open().unwrap(), stamp);

    let Some(LoadProblem::Damaged {
        key,
        reason,
        last_good: None,
    }) = outcome.problem
    else {
        panic!(
            "expected damaged data without a good copy, got {:?}",
            outcome.problem
        )
    };
    assert_eq!(key, format!("{QUARANTINE_PREFIX}{stamp}.2"));
    assert!(!reason.is_empty());
    assert!(outcome.hold_saves, "saves wait for the user's choice");
    assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some(unreadable));
    assert_eq!(
        storage
            .get_item(&format!("{QUARANTINE_PREFIX}{stamp}"))
            .unwrap()
            .as_deref(),
        Some("older")
    );
    assert_eq!(outcome.data, Dataset::default());
    // Set aside once: the data key no longer holds it, so a reload does not copy it
    // again, but the choice is still pending after the reload.
    assert_eq!(storage.get_item(DATA_KEY).unwrap(), None);
    assert_eq!(storage.get_item(DAMAGED_KEY).unwrap(), Some(key.clone()));
    let again = load_dataset(&LocalStore::open().unwrap(), "2026-11-15T12:00:01.000Z");
    assert!(matches!(again.problem, Some(LoadProblem::Damaged { key: k, .. }) if k == key));
    assert_eq!(
        storage.length().unwrap(),
        3,
        "the two quarantine keys and the pending mark, nothing more"
    );
}

#[wasm_bindgen_test]
fn the_store_tells_the_user_about_damaged_data_and_holds_saves() {
    fresh_local_storage()
        .set_item(DATA_KEY, "not json at all")
        .unwrap();
    Owner::new().with(|| {
        let store = open_store();
        let notices = store.notices.get_untracked();
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].id, NoticeId::DamagedEmpty);
        assert!(notices[0]
            .key
            .as_deref()
            .unwrap()
            .starts_with(QUARANTINE_PREFIX));
        assert_eq!(store.storage_mode.get_untracked(), StorageMode::Paused);
    });
}

#[wasm_bindgen_test]
fn damaged_data_falls_back_to_the_last_good_copy_until_the_user_chooses() {
    let storage = fresh_local_storage();
    let good = dataset_with(vec![won_deal("kept", 4_200)]);
    storage
        .set_item(
            DATA_KEY,
            &schema::encode_revision(&good, at("2026-11-14T08:00:00Z"), 7),
        )
        .unwrap();
    // A good start keeps a copy of what it loaded.
    let first = load_dataset(&LocalStore::open().unwrap(), "unused");
    assert_eq!(first.problem, None);
    assert_eq!(
        storage.get_item(LAST_GOOD_KEY).unwrap(),
        storage.get_item(DATA_KEY).unwrap()
    );

    storage
        .set_item(DATA_KEY, "{\"app\":\"salesboard\"")
        .unwrap();
    Owner::new().with(|| {
        let store = open_store();
        assert_eq!(
            store.data.get_untracked(),
            good,
            "the last good copy is shown"
        );
        let notice = store.notices.get_untracked()[0].clone();
        assert_eq!(notice.id, NoticeId::Damaged);
        assert_eq!(
            store.damaged_text().as_deref(),
            Some("{\"app\":\"salesboard\"")
        );

        // An edit could not be saved while saves wait: it is refused and said so.
        assert_eq!(
            store.apply(save_deal(won_deal("new", 100))),
            Err(Vec::new())
        );
        assert_eq!(store.data.get_untracked(), good);
        assert!(store
            .notices
            .get_untracked()
            .iter()
            .any(|n| n.id == NoticeId::SavesPaused));
        store.flush();
        assert_eq!(
            storage.get_item(DATA_KEY).unwrap(),
            None,
            "nothing written yet"
        );

        store.resolve_damaged(false);
        assert_eq!(store.storage_mode.get_untracked(), StorageMode::Local);
        store.flush();
        let saved = schema::decode_envelope(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(saved.data, good);
        assert_eq!(
            saved.revision, 1,
            "a new start of the revision count in this tab"
        );
        assert_eq!(storage.get_item(DAMAGED_KEY).unwrap(), None, "decided");
        let key = notice.key.unwrap();
        assert!(storage.get_item(&key).unwrap().is_some(), "kept aside");
    });
}

#[wasm_bindgen_test]
fn discarding_damaged_data_deletes_its_copy_and_resumes_saving() {
    let storage = fresh_local_storage();
    storage.set_item(DATA_KEY, "garbage").unwrap();
    Owner::new().with(|| {
        let store = open_store();
        let key = store.notices.get_untracked()[0].key.clone().unwrap();
        store.ask(salesboard::state::Pending::DiscardDamaged);
        store.confirm();
        assert_eq!(storage.get_item(&key).unwrap(), None);
        assert_eq!(storage.get_item(DAMAGED_KEY).unwrap(), None);
        store.apply(save_deal(won_deal("after", 300))).unwrap();
        store.flush();
        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert!(saved.find_deal("after").is_some());
    });
}

#[wasm_bindgen_test]
fn each_save_carries_the_next_revision_and_merges_another_tabs_save_first() {
    let storage = fresh_local_storage();
    Owner::new().with(|| {
        let store = open_store();
        store.apply(save_deal(won_deal("mine", 100))).unwrap();
        store.flush();
        let revision = |text: Option<String>| schema::peek_revision(&text.unwrap()).unwrap();
        assert_eq!(revision(storage.get_item(DATA_KEY).unwrap()), 1);

        // Another tab saves revision 5 with its own deal, and this tab is not told.
        let theirs = dataset_with(vec![won_deal("theirs", 200)]);
        storage
            .set_item(
                DATA_KEY,
                &schema::encode_revision(&theirs, at("2026-11-15T10:00:00Z"), 5),
            )
            .unwrap();
        store.apply(save_deal(won_deal("mine too", 300))).unwrap();
        store.flush();
        let text = storage.get_item(DATA_KEY).unwrap();
        assert_eq!(revision(text.clone()), 6, "after the revision it found");
        let saved = schema::decode(&text.unwrap()).unwrap();
        let mut ids: Vec<_> = saved.live_deals().map(|d| d.id.clone()).collect();
        ids.sort();
        assert_eq!(ids, ["mine", "mine too", "theirs"], "nobody's deal is lost");
    });
}

/// localStorage that is full while a last good copy takes up room.
struct FullWithLastGood(LocalStore);

impl DataStore for FullWithLastGood {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        if key == DATA_KEY && self.0.get(LAST_GOOD_KEY)?.is_some() {
            return Err(StorageError::QuotaExceeded);
        }
        self.0.set(key, text)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

#[wasm_bindgen_test]
fn a_full_disk_gives_up_the_last_good_copy_before_failing_a_save() {
    let storage = fresh_local_storage();
    let good = dataset_with(vec![won_deal("old", 100)]);
    storage
        .set_item(DATA_KEY, &schema::encode(&good, at("2026-11-14T08:00:00Z")))
        .unwrap();
    Owner::new().with(|| {
        let store = Store::with_backend(
            Box::new(FullWithLastGood(LocalStore::open().unwrap())),
            Some(date("2026-11-15")),
            NumberLocale::En,
        );
        store.apply(save_deal(won_deal("new", 200))).unwrap();
        store.flush();
        assert!(
            store.notices.get_untracked().is_empty(),
            "saved without a problem"
        );
        assert_eq!(storage.get_item(LAST_GOOD_KEY).unwrap(), None);
        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert!(saved.find_deal("new").is_some());
    });
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_read_only_and_left_untouched() {
    let storage = fresh_local_storage();
    let newer = r#"{"app":"salesboard","version":99,"saved_at":"2030-01-01T00:00:00Z","data":{}}"#;
    storage.set_item(DATA_KEY, newer).unwrap();
    Owner::new().with(|| {
        let store = open_store();
        assert!(store.saves_held());
        assert_eq!(store.storage_mode.get_untracked(), StorageMode::ReadOnly);
        assert!(store.apply(save_deal(won_deal("new", 100))).is_err());
        assert!(store.apply(Command::Erase).is_err());
        assert!(
            store.data.with_untracked(|d| d.deals.is_empty()),
            "nothing changed"
        );
        let told = store.notices.get_untracked();
        assert!(told.iter().any(|n| n.id == NoticeId::ReadOnly));
        store.flush();
        assert_eq!(storage.get_item(DATA_KEY).unwrap().as_deref(), Some(newer));
    });
}

/// localStorage whose first attempt to set text aside fails (a full disk at start-up),
/// so the unreadable text must be held in memory until the user decides.
struct QuarantineFailsOnce {
    local: LocalStore,
    failed: std::cell::Cell<bool>,
}

impl DataStore for QuarantineFailsOnce {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.local.get(key)
    }
    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        self.local.set(key, text)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.local.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.local.keys()
    }
    fn quarantine(&self, raw: &str, stamp: &str) -> Result<String, StorageError> {
        if self.failed.replace(true) {
            self.local.quarantine(raw, stamp)
        } else {
            Err(StorageError::QuotaExceeded)
        }
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

#[wasm_bindgen_test]
fn replacing_held_data_sets_it_aside_first() {
    let storage = fresh_local_storage();
    let unreadable = "{ this is not JSON";
    storage.set_item(DATA_KEY, unreadable).unwrap();
    Owner::new().with(|| {
        let backend = QuarantineFailsOnce {
            local: LocalStore::open().unwrap(),
            failed: std::cell::Cell::new(false),
        };
        let store = Store::with_backend(
            Box::new(backend),
            Some(date("2026-11-15")),
            NumberLocale::En,
        );
        assert!(store.saves_held());
        assert_eq!(store.storage_mode.get_untracked(), StorageMode::Paused);
        store.apply(Command::Erase).unwrap();
        assert!(!store.saves_held());
        let notices = store.notices.get_untracked();
        let set_aside = notices
            .iter()
            .find(|n| n.id == NoticeId::SetAside)
            .expect("told where");
        let key = set_aside.key.clone().unwrap();
        assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some(unreadable));
        store.flush();
        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert!(saved.lineage.is_some(), "an erase starts a new lineage");
        assert_eq!(
            Dataset {
                lineage: None,
                ..saved
            },
            Dataset::default()
        );
    });
}

#[wasm_bindgen_test]
fn a_change_is_written_on_flush() {
    let storage = fresh_local_storage();
    Owner::new().with(|| {
        let store = open_store();
        store.apply(save_deal(won_deal("d1", 5_000))).unwrap();
        store.flush();
        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(
            saved
                .live_deals()
                .map(|d| d.id.as_str())
                .collect::<Vec<_>>(),
            ["d1"]
        );
    });
}

#[wasm_bindgen_test]
fn an_invalid_deal_is_refused_and_nothing_changes() {
    fresh_local_storage();
    Owner::new().with(|| {
        let store = open_store();
        let mut deal = won_deal("bad", 100);
        deal.title = "  ".to_string();
        assert!(store.apply(save_deal(deal)).is_err());
        assert_eq!(store.data.get_untracked(), Dataset::default());
    });
}

#[wasm_bindgen_test]
fn a_failed_save_keeps_the_data_and_tells_the_user() {
    let memory = MemoryStore::default();
    *memory.fail_writes.borrow_mut() = Some(StorageError::QuotaExceeded);
    Owner::new().with(|| {
        let store =
            Store::with_backend(Box::new(memory), Some(date("2026-11-15")), NumberLocale::En);
        store.apply(save_deal(won_deal("kept", 700))).unwrap();
        store.flush();
        assert!(store.data.with_untracked(|d| d.find_deal("kept").is_some()));
        let notices = store.notices.get_untracked();
        assert_eq!(
            notices.iter().map(|n| n.id).collect::<Vec<_>>(),
            [NoticeId::SaveFailed]
        );
    });
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_recognised_and_the_saved_copy_survives() {
    let storage = fresh_local_storage();
    let local = LocalStore::open().unwrap();
    local.write("previous").unwrap();
    // Chromium allows about 5 MB per origin; 12 MB of text cannot fit.
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(local.write(&huge), Err(StorageError::QuotaExceeded));
    assert_eq!(
        storage.get_item(DATA_KEY).unwrap().as_deref(),
        Some("previous")
    );
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
fn delete_leaves_a_tombstone_and_undo_brings_the_deal_back() {
    fresh_local_storage();
    Owner::new().with(|| {
        let store = Store::with_backend(
            Box::new(MemoryStore::default()),
            Some(date("2026-11-15")),
            NumberLocale::En,
        );
        store.apply(save_deal(won_deal("gone", 100))).unwrap();
        store
            .apply(Command::DeleteDeal("gone".to_string()))
            .unwrap();
        assert!(store.data.with_untracked(|d| d.find_deal("gone").is_none()));
        assert!(store.data.with_untracked(|d| d
            .deals
            .iter()
            .any(|x| x.id == "gone" && x.deleted_at.is_some())));
        store.apply(Command::Undo).unwrap();
        assert!(store.data.with_untracked(|d| d.find_deal("gone").is_some()));
    });
}

#[wasm_bindgen_test]
fn two_tabs_saving_keep_each_others_deals() {
    let storage = fresh_local_storage();
    Owner::new().with(|| {
        // Both tabs open on the same (empty) data.
        let (first, second) = (open_store(), open_store());
        first.apply(save_deal(won_deal("from-first", 100))).unwrap();
        first.flush();
        // The second tab never saw the first one's save, and saves its own deal.
        second
            .apply(save_deal(won_deal("from-second", 200)))
            .unwrap();
        second.flush();

        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        let mut ids: Vec<&str> = saved.live_deals().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["from-first", "from-second"]);
        assert!(
            second
                .data
                .with_untracked(|d| d.find_deal("from-first").is_some()),
            "shown in the second tab"
        );

        // A later delete in the first tab wins over the older version in the second.
        first.absorb(&storage.get_item(DATA_KEY).unwrap().unwrap());
        first
            .apply(Command::DeleteDeal("from-second".to_string()))
            .unwrap();
        first.flush();
        second.absorb(&storage.get_item(DATA_KEY).unwrap().unwrap());
        assert!(second
            .data
            .with_untracked(|d| d.find_deal("from-second").is_none()));
    });
}

#[wasm_bindgen_test]
fn an_erase_in_one_tab_is_not_undone_by_the_other() {
    let storage = fresh_local_storage();
    Owner::new().with(|| {
        let (first, second) = (open_store(), open_store());
        first.apply(save_deal(won_deal("old", 100))).unwrap();
        first.flush();
        second.absorb(&storage.get_item(DATA_KEY).unwrap().unwrap());
        assert!(second.data.with_untracked(|d| d.find_deal("old").is_some()));

        first.apply(Command::Erase).unwrap();
        first.flush();
        // The second tab, still holding the old deal, adds one and saves.
        second.apply(save_deal(won_deal("after", 200))).unwrap();
        second.flush();

        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert!(saved.find_deal("old").is_none(), "the erase holds");
        assert!(second.data.with_untracked(|d| d.find_deal("old").is_none()));
    });
}

#[wasm_bindgen_test]
fn a_saved_deal_links_its_customer_and_rep_and_any_record_can_be_deleted_and_restored() {
    Owner::new().with(|| {
        let store = Store::with_backend(
            Box::new(MemoryStore::default()),
            Some(date("2026-11-15")),
            NumberLocale::En,
        );
        store.apply(save_deal(won_deal("d1", 100))).unwrap();
        store.apply(save_deal(won_deal("d2", 200))).unwrap();
        let (customer_id, customers, reps) = store.data.with_untracked(|d| {
            let deal = d.find_deal("d1").unwrap();
            assert_eq!(
                d.customer_name(deal.customer_id.as_deref()),
                Some("Müller & Söhne GmbH")
            );
            assert_eq!(d.rep_name(deal.rep_id.as_deref()), Some("Anna"));
            (
                deal.customer_id.clone().unwrap(),
                d.customers.len(),
                d.reps.len(),
            )
        });
        assert_eq!(
            (customers, reps),
            (1, 1),
            "the second deal reuses both records"
        );

        store
            .apply(Command::DeleteRecord {
                kind: kpi::RecordKind::Customer,
                id: customer_id.clone(),
            })
            .unwrap();
        assert!(store
            .data
            .with_untracked(|d| d.customer_name(Some(&customer_id)).is_none()));
        assert!(
            store.undo.with_untracked(Option::is_some),
            "undo is offered"
        );
        store.apply(Command::Undo).unwrap();
        assert_eq!(
            store
                .data
                .with_untracked(|d| d.customer_name(Some(&customer_id)).map(str::to_owned)),
            Some("Müller & Söhne GmbH".to_owned())
        );
    });
}

#[wasm_bindgen_test]
fn storage_errors_are_recognised_by_every_browsers_name() {
    let cases = [
        (
            "Chrome's quota error",
            "QuotaExceededError",
            StorageError::QuotaExceeded,
        ),
        (
            "Firefox's quota error",
            "NS_ERROR_DOM_QUOTA_REACHED",
            StorageError::QuotaExceeded,
        ),
        (
            "old WebKit's quota error",
            "QUOTA_EXCEEDED_ERR",
            StorageError::QuotaExceeded,
        ),
        (
            "storage blocked (private mode)",
            "SecurityError",
            StorageError::Unavailable("denied".into()),
        ),
        (
            "anything else keeps its name",
            "InvalidStateError",
            StorageError::Other("InvalidStateError: denied".into()),
        ),
    ];
    for (case, name, expected) in cases {
        let error = web_sys::DomException::new_with_message_and_name("denied", name).unwrap();
        assert_eq!(
            salesboard::storage::classify(&error.into()),
            expected,
            "{case}"
        );
    }
}

#[wasm_bindgen_test]
fn unreadable_text_left_by_another_writer_is_set_aside_before_this_tab_writes() {
    let storage = fresh_local_storage();
    Owner::new().with(|| {
        let store = open_store();
        store.apply(save_deal(won_deal("mine", 100))).unwrap();
        store.flush();
        // Another writer (a broken tab, an extension) leaves text no version can read.
        storage.set_item(DATA_KEY, "{ not an envelope").unwrap();
        store.apply(save_deal(won_deal("mine too", 200))).unwrap();
        store.flush();

        let notice = store
            .notices
            .get_untracked()
            .into_iter()
            .find(|n| n.id == NoticeId::SetAside)
            .expect("the user is told where it went");
        let key = notice.key.unwrap();
        assert_eq!(
            storage.get_item(&key).unwrap().as_deref(),
            Some("{ not an envelope")
        );
        let saved = schema::decode(&storage.get_item(DATA_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(saved.live_deals().count(), 2, "this tab's work is saved");
    });
}
