//! The rules of the record a row makes ([`crate::rules`]), with those of typed input
//! (visible names, plausible dates: [`Rules::input_errors`]), reported on the row's
//! columns.

use super::fields::Field;
use super::row::Row;
use crate::forms::AnyRecord;
use crate::rules::Rules;

pub(crate) fn rule_errors(
    record: &AnyRecord,
    today: chrono::NaiveDate,
) -> Vec<crate::rules::RecordError> {
    match record {
        AnyRecord::Deal(r) => r.input_errors(today),
        AnyRecord::Customer(r) => r.input_errors(today),
        AnyRecord::Lead(r) => r.input_errors(today),
        AnyRecord::Activity(r) => r.input_errors(today),
        AnyRecord::Order(r) => r.input_errors(today),
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
