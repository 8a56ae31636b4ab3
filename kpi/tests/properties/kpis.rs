//! KPI invariants over realistic generated data (see `demo_data.rs`).

use chrono::Days;
use kpi::{Deal, DealKind, DealStatus, KpiId, KpiValue, Money, Period, Scope, Unit, CATALOGUE};
use proptest::prelude::*;

use crate::demo_data::{count, demo, kpis, periods, rep_scopes, revenue, Demo};

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Win rate, conversion, churn, retention, shares, margin, discount: every ratio is
    /// a fraction 0–1, for everyone, each team and each rep. Exempt: growth (any value)
    /// and turnover (≥ 0 only: leavers ÷ average headcount exceeds 1 when a rep who
    /// leaves is the whole scope, 1 ÷ ((1 + 0) ÷ 2) = 2).
    #[test]
    fn ratios_stay_within_zero_and_one(Demo { data, anchor, .. } in demo()) {
        let mut scopes = vec![Scope::Everyone];
        scopes.extend(data.teams.iter().map(|t| Scope::Team(t.id.clone())));
        scopes.extend(rep_scopes(&data));
        for period in periods(anchor) {
            for scope in &scopes {
                for (id, value) in kpis(&data, period, scope, anchor) {
                    let growth = [KpiId::RevenueGrowth, KpiId::CompoundMonthlyGrowth];
                    if id.def().unit != Unit::Ratio || growth.contains(&id) {
                        continue;
                    }
                    match value {
                        KpiValue::NoData => {}
                        KpiValue::Ratio(x) if id == KpiId::TurnoverRate => {
                            prop_assert!(x >= 0.0, "turnover {x}")
                        }
                        KpiValue::Ratio(x) => prop_assert!(
                            (0.0..=1.0).contains(&x),
                            "{} = {x} for {scope:?} in {:?} {}–{}, anchor {anchor}",
                            id.id(), period.kind, period.start, period.end
                        ),
                        other => prop_assert!(false, "{} is {other:?}", id.id()),
                    }
                }
            }
        }
    }

    /// A quarter's revenue is the sum of its three months' revenue.
    #[test]
    fn quarter_revenue_is_the_sum_of_its_months(Demo { data, anchor, .. } in demo(), back in 0_usize..5) {
        let mut quarter = Period::quarter_of(anchor);
        for _ in 0..back {
            quarter = quarter.previous();
        }
        let mut scopes = vec![Scope::Everyone];
        scopes.extend(rep_scopes(&data));
        for scope in &scopes {
            let months = quarter.months();
            prop_assert_eq!(months.len(), 3);
            let sum = months.iter().try_fold(Money::ZERO, |total, m| {
                total.checked_add(revenue(&data, *m, scope, anchor))
            });
            prop_assert_eq!(sum, Some(revenue(&data, quarter, scope, anchor)), "{:?}", scope);
        }
    }

    /// A team's revenue, deals won and lost and new customers are the sums of its reps'.
    #[test]
    fn team_is_the_sum_of_its_reps(Demo { data, anchor, .. } in demo()) {
        for period in periods(anchor) {
            for team in &data.teams {
                let team_kpis = kpis(&data, period, &Scope::Team(team.id.clone()), anchor);
                let (mut total, mut won, mut lost, mut new) = (Money::ZERO, 0, 0, 0);
                for rep in data.reps.iter().filter(|r| r.team_id.as_ref() == Some(&team.id)) {
                    let rep_kpis = kpis(&data, period, &Scope::Rep(rep.id.clone()), anchor);
                    total = total.checked_add(revenue(&data, period, &Scope::Rep(rep.id.clone()), anchor)).unwrap();
                    won += count(&rep_kpis, KpiId::DealsWon);
                    lost += count(&rep_kpis, KpiId::DealsLost);
                    new += count(&rep_kpis, KpiId::NewCustomers);
                }
                prop_assert_eq!(total, revenue(&data, period, &Scope::Team(team.id.clone()), anchor));
                prop_assert_eq!(won, count(&team_kpis, KpiId::DealsWon));
                prop_assert_eq!(lost, count(&team_kpis, KpiId::DealsLost));
                prop_assert_eq!(new, count(&team_kpis, KpiId::NewCustomers));
            }
        }
    }

    /// When every record has a rep (as in generated data), everyone is the union of all
    /// reps: revenue, deals won and lost, and new customers add up.
    #[test]
    fn everyone_is_the_union_of_all_reps(Demo { data, anchor, .. } in demo()) {
        prop_assert!(data.deals.iter().all(|d| d.rep_id.is_some()));
        prop_assert!(data.orders.iter().all(|o| o.rep_id.is_some()));
        prop_assert!(data.customers.iter().all(|c| c.owner_id.is_some()));
        for period in periods(anchor) {
            let all = kpis(&data, period, &Scope::Everyone, anchor);
            let (mut total, mut won, mut lost, mut new) = (Money::ZERO, 0, 0, 0);
            for scope in rep_scopes(&data) {
                let rep_kpis = kpis(&data, period, &scope, anchor);
                total = total.checked_add(revenue(&data, period, &scope, anchor)).unwrap();
                won += count(&rep_kpis, KpiId::DealsWon);
                lost += count(&rep_kpis, KpiId::DealsLost);
                new += count(&rep_kpis, KpiId::NewCustomers);
            }
            prop_assert_eq!(total, revenue(&data, period, &Scope::Everyone, anchor));
            prop_assert_eq!(won, count(&all, KpiId::DealsWon));
            prop_assert_eq!(lost, count(&all, KpiId::DealsLost));
            prop_assert_eq!(new, count(&all, KpiId::NewCustomers));
        }
    }

    /// Adding a won deal closed in the period, in scope, never lowers revenue: it adds
    /// exactly its amount, for everyone and for its rep.
    #[test]
    fn a_won_deal_never_lowers_revenue(
        Demo { data, anchor, .. } in demo(),
        rep in 0_usize..5,
        day in 0_u64..366,
        cycle in 0_u64..120,
        amount in 0_i64..100_000_000,
        which in 0_usize..6,
    ) {
        let period = periods(anchor)[which];
        let closed = period.start.checked_add_days(Days::new(day % period.days() as u64)).unwrap();
        let rep_id = data.reps[rep].id.clone();
        let mut more = data.clone();
        more.deals.push(Deal {
            id: "added-won-deal".into(),
            updated_at: crate::demo_data::now(),
            deleted_at: None,
            title: "Added".into(),
            customer_id: data.customers.first().map(|c| c.id.clone()),
            rep_id: Some(rep_id.clone()),
            stage: "negotiation".into(),
            status: DealStatus::Won,
            amount: Money(amount),
            cost: None,
            discount: None,
            probability: None,
            kind: DealKind::New,
            created_on: closed.checked_sub_days(Days::new(cycle)).unwrap(),
            expected_close: None,
            closed_on: Some(closed),
            lost_reason: None,
        });
        prop_assert_eq!(more.problems(), vec![]);
        for scope in [Scope::Everyone, Scope::Rep(rep_id)] {
            let before = revenue(&data, period, &scope, anchor);
            let after = revenue(&more, period, &scope, anchor);
            prop_assert!(after >= before);
            prop_assert_eq!(after, before.checked_add(Money(amount)).unwrap());
        }
    }
}

