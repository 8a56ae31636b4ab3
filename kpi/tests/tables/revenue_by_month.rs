use kpi::DealStatus::{Lost, Won};
use kpi::{revenue_by_month, Deal, Money, Period};

use crate::support::{day, deal, tombstoned};

/// (case, months, deals, expected revenue per month in minor units)
type Row<'a> = (&'static str, &'a [Period], Vec<Deal>, Vec<i64>);

#[test]
fn revenue_by_month_table() {
    let q4 = Period::quarter_of(day("2026-10-01")).months();
    let rows: Vec<Row> = vec![
        (
            "no months",
            &[],
            vec![deal(Won, 100, "2026-10-01", "2026-10-02")],
            vec![],
        ),
        ("no deals: zero, not missing", &q4, vec![], vec![0, 0, 0]),
        (
            "each win lands in its close month",
            &q4,
            vec![
                deal(Won, 100, "2026-09-01", "2026-10-01"),
                deal(Won, 200, "2026-10-01", "2026-10-31"),
                deal(Won, 400, "2026-10-01", "2026-11-15"),
                deal(Won, 800, "2026-10-01", "2026-12-31"),
            ],
            vec![300, 400, 800],
        ),
        (
            "outside the months, lost and deleted are skipped",
            &q4,
            vec![
                deal(Won, 100, "2026-09-01", "2026-09-30"),
                deal(Won, 200, "2026-10-01", "2027-01-01"),
                deal(Lost, 400, "2026-10-01", "2026-11-15"),
                tombstoned(deal(Won, 800, "2026-10-01", "2026-12-31")),
            ],
            vec![0, 0, 0],
        ),
    ];
    for (case, months, deals, expected) in rows {
        let expected: Vec<Money> = expected.into_iter().map(Money).collect();
        assert_eq!(revenue_by_month(&deals, months), expected, "case {case:?}");
    }
}
