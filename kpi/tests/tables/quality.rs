//! Quality KPIs: CSAT, NPS, open complaints, time to resolve a complaint.

use kpi::KpiValue::{Count, Days, NoData, Number};
use kpi::{Dataset, Feedback, KpiId, KpiValue, Period, Scope, Slice};

use crate::support::{
    customer_of, day, deleted, feedback_of, opt_day, rep, rep_in, same_value, team,
};
use kpi::metrics::quality::QualityMetrics;

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// Reps r1, r2 in team t1 and r3 in team t2; customers cu1 (r1), cu2 (r2), cu3 (r3).
fn data(feedback: Vec<Feedback>) -> Dataset {
    Dataset {
        reps: vec![rep_in("r1", "t1"), rep_in("r2", "t1"), rep_in("r3", "t2")].into(),
        customers: vec![
            customer_of("cu1", "r1", "2026-01-01", ""),
            customer_of("cu2", "r2", "2026-01-01", ""),
            customer_of("cu3", "r3", "2026-01-01", ""),
        ]
        .into(),
        feedback: feedback.into(),
        ..Dataset::default()
    }
}

fn csat(customer: &str, date: &str, score: u8) -> Feedback {
    Feedback {
        csat: Some(score),
        ..feedback_of(customer, date)
    }
}

fn nps(answers: &[u8]) -> Vec<Feedback> {
    answers
        .iter()
        .map(|a| Feedback {
            nps: Some(*a),
            ..feedback_of("cu1", "2026-11-10")
        })
        .collect()
}

/// A complaint made on `date`, resolved on `resolved` ("" for open).
fn complaint(customer: &str, date: &str, resolved: &str) -> Feedback {
    Feedback {
        complaint: Some("Late delivery".into()),
        resolved_on: opt_day(resolved),
        ..feedback_of(customer, date)
    }
}

/// (case, feedback, scope, today, KPI, expected)
type Row = (
    &'static str,
    Vec<Feedback>,
    Scope,
    &'static str,
    KpiId,
    KpiValue,
);

const CLOSED: &str = "2026-12-15";

fn check(rows: Vec<Row>) {
    for (case, feedback, scope, today, id, expected) in rows {
        let data = data(feedback);
        let slice = Slice::new(&data, november(), &scope, day(today));
        let actual = QualityMetrics::of(&slice).value(id).expect("a quality KPI");
        assert!(
            same_value(&actual, &expected),
            "{case}: {id:?} = {actual:?}, expected {expected:?}"
        );
    }
}

fn three_scores() -> Vec<Feedback> {
    vec![
        csat("cu1", "2026-11-05", 5),
        csat("cu2", "2026-11-05", 3),
        csat("cu3", "2026-11-05", 1),
    ]
}

#[test]
fn avg_csat_table() {
    use KpiId::AvgCsat as C;
    let e = Scope::Everyone;
    check(vec![
        (
            "empty period: no data",
            vec![],
            e.clone(),
            CLOSED,
            C,
            NoData,
        ),
        (
            "single score",
            vec![csat("cu1", "2026-11-05", 4)],
            e.clone(),
            CLOSED,
            C,
            Number(4.0),
        ),
        (
            "first and last day: in",
            vec![csat("cu1", "2026-11-01", 4), csat("cu1", "2026-11-30", 5)],
            e.clone(),
            CLOSED,
            C,
            Number(4.5),
        ),
        (
            "day before and after: out",
            vec![csat("cu1", "2026-10-31", 4), csat("cu1", "2026-12-01", 5)],
            e.clone(),
            CLOSED,
            C,
            NoData,
        ),
        (
            "tombstone: out",
            vec![
                deleted(csat("cu1", "2026-11-05", 1)),
                csat("cu1", "2026-11-06", 5),
            ],
            e.clone(),
            CLOSED,
            C,
            Number(5.0),
        ),
        (
            "feedback without a score: not averaged",
            vec![
                feedback_of("cu1", "2026-11-05"),
                csat("cu1", "2026-11-06", 2),
            ],
            e.clone(),
            CLOSED,
            C,
            Number(2.0),
        ),
        (
            "score outside 1–5 (unvalidated): skipped",
            vec![csat("cu1", "2026-11-05", 0), csat("cu1", "2026-11-06", 9)],
            e.clone(),
            CLOSED,
            C,
            NoData,
        ),
        (
            "everyone: (5 + 3 + 1) ÷ 3",
            three_scores(),
            e.clone(),
            CLOSED,
            C,
            Number(3.0),
        ),
        (
            "rep r1: its customer only",
            three_scores(),
            rep("r1"),
            CLOSED,
            C,
            Number(5.0),
        ),
        (
            "team t1: its reps' customers",
            three_scores(),
            team("t1"),
            CLOSED,
            C,
            Number(4.0),
        ),
        (
            "feedback without a customer counts only for everyone",
            vec![csat("", "2026-11-05", 2)],
            team("t1"),
            CLOSED,
            C,
            NoData,
        ),
    ]);
}

