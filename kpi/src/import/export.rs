//! Salesboard's own CSV: every record type out to a spreadsheet, and back in.
//!
//! Deals, customers, leads, activities and orders are written with the columns of
//! [`Field::exported`], headed by the field ids, so the file imports again as it is
//! (`id` keeps each record's id: importing it into the same dataset finds every row a
//! duplicate, into another one recreates the records). Values: dates `yyyy-mm-dd`;
//! amounts in major units with a '.' and no grouping (`1234.50`); status, kind and
//! source ids; stage names; customers and owners by name; an activity's or order's
//! deal by title when that title is unique, else by id.
//!
//! Other record types (teams, reps, expenses, feedback, goals, commission plans,
//! contests) are written with `id`, their form's fields, then their other saved
//! fields; amounts as above, references by name, nested values as JSON text.
//!
//! Quoting follows RFC 4180 (a cell with the delimiter, a quote or a line break is
//! quoted). Text that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) gets a leading `'`, which import removes again.
//! Deleted records (tombstones) are not exported.

use std::collections::BTreeMap;

use serde_json::Value;

use super::convert::Draft;
use super::fields::{Field, IMPORT_KINDS};
use crate::forms::{fields as form_fields, AnyRecord, FieldKind};
use crate::model::link::name_key;
use crate::model::{
    Activity, CommissionPlan, Contest, Customer, Dataset, Deal, Expense, Feedback, Goal, Lead,
    Order, RecordKind, Rep, Settings, Stored, Team,
};
use crate::money::{Money, NumberLocale};

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Text safe to open in a spreadsheet (see the module docs).
pub fn protect_formula(text: &str) -> String {
    if text.starts_with(FORMULA_START) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Undoes [`protect_formula`]: a `'` before a formula character is dropped.
pub fn unprotect_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => text,
    }
}

/// Names of linked records, looked up once per export.
struct Names {
    customers: BTreeMap<String, String>,
    reps: BTreeMap<String, String>,
    deals: BTreeMap<String, String>,
}

impl Names {
    fn of(data: &Dataset) -> Names {
        let mut title_count: BTreeMap<String, usize> = BTreeMap::new();
        for deal in data.live::<Deal>() {
            *title_count.entry(name_key(&deal.title)).or_default() += 1;
        }
        Names {
            customers: data
                .customers
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            reps: data
                .reps
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect(),
            deals: data
                .live::<Deal>()
                .map(|d| {
                    let unique = title_count.get(&name_key(&d.title)) == Some(&1);
                    let shown = if unique && !d.title.trim().is_empty() {
                        d.title.clone()
                    } else {
                        d.id.clone()
                    };
                    (d.id.clone(), shown)
                })
                .collect(),
        }
    }

    fn name(map: &BTreeMap<String, String>, id: &Option<String>) -> String {
        id.as_ref()
            .map(|id| map.get(id).cloned().unwrap_or_else(|| id.clone()))
            .unwrap_or_default()
    }
}

