//! The rep's day: board totals, moves, lead conversion, follow-ups, search — over
//! generated data.

use chrono::{DateTime, Utc};
use kpi::customer_view::{buyer_kind, customer_rows, fold, last_contact, timeline, CustomerFilter};
use kpi::follow_ups::{follow_ups, FollowUpKind};
use kpi::leads::{convert_lead, ConvertInput, NewIds};
use kpi::pipeline_board::{board, lost_reasons, move_deal, MoveTo};
use kpi::{
    Activity, ActivityKind, Customer, Dataset, Deal, DealStatus, Feedback, Lead, Money,
    NumberLocale, Order, OrderKind, Period, RecordKind, Scope, Settings, Source,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::generate::{any_dataset, date, instant, recent_date, valid_dataset};

const POOL: usize = 5;

fn id_in(prefix: &'static str) -> impl Strategy<Value = Option<String>> {
    proptest::option::of((0..POOL).prop_map(move |i| format!("{prefix}{i}")))
}

fn tombstone() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    prop_oneof![3 => Just(None), 1 => instant().prop_map(Some)]
}

fn customers() -> impl Strategy<Value = Vec<Customer>> {
    prop::collection::vec(
        (
            tombstone(),
            id_in("r"),
            proptest::option::of(recent_date()),
            proptest::option::of(recent_date()),
            "\\PC{0,8}",
        ),
        POOL,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (deleted_at, owner_id, acquired_on, churned_on, name))| Customer {
                    id: format!("c{i}"),
                    updated_at: DateTime::UNIX_EPOCH,
                    deleted_at,
                    name,
                    segment: String::new(),
                    region: String::new(),
                    source: Source::Inbound,
                    acquired_on,
                    churned_on: churned_on.filter(|_| acquired_on.is_some()),
                    churn_reason: None,
                    owner_id,
                },
            )
            .collect()
    })
}

