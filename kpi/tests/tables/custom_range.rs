use kpi::custom_range::{custom_range, RangeError, RangeField, MAX_DAYS};
use kpi::Problem::{self, *};
use kpi::{Period, PeriodKind};

use crate::support::day;

#[test]
fn typed_custom_ranges() {
    use RangeField::*;
    let today = day("2026-11-15");
    let err = |field, problem: Problem| Err(RangeError { field, problem });
    let ok = |start: &str, end: &str| {
        Ok(Period {
            kind: PeriodKind::Custom,
            start: day(start),
            end: day(end),
        })
    };
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str, Result<Period, RangeError>)] = &[
        ("a month", "2026-11-01", "2026-11-30", ok("2026-11-01", "2026-11-30")),
        ("one day", "2026-11-15", "2026-11-15", ok("2026-11-15", "2026-11-15")),
        ("1,826 days (five years with 2024's leap day), the longest", "2021-11-16", "2026-11-15", ok("2021-11-16", "2026-11-15")),
        ("start emptied", "", "2026-11-30", err(Start, Required)),
        ("end emptied", "2026-11-01", " ", err(End, Required)),
        ("both emptied: the start first", "", "", err(Start, Required)),
        ("start not a date", "2026-02-30", "2026-11-30", err(Start, NotADate)),
        ("start in year 1", "0001-01-01", "2026-11-30", err(Start, ImplausibleDate)),
        ("end in year 9999", "2026-11-01", "9999-12-31", err(End, ImplausibleDate)),
        ("end before start", "2026-11-30", "2026-11-01", err(End, DateOrder)),
        ("1,827 days, one too many", "2021-11-15", "2026-11-15", err(End, OutOfRange)),
    ];
    for (case, start, end, expected) in rows {
        assert_eq!(&custom_range(start, end, today), expected, "{case}");
    }
    assert_eq!(MAX_DAYS, 1826);
}
