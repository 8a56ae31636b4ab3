//! A file with problems: every problem named by row and column, nothing imported.

use kpi::import::{Field, FileError, ImportFailure, ImportJob, ImportProblem};
use kpi::{Dataset, NumberLocale, RecordKind};

use super::support::{fixture, options, problems, run};

#[test]
fn each_bad_row_is_named_with_its_column() {
    let data = Dataset::default();
    let job = run(
        RecordKind::Deal,
        &fixture("malformed_deals.csv"),
        &data,
        NumberLocale::En,
    );
    assert_eq!(
        problems(&job),
        [
            (3, Some("Amount"), "not_a_number"),
            (4, Some("Close Date"), "not_a_date"),
            (5, Some("Deal Name"), "required"),
            (6, Some("Close Date"), "close_before_created"),
            (7, Some("Deal Stage"), "unknown_stage"),
        ]
    );
    assert_eq!(job.unknown_stages(), ["Waiting for Godot"]);
    assert_eq!(
        job.finish(),
        Err(ImportFailure::Errors(5)),
        "all or nothing"
    );
    assert_eq!(
        job.errors()[0].to_string(),
        "row 3, column \"Amount\": \"a lot\" is not a number"
    );
}

#[test]
fn mapping_an_unknown_stage_clears_its_error() {
    let data = Dataset::default();
    let text = "Deal Name,Deal Stage,Create Date\nA,Waiting for Godot,2026-01-10\n";
    let mut job = run(RecordKind::Deal, text, &data, NumberLocale::En);
    assert_eq!(problems(&job), [(2, Some("Deal Stage"), "unknown_stage")]);
    let mut mapping = job.mapping().clone();
    mapping
        .stages
        .insert("waiting for godot".into(), "demo".into());
    job.set_mapping(mapping);
    job.run(&data, &mut super::support::ids());
    let outcome = job.finish().expect("no problems left");
    let kpi::forms::AnyRecord::Deal(deal) = &outcome.records[0] else {
        panic!("a deal")
    };
    assert_eq!(deal.stage, "demo");
}

#[test]
fn row_numbers_count_blank_lines_and_quoted_line_breaks() {
    let data = Dataset::default();
    let text = "Deal Name,Amount,Create Date\n\"Two\nlines\",5,2026-01-01\n\nBad,x,2026-01-01\n";
    let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
    assert_eq!(
        problems(&job),
        [(4, Some("Amount"), "not_a_number")],
        "header 1, record 2, blank 3"
    );
}

#[test]
fn file_level_problems() {
    let data = Dataset::default();
    let new =
        |kind, text: &str| ImportJob::new(kind, text.to_owned(), options(NumberLocale::En)).err();
    assert_eq!(
        new(RecordKind::Deal, ""),
        Some(FileError::Empty),
        "empty file"
    );
    assert_eq!(
        new(RecordKind::Deal, " , \n"),
        Some(FileError::Empty),
        "blank header"
    );
    assert_eq!(
        new(RecordKind::Goal, "title\nx\n"),
        Some(FileError::NotImportable(RecordKind::Goal)),
        "goals"
    );
    let job = run(
        RecordKind::Deal,
        "Amount,Stage\n5,demo\n",
        &data,
        NumberLocale::En,
    );
    assert_eq!(job.mapping().missing_fields(), [Field::Title]);
    assert_eq!(
        job.finish(),
        Err(ImportFailure::Unmapped(vec![Field::Title]))
    );
    assert_eq!(
        problems(&job)[0],
        (1, None, "required"),
        "a missing column is a row-1 problem"
    );
    let job = run(
        RecordKind::Deal,
        "Deal Name,Amount\nA,5,extra\nB,6,\n",
        &data,
        NumberLocale::En,
    );
    assert_eq!(
        problems(&job),
        [(2, None, "too_many_cells")],
        "blank extra cells are fine"
    );
}

#[test]
fn cell_problems_by_field() {
    let data = Dataset::default();
    let table: &[(&str, &str, &str)] = &[
        (
            "euro dataset, dollar amount",
            "Deal Name,Amount\nA,$5\n",
            "other_currency",
        ),
        (
            "currency column",
            "Deal Name,Currency\nA,USD\n",
            "other_currency",
        ),
        (
            "unknown status",
            "Deal Name,Status\nA,deleted\n",
            "unknown_value",
        ),
        (
            "probability above 100",
            "Deal Name,Probability\nA,150\n",
            "out_of_range",
        ),
        (
            "unknown kind",
            "Deal Name,Deal Type\nA,barter\n",
            "unknown_value",
        ),
        ("negative amount", "Deal Name,Amount\nA,-5\n", "negative"),
        (
            "expected before created",
            "Deal Name,Create Date,Expected close date\nA,2026-05-01,2026-04-01\n",
            "expected_before_created",
        ),
        (
            "won box says yes-ish",
            "Deal Name,Won\nA,perhaps\n",
            "unknown_value",
        ),
    ];
    for (case, text, id) in table {
        let job = run(RecordKind::Deal, text, &data, NumberLocale::En);
        let found: Vec<&str> = job.errors().iter().map(|e| e.problem.id()).collect();
        assert_eq!(found, [*id], "{case}");
        assert!(job.finish().is_err(), "{case}: nothing imported");
    }
    let job = run(
        RecordKind::Activity,
        "date,deal\n2026-01-01,No such deal\n",
        &data,
        NumberLocale::En,
    );
    assert_eq!(
        job.errors()[0].problem,
        ImportProblem::UnknownDeal,
        "activity of an unknown deal"
    );
    let job = run(
        RecordKind::Order,
        "customer,date\nAcme,2026-01-01\n",
        &data,
        NumberLocale::En,
    );
    assert_eq!(
        problems(&job),
        [(1, None, "required")],
        "an order needs an amount column"
    );
}

#[test]
fn a_rule_on_a_field_no_column_fills_names_the_field() {
    let data = Dataset::default();
    let job = run(
        RecordKind::Customer,
        "Company name,churned_on\nAcme,2026-03-05\n",
        &data,
        NumberLocale::En,
    );
    let error = &job.errors()[0];
    assert_eq!(
        (error.row, error.column.as_deref(), error.field),
        (2, None, Some(Field::AcquiredOn))
    );
    assert_eq!(
        error.to_string(),
        "row 2, acquired_on: is required but empty"
    );
    assert!(
        job.finish().is_err(),
        "found by the fuzz campaign: was accepted, then refused by the dataset rules"
    );
}
