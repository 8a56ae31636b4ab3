//! What an import found wrong, row by row, and which rows repeat records already there.
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1, the first
//! record row 2. A record whose cells span several lines (a quoted line break) is
//! still one row; blank lines are rows; CRLF, LF and CR each end one line (see
//! `lines.rs`).

use std::fmt;

use super::fields::Field;
use crate::deal_input::Problem;
use crate::model::{RecordId, RecordKind};
use crate::money::Currency;

/// What is wrong with a cell, a row or the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportProblem {
    /// A field the record cannot do without is blank.
    Required,
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
    /// Not a date in any accepted form, or a date that does not exist (31 April), or
    /// a slash date written the other way round than the rest of its column.
    NotADate,
    /// A number outside its range (a probability above 100 %, minutes above a day).
    OutOfRange,
    /// A word the field does not know (a status, a kind, a yes/no).
    UnknownValue,
    /// A stage that is neither in the pipeline nor a known CRM stage: map it to one
    /// (see [`super::Mapping::stages`]).
    UnknownStage,
    /// An amount or currency column in a currency other than the dataset's.
    OtherCurrency(Currency),
    /// No live deal has this id or title.
    UnknownDeal,
    /// Several live deals have this title.
    AmbiguousDeal,
    /// A rule of the record broken by the row's values together (e.g. closed before
    /// created); see [`crate::rules`].
    Rule(Problem),
    /// The row has more cells than the header has columns.
    TooManyCells,
    /// The file is not CSV the reader could follow (carries the reader's message).
    Malformed,
    /// A cell opens a quote (`"`) that never closes: every line after it was read into
    /// that cell. Reported at the row and column where the quote opened.
    UnclosedQuote,
}

impl ImportProblem {
    /// Stable snake_case id, the key of the app's message ("import.problem.<id>").
    /// A broken rule reports the rule's own id (e.g. "close_before_created").
    pub fn id(self) -> &'static str {
        match self {
            ImportProblem::Required => "required",
            ImportProblem::NotANumber => "not_a_number",
            ImportProblem::Negative => "negative",
            ImportProblem::TooManyDecimals => "too_many_decimals",
            ImportProblem::TooLarge => "too_large",
            ImportProblem::NotADate => "not_a_date",
            ImportProblem::OutOfRange => "out_of_range",
            ImportProblem::UnknownValue => "unknown_value",
            ImportProblem::UnknownStage => "unknown_stage",
            ImportProblem::OtherCurrency(_) => "other_currency",
            ImportProblem::UnknownDeal => "unknown_deal",
            ImportProblem::AmbiguousDeal => "ambiguous_deal",
            ImportProblem::Rule(problem) => problem.id(),
            ImportProblem::TooManyCells => "too_many_cells",
            ImportProblem::Malformed => "malformed",
            ImportProblem::UnclosedQuote => "unclosed_quote",
        }
    }
}

impl From<Problem> for ImportProblem {
    fn from(problem: Problem) -> Self {
        match problem {
            Problem::Required => ImportProblem::Required,
            Problem::NotANumber => ImportProblem::NotANumber,
            Problem::Negative => ImportProblem::Negative,
            Problem::TooManyDecimals => ImportProblem::TooManyDecimals,
            Problem::TooLarge => ImportProblem::TooLarge,
            Problem::NotADate => ImportProblem::NotADate,
            Problem::OutOfRange => ImportProblem::OutOfRange,
            other => ImportProblem::Rule(other),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportProblem::Required => f.write_str("is required but empty"),
            ImportProblem::NotANumber => f.write_str("is not a number"),
            ImportProblem::Negative => f.write_str("must not be negative"),
            ImportProblem::TooManyDecimals => f.write_str("has more decimals than the currency"),
            ImportProblem::TooLarge => f.write_str("is too large"),
            ImportProblem::NotADate => f.write_str("is not a date"),
            ImportProblem::OutOfRange => f.write_str("is out of range"),
            ImportProblem::UnknownValue => f.write_str("is not a known value"),
            ImportProblem::UnknownStage => f.write_str("is not a stage of the pipeline"),
            ImportProblem::OtherCurrency(c) => {
                write!(f, "is in {}, not the dataset's currency", c.code())
            }
            ImportProblem::UnknownDeal => f.write_str("names no deal"),
            ImportProblem::AmbiguousDeal => f.write_str("names several deals"),
            ImportProblem::Rule(problem) => write!(f, "breaks a rule ({})", problem.id()),
            ImportProblem::TooManyCells => f.write_str("has more cells than the header"),
            ImportProblem::Malformed => f.write_str("is not readable CSV"),
            ImportProblem::UnclosedQuote => {
                f.write_str("opens a quote that never closes: the lines after it are in this cell")
            }
        }
    }
}

/// One problem in one row (and column, when it is about a cell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based spreadsheet row: the header is row 1.
    pub row: usize,
    /// The column's header as written in the file; `None` for the whole row.
    pub column: Option<String>,
    /// The field the problem is about (the column's, or a field no column fills, e.g.
    /// a churned customer's missing acquired date); `None` for the whole row.
    pub field: Option<Field>,
    pub problem: ImportProblem,
    /// The cell's text (at most 80 characters), empty for the whole row.
    pub value: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) if self.value.is_empty() => {
                write!(
                    f,
                    "row {}, column \"{}\": {}",
                    self.row, column, self.problem
                )
            }
            Some(column) => write!(
                f,
                "row {}, column \"{}\": \"{}\" {}",
                self.row, column, self.value, self.problem
            ),
            None => match self.field {
                Some(field) => write!(f, "row {}, {}: {}", self.row, field.id(), self.problem),
                None => write!(f, "row {}: {}", self.row, self.problem),
            },
        }
    }
}

/// What an imported row repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    /// A record already in the dataset (live or deleted), by id.
    Existing { kind: RecordKind, id: RecordId },
    /// An earlier row of the same file (its spreadsheet row).
    Row(usize),
}

/// A row that repeats a record (see [`super::duplicates`] for the rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// 1-based spreadsheet row (header = 1).
    pub row: usize,
    /// The row's title (a deal's title, a name, else its date), for the message.
    pub title: String,
    pub of: DuplicateOf,
}
