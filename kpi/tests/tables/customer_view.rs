//! The customer list (search, filters), the timeline, buyer kind, churn and win-back.

use kpi::customer_view::{
    buyer_kind, customer_rows, fold, mark_churned, timeline, win_back, BuyerKind, CustomerFilter,
    CustomerStatus,
};
use kpi::deal_input::Problem;
use kpi::{
    ActivityKind, Customer, Dataset, Deal, DealStatus, Feedback, Money, OrderKind, RecordError,
    RecordKind,
};

use crate::support::{activity_of, customer_of, day, deal, deleted, feedback_of, order_to, rep_in};

fn customer(id: &str, name: &str, segment: &str, region: &str, owner: &str) -> Customer {
    Customer {
        name: name.into(),
        segment: segment.into(),
        region: region.into(),
        ..customer_of(id, owner, "", "")
    }
}

fn data() -> Dataset {
    let c1 = Customer {
        acquired_on: Some(day("2026-01-10")),
        ..customer("c1", "Müller GmbH", "SMB", "Bavaria", "r1")
    };
    let c2 = Customer {
        acquired_on: Some(day("2026-03-01")),
        churned_on: Some(day("2026-10-01")),
        churn_reason: Some("Moved".into()),
        ..customer("c2", "Đà Nẵng Trading", "Enterprise", "Đà Nẵng", "r2")
    };
    let c3 = customer("c3", "Acme", "smb ", "Hanoi", "r1");
    let gone = deleted(customer("c4", "Müller deleted", "SMB", "Bavaria", "r1"));
    let won = Deal {
        id: "won-c2".into(),
        customer_id: Some("c2".into()),
        ..deal(DealStatus::Won, 5_000, "2026-02-01", "2026-03-01")
    };
    let delivery = kpi::Order {
        deal_id: Some("won-c2".into()),
        ..order_to("c2", "", 5_000, None, "2026-03-02")
    };
    Dataset {
        reps: vec![
            kpi::Rep {
                name: "Anna Schmidt".into(),
                ..rep_in("r1", "")
            },
            kpi::Rep {
                name: "Bình".into(),
                ..rep_in("r2", "")
            },
        ]
        .into(),
        customers: vec![c1, c2, c3, gone].into(),
        deals: vec![won].into(),
        orders: vec![
            order_to("c1", "", 1_000, None, "2026-01-10"),
            order_to("c1", "", 2_000, None, "2026-04-10"),
            delivery,
        ]
        .into(),
        activities: vec![activity_of(
            ActivityKind::Call,
            "2026-11-02",
            15,
            "r1",
            "c1",
        )]
        .into(),
        ..Dataset::default()
    }
}

