//! The pipeline board: columns, totals, weighted values, drop-off, moves, closing,
//! lost reasons.

use kpi::pipeline_board::{
    board, close_lost, close_won, lost_reasons, move_deal, LostReason, MoveError, MoveTo,
};
use kpi::{Dataset, Deal, DealStatus, Money, Period, Scope, Settings};

use crate::support::{day, deal, deleted, opt_day, rep};

/// A deal with this id in `stage`, of `rep` ("" for none), with an optional own
/// probability and expected close ("" for none).
fn at(
    id: &str,
    stage: &str,
    status: DealStatus,
    amount: i64,
    rep: &str,
    probability: Option<u8>,
    expected: &str,
) -> Deal {
    let closed = if status == DealStatus::Open {
        ""
    } else {
        "2026-11-10"
    };
    Deal {
        id: id.into(),
        stage: stage.into(),
        rep_id: (!rep.is_empty()).then(|| rep.into()),
        probability,
        expected_close: opt_day(expected),
        ..deal(status, amount, "2026-10-01", closed)
    }
}

/// Default stages: prospecting 10 %, qualified 25 %, demo 40 %, proposal 60 %,
/// negotiation 80 %.
fn data() -> Dataset {
    use DealStatus::{Lost, Open, Won};
    Dataset {
        deals: vec![
            at("b", "prospecting", Open, 333, "r1", None, ""),
            at("a", "prospecting", Open, 10_000, "r1", None, "2026-12-01"),
            at("c", "demo", Open, 5_000, "r2", Some(50), ""),
            at("d", "proposal", Lost, 7_000, "r1", None, ""),
            at("e", "negotiation", Won, 20_000, "r2", None, ""),
            at("f", "pilot", Open, 4_000, "r1", None, ""),
            deleted(at("g", "prospecting", Open, 9_999, "r1", None, "")),
            at("h", "negotiation", Open, 1_000, "", None, ""),
        ]
        .into(),
        ..Dataset::default()
    }
}

/// (stage id, known, deal ids, total, weighted, reached, advanced, drop-off)
type Column = (
    &'static str,
    bool,
    Vec<&'static str>,
    i64,
    i64,
    u32,
    u32,
    Option<f64>,
);

fn check_board(case: &str, data: &Dataset, scope: &Scope, expected: Vec<Column>) {
    let columns = board(data, scope);
    assert_eq!(columns.len(), expected.len(), "{case}: column count");
    for (column, (stage, known, ids, total, weighted, reached, advanced, drop)) in
        columns.iter().zip(expected)
    {
        let at = format!("{case}, column {stage}");
        assert_eq!(column.stage.id, stage, "{at}: stage");
        assert_eq!(column.known, known, "{at}: known");
        assert_eq!(column.deal_ids, ids, "{at}: deals");
        assert_eq!(column.count as usize, ids.len(), "{at}: count");
        assert_eq!(column.total, Money(total), "{at}: total");
        assert_eq!(column.weighted, Money(weighted), "{at}: weighted");
        assert_eq!(column.reached, reached, "{at}: reached");
        assert_eq!(column.advanced, advanced, "{at}: advanced");
        match (column.drop_off, drop) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{at}: drop-off {a} ≠ {b}"),
            (a, b) => assert_eq!(a, b, "{at}: drop-off"),
        }
    }
}

#[test]
fn board_everyone() {
    // Reached: a, b (prospecting); c (demo); d lost in proposal; e won (all); h
    // (negotiation); f's stage is unknown, g is deleted.
    check_board(
        "everyone",
        &data(),
        &Scope::Everyone,
        vec![
            // a has an expected close, b none: a first. 10,000 × 10 % + 333 × 10 %
            // = 1,033.3 → 1,033. Reached 6, advanced (reached qualified) 4: 2/6.
            (
                "prospecting",
                true,
                vec!["a", "b"],
                10_333,
                1_033,
                6,
                4,
                Some(2.0 / 6.0),
            ),
            ("qualified", true, vec![], 0, 0, 4, 4, Some(0.0)),
            // c's own 50 % beats the stage's 40 %.
            ("demo", true, vec!["c"], 5_000, 2_500, 4, 3, Some(0.25)),
            ("proposal", true, vec![], 0, 0, 3, 2, Some(1.0 / 3.0)),
            // Advanced from the last stage = won (e only).
            ("negotiation", true, vec!["h"], 1_000, 800, 2, 1, Some(0.5)),
            // Unknown stage: its own column, probability 0, no drop-off.
            ("pilot", false, vec!["f"], 4_000, 0, 0, 0, None),
        ],
    );
}

#[test]
fn board_of_one_rep() {
    // r1: a, b open in prospecting, d lost in proposal, f in the unknown stage.
    check_board(
        "rep r1",
        &data(),
        &rep("r1"),
        vec![
            (
                "prospecting",
                true,
                vec!["a", "b"],
                10_333,
                1_033,
                3,
                1,
                Some(2.0 / 3.0),
            ),
            ("qualified", true, vec![], 0, 0, 1, 1, Some(0.0)),
            ("demo", true, vec![], 0, 0, 1, 1, Some(0.0)),
            ("proposal", true, vec![], 0, 0, 1, 0, Some(1.0)),
            ("negotiation", true, vec![], 0, 0, 0, 0, None),
            ("pilot", false, vec!["f"], 4_000, 0, 0, 0, None),
        ],
    );
}

