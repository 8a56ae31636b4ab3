//! An import run in steps, so the app can yield to the browser between chunks and
//! show progress: read the file, then check and convert every row.
//!
//! ```text
//! let mut job = ImportJob::new(RecordKind::Deal, text, options)?;   // reads the header
//! job.set_mapping(user_mapping);                                     // optional
//! while !job.step(&data, 2_000, &mut new_id).is_done() { /* yield, draw the bar */ }
//! job.errors(); job.duplicates(); job.preview();                     // the report
//! let outcome = job.finish()?;                                       // only if no error
//! let candidate = outcome.candidate(&data)?;                         // commit in one go
//! ```
//!
//! Reading is one pass over the text and checking one pass over the rows, each row
//! looked up in sorted indexes: O(n log n) for n rows, in chunks of the caller's size.
//! A column's date order and decimal mark are decided from all its rows, so checking
//! starts only once the whole file is read.

use std::collections::BTreeSet;
use std::io::Cursor;

use chrono::{DateTime, NaiveDate, Utc};

use super::checks::{rule_column, rule_errors, rule_field};
use super::convert::{self, Context};
use super::duplicates::{record_id, Index};
use super::export::preview_values;
use super::fields::{Field, IMPORT_KINDS};
use super::headers::{detect_source, Crm};
use super::lines::{blank_lines_at, ends_in_open_quote, spans_lines};
use super::link::{link, NewRecords};
use super::mapping::{DuplicatePolicy, Mapping};
use super::outcome::ImportOutcome;
use super::report::{Duplicate, ImportProblem, RowError};
use super::row::Row;
use super::status::{FileError, ImportFailure, Phase, PreviewRow, Progress};
use super::values::{reads_two_ways, ColumnEvidence, ColumnFormat};
use crate::forms::AnyRecord;
use crate::model::{Customer, Dataset, RecordId, RecordKind, Rep};
use crate::money::NumberLocale;

/// What an import needs from the app: `kpi` reads no clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The fallback for a missing created date.
    pub today: NaiveDate,
    /// `updated_at` of every record the import makes.
    pub now: DateTime<Utc>,
    /// The user's locale: decides a column whose dates and amounts could be read
    /// either way (see [`super::values::ColumnEvidence`]).
    pub locale: NumberLocale,
}

/// How many rows the preview keeps.
pub const PREVIEW_ROWS: usize = 20;
/// How many problems are kept in detail; more are only counted.
pub const MAX_ERRORS: usize = 1_000;

/// A CSV import in progress (see the module docs).
pub struct ImportJob {
    options: ImportOptions,
    /// The one reader of the file, kept across steps (a new reader per step would
    /// take a byte-order mark in mid-file for the start of a file); `None` once read.
    reader: Option<csv::Reader<Cursor<Vec<u8>>>>,
    /// Bytes read so far.
    offset: usize,
    total_bytes: usize,
    delimiter: u8,
    headers: Vec<String>,
    source: Crm,
    mapping: Mapping,
    rows: Vec<csv::StringRecord>,
    row_numbers: Vec<usize>,
    next_row_number: usize,
    /// Rows whose record spans several lines of the file (the first [`MAX_ERRORS`]),
    /// and how many there are in all.
    spanning_rows: Vec<usize>,
    spanning_count: usize,
    evidence: Vec<ColumnEvidence>,
    formats: Vec<ColumnFormat>,
    phase: Phase,
    checked: usize,
    index: Option<Index>,
    read_errors: Vec<RowError>,
    errors: Vec<RowError>,
    error_count: usize,
    duplicates: Vec<Duplicate>,
    records: Vec<AnyRecord>,
    new_customers: Vec<Customer>,
    new_reps: Vec<Rep>,
    preview: Vec<PreviewRow>,
    unknown_stages: BTreeSet<String>,
}

