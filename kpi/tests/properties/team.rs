//! Team features: the team import (idempotent, order-independent, nothing dropped),
//! commission (monotone in the basis, the cap holds, no panic on any input) and the
//! contest leaderboard (independent of the order of the records).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kpi::commission::{plan_lines, statement};
use kpi::contest::leaderboard;
use kpi::team_import::TeamImport;
use kpi::team_merge::MergeReport;
use kpi::{
    Accelerator, BonusTrigger, Bracket, CommissionBasis, CommissionPlan, Contest, Dataset, Deal,
    DealKind, DealStatus, GoalBonus, KpiId, Lineage, Measure, Money, Period, PlanKind, Rep,
    Threshold,
};
use proptest::prelude::*;
use proptest::sample::select;

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, hour, 0, 0).unwrap()
}

/// The imports run late on the day: no stamp of [`version`] is from the future.
fn import_files(base: &Dataset, files: &[Dataset]) -> MergeReport {
    kpi::team_merge::import_files(base, files, at(23))
}

fn prepare(base: &Dataset, files: &[(String, String)]) -> TeamImport {
    kpi::team_import::prepare(base, files, at(23))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A version of one of five deals, changed at one of four hours, with one of three
/// titles, maybe a tombstone: small pools, so files overlap, tie and conflict.
fn version() -> impl Strategy<Value = Deal> {
    (
        select(&["a", "b", "c", "d", "e"][..]),
        0_u32..4,
        select(&["A", "B", "C"][..]),
        any::<bool>(),
        select(&["ann", "bob", "cid"][..]),
        0_i64..1_000_000,
    )
        .prop_map(|(id, hour, title, deleted, rep, amount)| Deal {
            id: id.into(),
            updated_at: at(hour),
            deleted_at: deleted.then(|| at(hour)),
            title: title.into(),
            customer_id: None,
            rep_id: Some(rep.into()),
            cost: None,
            discount: None,
            probability: None,
            stage: "negotiation".into(),
            status: DealStatus::Won,
            amount: Money(amount),
            kind: DealKind::New,
            created_on: day("2026-11-01"),
            expected_close: None,
            closed_on: Some(day("2026-11-10")),
            lost_reason: None,
        })
}

fn rep(id: &str, hour: u32, name: &str) -> Rep {
    Rep {
        id: id.into(),
        updated_at: at(hour),
        deleted_at: None,
        name: name.into(),
        team_id: None,
        base_salary: Money::ZERO,
        hired_on: None,
        left_on: None,
    }
}

/// A rep's file: its own lineage, some deal versions (an id may repeat), a rep record.
fn rep_file() -> impl Strategy<Value = Dataset> {
    (
        "[a-z]{1,4}",
        prop::collection::vec(version(), 0..8),
        select(&["ann", "bob"][..]),
        0_u32..4,
    )
        .prop_map(|(lineage, deals, who, hour)| Dataset {
            lineage: Some(Lineage {
                id: lineage,
                started_at: at(1),
            }),
            reps: vec![rep(who, hour, who)].into(),
            deals: deals.into(),
            ..Dataset::default()
        })
}

/// The manager's base: unique ids, as the app keeps them.
fn base() -> impl Strategy<Value = Dataset> {
    prop::collection::vec(version(), 0..5).prop_map(|deals| {
        let mut seen = std::collections::HashSet::new();
        Dataset {
            deals: deals
                .into_iter()
                .filter(|d| seen.insert(d.id.clone()))
                .collect(),
            ..Dataset::default()
        }
    })
}

/// The dataset with every collection sorted by id (then the rest of the record), for
/// comparing contents regardless of order.
fn sorted(mut data: Dataset) -> Dataset {
    let key = |d: &Deal| serde_json::to_string(d).unwrap();
    data.deals.sort_by_key(key);
    data.reps.sort_by(|a, b| a.id.cmp(&b.id));
    data
}

proptest! {
    #[test]
    fn importing_a_file_twice_is_importing_it_once(base in base(), a in rep_file()) {
        let once = import_files(&base, std::slice::from_ref(&a));
        let again = import_files(&once.merged, std::slice::from_ref(&a));
        prop_assert_eq!(&again.merged, &once.merged);
        prop_assert!(again.is_noop());
        let doubled = import_files(&base, &[a.clone(), a]);
        prop_assert_eq!(&doubled.merged, &once.merged);
    }

    #[test]
    fn import_order_does_not_matter(base in base(), a in rep_file(), b in rep_file()) {
        let ab = import_files(&base, &[a.clone(), b.clone()]);
        let ba = import_files(&base, &[b.clone(), a.clone()]);
        prop_assert_eq!(&ab.merged, &ba.merged, "one call: the same dataset");
        let a_then_b = import_files(&import_files(&base, std::slice::from_ref(&a)).merged, std::slice::from_ref(&b));
        let b_then_a = import_files(&import_files(&base, &[b]).merged, &[a]);
        prop_assert_eq!(sorted(a_then_b.merged), sorted(b_then_a.merged), "separate calls: the same records");
        prop_assert_eq!(sorted(ab.merged), sorted(ba.merged));
    }

    #[test]
    fn nothing_is_dropped_and_the_newest_wins(base in base(), files in prop::collection::vec(rep_file(), 0..4)) {
        let report = import_files(&base, &files);
        let in_files: usize = files.iter().map(Dataset::record_count).sum();
        let accounted = report.added.len() + report.updated.len() + report.unchanged + report.conflicts.len();
        prop_assert_eq!(accounted, in_files);
        let mut newest: HashMap<&str, DateTime<Utc>> = HashMap::new();
        for deal in base.deals.iter().chain(files.iter().flat_map(|f| &f.deals)) {
            let at = newest.entry(deal.id.as_str()).or_insert(deal.updated_at);
            *at = (*at).max(deal.updated_at);
        }
        prop_assert_eq!(report.merged.deals.len(), newest.len(), "one record per id");
        for deal in &report.merged.deals {
            prop_assert_eq!(Some(&deal.updated_at), newest.get(deal.id.as_str()));
        }
        prop_assert_eq!(report.merged.lineage, base.lineage);
    }

    #[test]
    fn a_stamp_from_the_future_never_beats_a_real_one(base in base(), files in prop::collection::vec(rep_file(), 0..4)) {
        // At 01:00 the versions stamped 02:00 and 03:00 come from a wrong clock.
        let now = at(1);
        let report = kpi::team_merge::import_files(&base, &files, now);
        let sane = |stamp: DateTime<Utc>| !kpi::merge::is_from_future(stamp, now);
        for deal in report.merged.deals.iter() {
            if !base.deals.iter().any(|b| b == deal) {
                prop_assert!(sane(deal.updated_at), "a file's kept stamps are real or brought back to now");
            }
            let has_real_version = base.deals.iter().chain(files.iter().flat_map(|f| f.deals.iter()))
                .any(|d| d.id == deal.id && sane(d.updated_at));
            if has_real_version {
                prop_assert!(deal.updated_at < at(2), "a real version won over every future one");
            }
        }
        let again = kpi::team_merge::import_files(&report.merged, &files, now);
        prop_assert!(again.is_noop(), "importing the same files again changes nothing");
    }

    #[test]
    fn the_page_report_counts_every_record_of_every_file_once(base in base(), files in prop::collection::vec(rep_file(), 0..4)) {
        let named: Vec<(String, String)> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("rep-{i}.json"), kpi::schema::encode(f, at(5))))
            .collect();
        let import = prepare(&base, &named);
        // A file with the same id twice is refused by the reader, whole.
        for (summary, file) in import.files.iter().zip(files.iter().filter(|f| kpi::schema::decode(&kpi::schema::encode(f, at(5))).is_ok())) {
            prop_assert_eq!(summary.added + summary.updated + summary.unchanged + summary.conflicts, file.record_count());
        }
        prop_assert_eq!(import.files.len() + import.refused.len(), files.len());
        let again = prepare(&import.report.merged, &named);
        prop_assert!(again.changes_nothing(), "the same files again change nothing");
    }
}

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

