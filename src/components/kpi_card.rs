use crate::format;
use crate::lang::use_i18n;
use crate::state::Store;
use crate::text;
use kpi::{Direction, KpiId, KpiValue};
use leptos::prelude::*;

/// One KPI: its name, its value for the user, the unrounded value for machines
/// (`data-value`: money in major units, ratios 0–1, days), the change against the
/// previous period (arrow and colour read with the KPI's better direction), and how it
/// is calculated: on hover, on keyboard focus of its "i" button, and toggled by a tap or
/// click anywhere on the card (a phone has no hover). One card's formula shows at a time:
/// opening another closes it, so it never stays over the next card.
/// The KPI whose formula a tap opened, shared by the cards of a page.
#[derive(Clone, Copy)]
pub struct ShownFormula(RwSignal<Option<KpiId>>);

impl Default for ShownFormula {
    fn default() -> Self {
        Self(RwSignal::new(None))
    }
}

impl ShownFormula {
    /// Opens `id`'s formula (closing any other), or closes it when it is open.
    fn toggle(self, id: KpiId) {
        self.0
            .update(|shown| *shown = (*shown != Some(id)).then_some(id));
    }
}

#[component]
pub fn KpiCard(
    id: KpiId,
    #[prop(into)] value: Signal<KpiValue>,
    #[prop(into)] previous: Signal<KpiValue>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let unit = id.def().unit;
    let data_value = move || {
        value
            .get()
            .data_value(store.currency())
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let no_data = move || matches!(value.get(), KpiValue::NoData).then_some("true");
    let shown =
        move || format::kpi_value(i18n, &value.get(), unit, store.currency(), store.locale());
    let trend = Memo::new(move |_| id.trend(value.get(), previous.get()));
    let trend_class = move || match trend.get().and_then(|t| t.improved) {
        Some(true) => "kpi-trend good",
        Some(false) => "kpi-trend bad",
        None => "kpi-trend",
    };
    let trend_text = move || match trend.get() {
        None => i18n.texts().kpi_change_none.to_string(),
        Some(t) => {
            let change = format::kpi_change(i18n, &t.delta, unit, store.currency(), store.locale());
            let template = match t.direction {
                Direction::Up => i18n.texts().kpi_change_up,
                Direction::Down => i18n.texts().kpi_change_down,
                Direction::Flat => i18n.texts().kpi_change_flat,
            };
            i18n::fill(template, &[("change", &change)])
        }
    };
    let direction = move || {
        trend.get().map(|t| match t.direction {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        })
    };
    let formula_id = format!("formula-{}", id.id());
    let shown_formula = use_context::<ShownFormula>().unwrap_or_default();
    let formula_open = Signal::derive(move || shown_formula.0.get() == Some(id));
    view! {
        <article
            class="kpi-card"
            class:formula-open=move || formula_open.get()
            data-kpi=id.id()
            data-value=data_value
            data-no-data=no_data
            on:click=move |_| shown_formula.toggle(id)
        >
            <h3 class="kpi-name">{move || text::kpi_name(i18n, id)}</h3>
            <button
                type="button"
                class="kpi-formula-toggle"
                data-testid="kpi-formula-toggle"
                aria-expanded=move || formula_open.get().to_string()
                aria-controls=formula_id.clone()
                aria-describedby=formula_id.clone()
                aria-label=move || i18n::fill(i18n.texts().a11y_kpi_formula_button, &[("kpi", &text::kpi_name(i18n, id))])
            >
                "i"
            </button>
            <p class="kpi-value">{shown}</p>
            <p class=trend_class data-testid="kpi-trend" data-direction=direction>{trend_text}</p>
            <p class="kpi-formula" role="tooltip" id=formula_id.clone()>
                <span class="kpi-formula-label">{i18n.t(|t| t.kpi_formula)}": "</span>
                {move || text::kpi_formula(i18n, id)}
            </p>
        </article>
    }
}
