use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use kpi::demo::{
    demo_seed, generate, renew_ids, DemoSize, DEMO_DEALS, DEMO_MONTHS, DEMO_WON_THIS_MONTH,
    MIN_DEALS,
};
use kpi::{
    demo_dataset, kpi_values, working_days, ActivityKind, Dataset, DealKind, DealStatus,
    ExpenseCategory, KpiValue, OrderKind, Period, Scope, Slice, Source, Unit,
};

use crate::support::{day, instant};

/// Anchors with their case names: mid-month on a Sunday, the first of a year (a
/// Friday), a leap day, the last of a year, the first of a month on a Saturday.
const ANCHORS: [(&str, &str); 5] = [
    ("mid-month Sunday", "2026-11-22"),
    ("first of the year", "2027-01-01"),
    ("leap day", "2028-02-29"),
    ("last of the year", "2026-12-31"),
    ("first of a month, Saturday", "2026-08-01"),
];

#[test]
fn same_inputs_same_data_other_inputs_other_data() {
    let anchor = day("2026-11-22");
    assert_eq!(
        demo_dataset(anchor, instant()),
        demo_dataset(anchor, instant())
    );
    assert_ne!(
        demo_dataset(anchor, instant()),
        demo_dataset(day("2026-11-23"), instant())
    );
    let size = DemoSize { deals: 120 };
    assert_eq!(
        generate(7, anchor, instant(), size),
        generate(7, anchor, instant(), size)
    );
    assert_ne!(
        generate(7, anchor, instant(), size),
        generate(8, anchor, instant(), size)
    );
    assert_eq!(
        demo_dataset(anchor, instant()),
        generate(demo_seed(anchor), anchor, instant(), DemoSize::default()),
        "the demo is generate with the anchor's seed and the default size"
    );
}

#[test]
fn size_sets_the_number_of_deals() {
    let anchor = day("2026-11-22");
    let cases = [
        ("default", DemoSize::default(), DEMO_DEALS),
        (
            "tiny is raised to the minimum",
            DemoSize { deals: 3 },
            MIN_DEALS,
        ),
        ("a bench size", DemoSize { deals: 2_000 }, 2_000),
    ];
    for (case, size, deals) in cases {
        let data = generate(1, anchor, instant(), size);
        assert_eq!(data.deals.len(), deals, "{case}");
        assert_eq!(data.problems(), vec![], "{case}");
        assert_eq!(data.reps.len(), 5, "{case}");
    }
    // The other collections grow in proportion.
    let small = generate(1, anchor, instant(), DemoSize { deals: 200 });
    let large = generate(1, anchor, instant(), DemoSize { deals: 2_000 });
    for (name, small, large) in [
        ("customers", small.customers.len(), large.customers.len()),
        ("leads", small.leads.len(), large.leads.len()),
        ("orders", small.orders.len(), large.orders.len()),
        ("activities", small.activities.len(), large.activities.len()),
        ("feedback", small.feedback.len(), large.feedback.len()),
    ] {
        let factor = large as f64 / small as f64;
        assert!((8.0..=12.0).contains(&factor), "{name}: ×{factor}");
    }
}

#[test]
fn default_demo_stays_small_enough_for_local_storage() {
    let data = demo_dataset(day("2026-11-22"), instant());
    let json = serde_json::to_string(&data).unwrap();
    assert!(json.len() < 1_000_000, "{} bytes", json.len());
}

#[test]
fn demo_is_valid_and_believable_for_any_anchor() {
    for (case, anchor) in ANCHORS {
        let anchor = day(anchor);
        let data = demo_dataset(anchor, instant());
        check_demo(case, anchor, &data);
    }
    for seed in 0..20 {
        let anchor = day("2027-03-15");
        let data = generate(seed, anchor, instant(), DemoSize { deals: MIN_DEALS });
        check_demo(&format!("seed {seed}, minimum size"), anchor, &data);
    }
}