/// The CSV text of every live record of `kind` (see the module docs).
pub fn export_csv(data: &Dataset, kind: RecordKind) -> String {
    let names = Names::of(data);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if IMPORT_KINDS.contains(&kind) {
        let columns: Vec<Field> = Field::exported(kind).collect();
        let _ = writer.write_record(columns.iter().map(|f| f.id()));
        macro_rules! rows {
            ($type:ty) => {
                for record in data.live::<$type>() {
                    let any = AnyRecord::from(record.clone());
                    let row: Vec<String> = columns
                        .iter()
                        .map(|&f| cell(&any, f, &data.settings, &names))
                        .collect();
                    let _ = writer.write_record(&row);
                }
            };
        }
        match kind {
            RecordKind::Deal => rows!(Deal),
            RecordKind::Customer => rows!(Customer),
            RecordKind::Lead => rows!(Lead),
            RecordKind::Activity => rows!(Activity),
            _ => rows!(Order),
        }
    } else {
        generic(data, kind, &names, &mut writer);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The text of `field` of an imported record type, as the export writes it.
fn cell(record: &AnyRecord, field: Field, settings: &Settings, names: &Names) -> String {
    let currency = settings.currency;
    let money = |m: Money| m.format_plain(currency, NumberLocale::En);
    let opt_money = |m: Option<Money>| m.map(money).unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let text = |t: &str| protect_formula(t);
    let customer = |id: &Option<String>| text(&Names::name(&names.customers, id));
    let rep = |id: &Option<String>| text(&Names::name(&names.reps, id));
    let deal = |id: &Option<String>| text(&Names::name(&names.deals, id));
    use Field as F;
    match (record, field) {
        (AnyRecord::Deal(d), f) => match f {
            F::ExternalId => d.id.clone(),
            F::Title => text(&d.title),
            F::Customer => customer(&d.customer_id),
            F::Owner => rep(&d.rep_id),
            F::Stage => text(settings.stage(&d.stage).map_or(&d.stage, |s| &s.name)),
            F::Status => d.status.id().to_owned(),
            F::Amount => money(d.amount),
            F::Cost => opt_money(d.cost),
            F::Discount => opt_money(d.discount),
            F::Probability => d.probability.map(|p| p.to_string()).unwrap_or_default(),
            F::Kind => d.kind.id().to_owned(),
            F::CreatedOn => d.created_on.to_string(),
            F::ExpectedClose => date(d.expected_close),
            F::ClosedOn => date(d.closed_on),
            F::LostReason => text(d.lost_reason.as_deref().unwrap_or("")),
            _ => String::new(),
        },
        (AnyRecord::Customer(c), f) => match f {
            F::ExternalId => c.id.clone(),
            F::Name => text(&c.name),
            F::Segment => text(&c.segment),
            F::Region => text(&c.region),
            F::Source => c.source.id().to_owned(),
            F::Owner => rep(&c.owner_id),
            F::AcquiredOn => date(c.acquired_on),
            F::ChurnedOn => date(c.churned_on),
            F::ChurnReason => text(c.churn_reason.as_deref().unwrap_or("")),
            _ => String::new(),
        },
        (AnyRecord::Lead(l), f) => match f {
            F::ExternalId => l.id.clone(),
            F::Name => text(&l.name),
            F::Source => l.source.id().to_owned(),
            F::Owner => rep(&l.owner_id),
            F::CreatedOn => l.created_on.to_string(),
            F::QualifiedOn => date(l.qualified_on),
            F::ConvertedOn => date(l.converted_on),
            F::Customer => customer(&l.customer_id),
            F::DisqualifiedOn => date(l.disqualified_on),
            F::DisqualifiedReason => text(l.disqualified_reason.as_deref().unwrap_or("")),
            _ => String::new(),
        },
        (AnyRecord::Activity(a), f) => match f {
            F::ExternalId => a.id.clone(),
            F::Kind => a.kind.id().to_owned(),
            F::Date => a.date.to_string(),
            F::Minutes => a.minutes.to_string(),
            F::Customer => customer(&a.customer_id),
            F::Deal => deal(&a.deal_id),
            F::Owner => rep(&a.rep_id),
            F::Note => text(&a.note),
            _ => String::new(),
        },
        (AnyRecord::Order(o), f) => match f {
            F::ExternalId => o.id.clone(),
            F::Customer => customer(&o.customer_id),
            F::Date => o.date.to_string(),
            F::Amount => money(o.amount),
            F::Cost => opt_money(o.cost),
            F::Kind => o.kind.id().to_owned(),
            F::Owner => rep(&o.rep_id),
            F::Deal => deal(&o.deal_id),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// A preview row's values: the record as the export would write it, with linked
/// records named as the row typed them.
pub(crate) fn preview_values(
    record: &AnyRecord,
    settings: &Settings,
    draft: &Draft,
) -> Vec<(Field, String)> {
    let names = Names {
        customers: BTreeMap::new(),
        reps: BTreeMap::new(),
        deals: BTreeMap::new(),
    };
    Field::exported(record.kind())
        .filter(|f| *f != Field::ExternalId)
        .map(|f| {
            let value = match f {
                Field::Customer => draft.customer.clone(),
                Field::Owner => draft.owner.clone(),
                Field::Deal => draft.deal.clone(),
                _ => cell(record, f, settings, &names),
            };
            (f, value)
        })
        .collect()
}

/// Any other record type: id, the form's fields, then the rest (see the module docs).
fn generic(data: &Dataset, kind: RecordKind, names: &Names, writer: &mut csv::Writer<Vec<u8>>) {
    let values: Vec<Value> = match kind {
        RecordKind::Team => live_values::<Team>(data),
        RecordKind::Rep => live_values::<Rep>(data),
        RecordKind::Expense => live_values::<Expense>(data),
        RecordKind::Feedback => live_values::<Feedback>(data),
        RecordKind::Goal => live_values::<Goal>(data),
        RecordKind::CommissionPlan => live_values::<CommissionPlan>(data),
        RecordKind::Contest => live_values::<Contest>(data),
        _ => Vec::new(),
    };
    let specs = form_fields(kind);
    let mut columns: Vec<String> = vec!["id".into()];
    columns.extend(specs.iter().map(|s| s.id.to_owned()));
    for value in &values {
        if let Value::Object(object) = value {
            for key in object.keys() {
                let skip = matches!(key.as_str(), "updated_at" | "deleted_at");
                if !skip && !columns.iter().any(|c| c == key) {
                    columns.push(key.clone());
                }
            }
        }
    }
    let _ = writer.write_record(&columns);
    let currency = data.settings.currency;
    for value in &values {
        let row: Vec<String> = columns
            .iter()
            .map(|column| {
                let v = value.get(column.as_str()).unwrap_or(&Value::Null);
                let spec = specs.iter().find(|s| s.id == column);
                match (spec.map(|s| s.kind), v) {
                    (Some(FieldKind::Amount | FieldKind::OptionalAmount), Value::Number(n)) => n
                        .as_i64()
                        .map(|m| Money(m).format_plain(currency, NumberLocale::En))
                        .unwrap_or_default(),
                    (Some(FieldKind::Ref(target)), Value::String(id)) => {
                        let map = match target {
                            RecordKind::Customer => &names.customers,
                            RecordKind::Rep => &names.reps,
                            RecordKind::Deal => &names.deals,
                            _ => {
                                return protect_formula(
                                    &data.title_of(target, id).unwrap_or_else(|| id.clone()),
                                )
                            }
                        };
                        protect_formula(map.get(id).unwrap_or(id))
                    }
                    (_, Value::Null) => String::new(),
                    (_, Value::String(s)) => protect_formula(s),
                    (_, Value::Number(n)) => n.to_string(),
                    (_, Value::Bool(b)) => b.to_string(),
                    (_, other) => protect_formula(&other.to_string()),
                }
            })
            .collect();
        let _ = writer.write_record(&row);
    }
}

fn live_values<T: Stored + serde::Serialize>(data: &Dataset) -> Vec<Value> {
    data.live::<T>()
        .filter_map(|r| serde_json::to_value(r).ok())
        .collect()
}
