//! Reporting periods and calendar maths: ISO weeks (Monday start), calendar months,
//! calendar quarters (until a fiscal-year setting exists), years, custom ranges.
//!
//! All maths saturates at chrono's date range instead of panicking: a period near
//! year ±262,000 is nonsense but must not crash the app.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// What kind of calendar unit a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// A closed date range `start..=end` (both days included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    /// Inclusive: the last day that belongs to the period.
    pub end: NaiveDate,
}

/// Why a custom period could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// The end date lies before the start date.
    EndBeforeStart,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the period ends before it starts")
    }
}

impl std::error::Error for PeriodError {}

impl Period {
    /// The ISO week (Monday to Sunday) containing `day`.
    pub fn week_of(day: NaiveDate) -> Period {
        let start = shift(day, -i64::from(day.weekday().num_days_from_monday()));
        Period {
            kind: PeriodKind::Week,
            start,
            end: shift(start, 6),
        }
    }

    /// The calendar month containing `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Month,
            start: first_of_month(day.year(), day.month()),
            end: last_of_month(day.year(), day.month()),
        }
    }

    /// The calendar quarter containing `day` (Q1 = Jan–Mar, …, Q4 = Oct–Dec).
    pub fn quarter_of(day: NaiveDate) -> Period {
        let first_month = (day.month0() / 3) * 3 + 1;
        Period {
            kind: PeriodKind::Quarter,
            start: first_of_month(day.year(), first_month),
            end: last_of_month(day.year(), first_month + 2),
        }
    }

    /// The calendar year containing `day`.
    pub fn year_of(day: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Year,
            start: first_of_month(day.year(), 1),
            end: last_of_month(day.year(), 12),
        }
    }

    /// A free range `start..=end`; an end before the start is an error.
    pub fn custom(start: NaiveDate, end: NaiveDate) -> Result<Period, PeriodError> {
        if end < start {
            return Err(PeriodError::EndBeforeStart);
        }
        Ok(Period {
            kind: PeriodKind::Custom,
            start,
            end,
        })
    }

    /// The `count` months up to and including `anchor`'s month, oldest first
    /// (e.g. the x axis of a 12-month revenue chart).
    pub fn trailing_months(anchor: NaiveDate, count: usize) -> Vec<Period> {
        // Capped: the calendar runs out long before a huge count would.
        let mut months = Vec::with_capacity(count.min(1_200));
        let mut month = Period::month_of(anchor);
        for _ in 0..count {
            months.push(month);
            let earlier = month.previous();
            if earlier == month {
                break; // reached the start of the calendar
            }
            month = earlier;
        }
        months.reverse();
        months
    }

    /// True when `day` lies in the period (both ends included).
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Number of days, both ends included: `end − start + 1`.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The equivalent period just before: the previous week/month/quarter/year, or for a
    /// custom range the same number of days ending the day before `start`.
    pub fn previous(&self) -> Period {
        let day_before = shift(self.start, -1);
        match self.kind {
            PeriodKind::Week => Period::week_of(day_before),
            PeriodKind::Month => Period::month_of(day_before),
            PeriodKind::Quarter => Period::quarter_of(day_before),
            PeriodKind::Year => Period::year_of(day_before),
            PeriodKind::Custom => Period {
                kind: PeriodKind::Custom,
                start: shift(day_before, 1 - self.days()),
                end: day_before,
            },
        }
    }

    /// The equivalent period just after (mirror of [`Period::previous`]).
    pub fn next(&self) -> Period {
        let day_after = shift(self.end, 1);
        match self.kind {
            PeriodKind::Week => Period::week_of(day_after),
            PeriodKind::Month => Period::month_of(day_after),
            PeriodKind::Quarter => Period::quarter_of(day_after),
            PeriodKind::Year => Period::year_of(day_after),
            PeriodKind::Custom => Period {
                kind: PeriodKind::Custom,
                start: day_after,
                end: shift(day_after, self.days() - 1),
            },
        }
    }

    /// The calendar months overlapping this period, in order (a week spanning two
    /// months yields both).
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut month = Period::month_of(self.start);
        while month.start <= self.end {
            months.push(month);
            let later = month.next();
            if later == month {
                break; // reached the end of the calendar
            }
            month = later;
        }
        months
    }

    /// A stable, locale-neutral label (also usable as a key): "2026-W47", "2026-11",
    /// "2026-Q4", "2026", or "2026-11-01..2026-11-30" for a custom range. Weeks use the
    /// ISO week-numbering year, so 2024-12-30 is in "2025-W01".
    pub fn label(&self) -> String {
        let (year, month) = (self.start.year(), self.start.month());
        match self.kind {
            PeriodKind::Week => {
                let week = self.start.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            PeriodKind::Month => format!("{year:04}-{month:02}"),
            PeriodKind::Quarter => format!("{year:04}-Q{}", self.start.month0() / 3 + 1),
            PeriodKind::Year => format!("{year:04}"),
            PeriodKind::Custom => format!("{}..{}", self.start, self.end),
        }
    }
}

crate::model::id_enum::id_enum! {
    /// The period picker's named choices, relative to "today"; `ALL` is picker order.
    PeriodPreset {
        ThisMonth = "this_month",
        LastMonth = "last_month",
        ThisWeek = "this_week",
        LastWeek = "last_week",
        ThisQuarter = "this_quarter",
        LastQuarter = "last_quarter",
        ThisYear = "this_year",
        LastYear = "last_year",
    }
}

impl PeriodPreset {
    /// The concrete period for the given "today" (passed in: `kpi` never reads the clock).
    pub fn resolve(self, today: NaiveDate) -> Period {
        match self {
            PeriodPreset::ThisMonth => Period::month_of(today),
            PeriodPreset::LastMonth => Period::month_of(today).previous(),
            PeriodPreset::ThisWeek => Period::week_of(today),
            PeriodPreset::LastWeek => Period::week_of(today).previous(),
            PeriodPreset::ThisQuarter => Period::quarter_of(today),
            PeriodPreset::LastQuarter => Period::quarter_of(today).previous(),
            PeriodPreset::ThisYear => Period::year_of(today),
            PeriodPreset::LastYear => Period::year_of(today).previous(),
        }
    }
}

/// `day + days`, clamped to chrono's date range.
pub(crate) fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 {
        day.checked_add_days(magnitude).unwrap_or(NaiveDate::MAX)
    } else {
        day.checked_sub_days(magnitude).unwrap_or(NaiveDate::MIN)
    }
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}
