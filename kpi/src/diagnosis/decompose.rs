//! Exact additive decomposition of a revenue gap over the funnel drivers (Shapley).

use serde::{Deserialize, Serialize};

use crate::money::Money;

use super::{Driver, Drivers, Factors, NextStep};

/// One driver's share of a revenue gap.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub driver: Driver,
    /// What this driver added to `actual − reference`, in minor units (negative: it
    /// cost revenue). The contributions of a [`Decomposition`] sum exactly to its gap.
    pub amount: Money,
    /// The driver's value in the actual period: a count for leads, a fraction 0–1 for
    /// the rates, minor units for deal size and other revenue; `None` for no data.
    pub actual: Option<f64>,
    /// The same in the reference (previous period or plan).
    pub reference: Option<f64>,
    /// What to do about this driver.
    pub next_step: NextStep,
}

/// A revenue gap split over the drivers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decomposition {
    /// Revenue of the actual drivers.
    pub actual: Money,
    /// Revenue of the reference (the previous period, or the target).
    pub reference: Money,
    /// `actual − reference` (negative: a shortfall). Saturates at the i64 range (only
    /// absurd, unvalidated amounts get there; the sum is then no longer exact).
    pub gap: Money,
    /// Every [`Driver`] once, ranked: most negative amount first, ties in
    /// [`Driver::ALL`] order.
    pub contributions: Vec<Contribution>,
}

impl Decomposition {
    /// The contribution of `driver` (0 if absent).
    pub fn amount(&self, driver: Driver) -> Money {
        self.contributions
            .iter()
            .find(|c| c.driver == driver)
            .map_or(Money::ZERO, |c| c.amount)
    }

    /// The next steps of the drivers that cost revenue, most costly first.
    pub fn next_steps(&self) -> Vec<NextStep> {
        self.contributions
            .iter()
            .filter(|c| c.amount.is_negative())
            .map(|c| c.next_step)
            .collect()
    }
}

/// Splits `revenue(actual) − revenue(reference)` into one additive amount per
/// [`Driver`], summing exactly (to the minor unit) to the whole gap.
///
/// - Other revenue (orders not tied to a deal) is additive: its contribution is
///   `actual.other_revenue − reference.other_revenue`, exactly.
/// - Deal revenue is the product of five factors ([`Drivers::factors`]); its change is
///   split by the **Shapley value** over the factors: each factor's contribution is its
///   marginal effect `f(S ∪ {i}) − f(S)` (f = the product with the factors in S at
///   their actual value and the others at their reference value) averaged over all
///   5! orders of switching the factors from reference to actual, i.e. weighted
///   |S|! (4 − |S|)! ÷ 5! over the 16 subsets S without i.
///
/// Why Shapley and not LMDI: both are exact and order-independent for a product, but
/// LMDI takes logarithms and needs a limit rule for every zero (no leads, nothing won
/// are everyday values here), while Shapley only multiplies, handles zeros as they
/// are, and is exactly antisymmetric: swapping actual and reference negates every
/// contribution; identical inputs give zeros.
///
/// Zeros: a ratio with no data on one side (nothing reached that step) takes the other
/// side's value, and when neither side has data it is 1: the empty steps after the
/// one where the funnel emptied then change nothing, and the gap lands on that step
/// (no leads at all → leads). This keeps the product identity, as a ratio has no data
/// only when a factor before it is 0.
///
/// Exactness: the Shapley amounts are computed in floats (as
/// `(φ(a, b) − φ(b, a)) ÷ 2`, which makes the antisymmetry bit-exact), rounded half
/// away from zero to minor units, and the few minor units of rounding left over are
/// given, one each, to the drivers whose rounding moved them furthest the other way
/// (ties to the earlier driver). The amounts therefore sum exactly to the deal
/// revenue gap, and the whole sums exactly to [`Decomposition::gap`] whenever that fits
/// in i64 (always for validated data).
///
/// Range: as every ratio is at most 1 (see [`Drivers::factors`]), a mixed product, and
/// so a contribution, is at most leads × deal size, which fits in i64 for validated
/// amounts (deal size ≤ [`Money::MAX_AMOUNT`]) and fewer than 9,000 leads. Beyond
/// (absurd data, or a target millions of times the previous revenue), when a Shapley
/// amount would exceed 2^62 minor units, the whole deal gap goes to the driver with the
/// largest Shapley amount instead: still exact and antisymmetric, never a panic.
pub fn decompose(actual: &Drivers, reference: &Drivers) -> Decomposition {
    decompose_parts(
        Side::of(actual),
        Side::of(reference),
        actual.revenue(),
        reference.revenue(),
    )
}