/// A dataset whose records point at a small pool of customers and reps, some deleted.
fn linked_dataset() -> impl Strategy<Value = Dataset> {
    let deal = (
        tombstone(),
        id_in("c"),
        id_in("r"),
        select(vec!["prospecting", "demo", "negotiation", "pilot"]),
        select(DealStatus::ALL),
        0_i64..1_000_000,
        recent_date(),
        proptest::option::of(recent_date()),
        select(kpi::DealKind::ALL),
    );
    let order = (
        tombstone(),
        id_in("c"),
        recent_date(),
        0_i64..1_000_000,
        select(OrderKind::ALL),
    );
    let activity = (tombstone(), id_in("c"), recent_date());
    let feedback = (
        tombstone(),
        id_in("c"),
        recent_date(),
        proptest::option::of(recent_date()),
    );
    (
        customers(),
        prop::collection::vec(deal, 0..10),
        prop::collection::vec(order, 0..16),
        prop::collection::vec(activity, 0..10),
        prop::collection::vec(feedback, 0..8),
    )
        .prop_map(|(customers, deals, orders, activities, feedback)| Dataset {
            customers: customers.into(),
            deals: deals
                .into_iter()
                .enumerate()
                .map(
                    |(
                        i,
                        (
                            deleted_at,
                            customer_id,
                            rep_id,
                            stage,
                            status,
                            amount,
                            created,
                            expected,
                            kind,
                        ),
                    )| Deal {
                        id: format!("d{i}"),
                        updated_at: DateTime::UNIX_EPOCH,
                        deleted_at,
                        title: "t".into(),
                        customer_id,
                        rep_id,
                        stage: stage.into(),
                        status,
                        amount: Money(amount),
                        cost: None,
                        discount: None,
                        probability: None,
                        kind,
                        created_on: created,
                        expected_close: expected,
                        closed_on: status.is_closed().then_some(created),
                        lost_reason: None,
                    },
                )
                .collect(),
            orders: orders
                .into_iter()
                .enumerate()
                .map(|(i, (deleted_at, customer_id, date, amount, kind))| Order {
                    id: format!("o{i}"),
                    updated_at: DateTime::UNIX_EPOCH,
                    deleted_at,
                    customer_id,
                    rep_id: None,
                    deal_id: None,
                    date,
                    amount: Money(amount),
                    cost: None,
                    kind,
                })
                .collect(),
            activities: activities
                .into_iter()
                .enumerate()
                .map(|(i, (deleted_at, customer_id, date))| Activity {
                    id: format!("a{i}"),
                    updated_at: DateTime::UNIX_EPOCH,
                    deleted_at,
                    kind: ActivityKind::Call,
                    date,
                    minutes: 10,
                    rep_id: None,
                    customer_id,
                    deal_id: None,
                    note: String::new(),
                })
                .collect(),
            feedback: feedback
                .into_iter()
                .enumerate()
                .map(
                    |(i, (deleted_at, customer_id, date, resolved_on))| Feedback {
                        id: format!("f{i}"),
                        updated_at: DateTime::UNIX_EPOCH,
                        deleted_at,
                        customer_id,
                        date,
                        csat: None,
                        nps: None,
                        complaint: Some("late".into()),
                        resolved_on: resolved_on.filter(|r| *r >= date),
                    },
                )
                .collect(),
            ..Dataset::default()
        })
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::Everyone),
        (0..POOL).prop_map(|i| Scope::Rep(format!("r{i}"))),
        Just(Scope::Team("t".into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Σ column totals = Σ amount of the live open deals; every one is on the board once.
    #[test]
    fn board_totals_equal_open_deals(data in valid_dataset()) {
        let columns = board(&data, &Scope::Everyone);
        let open: Vec<&Deal> = data.live_deals().filter(|d| d.status == DealStatus::Open).collect();
        let total = columns.iter().fold(Money::ZERO, |t, c| t.saturating_add(c.total));
        let expected = open.iter().fold(Money::ZERO, |t, d| t.saturating_add(d.amount));
        prop_assert_eq!(total, expected);
        let mut ids: Vec<&str> = columns.iter().flat_map(|c| c.deal_ids.iter().map(String::as_str)).collect();
        ids.sort_unstable();
        let mut wanted: Vec<&str> = open.iter().map(|d| d.id.as_str()).collect();
        wanted.sort_unstable();
        prop_assert_eq!(ids, wanted);
        for c in &columns {
            prop_assert!(c.weighted <= c.total);
            prop_assert!(c.drop_off.is_none_or(|d| (0.0..=1.0).contains(&d)));
        }
    }

    /// Any dataset (any amounts, dates, stages), any scope and day: nothing panics.
    #[test]
    fn nothing_panics(data in any_dataset(), scope in scope(), day in date(), query in "\\PC{0,12}") {
        let _ = board(&data, &scope);
        let _ = lost_reasons(&data, &Period::month_of(day), &scope);
        let _ = follow_ups(&data, &scope, day, &data.settings);
        let _ = customer_rows(&data, &query, &CustomerFilter::default(), day);
        for deal in data.live_deals() {
            let _ = timeline(&data, deal.customer_id.as_deref().unwrap_or(""));
            for to in [MoveTo::Next, MoveTo::Previous, MoveTo::Stage(deal.stage.clone())] {
                let _ = move_deal(deal, &to, &data.settings);
            }
            let _ = kpi::pipeline_board::close_lost(deal, &query, day);
        }
        let _ = kpi::churn_chart::churn_chart(&data, &scope, day, 13);
    }

    /// Next then previous (or previous then next) gives back the stage.
    #[test]
    fn next_then_previous_returns(data in valid_dataset(), forward in any::<bool>()) {
        let settings = &data.settings;
        for deal in data.live_deals() {
            let (there, back) = if forward { (MoveTo::Next, MoveTo::Previous) } else { (MoveTo::Previous, MoveTo::Next) };
            match move_deal(deal, &there, settings) {
                Ok(moved) => {
                    let returned = move_deal(&moved, &back, settings).expect("the way back exists");
                    prop_assert_eq!(returned, deal.clone());
                }
                Err(_) => prop_assert!(deal.status.is_closed() || settings.stage_index(&deal.stage).is_some_and(|i| i == 0 || i + 1 == settings.stages.len())),
            }
        }
    }

    /// A conversion adds exactly one customer and one deal, linked to each other and to
    /// the lead; a refused one changes nothing (nothing is returned).
    #[test]
    fn conversion_adds_one_customer_and_one_deal(
        name in "\\PC{0,12}",
        created in recent_date(),
        today in recent_date(),
        amount in "[0-9]{0,6}",
        converted in any::<bool>(),
        data in linked_dataset(),
    ) {
        let lead = Lead {
            id: "lead".into(),
            updated_at: DateTime::UNIX_EPOCH,
            deleted_at: None,
            name,
            source: Source::Outbound,
            owner_id: Some("r1".into()),
            created_on: created,
            qualified_on: None,
            converted_on: converted.then_some(created),
            customer_id: None,
            deal_id: None,
            disqualified_on: None,
            disqualified_reason: None,
        };
        let input = ConvertInput { amount, ..ConvertInput::from_lead(&lead) };
        let ids = NewIds { customer: "new-customer".into(), deal: "new-deal".into() };
        let mut after = data.clone();
        after.leads.push(lead.clone());
        if let Ok((lead, customer, deal)) = convert_lead(&lead, &input, &ids, &Settings::default(), NumberLocale::En, DateTime::UNIX_EPOCH, today) {
            after.upsert(lead.clone());
            after.upsert(customer.clone());
            after.upsert(deal.clone());
            prop_assert_eq!(after.customers.len(), data.customers.len() + 1);
            prop_assert_eq!(after.deals.len(), data.deals.len() + 1);
            prop_assert_eq!(after.leads.len(), 1);
            prop_assert_eq!(deal.customer_id.as_deref(), Some(customer.id.as_str()));
            prop_assert_eq!(lead.customer_id.as_deref(), Some(customer.id.as_str()));
            prop_assert_eq!(lead.deal_id.as_deref(), Some(deal.id.as_str()));
            prop_assert!(deal.validate().is_empty());
            prop_assert!(kpi::Rules::rule_errors(&customer).is_empty());
            prop_assert!(kpi::Rules::rule_errors(&lead).is_empty());
            prop_assert!(!converted && today >= created);
        }
    }

    /// Every follow-up links to a live record and names only live customers and deals.
    #[test]
    fn follow_ups_never_list_deleted_records(data in linked_dataset(), scope in scope(), today in recent_date(), days in 0_u32..400) {
        let settings = Settings { follow_up_days: Some(days), ..Settings::default() };
        let list = follow_ups(&data, &scope, today, &settings);
        let live = |kind: RecordKind, id: &str| match kind {
            RecordKind::Customer => data.find::<Customer>(id).is_some(),
            RecordKind::Deal => data.find::<Deal>(id).is_some(),
            RecordKind::Feedback => data.find::<Feedback>(id).is_some(),
            _ => false,
        };
        for f in &list {
            prop_assert!(live(f.target.kind, &f.target.id), "{:?}", f);
            let customer = match &f.kind {
                FollowUpKind::NotContacted { customer_id, days, .. } => {
                    prop_assert!(*days >= i64::from(settings.follow_up_after_days()));
                    Some(customer_id)
                }
                FollowUpKind::OpenComplaint { customer_id, age_days, .. } => {
                    prop_assert!(*age_days >= 0);
                    customer_id.as_ref()
                }
                FollowUpKind::OverdueDeal { customer_id, days_overdue, .. } => {
                    prop_assert!(*days_overdue > 0);
                    customer_id.as_ref()
                }
                FollowUpKind::CrossSell { customer_id, .. } => Some(customer_id),
                FollowUpKind::DroppingOrders { customer_id, previous_avg, recent_avg } => {
                    prop_assert!(recent_avg < previous_avg);
                    Some(customer_id)
                }
            };
            if let Some(id) = customer {
                prop_assert!(live(RecordKind::Customer, id), "{:?}", f);
            }
        }
        prop_assert_eq!(list, follow_ups(&data, &scope, today, &settings));
    }

    /// Search never panics, folding is idempotent, a blank query lists every live
    /// customer, and the timeline lists only live records, newest first.
    #[test]
    fn search_and_timeline(data in linked_dataset(), query in "\\PC{0,12}", today in recent_date()) {
        prop_assert_eq!(fold(&fold(&query)), fold(&query));
        let rows = customer_rows(&data, &query, &CustomerFilter::default(), today);
        prop_assert!(rows.len() <= data.live::<Customer>().count());
        let all = customer_rows(&data, "", &CustomerFilter::default(), today);
        prop_assert_eq!(all.len(), data.live::<Customer>().count());
        for row in &all {
            prop_assert_eq!(row.buyer, buyer_kind(&data, &row.id));
            prop_assert_eq!(row.last_contact, last_contact(&data, &row.id, today));
        }
        for i in 0..POOL {
            let entries = timeline(&data, &format!("c{i}"));
            prop_assert!(entries.windows(2).all(|w| w[0].date >= w[1].date));
            for e in &entries {
                let live = match e.target.kind {
                    RecordKind::Order => data.find::<Order>(&e.target.id).is_some(),
                    RecordKind::Deal => data.find::<Deal>(&e.target.id).is_some(),
                    RecordKind::Activity => data.find::<Activity>(&e.target.id).is_some(),
                    RecordKind::Feedback => data.find::<Feedback>(&e.target.id).is_some(),
                    _ => false,
                };
                prop_assert!(live);
            }
        }
    }
}
