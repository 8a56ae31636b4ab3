//! The "today" list on a small dataset with a pinned today (2026-11-22).

use kpi::follow_ups::{follow_ups, FollowUp, FollowUpKind};
use kpi::{
    Activity, ActivityKind, Customer, Dataset, Deal, DealKind, DealStatus, Feedback, Money, Order,
    OrderKind, RecordKind, Scope, Settings,
};

use crate::support::{
    activity_of, customer_of, day, deal, deleted, feedback_of, opt_day, order, rep,
};

const TODAY: &str = "2026-11-22";

fn contact(customer: &str, date: &str) -> Activity {
    activity_of(ActivityKind::Call, date, 10, "r1", customer)
}

fn complaint(id: &str, customer: &str, date: &str, resolved: &str) -> Feedback {
    Feedback {
        id: id.into(),
        complaint: Some("Late".into()),
        resolved_on: opt_day(resolved),
        ..feedback_of(customer, date)
    }
}

fn open_deal(id: &str, customer: &str, expected: &str, status: DealStatus, kind: DealKind) -> Deal {
    let closed = if status == DealStatus::Open {
        ""
    } else {
        "2026-11-01"
    };
    Deal {
        id: id.into(),
        customer_id: (!customer.is_empty()).then(|| customer.into()),
        rep_id: Some("r1".into()),
        expected_close: opt_day(expected),
        kind,
        ..deal(status, 1_000, "2026-01-01", closed)
    }
}

fn ord(customer: &str, kind: OrderKind, amount: i64, date: &str) -> Order {
    Order {
        id: format!("o-{customer}-{date}-{amount}"),
        customer_id: Some(customer.into()),
        ..order(kind, amount, date)
    }
}

/// Orders of `amounts` to `customer`, one on the 10th of each month from January 2026.
fn monthly(customer: &str, amounts: &[i64]) -> Vec<Order> {
    amounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            ord(
                customer,
                OrderKind::Repeat,
                *a,
                &format!("2026-{:02}-10", i + 1),
            )
        })
        .collect()
}

