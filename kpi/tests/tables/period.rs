use chrono::NaiveDate;
use kpi::{Period, PeriodError, PeriodKind, PeriodPreset};

use crate::support::day;

/// (case, period, expected start, expected end, expected label)
fn check(rows: &[(&str, Period, &str, &str, &str)]) {
    for (case, period, start, end, label) in rows {
        assert_eq!(period.start, day(start), "{case}: start");
        assert_eq!(period.end, day(end), "{case}: end");
        assert_eq!(period.label(), *label, "{case}: label");
    }
}

#[test]
fn calendar_units() {
    check(&[
        (
            "week of a Sunday starts the Monday before",
            Period::week_of(day("2026-11-22")),
            "2026-11-16",
            "2026-11-22",
            "2026-W47",
        ),
        (
            "week of a Monday starts that day",
            Period::week_of(day("2026-01-26")),
            "2026-01-26",
            "2026-02-01",
            "2026-W05",
        ),
        (
            "week spanning New Year belongs to the new ISO year",
            Period::week_of(day("2025-01-01")),
            "2024-12-30",
            "2025-01-05",
            "2025-W01",
        ),
        (
            "week of Jan 1 in the previous ISO year",
            Period::week_of(day("2021-01-01")),
            "2020-12-28",
            "2021-01-03",
            "2020-W53",
        ),
        (
            "leap February",
            Period::month_of(day("2024-02-10")),
            "2024-02-01",
            "2024-02-29",
            "2024-02",
        ),
        (
            "leap day itself",
            Period::month_of(day("2024-02-29")),
            "2024-02-01",
            "2024-02-29",
            "2024-02",
        ),
        (
            "common February",
            Period::month_of(day("2023-02-10")),
            "2023-02-01",
            "2023-02-28",
            "2023-02",
        ),
        (
            "1900 is not a leap year",
            Period::month_of(day("1900-02-01")),
            "1900-02-01",
            "1900-02-28",
            "1900-02",
        ),
        (
            "2000 is a leap year",
            Period::month_of(day("2000-02-01")),
            "2000-02-01",
            "2000-02-29",
            "2000-02",
        ),
        (
            "December",
            Period::month_of(day("2026-12-31")),
            "2026-12-01",
            "2026-12-31",
            "2026-12",
        ),
        (
            "quarter of Dec 31",
            Period::quarter_of(day("2026-12-31")),
            "2026-10-01",
            "2026-12-31",
            "2026-Q4",
        ),
        (
            "quarter of Apr 1",
            Period::quarter_of(day("2026-04-01")),
            "2026-04-01",
            "2026-06-30",
            "2026-Q2",
        ),
        (
            "quarter of Mar 31",
            Period::quarter_of(day("2026-03-31")),
            "2026-01-01",
            "2026-03-31",
            "2026-Q1",
        ),
        (
            "year",
            Period::year_of(day("2026-07-04")),
            "2026-01-01",
            "2026-12-31",
            "2026",
        ),
        (
            "custom range",
            Period::custom(day("2026-11-01"), day("2026-11-30")).unwrap(),
            "2026-11-01",
            "2026-11-30",
            "2026-11-01..2026-11-30",
        ),
    ]);
}

#[test]
fn previous_and_next() {
    let custom = Period::custom(day("2026-11-10"), day("2026-11-19")).unwrap();
    check(&[
        (
            "month before January rolls the year back",
            Period::month_of(day("2026-01-15")).previous(),
            "2025-12-01",
            "2025-12-31",
            "2025-12",
        ),
        (
            "month after December rolls the year on",
            Period::month_of(day("2025-12-15")).next(),
            "2026-01-01",
            "2026-01-31",
            "2026-01",
        ),
        (
            "month before March is February, not Mar 31 − 1 month",
            Period::month_of(day("2026-03-31")).previous(),
            "2026-02-01",
            "2026-02-28",
            "2026-02",
        ),
        (
            "month after January in a leap year",
            Period::month_of(day("2024-01-31")).next(),
            "2024-02-01",
            "2024-02-29",
            "2024-02",
        ),
        (
            "quarter before Q1",
            Period::quarter_of(day("2026-02-01")).previous(),
            "2025-10-01",
            "2025-12-31",
            "2025-Q4",
        ),
        (
            "quarter after Q4",
            Period::quarter_of(day("2025-11-01")).next(),
            "2026-01-01",
            "2026-03-31",
            "2026-Q1",
        ),
        (
            "week before the New Year week",
            Period::week_of(day("2025-01-01")).previous(),
            "2024-12-23",
            "2024-12-29",
            "2024-W52",
        ),
        (
            "week after the last week of 2020",
            Period::week_of(day("2020-12-31")).next(),
            "2021-01-04",
            "2021-01-10",
            "2021-W01",
        ),
        (
            "year before",
            Period::year_of(day("2024-02-29")).previous(),
            "2023-01-01",
            "2023-12-31",
            "2023",
        ),
        (
            "custom: same length ending the day before",
            custom.previous(),
            "2026-10-31",
            "2026-11-09",
            "2026-10-31..2026-11-09",
        ),
        (
            "custom: same length starting the day after",
            custom.next(),
            "2026-11-20",
            "2026-11-29",
            "2026-11-20..2026-11-29",
        ),
    ]);
    assert_eq!(custom.previous().kind, PeriodKind::Custom);
}

