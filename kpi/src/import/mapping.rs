//! Which column fills which field: proposed from the headers, adjustable by hand.

use std::collections::BTreeMap;

use super::fields::Field;
use super::headers::{normalize_header, recognize};
use super::values::SlashOrder;
use crate::model::RecordKind;

/// What to do with a row that repeats a record (see [`super::duplicates`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DuplicatePolicy {
    /// Leave it out: the existing record stays as it is (the default).
    #[default]
    Skip,
    /// Import it as a new record anyway (with a new id if its id is taken).
    Import,
}

/// How a file's columns are read: the app shows [`Mapping::propose`]'s guess and sends
/// back what the user chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The record type every row becomes.
    pub kind: RecordKind,
    /// One entry per column of the file, in file order: the field it fills, or `None`
    /// to ignore the column. Several columns may fill one field: a name joins them with
    /// a space ("First Name", "Last Name"), a note with " — " (a subject and a note);
    /// any other field takes the first non-blank cell.
    /// Entries beyond the file's columns are ignored; missing ones mean "ignore".
    pub columns: Vec<Option<Field>>,
    /// Stage words of the file → stage ids of the pipeline, for stages the automatic
    /// rules do not recognise (see [`super::convert::resolve_stage`]). Keys are
    /// compared by [`super::values::word_key`] ("Contract Sent" = "contractsent").
    pub stages: BTreeMap<String, String>,
    pub duplicates: DuplicatePolicy,
    /// How the file writes `03/04/2026` in date columns whose own cells do not settle
    /// it (see [`super::values::ColumnEvidence`]): the user's answer, `None` until
    /// given. Columns whose cells settle their order keep it.
    pub date_order: Option<SlashOrder>,
    /// The reason given to a lost deal, a churned customer or a disqualified lead whose
    /// row has no reason (the rules require one). The app passes a translated text.
    pub missing_reason: String,
}

/// Why a column deserves a word in the mapping step: something the user would not see
/// from its header and its field alone. Columns are 0-based indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnNote {
    /// Not imported: its header repeats the header of this earlier column word for
    /// word, and which of them holds what is the user's call.
    SameNameAs(usize),
    /// Not imported: its header names `field`, which `column` fills (and the field
    /// takes one column).
    FieldTakenBy { field: Field, column: usize },
    /// Fills the same field as this earlier column, which does not join columns: a row
    /// takes the first of them that is not blank.
    SharesFieldWith(usize),
}

/// The first column before `index` whose header is `headers[index]`'s, word for word
/// after [`normalize_header`] (blank headers repeat nothing).
fn same_name_before(headers: &[String], index: usize) -> Option<usize> {
    let name = normalize_header(headers.get(index)?);
    if name.is_empty() {
        return None;
    }
    headers[..index]
        .iter()
        .position(|h| normalize_header(h) == name)
}

/// The reason [`Mapping::propose`] fills in until the app gives a translated one.
pub const DEFAULT_MISSING_REASON: &str = "Not given in the imported file";

impl Mapping {
    /// The mapping the headers suggest: each header [`recognize`]d for `kind`, or
    /// ignored; when two columns name the same field, the first keeps it — except
    /// fields that join several columns or take the first filled one
    /// ([`Field::joins_columns`]). A header repeated word for word (after
    /// [`normalize_header`]) is never mapped twice, not even to a joining field: two
    /// "Name" columns are not a first and a last name. [`Mapping::column_notes`] says
    /// so in the mapping step.
    pub fn propose(kind: RecordKind, headers: &[String]) -> Mapping {
        let mut taken: Vec<Field> = Vec::new();
        let columns = headers
            .iter()
            .enumerate()
            .map(|(index, header)| {
                if same_name_before(headers, index).is_some() {
                    return None;
                }
                let field = recognize(kind, header)?;
                if !field.joins_columns() && taken.contains(&field) {
                    return None;
                }
                taken.push(field);
                Some(field)
            })
            .collect();
        Mapping {
            kind,
            columns,
            stages: BTreeMap::new(),
            duplicates: DuplicatePolicy::Skip,
            date_order: None,
            missing_reason: DEFAULT_MISSING_REASON.to_owned(),
        }
    }

    /// The field column `index` fills, if any.
    pub fn field(&self, index: usize) -> Option<Field> {
        self.columns.get(index).copied().flatten()
    }

    /// The columns (indexes) that fill `field`, in file order.
    pub fn columns_of(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, f)| **f == Some(field))
            .map(|(i, _)| i)
    }

    /// Required fields of the record type that no column fills: the import cannot
    /// run until each is mapped (a deal's title, a customer's name…).
    pub fn missing_fields(&self) -> Vec<Field> {
        Field::for_kind(self.kind)
            .iter()
            .copied()
            .filter(|f| f.required(self.kind) && self.columns_of(*f).next().is_none())
            .collect()
    }

    /// A note per column of `headers` (see [`ColumnNote`]), `None` for a column that
    /// needs none. Follows the mapping in force, so a note goes once the user maps the
    /// column.
    pub fn column_notes(&self, headers: &[String]) -> Vec<Option<ColumnNote>> {
        let first_column_of =
            |field: Field, before: usize| self.columns_of(field).find(|&c| c < before);
        (0..headers.len())
            .map(|index| match self.field(index) {
                Some(field) if !field.joins_columns() => {
                    first_column_of(field, index).map(ColumnNote::SharesFieldWith)
                }
                Some(_) => None,
                None => same_name_before(headers, index)
                    .map(ColumnNote::SameNameAs)
                    .or_else(|| {
                        let field =
                            recognize(self.kind, &headers[index]).filter(|f| !f.joins_columns())?;
                        let column = self.columns_of(field).next()?;
                        Some(ColumnNote::FieldTakenBy { field, column })
                    }),
            })
            .collect()
    }

    /// Fields filled from a column that the record type does not take.
    pub fn foreign_fields(&self) -> Vec<Field> {
        let allowed = Field::for_kind(self.kind);
        self.columns
            .iter()
            .flatten()
            .copied()
            .filter(|f| !allowed.contains(f))
            .collect()
    }
}
