//! Money → text, in the UI locale's conventions.

use super::currency::NBSP;
use super::{Currency, Money, NumberLocale};

impl Money {
    /// Formats the amount for display: grouped digits, the currency's display decimals
    /// and its symbol.
    ///
    /// Conventions:
    /// - English puts a one-character symbol first with no gap ("€1,234.56",
    ///   "$1,234.56", "₫1,234,567"); letter symbols go after ("1,234.56 Kč", "1,235 Ft").
    /// - de/vi/hu/cs put the symbol after: "1.234,56 €", "1.234.567 ₫", "1 234,56 Kč".
    /// - The gap before a trailing symbol and the hu/cs group separator are both a
    ///   no-break space U+00A0 (never a plain space), so amounts don't wrap.
    /// - What is stored is shown: HUF (stored with 2 decimals, new amounts in whole
    ///   forints, see [`Currency::input_step`]) is shown without decimals ("1 235 Ft"),
    ///   but an amount with fillér — saved before that rule, or from a currency change,
    ///   or an average — shows them ("1 234,50 Ft"), so rows always add up to their
    ///   total as shown.
    /// - A negative amount (only differences can be) gets a leading '-'.
    pub fn format(self, currency: Currency, locale: NumberLocale) -> String {
        let number = number_text(
            self,
            currency,
            self.shown_decimals(currency),
            Some(locale.group_separator()),
            locale.decimal_separator(),
        );
        let sign = if self.is_negative() { "-" } else { "" };
        let symbol = currency.symbol();
        if symbol_first(currency, locale) {
            format!("{sign}{symbol}{number}")
        } else {
            format!("{sign}{number}{NBSP}{symbol}")
        }
    }

    /// The amount as a user would type it in a form field: no symbol, no grouping,
    /// the locale's decimal separator ("1234.50" en, "1234,50" de).
    ///
    /// Shows the currency's display decimals when that loses nothing (HUF 1235.00 →
    /// "1235"), otherwise every stored decimal (HUF 1234.56 → "1234,56"), so editing a
    /// deal and saving it unchanged never alters its amount.
    pub fn format_plain(self, currency: Currency, locale: NumberLocale) -> String {
        let decimals = self.shown_decimals(currency);
        let number = number_text(self, currency, decimals, None, locale.decimal_separator());
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{number}")
    }

    /// The currency's display decimals when that loses nothing, else every stored one.
    fn shown_decimals(self, currency: Currency) -> u32 {
        let hidden = currency.exponent() - currency.display_decimals();
        if self.0 % 10_i64.pow(hidden) == 0 {
            currency.display_decimals()
        } else {
            currency.exponent()
        }
    }
}

/// English writes "€5" but "5 Kč": a lone symbol character leads, a word-like one trails.
fn symbol_first(currency: Currency, locale: NumberLocale) -> bool {
    let mut chars = currency.symbol().chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_alphabetic());
    locale == NumberLocale::En && single
}

/// The unsigned digits of `|amount|` with `decimals` fraction digits (rounded half away
/// from zero when fewer than the exponent), optionally grouped in threes.
fn number_text(
    amount: Money,
    currency: Currency,
    decimals: u32,
    group: Option<char>,
    decimal_separator: char,
) -> String {
    let hidden = currency.exponent().saturating_sub(decimals);
    let divisor = 10_u64.pow(hidden);
    // unsigned_abs of i64::MIN is 2^63; adding at most 50 cannot overflow u64.
    let shown = (amount.0.unsigned_abs() + divisor / 2) / divisor;
    let scale = 10_u64.pow(decimals);
    let (whole, fraction) = (shown / scale, shown % scale);

    let digits = whole.to_string();
    let mut text = String::with_capacity(digits.len() * 2 + 4);
    for (i, digit) in digits.chars().enumerate() {
        let remaining = digits.len() - i;
        if i > 0 && remaining % 3 == 0 {
            if let Some(separator) = group {
                text.push(separator);
            }
        }
        text.push(digit);
    }
    if decimals > 0 {
        text.push(decimal_separator);
        text.push_str(&format!("{fraction:0width$}", width = decimals as usize));
    }
    text
}