fn accelerator() -> impl Strategy<Value = Option<Accelerator>> {
    prop_oneof![
        Just(None),
        (10_000_u32..=100_000).prop_map(|m| Some(Accelerator::Multiplier { multiplier_bp: m })),
        (0_u32..=10_000).prop_map(|r| Some(Accelerator::ExtraRate { rate_bp: r })),
    ]
}

/// Flat and marginal plans (by amount or by attainment), rates 0–100 %.
fn monotone_kind() -> impl Strategy<Value = PlanKind> {
    prop_oneof![
        (0_u32..=10_000).prop_map(|rate_bp| PlanKind::Flat { rate_bp }),
        prop::collection::vec((0_i64..2_000_000, 0_u32..=10_000), 1..5).prop_map(|b| {
            PlanKind::Marginal {
                brackets: b
                    .into_iter()
                    .map(|(from, rate_bp)| Bracket {
                        from: Threshold::Amount {
                            amount: Money(from),
                        },
                        rate_bp,
                    })
                    .collect(),
            }
        }),
        prop::collection::vec((0_u32..30_000, 0_u32..=10_000), 1..5).prop_map(|b| {
            PlanKind::Marginal {
                brackets: b
                    .into_iter()
                    .map(|(bp, rate_bp)| Bracket {
                        from: Threshold::Attainment { bp },
                        rate_bp,
                    })
                    .collect(),
            }
        }),
    ]
}

