//! Contest leaderboards (ranks, ties, better direction, no data) and badges (top
//! performer, most improved, goal streak). Today is Friday 20 November 2026.

use kpi::contest::{
    badges, goal_streak, leaderboard, leaderboard_bars, Badge, BadgeKind, Standing,
};
use kpi::{
    ActivityKind, Contest, Dataset, Deal, DealStatus, Goal, KpiId, Measure, Money, Owner, Period,
    Recurrence, Target,
};

use crate::support::{activity_of, day, deal, instant, owned_by, rep_in};

fn today() -> chrono::NaiveDate {
    day("2026-11-20")
}

fn month(text: &str) -> Period {
    Period::month_of(day(&format!("{text}-01")))
}

fn contest(measure: Measure, participants: &[&str]) -> Contest {
    Contest {
        id: "c".into(),
        updated_at: instant(),
        deleted_at: None,
        title: "November sprint".into(),
        measure,
        period: month("2026-11"),
        participants: participants.iter().map(|p| p.to_string()).collect(),
        reward: "Dinner for two".into(),
        created_on: day("2026-11-01"),
    }
}

/// A deal of `rep` with this status closed on `closed` after `cycle_days` days.
fn closed(
    rep: &str,
    id: &str,
    status: DealStatus,
    amount: i64,
    closed: &str,
    cycle_days: i64,
) -> Deal {
    let created = (day(closed) - chrono::Duration::days(cycle_days)).to_string();
    let mut d = owned_by(rep, deal(status, amount, &created, closed));
    d.id = id.into();
    d
}

fn team() -> Dataset {
    Dataset {
        reps: ["ann", "bob", "cid", "dan"]
            .map(|r| rep_in(r, ""))
            .to_vec()
            .into(),
        deals: vec![
            closed("ann", "a1", DealStatus::Won, 500_000, "2026-11-03", 10),
            closed("bob", "b1", DealStatus::Won, 200_000, "2026-11-04", 30),
            closed("bob", "b2", DealStatus::Won, 300_000, "2026-11-05", 30),
            closed("cid", "c1", DealStatus::Won, 300_000, "2026-11-06", 20),
            closed("cid", "c2", DealStatus::Lost, 300_000, "2026-11-07", 20),
        ]
        .into(),
        ..Dataset::default()
    }
}

fn board(rows: &[Standing]) -> Vec<(&str, Option<f64>, Option<u32>)> {
    rows.iter()
        .map(|s| (s.rep_id.as_str(), s.value, s.rank))
        .collect()
}

