use kpi::DealField::*;
use kpi::Problem::*;
use kpi::{
    decode, demo_dataset, encode, DataProblem, Dataset, Deal, DealStatus, FieldError, LoadError,
    Money, Stage,
};

use crate::support::{day, deal, instant, tombstoned};

/// A valid won deal in the default "negotiation" stage with this id.
fn won(id: &str) -> Deal {
    let mut d = deal(DealStatus::Won, 100_000, "2026-11-01", "2026-11-10");
    d.id = id.into();
    d
}

/// Default settings and these deals.
fn with_deals(deals: Vec<Deal>) -> Dataset {
    Dataset {
        deals: deals.into(),
        ..Dataset::default()
    }
}

fn stage(id: &str) -> Stage {
    Stage {
        id: id.into(),
        name: id.into(),
        probability: 50,
    }
}

fn invalid(index: usize, id: &str, errors: &[(kpi::DealField, kpi::Problem)]) -> DataProblem {
    DataProblem::InvalidDeal {
        index,
        id: id.into(),
        errors: errors.iter().map(|&(f, p)| FieldError::new(f, p)).collect(),
    }
}

/// (case, dataset, expected problems in order)
type Row = (&'static str, Dataset, Vec<DataProblem>);

#[test]
fn dataset_problems_table() {
    let edit = |mut d: Deal, change: fn(&mut Deal)| {
        change(&mut d);
        d
    };
    let rows: Vec<Row> = vec![
        ("empty dataset", Dataset::default(), vec![]),
        ("valid deals", with_deals(vec![won("a"), won("b")]), vec![]),
        (
            "duplicate deal id",
            with_deals(vec![won("a"), won("b"), won("a")]),
            vec![DataProblem::DuplicateId {
                kind: kpi::RecordKind::Deal,
                index: 2,
                id: "a".into(),
                first: 0,
            }],
        ),
        (
            "a tombstone's id counts for duplicates",
            with_deals(vec![tombstoned(won("a")), won("a")]),
            vec![DataProblem::DuplicateId {
                kind: kpi::RecordKind::Deal,
                index: 1,
                id: "a".into(),
                first: 0,
            }],
        ),
        (
            "three deals with one id: two problems, both naming the first",
            with_deals(vec![won("a"), won("a"), won("a")]),
            vec![
                DataProblem::DuplicateId {
                    kind: kpi::RecordKind::Deal,
                    index: 1,
                    id: "a".into(),
                    first: 0,
                },
                DataProblem::DuplicateId {
                    kind: kpi::RecordKind::Deal,
                    index: 2,
                    id: "a".into(),
                    first: 0,
                },
            ],
        ),
        (
            "negative amount",
            with_deals(vec![edit(won("a"), |d| d.amount = Money(-1))]),
            vec![invalid(0, "a", &[(Amount, Negative)])],
        ),
        (
            "amount above the cap",
            with_deals(vec![edit(won("a"), |d| {
                d.amount = Money(1_000_000_000_000_001)
            })]),
            vec![invalid(0, "a", &[(Amount, TooLarge)])],
        ),
        (
            "won without closed_on",
            with_deals(vec![edit(won("a"), |d| d.closed_on = None)]),
            vec![invalid(0, "a", &[(ClosedOn, Required)])],
        ),
        (
            "lost without closed_on and reason: both in one problem",
            with_deals(vec![edit(won("a"), |d| {
                d.status = DealStatus::Lost;
                d.closed_on = None;
                d.lost_reason = None;
            })]),
            vec![invalid(
                0,
                "a",
                &[(ClosedOn, Required), (LostReason, Required)],
            )],
        ),
        (
            "close before created",
            with_deals(vec![edit(won("a"), |d| {
                d.closed_on = Some(day("2026-10-31"))
            })]),
            vec![invalid(0, "a", &[(ClosedOn, CloseBeforeCreated)])],
        ),
        (
            "lost without reason",
            with_deals(vec![edit(won("a"), |d| {
                d.status = DealStatus::Lost;
                d.lost_reason = Some(" ".into());
            })]),
            vec![invalid(0, "a", &[(LostReason, Required)])],
        ),
        (
            "empty title",
            with_deals(vec![edit(won("a"), |d| d.title = String::new())]),
            vec![invalid(0, "a", &[(Title, Required)])],
        ),
        (
            "empty stage: a broken rule, not also an unknown stage",
            with_deals(vec![edit(won("a"), |d| d.stage = " ".into())]),
            vec![invalid(0, "a", &[(Stage, Required)])],
        ),
        (
            "stage not in settings",
            with_deals(vec![edit(won("a"), |d| d.stage = "closing".into())]),
            vec![DataProblem::UnknownStage {
                index: 0,
                id: "a".into(),
                stage: "closing".into(),
            }],
        ),
        (
            "stage ids are matched exactly",
            with_deals(vec![edit(won("a"), |d| d.stage = "Negotiation".into())]),
            vec![DataProblem::UnknownStage {
                index: 0,
                id: "a".into(),
                stage: "Negotiation".into(),
            }],
        ),
        (
            "tombstones are not held to the deal rules or the pipeline",
            with_deals(vec![tombstoned(edit(won("a"), |d| {
                d.amount = Money(-5);
                d.closed_on = None;
                d.stage = "removed-stage".into();
            }))]),
            vec![],
        ),
        (
            "no stages: one problem, not an unknown stage per deal",
            Dataset {
                lineage: None,
                settings: kpi::Settings {
                    stages: vec![],
                    ..kpi::Settings::default()
                }
                .into(),
                deals: vec![won("a"), won("b")].into(),
                ..Dataset::default()
            },
            vec![DataProblem::NoStages],
        ),
        (
            "duplicate stage id",
            Dataset {
                lineage: None,
                settings: kpi::Settings {
                    stages: vec![stage("negotiation"), stage("demo"), stage("negotiation")],
                    ..kpi::Settings::default()
                }
                .into(),
                deals: vec![won("a")].into(),
                ..Dataset::default()
            },
            vec![DataProblem::DuplicateStageId {
                index: 2,
                id: "negotiation".into(),
                first: 0,
            }],
        ),
        (
            "document order: settings, then per deal id, rules, stage",
            Dataset {
                lineage: None,
                settings: kpi::Settings {
                    stages: vec![stage("negotiation"), stage("negotiation")],
                    ..kpi::Settings::default()
                }
                .into(),
                deals: vec![
                    won("a"),
                    edit(won("a"), |d| {
                        d.amount = Money(-1);
                        d.stage = "gone".into();
                    }),
                ]
                .into(),
                ..Dataset::default()
            },
            vec![
                DataProblem::DuplicateStageId {
                    index: 1,
                    id: "negotiation".into(),
                    first: 0,
                },
                DataProblem::DuplicateId {
                    kind: kpi::RecordKind::Deal,
                    index: 1,
                    id: "a".into(),
                    first: 0,
                },
                invalid(1, "a", &[(Amount, Negative)]),
                DataProblem::UnknownStage {
                    index: 1,
                    id: "a".into(),
                    stage: "gone".into(),
                },
            ],
        ),
    ];
    for (case, data, expected) in rows {
        assert_eq!(data.problems(), expected, "case {case:?}");
    }
}

#[test]
fn problem_messages_name_the_location() {
    let rows = [
        (
            "no stages",
            DataProblem::NoStages,
            "data.settings.stages: the list is empty; at least one stage is needed",
        ),
        (
            "duplicate stage",
            DataProblem::DuplicateStageId {
                index: 2,
                id: "demo".into(),
                first: 0,
            },
            "data.settings.stages[2] (id \"demo\"): the id is also used by data.settings.stages[0]",
        ),
        (
            "duplicate deal",
            DataProblem::DuplicateId {
                kind: kpi::RecordKind::Deal,
                index: 3,
                id: "a1".into(),
                first: 1,
            },
            "data.deals[3] (id \"a1\"): the id is also used by data.deals[1]",
        ),
        (
            "broken rules, in form order",
            invalid(3, "a1", &[(Amount, Negative), (ClosedOn, Required)]),
            "data.deals[3] (id \"a1\"): breaks the deal rules: amount: negative, closed_on: required",
        ),
        (
            "unknown stage",
            DataProblem::UnknownStage {
                index: 0,
                id: "a1".into(),
                stage: "closing".into(),
            },
            "data.deals[0] (id \"a1\"): stage \"closing\" is not in data.settings.stages",
        ),
        (
            "an id with a quote and a newline stays one line",
            DataProblem::DuplicateId {
                kind: kpi::RecordKind::Deal,
                index: 1,
                id: "x\"\ny".into(),
                first: 0,
            },
            "data.deals[1] (id \"x\\\"\\ny\"): the id is also used by data.deals[0]",
        ),
    ];
    for (case, problem, expected) in rows {
        assert_eq!(problem.to_string(), expected, "case {case:?}");
    }
}

#[test]
fn decode_refuses_datasets_with_problems() {
    // (case, dataset, expected LoadError::Invalid text)
    let rows = [
        (
            "one problem: just its message",
            with_deals(vec![won("a"), won("a")]),
            "data.deals[1] (id \"a\"): the id is also used by data.deals[0]".to_owned(),
        ),
        (
            "several problems: the first and how many more",
            with_deals(vec![won("a"), won("a"), won("a")]),
            "data.deals[1] (id \"a\"): the id is also used by data.deals[0] (and 1 more)"
                .to_owned(),
        ),
        (
            "a live deal breaking a rule",
            with_deals(vec![{
                let mut d = won("a");
                d.closed_on = None;
                d
            }]),
            "data.deals[0] (id \"a\"): breaks the deal rules: closed_on: required".to_owned(),
        ),
    ];
    for (case, data, expected) in rows {
        assert_eq!(
            decode(&encode(&data, instant())),
            Err(LoadError::Invalid(expected)),
            "case {case:?}"
        );
    }
}

#[test]
fn decode_refuses_bad_stages_in_a_saved_file() {
    let golden = include_str!("../fixtures/v1_basic.json");
    let no_stages = {
        let start = golden.find("\"stages\": [").unwrap();
        let end = start + golden[start..].find(']').unwrap();
        format!("{}\"stages\": []{}", &golden[..start], &golden[end + 1..])
    };
    let duplicate_stage = golden.replacen("\"id\": \"qualified\"", "\"id\": \"prospecting\"", 1);
    let unknown_stage = golden.replacen("\"stage\": \"negotiation\"", "\"stage\": \"closing\"", 1);
    let rows = [
        (
            "empty pipeline",
            no_stages,
            "data.settings.stages: the list is empty",
        ),
        (
            "duplicate stage id",
            duplicate_stage,
            "data.settings.stages[1] (id \"prospecting\")",
        ),
        (
            "unknown stage",
            unknown_stage,
            "data.deals[0] (id \"3f2b8c1e",
        ),
    ];
    for (case, text, needle) in rows {
        match decode(&text) {
            Err(LoadError::Invalid(message)) => {
                assert!(message.starts_with(needle), "case {case:?}: {message}")
            }
            other => panic!("case {case:?}: {other:?}"),
        }
    }
}

#[test]
fn golden_fixture_and_demo_have_no_problems() {
    let golden = decode(include_str!("../fixtures/v1_basic.json")).expect("golden fixture loads");
    assert_eq!(golden.problems(), vec![], "golden fixture");
    for anchor in [
        "2026-11-22",
        "2027-01-01",
        "2028-02-29",
        "2026-12-31",
        "2030-06-15",
    ] {
        let demo = demo_dataset(day(anchor), instant());
        assert_eq!(demo.problems(), vec![], "demo for {anchor}");
        assert_eq!(
            decode(&encode(&demo, instant())),
            Ok(demo),
            "demo for {anchor} round-trips"
        );
    }
}

#[test]
fn app_e2e_restore_fixture_still_decodes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/e2e/fixtures/restore-basic.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let data = decode(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(data.problems(), vec![]);
    assert_eq!(data.deals.len(), 7);
    assert_eq!(data.live_deals().count(), 6);
}
