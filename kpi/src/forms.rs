//! Plain forms for every record type except deals, goals, commission plans and contests
//! (deals and goals have their own, see [`crate::deal_input`] and
//! [`crate::goals::GoalInput`]; the generic form of all four is just the title, so lists, pickers, titles and undo still work for them): which fields a form shows, the text in each, and the
//! record made from it — so the app draws every form from data and the rules stay in
//! `kpi`.
//!
//! Text → value, by [`FieldKind`]: money is parsed by [`Money::parse`] in the user's
//! locale; dates are `yyyy-mm-dd`; a blank optional field is "unset". Fields a form does
//! not show keep their stored value. Every parse problem and broken rule
//! ([`crate::rules`]) is reported per field; nothing is half-applied.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::deal_input::{parse_date, Problem};
use crate::model::{
    Activity, ActivityKind, CommissionPlan, Contest, Customer, Dataset, Deal, Expense,
    ExpenseCategory, Feedback, Goal, Lead, Order, OrderKind, RecordId, RecordKind, Rep, Source,
    Stored, Team,
};
use crate::money::{Currency, NumberLocale};
use crate::rules::{RecordError, Rules};

/// What a field holds and how its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Required text.
    Name,
    /// Optional text; blank is stored as empty text.
    Text,
    /// Optional text; blank is stored as unset (`null`).
    OptionalText,
    Amount,
    OptionalAmount,
    Date,
    OptionalDate,
    /// A whole number ≥ 0 (minutes); blank is 0.
    Count,
    /// An optional whole score in `0..=max`.
    Score {
        max: u32,
    },
    /// One of these ids.
    Choice(&'static [&'static str]),
    /// The id of a record of this kind, or unset.
    Ref(RecordKind),
}

/// One field of a form; `id` is the record's serialized field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub id: &'static str,
    pub kind: FieldKind,
}

/// A form's text, by field id.
pub type Form = BTreeMap<&'static str, String>;

const fn f(id: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { id, kind }
}

macro_rules! choice_ids {
    ($enum:ty) => {{
        const IDS: &[&str] = &{
            let mut ids = [""; <$enum>::ALL.len()];
            let mut i = 0;
            while i < ids.len() {
                ids[i] = <$enum>::ALL[i].id();
                i += 1;
            }
            ids
        };
        IDS
    }};
}

use FieldKind::*;