fn check_demo(case: &str, anchor: NaiveDate, data: &Dataset) {
    let history_start = Period::trailing_months(anchor, DEMO_MONTHS)[0].start;
    let this_month = Period::month_of(anchor);
    assert_eq!(data.problems(), vec![], "{case}");

    // Every collection has records.
    let sizes = [
        ("teams", data.teams.len()),
        ("reps", data.reps.len()),
        ("customers", data.customers.len()),
        ("leads", data.leads.len()),
        ("deals", data.deals.len()),
        ("orders", data.orders.len()),
        ("activities", data.activities.len()),
        ("expenses", data.expenses.len()),
        ("feedback", data.feedback.len()),
    ];
    for (name, len) in sizes {
        assert!(len > 0, "{case}: no {name}");
    }

    // Ids: unique, UUID-v4-shaped; every record stamped now, none deleted.
    let mut ids = BTreeSet::new();
    let mut stamp = |id: &str, updated_at, deleted: bool| {
        let bytes = id.as_bytes();
        assert!(
            bytes.len() == 36 && bytes[14] == b'4' && b"89ab".contains(&bytes[19]),
            "{case}: UUID v4 shape {id}"
        );
        assert!(ids.insert(id.to_owned()), "{case}: duplicate id {id}");
        assert_eq!(updated_at, instant(), "{case}: {id}");
        assert!(!deleted, "{case}: {id} deleted");
    };
    data.teams
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.reps
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.customers
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.leads
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.deals
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.orders
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.activities
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.expenses
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));
    data.feedback
        .iter()
        .for_each(|r| stamp(&r.id, r.updated_at, r.deleted_at.is_some()));

    // Five reps in two teams; one left during the history, one was hired in it; "me"
    // is a rep still employed; a monthly target is set.
    assert_eq!((data.reps.len(), data.teams.len()), (5, 2), "{case}");
    let teams: BTreeSet<_> = data.teams.iter().map(|t| Some(&t.id)).collect();
    let used: BTreeSet<_> = data.reps.iter().map(|r| r.team_id.as_ref()).collect();
    assert_eq!(
        used, teams,
        "{case}: every rep in one of the two teams, both used"
    );
    let in_history = |d: Option<NaiveDate>| d.is_some_and(|d| history_start <= d && d <= anchor);
    assert_eq!(
        data.reps.iter().filter(|r| in_history(r.left_on)).count(),
        1,
        "{case}"
    );
    assert_eq!(
        data.reps.iter().filter(|r| in_history(r.hired_on)).count(),
        1,
        "{case}"
    );
    let me = data
        .settings
        .me
        .as_deref()
        .and_then(|id| data.find::<kpi::Rep>(id));
    assert!(me.is_some_and(|r| r.employed_on(anchor)), "{case}: me");
    assert!(
        data.settings.monthly_target.is_some_and(|t| t.minor() > 0),
        "{case}"
    );

    // Relations point at existing records.
    let set = |ids: Vec<&String>| ids.into_iter().cloned().collect::<BTreeSet<_>>();
    let reps = set(data.reps.iter().map(|r| &r.id).collect());
    let customers = set(data.customers.iter().map(|r| &r.id).collect());
    let deals: BTreeMap<_, _> = data.deals.iter().map(|d| (d.id.clone(), d)).collect();
    let points = |id: &Option<String>, at: &BTreeSet<String>, what: &str| {
        let id = id
            .as_ref()
            .unwrap_or_else(|| panic!("{case}: {what} missing"));
        assert!(at.contains(id), "{case}: {what} {id} does not exist");
    };
    let optional = |id: &Option<String>, at: &BTreeSet<String>, what: &str| {
        if id.is_some() {
            points(id, at, what);
        }
    };
    let deal_ids = set(deals.keys().collect());
    for c in &data.customers {
        points(&c.owner_id, &reps, "customer owner");
    }
    for lead in &data.leads {
        points(&lead.owner_id, &reps, "lead owner");
        optional(&lead.customer_id, &customers, "lead customer");
        optional(&lead.deal_id, &deal_ids, "lead deal");
        assert_eq!(
            lead.converted_on.is_some(),
            lead.customer_id.is_some(),
            "{case}"
        );
    }
    for deal in &data.deals {
        points(&deal.customer_id, &customers, "deal customer");
        points(&deal.rep_id, &reps, "deal rep");
    }
    for order in &data.orders {
        points(&order.customer_id, &customers, "order customer");
        points(&order.rep_id, &reps, "order rep");
        optional(&order.deal_id, &deal_ids, "order deal");
    }
    for activity in &data.activities {
        points(&activity.rep_id, &reps, "activity rep");
        optional(&activity.customer_id, &customers, "activity customer");
        optional(&activity.deal_id, &deal_ids, "activity deal");
    }
    for expense in &data.expenses {
        optional(&expense.rep_id, &reps, "expense rep");
    }
    for feedback in &data.feedback {
        points(&feedback.customer_id, &customers, "feedback customer");
    }

    // Orders tied to a deal deliver a won deal, one each, on its close date.
    let mut delivered = BTreeSet::new();
    for order in data.orders.iter().filter(|o| o.deal_id.is_some()) {
        let deal = deals[order.deal_id.as_ref().unwrap()];
        assert_eq!(deal.status, DealStatus::Won, "{case}");
        assert_eq!(
            (order.date, order.amount),
            (deal.closed_on.unwrap(), deal.amount)
        );
        assert!(delivered.insert(&deal.id), "{case}: delivered twice");
    }
    let won = data
        .deals
        .iter()
        .filter(|d| d.status == DealStatus::Won)
        .count();
    assert_eq!(delivered.len(), won, "{case}: every won deal delivered");

    // Nothing after the anchor but open deals' expected close; reps work while employed.
    let mut dates: Vec<(&str, NaiveDate)> = Vec::new();
    for r in &data.reps {
        dates.extend(r.hired_on.map(|d| ("hired", d)));
        dates.extend(r.left_on.map(|d| ("left", d)));
    }
    for c in &data.customers {
        dates.extend(c.acquired_on.map(|d| ("acquired", d)));
        dates.extend(c.churned_on.map(|d| ("churned", d)));
    }
    for l in &data.leads {
        dates.push(("lead created", l.created_on));
        dates.extend(l.qualified_on.map(|d| ("qualified", d)));
        dates.extend(l.converted_on.map(|d| ("converted", d)));
        dates.extend(l.disqualified_on.map(|d| ("disqualified", d)));
    }
    for d in &data.deals {
        dates.push(("deal created", d.created_on));
        dates.extend(d.closed_on.map(|c| ("closed", c)));
        if d.status.is_closed() {
            dates.extend(d.expected_close.map(|c| ("expected", c)));
        } else {
            assert!(
                d.expected_close.is_some_and(|e| e > anchor),
                "{case}: open deal"
            );
        }
    }
    dates.extend(data.orders.iter().map(|o| ("order", o.date)));
    dates.extend(data.expenses.iter().map(|e| ("expense", e.date)));
    for f in &data.feedback {
        dates.push(("feedback", f.date));
        dates.extend(f.resolved_on.map(|d| ("resolved", d)));
    }
    for a in &data.activities {
        dates.push(("activity", a.date));
        assert!(
            !matches!(a.date.weekday(), Weekday::Sat | Weekday::Sun)
                || working_days(this_month.start, anchor) == 0,
            "{case}: activity on a weekend"
        );
        let rep = data.find::<kpi::Rep>(a.rep_id.as_deref().unwrap()).unwrap();
        assert!(
            rep.employed_on(a.date),
            "{case}: activity by a rep not employed"
        );
    }
    for (what, date) in dates {
        assert!(date <= anchor, "{case}: {what} {date} after the anchor");
    }
    let active_before = |what: &str, d: NaiveDate| {
        assert!(d >= history_start, "{case}: {what} {d} before the history");
    };
    data.orders
        .iter()
        .for_each(|o| active_before("order", o.date));
    data.activities
        .iter()
        .for_each(|a| active_before("activity", a.date));
    data.deals
        .iter()
        .for_each(|d| active_before("deal", d.created_on));
    data.leads
        .iter()
        .for_each(|l| active_before("lead", l.created_on));

    // Every kind of everything is there.
    let has = |found: bool, what: &str| assert!(found, "{case}: no {what}");
    for status in DealStatus::ALL {
        has(data.deals.iter().any(|d| d.status == *status), status.id());
    }
    for kind in DealKind::ALL {
        has(data.deals.iter().any(|d| d.kind == *kind), kind.id());
    }
    for kind in OrderKind::ALL {
        has(data.orders.iter().any(|o| o.kind == *kind), kind.id());
    }
    for kind in ActivityKind::ALL {
        has(
            data.activities
                .iter()
                .any(|a| a.kind == *kind && a.minutes > 0),
            kind.id(),
        );
    }
    for source in Source::ALL {
        has(data.leads.iter().any(|l| l.source == *source), source.id());
    }
    for month in Period::trailing_months(anchor, DEMO_MONTHS) {
        for category in ExpenseCategory::ALL {
            has(
                data.expenses
                    .iter()
                    .any(|e| e.category == *category && month.contains(e.date)),
                &format!("{} in {}", category.id(), month.start),
            );
        }
    }
    has(
        data.deals.iter().any(|d| d.cost.is_some()),
        "deal with a cost",
    );
    has(data.deals.iter().any(|d| d.discount.is_some()), "discount");
    has(
        data.deals.iter().any(|d| d.probability.is_some()),
        "own probability",
    );
    has(
        data.leads.iter().any(|l| l.qualified_on.is_some()),
        "qualified lead",
    );
    has(
        data.leads.iter().any(|l| l.deal_id.is_some()),
        "lead turned deal",
    );
    has(
        data.leads.iter().any(|l| l.disqualified_reason.is_some()),
        "disqualified lead",
    );
    has(
        data.customers.iter().any(|c| c.churn_reason.is_some()),
        "churned customer",
    );
    has(
        data.customers.iter().any(|c| c.acquired_on.is_none()),
        "prospect",
    );
    has(
        data.orders
            .iter()
            .any(|o| o.kind == OrderKind::New && o.deal_id.is_none()),
        "direct order",
    );
    has(data.feedback.iter().any(|f| f.csat.is_some()), "CSAT");
    has(data.feedback.iter().any(|f| f.nps.is_some()), "NPS");
    let complaint = |resolved: bool| {
        data.feedback
            .iter()
            .any(|f| f.complaint.is_some() && f.resolved_on.is_some() == resolved)
    };
    has(complaint(true), "resolved complaint");
    has(complaint(false), "open complaint");

    // The anchor's month has won deals.
    let won_this_month = data
        .deals
        .iter()
        .filter(|d| {
            d.status == DealStatus::Won && d.closed_on.is_some_and(|c| this_month.contains(c))
        })
        .count();
    assert!(
        won_this_month >= DEMO_WON_THIS_MONTH,
        "{case}: {won_this_month} won"
    );
}

