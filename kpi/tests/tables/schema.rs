use chrono::TimeZone;
use kpi::schema::decode_envelope;
use kpi::{
    decode, demo_dataset, encode, Currency, Dataset, DealKind, DealStatus, LoadError, Money,
    CURRENT_VERSION,
};

use crate::support::{day, instant};

const GOLDEN_V1: &str = include_str!("../fixtures/v1_basic.json");
const GOLDEN_V2: &str = include_str!("../fixtures/v2_basic.json");

#[test]
fn golden_v2_fixture_decodes() {
    let envelope = decode_envelope(GOLDEN_V2).expect("golden v2 fixture loads");
    assert_eq!(envelope.version, CURRENT_VERSION);
    assert_eq!(envelope.revision, 12);
    assert_eq!(envelope.saved_at, instant());
    let data = envelope.data;
    assert_eq!(data.settings.currency, Currency::Eur);
    assert_eq!(data.settings.monthly_target, Some(Money(5_000_000)));
    assert_eq!(
        data.settings.me.as_deref(),
        Some("5a1e0001-0000-4000-8000-000000000001")
    );
    #[rustfmt::skip]
    let counts = [
        ("teams", data.teams.len(), 1), ("reps", data.reps.len(), 2),
        ("customers", data.customers.len(), 2), ("leads", data.leads.len(), 1),
        ("deals", data.deals.len(), 4), ("orders", data.orders.len(), 2),
        ("activities", data.activities.len(), 2), ("expenses", data.expenses.len(), 1),
        ("feedback", data.feedback.len(), 1),
        ("goals: the migration to v3 adds an empty list", data.goals.len(), 0),
    ];
    for (case, found, expected) in counts {
        assert_eq!(found, expected, "{case}");
    }
    let won = &data.deals[0];
    assert_eq!(
        (
            won.status,
            won.amount,
            won.cost,
            won.discount,
            won.closed_on
        ),
        (
            DealStatus::Won,
            Money(1_250_000),
            Some(Money(400_000)),
            Some(Money(50_000)),
            Some(day("2026-11-12"))
        )
    );
    assert_eq!(data.rep_name(won.rep_id.as_deref()), Some("Anna Schmidt"));
    assert_eq!(
        data.customer_name(won.customer_id.as_deref()),
        Some("Northwind Logistics")
    );
    assert_eq!(
        data.deals[2].probability,
        Some(50),
        "open deal keeps its probability"
    );
    assert!(data.deals[3].deleted_at.is_some(), "tombstone kept");
    assert_eq!(data.live_deals().count(), 3);
    assert_eq!(
        data.reps[1].left_on, None,
        "a missing left_on means employed"
    );
    assert_eq!(
        data.customers[1].churn_reason.as_deref(),
        Some("Moved to a cheaper tool")
    );
    assert_eq!(data.orders[1].deal_id, None);
    assert_eq!(data.activities[1].note, "", "a missing note is empty");
    assert_eq!(data.feedback[0].resolved_on, Some(day("2026-11-20")));
    let again = decode_envelope(GOLDEN_V2).expect("loads twice").data;
    assert_eq!(
        again, data,
        "loading the same copy twice gives the same dataset"
    );
    assert_eq!(
        decode(&encode(&data, instant())),
        Ok(data),
        "and it saves as v3"
    );
}