fn data() -> Dataset {
    let c = customer_of;
    let mut orders = vec![
        // Cross-sell candidates (owner r3).
        ord("loyal", OrderKind::New, 100, "2026-02-01"),
        ord("loyal", OrderKind::Repeat, 100, "2026-05-01"),
        ord("upsold", OrderKind::New, 100, "2026-02-01"),
        ord("upsold", OrderKind::Upsell, 100, "2026-06-01"),
        ord("full", OrderKind::New, 100, "2026-02-01"),
        ord("full", OrderKind::Upsell, 100, "2026-03-01"),
        ord("full", OrderKind::CrossSell, 100, "2026-04-01"),
        ord("young", OrderKind::New, 100, "2026-09-01"),
        ord("edge3m", OrderKind::New, 100, "2026-08-22"),
        ord("working", OrderKind::New, 100, "2026-01-15"),
        ord("wonup", OrderKind::New, 100, "2026-03-01"),
    ];
    // Dropping order values (owner r4).
    orders.extend(monthly("drop", &[1_000, 1_000, 1_000, 700, 700, 700]));
    orders.extend(monthly("steady", &[1_000, 1_000, 1_000, 800, 800, 800]));
    orders.extend(monthly("exact", &[1_000, 1_000, 1_000, 750, 750, 750]));
    orders.extend(monthly("five", &[1_000, 1_000, 100, 100, 100]));
    orders.extend(monthly("future", &[1_000, 1_000, 1_000, 100, 100]));
    orders.push(ord("future", OrderKind::Repeat, 100, "2026-12-01"));
    orders.extend(monthly("steep", &[1_000, 1_000, 1_000, 100, 100, 101]));
    orders.extend(monthly(
        "long",
        &[500, 500, 500, 1_000, 1_000, 1_000, 600, 600, 600],
    ));
    orders.extend(monthly("lost", &[1_000, 1_000, 1_000, 100, 100, 100]));
    orders.push(deleted(ord("steady", OrderKind::Repeat, 1, "2026-11-01")));
    Dataset {
        customers: vec![
            c("quiet", "r1", "2026-01-05", ""),
            c("recent", "r1", "2026-01-05", ""),
            c("never", "r1", "2026-10-12", ""),
            c("edge30", "r1", "2026-10-23", ""),
            c("edge29", "r1", "2026-10-24", ""),
            c("future_contact", "r1", "2026-02-05", ""),
            c("churned", "r1", "2026-01-01", "2026-06-01"),
            c("prospect", "r1", "", ""),
            deleted(c("gone", "r1", "2026-01-01", "")),
            c("other", "r2", "2026-01-05", ""),
            c("loyal", "r3", "2026-02-01", ""),
            c("upsold", "r3", "2026-02-01", ""),
            c("full", "r3", "2026-02-01", ""),
            c("young", "r3", "2026-09-01", ""),
            c("edge3m", "r3", "2026-08-22", ""),
            c("working", "r3", "2026-01-15", ""),
            c("wonup", "r3", "2026-03-01", ""),
            c("nothing", "r3", "2026-01-01", ""),
            c("drop", "r4", "2026-01-01", ""),
            c("steady", "r4", "2026-01-01", ""),
            c("exact", "r4", "2026-01-01", ""),
            c("five", "r4", "2026-01-01", ""),
            c("future", "r4", "2026-01-01", ""),
            c("steep", "r4", "2026-01-01", ""),
            c("long", "r4", "2026-01-01", ""),
            c("lost", "r4", "2026-01-01", "2026-11-01"),
        ]
        .into(),
        activities: vec![
            contact("quiet", "2026-10-01"),
            contact("recent", "2026-11-20"),
            contact("future_contact", "2026-12-01"),
            deleted(contact("never", "2026-11-21")),
        ]
        .into(),
        feedback: vec![
            complaint("fb1", "quiet", "2026-11-01", ""),
            complaint("fb2", "recent", "2026-10-02", ""),
            complaint("fb3", "quiet", "2026-10-01", "2026-11-05"),
            deleted(complaint("fb4", "quiet", "2026-09-01", "")),
            complaint("fb5", "quiet", "2026-11-25", ""),
            complaint("fb6", "other", "2026-11-15", ""),
            complaint("fb7", "gone", "2026-11-10", ""),
        ]
        .into(),
        deals: vec![
            open_deal("d1", "quiet", "2026-11-20", DealStatus::Open, DealKind::New),
            open_deal("d2", "gone", "2026-10-23", DealStatus::Open, DealKind::New),
            open_deal("d3", "quiet", TODAY, DealStatus::Open, DealKind::New),
            open_deal("d4", "quiet", "2026-10-01", DealStatus::Won, DealKind::New),
            deleted(open_deal(
                "d5",
                "quiet",
                "2026-10-01",
                DealStatus::Open,
                DealKind::New,
            )),
            open_deal("d6", "quiet", "", DealStatus::Open, DealKind::New),
            open_deal("up", "working", "", DealStatus::Open, DealKind::Upsell),
            open_deal("won-up", "wonup", "", DealStatus::Won, DealKind::Upsell),
        ]
        .into(),
        orders: orders.into(),
        ..Dataset::default()
    }
}

fn of_kind(list: &[FollowUp], kind: &str) -> Vec<FollowUpKind> {
    list.iter()
        .filter(|f| f.kind.id() == kind)
        .map(|f| f.kind.clone())
        .collect()
}

fn not_contacted(id: &str, last: &str, days: i64) -> FollowUpKind {
    FollowUpKind::NotContacted {
        customer_id: id.into(),
        last_contact: opt_day(last),
        days,
    }
}