#[test]
fn board_order_and_rounding() {
    use DealStatus::Open;
    let data = Dataset {
        deals: vec![
            // Same expected close: larger amount first; same amount: by id.
            at("z", "qualified", Open, 5, "", Some(10), "2026-12-01"),
            at("y", "qualified", Open, 5, "", Some(10), "2026-12-01"),
            at("x", "qualified", Open, 900, "", Some(10), "2026-12-01"),
            at("w", "qualified", Open, 900, "", Some(10), "2026-11-30"),
            at("v", "qualified", Open, 1, "", Some(100), ""),
        ]
        .into(),
        ..Dataset::default()
    };
    let columns = board(&data, &Scope::Everyone);
    let qualified = &columns[1];
    assert_eq!(
        qualified.deal_ids,
        vec!["w", "x", "y", "z", "v"],
        "board order"
    );
    // 900 × 10 % × 2 + 5 × 10 % × 2 + 1 × 100 % = 180 + 1 + 1 = 182 (sum exact, rounded
    // once: 0.5 + 0.5 = 1, not 1 + 1).
    assert_eq!(qualified.weighted, Money(182), "exact sum, rounded once");
    assert_eq!(qualified.total, Money(1_811), "total");
    assert!(
        board(&Dataset::default(), &Scope::Everyone)
            .iter()
            .all(|c| c.count == 0 && c.drop_off.is_none()),
        "empty dataset: empty columns"
    );
}

#[test]
fn move_table() {
    use DealStatus::{Lost, Open, Won};
    let settings = Settings::default();
    let stage = |s: &str| MoveTo::Stage(s.into());
    let rows: Vec<(&str, Deal, MoveTo, Result<&str, MoveError>)> = vec![
        (
            "next from prospecting",
            at("m", "prospecting", Open, 1, "", None, ""),
            MoveTo::Next,
            Ok("qualified"),
        ),
        (
            "previous from demo",
            at("m", "demo", Open, 1, "", None, ""),
            MoveTo::Previous,
            Ok("qualified"),
        ),
        (
            "drag to proposal",
            at("m", "prospecting", Open, 1, "", None, ""),
            stage("proposal"),
            Ok("proposal"),
        ),
        (
            "drag back to the first",
            at("m", "negotiation", Open, 1, "", None, ""),
            stage("prospecting"),
            Ok("prospecting"),
        ),
        (
            "drop on its own stage",
            at("m", "demo", Open, 1, "", None, ""),
            stage("demo"),
            Ok("demo"),
        ),
        (
            "from an unknown stage by drag",
            at("m", "pilot", Open, 1, "", None, ""),
            stage("demo"),
            Ok("demo"),
        ),
        (
            "next from the last",
            at("m", "negotiation", Open, 1, "", None, ""),
            MoveTo::Next,
            Err(MoveError::AtLastStage),
        ),
        (
            "previous from the first",
            at("m", "prospecting", Open, 1, "", None, ""),
            MoveTo::Previous,
            Err(MoveError::AtFirstStage),
        ),
        (
            "to an unknown stage",
            at("m", "demo", Open, 1, "", None, ""),
            stage("pilot"),
            Err(MoveError::UnknownStage("pilot".into())),
        ),
        (
            "a step from an unknown stage",
            at("m", "pilot", Open, 1, "", None, ""),
            MoveTo::Next,
            Err(MoveError::UnknownStage("pilot".into())),
        ),
        (
            "won deals stay",
            at("m", "demo", Won, 1, "", None, ""),
            MoveTo::Next,
            Err(MoveError::Closed),
        ),
        (
            "lost deals stay",
            at("m", "demo", Lost, 1, "", None, ""),
            stage("proposal"),
            Err(MoveError::Closed),
        ),
    ];
    for (case, deal, to, expected) in rows {
        let moved = move_deal(&deal, &to, &settings);
        match expected {
            Ok(stage) => {
                let moved = moved.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(moved.stage, stage, "{case}");
                assert_eq!(
                    Deal {
                        stage: deal.stage.clone(),
                        ..moved
                    },
                    deal,
                    "{case}: nothing else changes"
                );
            }
            Err(error) => assert_eq!(moved, Err(error), "{case}"),
        }
    }
    let no_stages = Settings {
        stages: vec![],
        ..Settings::default()
    };
    let open = at("m", "demo", Open, 1, "", None, "");
    assert_eq!(
        move_deal(&open, &MoveTo::Next, &no_stages),
        Err(MoveError::UnknownStage("demo".into())),
        "no stages at all"
    );
}

/// (case, deal, reason, day, expected reason or error)
type CloseRow = (
    &'static str,
    Deal,
    &'static str,
    &'static str,
    Result<&'static str, MoveError>,
);

