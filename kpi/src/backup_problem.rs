//! What is wrong with a backup that cannot be restored, in the user's terms: which
//! record (its kind, its position in the file counted from 1, its title), which field,
//! and what is wrong with the value — instead of the parser's words ("invalid type:
//! string \"abc\", expected i64", "input is out of range"). The app translates a
//! [`BackupProblem`]; [`crate::schema::decode`] stays the judge of what loads.
//!
//! Conventions:
//! - An envelope of this or an older version is explained, an older one after the
//!   migrations (a migration that refuses the data names the reason itself):
//!   [`explain`] gives `None` for anything it cannot place, and the app then shows the
//!   decoder's message. Positions count the records of the file as upgraded, which are
//!   the file's own records in their order.
//! - The field is found without relying on the parser's wording: a record that fails
//!   is read again without one field at a time; the field whose removal lets it read
//!   (or turns the failure into "that field is missing") is the wrong one. What is wrong
//!   is then read from the field's name (a date, a timestamp, an amount) and the
//!   parser's error kind (missing, unknown choice, wrong type).
//! - After the file's shape, the dataset's rules ([`Dataset::problems`]) are explained
//!   the same way; only the first problem is placed, `more` counts the rest.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::deal_input::Problem;
use crate::model::{Dataset, RecordKind, Settings, Stored};
use crate::validate::DataProblem;

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The dataset's settings (currency, pipeline…).
    Settings,
    /// A record: its kind, its position among the records of its kind in the file
    /// (1 = first), and its title or name when it has a readable one.
    Record {
        kind: RecordKind,
        position: usize,
        title: Option<String>,
    },
}

/// What is wrong with a value; `value` is the value as found, shortened for a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrong {
    /// A required field is absent.
    Missing,
    /// An amount that is not a whole number of minor units (cents).
    NotAnAmount { value: String },
    /// A count, score or percentage that is not a whole number in its range.
    NotAWholeNumber { value: String },
    /// Not a `yyyy-mm-dd` date (or no such day).
    NotADate { value: String },
    /// Not a date and time (RFC 3339).
    NotATime { value: String },
    /// Not text where text belongs.
    NotText { value: String },
    /// Not one of the values this field allows (a status, a source…).
    UnknownChoice { value: String },
    /// Any other value that does not fit.
    Unreadable { value: String },
    /// A record rule is broken (see [`crate::rules`] and [`crate::deal_input`]).
    Rule(Problem),
    /// The record's id is also used by an earlier record of the same kind (position
    /// counted from 1).
    DuplicateId { first: usize },
    /// A deal's stage that the pipeline does not list.
    UnknownStage { value: String },
    /// The pipeline has no stages.
    NoStages,
    /// A stage id the pipeline lists twice.
    DuplicateStage { value: String },
}

/// The first problem of a backup, placed; `more` problems follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupProblem {
    pub place: Place,
    /// The field's serialized name (e.g. "amount", "created_on"), when one is to blame.
    pub field: Option<String>,
    pub wrong: Wrong,
    pub more: usize,
}

/// The first problem of a backup's text, placed (see module docs); `None` when the text
/// is not a current-version envelope or nothing can be placed.
pub fn explain(text: &str) -> Option<BackupProblem> {
    let mut document: Value = serde_json::from_str(text).ok()?;
    let version = u32::try_from(document.get("version")?.as_u64()?).ok()?;
    if document.get("app")?.as_str()? != crate::APP_ID || version > crate::CURRENT_VERSION {
        return None;
    }
    let data = crate::schema::upgraded(version, document.get_mut("data")?.take())?;
    shape_problem(&data).or_else(|| rule_problem(&data))
}

/// The first settings member or record that does not fit the schema.
fn shape_problem(data: &Value) -> Option<BackupProblem> {
    if let Some(Value::Object(settings)) = data.get("settings") {
        if let Some((field, wrong)) = bad_field::<Settings>(settings) {
            return Some(BackupProblem {
                place: Place::Settings,
                field: Some(field),
                wrong,
                more: 0,
            });
        }
    }
    let mut found = None;
    macro_rules! visit {
        ($type:ty) => {
            if found.is_none() {
                found = collection_problem::<$type>(data);
            }
        };
    }
    crate::model::for_each_kind!(visit);
    found
}

fn collection_problem<T: Stored + DeserializeOwned>(data: &Value) -> Option<BackupProblem> {
    let kind = T::KIND;
    let Value::Array(records) = data.get(kind.id())? else {
        return None;
    };
    records.iter().enumerate().find_map(|(index, record)| {
        let Value::Object(object) = record else {
            return T::deserialize(record).err().map(|_| BackupProblem {
                place: record_place(kind, index, data),
                field: None,
                wrong: Wrong::Unreadable {
                    value: shown(record),
                },
                more: 0,
            });
        };
        bad_field::<T>(object).map(|(field, wrong)| BackupProblem {
            place: record_place(kind, index, data),
            field: Some(field),
            wrong,
            more: 0,
        })
    })
}

