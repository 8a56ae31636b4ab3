//! The import's messages in the user's language: a problem by row and column, why a
//! commit was refused.

use crate::lang::I18n;
use crate::text;
use kpi::import::{ColumnNote, ImportFailure, ImportJob, ImportProblem, RowError};

/// "Row 3, column “Amount”: “abc” is not a number."
pub fn row_error(i18n: I18n, error: &RowError) -> String {
    let problem = match error.problem {
        ImportProblem::OtherCurrency(currency) => i18n::fill(
            i18n.texts().import_problem_other_currency,
            &[("currency", currency.code())],
        ),
        problem => text::label(i18n, "import_problem_", problem.id()),
    };
    let row = error.row.to_string();
    match (&error.column, error.field) {
        (Some(column), _) if !error.value.is_empty() => i18n::fill(
            i18n.texts().import_error_cell,
            &[
                ("row", &row),
                ("column", column),
                ("value", &error.value),
                ("problem", &problem),
            ],
        ),
        (Some(column), _) => i18n::fill(
            i18n.texts().import_error_column,
            &[("row", &row), ("column", column), ("problem", &problem)],
        ),
        (None, Some(field)) => i18n::fill(
            i18n.texts().import_error_unmapped,
            &[
                ("field", &text::label(i18n, "import_field_", field.id())),
                ("problem", &problem),
            ],
        ),
        (None, None) => i18n::fill(
            i18n.texts().import_error_row,
            &[("row", &row), ("problem", &problem)],
        ),
    }
}

/// Why nothing was imported.
pub fn failure(i18n: I18n, failure: &ImportFailure) -> String {
    match failure {
        ImportFailure::NotFinished => i18n.texts().import_failure_not_finished.to_string(),
        ImportFailure::Unmapped(fields) => {
            let names: Vec<String> = fields
                .iter()
                .map(|f| text::label(i18n, "import_field_", f.id()))
                .collect();
            i18n::fill(
                i18n.texts().import_missing_fields,
                &[("fields", &names.join(", "))],
            )
        }
        ImportFailure::DateOrder(columns) => i18n::fill(
            i18n.texts().import_failure_date_order,
            &[("columns", &quoted(columns))],
        ),
        ImportFailure::Errors(count) => i18n::fill(
            i18n.texts().import_failure_errors,
            &[("count", &count.to_string())],
        ),
    }
}

/// “Close Date”, “Created Date”
fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
    quoted.join(", ")
}

/// What the import would do now: "ready to add …" only when the commit would add
/// records; else why nothing can be imported yet.
pub fn summary(i18n: I18n, job: &ImportJob) -> String {
    let (records, customers, reps) = job.counts();
    let duplicates = job.duplicates().len().to_string();
    let t = i18n.texts();
    match job.blocker() {
        None if records > 0 => i18n::fill(
            t.import_summary,
            &[
                ("count", &records.to_string()),
                ("customers", &customers.to_string()),
                ("reps", &reps.to_string()),
                ("problems", "0"),
                ("duplicates", &duplicates),
            ],
        ),
        None => i18n::fill(t.import_summary_nothing, &[("duplicates", &duplicates)]),
        Some(ImportFailure::Errors(problems)) => i18n::fill(
            t.import_summary_problems,
            &[
                ("problems", &problems.to_string()),
                ("duplicates", &duplicates),
            ],
        ),
        Some(ImportFailure::Unmapped(_)) => t.import_summary_unmapped.to_string(),
        Some(ImportFailure::DateOrder(_)) => t.import_summary_dates.to_string(),
        Some(ImportFailure::NotFinished) => t.import_failure_not_finished.to_string(),
    }
}

/// The word a column's [`ColumnNote`] says in the mapping step. Columns are named by
/// their number (1 = the first) and header, since two may share a header.
pub fn column_note(i18n: I18n, note: ColumnNote, headers: &[String]) -> String {
    let t = i18n.texts();
    let fill = |key: &str, index: usize, field: Option<kpi::import::Field>| {
        let number = (index + 1).to_string();
        let header = headers.get(index).map_or("", String::as_str);
        let field = field.map_or_else(String::new, |f| text::label(i18n, "import_field_", f.id()));
        i18n::fill(
            key,
            &[("number", &number), ("header", header), ("field", &field)],
        )
    };
    match note {
        ColumnNote::SameNameAs(earlier) => fill(t.import_note_same_name, earlier, None),
        ColumnNote::FieldTakenBy { field, column } => {
            fill(t.import_note_field_taken, column, Some(field))
        }
        ColumnNote::SharesFieldWith(earlier) => fill(t.import_note_shares_field, earlier, None),
    }
}