#[test]
fn search_and_filter_table() {
    let data = data();
    let today = day("2026-11-22");
    let none = CustomerFilter::default();
    let with = |f: fn(&mut CustomerFilter)| {
        let mut filter = CustomerFilter::default();
        f(&mut filter);
        filter
    };
    let rows: Vec<(&str, &str, CustomerFilter, Vec<&str>)> = vec![
        (
            "blank query: everyone live, by folded name",
            "  ",
            none.clone(),
            vec!["c3", "c2", "c1"],
        ),
        (
            "accent-insensitive: muller finds Müller",
            "muller",
            none.clone(),
            vec!["c1"],
        ),
        (
            "Vietnamese accents folded",
            "da nang",
            none.clone(),
            vec!["c2"],
        ),
        (
            "accents in the query fold too",
            "MÜLLER",
            none.clone(),
            vec!["c1"],
        ),
        ("case-insensitive", "ACME", none.clone(), vec!["c3"]),
        (
            "owner's name is searched",
            "schmidt",
            none.clone(),
            vec!["c3", "c1"],
        ),
        ("region is searched", "hanoi", none.clone(), vec!["c3"]),
        (
            "every word must match",
            "muller hanoi",
            none.clone(),
            vec![],
        ),
        ("part of a word matches", "gmb", none.clone(), vec!["c1"]),
        (
            "deleted customers never show",
            "deleted",
            none.clone(),
            vec![],
        ),
        (
            "segment filter: trimmed, any case",
            "",
            with(|f| f.segment = Some("SMB".into())),
            vec!["c3", "c1"],
        ),
        (
            "region filter folds accents",
            "",
            with(|f| f.region = Some("da nang".into())),
            vec!["c2"],
        ),
        (
            "blank filter = any",
            "",
            with(|f| f.region = Some(" ".into())),
            vec!["c3", "c2", "c1"],
        ),
        (
            "owner filter",
            "",
            with(|f| f.owner = Some("r2".into())),
            vec!["c2"],
        ),
        (
            "active",
            "",
            with(|f| f.status = Some(CustomerStatus::Active)),
            vec!["c1"],
        ),
        (
            "churned",
            "",
            with(|f| f.status = Some(CustomerStatus::Churned)),
            vec!["c2"],
        ),
        (
            "prospects",
            "",
            with(|f| f.status = Some(CustomerStatus::Prospect)),
            vec!["c3"],
        ),
        (
            "query and filter together",
            "schmidt",
            with(|f| f.status = Some(CustomerStatus::Active)),
            vec!["c1"],
        ),
    ];
    for (case, query, filter, expected) in rows {
        let ids: Vec<String> = customer_rows(&data, query, &filter, today)
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, expected, "{case}");
    }
    let rows = customer_rows(&data, "", &none, today);
    let c1 = rows.iter().find(|r| r.id == "c1").expect("c1 listed");
    assert_eq!(c1.owner_name.as_deref(), Some("Anna Schmidt"), "owner name");
    assert_eq!(
        c1.last_contact,
        Some(day("2026-11-02")),
        "last contact: the call"
    );
    assert_eq!(c1.buyer, BuyerKind::Repeat, "two orders");
    // Before the churn day c2 was still active.
    let before = customer_rows(&data, "trading", &none, day("2026-09-30"));
    assert_eq!(
        before[0].status,
        CustomerStatus::Active,
        "status is read on today"
    );
}

#[test]
fn fold_table() {
    for (case, text, folded) in [
        ("German", "Müller Straße", "muller strasse"),
        ("Vietnamese", "Đà Nẵng Hồ Chí Minh", "da nang ho chi minh"),
        (
            "Hungarian",
            "Árvíztűrő tükörfúrógép",
            "arvizturo tukorfurogep",
        ),
        ("Czech", "Příliš žluťoučký kůň", "prilis zlutoucky kun"),
        ("other scripts untouched", "東京 Kraków", "東京 krakow"),
    ] {
        assert_eq!(fold(text), folded, "{case}");
    }
}

#[test]
fn buyer_kind_table() {
    let data = data();
    for (case, id, expected) in [
        ("two orders: repeat", "c1", BuyerKind::Repeat),
        (
            "a won deal and the order delivering it: one purchase",
            "c2",
            BuyerKind::FirstTime,
        ),
        ("nothing bought", "c3", BuyerKind::None),
        ("unknown customer", "nobody", BuyerKind::None),
    ] {
        assert_eq!(buyer_kind(&data, id), expected, "{case}");
    }
}

#[test]
fn timeline_newest_first() {
    let mine = |mut d: Deal, id: &str| {
        d.id = id.into();
        d.customer_id = Some("c1".into());
        d
    };
    let complaint = Feedback {
        complaint: Some("Late".into()),
        resolved_on: Some(day("2026-07-05")),
        ..feedback_of("c1", "2026-07-01")
    };
    let score = Feedback {
        csat: Some(4),
        ..feedback_of("c1", "2026-08-01")
    };
    let data = Dataset {
        deals: vec![
            mine(deal(DealStatus::Open, 100, "2026-09-01", ""), "open"),
            mine(
                deal(DealStatus::Won, 200, "2026-04-01", "2026-05-01"),
                "won",
            ),
            mine(
                deleted(deal(DealStatus::Open, 300, "2026-10-01", "")),
                "gone",
            ),
        ]
        .into(),
        orders: vec![
            order_to("c1", "", 1_000, None, "2026-02-01"),
            order_to("c1", "", 2_000, None, "2026-06-01"),
            order_to("c2", "", 3_000, None, "2026-06-02"),
        ]
        .into(),
        activities: vec![
            activity_of(ActivityKind::Visit, "2026-06-01", 60, "r1", "c1"),
            deleted(activity_of(ActivityKind::Call, "2026-10-01", 5, "r1", "c1")),
        ]
        .into(),
        feedback: vec![complaint, score].into(),
        ..Dataset::default()
    };
    let entries = timeline(&data, "c1");
    let got: Vec<(String, RecordKind)> = entries
        .iter()
        .map(|e| (e.date.to_string(), e.target.kind))
        .collect();
    let expected: Vec<(String, RecordKind)> = [
        ("2026-09-01", RecordKind::Deal),     // open: on its created day
        ("2026-08-01", RecordKind::Feedback), // the score
        ("2026-07-01", RecordKind::Feedback), // the complaint
        ("2026-06-01", RecordKind::Order),    // same day: orders before activities
        ("2026-06-01", RecordKind::Activity),
        ("2026-05-01", RecordKind::Deal), // won: on its close day
        ("2026-02-01", RecordKind::Order),
    ]
    .iter()
    .map(|(d, k)| ((*d).to_owned(), *k))
    .collect();
    assert_eq!(
        got, expected,
        "newest first; deleted and other customers' records left out"
    );
    assert!(
        matches!(
            &entries[2].event,
            kpi::customer_view::TimelineEvent::Complaint {
                resolved_on: Some(_),
                ..
            }
        ),
        "complaint entry"
    );
    assert!(
        matches!(
            entries[6].event,
            kpi::customer_view::TimelineEvent::Order {
                amount: Money(1_000),
                kind: OrderKind::Repeat
            }
        ),
        "order entry"
    );
    assert!(
        timeline(&data, "nobody").is_empty(),
        "unknown customer: empty"
    );
}