/// (case, data, contest, expected (rep, value, rank) rows)
type Row = (
    &'static str,
    Dataset,
    Contest,
    Vec<(&'static str, Option<f64>, Option<u32>)>,
);

#[test]
fn leaderboard_table() {
    let mut with_calls = team();
    for (rep, days) in [
        ("dan", ["2026-11-02", "2026-11-03", "2026-11-04"].as_slice()),
        ("ann", &["2026-11-02"]),
        ("bob", &["2026-11-30"]),
    ] {
        for d in days {
            let mut a = activity_of(ActivityKind::Call, d, 10, rep, "");
            a.id = format!("{rep}-{d}");
            with_calls.activities.push(a);
        }
    }
    #[rustfmt::skip]
    let cases: Vec<Row> = vec![
        ("revenue: ann and bob tie at 5,000 and share rank 1 (by name), cid 3rd, dan 0 4th",
            team(), contest(Measure::Kpi(KpiId::Revenue), &[]),
            vec![("ann", Some(500_000.0), Some(1)), ("bob", Some(500_000.0), Some(1)), ("cid", Some(300_000.0), Some(3)), ("dan", Some(0.0), Some(4))]),
        ("sales cycle, lower is better: ann 10 days first; dan won nothing: no value, no rank",
            team(), contest(Measure::Kpi(KpiId::AvgSalesCycle), &[]),
            vec![("ann", Some(10.0), Some(1)), ("cid", Some(20.0), Some(2)), ("bob", Some(30.0), Some(3)), ("dan", None, None)]),
        ("win rate: ann and bob 100 %, cid 50 %, dan nothing closed",
            team(), contest(Measure::Kpi(KpiId::WinRate), &[]),
            vec![("ann", Some(1.0), Some(1)), ("bob", Some(1.0), Some(1)), ("cid", Some(0.5), Some(3)), ("dan", None, None)]),
        ("calls to date: dan 3, ann 1, bob's call on the 30th has not happened yet",
            with_calls, contest(Measure::Activities(ActivityKind::Call), &["bob", "dan", "ann"]),
            vec![("dan", Some(3.0), Some(1)), ("ann", Some(1.0), Some(2)), ("bob", Some(0.0), Some(3))]),
        ("participants listed twice count once; an unknown rep shows by id",
            team(), contest(Measure::Kpi(KpiId::Revenue), &["cid", "zed", "cid"]),
            vec![("cid", Some(300_000.0), Some(1)), ("zed", Some(0.0), Some(2))]),
        ("a deleted rep is not a participant by default",
            { let mut d = team(); d.reps[0].deleted_at = Some(instant()); d }, contest(Measure::Kpi(KpiId::Revenue), &[]),
            vec![("bob", Some(500_000.0), Some(1)), ("cid", Some(300_000.0), Some(2)), ("dan", Some(0.0), Some(3))]),
        ("nobody", Dataset::default(), contest(Measure::Kpi(KpiId::Revenue), &[]), vec![]),
    ];
    for (case, data, contest, expected) in cases {
        assert_eq!(
            board(&leaderboard(&data, &contest, today())),
            expected,
            "{case}"
        );
    }
}

fn revenue_goal(id: &str, rep: &str, period: Period, target: i64) -> Goal {
    Goal {
        id: id.into(),
        updated_at: instant(),
        deleted_at: None,
        title: id.into(),
        description: String::new(),
        measure: Measure::Kpi(KpiId::Revenue),
        target: Target::Amount {
            amount: Money(target),
        },
        period,
        owner: Owner::Rep(rep.into()),
        parent_id: None,
        weight: None,
        recurrence: Recurrence::None,
        series_id: None,
        created_on: period.start,
    }
}

/// ann: Oct 2,500 → Nov 5,000 (+100 %); bob: Oct 4,000 → Nov 5,000 (+25 %); cid: Oct 0
/// → Nov 3,000 (no growth to measure). ann reached her goals in September and October
/// (two in October), bob in October only.
fn history() -> Dataset {
    let mut data = team();
    data.deals.extend([
        closed("ann", "a-oct", DealStatus::Won, 250_000, "2026-10-15", 5),
        closed("bob", "b-oct", DealStatus::Won, 400_000, "2026-10-15", 5),
        closed("ann", "a-sep", DealStatus::Won, 100_000, "2026-09-15", 5),
    ]);
    *data.goals = vec![
        revenue_goal("ann-sep", "ann", month("2026-09"), 100_000),
        revenue_goal("ann-oct", "ann", month("2026-10"), 200_000),
        revenue_goal("ann-oct-2", "ann", month("2026-10"), 250_000),
        revenue_goal("ann-nov", "ann", month("2026-11"), 9_000_000),
        revenue_goal("bob-sep", "bob", month("2026-09"), 100_000),
        revenue_goal("bob-oct", "bob", month("2026-10"), 400_000),
    ];
    data
}

#[test]
fn badges_table() {
    let badge = |rep: &str, kind| Badge {
        rep_id: rep.into(),
        kind,
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Dataset, Period, Vec<Badge>)> = vec![
        ("November: ann and bob tie as top performers; ann most improved; ann's streak Sep–Oct (November not over)",
            history(), month("2026-11"),
            vec![badge("ann", BadgeKind::TopPerformer), badge("ann", BadgeKind::MostImproved),
                 badge("ann", BadgeKind::GoalStreak { periods: 2 }), badge("bob", BadgeKind::TopPerformer)]),
        ("October: bob top (4,000); ann most improved (Sep 1,000 → 2,500); ann's streak ends in October",
            history(), month("2026-10"),
            vec![badge("ann", BadgeKind::MostImproved), badge("ann", BadgeKind::GoalStreak { periods: 2 }), badge("bob", BadgeKind::TopPerformer)]),
        ("one of ann's October goals missed: no streak",
            { let mut d = history(); d.goals[2] = revenue_goal("ann-oct-2", "ann", month("2026-10"), 250_001); d }, month("2026-11"),
            vec![badge("ann", BadgeKind::TopPerformer), badge("ann", BadgeKind::MostImproved), badge("bob", BadgeKind::TopPerformer)]),
        ("nobody sold anything: no badges", Dataset { reps: vec![rep_in("ann", "")].into(), ..Dataset::default() }, month("2026-11"), vec![]),
    ];
    for (case, data, period, expected) in cases {
        assert_eq!(badges(&data, period, today()), expected, "{case}");
    }
}

#[test]
fn goal_streak_table() {
    #[rustfmt::skip]
    let cases = [
        ("ann from November (running): Oct + Sep", "ann", "2026-11", 2),
        ("ann from October (ended)", "ann", "2026-10", 2),
        ("ann from September: 1", "ann", "2026-09", 1),
        ("bob: October yes, September no (no sales)", "bob", "2026-11", 1),
        ("cid has no goals", "cid", "2026-11", 0),
        ("a future period whose previous one has not ended: 0", "ann", "2027-02", 0),
    ];
    for (case, rep, period, expected) in cases {
        assert_eq!(
            goal_streak(&history(), rep, month(period), today()),
            expected,
            "{case}"
        );
    }
}

#[test]
fn chart_bars_are_in_display_units() {
    let bars = leaderboard_bars(
        &team(),
        &contest(Measure::Kpi(KpiId::Revenue), &["cid", "ann"]),
        today(),
    );
    let rows: Vec<(&str, f64, u32)> = bars
        .iter()
        .map(|b| (b.label.as_str(), b.value, b.rank))
        .collect();
    assert_eq!(
        rows,
        vec![("ann", 5_000.0, 1), ("cid", 3_000.0, 2)],
        "money in euros"
    );
    let bars = leaderboard_bars(
        &team(),
        &contest(Measure::Kpi(KpiId::WinRate), &[]),
        today(),
    );
    let rows: Vec<(&str, f64)> = bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
    assert_eq!(
        rows,
        vec![("ann", 1.0), ("bob", 1.0), ("cid", 0.5)],
        "dan has no bar"
    );
}