#[test]
fn not_contacted_table() {
    let data = data();
    let settings = |days: Option<u32>| Settings {
        follow_up_days: days,
        ..Settings::default()
    };
    let rows: Vec<(&str, Scope, Option<u32>, Vec<FollowUpKind>)> = vec![
        (
            "default 30 days, rep r1: longest silence first; a future contact, a deleted one, \
             churned, prospects and deleted customers don't count; 29 days is not enough",
            rep("r1"),
            None,
            vec![
                // Acquired 2026-02-05, its only call is after today: 290 days.
                not_contacted("future_contact", "", 290),
                not_contacted("quiet", "2026-10-01", 52),
                not_contacted("never", "", 41),
                not_contacted("edge30", "", 30),
            ],
        ),
        (
            "60 days in the settings",
            rep("r1"),
            Some(60),
            vec![not_contacted("future_contact", "", 290)],
        ),
        (
            "rep r2",
            rep("r2"),
            None,
            vec![not_contacted("other", "", 321)],
        ),
    ];
    for (case, scope, days, expected) in rows {
        let list = follow_ups(&data, &scope, day(TODAY), &settings(days));
        assert_eq!(of_kind(&list, "not_contacted"), expected, "{case}");
    }
    // Orders are contacts too: every r3/r4 customer's last order is in the list's
    // threshold or not as its date says ("edge3m" bought 92 days ago).
    let list = follow_ups(&data, &rep("r3"), day(TODAY), &Settings::default());
    assert!(
        of_kind(&list, "not_contacted").contains(&not_contacted("edge3m", "2026-08-22", 92)),
        "order as last contact"
    );
}

#[test]
fn open_complaints_oldest_first() {
    let data = data();
    let complaint = |id: &str, customer: Option<&str>, age| FollowUpKind::OpenComplaint {
        feedback_id: id.into(),
        customer_id: customer.map(str::to_owned),
        age_days: age,
    };
    let everyone = follow_ups(&data, &Scope::Everyone, day(TODAY), &Settings::default());
    assert_eq!(
        of_kind(&everyone, "open_complaint"),
        vec![
            complaint("fb2", Some("recent"), 51),
            complaint("fb1", Some("quiet"), 21),
            // Its customer is deleted: listed, but not linked to the tombstone.
            complaint("fb7", None, 12),
            complaint("fb6", Some("other"), 7),
        ],
        "everyone: resolved, deleted and future complaints left out"
    );
    let r2 = follow_ups(&data, &rep("r2"), day(TODAY), &Settings::default());
    assert_eq!(
        of_kind(&r2, "open_complaint"),
        vec![complaint("fb6", Some("other"), 7)],
        "by the customer's owner"
    );
    let fb2 = everyone
        .iter()
        .find(|f| f.kind.id() == "open_complaint")
        .unwrap();
    assert_eq!(
        (fb2.target.kind, fb2.target.id.as_str()),
        (RecordKind::Feedback, "fb2"),
        "links to the feedback"
    );
}

#[test]
fn overdue_deals_most_overdue_first() {
    let data = data();
    let overdue = |id: &str, customer: Option<&str>, days| FollowUpKind::OverdueDeal {
        deal_id: id.into(),
        customer_id: customer.map(str::to_owned),
        days_overdue: days,
    };
    let list = follow_ups(&data, &rep("r1"), day(TODAY), &Settings::default());
    assert_eq!(
        of_kind(&list, "overdue_deal"),
        vec![overdue("d2", None, 30), overdue("d1", Some("quiet"), 2)],
        "due today, won, deleted and undated deals are not overdue"
    );
    assert!(
        of_kind(
            &follow_ups(&data, &rep("r2"), day(TODAY), &Settings::default()),
            "overdue_deal"
        )
        .is_empty(),
        "other rep"
    );
}