fn variable(kind: &PlanKind, accelerator: Option<Accelerator>, basis: i64, quota: i64) -> i64 {
    plan_lines(kind, accelerator, Money(basis), Money(quota))
        .iter()
        .map(|l| l.amount.minor())
        .sum()
}

fn plan(kind: PlanKind) -> CommissionPlan {
    CommissionPlan {
        id: "p".into(),
        updated_at: at(0),
        deleted_at: None,
        title: "Plan".into(),
        basis: CommissionBasis::WonAmount,
        monthly_quota: Money(1_000_000),
        kind,
        accelerator: None,
        goal_bonuses: vec![],
        deal_bonuses: vec![],
        cap: None,
        rep_ids: vec![],
        created_on: day("2026-01-01"),
    }
}

proptest! {
    #[test]
    fn commission_is_monotone_in_the_basis(
        kind in monotone_kind(),
        accelerator in accelerator(),
        quota in 0_i64..2_000_000,
        low in -1_000_000_i64..5_000_000,
        more in 0_i64..5_000_000,
    ) {
        let (a, b) = (variable(&kind, accelerator, low, quota), variable(&kind, accelerator, low + more, quota));
        prop_assert!(a <= b, "{} at {} > {} at {}", a, low, b, low + more);
        prop_assert!(a >= 0);
    }

    #[test]
    fn the_cap_holds(
        kind in monotone_kind(),
        accelerator in accelerator(),
        cap in 0_i64..200_000,
        bonus in 0_i64..200_000,
        amounts in prop::collection::vec(0_i64..2_000_000, 0..5),
    ) {
        let mut p = plan(kind);
        p.accelerator = accelerator;
        p.cap = Some(Money(cap));
        p.goal_bonuses = vec![GoalBonus { amount: Money(bonus), trigger: BonusTrigger::Quota }];
        let mut uncapped = p.clone();
        uncapped.cap = None;
        let deals: Vec<Deal> = amounts.iter().enumerate().map(|(i, &amount)| Deal {
            id: format!("d{i}"), rep_id: Some("ann".into()), amount: Money(amount), updated_at: at(0), deleted_at: None,
            ..version_deal()
        }).collect();
        let data = Dataset { deals: deals.into(), ..Dataset::default() };
        let s = statement(&data, &p, "ann", november(), day("2026-11-30"));
        let free = statement(&data, &uncapped, "ann", november(), day("2026-11-30"));
        prop_assert_eq!(s.variable.minor(), free.variable.minor().min(cap));
        prop_assert_eq!(s.capped_by.map_or(0, |m| m.minor()), (free.variable.minor() - cap).max(0));
        prop_assert_eq!(s.lines.iter().map(|l| l.amount.minor()).sum::<i64>(), s.variable.minor());
    }

    #[test]
    fn statements_never_panic(
        rate in any::<u32>(),
        quota in any::<i64>(),
        cap in proptest::option::of(any::<i64>()),
        accelerator in prop_oneof![Just(None), any::<u32>().prop_map(|m| Some(Accelerator::Multiplier { multiplier_bp: m }))],
        amounts in prop::collection::vec((any::<i64>(), proptest::option::of(any::<i64>())), 0..4),
        tiers in prop::collection::vec((any::<u32>(), any::<u32>()), 0..4),
    ) {
        let kinds = [
            PlanKind::Flat { rate_bp: rate },
            PlanKind::Tiered { tiers: tiers.iter().map(|&(f, r)| kpi::Tier { from_attainment_bp: f, rate_bp: r }).collect() },
            PlanKind::Marginal { brackets: tiers.iter().map(|&(f, r)| Bracket { from: Threshold::Attainment { bp: f }, rate_bp: r }).collect() },
            PlanKind::Marginal { brackets: amounts.iter().map(|&(f, _)| Bracket { from: Threshold::Amount { amount: Money(f) }, rate_bp: rate }).collect() },
        ];
        let deals: Vec<Deal> = amounts.iter().enumerate().map(|(i, &(amount, cost))| Deal {
            id: format!("d{i}"), rep_id: Some("ann".into()), amount: Money(amount), cost: cost.map(Money), updated_at: at(0), deleted_at: None,
            ..version_deal()
        }).collect();
        let data = Dataset { deals: deals.into(), ..Dataset::default() };
        for kind in kinds {
            for basis in [CommissionBasis::WonAmount, CommissionBasis::Margin] {
                let mut p = plan(kind.clone());
                p.basis = basis;
                p.monthly_quota = Money(quota);
                p.cap = cap.map(Money);
                p.accelerator = accelerator;
                let _ = statement(&data, &p, "ann", november(), day("2026-11-30"));
            }
        }
    }
}

