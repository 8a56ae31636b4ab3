//! Money as whole minor units (cents, haléř, fillér; đồng has none), so sums are exact.
//!
//! Floats appear only in [`Money::to_major`], for `data-value` attributes and chart
//! coordinates — never for arithmetic.

mod currency;
mod format;
mod parse;

use serde::{Deserialize, Serialize};

pub use currency::{Currency, NumberLocale};
pub use parse::MoneyError;

/// An amount in the dataset currency's minor units (ISO 4217 exponent: 1 EUR = 100).
///
/// Amounts entered by users are ≥ 0 ([`Money::parse`] rejects a minus sign); the type
/// itself is signed so that differences (e.g. gap to quota) need no special casing.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);
    /// The largest representable amount; totals saturate here.
    pub const MAX: Money = Money(i64::MAX);

    /// The raw minor units.
    pub fn minor(self) -> i64 {
        self.0
    }

    /// True below zero (only a difference can be; entered amounts never are).
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// `self − other`, `None` on overflow.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// `self × factor`, `None` on overflow.
    pub fn checked_mul(self, factor: i64) -> Option<Money> {
        self.0.checked_mul(factor).map(Money)
    }

    /// `self + other`, clamped to the i64 range. Totals use this: i64::MAX minor units
    /// (≈ 92 quadrillion euros) is unreachable for real sales data, and a clamped KPI
    /// beats a panic or a silently wrapped negative total.
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// Whole major units (e.g. 1500 EUR) as Money; `None` on overflow.
    pub fn from_major(major: i64, currency: Currency) -> Option<Money> {
        major.checked_mul(currency.minor_per_major()).map(Money)
    }

    /// The amount in major units as a float: `minor / 10^exponent`.
    /// For `data-value` attributes and chart coordinates only.
    pub fn to_major(self, currency: Currency) -> f64 {
        self.0 as f64 / currency.minor_per_major() as f64
    }

    /// Arithmetic mean `total / count`, rounded half away from zero to a whole minor
    /// unit (so 0.5 cent → 1 cent). `None` when `count` is 0: an empty period has no
    /// average, not a zero one.
    pub fn mean(total: Money, count: u64) -> Option<Money> {
        if count == 0 {
            return None;
        }
        let (total, count) = (i128::from(total.0), i128::from(count));
        let (quotient, remainder) = (total / count, total % count);
        let rounded = if 2 * remainder.abs() >= count {
            quotient + total.signum()
        } else {
            quotient
        };
        // |rounded| ≤ |total| because count ≥ 1, so it fits back into i64.
        i64::try_from(rounded).ok().map(Money)
    }
}
