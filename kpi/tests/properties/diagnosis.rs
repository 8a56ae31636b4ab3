//! Decomposition invariants: exact sums, antisymmetry, zeros, ranking.

use kpi::diagnosis::{
    comparable_previous, decompose, decompose_target, diagnose, Decomposition, Driver, Drivers,
};
use kpi::metrics::sales::SalesMetrics;
use kpi::{Money, Scope, Slice};
use proptest::prelude::*;

use crate::demo_data::{demo, periods, rep_scopes, Demo};

/// A count: often 0, often small, up to 9,000 (see [`any_drivers`]).
fn count() -> impl Strategy<Value = u32> {
    prop_oneof![Just(0_u32), 0_u32..6, 0_u32..1_000, 0_u32..9_000]
}

/// An amount in minor units: often 0, small, or up to a valid deal's maximum.
fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0_i64),
        0_i64..1_000,
        0_i64..100_000_000,
        0_i64..=Money::MAX_AMOUNT.minor(),
    ]
}

/// Any drivers, consistent or not (won > closed, revenue without a win…), within the
/// range of validated data: deal revenue up to [`Money::MAX_AMOUNT`] per deal won
/// (one deal's worth when none was), counts up to 9,000, so every mixed product of
/// the decomposition (≤ leads × deal size) fits in i64 (see `decompose`).
fn any_drivers() -> impl Strategy<Value = Drivers> {
    (
        count(),
        count(),
        count(),
        count(),
        amount(),
        0_u32..4,
        amount(),
    )
        .prop_map(|(leads, opened, closed, won, deal, many, other)| Drivers {
            leads,
            deals_opened: opened,
            deals_closed: closed,
            deals_won: won,
            deal_revenue: Money(deal.saturating_mul(i64::from(many.min(won).max(1)))),
            other_revenue: Money(other),
        })
}

/// Anything at all, negative and absurd amounts included.
fn absurd_drivers() -> impl Strategy<Value = Drivers> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<i64>(),
        any::<i64>(),
    )
        .prop_map(|(leads, opened, closed, won, deal, other)| Drivers {
            leads,
            deals_opened: opened,
            deals_closed: closed,
            deals_won: won,
            deal_revenue: Money(deal),
            other_revenue: Money(other),
        })
}

fn sum(d: &Decomposition) -> i128 {
    d.contributions
        .iter()
        .map(|c| i128::from(c.amount.minor()))
        .sum()
}

fn is_ranked(d: &Decomposition) -> bool {
    d.contributions
        .windows(2)
        .all(|w| (w[0].amount, w[0].driver) < (w[1].amount, w[1].driver))
}

