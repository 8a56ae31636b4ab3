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
    /// An i128 amount (a sum or product computed without overflow) clamped to the
    /// range of `Money`.
    pub fn saturating_from(value: i128) -> Money {
        Money(i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX }))
    }

    /// Nothing.
    pub const ZERO: Money = Money(0);
    /// The largest representable amount (i64::MAX minor units). Totals saturate here
    /// only as a last resort; see [`Money::MAX_AMOUNT`] for the largest valid amount.
    pub const MAX: Money = Money(i64::MAX);
    /// The largest amount a deal may have: 10^15 minor units (10 trillion EUR, USD,
    /// GBP, CZK or HUF; a quadrillion VND), far beyond any real deal.
    ///
    /// [`Money::parse`] rejects larger amounts and the deal rules flag them, so every
    /// validated amount is ≤ 10^15 and a sum of up to 9,223 of them (⌊i64::MAX / 10^15⌋)
    /// cannot overflow i64. Totals still use [`Money::saturating_add`] as a last-resort
    /// guard for unvalidated data; a clamped total is wrong, never a KPI to trust.
    pub const MAX_AMOUNT: Money = Money(1_000_000_000_000_000);

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

    /// `self + other`, clamped to the i64 range.
    ///
    /// Totals use this as a last-resort guard only: validated amounts are at most
    /// [`Money::MAX_AMOUNT`], so sums of up to 9,223 deals are exact and never reach the
    /// clamp. Should unvalidated data get through anyway, a clamped (wrong) total still
    /// beats a panic or a silently wrapped negative one.
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

    /// The same value in major units, re-expressed in `to`'s minor units: the number
    /// the user sees is kept, not converted at an exchange rate (1,234.50 EUR →
    /// 1,234.50 USD; 1,235 VND → 1,235.00 EUR).
    ///
    /// Minor units are multiplied by 10^(to.exponent − from.exponent) with checked
    /// arithmetic; when `to` has fewer decimals they are divided instead and rounded
    /// half away from zero to a whole minor unit of `to` (1,234.50 EUR → 1,235 VND;
    /// 1,234.49 EUR → 1,234 VND; −0.50 EUR → −1 VND). `None` on i64 overflow. Does not
    /// check [`Money::MAX_AMOUNT`].
    pub fn rescale(self, from: Currency, to: Currency) -> Option<Money> {
        let (old, new) = (from.exponent(), to.exponent());
        if new >= old {
            let factor = 10_i64.checked_pow(new - old)?;
            self.0.checked_mul(factor).map(Money)
        } else {
            let divisor = 10_i64.checked_pow(old - new)?;
            let (quotient, remainder) = (self.0 / divisor, self.0 % divisor);
            // |remainder| < divisor ≤ 10^18, so doubling it cannot overflow; and
            // |quotient| ≤ i64::MAX / 10, so stepping it away from zero cannot either.
            let rounded = if 2 * remainder.unsigned_abs() >= divisor.unsigned_abs() {
                quotient + self.0.signum()
            } else {
                quotient
            };
            Some(Money(rounded))
        }
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

/// `numerator ÷ denominator` rounded half away from zero, the rounding of every money
/// share; 0 for a denominator ≤ 0.
pub(crate) fn round_div(numerator: i128, denominator: i128) -> i128 {
    if denominator <= 0 {
        return 0;
    }
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    if 2 * remainder.abs() >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    }
}