/// One side of a decomposition: the deal factors, the exact deal revenue and the
/// other revenue.
#[derive(Clone, Copy, Debug)]
pub(super) struct Side {
    pub factors: Factors,
    pub deal_revenue: Money,
    pub other_revenue: Money,
}

impl Side {
    pub fn of(drivers: &Drivers) -> Side {
        Side {
            factors: drivers.factors(),
            deal_revenue: drivers.deal_revenue,
            other_revenue: drivers.other_revenue,
        }
    }
}

/// [`decompose`] over explicit sides (the target plan is not a set of counts);
/// `actual_total` and `reference_total` are the revenues shown.
pub(super) fn decompose_parts(
    actual: Side,
    reference: Side,
    actual_total: Money,
    reference_total: Money,
) -> Decomposition {
    let (a, b) = fill(actual.factors.to_array(), reference.factors.to_array());
    let (deal_a, deal_b) = (actual.deal_revenue.minor(), reference.deal_revenue.minor());
    let deal_gap = i128::from(deal_a) - i128::from(deal_b);
    let mut shapley = shapley(&a, &b, deal_a as f64, deal_b as f64);
    if shapley.iter().any(|v| v.abs() > LIMIT) {
        // Last-resort guard (see `decompose`): the whole deal gap on the driver with
        // the largest share, ties to the earlier one.
        let mut largest = 0;
        for i in 1..N {
            if shapley[i].abs() > shapley[largest].abs() {
                largest = i;
            }
        }
        shapley = std::array::from_fn(|i| if i == largest { deal_gap as f64 } else { 0.0 });
    }
    let amounts = allocate(&shapley, deal_gap);
    let other_gap =
        i128::from(actual.other_revenue.minor()) - i128::from(reference.other_revenue.minor());
    let raw_a = actual.factors.to_array();
    let raw_b = reference.factors.to_array();
    let mut contributions: Vec<Contribution> = Driver::ALL
        .iter()
        .enumerate()
        .map(|(i, &driver)| {
            let (amount, actual_value, reference_value) = match driver {
                Driver::OtherRevenue => (
                    other_gap,
                    Some(actual.other_revenue.minor() as f64),
                    Some(reference.other_revenue.minor() as f64),
                ),
                _ => (amounts[i], raw_a[i], raw_b[i]),
            };
            Contribution {
                driver,
                amount: Money::saturating_from(amount),
                actual: actual_value,
                reference: reference_value,
                next_step: driver.next_step(),
            }
        })
        .collect();
    rank(&mut contributions);
    Decomposition {
        actual: actual_total,
        reference: reference_total,
        gap: Money::saturating_from(
            i128::from(actual_total.minor()) - i128::from(reference_total.minor()),
        ),
        contributions,
    }
}

/// Most negative first, ties in driver order.
pub(super) fn rank(contributions: &mut [Contribution]) {
    contributions.sort_by_key(|c| (c.amount, c.driver));
}

/// Above this (2^62 minor units) a Shapley amount may not fit in `Money`.
const LIMIT: f64 = 4_611_686_018_427_387_904.0;

/// The number of multiplicative factors.
const N: usize = 5;

