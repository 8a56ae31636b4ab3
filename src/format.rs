//! Turning KPI values into text for the user's locale. No arithmetic beyond rounding
//! for display: the values come from `kpi`.

use crate::text::I18n;
use kpi::{Currency, KpiValue, NumberLocale};

/// A number rounded to at most `digits` decimals, trailing zeros dropped, with the
/// locale's decimal separator: 12.25 → "12.3" (English), "12,3" (German); 60.0 → "60".
/// Integer arithmetic on purpose: float formatting with a precision costs wasm size.
pub fn decimal(value: f64, digits: u32, locale: NumberLocale) -> String {
    let factor = 10u64.pow(digits);
    let scaled = (value.abs() * factor as f64).round() as u64;
    let (whole, fraction) = (scaled / factor, scaled % factor);
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let mut text = format!("{sign}{whole}");
    if fraction != 0 {
        let padded = format!("{fraction:0width$}", width = digits as usize);
        text.push(locale.decimal_separator());
        text.push_str(padded.trim_end_matches('0'));
    }
    text
}

/// A ratio 0–1 as a percentage with at most one decimal: 0.125 → "12.5%".
pub fn percent(ratio: f64, locale: NumberLocale) -> String {
    format!("{}%", decimal(ratio * 100.0, 1, locale))
}

/// The visible text of a KPI value; "no data" is a dash, never NaN or 0.
pub fn kpi_value(i18n: I18n, value: &KpiValue, currency: Currency, locale: NumberLocale) -> String {
    match value {
        KpiValue::Money(money) => money.format(currency, locale),
        KpiValue::Count(n) => n.to_string(),
        KpiValue::Ratio(r) => percent(*r, locale),
        KpiValue::Days(d) => i18n::fill(
            i18n.texts().days_value,
            &[("days", &decimal(*d, 1, locale))],
        ),
        KpiValue::NoData => i18n.texts().no_data.to_string(),
    }
}