#[test]
fn cross_sell_table() {
    let data = data();
    let candidate = |id: &str, has, missing| FollowUpKind::CrossSell {
        customer_id: id.into(),
        has_kind: has,
        missing_kind: missing,
    };
    use OrderKind::{CrossSell, New, Repeat, Upsell};
    let list = follow_ups(&data, &rep("r3"), day(TODAY), &Settings::default());
    assert_eq!(
        of_kind(&list, "cross_sell"),
        vec![
            // An open upsell deal counts as having upsell.
            candidate("working", New, CrossSell),
            candidate("loyal", Repeat, Upsell),
            candidate("upsold", Upsell, CrossSell),
            // A won upsell deal without an order is an upsell purchase.
            candidate("wonup", Upsell, CrossSell),
            // Acquired exactly 3 months before today.
            candidate("edge3m", New, Upsell),
        ],
        "longest-standing first; 'full' has both, 'young' is too new, 'nothing' never bought"
    );
}

#[test]
fn dropping_orders_table() {
    let data = data();
    let dropping = |id: &str, previous, recent| FollowUpKind::DroppingOrders {
        customer_id: id.into(),
        previous_avg: Money(previous),
        recent_avg: Money(recent),
    };
    let list = follow_ups(&data, &rep("r4"), day(TODAY), &Settings::default());
    assert_eq!(
        of_kind(&list, "dropping_orders"),
        vec![
            // 301 / 3 = 100.33 → 100; 301 / 3000 ≈ 10 %.
            dropping("steep", 1_000, 100),
            // Only the last six orders count: 1,800 / 3,000 = 60 %.
            dropping("long", 1_000, 600),
            // 2,100 / 3,000 = 70 % < 75 %.
            dropping("drop", 1_000, 700),
        ],
        "steepest first; 80 % and exactly 75 % are not dropping; five orders (one in the \
         future) are too few; churned customers are left out"
    );
}

#[test]
fn list_is_grouped_and_never_names_deleted_records() {
    let data = data();
    let list = follow_ups(&data, &Scope::Everyone, day(TODAY), &Settings::default());
    let order = [
        "not_contacted",
        "open_complaint",
        "overdue_deal",
        "cross_sell",
        "dropping_orders",
    ];
    let groups: Vec<usize> = list
        .iter()
        .map(|f| order.iter().position(|k| *k == f.kind.id()).unwrap())
        .collect();
    assert!(
        groups.windows(2).all(|w| w[0] <= w[1]),
        "grouped by kind in a fixed order"
    );
    for kind in order {
        assert!(
            groups.contains(&order.iter().position(|k| *k == kind).unwrap()),
            "{kind} present"
        );
    }
    for f in &list {
        let live = match f.target.kind {
            RecordKind::Customer => data.find::<Customer>(&f.target.id).is_some(),
            RecordKind::Deal => data.find::<Deal>(&f.target.id).is_some(),
            RecordKind::Feedback => data.find::<Feedback>(&f.target.id).is_some(),
            _ => false,
        };
        assert!(live, "{:?} links to a live record", f.target);
    }
    assert_eq!(
        list,
        follow_ups(&data, &Scope::Everyone, day(TODAY), &Settings::default()),
        "deterministic"
    );
    assert!(
        follow_ups(
            &Dataset::default(),
            &Scope::Everyone,
            day(TODAY),
            &Settings::default()
        )
        .is_empty(),
        "empty dataset"
    );
}

#[test]
fn demo_data_has_a_day_to_plan() {
    let today = day(TODAY);
    let data = kpi::demo_dataset(today, crate::support::instant());
    let list = follow_ups(&data, &Scope::Everyone, today, &data.settings);
    assert!(!list.is_empty(), "the demo gives the rep something to do");
    assert_eq!(
        list,
        follow_ups(&data, &Scope::Everyone, today, &data.settings),
        "same list twice"
    );
    let rows = kpi::customer_view::customer_rows(&data, "", &Default::default(), today);
    assert_eq!(
        rows.len(),
        data.live::<Customer>().count(),
        "every demo customer listed"
    );
}
