//! What new input must look like beyond the record rules of [`crate::rules`]: dates a
//! sales record can really have, and names that show something.
//!
//! Conventions:
//! - a plausible date is 1970-01-01 ..= `today` + 10 years. Nothing in a sales
//!   board happened before 1970 (a created date of 0001-01-01 is a mistyped year and made
//!   the average sales cycle 739,924 days); ten years ahead leaves room for long
//!   contracts while catching a year typed as 2206. `today` is the caller's (the form's
//!   `now`, the import's `today`); a day's difference between UTC and local time does not
//!   matter at this scale.
//! - text is blank when every character is whitespace (Unicode `White_Space`, which
//!   covers Zs, Zl, Zp), a format character (Cf: zero-width space, joiners, direction
//!   marks, the byte-order mark, soft hyphen, tag characters…) or a control character
//!   (Cc). A required name or title that is blank is missing ([`Problem::Required`]);
//!   visible text with invisible characters inside is kept as typed.
//! - These rules apply to what is typed or imported ([`crate::rules::Rules::input_errors`],
//!   [`crate::DealInput::into_deal`]), not to data that is loaded or restored: a backup
//!   saved before they existed must still open (a stored 0001-01-01 is refused only when
//!   the record is next saved from its form).

use chrono::{Months, NaiveDate};

use crate::deal_input::Problem;

/// The first plausible date (see module docs).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(day) => day,
    None => panic!("1970-01-01 is a date"),
};

/// How far after `today` a plausible date may be, in years.
pub const YEARS_AHEAD: u32 = 10;

/// The last plausible date when it is `today`.
pub fn latest(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(Months::new(12 * YEARS_AHEAD))
        .unwrap_or(NaiveDate::MAX)
}

/// [`Problem::ImplausibleDate`] for a date outside 1970-01-01 ..= `today` + 10 years.
pub fn date_problem(date: NaiveDate, today: NaiveDate) -> Option<Problem> {
    (date < EARLIEST || date > latest(today)).then_some(Problem::ImplausibleDate)
}

/// True when `text` shows nothing: only whitespace, format or control characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// A whitespace (Zs, Zl, Zp), control (Cc) or format (Cf) character.
fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_format(c)
}

/// Unicode general category Cf (Unicode 15.1).
fn is_format(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}
