//! The currencies a dataset can be kept in, and the number conventions of the UI locales.

use serde::{Deserialize, Serialize};

/// A dataset's one currency (a setting). Serialized as its ISO 4217 code, e.g. `"EUR"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "CZK")]
    Czk,
    #[serde(rename = "HUF")]
    Huf,
    #[serde(rename = "VND")]
    Vnd,
}

impl Currency {
    /// Every supported currency, in settings-menu order.
    pub const ALL: &'static [Currency] = &[
        Currency::Eur,
        Currency::Usd,
        Currency::Gbp,
        Currency::Czk,
        Currency::Huf,
        Currency::Vnd,
    ];

    /// ISO 4217 code, e.g. "EUR".
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Czk => "CZK",
            Currency::Huf => "HUF",
            Currency::Vnd => "VND",
        }
    }

    /// The symbol shown next to amounts, e.g. "€", "Kč", "Ft", "₫".
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Eur => "€",
            Currency::Usd => "$",
            Currency::Gbp => "£",
            Currency::Czk => "Kč",
            Currency::Huf => "Ft",
            Currency::Vnd => "₫",
        }
    }

    /// ISO 4217 exponent: how many minor-unit digits are stored (VND 0, the rest 2).
    pub fn exponent(self) -> u32 {
        match self {
            Currency::Vnd => 0,
            _ => 2,
        }
    }

    /// Decimals shown when formatting an amount that has none beyond them. HUF keeps
    /// its ISO exponent of 2 in storage, but fillér coins no longer exist, so amounts
    /// are whole forints (see [`Currency::input_step`]) and shown without decimals.
    pub fn display_decimals(self) -> u32 {
        match self {
            Currency::Huf | Currency::Vnd => 0,
            _ => 2,
        }
    }

    /// The minor units a new amount (typed or imported) is rounded to, half away from
    /// zero, by [`crate::Money::parse`]: HUF 100, so forint amounts are stored in whole
    /// forints (fillér coins were withdrawn in 1999; prices and invoices are whole
    /// forints) while the stored scale stays the ISO exponent 2; every other currency 1
    /// (nothing is rounded). Rounding once, at input, means that what is shown is what
    /// is stored and a list adds up to its total ("1 Ft" three times is "3 Ft").
    pub fn input_step(self) -> i64 {
        match self {
            Currency::Huf => 100,
            _ => 1,
        }
    }

    /// The currency for an ISO code, ignoring case and surrounding spaces.
    pub fn from_code(code: &str) -> Option<Currency> {
        let code = code.trim();
        Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// Minor units in one major unit: `10^exponent`.
    pub(crate) fn minor_per_major(self) -> i64 {
        10_i64.pow(self.exponent())
    }
}

/// How numbers are written in the UI language: separators and symbol placement.
/// Serialized lowercase ("en", "de", …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberLocale {
    #[default]
    En,
    De,
    Vi,
    Hu,
    Cs,
}

/// No-break space: the group separator in hu/cs and the gap between number and symbol,
/// so an amount never wraps across lines.
pub(crate) const NBSP: char = '\u{a0}';

impl NumberLocale {
    /// Every supported locale, in language-menu order.
    pub const ALL: &'static [NumberLocale] = &[
        NumberLocale::En,
        NumberLocale::De,
        NumberLocale::Vi,
        NumberLocale::Hu,
        NumberLocale::Cs,
    ];

    /// The language subtag, e.g. "de".
    pub fn tag(self) -> &'static str {
        match self {
            NumberLocale::En => "en",
            NumberLocale::De => "de",
            NumberLocale::Vi => "vi",
            NumberLocale::Hu => "hu",
            NumberLocale::Cs => "cs",
        }
    }

    /// Decimal separator: '.' in English, ',' in the others.
    pub fn decimal_separator(self) -> char {
        match self {
            NumberLocale::En => '.',
            _ => ',',
        }
    }

    /// Thousands separator: ',' en, '.' de/vi, NBSP (U+00A0) hu/cs.
    pub fn group_separator(self) -> char {
        match self {
            NumberLocale::En => ',',
            NumberLocale::De | NumberLocale::Vi => '.',
            NumberLocale::Hu | NumberLocale::Cs => NBSP,
        }
    }

    /// The locale for a BCP 47 tag such as "de-AT" or "cs_CZ", by its language subtag
    /// (case-insensitive); anything unknown falls back to English.
    pub fn from_language_tag(tag: &str) -> NumberLocale {
        let language = tag.trim().split(['-', '_']).next().unwrap_or("");
        NumberLocale::ALL
            .iter()
            .copied()
            .find(|l| l.tag().eq_ignore_ascii_case(language))
            .unwrap_or_default()
    }
}
