//! Exact rate arithmetic: amounts × basis points, rounded once, half away from zero.

use crate::model::FULL_BP;
use crate::money::Money;

/// 10 000 as i128.
pub(super) const BP: i128 = FULL_BP as i128;

pub(super) use crate::money::round_div;

/// An i128 amount of minor units as money, clamped to the i64 range (only absurd,
/// unvalidated data gets there).
pub(super) fn money(minor: i128) -> Money {
    Money::saturating_from(minor)
}

/// `amount × rate_bp ÷ 10 000`, rounded half away from zero to a minor unit:
/// 1 234.55 € × 2.5 % (250 bp) = 30.86375 € → 30.86 €; 0.02 € × 25 % = 0.005 € → 0.01 €.
pub fn apply_rate(amount: Money, rate_bp: u32) -> Money {
    money(round_div(
        i128::from(amount.minor()) * i128::from(rate_bp),
        BP,
    ))
}

/// Does `basis` reach `bp` basis points of `quota` (quota > 0)? Exact: `basis × 10 000 ≥
/// bp × quota`, so exactly 100 % reaches 10 000.
pub(super) fn reaches(basis: Money, quota: Money, bp: u32) -> bool {
    i128::from(basis.minor()) * BP >= i128::from(bp) * i128::from(quota.minor())
}

/// `bp` basis points of `quota`, rounded half away from zero (a bracket threshold).
pub(super) fn share_of(quota: Money, bp: u32) -> Money {
    money(round_div(i128::from(quota.minor()) * i128::from(bp), BP))
}
