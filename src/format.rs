//! Turning KPI values into text for the user's locale. No arithmetic beyond rounding
//! for display: the values come from `kpi`.

use crate::text::I18n;
use kpi::{Currency, KpiValue, NumberLocale};

/// A number with `digits` decimals and the locale's decimal separator ("12,5" in German).
pub fn decimal(value: f64, digits: usize, locale: NumberLocale) -> String {
    let text = format!("{value:.digits$}");
    let text = if digits > 0 {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    text.replace('.', &locale.decimal_separator().to_string())
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
