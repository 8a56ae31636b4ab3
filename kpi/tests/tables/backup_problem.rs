use kpi::backup_problem::{explain, BackupProblem, Place, Wrong};
use kpi::{demo_dataset, encode, Problem, RecordKind};
use serde_json::{json, Value};

use crate::support::{day, instant};

/// A backup of the demo data with `edit` applied to its JSON.
fn backup(edit: impl FnOnce(&mut Value)) -> String {
    let data = demo_dataset(day("2026-11-15"), instant());
    let mut document: Value = serde_json::from_str(&encode(&data, instant())).unwrap();
    edit(&mut document["data"]);
    document.to_string()
}

fn set(data: &mut Value, kind: RecordKind, index: usize, field: &str, value: Value) {
    data[kind.id()][index][field] = value;
}

/// (kind, position from 1, field, what is wrong)
type Found = (RecordKind, usize, &'static str, Wrong);

fn placed(problem: BackupProblem) -> Found {
    let Place::Record { kind, position, .. } = problem.place else {
        panic!("not a record: {problem:?}");
    };
    let field = problem.field.expect("a field");
    (
        kind,
        position,
        Box::leak(field.into_boxed_str()),
        problem.wrong,
    )
}

#[test]
fn a_bad_value_is_named_by_record_and_field() {
    use RecordKind::*;
    let text = |v: &str| v.to_owned();
    #[rustfmt::skip]
    let rows: Vec<(&str, RecordKind, usize, &str, Value, Found)> = vec![
        ("deal amount as text (was: expected i64)", Deal, 3, "amount", json!("12,50"),
            (Deal, 4, "amount", Wrong::NotAnAmount { value: text("12,50") })),
        ("deal amount with a fraction of a cent", Deal, 0, "amount", json!(12.5),
            (Deal, 1, "amount", Wrong::NotAnAmount { value: text("12.5") })),
        ("deal created on 31 February (was: input is out of range)", Deal, 1, "created_on", json!("2026-02-31"),
            (Deal, 2, "created_on", Wrong::NotADate { value: text("2026-02-31") })),
        ("deal created date in German notation", Deal, 1, "created_on", json!("02.11.2026"),
            (Deal, 2, "created_on", Wrong::NotADate { value: text("02.11.2026") })),
        ("deal status unknown", Deal, 2, "status", json!("maybe"),
            (Deal, 3, "status", Wrong::UnknownChoice { value: text("maybe") })),
        ("deal probability above 255", Deal, 2, "probability", json!(300),
            (Deal, 3, "probability", Wrong::NotAWholeNumber { value: text("300") })),
        ("deal title a number", Deal, 0, "title", json!(7),
            (Deal, 1, "title", Wrong::NotText { value: text("7") })),
        ("order date null", Order, 0, "date", Value::Null,
            (Order, 1, "date", Wrong::Missing)),
        ("customer updated_at not a time", Customer, 1, "updated_at", json!("yesterday"),
            (Customer, 2, "updated_at", Wrong::NotATime { value: text("yesterday") })),
        ("rep salary negative: a broken rule, not a type", Rep, 0, "base_salary", json!(-100),
            (Rep, 1, "base_salary", Wrong::Rule(Problem::Negative))),
        ("deal amount negative: a broken rule", Deal, 5, "amount", json!(-1),
            (Deal, 6, "amount", Wrong::Rule(Problem::Negative))),
    ];
    for (case, kind, index, field, value, expected) in rows {
        let text = backup(|data| set(data, kind, index, field, value));
        assert!(kpi::decode(&text).is_err(), "{case}: the backup is refused");
        let problem = explain(&text).unwrap_or_else(|| panic!("{case}: not placed"));
        assert_eq!(placed(problem), expected, "{case}");
    }
}

#[test]
fn a_missing_field_and_the_count_of_the_rest() {
    let text = backup(|data| {
        data["deals"][2].as_object_mut().unwrap().remove("stage");
    });
    let problem = explain(&text).unwrap();
    assert_eq!(problem.field.as_deref(), Some("stage"));
    assert_eq!(problem.wrong, Wrong::Missing);

    let text = backup(|data| {
        for index in [1, 4, 6] {
            data["deals"][index]["amount"] = json!(-5);
        }
    });
    let problem = explain(&text).unwrap();
    assert_eq!(
        problem.more, 2,
        "three negative amounts: the first and 2 more"
    );
}

#[test]
fn the_place_carries_the_records_title() {
    let text = backup(|data| {
        data["deals"][0]["title"] = json!("  Fleet renewal ");
        data["deals"][0]["amount"] = json!("a lot");
    });
    assert_eq!(
        explain(&text).unwrap().place,
        Place::Record {
            kind: RecordKind::Deal,
            position: 1,
            title: Some("Fleet renewal".into())
        }
    );
}

#[test]
fn an_older_backup_is_explained_after_its_upgrade() {
    let mut document: Value =
        serde_json::from_str(include_str!("../fixtures/v1_basic.json")).unwrap();
    assert_eq!(document["version"], 1);
    document["data"]["deals"][1]["amount"] = json!("1.000,50");
    let problem = explain(&document.to_string()).expect("placed");
    assert_eq!(problem.field.as_deref(), Some("amount"));
    assert_eq!(
        problem.wrong,
        Wrong::NotAnAmount {
            value: "1.000,50".into()
        }
    );
    let Place::Record { kind, position, .. } = problem.place else {
        panic!("{problem:?}")
    };
    assert_eq!((kind, position), (RecordKind::Deal, 2));
}

#[test]
fn what_cannot_be_placed_is_left_to_the_decoder() {
    let rows = [
        ("not JSON", "{".to_owned()),
        ("not ours", r#"{"app":"other"}"#.to_owned()),
        (
            "a newer version",
            backup(|_| {}).replace("\"version\":3", "\"version\":4"),
        ),
        (
            "a sound version-1 backup",
            include_str!("../fixtures/v1_basic.json").to_owned(),
        ),
        ("a sound backup", backup(|_| {})),
    ];
    for (case, text) in rows {
        assert_eq!(explain(&text), None, "{case}");
    }
}
