//! Turning KPI values into text for the user's locale; the numbers and their
//! formatting rules come from `kpi`.

use crate::text::I18n;
use kpi::{format_decimal, format_percent, Currency, KpiValue, NumberLocale};

/// The visible text of a KPI value; "no data" is a dash, never NaN or 0.
pub fn kpi_value(i18n: I18n, value: &KpiValue, currency: Currency, locale: NumberLocale) -> String {
    match value {
        KpiValue::Money(money) => money.format(currency, locale),
        KpiValue::Count(n) => n.to_string(),
        KpiValue::Ratio(r) => format_percent(*r, locale),
        KpiValue::Days(d) => i18n::fill(
            i18n.texts().days_value,
            &[("days", &format_decimal(*d, 1, locale))],
        ),
        KpiValue::NoData => i18n.texts().no_data.to_string(),
    }
}