/// The delimiter the header line uses most: ',', ';' or tab (',' on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    let count = |c: char| line.matches(c).count();
    let (semicolons, tabs, commas) = (count(';'), count('\t'), count(','));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

impl ImportJob {
    /// Starts importing `text` as records of `kind`: reads the header row, guesses the
    /// source CRM and proposes a mapping. A UTF-8 byte-order mark is skipped.
    pub fn new(
        kind: RecordKind,
        text: String,
        options: ImportOptions,
    ) -> Result<ImportJob, FileError> {
        if !IMPORT_KINDS.contains(&kind) {
            return Err(FileError::NotImportable(kind));
        }
        let total_bytes = text.len();
        let delimiter = detect_delimiter(text.trim_start_matches('\u{feff}'));
        let mut reader = reader(Cursor::new(text.into_bytes()), delimiter);
        let mut header = csv::StringRecord::new();
        let headers: Vec<String> = match reader.read_record(&mut header) {
            Ok(true) => header.iter().map(|h| h.trim().to_owned()).collect(),
            Ok(false) => return Err(FileError::Empty),
            Err(_) => return Err(FileError::Malformed),
        };
        if headers.iter().all(String::is_empty) {
            return Err(FileError::Empty);
        }
        let offset = usize::try_from(reader.position().byte()).unwrap_or(total_bytes);
        // A header cell whose quote never closes took the whole file in.
        if offset >= total_bytes && ends_in_open_quote(reader.get_ref().get_ref(), 0, delimiter) {
            return Err(FileError::Malformed);
        }
        let mapping = Mapping::propose(kind, &headers);
        Ok(ImportJob {
            options,
            total_bytes,
            delimiter,
            reader: Some(reader),
            offset,
            source: detect_source(&headers),
            evidence: vec![ColumnEvidence::default(); headers.len()],
            headers,
            mapping,
            rows: Vec::new(),
            row_numbers: Vec::new(),
            next_row_number: 2,
            spanning_rows: Vec::new(),
            spanning_count: 0,
            formats: Vec::new(),
            phase: Phase::Reading,
            checked: 0,
            index: None,
            read_errors: Vec::new(),
            errors: Vec::new(),
            error_count: 0,
            duplicates: Vec::new(),
            records: Vec::new(),
            new_customers: Vec::new(),
            new_reps: Vec::new(),
            preview: Vec::new(),
            unknown_stages: BTreeSet::new(),
        })
    }

    /// The record type every row becomes.
    pub fn kind(&self) -> RecordKind {
        self.mapping.kind
    }

    /// The header row as written (trimmed).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The CRM the headers look like.
    pub fn source(&self) -> Crm {
        self.source
    }

    /// The mapping in force (at first the proposed one).
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// Replaces the mapping (its `kind` is kept as the job's) and checks every row
    /// again from the first; what was read is kept.
    pub fn set_mapping(&mut self, mut mapping: Mapping) {
        mapping.kind = self.mapping.kind;
        self.mapping = mapping;
        if self.phase != Phase::Reading {
            self.start_checking();
        }
    }

    /// The data rows read so far (blank rows are skipped).
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Does up to `max_rows` rows of work (at least one) and says how far the job is.
    /// `data` is the dataset the import goes into: pass the same one every step.
    /// `new_id` makes the ids of new records (the app's UUID v4).
    pub fn step(
        &mut self,
        data: &Dataset,
        max_rows: usize,
        new_id: &mut dyn FnMut() -> RecordId,
    ) -> Progress {
        let max_rows = max_rows.max(1);
        match self.phase {
            Phase::Reading => self.read(max_rows),
            Phase::Checking => self.check(data, max_rows, new_id),
            Phase::Done => {}
        }
        self.progress()
    }

    /// Runs every remaining step at once (for tests and small files).
    pub fn run(&mut self, data: &Dataset, new_id: &mut dyn FnMut() -> RecordId) -> Progress {
        loop {
            let progress = self.step(data, 10_000, new_id);
            if progress.is_done() {
                return progress;
            }
        }
    }