#[test]
fn every_kpi_has_data_in_the_anchors_month_quarter_and_year() {
    for (case, anchor) in ANCHORS {
        let anchor = day(anchor);
        let data = demo_dataset(anchor, instant());
        check_every_kpi(case, anchor, &data);
    }
    for seed in 0..10 {
        let anchor = day("2027-05-03");
        let data = generate(seed, anchor, instant(), DemoSize { deals: MIN_DEALS });
        check_every_kpi(&format!("seed {seed}, minimum size"), anchor, &data);
    }
}

fn check_every_kpi(case: &str, anchor: NaiveDate, data: &Dataset) {
    let everyone = Scope::Everyone;
    for period in [
        Period::month_of(anchor),
        Period::quarter_of(anchor),
        Period::year_of(anchor),
    ] {
        // A period whose working days have not started has no per-day rate.
        let no_working_day = working_days(period.start, anchor) == 0;
        let slice = Slice::new(data, period, &everyone, anchor);
        for (id, value) in kpi_values(&slice) {
            let def = id.def();
            let per_day = def.unit == Unit::PerDay;
            if no_working_day && per_day {
                continue;
            }
            // Compound growth needs two complete months inside the period, the first
            // with sales (small seeded demos may have none in January).
            if id == kpi::KpiId::CompoundMonthlyGrowth {
                let complete: Vec<Period> = period
                    .months()
                    .into_iter()
                    .filter(|m| m.start >= period.start && m.end <= anchor.min(period.end))
                    .collect();
                let first_sold = complete.first().is_some_and(|first| {
                    let month = Slice::new(data, *first, &everyone, anchor);
                    kpi_values(&month)[0].1 != KpiValue::Money(kpi::Money::ZERO)
                });
                if complete.len() < 2 || !first_sold {
                    continue;
                }
            }
            assert!(
                !value.is_no_data(),
                "{case}, {:?} from {}: {} has no data",
                period.kind,
                period.start,
                id.id()
            );
            let growth = [kpi::KpiId::RevenueGrowth, kpi::KpiId::CompoundMonthlyGrowth];
            if def.unit == Unit::Ratio && !growth.contains(&id) {
                let KpiValue::Ratio(x) = value else {
                    panic!("{case}: {} is not a ratio: {value:?}", id.id());
                };
                assert!(
                    (0.0..=1.0).contains(&x),
                    "{case}, {:?}: {} = {x}",
                    period.kind,
                    id.id()
                );
            }
        }
    }
}

