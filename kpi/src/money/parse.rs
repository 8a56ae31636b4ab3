//! Text → Money, accepting what people actually type in their locale.

use std::fmt;

use super::{Currency, Money, NumberLocale};

/// Why a typed amount was not accepted. The app maps each to a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoneyError {
    /// Nothing but spaces (or only the currency symbol).
    Empty,
    /// Not a number in any accepted form.
    NotANumber,
    /// A minus sign: amounts are ≥ 0.
    Negative,
    /// More fraction digits than the currency has (e.g. "0.001" EUR).
    TooManyDecimals,
    /// Above [`Money::MAX_AMOUNT`] (10^15 minor units).
    TooLarge,
}

impl MoneyError {
    /// Stable snake_case id, e.g. "too_many_decimals".
    pub fn id(self) -> &'static str {
        match self {
            MoneyError::Empty => "empty",
            MoneyError::NotANumber => "not_a_number",
            MoneyError::Negative => "negative",
            MoneyError::TooManyDecimals => "too_many_decimals",
            MoneyError::TooLarge => "too_large",
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyError::Empty => "the amount is empty",
            MoneyError::NotANumber => "the amount is not a number",
            MoneyError::Negative => "the amount must not be negative",
            MoneyError::TooManyDecimals => "the amount has more decimals than the currency",
            MoneyError::TooLarge => "the amount is too large",
        })
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    /// Parses a typed amount. Never panics, whatever the input.
    ///
    /// Accepted:
    /// - surrounding whitespace of any kind (space, NBSP U+00A0, narrow NBSP U+202F, …);
    /// - this currency's symbol or ISO code (any case) before or after the number, with
    ///   or without a gap: "€5", "€ 5", "5 €", "5 eur";
    /// - digits ('0'–'9') with '.', ',' or whitespace as separators.
    ///
    /// Which separator is the decimal one:
    /// 1. both '.' and ',' present → the last one is the decimal separator (it must
    ///    occur once) and the other groups thousands: "1,234.56", "1.234,56";
    /// 2. one of them occurring several times → it groups thousands: "1.234.567";
    /// 3. one of them occurring once → a thousands group only if it is this locale's
    ///    group separator, followed by exactly 3 digits and preceded by 1–3 digits not
    ///    starting with 0 ("1.234" is 1234 in de, "1,234" is 1234 in en); otherwise it
    ///    is the decimal separator ("12.5" de = 12.50, "1234,56" en = 1234.56,
    ///    "0.001" = too many decimals everywhere);
    /// 4. whitespace between digits always groups thousands ("1 234,56").
    ///
    /// Grouped digits must be in threes after a first group of 1–3 ("1.2.3" is not a
    /// number). Fraction digits beyond the currency's ISO exponent are an error even if
    /// zero. The amount is then rounded to the currency's [`Currency::input_step`]
    /// (HUF: whole forints, "1,40 Ft" → 1 Ft, "1,50 Ft" → 2 Ft; others unchanged).
    /// Amounts above [`Money::MAX_AMOUNT`] are [`MoneyError::TooLarge`]. A
    /// leading '-' (or '−') is [`MoneyError::Negative`] when the rest is a number, and
    /// takes precedence over decimals/size errors.
    pub fn parse(
        input: &str,
        currency: Currency,
        locale: NumberLocale,
    ) -> Result<Money, MoneyError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        // The sign may sit outside or inside a leading symbol: "-€5" or "€-5".
        let (text, minus_outside) = strip_minus(text);
        let text = strip_currency(text, currency);
        let (text, minus_inside) = strip_minus(text);
        let negative = minus_outside || minus_inside;
        if text.is_empty() {
            return Err(if negative {
                MoneyError::NotANumber
            } else {
                MoneyError::Empty
            });
        }
        match parse_number(text, currency.exponent(), locale) {
            Err(MoneyError::NotANumber) => Err(MoneyError::NotANumber),
            _ if negative => Err(MoneyError::Negative),
            Ok(amount) => Ok(round_to_step(amount, currency.input_step())),
            result => result,
        }
    }
}

/// A non-negative amount rounded half away from zero to a multiple of `step` (see
/// [`Currency::input_step`]); at most [`Money::MAX_AMOUNT`], itself a multiple of every
/// step, so rounding up cannot pass it.
fn round_to_step(amount: Money, step: i64) -> Money {
    let rest = amount.0 % step;
    if 2 * rest >= step {
        Money(amount.0 - rest + step)
    } else {
        Money(amount.0 - rest)
    }
}

fn strip_minus(text: &str) -> (&str, bool) {
    match text.strip_prefix(['-', '−']) {
        Some(rest) => (rest.trim_start(), true),
        None => (text, false),
    }
}

