//! The saved form of a dataset: a versioned JSON envelope, and the pure migrations that
//! bring old versions up to date. The app's storage layer only moves this text around.
//!
//! ```json
//! {"app":"salesboard","version":3,"revision":17,"saved_at":"2026-11-22T10:00:00Z","data":{…}}
//! ```
//!
//! `revision` counts the saves of this copy (absent = 0). A tab compares it with the
//! revision it last read or wrote before writing: a different one means another tab
//! saved in between, and its records are merged in first.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{for_each_kind, Dataset, Settings, Stored};

mod cached;
pub mod parts;
mod v1_to_v2;
mod v2_to_v3;

pub use cached::EncodeCache;

pub(crate) use v1_to_v2::name_based_id;

/// Marks a JSON document as ours.
pub const APP_ID: &str = "salesboard";

/// The schema version this build writes. Starts at 1 and only goes up; each bump adds
/// one entry to [`MIGRATIONS`] and one golden fixture of the previous version.
pub const CURRENT_VERSION: u32 = 3;

/// Upgrades of the `data` member, ordered and append-only: entry *i* turns version
/// *i + 1* into version *i + 2*. Never edit or reorder an entry once released — saved
/// data in the wild depends on each step staying as it was.
const MIGRATIONS: &[Migration] = &[
    // 1 → 2: customers and reps as records, deals pointing at them; all collections.
    v1_to_v2::migrate,
    // 2 → 3: SMART goals.
    v2_to_v3::migrate,
];

/// One upgrade step of the `data` member; `Err` carries a reason for the user.
type Migration = fn(Value) -> Result<Value, String>;

// Exactly one migration per version step, checked at compile time.
const _: () = assert!(MIGRATIONS.len() as u32 + 1 == CURRENT_VERSION);

/// The `data` member of a version-`version` envelope upgraded to [`CURRENT_VERSION`],
/// `None` if a migration refuses it: for [`crate::backup_problem`] to name what is wrong.
pub(crate) fn upgraded(version: u32, mut data: Value) -> Option<Value> {
    for from in version.max(1)..CURRENT_VERSION {
        let migrate = MIGRATIONS.get(from as usize - 1)?;
        data = migrate(data).ok()?;
    }
    Some(data)
}

/// The saved document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`APP_ID`].
    pub app: String,
    /// Schema version of `data`.
    pub version: u32,
    /// How many times this copy has been saved (see the module docs).
    pub revision: u64,
    /// When it was written (passed in: `kpi` never reads the clock).
    pub saved_at: DateTime<Utc>,
    pub data: Dataset,
}

/// Why saved text could not be loaded. The app quarantines such text, never overwrites
/// it, and shows this message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all; carries the parser's message with line and column.
    NotJson(String),
    /// JSON, but not a Salesboard envelope (no `"app": "salesboard"`).
    NotSalesboard,
    /// Written by a newer Salesboard; must not be written over.
    NewerVersion { found: u32, supported: u32 },
    /// A migration from version `from` rejected the data.
    MigrationFailed { from: u32, reason: String },
    /// An envelope of a known version whose content does not fit the schema or breaks
    /// a rule of [`Dataset::problems`]; carries where (e.g. `data.deals[3] (id "…")`)
    /// and what.
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(detail) => write!(f, "the saved data is not valid JSON: {detail}"),
            LoadError::NotSalesboard => {
                f.write_str("the saved data is not a Salesboard file (no \"app\": \"salesboard\")")
            }
            LoadError::NewerVersion { found, supported } => write!(
                f,
                "the saved data is schema version {found}, written by a newer Salesboard; \
                 this version reads up to {supported}"
            ),
            LoadError::MigrationFailed { from, reason } => write!(
                f,
                "the saved data could not be upgraded from schema version {from}: {reason}"
            ),
            LoadError::Invalid(detail) => write!(f, "the saved data is damaged: {detail}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The envelope as written, borrowing the dataset so saving copies nothing.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    app: &'a str,
    version: u32,
    revision: u64,
    saved_at: DateTime<Utc>,
    data: &'a Dataset,
}

