use kpi::metrics::sales::{compound_monthly_growth, daily_sales, SalesMetrics};
use kpi::DealStatus::{Lost, Open, Won};
use kpi::KpiValue::NoData;
use kpi::{
    Dataset, Deal, DealKind, KpiId as K, KpiValue, Money, Order, OrderKind, Period, Scope, Slice,
};

use crate::support::{day, deal, order, owned_by, rep_in, same_value, tombstoned};

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// ann and bob are in team north, cid in team south.
fn dataset(deals: Vec<Deal>, orders: Vec<Order>) -> Dataset {
    Dataset {
        reps: vec![
            rep_in("ann", "north"),
            rep_in("bob", "north"),
            rep_in("cid", "south"),
        ]
        .into(),
        deals: deals.into(),
        orders: orders.into(),
        ..Dataset::default()
    }
}

fn money(minor: i64) -> KpiValue {
    KpiValue::Money(Money(minor))
}

fn count(n: u32) -> KpiValue {
    KpiValue::Count(n)
}

fn ratio(x: f64) -> KpiValue {
    KpiValue::Ratio(x)
}

fn days(x: f64) -> KpiValue {
    KpiValue::Days(x)
}

fn with(deal: Deal, change: impl FnOnce(&mut Deal)) -> Deal {
    let mut deal = deal;
    change(&mut deal);
    deal
}

fn by(rep: &str, mut order: Order) -> Order {
    order.rep_id = Some(rep.into());
    order
}

/// Checks the listed KPIs of `SalesMetrics` for one slice.
fn check(case: &str, data: &Dataset, period: Period, scope: &Scope, expected: &[(K, KpiValue)]) {
    let slice = Slice::new(data, period, scope, day("2026-12-15"));
    let metrics = SalesMetrics::of(&slice);
    for (id, want) in expected {
        let got = metrics.value(*id).expect("a sales KPI");
        assert!(
            same_value(&got, want),
            "case {case:?}, {}: got {got:?}, want {want:?}",
            id.id()
        );
    }
}

/// The listed KPIs and their expected values.
type Expected = Vec<(K, KpiValue)>;

