use kpi::diagnosis::{
    comparable_previous, decompose, decompose_target, diagnose, Decomposition, Driver as D,
    Drivers, NextStep, PlanBasis, SecondaryFactors,
};
use kpi::DealStatus::{Lost, Open, Won};
use kpi::{Dataset, Deal, Money, OrderKind, Period, Scope, Slice};

use crate::support::{customer_of, day, deal, lead_of, order, order_to, owned_by, rep_in};

/// Drivers from the raw counts and amounts in minor units.
fn drivers(leads: u32, opened: u32, closed: u32, won: u32, deals: i64, other: i64) -> Drivers {
    Drivers {
        leads,
        deals_opened: opened,
        deals_closed: closed,
        deals_won: won,
        deal_revenue: Money(deals),
        other_revenue: Money(other),
    }
}

/// 20 leads, 10 deals opened, 8 closed, 4 won at 1,000.00: factors 20 × 0.5 × 0.8 ×
/// 0.5 × 100,000 = 400,000.
fn last_month() -> Drivers {
    drivers(20, 10, 8, 4, 400_000, 0)
}

/// Checks every driver's amount (unlisted drivers: 0), the exact sum and the ranking.
fn check(case: &str, got: &Decomposition, gap: i64, expected: &[(D, i64)]) {
    assert_eq!(got.gap, Money(gap), "case {case:?}: gap");
    for &driver in D::ALL {
        let want = expected
            .iter()
            .find(|(d, _)| *d == driver)
            .map_or(0, |(_, m)| *m);
        assert_eq!(
            got.amount(driver),
            Money(want),
            "case {case:?}: {}",
            driver.id()
        );
    }
    let sum: i64 = got.contributions.iter().map(|c| c.amount.minor()).sum();
    assert_eq!(sum, gap, "case {case:?}: contributions add up to the gap");
    assert_eq!(got.contributions.len(), D::ALL.len(), "case {case:?}");
    assert!(
        got.contributions
            .windows(2)
            .all(|w| w[0].amount <= w[1].amount),
        "case {case:?}: ranked most negative first"
    );
}

