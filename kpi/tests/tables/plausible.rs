use kpi::plausible::{date_problem, is_blank, latest, EARLIEST};
use kpi::Problem::ImplausibleDate;

use crate::support::day;

#[test]
fn plausible_dates() {
    let today = day("2026-11-22");
    #[rustfmt::skip]
    let rows = [
        ("year 1, a mistyped year", "0001-01-01", Some(ImplausibleDate)),
        ("the day before 1970", "1969-12-31", Some(ImplausibleDate)),
        ("1970-01-01, the first plausible day", "1970-01-01", None),
        ("today", "2026-11-22", None),
        ("ten years ahead to the day", "2036-11-22", None),
        ("a day more than ten years ahead", "2036-11-23", Some(ImplausibleDate)),
        ("the year typed as 2206", "2206-11-05", Some(ImplausibleDate)),
    ];
    for (case, date, expected) in rows {
        assert_eq!(date_problem(day(date), today), expected, "{case}");
    }
    assert_eq!(EARLIEST, day("1970-01-01"));
}

#[test]
fn latest_plausible_day() {
    let max = chrono::NaiveDate::MAX;
    let rows = [
        ("plain day", day("2026-11-22"), day("2036-11-22")),
        (
            "29 February goes to the 28th",
            day("2028-02-29"),
            day("2038-02-28"),
        ),
        ("the end of the calendar saturates", max, max),
    ];
    for (case, today, expected) in rows {
        assert_eq!(latest(today), expected, "{case}");
    }
}

#[test]
fn blank_text() {
    #[rustfmt::skip]
    let rows = [
        ("empty", "", true),
        ("spaces and a tab", "  \t ", true),
        ("zero-width space (Cf)", "\u{200B}", true),
        ("zero-width joiner and non-joiner (Cf)", "\u{200D}\u{200C}", true),
        ("byte-order mark and word joiner (Cf)", "\u{FEFF}\u{2060}", true),
        ("direction marks and isolates (Cf)", "\u{200E}\u{200F}\u{2066}\u{2069}", true),
        ("soft hyphen (Cf)", "\u{AD}", true),
        ("tag characters (Cf)", "\u{E0001}\u{E0041}", true),
        ("no-break, narrow and ideographic spaces (Zs)", "\u{A0}\u{202F}\u{3000}", true),
        ("line and paragraph separators", "\u{2028}\u{2029}", true),
        ("control characters (Cc)", "\u{0}\u{7}\u{1B}\u{85}", true),
        ("a letter", "a", false),
        ("a name with a zero-width space inside", "Acme\u{200B}Corp", false),
        ("Vietnamese", " Hà Nội ", false),
        ("an emoji sequence", "\u{1F468}\u{200D}\u{1F4BB}", false),
        ("a hyphen", "-", false),
    ];
    for (case, text, blank) in rows {
        assert_eq!(is_blank(text), blank, "{case}");
    }
}
