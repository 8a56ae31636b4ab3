//! The import's messages in the user's language: a problem by row and column, why a
//! commit was refused.

use crate::lang::I18n;
use crate::text;
use kpi::import::{ImportFailure, ImportProblem, RowError};

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
        ImportFailure::Errors(count) => i18n::fill(
            i18n.texts().import_failure_errors,
            &[("count", &count.to_string())],
        ),
    }
}