type Row = (&'static str, Drivers, Drivers, i64, Vec<(D, i64)>);

#[test]
fn decompose_against_the_previous_period_table() {
    let rows: Vec<Row> = vec![
        (
            "identical periods: nothing to explain",
            last_month(),
            last_month(),
            0,
            vec![],
        ),
        (
            "fewer leads, same rates: all on leads",
            drivers(10, 5, 4, 2, 200_000, 0),
            last_month(),
            -200_000,
            vec![(D::Leads, -200_000)],
        ),
        (
            "same leads, lower win rate (0.5 → 0.25): all on win rate",
            drivers(20, 10, 8, 2, 200_000, 0),
            last_month(),
            -200_000,
            vec![(D::WinRate, -200_000)],
        ),
        (
            "same funnel, smaller deals (1,000 → 750): all on deal size",
            drivers(20, 10, 8, 4, 300_000, 0),
            last_month(),
            -100_000,
            vec![(D::DealSize, -100_000)],
        ),
        (
            "fewer deals closed (8 → 4, win rate kept): all on throughput",
            drivers(20, 10, 4, 2, 200_000, 0),
            last_month(),
            -200_000,
            vec![(D::Throughput, -200_000)],
        ),
        (
            "fewer deals opened per lead (10 → 5 of 20): all on conversion",
            drivers(20, 5, 4, 2, 200_000, 0),
            last_month(),
            -200_000,
            vec![(D::Conversion, -200_000)],
        ),
        (
            // K = 0.5 × 0.8 × 100,000 = 40,000; leads 20 → 40, win rate 0.5 → 0.75:
            // leads K × 20 × (0.75 + 0.5) ÷ 2, win rate K × 0.25 × (40 + 20) ÷ 2.
            "more leads and a better win rate: Shapley shares",
            drivers(40, 20, 16, 12, 1_200_000, 0),
            last_month(),
            800_000,
            vec![(D::Leads, 500_000), (D::WinRate, 300_000)],
        ),
        (
            // Every factor doubles (8 → 16 leads, each rate 0.5 → 1, size 500 → 1,000):
            // the gap 1,600,000 − 50,000 is split in five equal shares.
            "everything up: equal shares",
            drivers(16, 16, 16, 16, 1_600_000, 0),
            drivers(8, 4, 2, 1, 50_000, 0),
            1_550_000,
            vec![
                (D::Leads, 310_000),
                (D::Conversion, 310_000),
                (D::Throughput, 310_000),
                (D::WinRate, 310_000),
                (D::DealSize, 310_000),
            ],
        ),
        (
            "no leads at all (and so nothing else): all on leads, the empty steps after it change nothing",
            Drivers::default(),
            last_month(),
            -400_000,
            vec![(D::Leads, -400_000)],
        ),
        (
            "back from nothing: the mirror of no leads at all",
            last_month(),
            Drivers::default(),
            400_000,
            vec![(D::Leads, 400_000)],
        ),
        (
            "leads but no deal opened: all on conversion",
            drivers(20, 0, 0, 0, 0, 0),
            last_month(),
            -400_000,
            vec![(D::Conversion, -400_000)],
        ),
        (
            "deals closed but none won: all on win rate",
            drivers(20, 10, 8, 0, 0, 0),
            last_month(),
            -400_000,
            vec![(D::WinRate, -400_000)],
        ),
        (
            "orders not tied to deals: other revenue, additive",
            drivers(20, 10, 8, 4, 400_000, 20_000),
            drivers(20, 10, 8, 4, 400_000, 50_000),
            -30_000,
            vec![(D::OtherRevenue, -30_000)],
        ),
        (
            // Leads 1 → 2 (+1 × (1 + 2) ÷ 2 = 1.5), deal size 2 → 1 (−1 × (2 + 1) ÷ 2
            // = −1.5): rounded half away from zero, still summing to 0.
            "more leads, smaller deals cancel out: half units rounded away from zero",
            drivers(2, 2, 2, 2, 2, 0),
            drivers(1, 1, 1, 1, 2, 0),
            0,
            vec![(D::Leads, 2), (D::DealSize, -2)],
        ),
        (
            // No leads recorded: leads = deals opened, conversion 1 in both periods.
            "a rep who keeps no leads: deals opened stand for the leads",
            drivers(0, 5, 4, 2, 200_000, 0),
            drivers(0, 10, 8, 4, 400_000, 0),
            -200_000,
            vec![(D::Leads, -200_000)],
        ),
    ];
    for (case, actual, reference, gap, expected) in rows {
        check(case, &decompose(&actual, &reference), gap, &expected);
    }
}

type TargetRow = (
    &'static str,
    Drivers,
    Drivers,
    i64,
    PlanBasis,
    i64,
    Vec<(D, i64)>,
);

#[test]
fn decompose_against_a_target_table() {
    let rows: Vec<TargetRow> = vec![
        (
            // Plan: every factor × 2^(1/5); actual misses each by the same ratio.
            "flat month against a target twice last month's: the miss spread evenly",
            last_month(),
            last_month(),
            800_000,
            PlanBasis::Previous,
            -400_000,
            vec![
                (D::Leads, -80_000),
                (D::Conversion, -80_000),
                (D::Throughput, -80_000),
                (D::WinRate, -80_000),
                (D::DealSize, -80_000),
            ],
        ),
        (
            "target equal to last month's revenue: the decomposition against last month",
            drivers(20, 10, 8, 2, 200_000, 0),
            last_month(),
            400_000,
            PlanBasis::Previous,
            -200_000,
            vec![(D::WinRate, -200_000)],
        ),
        (
            // Plan other = 150,000 × 100,000 ÷ 100,000, plan deals 0: the previous
            // funnel was empty (its ratios take the actual values), leads 0 → 1.
            "target, previous period sold only orders",
            drivers(1, 1, 1, 1, 50_000, 80_000),
            drivers(0, 0, 0, 0, 0, 100_000),
            150_000,
            PlanBasis::Previous,
            -20_000,
            vec![(D::OtherRevenue, -70_000), (D::Leads, 50_000)],
        ),
        (
            "target with zero previous revenue: the actual mix scaled, the miss spread evenly",
            drivers(10, 5, 4, 2, 200_000, 0),
            Drivers::default(),
            300_000,
            PlanBasis::Actual,
            -100_000,
            vec![
                (D::Leads, -20_000),
                (D::Conversion, -20_000),
                (D::Throughput, -20_000),
                (D::WinRate, -20_000),
                (D::DealSize, -20_000),
            ],
        ),
        (
            // Plan other = 300,000 × 50,000 ÷ 250,000 = 60,000, plan deals 240,000.
            "target with zero previous revenue, orders in the mix: split in the actual proportions",
            drivers(10, 5, 4, 2, 200_000, 50_000),
            Drivers::default(),
            300_000,
            PlanBasis::Actual,
            -50_000,
            vec![
                (D::OtherRevenue, -10_000),
                (D::Leads, -8_000),
                (D::Conversion, -8_000),
                (D::Throughput, -8_000),
                (D::WinRate, -8_000),
                (D::DealSize, -8_000),
            ],
        ),
        (
            "nothing sold in either period, no leads: the whole target on leads",
            Drivers::default(),
            Drivers::default(),
            300_000,
            PlanBasis::FirstEmptyStep,
            -300_000,
            vec![(D::Leads, -300_000)],
        ),
        (
            "nothing sold in either period, leads but no deals: the whole target on conversion",
            drivers(7, 0, 0, 0, 0, 0),
            drivers(3, 0, 0, 0, 0, 0),
            300_000,
            PlanBasis::FirstEmptyStep,
            -300_000,
            vec![(D::Conversion, -300_000)],
        ),
        (
            "nothing sold in either period, deals lost: the whole target on win rate",
            drivers(7, 4, 2, 0, 0, 0),
            Drivers::default(),
            300_000,
            PlanBasis::FirstEmptyStep,
            -300_000,
            vec![(D::WinRate, -300_000)],
        ),
        (
            "zero target, nothing sold: nothing to explain",
            Drivers::default(),
            Drivers::default(),
            0,
            PlanBasis::FirstEmptyStep,
            0,
            vec![],
        ),
    ];
    for (case, actual, previous, target, basis, gap, expected) in rows {
        let got = decompose_target(&actual, &previous, Money(target));
        assert_eq!(got.basis, basis, "case {case:?}: basis");
        assert_eq!(got.target, Money(target), "case {case:?}");
        assert_eq!(
            got.plan_deal_revenue.minor() + got.plan_other_revenue.minor(),
            target,
            "case {case:?}: the plan reaches the target"
        );
        check(case, &got.decomposition, gap, &expected);
    }
}

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

fn today() -> chrono::NaiveDate {
    day("2026-12-15")
}

fn with(deal: Deal, change: impl FnOnce(&mut Deal)) -> Deal {
    let mut deal = deal;
    change(&mut deal);
    deal
}

/// ann and bob in team north.
fn dataset() -> Dataset {
    Dataset {
        reps: vec![rep_in("ann", "north"), rep_in("bob", "north")].into(),
        ..Dataset::default()
    }
}

#[test]
fn drivers_of_a_slice_table() {
    let rows: Vec<(&str, Dataset, Scope, Drivers)> = vec![
        ("empty dataset", dataset(), Scope::Everyone, Drivers::default()),
        (
            "orders not tied to deals are other revenue; an order naming its deal is not counted twice",
            Dataset {
                deals: vec![deal(Won, 100_000, "2026-11-02", "2026-11-10")].into(),
                orders: vec![
                    order(OrderKind::Repeat, 30_000, "2026-11-12"),
                    kpi::Order {
                        deal_id: Some("deal-100000-2026-11-02-2026-11-10".into()),
                        ..order(OrderKind::New, 100_000, "2026-11-20")
                    },
                ].into(),
                ..dataset()
            },
            Scope::Everyone,
            drivers(0, 1, 1, 1, 100_000, 30_000),
        ),
        (
            "leads and deals of the period: opened by created date, closed and won by close date",
            Dataset {
                leads: vec![
                    lead_of("l1", "ann", "2026-11-01", ""),
                    lead_of("l2", "ann", "2026-11-30", "2026-12-01"),
                    lead_of("l3", "ann", "2026-10-31", "2026-11-02"),
                ].into(),
                deals: vec![
                    deal(Won, 50_000, "2026-10-01", "2026-11-05"),
                    deal(Lost, 70_000, "2026-11-03", "2026-11-20"),
                    deal(Open, 90_000, "2026-11-04", ""),
                    deal(Won, 20_000, "2026-11-06", "2026-12-01"),
                ].into(),
                ..dataset()
            },
            Scope::Everyone,
            drivers(2, 3, 2, 1, 50_000, 0),
        ),
        (
            "a rep's scope: leads by owner, deals and orders by rep",
            Dataset {
                leads: vec![
                    lead_of("l1", "ann", "2026-11-01", ""),
                    lead_of("l2", "bob", "2026-11-02", ""),
                ].into(),
                deals: vec![
                    owned_by("ann", deal(Won, 50_000, "2026-11-01", "2026-11-05")),
                    owned_by("bob", deal(Won, 70_000, "2026-11-01", "2026-11-05")),
                ].into(),
                orders: vec![
                    order_to("c1", "ann", 5_000, None, "2026-11-07"),
                    order_to("c1", "bob", 9_000, None, "2026-11-07"),
                ].into(),
                ..dataset()
            },
            Scope::Rep("ann".into()),
            drivers(1, 1, 1, 1, 50_000, 5_000),
        ),
    ];
    for (case, data, scope, want) in rows {
        let slice = Slice::new(&data, november(), &scope, today());
        let got = Drivers::of(&slice);
        assert_eq!(got, want, "case {case:?}");
        let revenue = kpi::metrics::sales::SalesMetrics::of(&slice).revenue;
        assert_eq!(
            got.revenue(),
            revenue,
            "case {case:?}: same revenue as the sales family"
        );
    }
}

#[test]
fn factors_table() {
    let rows: Vec<(&str, Drivers, [Option<f64>; 5])> = vec![
        (
            "a full funnel",
            last_month(),
            [Some(20.0), Some(0.5), Some(0.8), Some(0.5), Some(100_000.0)],
        ),
        (
            "nothing: leads 0, every ratio no data",
            Drivers::default(),
            [Some(0.0), None, None, None, None],
        ),
        (
            "more closed than opened: opened raised to closed, leads to opened",
            drivers(3, 2, 6, 3, 30_000, 0),
            [Some(6.0), Some(1.0), Some(1.0), Some(0.5), Some(10_000.0)],
        ),
        (
            "revenue without a won deal (hand-made): counted as one",
            drivers(0, 0, 0, 0, 500, 0),
            [Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(500.0)],
        ),
    ];
    for (case, drivers, want) in rows {
        let f = drivers.factors();
        let got = [
            Some(f.leads),
            f.conversion,
            f.throughput,
            f.win_rate,
            f.deal_size,
        ];
        assert_eq!(got, want, "case {case:?}");
    }
}

#[test]
fn secondary_factors_table() {
    let discounted = |amount: i64, discount: i64, created: &str, closed: &str| {
        with(deal(Won, amount, created, closed), |d| {
            d.discount = Some(Money(discount))
        })
    };
    let expecting = |status, amount: i64, expected: &str, closed: &str| {
        with(deal(status, amount, "2026-10-01", closed), |d| {
            d.expected_close = Some(day(expected))
        })
    };
    let rows: Vec<(&str, Dataset, SecondaryFactors)> = vec![
        ("nothing happened", dataset(), SecondaryFactors::default()),
        (
            "slipped: expected in the period, still open at its end (or closed only after)",
            Dataset {
                deals: vec![
                    expecting(Open, 10_000, "2026-11-20", ""),
                    expecting(Won, 20_000, "2026-11-20", "2026-12-02"),
                    expecting(Won, 40_000, "2026-11-20", "2026-11-25"),
                    expecting(Open, 80_000, "2026-12-20", ""),
                    expecting(Open, 160_000, "2026-10-20", ""),
                ]
                .into(),
                ..dataset()
            },
            SecondaryFactors {
                slipped_deals: 2,
                slipped_amount: Money(30_000),
                discount_given: Money::ZERO,
                discount_rate: Some(0.0),
                ..SecondaryFactors::default()
            },
        ),
        (
            // November: 20,000 off 100,000 list = 0.2; October 0.1: 10,000 beyond.
            "discounting: more than at the previous rate",
            Dataset {
                deals: vec![
                    discounted(80_000, 20_000, "2026-11-01", "2026-11-10"),
                    discounted(90_000, 10_000, "2026-10-01", "2026-10-10"),
                ]
                .into(),
                ..dataset()
            },
            SecondaryFactors {
                discount_given: Money(20_000),
                discount_rate: Some(0.2),
                previous_discount_rate: Some(0.1),
                extra_discount: Some(Money(10_000)),
                ..SecondaryFactors::default()
            },
        ),
        (
            "churn: October's revenue from a customer who churned in November",
            Dataset {
                customers: vec![
                    customer_of("c1", "ann", "2025-01-01", "2026-11-15"),
                    customer_of("c2", "ann", "2025-01-01", ""),
                ]
                .into(),
                orders: vec![
                    order_to("c1", "ann", 12_000, None, "2026-10-05"),
                    order_to("c2", "ann", 7_000, None, "2026-10-05"),
                ]
                .into(),
                ..dataset()
            },
            SecondaryFactors {
                churned_revenue: Money(12_000),
                ..SecondaryFactors::default()
            },
        ),
    ];
    for (case, data, want) in rows {
        let scope = Scope::Everyone;
        let got = SecondaryFactors::of(&Slice::new(&data, november(), &scope, today()));
        assert_eq!(got, want, "case {case:?}");
    }
}

#[test]
fn diagnose_table() {
    // October: 4 leads, 2 deals won of 2 at 1,000.00. November: 4 leads, 1 won of 2
    // (a lost one), a slipped deal, and a churned customer who bought in October.
    let data = Dataset {
        customers: vec![customer_of("c1", "ann", "2025-01-01", "2026-11-15")].into(),
        leads: (1..=4)
            .map(|i| lead_of(&format!("oct-{i}"), "ann", "2026-10-02", ""))
            .chain((1..=4).map(|i| lead_of(&format!("nov-{i}"), "ann", "2026-11-02", "")))
            .collect(),
        deals: vec![
            deal(Won, 100_000, "2026-10-03", "2026-10-20"),
            deal(Won, 100_000, "2026-10-04", "2026-10-21"),
            deal(Won, 100_000, "2026-11-03", "2026-11-20"),
            deal(Lost, 100_000, "2026-11-04", "2026-11-21"),
            with(deal(Open, 50_000, "2026-11-05", ""), |d| {
                d.expected_close = Some(day("2026-11-28"))
            }),
        ]
        .into(),
        orders: vec![order_to("c1", "ann", 10_000, None, "2026-10-25")].into(),
        ..dataset()
    };
    let scope = Scope::Everyone;
    let got = diagnose(&data, november(), &scope, today(), Some(Money(300_000)));
    assert_eq!(got.previous_period, november().previous());
    assert_eq!(got.actual, drivers(4, 3, 2, 1, 100_000, 0));
    assert_eq!(got.previous, drivers(4, 2, 2, 2, 200_000, 10_000));
    // vs October: conversion 0.5 → 0.75, throughput 1 → 2/3 (deals opened 2 → 3,
    // closed 2); win rate 1 → 0.5; other revenue −10,000.
    let vs = &got.vs_previous;
    assert_eq!(vs.gap, Money(-110_000));
    assert_eq!(vs.amount(D::OtherRevenue), Money(-10_000));
    assert_eq!(vs.amount(D::Leads), Money::ZERO);
    assert_eq!(vs.amount(D::DealSize), Money::ZERO);
    let sum: i64 = vs.contributions.iter().map(|c| c.amount.minor()).sum();
    assert_eq!(sum, -110_000);
    assert_eq!(vs.contributions[0].driver, D::WinRate, "win rate cost most");
    let target = got.vs_target.as_ref().expect("a target");
    assert_eq!(target.basis, PlanBasis::Previous);
    assert_eq!(target.decomposition.gap, Money(-200_000));
    let sum: i64 = target
        .decomposition
        .contributions
        .iter()
        .map(|c| c.amount.minor())
        .sum();
    assert_eq!(sum, -200_000);
    assert_eq!(got.secondary.slipped_amount, Money(50_000));
    assert_eq!(got.secondary.churned_revenue, Money(10_000));
    let steps = got.next_steps();
    assert_eq!(steps[0], NextStep::TrainingAndFollowUp, "{steps:?}");
    for step in [NextStep::ChaseSlippedDeals, NextStep::RetentionWork] {
        assert!(steps.contains(&step), "{steps:?} lacks {step:?}");
    }
    let mut unique = steps.clone();
    unique.dedup();
    assert_eq!(unique.len(), steps.len(), "each step once");
    assert_eq!(
        diagnose(&data, november(), &scope, today(), None).vs_target,
        None
    );
}

#[test]
fn ids_are_stable() {
    let drivers: Vec<&str> = D::ALL.iter().map(|d| d.id()).collect();
    assert_eq!(
        drivers,
        [
            "leads",
            "conversion",
            "throughput",
            "win_rate",
            "deal_size",
            "other_revenue"
        ]
    );
    let steps: Vec<(&str, &str)> = D::ALL
        .iter()
        .map(|d| (d.id(), d.next_step().id()))
        .collect();
    assert_eq!(
        steps,
        [
            ("leads", "more_prospecting"),
            ("conversion", "qualify_leads"),
            ("throughput", "chase_slipped_deals"),
            ("win_rate", "training_and_follow_up"),
            ("deal_size", "pricing_and_discount_discipline"),
            ("other_revenue", "repeat_business"),
        ]
    );
    assert_eq!(NextStep::RetentionWork.id(), "retention_work");
}

#[test]
fn comparable_previous_table() {
    let rows = [
        (
            "period over: the whole previous month",
            "2026-12-15",
            "2026-10-01",
            "2026-10-31",
        ),
        (
            "last day of the period: the whole previous month",
            "2026-11-30",
            "2026-10-01",
            "2026-10-31",
        ),
        (
            "15 days in: the previous month's first 15 days",
            "2026-11-15",
            "2026-10-01",
            "2026-10-15",
        ),
        (
            "first day: the previous month's first day",
            "2026-11-01",
            "2026-10-01",
            "2026-10-01",
        ),
        (
            "not started: the whole previous month",
            "2026-10-20",
            "2026-10-01",
            "2026-10-31",
        ),
    ];
    for (case, today, start, end) in rows {
        let got = comparable_previous(november(), day(today));
        assert_eq!(
            (got.start, got.end),
            (day(start), day(end)),
            "case {case:?}"
        );
    }
    // March 31 days in, February has 28: at most the whole of February.
    let march = Period::month_of(day("2026-03-01"));
    let got = comparable_previous(march, day("2026-03-30"));
    assert_eq!((got.start, got.end), (day("2026-02-01"), day("2026-02-28")));
    // While running, a deal won later in October is not compared.
    let data = Dataset {
        deals: vec![
            deal(Won, 100_000, "2026-10-01", "2026-10-10"),
            deal(Won, 100_000, "2026-10-01", "2026-10-20"),
            deal(Won, 100_000, "2026-11-01", "2026-11-10"),
        ]
        .into(),
        ..dataset()
    };
    let got = diagnose(&data, november(), &Scope::Everyone, day("2026-11-15"), None);
    assert_eq!(got.previous.deal_revenue, Money(100_000));
    assert_eq!(got.vs_previous.gap, Money::ZERO);
}
