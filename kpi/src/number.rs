//! Plain numbers for KPI display (ratios, days): rounded, in the locale's decimal
//! separator, without float formatting.
//!
//! Conventions:
//! - at most `digits` decimals, rounded half away from zero, trailing zeros dropped
//!   ("12.5", "60", never "60.0");
//! - the number rounded is the one the `f64` stands for as written — its shortest
//!   round-trip decimal, what Rust's `{}` or JavaScript's `String(x)` print — so 4.35
//!   (stored as 4.3499999999999996…) gives "4.4" and 1.005 gives "1.01", as a reader
//!   expects (exactly so while |value| × 10^digits < 2^45, see [`format_decimal`]);
//! - the locale's decimal separator and no thousands grouping ("1234.5" en,
//!   "1234,5" de);
//! - a '-' only when the rounded number is not zero (−0.04 → "0" with one digit);
//! - NaN and ±∞ give "" (an empty string, for the caller to replace by its own
//!   "no data" text);
//! - integer arithmetic only: `format!("{:.1}")` and friends pull float formatting
//!   into the wasm binary.

use std::fmt::Write as _;

use crate::money::NumberLocale;

/// More decimals than an `f64` can meaningfully show (15–17 significant digits).
const MAX_DIGITS: u32 = 15;

/// 2^53: from here on every `f64` is a whole number.
const WHOLE_FROM: f64 = 9_007_199_254_740_992.0;

/// 2^45: below this, `|value| × 10^digits` is close enough to exact (error < 2^-7) to
/// decide halves as the shortest decimal would; see [`round_to_digits`].
const EXACT_HALVES_BELOW: f64 = 35_184_372_088_832.0;

/// `value` rounded to at most `digits` decimals (half away from zero, see module docs),
/// trailing zeros dropped, with `locale`'s decimal separator and no grouping:
/// 12.25 → "12.3" (en, 1 digit), "12,3" (de); 60.0 → "60"; −0.04 → "0".
///
/// `digits` above 15 act as 15. NaN and ±∞ give "". Whole numbers of 2^53 and more
/// are written with all their digits. Halves are decided exactly as the shortest
/// decimal would be while `|value| × 10^digits` < 2^45 (≈ 3.5·10^13). Beyond that
/// (far outside any KPI) the whole part stays exact and the fraction is rounded from
/// the double's exact binary value, which may show digits the shortest decimal lacks:
/// 114741075775452.2 with 3 digits gives "114741075775452.203".
pub fn format_decimal(value: f64, digits: u32, locale: NumberLocale) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let digits = digits.min(MAX_DIGITS);
    let magnitude = value.abs();
    let (whole, fraction) = if magnitude >= WHOLE_FROM {
        (whole_number_digits(magnitude), String::new())
    } else {
        let (whole, fraction) = round_to_digits(magnitude, digits);
        let fraction = format!("{fraction:0width$}", width = digits as usize);
        (whole.to_string(), fraction.trim_end_matches('0').to_owned())
    };
    let is_zero = whole == "0" && fraction.is_empty();
    let mut text = String::with_capacity(whole.len() + fraction.len() + 2);
    if value < 0.0 && !is_zero {
        text.push('-');
    }
    text.push_str(&whole);
    if !fraction.is_empty() {
        text.push(locale.decimal_separator());
        text.push_str(&fraction);
    }
    text
}

/// A ratio (a fraction, 1.0 = 100 %) as a percentage: [`format_decimal`] of
/// `ratio × 100` with at most one decimal, then "%" with no space: 0.125 → "12.5%",
/// 2/3 → "66.7%", 1.0 → "100%", German 2/3 → "66,7%".
///
/// `ratio × 100` is one float multiplication; NaN, ±∞ and ratios whose percentage
/// overflows to ∞ give "".
pub fn format_percent(ratio: f64, locale: NumberLocale) -> String {
    let mut text = format_decimal(ratio * 100.0, 1, locale);
    if !text.is_empty() {
        text.push('%');
    }
    text
}

/// `magnitude` rounded half away from zero to `digits` decimals, as (whole part,
/// fraction × 10^digits), for a finite `0 ≤ magnitude < 2^53` and `digits ≤ 15`.
///
/// While `scaled = magnitude × 10^digits` is below 2^45, the float product is within
/// 2^-7 of the exact one, so its whole part `t` is the right candidate (or one off,
/// which the comparison below corrects). The half-way point H = (t + ½) / 10^digits is
/// computed as one correctly rounded division of exact operands, i.e. as the `f64`
/// nearest to H; comparing `magnitude` with it gives the same answer as comparing the
/// shortest decimal of `magnitude` with H, and equality means that decimal *is* H: a
/// half, rounded up.
///
/// From 2^45 on, adjacent doubles are too far apart for that; the whole part is kept
/// exactly and only the fraction (`magnitude − whole`, exact) is scaled and rounded.
fn round_to_digits(magnitude: f64, digits: u32) -> (u64, u64) {
    let unit = 10_u64.pow(digits);
    let power = unit as f64; // exact: 10^15 < 2^53
    let scaled = magnitude * power;
    if scaled < EXACT_HALVES_BELOW {
        let t = scaled.trunc();
        let round_up = magnitude >= (t + 0.5) / power;
        // `t` is an integral f64 below 2^45, so the cast is exact.
        let n = t as u64 + u64::from(round_up);
        (n / unit, n % unit)
    } else {
        let whole = magnitude.trunc();
        let fraction = (magnitude - whole) * power;
        let t = fraction.trunc();
        let n = t as u64 + u64::from(fraction - t >= 0.5);
        // Both casts are exact: integral f64s below 2^53.
        if n >= unit {
            (whole as u64 + 1, 0)
        } else {
            (whole as u64, n)
        }
    }
}

/// All decimal digits of a whole `f64` ≥ 2^53: mantissa × 2^exponent, doubled in base
/// 10^9 limbs (at most 971 doublings of at most 35 limbs).
fn whole_number_digits(magnitude: f64) -> String {
    const LIMB: u64 = 1_000_000_000;
    let bits = magnitude.to_bits();
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075; // ≥ 1 for values ≥ 2^53
    let mut limbs = Vec::with_capacity(36); // least significant first
    let mut rest = mantissa;
    while rest > 0 {
        limbs.push(rest % LIMB);
        rest /= LIMB;
    }
    for _ in 0..exponent.max(0) {
        let mut carry = 0;
        for limb in &mut limbs {
            let doubled = *limb * 2 + carry;
            *limb = doubled % LIMB;
            carry = doubled / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut text = String::with_capacity(limbs.len() * 9);
    for (i, limb) in limbs.iter().rev().enumerate() {
        // Writing into a String cannot fail.
        let _ = if i == 0 {
            write!(text, "{limb}")
        } else {
            write!(text, "{limb:09}")
        };
    }
    text
}