/// The fields of each form, in form order; the first is the record's title in lists.
pub fn fields(kind: RecordKind) -> &'static [FieldSpec] {
    match kind {
        RecordKind::Team => {
            const FIELDS: &[FieldSpec] = &[f("name", Name)];
            FIELDS
        }
        RecordKind::Rep => {
            const FIELDS: &[FieldSpec] = &[
                f("name", Name),
                f("team_id", Ref(RecordKind::Team)),
                f("base_salary", Amount),
                f("hired_on", OptionalDate),
                f("left_on", OptionalDate),
            ];
            FIELDS
        }
        RecordKind::Customer => {
            const FIELDS: &[FieldSpec] = &[
                f("name", Name),
                f("segment", Text),
                f("region", Text),
                f("source", Choice(choice_ids!(Source))),
                f("owner_id", Ref(RecordKind::Rep)),
                f("acquired_on", OptionalDate),
                f("churned_on", OptionalDate),
                f("churn_reason", OptionalText),
            ];
            FIELDS
        }
        RecordKind::Lead => {
            const FIELDS: &[FieldSpec] = &[
                f("name", Name),
                f("source", Choice(choice_ids!(Source))),
                f("owner_id", Ref(RecordKind::Rep)),
                f("created_on", Date),
                f("qualified_on", OptionalDate),
                f("converted_on", OptionalDate),
                f("customer_id", Ref(RecordKind::Customer)),
                f("deal_id", Ref(RecordKind::Deal)),
                f("disqualified_on", OptionalDate),
                f("disqualified_reason", OptionalText),
            ];
            FIELDS
        }
        RecordKind::Deal | RecordKind::Goal | RecordKind::CommissionPlan | RecordKind::Contest => {
            const FIELDS: &[FieldSpec] = &[f("title", Name)];
            FIELDS
        }
        RecordKind::Order => {
            const FIELDS: &[FieldSpec] = &[
                f("customer_id", Ref(RecordKind::Customer)),
                f("date", Date),
                f("amount", Amount),
                f("cost", OptionalAmount),
                f("kind", Choice(choice_ids!(OrderKind))),
                f("rep_id", Ref(RecordKind::Rep)),
                f("deal_id", Ref(RecordKind::Deal)),
            ];
            FIELDS
        }
        RecordKind::Activity => {
            const FIELDS: &[FieldSpec] = &[
                f("kind", Choice(choice_ids!(ActivityKind))),
                f("date", Date),
                f("minutes", Count),
                f("customer_id", Ref(RecordKind::Customer)),
                f("deal_id", Ref(RecordKind::Deal)),
                f("rep_id", Ref(RecordKind::Rep)),
                f("note", Text),
            ];
            FIELDS
        }
        RecordKind::Expense => {
            const FIELDS: &[FieldSpec] = &[
                f("category", Choice(choice_ids!(ExpenseCategory))),
                f("date", Date),
                f("amount", Amount),
                f("rep_id", Ref(RecordKind::Rep)),
                f("note", Text),
            ];
            FIELDS
        }
        RecordKind::Feedback => {
            const FIELDS: &[FieldSpec] = &[
                f("customer_id", Ref(RecordKind::Customer)),
                f("date", Date),
                f("csat", Score { max: 5 }),
                f("nps", Score { max: 10 }),
                f("complaint", OptionalText),
                f("resolved_on", OptionalDate),
            ];
            FIELDS
        }
    }
}

/// One record as a row of a list: its id and the text of each form field, references
/// shown by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecordRow {
    pub id: RecordId,
    pub cells: Vec<String>,
}

/// What a list is ordered by: (list date, last change).
type ListKey = (Option<NaiveDate>, DateTime<Utc>);

/// The positions of records by (list date, last change), newest first; records with
/// the same date and change keep their order. Not generic over the record type: one
/// sort in the app, not one per type (each is several KB of wasm).
fn newest_first(keys: impl Iterator<Item = ListKey>) -> Vec<usize> {
    let mut keyed: Vec<(ListKey, usize)> = keys.enumerate().map(|(at, key)| (key, at)).collect();
    // Positions break ties, so an unstable sort gives the stable order.
    keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, at)| at).collect()
}

/// Some rows of a list and the length of the whole list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordRows {
    pub rows: Vec<RecordRow>,
    pub total: usize,
}

/// Calls `$body` with `$T` bound to the record type of `$kind`.
macro_rules! with_type {
    ($kind:expr, $T:ident => $body:expr) => {
        with_type!(@arms $kind, $T, $body,
            Team, Rep, Customer, Lead, Deal, Order, Activity, Expense, Feedback, Goal,
            CommissionPlan, Contest)
    };
    (@arms $kind:expr, $T:ident, $body:expr, $($name:ident),+) => {
        match $kind {
            $(RecordKind::$name => {
                type $T = $name;
                $body
            })+
        }
    };
}

impl Dataset {
    /// The live records of `kind` as list rows: newest date first for dated records,
    /// then newest change first; the rows at positions `shown` of that list, and how
    /// many there are. Only those rows are made (a row is the record's form: ~5 µs
    /// each), so a list of 10k records costs a sort, not 10k forms.
    pub fn record_rows(
        &self,
        kind: RecordKind,
        locale: NumberLocale,
        shown: Range<usize>,
    ) -> RecordRows {
        with_type!(kind, T => self.rows_of::<T>(locale, shown))
    }

    /// How many live records of `kind` there are (the length of its list).
    pub fn live_count(&self, kind: RecordKind) -> usize {
        with_type!(kind, T => self.live::<T>().count())
    }

