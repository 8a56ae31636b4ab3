//! Customer KPIs: new customers, lead conversion, repeat business, churn, retention,
//! revenue churn, CAC, LTV; the monthly churn series and the cohort table.

use kpi::metrics::customers::{cohort_retention, monthly_churn, CustomerMetrics};
use kpi::ExpenseCategory::{Commission, Marketing, Salaries, Sales, Tools};
use kpi::KpiValue::{Count, Money as M, NoData, Number, Ratio};
use kpi::{Customer, Dataset, Expense, KpiId, KpiValue, Lead, Order, Period, Scope, Slice};

use crate::support::{
    customer_of, day, deal, deleted, expense_of, lead_of, order_to, rep, rep_in, same_value, team,
};

fn november() -> Period {
    Period::month_of(day("2026-11-01"))
}

/// Reps r1, r2 in team t1 and r3 in team t2.
fn base() -> Dataset {
    Dataset {
        reps: vec![rep_in("r1", "t1"), rep_in("r2", "t1"), rep_in("r3", "t2")].into(),
        ..Dataset::default()
    }
}

fn with_customers(customers: Vec<Customer>) -> Dataset {
    Dataset {
        customers: customers.into(),
        ..base()
    }
}

fn everyone() -> Scope {
    Scope::Everyone
}

/// `count` customers of `owner` acquired on `acquired`, never churned.
fn many(prefix: &str, count: usize, owner: &str, acquired: &str) -> Vec<Customer> {
    (0..count)
        .map(|i| customer_of(&format!("{prefix}{i}"), owner, acquired, ""))
        .collect()
}

/// The worked example: S = 10 at the start (9 acquired in January, 1 on the day before
/// the period), 2 lost (on the first and on the last day), 1 churning the day after,
/// 3 new (first day, mid, last day), so E = 11; plus customers that must not count.
fn worked_example() -> Vec<Customer> {
    let mut customers = many("old", 6, "r1", "2026-01-01");
    customers.extend([
        customer_of("eve", "r1", "2026-10-31", ""),
        customer_of("lost-first", "r1", "2026-01-01", "2026-11-01"),
        customer_of("lost-last", "r2", "2026-01-01", "2026-11-30"),
        customer_of("lost-later", "r2", "2026-01-01", "2026-12-01"),
        customer_of("lost-before", "r1", "2026-01-01", "2026-10-31"),
        deleted(customer_of("gone", "r1", "2026-01-01", "")),
        customer_of("prospect", "r1", "", ""),
        customer_of("new-first", "r1", "2026-11-01", ""),
        customer_of("new-mid", "r2", "2026-11-15", ""),
        customer_of("new-last", "r3", "2026-11-30", ""),
        customer_of("new-later", "r1", "2026-12-01", ""),
    ]);
    customers
}

fn kpi(data: &Dataset, scope: &Scope, period: Period, today: &str, id: KpiId) -> KpiValue {
    let slice = Slice::new(data, period, scope, day(today));
    CustomerMetrics::of(&slice)
        .value(id)
        .expect("a customer KPI")
}