/// (case, customer, reason, day, expected)
type ChurnRow<'a> = (
    &'a str,
    &'a Customer,
    &'a str,
    &'a str,
    Result<(), Vec<RecordError>>,
);

#[test]
fn churn_and_win_back_table() {
    let active = customer_of("c", "r1", "2026-01-10", "");
    let churned = Customer {
        churn_reason: Some("Moved".into()),
        ..customer_of("c", "r1", "2026-01-10", "2026-10-01")
    };
    let prospect = customer_of("c", "r1", "", "");
    let err = |field, problem| RecordError { field, problem };
    let rows: Vec<ChurnRow> = vec![
        (
            "churned with a trimmed reason",
            &active,
            " Moved abroad ",
            "2026-11-22",
            Ok(()),
        ),
        (
            "on the acquisition day",
            &active,
            "Bankrupt",
            "2026-01-10",
            Ok(()),
        ),
        (
            "reason required",
            &active,
            "  ",
            "2026-11-22",
            Err(vec![err("churn_reason", Problem::Required)]),
        ),
        (
            "before acquired",
            &active,
            "x",
            "2026-01-09",
            Err(vec![err("churned_on", Problem::DateOrder)]),
        ),
        (
            "a prospect cannot churn",
            &prospect,
            "x",
            "2026-11-22",
            Err(vec![err("acquired_on", Problem::Required)]),
        ),
        (
            "already churned, no reason: both named",
            &churned,
            "",
            "2026-11-22",
            Err(vec![
                err("churned_on", Problem::Conflict),
                err("churn_reason", Problem::Required),
            ]),
        ),
    ];
    for (case, customer, reason, on, expected) in rows {
        match (mark_churned(customer, reason, day(on)), expected) {
            (Ok(c), Ok(())) => {
                assert_eq!(c.churned_on, Some(day(on)), "{case}");
                assert_eq!(c.churn_reason.as_deref(), Some(reason.trim()), "{case}");
                assert!(kpi::Rules::rule_errors(&c).is_empty(), "{case}: valid");
            }
            (got, expected) => assert_eq!(got.map(|_| ()), expected, "{case}"),
        }
    }
    let back = win_back(&churned, day("2026-11-22")).expect("won back");
    assert_eq!(
        (back.churned_on, back.churn_reason.clone()),
        (None, None),
        "win back clears the churn"
    );
    assert!(back.active_on(day("2026-11-22")), "active again");
    assert_eq!(
        win_back(&churned, day("2026-10-01")).map(|c| c.churned_on),
        Ok(None),
        "on the churn day"
    );
    assert_eq!(
        win_back(&churned, day("2026-09-30")),
        Err(vec![err("churned_on", Problem::DateOrder)]),
        "before the churn"
    );
    assert_eq!(
        win_back(&active, day("2026-11-22")),
        Err(vec![err("churned_on", Problem::Required)]),
        "not churned"
    );
}