    /// The forms of the records of type `T` at positions `shown` of the list, and how
    /// many there are. Only this is per type; the rows are made by [`Dataset::rows`].
    fn rows_of<T: Stored + Serialize>(
        &self,
        locale: NumberLocale,
        shown: Range<usize>,
    ) -> RecordRows {
        let records: Vec<&T> = self.live::<T>().collect();
        let order = newest_first(records.iter().map(|r| (r.list_date(), r.updated_at())));
        let forms: Vec<(&str, Form)> = order
            .into_iter()
            .skip(shown.start)
            .take(shown.len())
            .map(|at| (records[at].id(), self.form_of(records[at], T::KIND, locale)))
            .collect();
        RecordRows {
            rows: self.rows(T::KIND, forms),
            total: records.len(),
        }
    }

    /// List rows from records' forms: each field's text, references by title.
    fn rows(&self, kind: RecordKind, forms: Vec<(&str, Form)>) -> Vec<RecordRow> {
        let specs = fields(kind);
        // Titles of the records the rows point at, looked up once per kind.
        let titles: BTreeMap<RecordKind, BTreeMap<RecordId, String>> = specs
            .iter()
            .filter_map(|spec| match spec.kind {
                Ref(kind) => {
                    let wanted: BTreeSet<&str> = forms
                        .iter()
                        .map(|(_, form)| form[spec.id].as_str())
                        .collect();
                    let titles = self
                        .choices(kind)
                        .into_iter()
                        .filter(|(id, _)| wanted.contains(id.as_str()))
                        .collect();
                    Some((kind, titles))
                }
                _ => None,
            })
            .collect();
        forms
            .into_iter()
            .map(|(id, form)| RecordRow {
                id: id.to_owned(),
                cells: specs
                    .iter()
                    .map(|spec| match spec.kind {
                        Ref(kind) => titles
                            .get(&kind)
                            .and_then(|t| t.get(&form[spec.id]))
                            .cloned()
                            .unwrap_or_default(),
                        _ => form[spec.id].clone(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The list title of the live record `id` of `kind` (a name, a deal's title, else
    /// its first field); `None` if there is none.
    pub fn title_of(&self, kind: RecordKind, id: &str) -> Option<String> {
        if id.is_empty() {
            return None;
        }
        match kind {
            RecordKind::Deal => self.find::<Deal>(id).map(|d| d.title.clone()),
            RecordKind::Team => self.find::<Team>(id).map(|t| t.name.clone()),
            RecordKind::Rep => self.rep_name(Some(id)).map(str::to_owned),
            RecordKind::Customer => self.customer_name(Some(id)).map(str::to_owned),
            RecordKind::Lead => self.find::<Lead>(id).map(|l| l.name.clone()),
            RecordKind::Goal => self.find::<Goal>(id).map(|g| g.title.clone()),
            RecordKind::CommissionPlan => self.find::<CommissionPlan>(id).map(|p| p.title.clone()),
            RecordKind::Contest => self.find::<Contest>(id).map(|c| c.title.clone()),
            _ => Some(id.to_owned()),
        }
    }

    /// Live records of `kind` to pick in a reference field: (id, title), by title.
    pub fn choices(&self, kind: RecordKind) -> Vec<(RecordId, String)> {
        // One pass, each title read from its record (as `title_of` reads it): looking
        // every id up again was quadratic, ~50 M id compares for 10k deals.
        macro_rules! titled {
            ($type:ty, $title:ident) => {
                self.live::<$type>()
                    .map(|r| (r.id.clone(), r.$title.clone()))
                    .collect()
            };
        }
        let mut choices: Vec<(RecordId, String)> = match kind {
            RecordKind::Deal => titled!(Deal, title),
            RecordKind::Team => titled!(Team, name),
            RecordKind::Rep => titled!(Rep, name),
            RecordKind::Customer => titled!(Customer, name),
            RecordKind::Lead => titled!(Lead, name),
            RecordKind::Goal => titled!(Goal, title),
            RecordKind::CommissionPlan => titled!(CommissionPlan, title),
            RecordKind::Contest => titled!(Contest, title),
            _ => with_type!(kind, T => self
                .live::<T>()
                .map(|r| (r.id.clone(), r.id.clone()))
                .collect()),
        };
        choices.sort_by_cached_key(|(_, title)| title.to_lowercase());
        choices
    }

    /// The form of the live record `id` of `kind`, or an empty form for a new record.
    pub fn record_form(&self, kind: RecordKind, id: Option<&str>, locale: NumberLocale) -> Form {
        with_type!(kind, T => match id.and_then(|id| self.find::<T>(id)) {
            Some(record) => self.form_of(record, kind, locale),
            None => fields(kind).iter().map(|spec| (spec.id, blank(spec.kind))).collect(),
        })
    }

    fn form_of<T: Serialize>(&self, record: &T, kind: RecordKind, locale: NumberLocale) -> Form {
        let value = serde_json::to_value(record).unwrap_or(Value::Null);
        let currency = self.settings.currency;
        fields(kind)
            .iter()
            .map(|spec| {
                (
                    spec.id,
                    to_text(value.get(spec.id), spec.kind, currency, locale),
                )
            })
            .collect()
    }

    /// Reads a form into a record of `kind` with `updated_at = now`: the live record
    /// `id` edited (fields the form does not show are kept), or a new one with
    /// `new_id`. Every problem is returned, one per field; nothing is changed here.
    pub fn record_from_form(
        &self,
        kind: RecordKind,
        id: Option<&str>,
        form: &Form,
        new_id: RecordId,
        now: DateTime<Utc>,
        locale: NumberLocale,
    ) -> Result<AnyRecord, Vec<RecordError>> {
        with_type!(kind, T => self.parse_form::<T>(id, form, new_id, now, locale).map(AnyRecord::from))
    }

    fn parse_form<T: Stored + Serialize + DeserializeOwned + Rules>(
        &self,
        id: Option<&str>,
        form: &Form,
        new_id: RecordId,
        now: DateTime<Utc>,
        locale: NumberLocale,
    ) -> Result<T, Vec<RecordError>> {
        let mut object = match id.and_then(|id| self.find::<T>(id)) {
            Some(record) => match serde_json::to_value(record) {
                Ok(Value::Object(object)) => object,
                _ => Map::new(),
            },
            None => {
                let mut object = Map::new();
                object.insert("id".into(), Value::String(new_id));
                object
            }
        };
        object.insert("updated_at".into(), serde_json::json!(now));
        object.insert("deleted_at".into(), Value::Null);
        let mut errors = Vec::new();
        for spec in fields(T::KIND) {
            let text = form.get(spec.id).map_or("", String::as_str);
            match from_text(text, spec.kind, self.settings.currency, locale) {
                Ok(value) => {
                    object.insert(spec.id.into(), value);
                }
                Err(problem) => errors.push(RecordError {
                    field: spec.id,
                    problem,
                }),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let record: T = serde_json::from_value(Value::Object(object)).map_err(|_| {
            vec![RecordError {
                field: fields(T::KIND)[0].id,
                problem: Problem::Required,
            }]
        })?;
        let rules = record.input_errors(now.date_naive());
        if rules.is_empty() {
            Ok(record)
        } else {
            Err(rules)
        }
    }
}

fn blank(kind: FieldKind) -> String {
    match kind {
        Choice(ids) => ids.first().copied().unwrap_or_default().to_owned(),
        Count => "0".into(),
        _ => String::new(),
    }
}

fn to_text(
    value: Option<&Value>,
    kind: FieldKind,
    currency: Currency,
    locale: NumberLocale,
) -> String {
    match (kind, value) {
        (Amount | OptionalAmount, Some(Value::Number(n))) => n
            .as_i64()
            .map(|minor| crate::money::Money(minor).format_plain(currency, locale))
            .unwrap_or_default(),
        (_, Some(Value::String(text))) => text.clone(),
        (_, Some(Value::Number(n))) => n.to_string(),
        _ => String::new(),
    }
}

fn from_text(
    text: &str,
    kind: FieldKind,
    currency: Currency,
    locale: NumberLocale,
) -> Result<Value, Problem> {
    let trimmed = text.trim();
    let money = |text: &str| {
        crate::money::Money::parse(text, currency, locale)
            .map(|m| Value::from(m.minor()))
            .map_err(Problem::from)
    };
    let date = |text: &str| {
        parse_date(text).map(|d| d.map_or(Value::Null, |d| Value::String(d.to_string())))
    };
    match kind {
        Name => Ok(Value::String(trimmed.to_owned())),
        Text => Ok(Value::String(trimmed.to_owned())),
        OptionalText | Ref(_) if trimmed.is_empty() => Ok(Value::Null),
        OptionalText | Ref(_) => Ok(Value::String(trimmed.to_owned())),
        Amount => money(text),
        OptionalAmount if trimmed.is_empty() => Ok(Value::Null),
        OptionalAmount => money(text),
        Date => match date(text)? {
            Value::Null => Err(Problem::Required),
            day => Ok(day),
        },
        OptionalDate => date(text),
        Count if trimmed.is_empty() => Ok(Value::from(0)),
        Count => trimmed
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| Problem::NotANumber),
        Score { .. } if trimmed.is_empty() => Ok(Value::Null),
        Score { max } => match trimmed.parse::<u32>() {
            Ok(n) if n <= max => Ok(Value::from(n)),
            Ok(_) => Err(Problem::OutOfRange),
            Err(_) => Err(Problem::NotANumber),
        },
        Choice(ids) if ids.contains(&trimmed) => Ok(Value::String(trimmed.to_owned())),
        Choice(_) => Err(Problem::Required),
    }
}

/// A record of any type, e.g. one made from a form or kept for undo.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyRecord {
    Team(Team),
    Rep(Rep),
    Customer(Customer),
    Lead(Lead),
    Deal(Deal),
    Order(Order),
    Activity(Activity),
    Expense(Expense),
    Feedback(Feedback),
    Goal(Goal),
    CommissionPlan(CommissionPlan),
    Contest(Contest),
}

macro_rules! any_from {
    ($($T:ident),+) => {
        $(impl From<$T> for AnyRecord {
            fn from(record: $T) -> Self {
                AnyRecord::$T(record)
            }
        })+

        impl AnyRecord {
            /// The record's collection.
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(AnyRecord::$T(_) => RecordKind::$T),+
                }
            }

            /// The record's id.
            pub fn id(&self) -> &str {
                match self {
                    $(AnyRecord::$T(r) => &r.id),+
                }
            }

            /// A short title for messages: a name, a deal's title, else the form's first
            /// field as text (a category, a date).
            pub fn title(&self) -> String {
                let value = match self {
                    $(AnyRecord::$T(r) => serde_json::to_value(r)),+
                };
                let first = fields(self.kind()).first().map_or("id", |f| f.id);
                match value.as_ref().ok().and_then(|v| v.get(first)) {
                    Some(Value::String(text)) => text.clone(),
                    _ => self.id().to_owned(),
                }
            }

            /// Puts the record into `data` (replacing the one with its id).
            pub fn upsert_into(self, data: &mut Dataset) {
                match self {
                    $(AnyRecord::$T(r) => data.upsert(r)),+
                }
            }

            /// Undo of a delete: puts it back live with `updated_at = now`.
            pub fn restore_into(self, data: &mut Dataset, now: DateTime<Utc>) {
                match self {
                    $(AnyRecord::$T(mut r) => {
                        crate::model::Record::stamp(&mut r, now, None);
                        data.restore(r)
                    }),+
                }
            }
        }

        impl Dataset {
            /// Tombstones the live record `id` of `kind`; its version before, for undo.
            pub fn delete_record(&mut self, kind: RecordKind, id: &str, now: DateTime<Utc>) -> Option<AnyRecord> {
                match kind {
                    $(RecordKind::$T => self.delete::<$T>(id, now).map(AnyRecord::$T)),+
                }
            }
        }
    };
}
any_from!(
    Team,
    Rep,
    Customer,
    Lead,
    Deal,
    Order,
    Activity,
    Expense,
    Feedback,
    Goal,
    CommissionPlan,
    Contest
);
