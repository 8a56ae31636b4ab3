use chrono::{Datelike, Weekday};
use kpi::{Period, PeriodKind};
use proptest::prelude::*;

use crate::generate::date;

fn of_kind(kind: usize, day: chrono::NaiveDate, length: u64) -> Period {
    match kind {
        0 => Period::week_of(day),
        1 => Period::month_of(day),
        2 => Period::quarter_of(day),
        3 => Period::year_of(day),
        _ => Period::custom(day, day + chrono::Days::new(length)).unwrap(),
    }
}

proptest! {
    #[test]
    fn previous_and_next_are_inverse_and_adjacent(day in date(), kind in 0_usize..5, length in 0_u64..400) {
        let p = of_kind(kind, day, length);
        prop_assert!(p.contains(day) && p.contains(p.start) && p.contains(p.end));
        prop_assert_eq!(p.previous().next(), p);
        prop_assert_eq!(p.next().previous(), p);
        prop_assert_eq!(p.previous().end.succ_opt(), Some(p.start), "no gap, no overlap");
        prop_assert_eq!(p.end.succ_opt(), Some(p.next().start));
        if p.kind == PeriodKind::Custom {
            prop_assert_eq!(p.previous().days(), p.days());
        }
        if p.kind == PeriodKind::Week {
            prop_assert_eq!((p.start.weekday(), p.days()), (Weekday::Mon, 7));
        }
    }

    #[test]
    fn months_tile_the_period(day in date(), kind in 0_usize..5, length in 0_u64..400) {
        let p = of_kind(kind, day, length);
        let months = p.months();
        prop_assert!(months.first().unwrap().contains(p.start));
        prop_assert!(months.last().unwrap().contains(p.end));
        for pair in months.windows(2) {
            prop_assert_eq!(pair[0].end.succ_opt(), Some(pair[1].start));
        }
    }
}
