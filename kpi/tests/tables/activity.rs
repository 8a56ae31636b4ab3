//! Activity KPIs: activities and customers served per working day, prospecting hours,
//! and the per-kind breakdown.

use kpi::metrics::activity::{activities_by_kind, ActivityMetrics};
use kpi::ActivityKind::{Call, Demo, Email, Meeting, Prospecting, Visit};
use kpi::KpiValue::{NoData, Number};
use kpi::{Activity, Dataset, KpiId, KpiValue, Period, Scope, Slice};

use crate::support::{activity_of, day, deleted, rep, rep_in, same_value, team};

/// November 2026: starts on a Sunday, 21 working days.
fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// Reps r1, r2 in team t1 and r3 in team t2.
fn data(activities: Vec<Activity>) -> Dataset {
    Dataset {
        reps: vec![rep_in("r1", "t1"), rep_in("r2", "t1"), rep_in("r3", "t2")].into(),
        activities: activities.into(),
        ..Dataset::default()
    }
}

/// (case, activities, scope, period, today, KPI, expected)
type Row = (
    &'static str,
    Vec<Activity>,
    Scope,
    Period,
    &'static str,
    KpiId,
    KpiValue,
);

fn check(rows: Vec<Row>) {
    for (case, activities, scope, period, today, id, expected) in rows {
        let data = data(activities);
        let slice = Slice::new(&data, period, &scope, day(today));
        let actual = ActivityMetrics::of(&slice)
            .value(id)
            .expect("an activity KPI");
        assert!(
            same_value(&actual, &expected),
            "{case}: {id:?} = {actual:?}, expected {expected:?}"
        );
    }
}

const CLOSED: &str = "2026-12-15";

fn three_reps() -> Vec<Activity> {
    vec![
        activity_of(Call, "2026-11-02", 10, "r1", "c1"),
        activity_of(Call, "2026-11-03", 10, "r2", "c2"),
        activity_of(Call, "2026-11-04", 10, "r3", "c3"),
    ]
}

#[test]
fn activities_per_day_table() {
    use KpiId::ActivitiesPerDay as A;
    let e = Scope::Everyone;
    check(vec![
        (
            "empty closed month: 0 per day, not no data",
            vec![],
            e.clone(),
            november(),
            CLOSED,
            A,
            Number(0.0),
        ),
        (
            "21 activities in 21 working days",
            (0..21)
                .map(|i| activity_of(Call, "2026-11-10", i, "r1", ""))
                .collect(),
            e.clone(),
            november(),
            CLOSED,
            A,
            Number(1.0),
        ),
        (
            "on the first day (a Sunday) and the last day: in",
            vec![
                activity_of(Email, "2026-11-01", 5, "r1", ""),
                activity_of(Email, "2026-11-30", 5, "r1", ""),
            ],
            e.clone(),
            november(),
            CLOSED,
            A,
            Number(2.0 / 21.0),
        ),
        (
            "the day before and the day after: out",
            vec![
                activity_of(Email, "2026-10-31", 5, "r1", ""),
                activity_of(Email, "2026-12-01", 5, "r1", ""),
            ],
            e.clone(),
            november(),
            CLOSED,
            A,
            Number(0.0),
        ),
        (
            "tombstone: out",
            vec![deleted(activity_of(Call, "2026-11-05", 5, "r1", ""))],
            e.clone(),
            november(),
            CLOSED,
            A,
            Number(0.0),
        ),
        (
            "running month (today Tue 10th: 7 working days), planned activity after today out",
            vec![
                activity_of(Call, "2026-11-02", 5, "r1", ""),
                activity_of(Call, "2026-11-10", 5, "r1", ""),
                activity_of(Meeting, "2026-11-11", 60, "r1", ""),
            ],
            e.clone(),
            november(),
            "2026-11-10",
            A,
            Number(2.0 / 7.0),
        ),
        (
            "period not started yet: no working days, no data",
            vec![],
            e.clone(),
            november(),
            "2026-10-20",
            A,
            NoData,
        ),
        (
            "weekend-only period: no working days, no data",
            vec![activity_of(Call, "2026-11-07", 5, "r1", "")],
            e.clone(),
            Period::custom(day("2026-11-07"), day("2026-11-08")).unwrap(),
            CLOSED,
            A,
            NoData,
        ),
        (
            "rep scope: only the rep's activities",
            three_reps(),
            rep("r1"),
            november(),
            CLOSED,
            A,
            Number(1.0 / 21.0),
        ),
        (
            "team scope: its reps' activities",
            three_reps(),
            team("t1"),
            november(),
            CLOSED,
            A,
            Number(2.0 / 21.0),
        ),
        (
            "activity without a rep counts only for everyone",
            vec![activity_of(Call, "2026-11-02", 5, "", "")],
            team("t1"),
            november(),
            CLOSED,
            A,
            Number(0.0),
        ),
    ]);
}