    pub fn progress(&self) -> Progress {
        match self.phase {
            Phase::Reading => Progress {
                phase: Phase::Reading,
                done: self.offset.min(self.total_bytes),
                total: self.total_bytes,
            },
            phase => Progress {
                phase,
                done: self.checked,
                total: self.rows.len(),
            },
        }
    }

    fn read(&mut self, max_rows: usize) {
        let Some(mut reader) = self.reader.take() else {
            return;
        };
        let mut record = csv::StringRecord::new();
        let mut finished = false;
        for _ in 0..max_rows {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    let start = record.position().map_or(0, |p| p.byte() as usize);
                    let end = usize::try_from(reader.position().byte()).unwrap_or(self.total_bytes);
                    let bytes = reader.get_ref().get_ref();
                    self.next_row_number += blank_lines_at(bytes, start);
                    self.offset = end;
                    let number = self.next_row_number;
                    self.next_row_number += 1;
                    // A quote that never closes takes the rest of the file into one
                    // cell, so only a record that ends the file can hold one.
                    let unclosed =
                        end >= bytes.len() && ends_in_open_quote(bytes, start, self.delimiter);
                    self.take_row(&record, number, unclosed);
                }
                Ok(false) => {
                    finished = true;
                    break;
                }
                Err(_) => {
                    self.read_errors.push(RowError {
                        row: self.next_row_number,
                        column: None,
                        field: None,
                        problem: ImportProblem::Malformed,
                        value: String::new(),
                    });
                    finished = true;
                    break;
                }
            }
        }
        if !finished {
            self.reader = Some(reader);
        } else {
            self.offset = self.total_bytes;
            self.start_checking();
        }
    }

    fn take_row(&mut self, record: &csv::StringRecord, number: usize, unclosed_quote: bool) {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            return;
        }
        if unclosed_quote {
            let last = record.len().saturating_sub(1);
            let cell = record.get(last).unwrap_or_default();
            let first_line = cell.lines().next().unwrap_or_default();
            self.read_errors.push(RowError {
                row: number,
                column: self.headers.get(last).cloned(),
                field: None,
                problem: ImportProblem::UnclosedQuote,
                value: first_line.chars().take(80).collect(),
            });
        } else if spans_lines(record) {
            self.spanning_count += 1;
            if self.spanning_rows.len() < MAX_ERRORS {
                self.spanning_rows.push(number);
            }
        }
        let extra = record
            .iter()
            .skip(self.headers.len())
            .any(|c| !c.trim().is_empty());
        if extra {
            self.read_errors.push(RowError {
                row: number,
                column: None,
                field: None,
                problem: ImportProblem::TooManyCells,
                value: String::new(),
            });
        }
        for (evidence, cell) in self.evidence.iter_mut().zip(record.iter()) {
            evidence.observe(cell);
        }
        self.rows.push(record.clone());
        self.row_numbers.push(number);
    }

    fn start_checking(&mut self) {
        self.formats = self
            .evidence
            .iter()
            .map(|e| e.decide_with(self.options.locale, self.mapping.date_order))
            .collect();
        self.phase = Phase::Checking;
        self.checked = 0;
        self.index = None;
        self.errors = self.read_errors.iter().take(MAX_ERRORS).cloned().collect();
        self.error_count = self.read_errors.len();
        self.duplicates.clear();
        self.records.clear();
        self.new_customers.clear();
        self.new_reps.clear();
        self.preview.clear();
        self.unknown_stages.clear();
        for field in self.mapping.missing_fields() {
            self.note(RowError {
                row: 1,
                column: None,
                field: Some(field),
                problem: ImportProblem::Required,
                value: String::new(),
            });
        }
    }

    fn note(&mut self, error: RowError) {
        self.error_count += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(error);
        }
    }

    fn check(&mut self, data: &Dataset, max_rows: usize, new_id: &mut dyn FnMut() -> RecordId) {
        let mut index = self
            .index
            .take()
            .unwrap_or_else(|| Index::new(data, self.kind()));
        let end = (self.checked + max_rows).min(self.rows.len());
        for at in self.checked..end {
            self.check_row(at, data, &mut index, new_id);
        }
        self.checked = end;
        self.index = Some(index);
        if self.checked >= self.rows.len() {
            self.phase = Phase::Done;
        }
    }

    fn check_row(
        &mut self,
        at: usize,
        data: &Dataset,
        index: &mut Index,
        new_id: &mut dyn FnMut() -> RecordId,
    ) {
        let kind = self.kind();
        let number = self.row_numbers[at];
        let context = Context {
            settings: &data.settings,
            stage_map: &self.mapping.stages,
            today: self.options.today,
            now: self.options.now,
            missing_reason: &self.mapping.missing_reason,
        };
        let mut row = Row {
            cells: &self.rows[at],
            mapping: &self.mapping,
            formats: &self.formats,
            headers: &self.headers,
            number,
            currency: data.settings.currency,
            errors: Vec::new(),
        };
        let draft = convert::draft(kind, &mut row, &context);
        let file_id = draft.external_id.as_deref().map(|e| record_id(kind, e));
        let mut duplicate = index.duplicate_of(file_id.as_deref(), &draft.key);
        if self.mapping.duplicates == DuplicatePolicy::Import {
            duplicate = None;
        }
        let mut new_links = Vec::new();
        let record = if duplicate.is_none() {
            let id = match file_id {
                Some(id) if index.id_is_free(&id) => id,
                _ => new_id(),
            };
            index.note_row(number, &id, draft.key.clone());
            let mut made = NewRecords {
                customers: &mut self.new_customers,
                reps: &mut self.new_reps,
                now: self.options.now,
            };
            let record = link(
                draft.record.clone(),
                id,
                &draft,
                &mut row,
                index,
                new_id,
                &mut made,
                &mut new_links,
            );
            for error in rule_errors(&record, self.options.today) {
                let field = rule_field(error.field);
                let column = field.and_then(|f| rule_column(&row, f));
                // A blank required cell or an unmapped required field is reported once.
                let known = row
                    .errors
                    .iter()
                    .any(|e| e.field.is_some() && e.field == field);
                let unmapped = column.is_none()
                    && error.problem == crate::deal_input::Problem::Required
                    && field.is_some_and(|f| f.required(kind));
                if !known && !unmapped {
                    row.fail(column, field, error.problem.into());
                }
            }
            Some(record)
        } else {
            None
        };
        let errors = std::mem::take(&mut row.errors);
        for error in &errors {
            if error.problem == ImportProblem::UnknownStage {
                self.unknown_stages.insert(error.value.clone());
            }
        }
        if self.preview.len() < PREVIEW_ROWS {
            let shown = record.as_ref().unwrap_or(&draft.record);
            self.preview.push(PreviewRow {
                row: number,
                values: preview_values(shown, &data.settings, &draft),
                new_links,
                duplicate: duplicate.clone(),
                has_errors: !errors.is_empty(),
            });
        }
        for error in errors {
            self.note(error);
        }
        match (record, duplicate) {
            (Some(record), _) => self.records.push(record),
            (None, Some(of)) => self.duplicates.push(Duplicate {
                row: number,
                title: draft.title,
                of,
            }),
            (None, None) => {}
        }
    }

    /// Every problem found (at most [`MAX_ERRORS`]), in row order per phase: header
    /// and reading problems first, then each row's.
    pub fn errors(&self) -> &[RowError] {
        &self.errors
    }

    /// How many problems there are in all (may exceed [`ImportJob::errors`]' length).
    pub fn error_count(&self) -> usize {
        self.error_count
    }

    /// Rows whose record spans several lines of the file (a quoted cell with line
    /// breaks): each is one row, as a spreadsheet shows it, but a stray quote can join
    /// rows this way, so the app says which (the first [`MAX_ERRORS`]; see
    /// [`ImportJob::spanning_count`]). A quote that never closes is a problem instead
    /// ([`ImportProblem::UnclosedQuote`]).
    pub fn spanning_rows(&self) -> &[usize] {
        &self.spanning_rows
    }

    /// How many rows span several lines of the file.
    pub fn spanning_count(&self) -> usize {
        self.spanning_count
    }

    /// Rows that repeat a record, with what they repeat.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// The first [`PREVIEW_ROWS`] rows as they will be stored.
    pub fn preview(&self) -> &[PreviewRow] {
        &self.preview
    }

    /// Stage texts of the file no rule recognised: offer to map them
    /// ([`Mapping::stages`]).
    pub fn unknown_stages(&self) -> Vec<String> {
        self.unknown_stages.iter().cloned().collect()
    }

    /// Date columns whose slash dates read two ways and whose cells settle no order
    /// ([`ColumnEvidence::needs_slash_order`]), each with its first such cell
    /// (`"03/04/2026"`): the user must say which order the file means
    /// ([`Mapping::date_order`]) before anything is imported. Empty while reading.
    pub fn date_order_columns(&self) -> Vec<(usize, String)> {
        if self.phase == Phase::Reading {
            return Vec::new();
        }
        self.evidence
            .iter()
            .enumerate()
            .filter(|&(column, evidence)| {
                evidence.needs_slash_order()
                    && self.mapping.field(column).is_some_and(Field::is_date)
            })
            .filter_map(|(column, _)| {
                let example = self
                    .rows
                    .iter()
                    .filter_map(|row| row.get(column))
                    .find(|cell| reads_two_ways(cell))?;
                Some((column, example.trim().to_owned()))
            })
            .collect()
    }

    /// Whether [`ImportJob::finish`] would give records: every row checked, every
    /// required field mapped, the date order known where it must be, no problem, and
    /// something to add. The app's "ready to add" may only be said then.
    pub fn can_finish(&self) -> bool {
        self.blocker().is_none() && !self.records.is_empty()
    }

    /// How many records the import will add: rows, customers and reps.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.records.len(),
            self.new_customers.len(),
            self.new_reps.len(),
        )
    }

    /// The records to add — only when every row was checked and none has a problem.
    pub fn finish(&self) -> Result<ImportOutcome, ImportFailure> {
        if let Some(failure) = self.blocker() {
            return Err(failure);
        }
        Ok(ImportOutcome {
            kind: self.kind(),
            records: self.records.clone(),
            new_customers: self.new_customers.clone(),
            new_reps: self.new_reps.clone(),
            skipped: self.duplicates.len(),
            now: self.options.now,
        })
    }

    /// Why [`ImportJob::finish`] gives nothing yet (the first reason, in the order the
    /// user meets them), or `None` when it gives the records.
    pub fn blocker(&self) -> Option<ImportFailure> {
        if self.phase != Phase::Done {
            return Some(ImportFailure::NotFinished);
        }
        let unmapped = self.mapping.missing_fields();
        if !unmapped.is_empty() {
            return Some(ImportFailure::Unmapped(unmapped));
        }
        if self.mapping.date_order.is_none() {
            let columns: Vec<String> = self
                .date_order_columns()
                .into_iter()
                .map(|(column, _)| self.headers[column].clone())
                .collect();
            if !columns.is_empty() {
                return Some(ImportFailure::DateOrder(columns));
            }
        }
        if self.error_count > 0 {
            return Some(ImportFailure::Errors(self.error_count));
        }
        None
    }
}

fn reader(bytes: Cursor<Vec<u8>>, delimiter: u8) -> csv::Reader<Cursor<Vec<u8>>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
}
