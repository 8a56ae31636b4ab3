//! The dashboard's custom period as typed: two dates → a [`Period`], or the problem at
//! the field that has it, so the picker never silently keeps an old range.
//!
//! Rules, checked in this order, the first problem wins:
//! - both dates are required, as `yyyy-mm-dd` (what `<input type="date">` gives; an
//!   emptied field is `""`);
//! - each is plausible: 1970-01-01 ..= today + 10 years (see [`crate::plausible`]);
//! - the end is not before the start (same day allowed);
//! - the range spans at most [`MAX_DAYS`] days: five years of daily points is already a
//!   long chart, and more would stall the tab for nothing a rep asks.

use chrono::NaiveDate;

use crate::deal_input::{parse_date, Problem};
use crate::period::Period;
use crate::plausible::date_problem;

/// The longest custom range: five years (with one leap day).
pub const MAX_DAYS: i64 = 5 * 365 + 1;

/// A field of the custom range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RangeField {
    Start,
    End,
}

/// What is wrong with a typed custom range, and where. The end before the start is
/// [`Problem::DateOrder`] on the end; a range over [`MAX_DAYS`] is
/// [`Problem::OutOfRange`] on the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RangeError {
    pub field: RangeField,
    pub problem: Problem,
}

/// The custom period from the typed `start` and `end` (see module docs).
pub fn custom_range(start: &str, end: &str, today: NaiveDate) -> Result<Period, RangeError> {
    let read = |text: &str, field| {
        let fail = |problem| RangeError { field, problem };
        let day = parse_date(text)
            .map_err(fail)?
            .ok_or(fail(Problem::Required))?;
        match date_problem(day, today) {
            Some(problem) => Err(fail(problem)),
            None => Ok(day),
        }
    };
    let start = read(start, RangeField::Start)?;
    let end = read(end, RangeField::End)?;
    let on_end = |problem| RangeError {
        field: RangeField::End,
        problem,
    };
    let period = Period::custom(start, end).map_err(|_| on_end(Problem::DateOrder))?;
    if period.days() > MAX_DAYS {
        return Err(on_end(Problem::OutOfRange));
    }
    Ok(period)
}