#[test]
fn customers_served_per_day_table() {
    use KpiId::CustomersServedPerDay as S;
    let e = Scope::Everyone;
    check(vec![
        (
            "empty: 0 per day",
            vec![],
            e.clone(),
            november(),
            CLOSED,
            S,
            Number(0.0),
        ),
        (
            "same customer twice the same day: one customer-day",
            vec![
                activity_of(Call, "2026-11-02", 5, "r1", "c1"),
                activity_of(Email, "2026-11-02", 5, "r2", "c1"),
            ],
            e.clone(),
            november(),
            CLOSED,
            S,
            Number(1.0 / 21.0),
        ),
        (
            "two customers the same day, one customer on two days",
            vec![
                activity_of(Call, "2026-11-02", 5, "r1", "c1"),
                activity_of(Call, "2026-11-02", 5, "r1", "c2"),
                activity_of(Call, "2026-11-30", 5, "r1", "c2"),
            ],
            e.clone(),
            november(),
            CLOSED,
            S,
            Number(3.0 / 21.0),
        ),
        (
            "activity without a customer serves none",
            vec![activity_of(Prospecting, "2026-11-02", 60, "r1", "")],
            e.clone(),
            november(),
            CLOSED,
            S,
            Number(0.0),
        ),
        (
            "outside the period and tombstones: out",
            vec![
                activity_of(Call, "2026-10-31", 5, "r1", "c1"),
                deleted(activity_of(Call, "2026-11-03", 5, "r1", "c1")),
            ],
            e.clone(),
            november(),
            CLOSED,
            S,
            Number(0.0),
        ),
        (
            "team scope",
            three_reps(),
            team("t1"),
            november(),
            CLOSED,
            S,
            Number(2.0 / 21.0),
        ),
        (
            "not started: no data",
            vec![],
            e.clone(),
            november(),
            "2026-10-01",
            S,
            NoData,
        ),
    ]);
}

#[test]
fn prospecting_hours_table() {
    use KpiId::ProspectingHours as P;
    let e = Scope::Everyone;
    let mixed = || {
        vec![
            activity_of(Prospecting, "2026-11-01", 90, "r1", ""),
            activity_of(Prospecting, "2026-11-30", 30, "r2", ""),
            activity_of(Call, "2026-11-05", 60, "r1", ""),
            activity_of(Prospecting, "2026-10-31", 600, "r1", ""),
            activity_of(Prospecting, "2026-12-01", 600, "r1", ""),
            deleted(activity_of(Prospecting, "2026-11-10", 600, "r1", "")),
            activity_of(Prospecting, "2026-11-10", 45, "r3", ""),
        ]
    };
    check(vec![
        (
            "empty: 0 hours",
            vec![],
            e.clone(),
            november(),
            CLOSED,
            P,
            Number(0.0),
        ),
        (
            "90 + 30 + 45 minutes of prospecting; calls, outside days, tombstone out",
            mixed(),
            e.clone(),
            november(),
            CLOSED,
            P,
            Number(2.75),
        ),
        (
            "rep r1: 90 minutes",
            mixed(),
            rep("r1"),
            november(),
            CLOSED,
            P,
            Number(1.5),
        ),
        (
            "team t1: 120 minutes",
            mixed(),
            team("t1"),
            november(),
            CLOSED,
            P,
            Number(2.0),
        ),
        (
            "running month: only up to today",
            mixed(),
            e.clone(),
            november(),
            "2026-11-09",
            P,
            Number(1.5),
        ),
    ]);
}

#[test]
fn activities_by_kind_table() {
    let data = data(vec![
        activity_of(Call, "2026-11-02", 5, "r1", ""),
        activity_of(Call, "2026-11-03", 5, "r1", ""),
        activity_of(Visit, "2026-11-04", 5, "r1", ""),
        activity_of(Demo, "2026-11-04", 5, "r3", ""),
        activity_of(Call, "2026-12-01", 5, "r1", ""),
    ]);
    let rows: Vec<(&str, Scope, &str, Vec<u32>, i32)> = vec![
        (
            "everyone, closed month: 21 working days",
            Scope::Everyone,
            CLOSED,
            vec![2, 0, 0, 1, 1, 0],
            21,
        ),
        ("rep r1", rep("r1"), CLOSED, vec![2, 0, 0, 0, 1, 0], 21),
        (
            "running month, today Mon 2nd: 1 working day",
            Scope::Everyone,
            "2026-11-02",
            vec![1, 0, 0, 0, 0, 0],
            1,
        ),
        (
            "not started: counts 0, rates 0.0",
            Scope::Everyone,
            "2026-10-01",
            vec![0; 6],
            0,
        ),
    ];
    for (case, scope, today, counts, days) in rows {
        let slice = Slice::new(&data, november(), &scope, day(today));
        let actual = activities_by_kind(&slice);
        let kinds: Vec<_> = actual.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(
            kinds,
            vec![Call, Email, Meeting, Demo, Visit, Prospecting],
            "{case}"
        );
        assert_eq!(kinds, kpi::ActivityKind::ALL.to_vec(), "{case}");
        for ((kind, count, rate), expected) in actual.iter().zip(&counts) {
            assert_eq!(count, expected, "{case}: {kind:?}");
            let want = if days > 0 {
                f64::from(*expected) / f64::from(days)
            } else {
                0.0
            };
            assert!((rate - want).abs() < 1e-12, "{case}: {kind:?} rate {rate}");
        }
    }
}

#[test]
fn only_activity_ids_have_values() {
    let data = data(vec![]);
    let scope = Scope::Everyone;
    let slice = Slice::new(&data, november(), &scope, day(CLOSED));
    let metrics = ActivityMetrics::of(&slice);
    for id in KpiId::ALL {
        let ours = id.def().group == kpi::KpiGroup::Activity;
        assert_eq!(metrics.value(*id).is_some(), ours, "{id:?}");
    }
}