#[test]
fn days_contains_and_months() {
    let feb = Period::month_of(day("2024-02-10"));
    let rows = [
        ("leap February", feb.days(), 29),
        ("leap year", Period::year_of(day("2024-01-01")).days(), 366),
        (
            "common year",
            Period::year_of(day("2026-01-01")).days(),
            365,
        ),
        ("week", Period::week_of(day("2026-11-22")).days(), 7),
        (
            "Q1 of a common year",
            Period::quarter_of(day("2026-01-01")).days(),
            90,
        ),
        (
            "one-day custom",
            Period::custom(day("2026-11-22"), day("2026-11-22"))
                .unwrap()
                .days(),
            1,
        ),
    ];
    for (case, got, expected) in rows {
        assert_eq!(got, expected, "{case}");
    }

    assert!(feb.contains(day("2024-02-01")), "first day included");
    assert!(feb.contains(day("2024-02-29")), "last day included");
    assert!(!feb.contains(day("2024-03-01")), "day after excluded");
    assert!(!feb.contains(day("2024-01-31")), "day before excluded");

    let labels = |p: Period| p.months().iter().map(Period::label).collect::<Vec<_>>();
    assert_eq!(
        labels(Period::quarter_of(day("2026-11-01"))),
        ["2026-10", "2026-11", "2026-12"],
        "quarter"
    );
    assert_eq!(
        labels(Period::week_of(day("2026-01-26"))),
        ["2026-01", "2026-02"],
        "week across months"
    );
    assert_eq!(
        labels(Period::custom(day("2025-12-15"), day("2026-01-10")).unwrap()),
        ["2025-12", "2026-01"],
        "custom across years"
    );
    assert_eq!(
        labels(Period::month_of(day("2026-11-05"))),
        ["2026-11"],
        "a month is its own month"
    );
    assert_eq!(
        Period::year_of(day("2026-01-01")).months().len(),
        12,
        "year"
    );

    let trailing: Vec<String> = Period::trailing_months(day("2026-02-15"), 3)
        .iter()
        .map(Period::label)
        .collect();
    assert_eq!(
        trailing,
        ["2025-12", "2026-01", "2026-02"],
        "trailing months cross the year"
    );
    assert!(
        Period::trailing_months(day("2026-02-15"), 0).is_empty(),
        "zero trailing months"
    );
}

#[test]
fn custom_end_before_start_is_an_error() {
    assert_eq!(
        Period::custom(day("2026-11-02"), day("2026-11-01")),
        Err(PeriodError::EndBeforeStart)
    );
    assert!(!PeriodError::EndBeforeStart.to_string().is_empty());
}

#[test]
fn presets_resolve_against_today() {
    let today = day("2026-01-15");
    let rows = [
        (PeriodPreset::ThisMonth, "this_month", "2026-01"),
        (PeriodPreset::LastMonth, "last_month", "2025-12"),
        // 2026-01-15 is a Thursday of ISO week 3.
        (PeriodPreset::ThisWeek, "this_week", "2026-W03"),
        (PeriodPreset::LastWeek, "last_week", "2026-W02"),
        (PeriodPreset::ThisQuarter, "this_quarter", "2026-Q1"),
        (PeriodPreset::LastQuarter, "last_quarter", "2025-Q4"),
        (PeriodPreset::ThisYear, "this_year", "2026"),
        (PeriodPreset::LastYear, "last_year", "2025"),
    ];
    assert_eq!(PeriodPreset::ALL.len(), rows.len());
    for (preset, id, label) in rows {
        assert_eq!(preset.id(), id);
        assert_eq!(PeriodPreset::from_id(id), Some(preset), "{id}");
        assert_eq!(preset.resolve(today).label(), label, "{id}");
    }
    assert_eq!(PeriodPreset::from_id("next_month"), None);
}

#[test]
fn edges_of_the_calendar_do_not_panic() {
    for d in [NaiveDate::MIN, NaiveDate::MAX] {
        for p in [
            Period::week_of(d),
            Period::month_of(d),
            Period::quarter_of(d),
            Period::year_of(d),
        ] {
            let _ = (p.previous(), p.next(), p.months(), p.label(), p.days());
        }
        let _ = Period::trailing_months(d, 3);
        let custom = Period::custom(d, d).unwrap();
        let _ = (custom.previous(), custom.next());
    }
}

#[test]
fn period_serializes_with_lowercase_kind() {
    let json = serde_json::to_string(&Period::month_of(day("2026-11-05"))).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"month","start":"2026-11-01","end":"2026-11-30"}"#
    );
}