#[test]
fn close_table() {
    use DealStatus::{Lost, Open, Won};
    let open = at("m", "demo", Open, 1, "", None, ""); // created 2026-10-01
    let today = day("2026-11-22");
    let rows: Vec<CloseRow> = vec![
        (
            "reason trimmed",
            open.clone(),
            "  Price too high ",
            "2026-11-22",
            Ok("Price too high"),
        ),
        (
            "same day as created",
            open.clone(),
            "Timing",
            "2026-10-01",
            Ok("Timing"),
        ),
        (
            "blank reason",
            open.clone(),
            "   ",
            "2026-11-22",
            Err(MoveError::ReasonRequired),
        ),
        (
            "empty reason",
            open.clone(),
            "",
            "2026-11-22",
            Err(MoveError::ReasonRequired),
        ),
        (
            "before created",
            open.clone(),
            "Timing",
            "2026-09-30",
            Err(MoveError::CloseBeforeCreated),
        ),
        (
            "already lost",
            at("m", "demo", Lost, 1, "", None, ""),
            "Timing",
            "2026-11-22",
            Err(MoveError::Closed),
        ),
        (
            "already won",
            at("m", "demo", Won, 1, "", None, ""),
            "Timing",
            "2026-11-22",
            Err(MoveError::Closed),
        ),
    ];
    for (case, deal, reason, on, expected) in rows {
        let result = close_lost(&deal, reason, day(on));
        match expected {
            Ok(reason) => {
                let lost = result.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(lost.status, Lost, "{case}");
                assert_eq!(lost.closed_on, Some(day(on)), "{case}");
                assert_eq!(lost.lost_reason.as_deref(), Some(reason), "{case}");
                assert_eq!(lost.stage, "demo", "{case}: keeps its stage");
                assert!(lost.validate().is_empty(), "{case}: a valid deal");
            }
            Err(error) => assert_eq!(result, Err(error), "{case}"),
        }
    }
    let won = close_won(&open, today).expect("open deal wins");
    assert_eq!(
        (won.status, won.closed_on, won.lost_reason.clone()),
        (Won, Some(today), None)
    );
    assert!(won.validate().is_empty(), "won: a valid deal");
    assert_eq!(close_won(&won, today), Err(MoveError::Closed), "won twice");
    assert_eq!(
        close_won(&open, day("2026-09-01")),
        Err(MoveError::CloseBeforeCreated),
        "won before created"
    );
}

fn lost(id: &str, reason: Option<&str>, amount: i64, closed: &str, rep: &str) -> Deal {
    Deal {
        id: id.into(),
        lost_reason: reason.map(str::to_owned),
        rep_id: (!rep.is_empty()).then(|| rep.into()),
        ..deal(DealStatus::Lost, amount, "2026-10-01", closed)
    }
}

#[test]
fn lost_reasons_table() {
    let november = Period::month_of(day("2026-11-01"));
    let data = Dataset {
        deals: vec![
            lost("p1", Some("Price"), 1_000, "2026-11-02", "r1"),
            lost("p2", Some(" Price "), 2_000, "2026-11-03", "r1"),
            lost("p3", Some("price"), 500, "2026-11-30", "r2"),
            lost("n1", Some("No budget"), 10_000, "2026-11-01", "r1"),
            lost("n2", Some("no   budget"), 50, "2026-11-05", "r2"),
            lost("t1", Some("Timing"), 3_000, "2026-11-05", "r2"),
            lost("t2", Some("Competitor"), 3_000, "2026-11-05", "r2"),
            lost("x1", None, 70, "2026-11-06", "r1"),
            lost("x2", Some("  "), 30, "2026-11-06", "r1"),
            lost("o1", Some("Price"), 99_000, "2026-10-31", "r1"),
            lost("o2", Some("Price"), 99_000, "2026-12-01", "r1"),
            deleted(lost("del", Some("Timing"), 99_000, "2026-11-05", "r1")),
            Deal {
                id: "won".into(),
                ..deal(DealStatus::Won, 99_000, "2026-10-01", "2026-11-05")
            },
        ]
        .into(),
        ..Dataset::default()
    };
    let row = |reason: &str, count: u32, amount: i64| LostReason {
        reason: reason.into(),
        count,
        amount: Money(amount),
    };
    let rows: Vec<(&str, Scope, Vec<LostReason>)> = vec![
        (
            "everyone: grouped ignoring case and spaces, most common spelling; ties by amount, then text",
            Scope::Everyone,
            vec![
                // "Price" ×2 (trimmed) beats "price" ×1.
                row("Price", 3, 3_500),
                // "No budget" and "no budget" once each: the smaller text ("N" < "n").
                row("No budget", 2, 10_050),
                // No reason and a blank one: one group with an empty reason.
                row("", 2, 100),
                row("Competitor", 1, 3_000),
                row("Timing", 1, 3_000),
            ],
        ),
        (
            "rep r2 only",
            rep("r2"),
            vec![row("Competitor", 1, 3_000), row("Timing", 1, 3_000), row("price", 1, 500), row("no budget", 1, 50)],
        ),
        ("a rep without lost deals", rep("r9"), vec![]),
    ];
    for (case, scope, expected) in rows {
        assert_eq!(lost_reasons(&data, &november, &scope), expected, "{case}");
    }
}
