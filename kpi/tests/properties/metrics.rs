use chrono::NaiveDate;
use kpi::{deal_metrics, revenue_by_month, Money, Period};
use proptest::prelude::*;

use crate::generate::recent_deal;

fn year_2026() -> Period {
    Period::year_of(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
}

proptest! {
    #[test]
    fn revenue_by_month_sums_to_the_year(deals in prop::collection::vec(recent_deal(), 0..60)) {
        let year = year_2026();
        let monthly = revenue_by_month(&deals, &year.months());
        let sum = monthly.iter().try_fold(Money::ZERO, |total, m| total.checked_add(*m)).unwrap();
        prop_assert_eq!(monthly.len(), 12);
        prop_assert_eq!(sum, deal_metrics(&deals, &year).revenue_won);
    }

    #[test]
    fn quarters_add_up_to_the_year(deals in prop::collection::vec(recent_deal(), 0..60)) {
        let year = deal_metrics(&deals, &year_2026());
        let mut quarter = Period::quarter_of(year_2026().start);
        let (mut revenue, mut won, mut lost) = (Money::ZERO, 0, 0);
        for _ in 0..4 {
            let m = deal_metrics(&deals, &quarter);
            revenue = revenue.checked_add(m.revenue_won).unwrap();
            won += m.deals_won;
            lost += m.deals_lost;
            quarter = quarter.next();
        }
        prop_assert_eq!((revenue, won, lost), (year.revenue_won, year.deals_won, year.deals_lost));
    }

    #[test]
    fn no_data_exactly_when_nothing_closed(deals in prop::collection::vec(recent_deal(), 0..30), start in 0_u32..300, length in 0_u64..120) {
        let from = NaiveDate::from_yo_opt(2026, start + 1).unwrap();
        let period = Period::custom(from, from + chrono::Days::new(length)).unwrap();
        let m = deal_metrics(&deals, &period);
        prop_assert_eq!(m.win_rate.is_none(), m.deals_won + m.deals_lost == 0);
        prop_assert_eq!(m.avg_deal_size.is_none(), m.deals_won == 0);
        prop_assert_eq!(m.avg_sales_cycle_days.is_none(), m.deals_won == 0);
        if let Some(rate) = m.win_rate {
            prop_assert!((0.0..=1.0).contains(&rate));
        }
        if let Some(days) = m.avg_sales_cycle_days {
            prop_assert!(days.is_finite() && days >= 0.0);
        }
        let live_closed = deals.iter().filter(|d| d.is_live() && d.status.is_closed() && d.closed_on.is_some()).count();
        prop_assert!((m.deals_won + m.deals_lost) as usize <= live_closed);
    }
}
