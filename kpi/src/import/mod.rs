//! CSV import of deals, customers, leads, activities and orders from HubSpot,
//! Pipedrive, Salesforce or a spreadsheet, and CSV export of every record type.
//!
//! - [`headers`]: header → field recognition per CRM; [`Mapping`]: the adjustable map;
//! - [`values`]: dates, amounts, stage and status words as CRMs write them;
//! - [`decode_text`]: file bytes → text (UTF-8, UTF-16, Windows-1252), or why the file is
//!   not text at all (a PNG renamed .csv is refused, not read as a spreadsheet);
//! - [`ImportJob`]: reads and checks a file in steps, with a report of per-row errors,
//!   duplicates ([`duplicates`] has the rule) and a preview; all or nothing:
//!   [`ImportJob::finish`] gives records only when no row has a problem and the user
//!   has answered what the file leaves open (the order of `03/04/2026`);
//! - rows are numbered as a spreadsheet shows them, whatever ends the lines; a quote
//!   that never closes is a problem at its row (`lines.rs` has both rules);
//! - [`export_csv`]: Salesboard's own CSV, which imports again unchanged.
//!
//! `kpi` reads no clock and draws no random numbers: "today", "now" and new ids are
//! passed in ([`ImportOptions`], the `new_id` of [`ImportJob::step`]).

mod checks;
mod convert;
pub mod duplicates;
mod export;
mod fields;
pub mod headers;
mod job;
mod lines;
mod link;
mod mapping;
mod outcome;
mod report;
mod row;
mod status;
mod text;
pub mod values;

pub use convert::resolve_stage;
pub use duplicates::record_id;
pub use export::{export_csv, protect_formula, unprotect_formula};
pub use fields::{Field, IMPORT_KINDS};
pub use headers::{detect_source, normalize_header, recognize, Crm};
pub use job::{ImportJob, ImportOptions, MAX_ERRORS, PREVIEW_ROWS};
pub use mapping::{ColumnNote, DuplicatePolicy, Mapping, DEFAULT_MISSING_REASON};
pub use outcome::ImportOutcome;
pub use report::{Duplicate, DuplicateOf, ImportProblem, RowError};
pub use status::{FileError, ImportFailure, Phase, PreviewRow, Progress};
pub use text::decode_text;
