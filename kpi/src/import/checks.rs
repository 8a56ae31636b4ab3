//! The rules of the record a row makes ([`crate::rules`]), reported on the row's columns.

use super::fields::Field;
use super::row::Row;
use crate::forms::AnyRecord;
use crate::rules::Rules;

pub(crate) fn rule_errors(record: &AnyRecord) -> Vec<crate::rules::RecordError> {
    match record {
        AnyRecord::Deal(r) => r.rule_errors(),
        AnyRecord::Customer(r) => r.rule_errors(),
        AnyRecord::Lead(r) => r.rule_errors(),
        AnyRecord::Activity(r) => r.rule_errors(),
        AnyRecord::Order(r) => r.rule_errors(),
        _ => Vec::new(),
    }
}

/// The import field a record field's rule error is about.
pub(crate) fn rule_field(record_field: &str) -> Option<Field> {
    match record_field {
        "customer_id" => Some(Field::Customer),
        "rep_id" | "owner_id" => Some(Field::Owner),
        "deal_id" => Some(Field::Deal),
        other => Field::ALL.iter().copied().find(|f| f.id() == other),
    }
}

/// The column to blame for a rule on `field`: its own, else the column it was derived
/// from (a CRM's close date, the Won/Closed boxes).
pub(crate) fn rule_column(row: &Row, field: Field) -> Option<usize> {
    let fallbacks: &[Field] = match field {
        Field::ClosedOn | Field::ExpectedClose => &[Field::CloseDate],
        Field::Status => &[Field::Won, Field::Closed, Field::Stage],
        _ => &[],
    };
    std::iter::once(field)
        .chain(fallbacks.iter().copied())
        .find_map(|f| row.column_of(f))
}
