//! One CSV row read through the mapping: cells by field, parsed with the column's
//! format, every problem noted with its row and column.

use chrono::NaiveDate;

use super::fields::Field;
use super::mapping::Mapping;
use super::report::{ImportProblem, RowError};
use super::values::{self, ColumnFormat};
use crate::money::{Currency, Money};

/// A row being read; problems pile up in `errors`.
pub(crate) struct Row<'a> {
    pub cells: &'a csv::StringRecord,
    pub mapping: &'a Mapping,
    pub formats: &'a [ColumnFormat],
    pub headers: &'a [String],
    /// 1-based spreadsheet row (header = 1).
    pub number: usize,
    pub currency: Currency,
    pub errors: Vec<RowError>,
}

/// At most this many characters of a cell are quoted in an error.
const QUOTE_CHARS: usize = 80;

impl<'a> Row<'a> {
    fn cell(&self, column: usize) -> &'a str {
        self.cells
            .get(column)
            .map_or("", |c| super::export::unprotect_formula(c.trim()))
    }

    /// The first column of `field` with a non-blank cell, and that cell.
    pub fn first_cell(&self, field: Field) -> Option<(usize, &'a str)> {
        self.mapping
            .columns_of(field)
            .map(|column| (column, self.cell(column)))
            .find(|(_, cell)| !cell.is_empty())
    }

    /// The column to name in an error about `field`: the first mapped to it.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.mapping.columns_of(field).next()
    }

    /// Notes a problem in `column` (or the whole row), quoting the cell.
    pub fn fail(&mut self, column: Option<usize>, field: Option<Field>, problem: ImportProblem) {
        let (header, value) = match column {
            Some(c) => (
                self.headers.get(c).cloned(),
                self.cell(c).chars().take(QUOTE_CHARS).collect(),
            ),
            None => (None, String::new()),
        };
        self.errors.push(RowError {
            row: self.number,
            column: header,
            field: field.or_else(|| column.and_then(|c| self.mapping.field(c))),
            problem,
            value,
        });
    }

    /// Text of `field`: several name columns joined by a space, note columns by " — ",
    /// else the first non-blank cell; "" when blank.
    pub fn text(&self, field: Field) -> String {
        let separator = match field {
            Field::Name => Some(" "),
            Field::Note => Some(" — "),
            _ => None,
        };
        if let Some(separator) = separator {
            let parts: Vec<&str> = self
                .mapping
                .columns_of(field)
                .map(|c| self.cell(c))
                .filter(|c| !c.is_empty())
                .collect();
            return parts.join(separator);
        }
        self.first_cell(field)
            .map_or("", |(_, cell)| cell)
            .to_owned()
    }

    /// `field` parsed by `parse` with its column's format; `None` when blank or wrong
    /// (a wrong cell is noted).
    pub fn parsed<T>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&str, ColumnFormat) -> Result<Option<T>, ImportProblem>,
    ) -> Option<T> {
        let (column, cell) = self.first_cell(field)?;
        let format = self.formats.get(column).copied()?;
        match parse(cell, format) {
            Ok(value) => value,
            Err(problem) => {
                self.fail(Some(column), Some(field), problem);
                None
            }
        }
    }

    /// Notes `Required` when `field`'s column is blank and returns whether it was.
    /// An unmapped field is not noted here: the mapping's problem (row 1) says it once.
    pub fn require(&mut self, field: Field) -> bool {
        let blank = self.first_cell(field).is_none();
        if let (true, Some(column)) = (blank, self.column_of(field)) {
            self.fail(Some(column), Some(field), ImportProblem::Required);
        }
        blank
    }

    pub fn date(&mut self, field: Field) -> Option<NaiveDate> {
        self.parsed(field, |cell, format| {
            values::parse_date(cell, format.slash_order)
        })
    }

    pub fn amount(&mut self, field: Field) -> Option<Money> {
        let currency = self.currency;
        self.parsed(field, |cell, format| {
            values::parse_amount(cell, currency, format.decimal)
        })
    }

    /// A cell parsed without a column format; `None` when blank or wrong.
    pub fn value<T>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&str) -> Result<Option<T>, ImportProblem>,
    ) -> Option<T> {
        self.parsed(field, |cell, _| parse(cell))
    }

    /// A choice whose blank has a default; a wrong cell is noted and gives the default.
    pub fn choice<T: Default>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&str) -> Result<T, ImportProblem>,
    ) -> T {
        self.parsed(field, |cell, _| parse(cell).map(Some))
            .unwrap_or_default()
    }

    /// Checks a currency column against the dataset's.
    pub fn check_currency(&mut self) {
        let currency = self.currency;
        self.value(Field::Currency, |cell| {
            values::check_currency(cell, currency).map(|()| None::<()>)
        });
    }

    /// Optional text: `None` when blank.
    pub fn optional_text(&self, field: Field) -> Option<String> {
        Some(self.text(field)).filter(|t| !t.is_empty())
    }
}