type Row = (&'static str, Vec<Deal>, Vec<Order>, Expected);

#[test]
fn sales_metrics_table() {
    let rows: Vec<Row> = vec![
        (
            "empty period: sums and counts 0, ratios and averages no data",
            vec![],
            vec![],
            vec![
                (K::Revenue, money(0)),
                (K::RevenueGrowth, NoData),
                (K::AvgOrderValue, NoData),
                (K::AvgDealSize, NoData),
                (K::DealsWon, count(0)),
                (K::DealsLost, count(0)),
                (K::WinRate, NoData),
                (K::AvgSalesCycle, NoData),
                (K::MedianSalesCycle, NoData),
                (K::ProfitMargin, NoData),
                (K::AvgDiscount, NoData),
                (K::DiscountedShare, NoData),
                (K::ExpansionCount, count(0)),
                (K::ExpansionRevenue, money(0)),
                (K::ExpansionShare, NoData),
            ],
        ),
        (
            "single won deal, no cost, no discount",
            vec![deal(Won, 100_000, "2026-11-01", "2026-11-11")],
            vec![],
            vec![
                (K::Revenue, money(100_000)),
                (K::RevenueGrowth, NoData), // nothing in October
                (K::AvgOrderValue, money(100_000)),
                (K::AvgDealSize, money(100_000)),
                (K::DealsWon, count(1)),
                (K::DealsLost, count(0)),
                (K::WinRate, ratio(1.0)),
                (K::AvgSalesCycle, days(10.0)),
                (K::MedianSalesCycle, days(10.0)),
                (K::ProfitMargin, NoData),
                (K::AvgDiscount, ratio(0.0)),
                (K::DiscountedShare, ratio(0.0)),
                (K::ExpansionShare, ratio(0.0)),
            ],
        ),
        (
            "single order: revenue and order value, no deal KPIs",
            vec![],
            vec![order(OrderKind::New, 20_000, "2026-11-15")],
            vec![
                (K::Revenue, money(20_000)),
                (K::AvgOrderValue, money(20_000)),
                (K::AvgDealSize, NoData),
                (K::DealsWon, count(0)),
                (K::WinRate, NoData),
                (K::AvgSalesCycle, NoData),
                (K::AvgDiscount, NoData),
                (K::DiscountedShare, NoData),
            ],
        ),
        (
            "single lost deal: win rate 0, no revenue",
            vec![deal(Lost, 70_000, "2026-10-01", "2026-11-02")],
            vec![],
            vec![
                (K::Revenue, money(0)),
                (K::DealsLost, count(1)),
                (K::DealsWon, count(0)),
                (K::WinRate, ratio(0.0)),
                (K::AvgDealSize, NoData),
                (K::MedianSalesCycle, NoData),
            ],
        ),
        (
            "first day in, the day before out",
            vec![
                deal(Won, 5_000, "2026-10-25", "2026-11-01"),
                deal(Won, 7_000, "2026-10-25", "2026-10-31"),
                deal(Lost, 1, "2026-10-25", "2026-10-31"),
            ],
            vec![
                order(OrderKind::New, 300, "2026-11-01"),
                order(OrderKind::New, 100, "2026-10-31"),
            ],
            vec![
                (K::Revenue, money(5_300)),
                (K::DealsWon, count(1)),
                (K::DealsLost, count(0)),
                (K::AvgOrderValue, money(2_650)),
            ],
        ),
        (
            "last day in, the day after out",
            vec![
                deal(Won, 5_000, "2026-11-20", "2026-11-30"),
                deal(Won, 7_000, "2026-11-20", "2026-12-01"),
                deal(Lost, 1, "2026-11-20", "2026-11-30"),
                deal(Lost, 1, "2026-11-20", "2026-12-01"),
            ],
            vec![
                order(OrderKind::New, 300, "2026-11-30"),
                order(OrderKind::New, 100, "2026-12-01"),
            ],
            vec![
                (K::Revenue, money(5_300)),
                (K::DealsWon, count(1)),
                (K::DealsLost, count(1)),
                (K::WinRate, ratio(0.5)),
            ],
        ),
        (
            "tombstoned deals and orders excluded",
            vec![
                tombstoned(deal(Won, 5_000, "2026-11-02", "2026-11-03")),
                tombstoned(deal(Lost, 5_000, "2026-11-02", "2026-11-03")),
            ],
            vec![{
                let mut o = order(OrderKind::Upsell, 900, "2026-11-05");
                o.deleted_at = Some(crate::support::instant());
                o
            }],
            vec![
                (K::Revenue, money(0)),
                (K::DealsWon, count(0)),
                (K::DealsLost, count(0)),
                (K::ExpansionCount, count(0)),
                (K::AvgOrderValue, NoData),
            ],
        ),
        (
            "open deals never count",
            vec![deal(Open, 5_000, "2026-11-02", "")],
            vec![],
            vec![(K::Revenue, money(0)), (K::WinRate, NoData)],
        ),
        (
            "an order tied to the won deal is not a second sale",
            vec![with(deal(Won, 50_000, "2026-11-01", "2026-11-10"), |d| {
                d.id = "big-deal".into()
            })],
            vec![{
                let mut o = order(OrderKind::New, 50_000, "2026-11-20");
                o.deal_id = Some("big-deal".into());
                o
            }],
            vec![
                (K::Revenue, money(50_000)),
                (K::AvgOrderValue, money(50_000)),
                (K::DealsWon, count(1)),
            ],
        ),
        (
            "order value rounds half away from zero: 101 / 2 = 50.5 → 51",
            vec![],
            vec![
                order(OrderKind::New, 100, "2026-11-03"),
                order(OrderKind::New, 1, "2026-11-04"),
            ],
            vec![(K::Revenue, money(101)), (K::AvgOrderValue, money(51))],
        ),
        (
            "sales cycle of an even count: median is the mean of the middle two",
            vec![
                deal(Won, 1_000, "2026-11-09", "2026-11-10"), // 1
                deal(Won, 2_000, "2026-10-31", "2026-11-20"), // 20
                deal(Won, 3_000, "2026-11-07", "2026-11-10"), // 3
                deal(Won, 4_000, "2026-11-01", "2026-11-11"), // 10
            ],
            vec![],
            vec![
                (K::AvgSalesCycle, days(8.5)),
                (K::MedianSalesCycle, days(6.5)),
                (K::AvgDealSize, money(2_500)),
            ],
        ),
        (
            "sales cycle of an odd count: the middle value",
            vec![
                deal(Won, 1_000, "2026-10-02", "2026-11-01"), // 30
                deal(Won, 1_000, "2026-11-08", "2026-11-10"), // 2
                deal(Won, 1_000, "2026-11-05", "2026-11-10"), // 5
            ],
            vec![],
            vec![
                (K::AvgSalesCycle, days(37.0 / 3.0)),
                (K::MedianSalesCycle, days(5.0)),
            ],
        ),
        (
            "a close before creation (bad data) is a 0-day cycle; lost deals have none",
            vec![
                deal(Won, 1_000, "2026-11-10", "2026-11-05"), // −5 → 0
                deal(Won, 1_000, "2026-11-01", "2026-11-05"), // 4
                deal(Lost, 1_000, "2026-01-01", "2026-11-05"),
            ],
            vec![],
            vec![
                (K::AvgSalesCycle, days(2.0)),
                (K::MedianSalesCycle, days(2.0)),
                (K::WinRate, ratio(2.0 / 3.0)),
            ],
        ),
        (
            "profit margin over the sales whose cost is known",
            vec![with(deal(Won, 100_000, "2026-11-01", "2026-11-02"), |d| {
                d.cost = Some(Money(60_000))
            })],
            vec![
                {
                    let mut o = order(OrderKind::Repeat, 50_000, "2026-11-03");
                    o.cost = Some(Money(20_000));
                    o
                },
                order(OrderKind::Repeat, 30_000, "2026-11-04"), // cost unknown: left out
            ],
            vec![
                (K::Revenue, money(180_000)),
                // (150,000 − 80,000) ÷ 150,000
                (K::ProfitMargin, ratio(7.0 / 15.0)),
            ],
        ),
        (
            "profit margin: costed sales summing to 0 have no margin",
            vec![],
            vec![{
                let mut o = order(OrderKind::New, 0, "2026-11-03");
                o.cost = Some(Money(100));
                o
            }],
            vec![
                (K::ProfitMargin, NoData),
                (K::AvgOrderValue, money(0)),
                (K::ExpansionShare, NoData),
            ],
        ),
        (
            "a cost above the amount is a negative margin",
            vec![with(deal(Won, 100, "2026-11-01", "2026-11-02"), |d| {
                d.cost = Some(Money(150))
            })],
            vec![],
            vec![(K::ProfitMargin, ratio(-0.5))],
        ),
        (
            "discount over list price; no discount and a 0 discount count as undiscounted",
            vec![
                with(deal(Won, 90_000, "2026-11-01", "2026-11-02"), |d| {
                    d.discount = Some(Money(10_000))
                }),
                deal(Won, 50_000, "2026-11-01", "2026-11-02"),
                with(deal(Won, 60_000, "2026-11-01", "2026-11-02"), |d| {
                    d.discount = Some(Money(0))
                }),
                // Discounts of lost deals were never granted.
                with(deal(Lost, 60_000, "2026-11-01", "2026-11-02"), |d| {
                    d.discount = Some(Money(9_000))
                }),
            ],
            vec![],
            vec![
                // 10,000 ÷ (100,000 + 50,000 + 60,000)
                (K::AvgDiscount, ratio(1.0 / 21.0)),
                (K::DiscountedShare, ratio(1.0 / 3.0)),
            ],
        ),
        (
            "won deals of amount 0 without discount: no average discount",
            vec![deal(Won, 0, "2026-11-01", "2026-11-02")],
            vec![],
            vec![(K::AvgDiscount, NoData), (K::DiscountedShare, ratio(0.0))],
        ),
        (
            "expansion: upsell and cross-sell deals and orders, not new/repeat/renewal",
            vec![
                with(deal(Won, 30_000, "2026-11-01", "2026-11-02"), |d| {
                    d.kind = DealKind::CrossSell
                }),
                with(deal(Won, 40_000, "2026-11-01", "2026-11-02"), |d| {
                    d.kind = DealKind::Renewal
                }),
                with(deal(Won, 5_000, "2026-11-01", "2026-12-02"), |d| {
                    d.kind = DealKind::Upsell // closed after the period
                }),
            ],
            vec![
                order(OrderKind::Upsell, 10_000, "2026-11-05"),
                order(OrderKind::Repeat, 20_000, "2026-11-05"),
            ],
            vec![
                (K::Revenue, money(100_000)),
                (K::ExpansionCount, count(2)),
                (K::ExpansionRevenue, money(40_000)),
                (K::ExpansionShare, ratio(0.4)),
            ],
        ),
        (
            "revenue of the previous month gives growth",
            vec![deal(Won, 30_000, "2026-10-01", "2026-11-15")],
            vec![order(OrderKind::New, 40_000, "2026-10-31")],
            vec![
                (K::Revenue, money(30_000)),
                (K::RevenueGrowth, ratio(-0.25)),
            ],
        ),
    ];
    for (case, deals, orders, expected) in rows {
        let data = dataset(deals, orders);
        check(case, &data, november(), &Scope::Everyone, &expected);
    }
}

#[test]
fn sales_scope_table() {
    let data = dataset(
        vec![
            owned_by("ann", deal(Won, 1_000, "2026-11-01", "2026-11-02")),
            owned_by("bob", deal(Won, 2_000, "2026-11-01", "2026-11-03")),
            owned_by("cid", deal(Won, 4_000, "2026-11-01", "2026-11-04")),
            deal(Won, 8_000, "2026-11-01", "2026-11-05"), // unassigned
            owned_by("ann", deal(Lost, 1, "2026-11-01", "2026-11-02")),
            owned_by("cid", deal(Lost, 1, "2026-11-01", "2026-11-02")),
        ],
        vec![
            by("ann", order(OrderKind::Upsell, 100, "2026-11-06")),
            by("cid", order(OrderKind::Upsell, 200, "2026-11-07")),
            by("bob", order(OrderKind::New, 500, "2026-10-07")), // October
        ],
    );
    let rows: Vec<(&str, Scope, Expected)> = vec![
        (
            "one rep: only ann's records",
            Scope::Rep("ann".into()),
            vec![
                (K::Revenue, money(1_100)),
                (K::DealsWon, count(1)),
                (K::DealsLost, count(1)),
                (K::WinRate, ratio(0.5)),
                (K::ExpansionCount, count(1)),
                (K::RevenueGrowth, NoData), // bob's October order is not ann's
            ],
        ),
        (
            "team north: ann and bob, not cid or the unassigned deal",
            Scope::Team("north".into()),
            vec![
                (K::Revenue, money(3_100)),
                (K::DealsWon, count(2)),
                (K::DealsLost, count(1)),
                (K::ExpansionRevenue, money(100)),
                (K::RevenueGrowth, ratio((3_100.0 - 500.0) / 500.0)),
            ],
        ),
        (
            "team south: cid",
            Scope::Team("south".into()),
            vec![
                (K::Revenue, money(4_200)),
                (K::DealsWon, count(1)),
                (K::DealsLost, count(1)),
            ],
        ),
        (
            "a rep with no records: no data, not another rep's",
            Scope::Rep("dan".into()),
            vec![
                (K::Revenue, money(0)),
                (K::WinRate, NoData),
                (K::AvgOrderValue, NoData),
            ],
        ),
        (
            "everyone: all records, unassigned included",
            Scope::Everyone,
            vec![
                (K::Revenue, money(15_300)),
                (K::DealsWon, count(4)),
                (K::DealsLost, count(2)),
                (K::AvgOrderValue, money(2_550)),
                (K::ExpansionCount, count(2)),
            ],
        ),
    ];
    for (case, scope, expected) in rows {
        check(case, &data, november(), &scope, &expected);
    }
}

#[test]
fn revenue_growth_table() {
    // (case, period, sale dates and amounts, expected growth)
    type Row = (&'static str, Period, Vec<(&'static str, i64)>, KpiValue);
    let rows: Vec<Row> = vec![
        (
            "week over week (ISO weeks, Monday start)",
            Period::week_of(day("2026-11-18")),
            vec![
                ("2026-11-09", 4_000), // previous Monday
                ("2026-11-15", 6_000), // previous Sunday
                ("2026-11-16", 20_000),
                ("2026-11-08", 99_000), // two weeks back
            ],
            ratio(1.0),
        ),
        (
            "month over month",
            november(),
            vec![("2026-10-01", 40_000), ("2026-11-30", 30_000)],
            ratio(-0.25),
        ),
        (
            "quarter over quarter",
            Period::quarter_of(day("2026-11-01")),
            vec![("2026-09-30", 50_000), ("2026-10-01", 75_000)],
            ratio(0.5),
        ),
        (
            "year over year",
            Period::year_of(day("2026-06-01")),
            vec![("2025-12-31", 80_000), ("2026-01-01", 100_000)],
            ratio(0.25),
        ),
        (
            "custom range against the same number of days before it",
            Period::custom(day("2026-11-10"), day("2026-11-19")).unwrap(),
            vec![
                ("2026-10-31", 1_000),
                ("2026-11-09", 1_000),
                ("2026-10-30", 50_000), // 11 days before: out
                ("2026-11-10", 3_000),
            ],
            ratio(0.5),
        ),
        (
            "January against the previous December",
            Period::month_of(day("2027-01-15")),
            vec![("2026-12-31", 10_000), ("2027-01-01", 10_000)],
            ratio(0.0),
        ),
        (
            "no previous revenue: no data, not infinite growth",
            november(),
            vec![("2026-11-10", 10_000)],
            NoData,
        ),
        (
            "nothing now after something before: −100 %",
            november(),
            vec![("2026-10-10", 10_000)],
            ratio(-1.0),
        ),
    ];
    for (case, period, sales, expected) in rows {
        let orders = sales
            .into_iter()
            .map(|(date, amount)| order(OrderKind::New, amount, date))
            .collect();
        let data = dataset(vec![], orders);
        check(
            case,
            &data,
            period,
            &Scope::Everyone,
            &[(K::RevenueGrowth, expected)],
        );
    }
}