#[test]
fn renewed_ids_keep_every_relation() {
    let anchor = day("2026-11-22");
    let original = generate(3, anchor, instant(), DemoSize { deals: 60 });
    let mut renewed = original.clone();
    let mut counter = 0_u64;
    renew_ids(&mut renewed, || {
        counter += 1;
        format!("00000000-0000-4000-8000-{counter:012x}")
    });
    assert_eq!(renewed.problems(), vec![]);
    assert_ne!(renewed.deals[0].id, original.deals[0].id);
    // The contest's participants are the renamed reps.
    let reps: Vec<&String> = renewed.reps.iter().map(|r| &r.id).collect();
    let participants: Vec<&String> = renewed.contests[0].participants.iter().collect();
    assert_eq!(participants, reps);
    assert_ne!(
        renewed.commission_plans[0].id,
        original.commission_plans[0].id
    );
    check_demo("renewed ids", anchor, &renewed);
    // The same KPIs: nothing was re-pointed at another record.
    let everyone = Scope::Everyone;
    let me_before = Scope::Rep(original.settings.me.clone().unwrap());
    let me_after = Scope::Rep(renewed.settings.me.clone().unwrap());
    for (scope_before, scope_after) in [(&everyone, &everyone), (&me_before, &me_after)] {
        let period = Period::year_of(anchor);
        let before = kpi_values(&Slice::new(&original, period, scope_before, anchor));
        let after = kpi_values(&Slice::new(&renewed, period, scope_after, anchor));
        assert_eq!(before, after);
    }
}