/// A won November deal to fill in the fields a test does not care about.
fn version_deal() -> Deal {
    Deal {
        id: String::new(),
        updated_at: at(0),
        deleted_at: None,
        title: "Deal".into(),
        customer_id: None,
        rep_id: None,
        cost: None,
        discount: None,
        probability: None,
        stage: "negotiation".into(),
        status: DealStatus::Won,
        amount: Money::ZERO,
        kind: DealKind::New,
        created_on: day("2026-11-01"),
        expected_close: None,
        closed_on: Some(day("2026-11-10")),
        lost_reason: None,
    }
}

fn contest(measure: Measure) -> Contest {
    Contest {
        id: "c".into(),
        updated_at: at(0),
        deleted_at: None,
        title: "Contest".into(),
        measure,
        period: november(),
        participants: vec![],
        reward: String::new(),
        created_on: day("2026-11-01"),
    }
}

/// Reps with names that may tie, and their deals.
fn team() -> impl Strategy<Value = Dataset> {
    let reps = prop::collection::vec(select(&["Ann", "Bob", "Ann"][..]), 1..5);
    let deals = prop::collection::vec(
        (0_usize..5, 0_i64..5, select(DealStatus::ALL), 1_i64..40),
        0..12,
    );
    (reps, deals).prop_map(|(names, deals)| {
        let reps: Vec<Rep> = names
            .iter()
            .enumerate()
            .map(|(i, n)| rep(&format!("r{i}"), 0, n))
            .collect();
        let deals = deals
            .into_iter()
            .enumerate()
            .map(|(i, (who, amount, status, cycle))| Deal {
                id: format!("d{i}"),
                rep_id: Some(format!("r{}", who % reps.len())),
                amount: Money(amount * 100_000),
                status,
                created_on: day("2026-11-10") - chrono::Duration::days(cycle),
                closed_on: status.is_closed().then(|| day("2026-11-10")),
                lost_reason: (status == DealStatus::Lost).then(|| "Price".into()),
                ..version_deal()
            })
            .collect();
        Dataset {
            reps: reps.into(),
            deals,
            ..Dataset::default()
        }
    })
}

proptest! {
    #[test]
    fn leaderboard_ignores_record_order(
        (data, shuffled) in team().prop_flat_map(|data| {
            let deals = Just(data.deals.to_vec()).prop_shuffle();
            let reps = Just(data.reps.to_vec()).prop_shuffle();
            (Just(data), (deals, reps))
        }).prop_map(|(data, (deals, reps))| {
            let shuffled = Dataset { deals: deals.into(), reps: reps.into(), ..data.clone() };
            (data, shuffled)
        }),
        measure in select(&[KpiId::Revenue, KpiId::WinRate, KpiId::AvgSalesCycle, KpiId::DealsLost][..]),
    ) {
        let c = contest(Measure::Kpi(measure));
        let board = leaderboard(&data, &c, day("2026-11-30"));
        prop_assert_eq!(&board, &leaderboard(&shuffled, &c, day("2026-11-30")));
        // Ranks: 1 first, never decreasing, a rank equals the position of the first of
        // its ties.
        let ranked: Vec<u32> = board.iter().filter_map(|s| s.rank).collect();
        for (index, rank) in ranked.iter().enumerate() {
            prop_assert!(*rank as usize <= index + 1);
            if index > 0 && *rank != ranked[index - 1] {
                prop_assert_eq!(*rank as usize, index + 1);
            }
        }
    }
}

proptest! {
    /// Arbitrary (even invalid) data: the leaderboard, badges, statements, the what-if
    /// and the team import never panic.
    #[test]
    fn team_features_never_panic(
        a in crate::generate::any_dataset(),
        b in crate::generate::any_dataset(),
        today in crate::generate::date(),
        anchor in crate::generate::date(),
        measure in select(KpiId::ALL),
    ) {
        let mut data = a.clone();
        *data.reps = vec![rep("ann", 0, "Ann"), rep("bob", 0, "Bob")];
        for (i, deal) in data.deals.iter_mut().enumerate() {
            deal.rep_id = Some(if i % 2 == 0 { "ann" } else { "bob" }.into());
        }
        let period = Period::month_of(anchor);
        let mut c = contest(Measure::Kpi(measure));
        c.period = period;
        let _ = leaderboard(&data, &c, today);
        let _ = kpi::contest::badges(&data, period, today);
        let p = plan(PlanKind::Flat { rate_bp: 500 });
        let _ = statement(&data, &p, "ann", period, today);
        let ids: Vec<String> = data.deals.iter().map(|d| d.id.clone()).collect();
        let _ = kpi::commission::what_if(&data, &p, "ann", period, today, &ids);
        let report = import_files(&data, &[a, b]);
        let again = import_files(&report.merged, &[]);
        prop_assert_eq!(again.merged, report.merged);
    }
}