/// Fills the ratios with no data: from the other side, else 1 (see [`decompose`]).
fn fill(a: [Option<f64>; N], b: [Option<f64>; N]) -> ([f64; N], [f64; N]) {
    let mut out = ([1.0; N], [1.0; N]);
    for i in 0..N {
        let value = |x: Option<f64>, y: Option<f64>| x.or(y).filter(|v| v.is_finite());
        out.0[i] = value(a[i], b[i]).unwrap_or(1.0);
        out.1[i] = value(b[i], a[i]).unwrap_or(1.0);
    }
    out
}

/// The Shapley amounts of the product of `a` (value `total_a`) against `b` (value
/// `total_b`), made exactly antisymmetric (see [`decompose`]).
fn shapley(a: &[f64; N], b: &[f64; N], total_a: f64, total_b: f64) -> [f64; N] {
    let forward = shapley_one_way(a, b, total_a, total_b);
    let backward = shapley_one_way(b, a, total_b, total_a);
    std::array::from_fn(|i| {
        let value = (forward[i] - backward[i]) / 2.0;
        if value.is_finite() {
            value
        } else {
            0.0
        }
    })
}

/// Σ over subsets S ∌ i of |S|! (N − 1 − |S|)! ÷ N! × (f(S ∪ {i}) − f(S)), where f(S)
/// takes the factors in S from `a` and the rest from `b`; the two ends are the exact
/// totals.
fn shapley_one_way(a: &[f64; N], b: &[f64; N], total_a: f64, total_b: f64) -> [f64; N] {
    const FULL: usize = (1 << N) - 1;
    // |S|! (N − 1 − |S|)! ÷ N! for |S| = 0..N−1.
    const WEIGHTS: [f64; N] = [1.0 / 5.0, 1.0 / 20.0, 1.0 / 30.0, 1.0 / 20.0, 1.0 / 5.0];
    let value: [f64; 1 << N] = std::array::from_fn(|mask| match mask {
        0 => total_b,
        FULL => total_a,
        _ => (0..N)
            .map(|i| if mask & (1 << i) != 0 { a[i] } else { b[i] })
            .product(),
    });
    std::array::from_fn(|i| {
        (0..1_usize << N)
            .filter(|mask| mask & (1 << i) == 0)
            .map(|mask| {
                let weight = WEIGHTS[mask.count_ones() as usize];
                weight * (value[mask | (1 << i)] - value[mask])
            })
            .sum()
    })
}

/// Whole minor units for `values` that sum exactly to `total`: each rounded half away
/// from zero, then the remainder spread evenly and its last units given, one each, to
/// the values whose rounding moved them furthest from the remainder's direction (ties
/// to the earlier one). Antisymmetric: negating `values` and `total` negates the result.
fn allocate(values: &[f64; N], total: i128) -> [i128; N] {
    let mut rounded: [i128; N] = values.map(|v| if v.is_finite() { v.round() as i128 } else { 0 });
    let errors: [f64; N] = std::array::from_fn(|i| values[i] - rounded[i] as f64);
    let sum: i128 = rounded.iter().sum();
    let rest = total - sum;
    let even = rest / N as i128;
    for r in &mut rounded {
        *r += even;
    }
    let left = rest - even * N as i128; // |left| < N
    let mut order: [usize; N] = std::array::from_fn(|i| i);
    if left > 0 {
        order.sort_by(|&x, &y| compare(errors[y], errors[x]).then(x.cmp(&y)));
    } else {
        order.sort_by(|&x, &y| compare(errors[x], errors[y]).then(x.cmp(&y)));
    }
    for &i in order.iter().take(left.unsigned_abs() as usize) {
        rounded[i] += left.signum();
    }
    rounded
}

/// Compares two finite floats, −0 equal to +0 (so negating both mirrors the order).
fn compare(x: f64, y: f64) -> std::cmp::Ordering {
    x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
}
