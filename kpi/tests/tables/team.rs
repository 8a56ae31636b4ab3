//! Team KPIs: sales force turnover.

use kpi::metrics::team::TeamMetrics;
use kpi::KpiValue::{NoData, Ratio};
use kpi::{Dataset, KpiId, KpiValue, Period, Rep, Scope, Slice};

use crate::support::{day, deleted, rep_employed, same_value};

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// r1, r2 in team t1, r3, r4 in team t2, all hired in 2025 and still employed.
fn staff() -> Vec<Rep> {
    vec![
        rep_employed("r1", "t1", "2025-01-01", ""),
        rep_employed("r2", "t1", "2025-01-01", ""),
        rep_employed("r3", "t2", "2025-01-01", ""),
        rep_employed("r4", "t2", "2025-01-01", ""),
    ]
}

/// The staff with r1 replaced by `r1`.
fn with_r1(r1: Rep) -> Vec<Rep> {
    let mut reps = staff();
    reps[0] = r1;
    reps
}

fn left(on: &str) -> Rep {
    rep_employed("r1", "t1", "2025-01-01", on)
}

#[test]
fn turnover_rate_table() {
    let e = Scope::Everyone;
    let r1 = Scope::Rep("r1".into());
    let t1 = Scope::Team("t1".into());
    let t2 = Scope::Team("t2".into());
    let rows: Vec<(&str, Vec<Rep>, Scope, KpiValue)> = vec![
        ("no reps: no data", vec![], e.clone(), NoData),
        ("nobody left: 0", staff(), e.clone(), Ratio(0.0)),
        (
            "left mid-period: 1 ÷ ((4 + 3) ÷ 2)",
            with_r1(left("2026-11-15")),
            e.clone(),
            Ratio(1.0 / 3.5),
        ),
        (
            "left on the first day (still employed that day): 1 ÷ 3.5",
            with_r1(left("2026-11-01")),
            e.clone(),
            Ratio(1.0 / 3.5),
        ),
        (
            "left on the last day (employed at the end): 1 ÷ 4",
            with_r1(left("2026-11-30")),
            e.clone(),
            Ratio(0.25),
        ),
        (
            "left the day before: no leaver, headcount 3",
            with_r1(left("2026-10-31")),
            e.clone(),
            Ratio(0.0),
        ),
        (
            "leaves the day after: no leaver",
            with_r1(left("2026-12-01")),
            e.clone(),
            Ratio(0.0),
        ),
        (
            "hired mid-period, one left: 1 ÷ ((3 + 3) ÷ 2)",
            {
                let mut reps = with_r1(left("2026-11-15"));
                reps.push(rep_employed("r5", "t1", "2026-11-10", ""));
                reps.remove(3);
                reps
            },
            e.clone(),
            Ratio(1.0 / 3.0),
        ),
        (
            "hire date unknown: employed throughout",
            vec![
                rep_employed("r1", "t1", "", "2026-11-15"),
                rep_employed("r2", "t1", "", ""),
            ],
            e.clone(),
            Ratio(1.0 / 1.5),
        ),
        (
            "tombstoned rep: out",
            {
                let mut reps = staff();
                reps.push(deleted(rep_employed(
                    "r9",
                    "t1",
                    "2025-01-01",
                    "2026-11-15",
                )));
                reps
            },
            e.clone(),
            Ratio(0.0),
        ),
        (
            "rep scope: the rep alone, 1 ÷ ((1 + 0) ÷ 2)",
            with_r1(left("2026-11-15")),
            r1.clone(),
            Ratio(2.0),
        ),
        (
            "rep scope, left before the period: headcount 0, no data",
            with_r1(left("2026-10-15")),
            r1,
            NoData,
        ),
        (
            "the rep's team: 1 ÷ ((2 + 1) ÷ 2)",
            with_r1(left("2026-11-15")),
            t1,
            Ratio(1.0 / 1.5),
        ),
        (
            "another team: 0",
            with_r1(left("2026-11-15")),
            t2,
            Ratio(0.0),
        ),
    ];
    for (case, reps, scope, expected) in rows {
        let data = Dataset {
            reps: reps.into(),
            ..Dataset::default()
        };
        let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
        let metrics = TeamMetrics::of(&slice);
        let actual = metrics.value(KpiId::TurnoverRate).expect("the team KPI");
        assert!(
            same_value(&actual, &expected),
            "{case}: {actual:?}, expected {expected:?}"
        );
        for id in KpiId::ALL {
            assert_eq!(
                metrics.value(*id).is_some(),
                *id == KpiId::TurnoverRate,
                "{id:?}"
            );
        }
    }
}