#[test]
fn compound_monthly_growth_table() {
    let rows: Vec<(&str, Vec<i64>, Option<f64>)> = vec![
        ("no months", vec![], None),
        ("one month: nothing to compound", vec![100], None),
        ("two months: simple growth", vec![100, 121], Some(0.21)),
        (
            "three months: 100 → 121 is 10 % a month",
            vec![100, 110, 121],
            Some(0.1),
        ),
        ("only the ends matter", vec![100, 50, 400], Some(1.0)),
        (
            "decline",
            vec![200, 999, 100],
            Some(1.0 / 2.0_f64.sqrt() - 1.0),
        ),
        (
            "twelve months doubling every month",
            {
                let mut v: Vec<i64> = (0..12).map(|i| 1 << i).collect();
                v[5] = 0; // a middle month of 0 does not matter
                v
            },
            Some(1.0),
        ),
        ("first month 0: no base, no data", vec![0, 100], None),
        ("last month 0: −100 %", vec![100, 0], Some(-1.0)),
        ("flat", vec![5_000, 5_000, 5_000], Some(0.0)),
        (
            "negative first month (a difference): no data",
            vec![-100, 50],
            None,
        ),
        (
            "negative last month: no real root, no data",
            vec![100, -5],
            None,
        ),
    ];
    for (case, months, expected) in rows {
        let months: Vec<Money> = months.into_iter().map(Money).collect();
        let got = compound_monthly_growth(&months);
        match (got, expected) {
            (Some(g), Some(e)) => assert!((g - e).abs() < 1e-12, "case {case:?}: {g} vs {e}"),
            _ => assert_eq!(got, expected, "case {case:?}"),
        }
    }
}