type Row = (&'static str, Dataset, Scope, KpiId, KpiValue);

fn check(rows: Vec<Row>) {
    for (case, data, scope, id, expected) in rows {
        let actual = kpi(&data, &scope, november(), "2026-12-15", id);
        assert!(
            same_value(&actual, &expected),
            "{case}: {id:?} = {actual:?}, expected {expected:?}"
        );
    }
}

#[test]
fn new_customers_table() {
    use KpiId::NewCustomers as N;
    check(vec![
        (
            "empty period: zero, a count",
            base(),
            everyone(),
            N,
            Count(0),
        ),
        (
            "acquired on the first day: in",
            with_customers(vec![customer_of("a", "r1", "2026-11-01", "")]),
            everyone(),
            N,
            Count(1),
        ),
        (
            "acquired on the last day: in",
            with_customers(vec![customer_of("a", "r1", "2026-11-30", "")]),
            everyone(),
            N,
            Count(1),
        ),
        (
            "acquired the day before / after: out",
            with_customers(vec![
                customer_of("a", "r1", "2026-10-31", ""),
                customer_of("b", "r1", "2026-12-01", ""),
            ]),
            everyone(),
            N,
            Count(0),
        ),
        (
            "prospect without a purchase: out",
            with_customers(vec![customer_of("a", "r1", "", "")]),
            everyone(),
            N,
            Count(0),
        ),
        (
            "tombstone: out",
            with_customers(vec![deleted(customer_of("a", "r1", "2026-11-05", ""))]),
            everyone(),
            N,
            Count(0),
        ),
        (
            "worked example: 3 new",
            with_customers(worked_example()),
            everyone(),
            N,
            Count(3),
        ),
        (
            "rep scope: only the rep's customers",
            with_customers(worked_example()),
            rep("r1"),
            N,
            Count(1),
        ),
        (
            "team scope: its reps' customers",
            with_customers(worked_example()),
            team("t1"),
            N,
            Count(2),
        ),
        (
            "customer without an owner counts only for everyone",
            with_customers(vec![customer_of("a", "", "2026-11-05", "")]),
            team("t1"),
            N,
            Count(0),
        ),
    ]);
}

fn with_leads(leads: Vec<Lead>) -> Dataset {
    Dataset {
        leads: leads.into(),
        ..base()
    }
}

#[test]
fn lead_conversion_table() {
    use KpiId::LeadConversion as L;
    check(vec![
        ("no leads: no data", base(), everyone(), L, NoData),
        (
            "single lead converted in the period",
            with_leads(vec![lead_of("a", "r1", "2026-11-05", "2026-11-20")]),
            everyone(),
            L,
            Ratio(1.0),
        ),
        (
            "cohort: converted after the period but by today counts, after today not",
            with_leads(vec![
                lead_of("in", "r1", "2026-11-05", "2026-11-20"),
                lead_of("later", "r1", "2026-11-06", "2026-12-10"),
                lead_of("future", "r1", "2026-11-07", "2026-12-20"),
                lead_of("open", "r1", "2026-11-08", ""),
            ]),
            everyone(),
            L,
            Ratio(0.5),
        ),
        (
            "created the day before the period: not in the cohort",
            with_leads(vec![lead_of("a", "r1", "2026-10-31", "2026-11-02")]),
            everyone(),
            L,
            NoData,
        ),
        (
            "created on the first / last day: in; the day after: out",
            with_leads(vec![
                lead_of("first", "r1", "2026-11-01", "2026-11-03"),
                lead_of("last", "r1", "2026-11-30", ""),
                lead_of("after", "r1", "2026-12-01", "2026-12-02"),
            ]),
            everyone(),
            L,
            Ratio(0.5),
        ),
        (
            "tombstone: out",
            with_leads(vec![deleted(lead_of(
                "a",
                "r1",
                "2026-11-05",
                "2026-11-06",
            ))]),
            everyone(),
            L,
            NoData,
        ),
        (
            "rep scope: only the rep's leads",
            with_leads(vec![
                lead_of("a", "r1", "2026-11-05", "2026-11-06"),
                lead_of("b", "r2", "2026-11-05", ""),
                lead_of("c", "r3", "2026-11-05", ""),
            ]),
            rep("r1"),
            L,
            Ratio(1.0),
        ),
        (
            "team scope: its reps' leads",
            with_leads(vec![
                lead_of("a", "r1", "2026-11-05", "2026-11-06"),
                lead_of("b", "r2", "2026-11-05", ""),
                lead_of("c", "r3", "2026-11-05", ""),
            ]),
            team("t1"),
            L,
            Ratio(0.5),
        ),
    ]);
}

/// Customers: "old" acquired in March, "new" acquired in the period, "edge" on its
/// first day, "eve" on the day before it.
fn buyers(orders: Vec<Order>) -> Dataset {
    Dataset {
        orders: orders.into(),
        ..with_customers(vec![
            customer_of("old", "r1", "2026-03-01", ""),
            customer_of("new", "r2", "2026-11-10", ""),
            customer_of("edge", "r1", "2026-11-01", ""),
            customer_of("eve", "r1", "2026-10-31", ""),
            deleted(customer_of("ghost", "r1", "2026-01-01", "")),
        ])
    }
}

fn mixed_orders() -> Vec<Order> {
    vec![
        order_to("old", "r1", 100, None, "2026-11-05"),
        order_to("new", "r2", 300, None, "2026-11-12"),
        order_to("new", "r2", 100, None, "2026-11-20"),
        order_to("", "r3", 500, None, "2026-11-03"),
    ]
}

#[test]
fn repeat_customers_and_existing_revenue_table() {
    use KpiId::{ExistingRevenueShare as E, RepeatCustomerRate as R};
    check(vec![
        (
            "no sales: repeat rate no data",
            buyers(vec![]),
            everyone(),
            R,
            NoData,
        ),
        (
            "no sales: existing share no data",
            buyers(vec![]),
            everyone(),
            E,
            NoData,
        ),
        (
            "one existing, one new buyer (sale without customer not a buyer)",
            buyers(mixed_orders()),
            everyone(),
            R,
            Ratio(0.5),
        ),
        (
            "existing revenue 100 of 1,000 (sale without customer counts as not existing)",
            buyers(mixed_orders()),
            everyone(),
            E,
            Ratio(0.1),
        ),
        (
            "acquired on the period's first day: not existing",
            buyers(vec![order_to("edge", "r1", 100, None, "2026-11-01")]),
            everyone(),
            R,
            Ratio(0.0),
        ),
        (
            "acquired on the day before the period: existing",
            buyers(vec![order_to("eve", "r1", 100, None, "2026-11-30")]),
            everyone(),
            R,
            Ratio(1.0),
        ),
        (
            "deleted customer reads as unknown: a buyer, not existing",
            buyers(vec![order_to("ghost", "r1", 100, None, "2026-11-05")]),
            everyone(),
            R,
            Ratio(0.0),
        ),
        (
            "unknown customer: revenue not existing",
            buyers(vec![
                order_to("nobody", "r1", 300, None, "2026-11-05"),
                order_to("old", "r1", 100, None, "2026-11-06"),
            ]),
            everyone(),
            E,
            Ratio(0.25),
        ),
        (
            "sales outside the period: out",
            buyers(vec![
                order_to("old", "r1", 100, None, "2026-10-31"),
                order_to("old", "r1", 100, None, "2026-12-01"),
            ]),
            everyone(),
            R,
            NoData,
        ),
        (
            "tombstoned order: out",
            buyers(vec![deleted(order_to(
                "old",
                "r1",
                100,
                None,
                "2026-11-05",
            ))]),
            everyone(),
            E,
            NoData,
        ),
        (
            "won deal is a sale too",
            Dataset {
                deals: vec![kpi::Deal {
                    customer_id: Some("old".into()),
                    ..deal(kpi::DealStatus::Won, 300, "2026-10-01", "2026-11-10")
                }]
                .into(),
                ..buyers(vec![order_to("new", "r2", 100, None, "2026-11-05")])
            },
            everyone(),
            E,
            Ratio(0.75),
        ),
        (
            "rep scope: only the rep's sales",
            buyers(mixed_orders()),
            rep("r1"),
            R,
            Ratio(1.0),
        ),
        (
            "team scope: its reps' sales",
            buyers(mixed_orders()),
            team("t1"),
            E,
            Ratio(0.2),
        ),
    ]);
}

#[test]
fn churn_and_retention_table() {
    use KpiId::{ChurnRate as C, RetentionRate as R};
    // A second example: S = 4, 1 lost, 2 new of whom 1 churned in the period, so
    // E = 3 + 1 = 4, N = 1 (only the new customer still active at the end counts) and
    // retention = (4 − 1) ÷ 4 = 0.75 = 1 − churn.
    let mut churned_new = many("s", 3, "r1", "2026-05-01");
    churned_new.extend([
        customer_of("lost", "r1", "2026-05-01", "2026-11-10"),
        customer_of("n1", "r1", "2026-11-02", ""),
        customer_of("n2", "r1", "2026-11-03", "2026-11-20"),
    ]);
    check(vec![
        ("no customers: churn no data", base(), everyone(), C, NoData),
        (
            "no customers: retention no data",
            base(),
            everyone(),
            R,
            NoData,
        ),
        (
            "worked example: S=10, 2 lost → churn 0.2",
            with_customers(worked_example()),
            everyone(),
            C,
            Ratio(0.2),
        ),
        (
            "worked example: E=11, N=3 → retention (11−3)/10 = 0.8",
            with_customers(worked_example()),
            everyone(),
            R,
            Ratio(0.8),
        ),
        (
            "new customer churned in the period: churn 0.25, retention 0.5",
            with_customers(churned_new.clone()),
            everyone(),
            C,
            Ratio(0.25),
        ),
        (
            "new customer churned in the period: not in N, retention (4−1)/4 = 0.75",
            with_customers(churned_new),
            everyone(),
            R,
            Ratio(0.75),
        ),
        (
            "only the new customers churned in the period: all of S kept, retention 1",
            with_customers(vec![
                customer_of("kept-1", "r1", "2026-05-01", ""),
                customer_of("kept-2", "r1", "2026-05-01", ""),
                customer_of("new-gone-1", "r1", "2026-11-02", "2026-11-20"),
                customer_of("new-gone-2", "r1", "2026-11-03", "2026-11-30"),
            ]),
            everyone(),
            R,
            Ratio(1.0),
        ),
        (
            "rep scope: its new customer churned in the period, S=1 kept → 1, not 0",
            with_customers(vec![
                customer_of("kept", "r1", "2026-05-01", ""),
                customer_of("new-gone", "r1", "2026-11-02", "2026-11-20"),
                customer_of("other-new", "r2", "2026-11-05", ""),
            ]),
            rep("r1"),
            R,
            Ratio(1.0),
        ),
        (
            "only new customers: S=0, no data",
            with_customers(vec![customer_of("a", "r1", "2026-11-05", "2026-11-06")]),
            everyone(),
            C,
            NoData,
        ),
        (
            "rep scope r1: S=8 (6 old, eve, lost-first), 1 lost",
            with_customers(worked_example()),
            rep("r1"),
            C,
            Ratio(1.0 / 8.0),
        ),
        (
            "rep scope r1: E=8 (6 old, eve, new-first), N=1 → (8−1)/8",
            with_customers(worked_example()),
            rep("r1"),
            R,
            Ratio(7.0 / 8.0),
        ),
        (
            "team t1: the whole S (r1 and r2), 2 lost",
            with_customers(worked_example()),
            team("t1"),
            C,
            Ratio(0.2),
        ),
        (
            "team t1: E=10 (r3's new customer out), N=2 → 0.8",
            with_customers(worked_example()),
            team("t1"),
            R,
            Ratio(0.8),
        ),
        (
            "team t2: nobody at the start",
            with_customers(worked_example()),
            team("t2"),
            C,
            NoData,
        ),
    ]);
}

#[test]
fn revenue_churn_table() {
    use KpiId::RevenueChurn as RC;
    let customers = || {
        with_customers(vec![
            customer_of("x", "r1", "2026-01-01", "2026-11-15"),
            customer_of("y", "r2", "2026-01-01", ""),
            customer_of("z", "r1", "2026-01-01", "2026-10-20"),
            customer_of("w", "r1", "2026-01-01", "2026-12-01"),
        ])
    };
    let with = |orders: Vec<Order>| Dataset {
        orders: orders.into(),
        ..customers()
    };
    check(vec![
        (
            "no previous revenue: no data",
            customers(),
            everyone(),
            RC,
            NoData,
        ),
        (
            "200 of October's 800 came from a customer lost in November",
            with(vec![
                order_to("x", "r1", 200, None, "2026-10-01"),
                order_to("y", "r2", 600, None, "2026-10-31"),
                order_to("x", "r1", 50, None, "2026-11-05"),
            ]),
            everyone(),
            RC,
            Ratio(0.25),
        ),
        (
            "customer churned in the previous period or after this one: 0",
            with(vec![
                order_to("z", "r1", 200, None, "2026-10-01"),
                order_to("w", "r1", 200, None, "2026-10-02"),
            ]),
            everyone(),
            RC,
            Ratio(0.0),
        ),
        (
            "previous period's sales only: September is not compared",
            with(vec![
                order_to("x", "r1", 200, None, "2026-09-30"),
                order_to("y", "r2", 600, None, "2026-10-31"),
            ]),
            everyone(),
            RC,
            Ratio(0.0),
        ),
        (
            "rep scope r1: only r1's October sales",
            with(vec![
                order_to("x", "r1", 200, None, "2026-10-01"),
                order_to("y", "r2", 600, None, "2026-10-31"),
            ]),
            rep("r1"),
            RC,
            Ratio(1.0),
        ),
        (
            "team t1: both reps",
            with(vec![
                order_to("x", "r1", 200, None, "2026-10-01"),
                order_to("y", "r2", 600, None, "2026-10-31"),
            ]),
            team("t1"),
            RC,
            Ratio(0.25),
        ),
    ]);
}

fn spending(expenses: Vec<Expense>) -> Dataset {
    Dataset {
        expenses: expenses.into(),
        ..with_customers(vec![
            customer_of("a", "r1", "2026-11-03", ""),
            customer_of("b", "r2", "2026-11-04", ""),
        ])
    }
}

fn spend() -> Vec<Expense> {
    vec![
        expense_of(Marketing, 1_000, "", "2026-11-01"),
        expense_of(Sales, 500, "r1", "2026-11-30"),
        expense_of(Salaries, 2_000, "r2", "2026-11-10"),
        expense_of(Commission, 300, "r1", "2026-11-11"),
        expense_of(Tools, 9_999, "", "2026-11-12"),
        expense_of(Marketing, 7_777, "", "2026-10-31"),
        expense_of(Marketing, 7_777, "", "2026-12-01"),
        deleted(expense_of(Marketing, 7_777, "", "2026-11-15")),
    ]
}

#[test]
fn cac_table() {
    use KpiId::Cac;
    check(vec![
        ("no new customers: no data", base(), everyone(), Cac, NoData),
        (
            "spend without new customers: no data",
            Dataset {
                expenses: spend().into(),
                ..base()
            },
            everyone(),
            Cac,
            NoData,
        ),
        (
            "new customers without spend: zero",
            spending(vec![]),
            everyone(),
            Cac,
            M(kpi::Money(0)),
        ),
        (
            "everyone: (1,000 + 500 + 2,000 + 300) ÷ 2; tools, outside days, tombstone out",
            spending(spend()),
            everyone(),
            Cac,
            M(kpi::Money(1_900)),
        ),
        (
            "rep r1: its own spend (company-wide spend out) ÷ 1",
            spending(spend()),
            rep("r1"),
            Cac,
            M(kpi::Money(800)),
        ),
        (
            "team t1: 2,800 ÷ 2",
            spending(spend()),
            team("t1"),
            Cac,
            M(kpi::Money(1_400)),
        ),
    ]);
}

/// S = 10 customers from January (2 lost in the period → churn 0.2); buyers "old0"
/// (1,000 with cost 400) and "old1" (3,000, cost unknown), an anonymous 5,000 sale.
fn ltv_data(with_cost: bool, churn: bool, expenses: Vec<Expense>) -> Dataset {
    let mut customers = many("old", 8, "r1", "2026-01-01");
    let churned = if churn { "2026-11-10" } else { "" };
    customers.push(customer_of("lost1", "r1", "2026-01-01", churned));
    customers.push(customer_of("lost2", "r1", "2026-01-01", churned));
    customers.push(customer_of("new1", "r1", "2026-11-05", ""));
    customers.push(customer_of("new2", "r1", "2026-11-06", ""));
    Dataset {
        orders: vec![
            order_to("old0", "r1", 1_000, with_cost.then_some(400), "2026-11-02"),
            order_to("old1", "r1", 3_000, None, "2026-11-03"),
            order_to("", "r1", 5_000, None, "2026-11-04"),
        ]
        .into(),
        expenses: expenses.into(),
        ..with_customers(customers)
    }
}

#[test]
fn ltv_table() {
    use KpiId::{Ltv, LtvToCac};
    let marketing = || vec![expense_of(Marketing, 4_000, "", "2026-11-01")];
    check(vec![
        ("empty: no data", base(), everyone(), Ltv, NoData),
        (
            "ARPA 2,000 × margin 0.6 ÷ churn 0.2",
            ltv_data(true, true, vec![]),
            everyone(),
            Ltv,
            M(kpi::Money(6_000)),
        ),
        (
            "no cost known: margin 1.0",
            ltv_data(false, true, vec![]),
            everyone(),
            Ltv,
            M(kpi::Money(10_000)),
        ),
        (
            "churn 0: no finite lifetime, no data",
            ltv_data(true, false, vec![]),
            everyone(),
            Ltv,
            NoData,
        ),
        (
            "no CAC (no spend ⇒ CAC 0): LTV:CAC no data",
            ltv_data(true, true, vec![]),
            everyone(),
            LtvToCac,
            NoData,
        ),
        (
            "LTV 6,000 ÷ CAC 2,000 = 3×",
            ltv_data(true, true, marketing()),
            everyone(),
            LtvToCac,
            Number(3.0),
        ),
        (
            "other rep's scope: no buyers, no data",
            ltv_data(true, true, marketing()),
            rep("r2"),
            Ltv,
            NoData,
        ),
        (
            "rep's team scope: same as everyone",
            ltv_data(true, true, marketing()),
            team("t1"),
            Ltv,
            M(kpi::Money(6_000)),
        ),
    ]);
}

#[test]
fn only_customer_ids_have_values() {
    let data = base();
    let scope = Scope::Everyone;
    let slice = Slice::new(&data, november(), &scope, day("2026-12-15"));
    let metrics = CustomerMetrics::of(&slice);
    for id in KpiId::ALL {
        let ours = id.def().group == kpi::KpiGroup::Customers;
        assert_eq!(metrics.value(*id).is_some(), ours, "{id:?}");
    }
}

fn months() -> Vec<Period> {
    Period::trailing_months(day("2026-12-01"), 4) // Sep, Oct, Nov, Dec 2026
}

fn churn_fixture() -> Dataset {
    with_customers(vec![
        customer_of("c1", "r1", "2026-08-15", "2026-10-10"),
        customer_of("c2", "r2", "2026-08-01", ""),
        customer_of("c3", "r1", "2026-09-15", "2026-11-01"),
        customer_of("c4", "r1", "2026-10-05", ""),
        deleted(customer_of("c5", "r1", "2026-08-01", "2026-09-05")),
    ])
}

/// (case, data, scope, months, expected churn per month)
type ChurnRow = (&'static str, Dataset, Scope, Vec<Period>, Vec<Option<f64>>);

#[test]
fn monthly_churn_table() {
    let third = 1.0 / 3.0;
    let rows: Vec<ChurnRow> = vec![
        (
            "no months: empty",
            churn_fixture(),
            everyone(),
            vec![],
            vec![],
        ),
        (
            "no customers: no data each month",
            base(),
            everyone(),
            months(),
            vec![None; 4],
        ),
        (
            "Sep 0/2, Oct 1/3, Nov 1/3, Dec not started by today",
            churn_fixture(),
            everyone(),
            months(),
            vec![Some(0.0), Some(third), Some(third), None],
        ),
        (
            "rep r1: Sep 0/1, Oct 1/2, Nov 1/2",
            churn_fixture(),
            rep("r1"),
            months(),
            vec![Some(0.0), Some(0.5), Some(0.5), None],
        ),
        (
            "rep r3: nobody",
            churn_fixture(),
            rep("r3"),
            months(),
            vec![None; 4],
        ),
    ];
    for (case, data, scope, months, expected) in rows {
        let actual = monthly_churn(&data, &scope, &months, day("2026-11-20"));
        assert_eq!(actual.len(), expected.len(), "{case}");
        for (a, e) in actual.iter().zip(&expected) {
            match (a, e) {
                (Some(a), Some(e)) => assert!((a - e).abs() < 1e-12, "{case}: {actual:?}"),
                _ => assert_eq!(a, e, "{case}: {actual:?}"),
            }
        }
        // Each month equals the KPI for that month.
        for (month, value) in months.iter().zip(&actual).take(3) {
            let kpi_value = kpi(&data, &scope, *month, "2026-11-20", KpiId::ChurnRate);
            assert!(
                same_value(&kpi_value, &KpiValue::ratio(*value)),
                "{case}: {month:?}"
            );
        }
    }
}

#[test]
fn monthly_churn_matches_the_worked_example() {
    let data = with_customers(worked_example());
    let actual = monthly_churn(&data, &everyone(), &[november()], day("2026-12-15"));
    assert_eq!(actual, vec![Some(0.2)]);
}

/// (case, scope, cohort sizes, active counts per row)
type CohortCase = (&'static str, Scope, Vec<u32>, Vec<Vec<u32>>);

#[test]
fn cohort_retention_table() {
    let months = Period::trailing_months(day("2026-11-01"), 4); // Aug … Nov 2026
    let data = with_customers(vec![
        customer_of("a1", "r1", "2026-08-03", "2026-09-10"),
        customer_of("a2", "r1", "2026-08-20", ""),
        customer_of("a3", "r1", "2026-08-31", "2026-11-30"),
        customer_of("b1", "r1", "2026-10-01", "2026-10-31"),
        customer_of("b2", "r1", "2026-10-15", ""),
        customer_of("c1", "r1", "2026-11-30", ""),
        customer_of("before", "r1", "2026-07-31", ""),
        customer_of("after", "r1", "2026-12-01", ""),
        customer_of("prospect", "r1", "", ""),
        deleted(customer_of("gone", "r1", "2026-08-10", "")),
        customer_of("other", "r3", "2026-08-10", ""),
    ]);
    let rows: Vec<CohortCase> = vec![
        (
            "rep r1: Aug 3 → 3,2,2,1; Sep empty; Oct 2 → 1,1; Nov 1 → 1",
            rep("r1"),
            vec![3, 0, 2, 1],
            vec![vec![3, 2, 2, 1], vec![0, 0, 0], vec![1, 1], vec![1]],
        ),
        (
            "team t1: same as r1 (r3's customer out)",
            team("t1"),
            vec![3, 0, 2, 1],
            vec![vec![3, 2, 2, 1], vec![0, 0, 0], vec![1, 1], vec![1]],
        ),
        (
            "everyone: r3's August customer joins",
            everyone(),
            vec![4, 0, 2, 1],
            vec![vec![4, 3, 3, 2], vec![0, 0, 0], vec![1, 1], vec![1]],
        ),
        (
            "rep r2: empty cohorts",
            rep("r2"),
            vec![0, 0, 0, 0],
            vec![vec![0; 4], vec![0; 3], vec![0; 2], vec![0]],
        ),
    ];
    for (case, scope, sizes, active) in rows {
        let table = cohort_retention(&data, &scope, &months);
        assert_eq!(table.rows.len(), 4, "{case}");
        for (i, row) in table.rows.iter().enumerate() {
            assert_eq!(row.month, months[i], "{case}");
            assert_eq!(row.size, sizes[i], "{case}: size of row {i}");
            assert_eq!(row.active, active[i], "{case}: row {i}");
            let shares: Vec<Option<f64>> = active[i]
                .iter()
                .map(|a| (sizes[i] > 0).then(|| f64::from(*a) / f64::from(sizes[i])))
                .collect();
            assert_eq!(row.retained, shares, "{case}: shares of row {i}");
        }
    }
    let table = cohort_retention(&data, &rep("r1"), &months);
    assert_eq!(
        table.rows[0].retained,
        vec![Some(1.0), Some(2.0 / 3.0), Some(2.0 / 3.0), Some(1.0 / 3.0)]
    );
    assert!(cohort_retention(&data, &everyone(), &[]).rows.is_empty());
}
