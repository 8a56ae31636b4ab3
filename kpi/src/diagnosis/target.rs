//! The gap to a revenue target, split over the drivers of a planned funnel.

use crate::money::round_div;
use serde::{Deserialize, Serialize};

use crate::model::id_enum::id_enum;
use crate::money::Money;

use super::decompose::{decompose_parts, rank, Side};
use super::{Contribution, Decomposition, Driver, Drivers, Factors};

id_enum! {
    /// What the planned drivers of a target were derived from (see [`decompose_target`]).
    PlanBasis {
        /// The previous period's drivers, scaled up (or down) to the target.
        Previous = "previous",
        /// No previous revenue: the actual drivers, scaled to the target.
        Actual = "actual",
        /// Neither period sold anything: the gap goes to the step where the actual
        /// funnel is empty.
        FirstEmptyStep = "first_empty_step",
    }
}

/// The gap between a slice's revenue and its target, split over the drivers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetDecomposition {
    pub target: Money,
    pub basis: PlanBasis,
    /// The planned deal factors; `None` for [`PlanBasis::FirstEmptyStep`].
    pub plan: Option<Factors>,
    /// The planned split of the target: deal revenue + other revenue = target.
    pub plan_deal_revenue: Money,
    pub plan_other_revenue: Money,
    /// `reference` is the target; the contributions sum exactly to actual − target.
    pub decomposition: Decomposition,
}

/// Splits `revenue(actual) − target` over the drivers, against planned drivers that
/// reach the target exactly.
///
/// A target is one revenue number, so the plan is derived from a base period:
/// - [`PlanBasis::Previous`] when the previous period sold something (revenue > 0,
///   no negative part): the target is split between deal and other revenue in the
///   previous period's proportions (other = target × previous other ÷ previous
///   revenue, rounded half away from zero; deal = target − other), and each of the
///   five deal factors is scaled by the same `(planned deal revenue ÷ previous deal
///   revenue)^(1/5)`. A balanced plan: no single driver is assumed to carry the
///   growth, so each is measured against the previous period plus an equal share of
///   the ambition;
/// - [`PlanBasis::Actual`] when the previous period sold nothing but this one did: the
///   same, from the actual drivers. Every factor then misses the plan by the same
///   ratio, so the deal gap is spread evenly: without history the shortfall cannot be
///   pinned on one driver;
/// - [`PlanBasis::FirstEmptyStep`] when neither sold anything (or the target is
///   negative, or the data is): other revenue contributes its actual amount, and the
///   whole deal gap (deal revenue − target) goes to the first empty step of the actual
///   funnel ([`Drivers::factors`]): no leads → leads, leads but no deal opened →
///   conversion, none closed → throughput, none won → win rate, else deal size.
///
/// The contributions sum exactly to actual − target (see [`decompose`](super::decompose)).
pub fn decompose_target(
    actual: &Drivers,
    previous: &Drivers,
    target: Money,
) -> TargetDecomposition {
    let usable = |d: &Drivers| {
        d.revenue() > Money::ZERO && !d.deal_revenue.is_negative() && !d.other_revenue.is_negative()
    };
    let base = if target.is_negative() {
        None
    } else if usable(previous) {
        Some((PlanBasis::Previous, previous))
    } else if usable(actual) {
        Some((PlanBasis::Actual, actual))
    } else {
        None
    };
    match base {
        Some((basis, base)) => scaled_plan(actual, base, basis, target),
        None => first_empty_step(actual, target),
    }
}

/// The plan scaled from `base` (see [`decompose_target`]).
fn scaled_plan(
    actual: &Drivers,
    base: &Drivers,
    basis: PlanBasis,
    target: Money,
) -> TargetDecomposition {
    let (deal, other) = (
        i128::from(base.deal_revenue.minor()),
        i128::from(base.other_revenue.minor()),
    );
    let plan_other = round_div(i128::from(target.minor()) * other, deal + other);
    let plan_other = Money(i64::try_from(plan_other).unwrap_or(0));
    let plan_deal = Money(target.minor() - plan_other.minor());
    let scale = if deal > 0 {
        (plan_deal.minor() as f64 / deal as f64).powf(1.0 / 5.0)
    } else {
        1.0
    };
    let plan = base.factors().scaled(scale);
    let decomposition = decompose_parts(
        Side::of(actual),
        Side {
            factors: plan,
            deal_revenue: plan_deal,
            other_revenue: plan_other,
        },
        actual.revenue(),
        target,
    );
    TargetDecomposition {
        target,
        basis,
        plan: Some(plan),
        plan_deal_revenue: plan_deal,
        plan_other_revenue: plan_other,
        decomposition,
    }
}

/// The whole deal gap on the first empty step (see [`decompose_target`]).
fn first_empty_step(actual: &Drivers, target: Money) -> TargetDecomposition {
    let factors = actual.factors().to_array();
    let empty = factors
        .iter()
        .position(|f| f.is_none_or(|x| x <= 0.0))
        .unwrap_or(Driver::DealSize as usize);
    let deal_gap = i128::from(actual.deal_revenue.minor()) - i128::from(target.minor());
    let mut contributions: Vec<Contribution> = Driver::ALL
        .iter()
        .enumerate()
        .map(|(i, &driver)| {
            let (amount, value) = match driver {
                Driver::OtherRevenue => (
                    i128::from(actual.other_revenue.minor()),
                    Some(actual.other_revenue.minor() as f64),
                ),
                _ if i == empty => (deal_gap, factors[i]),
                _ => (0, factors[i]),
            };
            Contribution {
                driver,
                amount: Money::saturating_from(amount),
                actual: value,
                reference: None,
                next_step: driver.next_step(),
            }
        })
        .collect();
    rank(&mut contributions);
    let revenue = actual.revenue();
    TargetDecomposition {
        target,
        basis: PlanBasis::FirstEmptyStep,
        plan: None,
        plan_deal_revenue: target,
        plan_other_revenue: Money::ZERO,
        decomposition: Decomposition {
            actual: revenue,
            reference: target,
            gap: Money::saturating_from(i128::from(revenue.minor()) - i128::from(target.minor())),
            contributions,
        },
    }
}