#[test]
fn daily_sales_table() {
    let data = dataset(
        vec![
            owned_by("ann", deal(Won, 1_000, "2026-06-01", "2026-06-29")),
            owned_by("bob", deal(Won, 2_000, "2026-06-01", "2026-07-05")),
            deal(Won, 4_000, "2026-06-01", "2026-07-01"),
            deal(Won, 9_999, "2026-06-01", "2026-06-28"), // the Sunday before
            deal(Lost, 9_999, "2026-06-01", "2026-07-01"),
            tombstoned(deal(Won, 9_999, "2026-06-01", "2026-07-01")),
        ],
        vec![
            by("ann", order(OrderKind::New, 300, "2026-07-01")),
            order(OrderKind::New, 500, "2026-07-06"), // the Monday after
        ],
    );
    // (case, period, scope, expected (first day, last day, length, non-zero days))
    type Series = (&'static str, &'static str, usize, Vec<(&'static str, i64)>);
    let rows: Vec<(&str, Period, Scope, Series)> = vec![
        (
            "a week spanning two months: 7 days, quiet days 0",
            Period::week_of(day("2026-07-01")),
            Scope::Everyone,
            (
                "2026-06-29",
                "2026-07-05",
                7,
                vec![
                    ("2026-06-29", 1_000),
                    ("2026-07-01", 4_300),
                    ("2026-07-05", 2_000),
                ],
            ),
        ),
        (
            "one rep's days",
            Period::week_of(day("2026-07-01")),
            Scope::Rep("ann".into()),
            (
                "2026-06-29",
                "2026-07-05",
                7,
                vec![("2026-06-29", 1_000), ("2026-07-01", 300)],
            ),
        ),
        (
            "a 30-day month",
            Period::month_of(day("2026-06-10")),
            Scope::Everyone,
            (
                "2026-06-01",
                "2026-06-30",
                30,
                vec![("2026-06-28", 9_999), ("2026-06-29", 1_000)],
            ),
        ),
        (
            "a leap February has 29 days",
            Period::month_of(day("2028-02-10")),
            Scope::Everyone,
            ("2028-02-01", "2028-02-29", 29, vec![]),
        ),
        (
            "a one-day range",
            Period::custom(day("2026-07-06"), day("2026-07-06")).unwrap(),
            Scope::Everyone,
            ("2026-07-06", "2026-07-06", 1, vec![("2026-07-06", 500)]),
        ),
        (
            "a year has 365 days",
            Period::year_of(day("2026-07-06")),
            Scope::Everyone,
            (
                "2026-01-01",
                "2026-12-31",
                365,
                vec![
                    ("2026-06-28", 9_999),
                    ("2026-06-29", 1_000),
                    ("2026-07-01", 4_300),
                    ("2026-07-05", 2_000),
                    ("2026-07-06", 500),
                ],
            ),
        ),
    ];
    for (case, period, scope, (first, last, length, busy)) in rows {
        let slice = Slice::new(&data, period, &scope, day("2026-12-15"));
        let series = daily_sales(&slice);
        assert_eq!(series.len(), length, "case {case:?}: length");
        assert_eq!(
            series.first().map(|e| e.0),
            Some(day(first)),
            "case {case:?}"
        );
        assert_eq!(series.last().map(|e| e.0), Some(day(last)), "case {case:?}");
        let consecutive = series.windows(2).all(|w| w[0].0.succ_opt() == Some(w[1].0));
        assert!(consecutive, "case {case:?}: one entry per day, in order");
        let non_zero: Vec<(chrono::NaiveDate, Money)> = series
            .iter()
            .copied()
            .filter(|e| e.1 != Money::ZERO)
            .collect();
        let busy: Vec<(chrono::NaiveDate, Money)> =
            busy.into_iter().map(|(d, m)| (day(d), Money(m))).collect();
        assert_eq!(non_zero, busy, "case {case:?}: daily amounts");
        let total = series
            .iter()
            .fold(Money::ZERO, |t, e| t.saturating_add(e.1));
        assert_eq!(
            total,
            SalesMetrics::of(&slice).revenue,
            "case {case:?}: the days sum to the revenue"
        );
    }
}

#[test]
fn daily_sales_of_an_absurd_range_is_capped() {
    let data = dataset(vec![], vec![]);
    let period = Period::custom(day("1000-01-01"), day("9000-12-31")).unwrap();
    let slice = Slice::new(&data, period, &Scope::Everyone, day("2026-12-15"));
    assert_eq!(
        daily_sales(&slice).len(),
        kpi::metrics::sales::MAX_SERIES_DAYS
    );
}

#[test]
fn compound_monthly_growth_kpi_table() {
    use kpi::OrderKind::Repeat;
    // Orders of 100.00 in July, 121.00 in September, and 500.00 on 2026-12-10.
    let data = dataset(
        vec![],
        vec![
            order(Repeat, 10_000, "2026-07-15"),
            order(Repeat, 12_100, "2026-09-30"),
            order(Repeat, 50_000, "2026-12-10"),
        ],
    );
    let custom = |start: &str, end: &str| Period::custom(day(start), day(end)).unwrap();
    let cmgr = |period: Period, today: &str| {
        let slice = Slice::new(&data, period, &Scope::Everyone, day(today));
        SalesMetrics::of(&slice).value(K::CompoundMonthlyGrowth)
    };
    #[rustfmt::skip]
    let rows = [
        ("July → September: 100 → 121 over 3 months is 10 % a month",
            custom("2026-07-01", "2026-09-30"), "2026-12-15", ratio(0.1)),
        ("September still running: July → August only, 100 → 0 is −100 %",
            Period::quarter_of(day("2026-07-01")), "2026-09-29", ratio(-1.0)),
        ("the running month does not count: Oct–Nov complete, both empty",
            custom("2026-10-01", "2026-12-31"), "2026-12-15", NoData),
        ("a month on its own has no compound growth", november(), "2026-12-15", NoData),
        ("a range starting mid-month leaves that month out",
            custom("2026-07-16", "2026-09-30"), "2026-12-15", NoData),
    ];
    for (case, period, today, expected) in rows {
        let got = cmgr(period, today).expect("a sales KPI");
        assert!(
            same_value(&got, &expected),
            "case {case:?}: got {got:?}, want {expected:?}"
        );
    }
}