/// The JSON text of a current-version envelope around `data`, revision 0 (a backup file).
pub fn encode(data: &Dataset, saved_at: DateTime<Utc>) -> String {
    encode_revision(data, saved_at, 0)
}

/// The JSON text of a current-version envelope around `data` as save number `revision`.
/// `revision` is written right after `version`, so [`peek_revision`] finds it at once.
pub fn encode_revision(data: &Dataset, saved_at: DateTime<Utc>, revision: u64) -> String {
    let envelope = EnvelopeRef {
        app: APP_ID,
        version: CURRENT_VERSION,
        revision,
        saved_at,
        data,
    };
    // Plain structs with string keys cannot fail to serialize; the fallback is
    // unreachable but keeps this function panic-free.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads saved text back into a dataset: see [`decode_envelope`].
pub fn decode(text: &str) -> Result<Dataset, LoadError> {
    decode_envelope(text).map(|envelope| envelope.data)
}

/// Reads saved text back into an envelope, upgraded to [`CURRENT_VERSION`].
///
/// Checks in order: JSON → `app` is "salesboard" → `version` is a number ≥ 1 and not
/// newer than this build → migrations (one per version step, in order) → the content
/// fits the schema → the dataset has no [`Dataset::problems`] (unique ids, a non-empty
/// pipeline with unique stage ids, live deals valid and in a known stage). For the
/// last, [`LoadError::Invalid`] carries the first problem and, when there are several,
/// " (and N more)". Never panics on any text.
pub fn decode_envelope(text: &str) -> Result<Envelope, LoadError> {
    let envelope = match decode_current(text) {
        Some(envelope) => envelope,
        None => decode_general(text)?,
    };
    let problems = envelope.data.problems();
    if let Some(first) = problems.first() {
        let detail = match problems.len() - 1 {
            0 => first.to_string(),
            more => format!("{first} (and {more} more)"),
        };
        return Err(LoadError::Invalid(detail));
    }
    Ok(envelope)
}

/// An envelope of exactly [`CURRENT_VERSION`] that fits the schema, read straight
/// into the model: without the JSON tree [`decode_general`] builds for migrations and
/// for naming what is wrong, which is most of the time a load takes. `None` for any
/// other text; [`decode_general`] then reads it (or says what is wrong) as before.
fn decode_current(text: &str) -> Option<Envelope> {
    #[derive(Deserialize)]
    struct Current {
        app: String,
        version: u32,
        #[serde(default)]
        revision: u64,
        saved_at: String,
        data: Dataset,
    }
    let current: Current = serde_json::from_str(text).ok()?;
    if current.app != APP_ID || current.version != CURRENT_VERSION {
        return None;
    }
    let saved_at = DateTime::parse_from_rfc3339(&current.saved_at).ok()?;
    Some(Envelope {
        app: current.app,
        version: current.version,
        revision: current.revision,
        saved_at: saved_at.with_timezone(&Utc),
        data: current.data,
    })
}

/// Reads any version through a JSON tree: the checks of [`decode_envelope`] up to the
/// migrations and the schema, each failure worded.
fn decode_general(text: &str) -> Result<Envelope, LoadError> {
    let document: Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let Value::Object(mut envelope) = document else {
        return Err(LoadError::NotSalesboard);
    };
    if envelope.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(LoadError::NotSalesboard);
    }
    let version = match envelope.get("version").and_then(Value::as_u64) {
        None => {
            return Err(LoadError::Invalid(
                "\"version\" is missing or not a whole number".into(),
            ))
        }
        Some(0) => {
            return Err(LoadError::Invalid(
                "\"version\" 0 does not exist; versions start at 1".into(),
            ))
        }
        Some(v) if v > u64::from(CURRENT_VERSION) => {
            return Err(LoadError::NewerVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported: CURRENT_VERSION,
            })
        }
        Some(v) => v as u32, // ≤ CURRENT_VERSION here
    };
    let saved_at = match envelope.get("saved_at").and_then(Value::as_str) {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                LoadError::Invalid(format!("\"saved_at\" is not an RFC 3339 timestamp: {e}"))
            })?,
        None => {
            return Err(LoadError::Invalid(
                "\"saved_at\" is missing or not text".into(),
            ))
        }
    };
    let revision = match envelope.get("revision") {
        None => 0,
        Some(value) => value
            .as_u64()
            .ok_or_else(|| LoadError::Invalid("\"revision\" is not a whole number".into()))?,
    };
    let mut data = envelope
        .remove("data")
        .ok_or_else(|| LoadError::Invalid("\"data\" is missing".into()))?;

    for from in version..CURRENT_VERSION {
        let migrate =
            MIGRATIONS
                .get(from as usize - 1)
                .ok_or_else(|| LoadError::MigrationFailed {
                    from,
                    reason: "no migration is registered for this version".into(),
                })?;
        data = migrate(data).map_err(|reason| LoadError::MigrationFailed { from, reason })?;
    }

    let data =
        Dataset::deserialize(&data).map_err(|e| LoadError::Invalid(locate_error(&data, e)))?;
    Ok(Envelope {
        app: APP_ID.to_owned(),
        version: CURRENT_VERSION,
        revision,
        saved_at,
        data,
    })
}