/// Removes one occurrence of the currency's symbol or code at either end.
fn strip_currency(text: &str, currency: Currency) -> &str {
    for affix in [currency.symbol(), currency.code()] {
        let n = affix.len();
        if text
            .get(..n)
            .is_some_and(|head| head.eq_ignore_ascii_case(affix))
        {
            return text[n..].trim();
        }
        let tail_start = text.len().saturating_sub(n);
        if text.len() >= n
            && text
                .get(tail_start..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(affix))
        {
            return text[..tail_start].trim();
        }
    }
    text
}

/// How the integer part's digits are grouped.
#[derive(Clone, Copy, PartialEq)]
enum Grouping {
    None,
    By(char),
    Whitespace,
}

/// Parses the bare number (no sign, no symbol) into minor units.
fn parse_number(text: &str, exponent: u32, locale: NumberLocale) -> Result<Money, MoneyError> {
    let mut digits = 0usize;
    let (mut dots, mut commas, mut spaces) = (0usize, 0usize, 0usize);
    let (mut last_dot, mut last_comma) = (0usize, 0usize);
    for (at, c) in text.char_indices() {
        match c {
            '0'..='9' => digits += 1,
            '.' => (dots, last_dot) = (dots + 1, at),
            ',' => (commas, last_comma) = (commas + 1, at),
            c if c.is_whitespace() => spaces += 1,
            _ => return Err(MoneyError::NotANumber),
        }
    }
    if digits == 0 {
        return Err(MoneyError::NotANumber);
    }

    // Decide the decimal separator's byte position (rules 1–3 of Money::parse).
    let (decimal_at, grouping) = match (dots, commas) {
        (0, 0) => (None, Grouping::None),
        (_, 0) | (0, _) => {
            let (separator, count, at) = if dots > 0 {
                ('.', dots, last_dot)
            } else {
                (',', commas, last_comma)
            };
            if count > 1 || is_single_group(text, separator, at, locale) {
                (None, Grouping::By(separator))
            } else {
                (Some(at), Grouping::None)
            }
        }
        _ => {
            let (decimal, at, group) = if last_dot > last_comma {
                ('.', last_dot, ',')
            } else {
                (',', last_comma, '.')
            };
            let decimal_count = if decimal == '.' { dots } else { commas };
            if decimal_count > 1 {
                return Err(MoneyError::NotANumber);
            }
            (Some(at), Grouping::By(group))
        }
    };
    let grouping = match (grouping, spaces > 0) {
        (Grouping::None, true) => Grouping::Whitespace,
        (Grouping::By(_), true) => return Err(MoneyError::NotANumber), // mixed grouping
        (g, _) => g,
    };

    let (whole, fraction) = match decimal_at {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::NotANumber);
    }
    if !grouped_digits_are_valid(whole, grouping) {
        return Err(MoneyError::NotANumber);
    }
    if fraction.len() > exponent as usize {
        return Err(MoneyError::TooManyDecimals);
    }

    let mut minor: i64 = 0;
    let fraction_digits = fraction.bytes().chain(std::iter::repeat(b'0'));
    let padded_fraction = fraction_digits.take(exponent as usize);
    let all_digits = whole
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(padded_fraction);
    for digit in all_digits {
        minor = minor
            .checked_mul(10)
            .and_then(|m| m.checked_add(i64::from(digit - b'0')))
            .filter(|&m| m <= Money::MAX_AMOUNT.0)
            .ok_or(MoneyError::TooLarge)?;
    }
    Ok(Money(minor))
}

/// Rule 3: a lone separator is a thousands group only in its own locale, between
/// 1–3 leading digits (not starting with 0) and exactly 3 trailing digits.
fn is_single_group(text: &str, separator: char, at: usize, locale: NumberLocale) -> bool {
    let (before, after) = (&text[..at], &text[at + 1..]);
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    separator == locale.group_separator()
        && after.len() == 3
        && all_digits(after)
        && (1..=3).contains(&before.len())
        && all_digits(before)
        && !before.starts_with('0')
}

/// Checks the integer part: plain digits, or groups of 3 after a first group of 1–3.
/// An empty integer part is allowed (".5").
fn grouped_digits_are_valid(whole: &str, grouping: Grouping) -> bool {
    let groups: Vec<&str> = match grouping {
        Grouping::None => return whole.bytes().all(|b| b.is_ascii_digit()),
        Grouping::By(separator) => whole.split(separator).collect(),
        Grouping::Whitespace => whole.split(char::is_whitespace).collect(),
    };
    groups.iter().enumerate().all(|(i, group)| {
        let size_ok = if i == 0 {
            (1..=3).contains(&group.len())
        } else {
            group.len() == 3
        };
        size_ok && group.bytes().all(|b| b.is_ascii_digit())
    })
}