#[test]
fn nps_table() {
    use KpiId::Nps as N;
    let e = Scope::Everyone;
    check(vec![
        ("no answers: no data", vec![], e.clone(), CLOSED, N, NoData),
        (
            "5 promoters, 2 passives, 3 detractors of 10: 50 − 30 = 20",
            nps(&[9, 10, 9, 10, 9, 7, 8, 0, 6, 3]),
            e.clone(),
            CLOSED,
            N,
            Number(20.0),
        ),
        (
            "all promoters: 100",
            nps(&[9, 10]),
            e.clone(),
            CLOSED,
            N,
            Number(100.0),
        ),
        (
            "all detractors: −100",
            nps(&[0, 6]),
            e.clone(),
            CLOSED,
            N,
            Number(-100.0),
        ),
        (
            "only passives: 0",
            nps(&[7, 8]),
            e.clone(),
            CLOSED,
            N,
            Number(0.0),
        ),
        (
            "boundaries: 6 detracts, 7 is passive, 9 promotes → (1 − 1) ÷ 3",
            nps(&[6, 7, 9]),
            e.clone(),
            CLOSED,
            N,
            Number(0.0),
        ),
        (
            "one promoter of three answers: 33.3…",
            nps(&[10, 8, 7]),
            e.clone(),
            CLOSED,
            N,
            Number(100.0 / 3.0),
        ),
        (
            "answer outside 0–10 (unvalidated): skipped",
            nps(&[11, 10]),
            e.clone(),
            CLOSED,
            N,
            Number(100.0),
        ),
        (
            "other rep's scope: no answers",
            nps(&[10]),
            rep("r2"),
            CLOSED,
            N,
            NoData,
        ),
        (
            "owner's team: counted",
            nps(&[10]),
            team("t1"),
            CLOSED,
            N,
            Number(100.0),
        ),
    ]);
}

#[test]
fn open_complaints_table() {
    use KpiId::OpenComplaints as O;
    let e = Scope::Everyone;
    check(vec![
        ("none: 0", vec![], e.clone(), CLOSED, O, Count(0)),
        (
            "made before the period and never resolved: open",
            vec![complaint("cu1", "2026-10-01", "")],
            e.clone(),
            CLOSED,
            O,
            Count(1),
        ),
        (
            "resolved within the period: closed",
            vec![complaint("cu1", "2026-11-10", "2026-11-20")],
            e.clone(),
            CLOSED,
            O,
            Count(0),
        ),
        (
            "resolved on the last day: closed",
            vec![complaint("cu1", "2026-11-10", "2026-11-30")],
            e.clone(),
            CLOSED,
            O,
            Count(0),
        ),
        (
            "resolved the day after the period: open at its end",
            vec![complaint("cu1", "2026-11-10", "2026-12-01")],
            e.clone(),
            CLOSED,
            O,
            Count(1),
        ),
        (
            "made on the last day: open; the day after: not yet",
            vec![
                complaint("cu1", "2026-11-30", ""),
                complaint("cu1", "2026-12-01", ""),
            ],
            e.clone(),
            CLOSED,
            O,
            Count(1),
        ),
        (
            "running period: open today, resolved later",
            vec![complaint("cu1", "2026-11-10", "2026-11-20")],
            e.clone(),
            "2026-11-15",
            O,
            Count(1),
        ),
        (
            "feedback without complaint text: not a complaint",
            vec![feedback_of("cu1", "2026-11-10")],
            e.clone(),
            CLOSED,
            O,
            Count(0),
        ),
        (
            "tombstone: out",
            vec![deleted(complaint("cu1", "2026-11-10", ""))],
            e.clone(),
            CLOSED,
            O,
            Count(0),
        ),
        (
            "rep and team scope through the customer's owner",
            vec![
                complaint("cu1", "2026-11-10", ""),
                complaint("cu2", "2026-11-10", ""),
                complaint("cu3", "2026-11-10", ""),
            ],
            team("t1"),
            CLOSED,
            O,
            Count(2),
        ),
        (
            "rep scope r3",
            vec![
                complaint("cu1", "2026-11-10", ""),
                complaint("cu3", "2026-11-10", ""),
            ],
            rep("r3"),
            CLOSED,
            O,
            Count(1),
        ),
    ]);
}