#[test]
fn golden_v1_fixture_decodes() {
    let envelope = decode_envelope(GOLDEN_V1).expect("golden v1 fixture loads");
    assert_eq!(envelope.version, CURRENT_VERSION);
    assert_eq!(envelope.saved_at, instant());
    let data = envelope.data;
    assert_eq!(data.settings.currency, Currency::Eur);
    assert_eq!(data.settings.stages.len(), 5);
    assert_eq!(data.deals.len(), 3);

    let won = &data.deals[0];
    assert_eq!(
        (won.status, won.amount, won.closed_on),
        (DealStatus::Won, Money(1_250_000), Some(day("2026-11-12")))
    );
    assert_eq!(won.deleted_at, None, "a missing deleted_at means live");
    let lost = &data.deals[1];
    assert_eq!(
        (lost.kind, lost.lost_reason.as_deref()),
        (DealKind::CrossSell, Some("Chose a competitor"))
    );
    let deleted = &data.deals[2];
    assert_eq!(
        deleted.deleted_at,
        Some(chrono::Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap())
    );
    assert_eq!(data.live_deals().count(), 2);

    // The migration to v2 made customer and rep records from the names and linked them.
    let customers: Vec<_> = data
        .deals
        .iter()
        .map(|d| data.customer_name(d.customer_id.as_deref()))
        .collect();
    let reps: Vec<_> = data
        .deals
        .iter()
        .map(|d| data.rep_name(d.rep_id.as_deref()))
        .collect();
    // The third deal is deleted: it keeps name-based ids but makes no records.
    assert_eq!(
        customers,
        [Some("Northwind Logistics"), Some("Mekong Solar"), None]
    );
    assert_eq!(reps, [Some("Anna Schmidt"), Some("Minh Nguyen"), None]);
    assert_eq!((data.customers.len(), data.reps.len()), (2, 2));
    assert!(data.deals[2].customer_id.is_some() && data.deals[2].rep_id.is_some());
    let northwind = &data.customers[0];
    assert_eq!(
        northwind.acquired_on,
        Some(day("2026-11-12")),
        "first won deal"
    );
    assert_eq!(
        northwind.owner_id, data.deals[0].rep_id,
        "owned by its first deal's rep"
    );
    assert_eq!(
        data.customers[1].acquired_on, None,
        "only a lost deal: a prospect"
    );
    assert_eq!(northwind.updated_at, data.deals[0].updated_at);
    let again = decode_envelope(GOLDEN_V1).expect("loads twice").data;
    assert_eq!(
        again, data,
        "migrating the same copy twice makes the same ids"
    );
    assert!(
        data.deals.iter().all(|d| d.validate().is_empty()),
        "fixture deals are valid"
    );
}

#[test]
fn encode_then_decode_gives_the_same_dataset() {
    for data in [
        Dataset::default(),
        demo_dataset(day("2026-11-22"), instant()),
    ] {
        let text = encode(&data, instant());
        let head = format!(
            r#"{{"app":"salesboard","version":{CURRENT_VERSION},"revision":0,"saved_at":"2026-11-22T09:30:00Z""#
        );
        assert!(text.starts_with(&head), "{text:.80}");
        assert_eq!(decode(&text), Ok(data));
    }
}

