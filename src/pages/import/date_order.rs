//! "How does this file write 03/04/2026?": asked in the mapping step when a date
//! column's values do not settle day/month order (`kpi` decides that), and the answer
//! remembered per source (HubSpot, Pipedrive, Salesforce, Salesboard, a spreadsheet):
//! the next file from the same CRM is read the same way, and the question shows the
//! answer already chosen.
//!
//! Kept on this device in localStorage (`salesboard.import.date_order.<crm>`), outside
//! the data and its backups, like the colour theme: it is how this user's exports
//! look, not sales data. A browser that refuses storage simply asks every time.

use super::review::with_job;
use super::ImportState;
use crate::lang::use_i18n;
use crate::text;
use kpi::import::values::{parse_date, SlashOrder};
use kpi::import::Crm;
use leptos::prelude::*;

fn key(source: Crm) -> String {
    format!("salesboard.import.date_order.{}", source.id())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The answer last given for a file from `source`, if any.
pub fn remembered(source: Crm) -> Option<SlashOrder> {
    let text = storage()?.get_item(&key(source)).ok().flatten()?;
    SlashOrder::from_id(&text)
}

/// Remembers `order` for files from `source` (nothing happens if storage is refused:
/// the question is then asked again next time).
pub fn remember(source: Crm, order: SlashOrder) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&key(source), order.id());
    }
}

/// The question a date column asks when its values do not settle day/month order
/// (`03/04/2026` alone): both readings of its first such date, one to choose.
#[component]
pub(super) fn DateOrder(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (columns, chosen, source) = with_job(state, |j| {
            let columns: Vec<(String, String)> = j
                .date_order_columns()
                .into_iter()
                .map(|(c, example)| (j.headers()[c].clone(), example))
                .collect();
            (columns, j.mapping().date_order, j.source().id().to_string())
        });
        let (_, example) = columns.first()?.clone();
        let names: Vec<String> = columns.iter().map(|(h, _)| format!("“{h}”")).collect();
        let option = |order: SlashOrder, key: &'static str| {
            let day = parse_date(&example, order).ok().flatten();
            let label = i18n::fill(
                key,
                &[(
                    "date",
                    &day.map(|d| text::date(i18n, d)).unwrap_or_default(),
                )],
            );
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="import-date-order"
                        value=order.id()
                        data-testid=format!("import-date-order-{}", order.id())
                        prop:checked=chosen == Some(order)
                        on:change=move |_| state.choose_date_order(order)
                    />
                    " " {label}
                </label>
            }
        };
        let remembered = state.date_order_remembered.get() && chosen.is_some();
        Some(view! {
            <fieldset
                class="import-date-order"
                data-testid="import-date-order"
                data-chosen=chosen.map_or("", SlashOrder::id)
            >
                <legend>{i18n::fill(i18n.texts().import_date_order_question, &[("example", &example)])}</legend>
                <p class="hint">{i18n::fill(i18n.texts().import_date_order_columns, &[("columns", &names.join(", "))])}</p>
                {option(SlashOrder::DayFirst, i18n.texts().import_date_order_day_first)}
                {option(SlashOrder::MonthFirst, i18n.texts().import_date_order_month_first)}
                {remembered.then(|| view! {
                    <p class="hint" data-testid="import-date-order-remembered">
                        {i18n::fill(
                            i18n.texts().import_date_order_remembered,
                            &[("crm", &text::label(i18n, "import_crm_", &source))],
                        )}
                    </p>
                })}
            </fieldset>
        })
    }
}