#[test]
fn avg_resolution_days_table() {
    use KpiId::AvgResolutionDays as R;
    let e = Scope::Everyone;
    check(vec![
        ("none: no data", vec![], e.clone(), CLOSED, R, NoData),
        (
            "10 and 7 days (one made before the period): 8.5",
            vec![
                complaint("cu1", "2026-11-01", "2026-11-11"),
                complaint("cu1", "2026-10-25", "2026-11-01"),
            ],
            e.clone(),
            CLOSED,
            R,
            Days(8.5),
        ),
        (
            "resolved on the last day: in",
            vec![complaint("cu1", "2026-11-20", "2026-11-30")],
            e.clone(),
            CLOSED,
            R,
            Days(10.0),
        ),
        (
            "resolved the day before / after: out",
            vec![
                complaint("cu1", "2026-10-20", "2026-10-31"),
                complaint("cu1", "2026-11-20", "2026-12-01"),
            ],
            e.clone(),
            CLOSED,
            R,
            NoData,
        ),
        (
            "same-day resolution: 0 days",
            vec![complaint("cu1", "2026-11-05", "2026-11-05")],
            e.clone(),
            CLOSED,
            R,
            Days(0.0),
        ),
        (
            "still open: no resolution",
            vec![complaint("cu1", "2026-11-05", "")],
            e.clone(),
            CLOSED,
            R,
            NoData,
        ),
        (
            "resolved_on without complaint text: not a complaint",
            vec![Feedback {
                resolved_on: Some(day("2026-11-10")),
                ..feedback_of("cu1", "2026-11-01")
            }],
            e.clone(),
            CLOSED,
            R,
            NoData,
        ),
        (
            "tombstone: out",
            vec![deleted(complaint("cu1", "2026-11-01", "2026-11-11"))],
            e.clone(),
            CLOSED,
            R,
            NoData,
        ),
        (
            "team t1: 2 and 4 days; r3's out",
            vec![
                complaint("cu1", "2026-11-01", "2026-11-03"),
                complaint("cu2", "2026-11-01", "2026-11-05"),
                complaint("cu3", "2026-11-01", "2026-11-30"),
            ],
            team("t1"),
            CLOSED,
            R,
            Days(3.0),
        ),
        (
            "rep r2 only",
            vec![
                complaint("cu1", "2026-11-01", "2026-11-03"),
                complaint("cu2", "2026-11-01", "2026-11-05"),
            ],
            rep("r2"),
            CLOSED,
            R,
            Days(4.0),
        ),
    ]);
}

#[test]
fn only_quality_ids_have_values() {
    let data = data(vec![]);
    let scope = Scope::Everyone;
    let slice = Slice::new(&data, november(), &scope, day(CLOSED));
    let metrics = QualityMetrics::of(&slice);
    for id in KpiId::ALL {
        let ours = id.def().group == kpi::KpiGroup::Quality;
        assert_eq!(metrics.value(*id).is_some(), ours, "{id:?}");
    }
}