/// (case, text, check on the error)
type Row = (&'static str, String, fn(&LoadError) -> bool);

fn envelope(app: &str, version: &str, data: &str) -> String {
    format!(
        r#"{{"app":{app},"version":{version},"saved_at":"2026-11-22T09:30:00Z","data":{data}}}"#
    )
}

fn golden_with(from: &str, to: &str) -> String {
    assert!(GOLDEN_V1.contains(from), "fixture contains {from}");
    GOLDEN_V1.replacen(from, to, 1)
}

#[test]
fn decode_errors_table() {
    let empty = r#"{"settings":{"currency":"EUR","stages":[]},"deals":[]}"#;
    #[rustfmt::skip]
    let rows: Vec<Row> = vec![
        ("empty text", String::new(), |e| matches!(e, LoadError::NotJson(_))),
        ("truncated JSON names the line", "{\n\"app\":".into(), |e| matches!(e, LoadError::NotJson(m) if m.contains("line 2"))),
        ("a JSON array", "[]".into(), |e| *e == LoadError::NotSalesboard),
        ("a JSON string", "\"salesboard\"".into(), |e| *e == LoadError::NotSalesboard),
        ("another app", envelope("\"other\"", "1", empty), |e| *e == LoadError::NotSalesboard),
        ("no app", r#"{"version":1}"#.into(), |e| *e == LoadError::NotSalesboard),
        ("no version", r#"{"app":"salesboard","data":{}}"#.into(), |e| matches!(e, LoadError::Invalid(m) if m.contains("version"))),
        ("version 0", envelope("\"salesboard\"", "0", empty), |e| matches!(e, LoadError::Invalid(m) if m.contains("version"))),
        ("version as text", envelope("\"salesboard\"", "\"1\"", empty), |e| matches!(e, LoadError::Invalid(_))),
        ("negative version", envelope("\"salesboard\"", "-1", empty), |e| matches!(e, LoadError::Invalid(_))),
        ("fractional version", envelope("\"salesboard\"", "1.5", empty), |e| matches!(e, LoadError::Invalid(_))),
        ("newer version", envelope("\"salesboard\"", "4", empty), |e| *e == LoadError::NewerVersion { found: 4, supported: 3 }),
        ("version beyond u32", envelope("\"salesboard\"", "99999999999", empty), |e| *e == LoadError::NewerVersion { found: u32::MAX, supported: 3 }),
        ("no data", r#"{"app":"salesboard","version":1,"saved_at":"2026-11-22T09:30:00Z"}"#.into(), |e| matches!(e, LoadError::Invalid(m) if m.contains("data"))),
        ("no saved_at", r#"{"app":"salesboard","version":1,"data":{}}"#.into(), |e| matches!(e, LoadError::Invalid(m) if m.contains("saved_at"))),
        ("bad saved_at", golden_with("2026-11-22T09:30:00Z", "yesterday"), |e| matches!(e, LoadError::Invalid(m) if m.contains("saved_at"))),
        ("deal without amount names the deal", golden_with("\"amount\": 480050,", ""),
            |e| matches!(e, LoadError::Invalid(m) if m.contains("data.deals[1]") && m.contains("a1b2c3d4") && m.contains("amount"))),
        ("impossible date names the deal", golden_with("2026-10-01", "2026-02-30"), |e| matches!(e, LoadError::Invalid(m) if m.contains("data.deals[0]"))),
        ("unknown status names the deal", golden_with("\"won\"", "\"maybe\""), |e| matches!(e, LoadError::Invalid(m) if m.contains("data.deals[0]") && m.contains("maybe"))),
        ("unknown currency names the settings", golden_with("\"EUR\"", "\"XYZ\""), |e| matches!(e, LoadError::Invalid(m) if m.contains("data.settings"))),
        ("deals not a list", envelope("\"salesboard\"", "2", r#"{"settings":{"currency":"EUR","stages":[]},"deals":5}"#), |e| matches!(e, LoadError::Invalid(m) if m.starts_with("data:"))),
        ("v1 deals not a list fails the migration", envelope("\"salesboard\"", "1", r#"{"settings":{"currency":"EUR","stages":[]},"deals":5}"#),
            |e| matches!(e, LoadError::MigrationFailed { from: 1, reason } if reason.contains("data.deals"))),
        ("v2 goals not a list fails the migration", envelope("\"salesboard\"", "2", r#"{"settings":{"currency":"EUR","stages":[]},"deals":[],"goals":{}}"#),
            |e| matches!(e, LoadError::MigrationFailed { from: 2, reason } if reason.contains("data.goals"))),
        ("v2 order without customer names the order", envelope("\"salesboard\"", "2", r#"{"settings":{"currency":"EUR","stages":[{"id":"a","name":"A","probability":5}]},"deals":[],
            "orders":[{"id":"o1","updated_at":"2026-11-22T09:30:00Z","customer_id":null,"date":"2026-11-01","amount":100,"kind":"repeat"}]}"#),
            |e| matches!(e, LoadError::Invalid(m) if m.contains("data.orders[0]") && m.contains("customer_id: required"))),
    ];
    for (case, text, check) in rows {
        match decode(&text) {
            Ok(_) => panic!("case {case:?} decoded"),
            Err(error) => assert!(check(&error), "case {case:?}: {error:?}"),
        }
    }
}

#[test]
fn load_error_messages_say_what_is_wrong() {
    let rows = [
        (
            "not JSON",
            LoadError::NotJson("EOF at line 1 column 0".into()),
            "line 1",
        ),
        (
            "foreign file",
            LoadError::NotSalesboard,
            "not a Salesboard file",
        ),
        (
            "newer",
            LoadError::NewerVersion {
                found: 3,
                supported: 1,
            },
            "version 3",
        ),
        (
            "migration",
            LoadError::MigrationFailed {
                from: 1,
                reason: "no stages".into(),
            },
            "no stages",
        ),
        (
            "invalid",
            LoadError::Invalid("data.deals[0]: missing field".into()),
            "data.deals[0]",
        ),
    ];
    for (case, error, needle) in rows {
        assert!(error.to_string().contains(needle), "{case}: {error}");
    }
}

#[test]
fn newer_data_is_read_for_showing_only() {
    let current = encode(&demo_dataset(day("2026-11-22"), instant()), instant());
    // A later version: a higher number and a collection this version does not know.
    let newer = current
        .replacen(
            &format!("\"version\":{CURRENT_VERSION}"),
            "\"version\":7",
            1,
        )
        .replacen("\"data\":{", "\"data\":{\"contests\":[{\"id\":\"c1\"}],", 1);
    assert!(matches!(
        decode(&newer),
        Err(LoadError::NewerVersion { found: 7, .. })
    ));
    let shown = kpi::schema::read_newer(&newer).expect("readable for showing");
    assert_eq!(
        shown.deals.len(),
        demo_dataset(day("2026-11-22"), instant()).deals.len()
    );
    // A record of a known collection in a shape this version cannot read is skipped,
    // the rest is shown (an app before version 3 seeing goals it cannot read).
    let without_goals = Dataset {
        goals: vec![].into(),
        ..demo_dataset(day("2026-11-22"), instant())
    };
    let odd_goal = encode(&without_goals, instant())
        .replacen(
            &format!("\"version\":{CURRENT_VERSION}"),
            "\"version\":9",
            1,
        )
        .replacen(
            "\"goals\":[]",
            "\"goals\":[{\"id\":\"goal-1\",\"title\":\"A shape this version does not know\"}]",
            1,
        );
    assert!(odd_goal.contains("goal-1"));
    let shown = kpi::schema::read_newer(&odd_goal).expect("readable without the odd goal");
    assert_eq!(shown, without_goals);
    #[rustfmt::skip]
    let unreadable = [
        ("not JSON", "{".to_string()),
        ("another app", newer.replacen("\"salesboard\"", "\"other\"", 1)),
        ("no data", r#"{"app":"salesboard","version":9}"#.to_string()),
        ("data that breaks the rules", newer.replacen("\"stages\":[", "\"stages\":[{\"id\":\"x\",\"name\":\"X\",\"probability\":1},{\"id\":\"x\",\"name\":\"X\",\"probability\":1},", 1)),
    ];
    for (case, text) in unreadable {
        assert_eq!(kpi::schema::read_newer(&text), None, "{case}");
    }
}

#[test]
fn the_revision_round_trips_and_is_found_in_the_head() {
    let data = demo_dataset(day("2026-11-22"), instant());
    let text = kpi::encode_revision(&data, instant(), 41);
    assert!(
        text.len() > 100_000,
        "a large text: peeking must not parse it"
    );
    assert_eq!(kpi::peek_revision(&text), Some(41));
    assert_eq!(decode_envelope(&text).unwrap().revision, 41);
    assert_eq!(kpi::peek_revision(&encode(&data, instant())), Some(0));
}

#[test]
fn peek_revision_cases() {
    let cases: &[(&str, &str, Option<u64>)] = &[
        ("no revision (v1, or a hand-made file)", r#"{"app":"salesboard","version":1,"saved_at":"x","data":{}}"#, Some(0)),
        ("spaces around the colon", r#"{ "app": "salesboard", "version": 2, "revision" : 7, "data": {}}"#, Some(7)),
        ("a revision inside data does not count", r#"{"app":"salesboard","version":2,"data":{"revision":9}}"#, Some(0)),
        ("not ours", r#"{"app":"other","revision":3,"data":{}}"#, None),
        ("not an object", "[1,2,3]", None),
        ("a revision that is not a number", r#"{"app":"salesboard","revision":"x","data":{}}"#, None),
        ("empty text", "", None),
        ("multi-byte text around the cut", "{\"app\":\"salesboard\",\"x\":\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"}", Some(0)),
    ];
    for (case, text, expected) in cases {
        assert_eq!(kpi::peek_revision(text), *expected, "{case}");
    }
}

#[test]
fn a_revision_that_is_not_a_whole_number_is_invalid() {
    let text = r#"{"app":"salesboard","version":2,"revision":-1,"saved_at":"2026-11-22T10:00:00Z","data":{}}"#;
    assert!(
        matches!(decode_envelope(text), Err(LoadError::Invalid(why)) if why.contains("revision"))
    );
}