#[test]
fn the_catalogue_has_ratios_to_check() {
    let ratios = CATALOGUE.iter().filter(|d| d.unit == Unit::Ratio).count();
    assert!(ratios >= 10, "{ratios}");
}

/// Found by `ratios_stay_within_zero_and_one`: Anna's year 2025 has one customer at
/// the start (acquired 2021, churned 2025-07-13) and two new ones (2025-01-26 and
/// 2025-03-28), the first churned 2025-06-29; at the end one is active, so
/// (E − N) ÷ S = (1 − 2) ÷ 1 = −1. A new customer who churns within the period must
/// not count against the customers kept from the start.
#[test]
fn retention_is_not_negative_when_new_customers_churn() {
    let anchor = chrono::NaiveDate::from_ymd_opt(2025, 7, 18).unwrap();
    let data = kpi::demo::generate(
        14277020722341424582,
        anchor,
        crate::demo_data::now(),
        kpi::demo::DemoSize { deals: 20 },
    );
    let anna = data.reps.iter().find(|r| r.name == "Anna Schmidt").unwrap();
    let year = Period::year_of(anchor);
    let values = kpis(&data, year, &Scope::Rep(anna.id.clone()), anchor);
    let retention = crate::demo_data::value(&values, KpiId::RetentionRate);
    assert!(
        matches!(retention, KpiValue::Ratio(x) if (0.0..=1.0).contains(&x)),
        "{retention:?}"
    );
}
