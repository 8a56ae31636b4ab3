use crate::format;
use crate::lang::use_i18n;
use crate::state::Store;
use crate::text;
use kpi::{KpiId, KpiValue};
use leptos::prelude::*;

/// One KPI: its name, its value for the user, the unrounded value for machines
/// (`data-value`: money in major units, ratios 0–1, days) and how it is calculated.
#[component]
pub fn KpiCard(id: KpiId, #[prop(into)] value: Signal<KpiValue>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let data_value = move || {
        value
            .get()
            .data_value(store.currency())
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let no_data = move || matches!(value.get(), KpiValue::NoData).then_some("true");
    let shown = move || format::kpi_value(i18n, &value.get(), store.currency(), store.locale);
    view! {
        <article class="kpi-card" data-kpi=id.id() data-value=data_value data-no-data=no_data>
            <h2 class="kpi-name">{move || text::kpi_name(i18n, id)}</h2>
            <p class="kpi-value">{shown}</p>
            <details class="kpi-formula">
                <summary>{i18n.t(|t| t.kpi_formula)}</summary>
                <p>{move || text::kpi_formula(i18n, id)}</p>
            </details>
        </article>
    }
}
