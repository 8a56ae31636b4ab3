//! Turning KPI values into text for the user's locale; the numbers and their
//! formatting rules come from `kpi`.

use crate::text::I18n;
use kpi::{format_decimal, format_percent, Currency, KpiValue, NumberLocale, Unit};

/// The visible text of a KPI value; "no data" is a dash, never NaN or 0. Plain numbers
/// are shown in their catalogue unit (hours, per day, score, multiple).
pub fn kpi_value(
    i18n: I18n,
    value: &KpiValue,
    unit: Unit,
    currency: Currency,
    locale: NumberLocale,
) -> String {
    match value {
        KpiValue::Money(money) => money.format(currency, locale),
        KpiValue::Count(n) => n.to_string(),
        KpiValue::Ratio(r) => format_percent(*r, locale),
        KpiValue::Days(d) => i18n::fill(
            i18n.texts().days_value,
            &[("days", &format_decimal(*d, 1, locale))],
        ),
        KpiValue::Number(x) => {
            let (template, key, digits) = match unit {
                Unit::Hours => (i18n.texts().hours_value, "hours", 1),
                Unit::PerDay => (i18n.texts().per_day_value, "value", 1),
                Unit::Multiple => (i18n.texts().multiple_value, "value", 1),
                _ => ("{{ value }}", "value", 1),
            };
            i18n::fill(template, &[(key, &format_decimal(*x, digits, locale))])
        }
        KpiValue::NoData => i18n.texts().no_data.to_string(),
    }
}

/// A KPI's change against the previous period ([`kpi::Trend::delta`]): as its value is
/// shown, except that a change of a rate is in percentage points ("▲ 5.0 pp"), never a
/// percent of a percent.
pub fn kpi_change(
    i18n: I18n,
    delta: &KpiValue,
    unit: Unit,
    currency: Currency,
    locale: NumberLocale,
) -> String {
    match delta {
        KpiValue::Ratio(points) => i18n::fill(
            i18n.texts().percentage_points_value,
            &[("points", &format_decimal(points * 100.0, 1, locale))],
        ),
        other => kpi_value(i18n, other, unit, currency, locale),
    }
}

/// A goal read-out (in its measure's unit, money in minor units) as a KPI value, so it
/// is shown like the KPI cards show it; `None` is "no data". Counts of a pro-rated
/// expectation or a projection are not whole, so they are plain numbers.
pub fn goal_value(value: Option<f64>, unit: Unit) -> KpiValue {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return KpiValue::NoData;
    };
    match unit {
        Unit::Money => kpi::goals::to_money(value).map_or(KpiValue::NoData, KpiValue::Money),
        Unit::Ratio => KpiValue::Ratio(value),
        Unit::Days => KpiValue::Days(value),
        _ => KpiValue::Number(value),
    }
}

/// The text of a goal read-out and its unrounded `data-value` (money in major units).
pub fn goal_text(
    i18n: I18n,
    value: Option<f64>,
    unit: Unit,
    currency: Currency,
    locale: NumberLocale,
) -> (String, Option<f64>) {
    let value = goal_value(value, unit);
    (
        kpi_value(i18n, &value, unit, currency, locale),
        value.data_value(currency),
    )
}
