use std::collections::HashSet;

use kpi::demo::{DEMO_DEALS, DEMO_WON_THIS_MONTH};
use kpi::{deal_metrics, demo_dataset, DealStatus, Money, Period};

use crate::support::{day, instant};

#[test]
fn same_anchor_same_data_other_anchor_other_data() {
    let anchor = day("2026-11-22");
    assert_eq!(
        demo_dataset(anchor, instant()),
        demo_dataset(anchor, instant())
    );
    assert_ne!(
        demo_dataset(anchor, instant()),
        demo_dataset(day("2026-11-23"), instant())
    );
}

#[test]
fn demo_is_valid_and_believable_for_any_anchor() {
    let anchors = [
        ("mid-month", "2026-11-22"),
        ("first of the year", "2027-01-01"),
        ("leap day", "2028-02-29"),
        ("last of the year", "2026-12-31"),
    ];
    for (case, anchor) in anchors {
        let anchor = day(anchor);
        let data = demo_dataset(anchor, instant());
        let window_start = Period::trailing_months(anchor, 12)[0].start;
        assert_eq!(data.deals.len(), DEMO_DEALS, "{case}");
        for deal in &data.deals {
            assert_eq!(deal.validate(), vec![], "{case}: {deal:?}");
            assert!(deal.created_on <= anchor, "{case}: created after anchor");
            if let Some(closed) = deal.closed_on {
                assert!(closed <= anchor, "{case}: closes after anchor");
                assert!(
                    closed >= window_start,
                    "{case}: closes before the 12-month window"
                );
                assert!(deal.created_on < closed, "{case}: created before closed");
            }
            let eur = deal.amount.minor() / 100;
            assert!(
                (500..=50_000).contains(&eur) && deal.amount.minor() % 5_000 == 0,
                "{case}: amount {eur}"
            );
            assert_eq!(deal.updated_at, instant());
            assert!(
                data.settings.stage(&deal.stage).is_some(),
                "{case}: stage exists"
            );
            let id = deal.id.as_bytes();
            assert!(
                id.len() == 36 && id[14] == b'4' && b"89ab".contains(&id[19]),
                "{case}: UUID v4 shape {}",
                deal.id
            );
        }
        let ids: HashSet<_> = data.deals.iter().map(|d| &d.id).collect();
        assert_eq!(ids.len(), DEMO_DEALS, "{case}: unique ids");
        for status in [DealStatus::Won, DealStatus::Lost, DealStatus::Open] {
            assert!(
                data.deals.iter().filter(|d| d.status == status).count() >= 5,
                "{case}: enough {status:?}"
            );
        }

        let this_month = Period::month_of(anchor);
        let now = deal_metrics(&data.deals, &this_month);
        assert!(
            now.deals_won as usize >= DEMO_WON_THIS_MONTH,
            "{case}: this month has wins"
        );
        assert!(now.revenue_won > Money::ZERO);
    }
}
