//! Calendar dates as text, in the UI locale's conventions. The month names come from
//! the translations (the caller passes them in), so this stays free of any table of
//! words; the order, separators and padding are decided here.
//!
//! Conventions (in a date a no-break space U+00A0 wherever a space falls, so a date
//! never wraps; a month and its year may wrap, as headings in narrow tables must):
//!
//! | locale | date              | day and month | month and year   |
//! |--------|-------------------|---------------|------------------|
//! | en     | 15 Nov 2026       | 15 Nov        | November 2026    |
//! | de     | 15.11.2026        | 15.11.        | November 2026    |
//! | vi     | 15/11/2026        | 15/11         | Tháng 11 năm 2026 |
//! | hu     | 2026. 11. 15.     | 11. 15.       | 2026. november   |
//! | cs     | 15. 11. 2026      | 15. 11.       | listopad 2026    |
//!
//! English uses the month's short name instead of digits: "11/05/2026" is 5 November
//! to a British reader and 11 May to an American one; "5 Nov 2026" is neither's
//! puzzle. German and Vietnamese pad day and month to two digits (DIN 5008, the usual
//! Vietnamese form); Czech and Hungarian do not pad, as their standards write them.

use chrono::{Datelike, NaiveDate};

use crate::money::NumberLocale;

/// No-break space: dates never wrap across lines.
const NBSP: char = '\u{a0}';

/// `date` as the locale writes a full date; `short_months` are the locale's short
/// month names, January first (used by English only): 2026-11-15 → "15 Nov 2026" en,
/// "15.11.2026" de, "15/11/2026" vi, "2026. 11. 15." hu, "15. 11. 2026" cs.
pub fn format_date(date: NaiveDate, locale: NumberLocale, short_months: &[&str; 12]) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match locale {
        NumberLocale::En => format!("{d}{NBSP}{}{NBSP}{y}", month_name(short_months, m)),
        NumberLocale::De => format!("{d:02}.{m:02}.{y}"),
        NumberLocale::Vi => format!("{d:02}/{m:02}/{y}"),
        NumberLocale::Hu => format!("{y}.{NBSP}{m:02}.{NBSP}{d:02}."),
        NumberLocale::Cs => format!("{d}.{NBSP}{m}.{NBSP}{y}"),
    }
}

/// Day and month without the year, for chart axes and lists within one period:
/// 2026-11-05 → "5 Nov" en, "05.11." de, "05/11" vi, "11. 05." hu, "5. 11." cs.
pub fn format_day_month(
    date: NaiveDate,
    locale: NumberLocale,
    short_months: &[&str; 12],
) -> String {
    let (m, d) = (date.month(), date.day());
    match locale {
        NumberLocale::En => format!("{d}{NBSP}{}", month_name(short_months, m)),
        NumberLocale::De => format!("{d:02}.{m:02}."),
        NumberLocale::Vi => format!("{d:02}/{m:02}"),
        NumberLocale::Hu => format!("{m:02}.{NBSP}{d:02}."),
        NumberLocale::Cs => format!("{d}.{NBSP}{m}."),
    }
}

/// A month and its year, `long_month` being the locale's full name of the month:
/// "November 2026" en/de, "listopad 2026" cs, "2026. november" hu,
/// "Tháng 11 năm 2026" vi (plain spaces: a long month may wrap in a narrow table).
pub fn format_month_year(year: i32, long_month: &str, locale: NumberLocale) -> String {
    match locale {
        NumberLocale::Hu => format!("{year}. {long_month}"),
        NumberLocale::Vi => format!("{long_month} năm {year}"),
        _ => format!("{long_month} {year}"),
    }
}

fn month_name<'a>(names: &[&'a str; 12], month: u32) -> &'a str {
    names[(month.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Expected texts are written with '_' for the no-break space.
    fn nb(text: &str) -> String {
        text.replace('_', "\u{a0}")
    }

    #[test]
    fn full_dates_follow_each_locale() {
        use NumberLocale::*;
        let cases = [
            ("en two-digit day", "2026-11-15", En, "15_Nov_2026"),
            ("en one-digit day unpadded", "2026-03-05", En, "5_Mar_2026"),
            (
                "en January is the first name",
                "2027-01-31",
                En,
                "31_Jan_2027",
            ),
            ("de", "2026-11-15", De, "15.11.2026"),
            ("de pads day and month", "2026-03-05", De, "05.03.2026"),
            ("vi", "2026-11-15", Vi, "15/11/2026"),
            ("vi pads", "2026-03-05", Vi, "05/03/2026"),
            (
                "hu year first, trailing dot",
                "2026-11-15",
                Hu,
                "2026._11._15.",
            ),
            ("hu pads", "2026-03-05", Hu, "2026._03._05."),
            ("cs", "2026-11-15", Cs, "15._11._2026"),
            ("cs does not pad", "2026-03-05", Cs, "5._3._2026"),
            ("leap day", "2028-02-29", De, "29.02.2028"),
        ];
        for (case, date, locale, expected) in cases {
            assert_eq!(format_date(day(date), locale, &EN), nb(expected), "{case}");
        }
    }

    #[test]
    fn day_and_month_follow_each_locale() {
        use NumberLocale::*;
        let cases = [
            ("en", "2026-11-05", En, "5_Nov"),
            ("de", "2026-11-05", De, "05.11."),
            ("vi", "2026-11-05", Vi, "05/11"),
            ("hu", "2026-11-05", Hu, "11._05."),
            ("cs", "2026-11-05", Cs, "5._11."),
            ("December", "2026-12-31", En, "31_Dec"),
        ];
        for (case, date, locale, expected) in cases {
            assert_eq!(
                format_day_month(day(date), locale, &EN),
                nb(expected),
                "{case}"
            );
        }
    }

    #[test]
    fn month_and_year_follow_each_locale() {
        use NumberLocale::*;
        let cases = [
            ("en", "November", En, "November 2026"),
            ("de", "November", De, "November 2026"),
            ("cs", "listopad", Cs, "listopad 2026"),
            ("hu year first", "november", Hu, "2026. november"),
            ("vi with năm", "Tháng 11", Vi, "Tháng 11 năm 2026"),
        ];
        for (case, month, locale, expected) in cases {
            assert_eq!(format_month_year(2026, month, locale), expected, "{case}");
        }
    }
}