fn every_driver_once(d: &Decomposition) -> bool {
    Driver::ALL
        .iter()
        .all(|x| d.contributions.iter().filter(|c| c.driver == *x).count() == 1)
        && d.contributions.len() == Driver::ALL.len()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The contributions add up to the whole gap, to the minor unit, for any drivers
    /// (zeros included).
    #[test]
    fn contributions_sum_to_the_gap(a in any_drivers(), b in any_drivers()) {
        let d = decompose(&a, &b);
        let gap = i128::from(a.revenue().minor()) - i128::from(b.revenue().minor());
        prop_assert_eq!(i128::from(d.gap.minor()), gap);
        prop_assert_eq!(sum(&d), gap);
        prop_assert!(every_driver_once(&d));
    }

    /// Swapping actual and reference negates every contribution.
    #[test]
    fn swapping_negates_every_contribution(a in any_drivers(), b in any_drivers()) {
        let forward = decompose(&a, &b);
        let backward = decompose(&b, &a);
        prop_assert_eq!(backward.gap.minor(), -forward.gap.minor());
        for driver in Driver::ALL {
            prop_assert_eq!(
                backward.amount(*driver).minor(),
                -forward.amount(*driver).minor(),
                "{}", driver.id()
            );
        }
    }

    /// The same drivers on both sides explain nothing.
    #[test]
    fn identical_inputs_give_zero_contributions(a in any_drivers()) {
        let d = decompose(&a, &a);
        prop_assert_eq!(d.gap, Money::ZERO);
        prop_assert!(d.contributions.iter().all(|c| c.amount == Money::ZERO));
    }

    /// Ranked most negative first (ties in driver order), against a previous period
    /// and against a target.
    #[test]
    fn ranking_is_sorted(a in any_drivers(), b in any_drivers(), target in amount()) {
        prop_assert!(is_ranked(&decompose(&a, &b)));
        prop_assert!(is_ranked(&decompose_target(&a, &b, Money(target)).decomposition));
    }

    /// Against a target the contributions add up to actual − target, and the plan
    /// reaches the target exactly.
    #[test]
    fn target_contributions_sum_to_the_gap(a in any_drivers(), previous in any_drivers(), target in amount()) {
        let t = decompose_target(&a, &previous, Money(target));
        let gap = i128::from(a.revenue().minor()) - i128::from(target);
        prop_assert_eq!(i128::from(t.decomposition.gap.minor()), gap);
        prop_assert_eq!(sum(&t.decomposition), gap);
        prop_assert!(every_driver_once(&t.decomposition));
        prop_assert_eq!(t.plan_deal_revenue.minor() + t.plan_other_revenue.minor(), target);
    }

    /// More revenue from the same deals (a larger deal size) is all deal size.
    #[test]
    fn larger_deals_alone_are_deal_size(a in any_drivers(), extra in 0_i64..1_000_000) {
        let a = Drivers { deals_won: a.deals_won.max(1), ..a };
        let b = Drivers { deal_revenue: Money(a.deal_revenue.minor() + extra), ..a };
        let d = decompose(&b, &a);
        prop_assert_eq!(d.amount(Driver::DealSize), Money(extra));
        prop_assert!(d.contributions.iter().all(|c| c.driver == Driver::DealSize || c.amount == Money::ZERO));
    }

    /// Absurd drivers (any counts, negative or huge amounts) never panic, and the
    /// sum is still exact whenever the gap, the revenues and the gaps of deal and of
    /// other revenue fit in i64.
    #[test]
    fn absurd_drivers_never_panic(a in absurd_drivers(), b in absurd_drivers(), target in any::<i64>()) {
        let total = |d: &Drivers| i128::from(d.deal_revenue.minor()) + i128::from(d.other_revenue.minor());
        let fits = |x: i128| i64::try_from(x).is_ok();
        let d = decompose(&a, &b);
        prop_assert!(every_driver_once(&d));
        let gap = total(&a) - total(&b);
        let parts = |x: Money, y: Money| fits(i128::from(x.minor()) - i128::from(y.minor()));
        let parts_fit = parts(a.deal_revenue, b.deal_revenue) && parts(a.other_revenue, b.other_revenue);
        if fits(total(&a)) && fits(total(&b)) && fits(gap) && parts_fit {
            prop_assert_eq!(sum(&d), gap);
        }
        let t = decompose_target(&a, &b, Money(target));
        prop_assert!(every_driver_once(&t.decomposition));
        let gap = total(&a) - i128::from(target);
        // The plan's split of an absurd target may leave one part outside i64.
        let clamped = t.decomposition.contributions.iter()
            .any(|c| c.amount == Money::MAX || c.amount == Money(i64::MIN));
        if fits(total(&a)) && fits(gap) && !clamped {
            prop_assert_eq!(sum(&t.decomposition), gap);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// On realistic data the drivers' revenue is the sales family's, and the
    /// diagnosis against the previous period adds up to the revenue change.
    #[test]
    fn diagnosis_of_demo_data_adds_up(Demo { data, anchor, .. } in demo()) {
        let mut scopes = vec![Scope::Everyone];
        scopes.extend(rep_scopes(&data));
        for period in periods(anchor) {
            for scope in &scopes {
                let slice = Slice::new(&data, period, scope, anchor);
                let revenue = SalesMetrics::of(&slice).revenue;
                let previous = SalesMetrics::of(&slice.with_period(comparable_previous(period, anchor))).revenue;
                let target = Money(revenue.minor() / 2 + 123_457);
                let dx = diagnose(&data, period, scope, anchor, Some(target));
                prop_assert_eq!(dx.actual.revenue(), revenue);
                prop_assert_eq!(dx.previous.revenue(), previous);
                prop_assert_eq!(sum(&dx.vs_previous), i128::from(revenue.minor() - previous.minor()));
                let vs_target = dx.vs_target.expect("a target");
                prop_assert_eq!(sum(&vs_target.decomposition), i128::from(revenue.minor() - target.minor()));
            }
        }
    }
}
