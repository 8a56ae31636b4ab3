//! Where an import is, and why it cannot go on: for the progress bar and the messages.

use super::fields::Field;
use crate::model::RecordKind;

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// No header row: the file is empty or blank.
    Empty,
    /// The header row could not be read.
    Malformed,
    /// Records of this type are not imported from CSV.
    NotImportable(RecordKind),
    /// The file is not text: it holds NUL or other control bytes (an image, a
    /// workbook, a program renamed .csv).
    Binary,
    /// The bytes are neither UTF-8, UTF-16 with a byte-order mark nor Windows-1252.
    UnknownEncoding,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Empty => f.write_str("the file is empty: it has no header row"),
            FileError::Malformed => f.write_str("the file's header row is not readable CSV"),
            FileError::NotImportable(kind) => write!(f, "{} cannot be imported", kind.id()),
            FileError::Binary => f.write_str("the file is not text (it holds binary data)"),
            FileError::UnknownEncoding => {
                f.write_str("the file's text is neither UTF-8, UTF-16 nor Windows-1252")
            }
        }
    }
}

impl FileError {
    /// Stable id for the app's message.
    pub fn id(&self) -> &'static str {
        match self {
            FileError::Empty => "empty",
            FileError::Malformed => "malformed",
            FileError::NotImportable(_) => "not_importable",
            FileError::Binary => "binary",
            FileError::UnknownEncoding => "unknown_encoding",
        }
    }
}

/// Why [`ImportJob::finish`] gave no records. Nothing is imported in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// [`ImportJob::step`] has not reached the end yet.
    NotFinished,
    /// Required fields no column is mapped to.
    Unmapped(Vec<Field>),
    /// Date columns (their headers) whose `03/04/2026` reads two ways and whose order
    /// the user has not chosen yet ([`super::Mapping::date_order`]).
    DateOrder(Vec<String>),
    /// Rows with problems: how many problems in all (see [`ImportJob::errors`]).
    Errors(usize),
}

impl std::fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportFailure::NotFinished => f.write_str("the file has not been checked to the end"),
            ImportFailure::Unmapped(fields) => {
                let ids: Vec<&str> = fields.iter().map(|f| f.id()).collect();
                write!(f, "no column is mapped to {}", ids.join(", "))
            }
            ImportFailure::DateOrder(columns) => write!(
                f,
                "the date order (day or month first) of {} is not chosen",
                columns.join(", ")
            ),
            ImportFailure::Errors(n) => write!(f, "{n} problems in the file; nothing was imported"),
        }
    }
}

/// Where a job is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Reading rows from the text (progress in bytes).
    Reading,
    /// Checking and converting rows (progress in rows).
    Checking,
    /// Every row checked: the report is complete.
    Done,
}

/// How far a job is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    /// Bytes read (reading) or rows checked (checking, done).
    pub done: usize,
    /// Bytes of the file (reading) or rows in it (checking, done).
    pub total: usize,
}

impl Progress {
    /// The share of the whole job done, 0–1: reading counts for the first 30 %,
    /// checking for the rest.
    pub fn fraction(&self) -> f64 {
        let part = if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        };
        match self.phase {
            Phase::Reading => 0.3 * part,
            Phase::Checking => 0.3 + 0.7 * part,
            Phase::Done => 1.0,
        }
    }

    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }
}

/// One of the first rows as it will be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    /// 1-based spreadsheet row (header = 1).
    pub row: usize,
    /// Field → the value as it will be stored, written as Salesboard's CSV writes it
    /// (dates `yyyy-mm-dd`, amounts `1234.50`, stage names, customer and owner names).
    pub values: Vec<(Field, String)>,
    /// Linked fields whose name makes a new record (a new customer or rep).
    pub new_links: Vec<Field>,
    /// Set when the row repeats a record (and is skipped unless the policy imports it).
    pub duplicate: Option<super::report::DuplicateOf>,
    /// The row has problems (listed in [`ImportJob::errors`]).
    pub has_errors: bool,
}
