use kpi::deal_input::Problem;
use kpi::forms::{fields, AnyRecord, Form};
use kpi::{Dataset, NumberLocale, RecordError, RecordKind};

use crate::support::instant;

fn form(pairs: &[(&'static str, &str)]) -> Form {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

fn save(
    data: &Dataset,
    kind: RecordKind,
    id: Option<&str>,
    form: &Form,
) -> Result<AnyRecord, Vec<RecordError>> {
    data.record_from_form(kind, id, form, "new-id".into(), instant(), NumberLocale::De)
}

fn problems(result: Result<AnyRecord, Vec<RecordError>>) -> Vec<(&'static str, Problem)> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn every_kind_has_a_form_and_a_blank_new_one() {
    let data = Dataset::default();
    for kind in RecordKind::ALL {
        let specs = fields(*kind);
        assert!(!specs.is_empty(), "{kind:?}");
        let blank = data.record_form(*kind, None, NumberLocale::En);
        assert_eq!(blank.len(), specs.len(), "{kind:?}");
    }
}

/// (case, kind, form as typed, expected problems by field)
type Row = (&'static str, RecordKind, Form, Vec<(&'static str, Problem)>);

#[test]
fn form_problems_name_the_field() {
    let data = Dataset::default();
    #[rustfmt::skip]
    let rows: Vec<Row> = vec![
        ("team without a name", RecordKind::Team, form(&[("name", "  ")]), vec![("name", Problem::Required)]),
        ("order amount not a number, no date", RecordKind::Order,
            form(&[("customer_id", "c1"), ("date", ""), ("amount", "abc"), ("kind", "repeat")]),
            vec![("date", Problem::Required), ("amount", Problem::NotANumber)]),
        ("order without a customer", RecordKind::Order,
            form(&[("date", "2026-11-02"), ("amount", "1.234,50"), ("kind", "repeat")]),
            vec![("customer_id", Problem::Required)]),
        ("CSAT above 5", RecordKind::Feedback, form(&[("customer_id", "c1"), ("date", "2026-11-02"), ("csat", "6")]),
            vec![("csat", Problem::OutOfRange)]),
        ("feedback with nothing in it", RecordKind::Feedback, form(&[("customer_id", "c1"), ("date", "2026-11-02")]),
            vec![("csat", Problem::Required)]),
        ("rep leaving before being hired", RecordKind::Rep,
            form(&[("name", "Eva"), ("base_salary", "3.000"), ("hired_on", "2026-05-01"), ("left_on", "2026-04-30")]),
            vec![("left_on", Problem::DateOrder)]),
        ("churned customer without a reason", RecordKind::Customer,
            form(&[("name", "Acme"), ("source", "inbound"), ("acquired_on", "2026-01-01"), ("churned_on", "2026-06-01")]),
            vec![("churn_reason", Problem::Required)]),
        ("lead both converted and disqualified", RecordKind::Lead,
            form(&[("name", "Acme"), ("source", "referral"), ("created_on", "2026-01-01"), ("converted_on", "2026-02-01"),
                   ("disqualified_on", "2026-02-01"), ("disqualified_reason", "No budget")]),
            vec![("disqualified_on", Problem::Conflict)]),
        ("activity longer than a day", RecordKind::Activity, form(&[("kind", "visit"), ("date", "2026-11-02"), ("minutes", "1441")]),
            vec![("minutes", Problem::OutOfRange)]),
        ("customer name only a zero-width space", RecordKind::Customer, form(&[("name", "\u{200B}"), ("source", "inbound")]),
            vec![("name", Problem::Required)]),
        ("team name of a BOM and a no-break space", RecordKind::Team, form(&[("name", "\u{FEFF}\u{A0}")]),
            vec![("name", Problem::Required)]),
        ("lead created in year 1", RecordKind::Lead, form(&[("name", "Acme"), ("source", "referral"), ("created_on", "0001-01-01")]),
            vec![("created_on", Problem::ImplausibleDate)]),
        ("order dated over ten years ahead", RecordKind::Order,
            form(&[("customer_id", "c1"), ("date", "2040-01-01"), ("amount", "10"), ("kind", "repeat")]),
            vec![("date", Problem::ImplausibleDate)]),
        ("rep hired before 1970 and leaving in 2206", RecordKind::Rep,
            form(&[("name", "Eva"), ("base_salary", "3.000"), ("hired_on", "1969-12-31"), ("left_on", "2206-01-01")]),
            vec![("hired_on", Problem::ImplausibleDate), ("left_on", Problem::ImplausibleDate)]),
        ("unknown expense category", RecordKind::Expense, form(&[("category", "travel"), ("date", "2026-11-02"), ("amount", "10")]),
            vec![("category", Problem::Required)]),
    ];
    for (case, kind, form, expected) in rows {
        assert_eq!(problems(save(&data, kind, None, &form)), expected, "{case}");
    }
}

#[test]
fn a_saved_form_reads_back_the_same_and_keeps_hidden_fields() {
    let mut data = Dataset::default();
    let typed = form(&[
        ("customer_id", "c1"),
        ("date", "2026-11-02"),
        ("amount", "1.234,50"),
        ("cost", ""),
        ("kind", "upsell"),
        ("rep_id", ""),
        ("deal_id", ""),
    ]);
    let record = save(&data, RecordKind::Order, None, &typed).expect("valid order");
    let AnyRecord::Order(order) = &record else {
        panic!("an order")
    };
    assert_eq!(
        (order.id.as_str(), order.amount.minor(), order.cost),
        ("new-id", 123_450, None)
    );
    record.upsert_into(&mut data);
    let back = data.record_form(RecordKind::Order, Some("new-id"), NumberLocale::De);
    let mut as_typed = typed.clone();
    as_typed.insert("amount", "1234,50".into()); // shown plain, without grouping
    assert_eq!(back, as_typed, "the form shows what was typed");
    // Editing keeps the id and replaces the record.
    let mut edited = back.clone();
    edited.insert("amount", "99".into());
    save(&data, RecordKind::Order, Some("new-id"), &edited)
        .expect("edit")
        .upsert_into(&mut data);
    assert_eq!(data.orders.len(), 1);
    assert_eq!(data.orders[0].amount.minor(), 9_900);
    let rows = data
        .record_rows(RecordKind::Order, NumberLocale::En, 0..usize::MAX)
        .rows;
    assert_eq!(rows[0].cells[2], "99.00");
}

/// A list shows its first rows only, newest date first (then newest change, then the
/// data's order), with references by name; `total` counts them all.
#[test]
fn record_rows_are_the_newest_first_and_only_the_rows_asked_for() {
    let mut data = Dataset::default();
    let customer = |id: &str, name: &str| {
        let typed = form(&[
            ("name", name),
            ("source", "referral"),
            ("segment", ""),
            ("region", ""),
        ]);
        (id.to_owned(), typed)
    };
    for (id, typed) in [customer("c1", "Alpha"), customer("c2", "Beta")] {
        data.record_from_form(
            RecordKind::Customer,
            None,
            &typed,
            id,
            instant(),
            NumberLocale::En,
        )
        .expect("customer")
        .upsert_into(&mut data);
    }
    // (id, customer, date) in data order.
    for (id, customer, date) in [
        ("o1", "c1", "2026-11-01"),
        ("o2", "c2", "2026-11-03"),
        ("o3", "c1", "2026-11-02"),
        ("o4", "c2", "2026-11-03"),
    ] {
        let order = form(&[
            ("customer_id", customer),
            ("date", date),
            ("amount", "10"),
            ("kind", "repeat"),
        ]);
        data.record_from_form(
            RecordKind::Order,
            None,
            &order,
            id.into(),
            instant(),
            NumberLocale::En,
        )
        .expect("order")
        .upsert_into(&mut data);
    }
    let list = data.record_rows(RecordKind::Order, NumberLocale::En, 0..3);
    assert_eq!(list.total, 4);
    let shown: Vec<(&str, &str)> = list
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.cells[0].as_str()))
        .collect();
    // o2 and o4 share date and change time: data order.
    assert_eq!(shown, [("o2", "Beta"), ("o4", "Beta"), ("o3", "Alpha")]);
    let all = data.record_rows(RecordKind::Order, NumberLocale::En, 0..usize::MAX);
    assert_eq!(all.rows.len(), 4);
    assert_eq!(all.rows[3].id, "o1");
    assert!(data
        .record_rows(RecordKind::Order, NumberLocale::En, 0..0)
        .rows
        .is_empty());
    let later = data.record_rows(RecordKind::Order, NumberLocale::En, 2..10);
    let ids: Vec<&str> = later.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        (ids, later.total),
        (vec!["o3", "o1"], 4),
        "a window further down"
    );
}