/// The field of `object` that keeps it from reading as a `T`, and what is wrong.
fn bad_field<T: DeserializeOwned>(object: &Map<String, Value>) -> Option<(String, Wrong)> {
    let error = T::deserialize(&Value::Object(object.clone())).err()?;
    let message = error.to_string();
    if let Some(field) = missing_field(&message) {
        return Some((field.to_owned(), Wrong::Missing));
    }
    let field = object.keys().find(|key| {
        let mut without = object.clone();
        without.remove(*key);
        match T::deserialize(&Value::Object(without)) {
            Ok(_) => true,
            Err(e) => missing_field(&e.to_string()) == Some(key.as_str()),
        }
    })?;
    let value = &object[field];
    Some((field.clone(), classify(field, value, &message)))
}

/// serde's "missing field `x`" names the field itself.
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
}

/// Fields that hold an amount in minor units.
const AMOUNT_FIELDS: &[&str] = &[
    "amount",
    "cost",
    "discount",
    "base_salary",
    "monthly_quota",
    "cap",
];

fn classify(field: &str, value: &Value, message: &str) -> Wrong {
    let value_text = shown(value);
    if value.is_null() {
        return Wrong::Missing;
    }
    if message.starts_with("unknown variant") {
        return Wrong::UnknownChoice { value: value_text };
    }
    if field.ends_with("_at") {
        return Wrong::NotATime { value: value_text };
    }
    let is_date = field.ends_with("_on")
        || field == "date"
        || field == "expected_close"
        || message.contains("date string");
    if is_date {
        return Wrong::NotADate { value: value_text };
    }
    let wants_number = ["expected i", "expected u", "expected f"]
        .iter()
        .any(|p| message.contains(p));
    if wants_number {
        return if AMOUNT_FIELDS.contains(&field) {
            Wrong::NotAnAmount { value: value_text }
        } else {
            Wrong::NotAWholeNumber { value: value_text }
        };
    }
    if message.contains("expected a string") {
        return Wrong::NotText { value: value_text };
    }
    Wrong::Unreadable { value: value_text }
}

/// A value as a message shows it: text as is, anything else as JSON, at most 40
/// characters.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        short + "…"
    } else {
        short
    }
}

/// A record's place, titled by its `title` or `name` when it has one.
fn record_place(kind: RecordKind, index: usize, data: &Value) -> Place {
    let title = data
        .get(kind.id())
        .and_then(|records| records.get(index))
        .and_then(|record| record.get("title").or_else(|| record.get("name")))
        .and_then(Value::as_str)
        .map(|t| shown(&Value::String(t.trim().to_owned())))
        .filter(|t| !t.is_empty());
    Place::Record {
        kind,
        position: index + 1,
        title,
    }
}

/// The first broken rule of a dataset that reads.
fn rule_problem(data: &Value) -> Option<BackupProblem> {
    let dataset = Dataset::deserialize(data).ok()?;
    let problems = dataset.problems();
    let more = problems.len().saturating_sub(1);
    let place = |kind, index| record_place(kind, index, data);
    let (place, field, wrong) = match problems.into_iter().next()? {
        DataProblem::NoStages => (Place::Settings, Some("stages".into()), Wrong::NoStages),
        DataProblem::DuplicateStageId { id, .. } => (
            Place::Settings,
            Some("stages".into()),
            Wrong::DuplicateStage { value: id },
        ),
        DataProblem::DuplicateId {
            kind, index, first, ..
        } => (
            place(kind, index),
            Some("id".into()),
            Wrong::DuplicateId { first: first + 1 },
        ),
        DataProblem::InvalidRecord {
            kind,
            index,
            errors,
            ..
        } => {
            let first = errors.first()?;
            (
                place(kind, index),
                Some(first.field.into()),
                Wrong::Rule(first.problem),
            )
        }
        DataProblem::InvalidDeal { index, errors, .. } => {
            let first = errors.first()?;
            (
                place(RecordKind::Deal, index),
                Some(first.field.id().into()),
                Wrong::Rule(first.problem),
            )
        }
        DataProblem::UnknownStage { index, stage, .. } => (
            place(RecordKind::Deal, index),
            Some("stage".into()),
            Wrong::UnknownStage { value: stage },
        ),
    };
    Some(BackupProblem {
        place,
        field,
        wrong,
        more,
    })
}