/// The revision of saved text without parsing the data: 0 when the head of the text
/// names none (an older or hand-made envelope), `None` when the text is not an
/// envelope's head at all. Cheap on megabytes of data: only the first bytes are read.
pub fn peek_revision(text: &str) -> Option<u64> {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let head = head.split("\"data\"").next()?;
    if !head.trim_start().starts_with('{') || !head.contains(APP_ID) {
        return None;
    }
    let Some((_, after)) = head.split_once("\"revision\"") else {
        return Some(0);
    };
    let digits: String = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// How far into saved text [`peek_revision`] looks: past `app`, `version`, `revision`
/// and `saved_at`, which are written before `data`.
const HEAD_BYTES: usize = 160;

/// Reads the data of an envelope written by a NEWER app version, to show it read-only:
/// fields this version does not know are skipped, and so are records that do not fit
/// this version's schema (a newer version may have changed a collection, as version 3
/// did for `goals`); no migration runs, and the result must pass
/// [`Dataset::problems`]. `None` if it cannot be read that way (the app then starts
/// empty, still never writing over it).
pub fn read_newer(text: &str) -> Option<Dataset> {
    let document: Value = serde_json::from_str(text).ok()?;
    if document.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return None;
    }
    let mut data = document.get("data")?.clone();
    macro_rules! keep_readable {
        ($type:ty) => {
            if let Some(Value::Array(records)) = data.get_mut(<$type as Stored>::KIND.id()) {
                records.retain(|record| <$type>::deserialize(record).is_ok());
            }
        };
    }
    for_each_kind!(keep_readable);
    let data = Dataset::deserialize(&data).ok()?;
    data.problems().is_empty().then_some(data)
}

/// serde_json's error on a `Value` says what but not where; this finds the first
/// settings member or record that fails on its own and names it, e.g.
/// `data.deals[3] (id "…"): missing field `amount``.
fn locate_error(data: &Value, whole: serde_json::Error) -> String {
    if let Some(settings) = data.get("settings") {
        if let Err(e) = Settings::deserialize(settings) {
            return format!("data.settings: {e}");
        }
    }
    macro_rules! locate {
        ($type:ty) => {
            let collection = <$type as Stored>::KIND.id();
            if let Some(Value::Array(records)) = data.get(collection) {
                for (index, record) in records.iter().enumerate() {
                    if let Err(e) = <$type>::deserialize(record) {
                        let id = record.get("id").and_then(Value::as_str).unwrap_or("?");
                        return format!("data.{collection}[{index}] (id \"{id}\"): {e}");
                    }
                }
            }
        };
    }
    for_each_kind!(locate);
    format!("data: {whole}")
}
