//! The dashboard's two questions: whose numbers (me, a rep, a team, everyone) and for
//! which period (a preset or a custom range).

use crate::lang::use_i18n;
use crate::state::Store;
use crate::text;
use kpi::{Period, PeriodPreset, Scope};
use leptos::prelude::*;

/// `everyone`, `rep:<id>` or `team:<id>`: the select's value for a scope.
fn scope_value(scope: &Scope) -> String {
    match scope {
        Scope::Everyone => "everyone".into(),
        Scope::Rep(id) => format!("rep:{id}"),
        Scope::Team(id) => format!("team:{id}"),
    }
}

fn parse_scope(value: &str) -> Scope {
    match value.split_once(':') {
        Some(("rep", id)) => Scope::Rep(id.to_string()),
        Some(("team", id)) => Scope::Team(id.to_string()),
        _ => Scope::Everyone,
    }
}

#[component]
pub fn ScopePicker(scope: RwSignal<Scope>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    // Me first (if set), then everyone, then each rep and each team by name.
    let options = Memo::new(move |_| {
        store.data.with(|d| {
            let mut options = Vec::new();
            let me = d.settings.me.clone();
            if let Some(name) = d.rep_name(me.as_deref()) {
                let label = i18n::fill(i18n.texts().scope_me, &[("name", name)]);
                options.push((
                    scope_value(&Scope::Rep(me.clone().unwrap_or_default())),
                    label,
                ));
            }
            options.push((
                "everyone".to_string(),
                i18n.texts().scope_everyone.to_string(),
            ));
            for (id, name) in d.choices(kpi::RecordKind::Rep) {
                let label = i18n::fill(i18n.texts().scope_rep, &[("name", &name)]);
                options.push((scope_value(&Scope::Rep(id)), label));
            }
            for (id, name) in d.choices(kpi::RecordKind::Team) {
                let label = i18n::fill(i18n.texts().scope_team, &[("name", &name)]);
                options.push((scope_value(&Scope::Team(id)), label));
            }
            options
        })
    });
    view! {
        <label class="inline-field">
            <span>{i18n.t(|t| t.scope)}</span>
            <select
                data-testid="scope-picker"
                prop:value=move || scope_value(&scope.get())
                on:change=move |ev| scope.set(parse_scope(&event_target_value(&ev)))
            >
                <For each=move || options.get() key=|(value, label)| (value.clone(), label.clone()) let((value, label))>
                    <option value=value.clone() selected=move || scope_value(&scope.get()) == value>{label}</option>
                </For>
            </select>
        </label>
    }
}

/// The longest custom range: five years (with one leap day).
const MAX_CUSTOM_DAYS: i64 = 5 * 365 + 1;

#[component]
pub fn PeriodPicker(period: RwSignal<Period>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let choice = RwSignal::new(PeriodPreset::ThisMonth.id().to_string());
    let from = RwSignal::new(period.get_untracked().start.to_string());
    let to = RwSignal::new(period.get_untracked().end.to_string());
    // `Some(message)` while the custom range cannot be used.
    let invalid = RwSignal::new(None::<&'static str>);
    // A custom range takes effect as soon as both dates are valid; an end before the
    // start is explained instead of silently swapped.
    Effect::new(move |_| {
        let picked = choice.get();
        if let Some(preset) = PeriodPreset::from_id(&picked) {
            invalid.set(None);
            period.set(preset.resolve(store.today()));
            return;
        }
        let (start, end) = (from.get().parse(), to.get().parse());
        if let (Ok(start), Ok(end)) = (start, end) {
            match Period::custom(start, end) {
                // Five years of daily points is already a long chart; more would stall
                // the tab for nothing a rep asks.
                Ok(custom) if custom.days() > MAX_CUSTOM_DAYS => {
                    invalid.set(Some(i18n.texts().period_too_long))
                }
                Ok(custom) => {
                    invalid.set(None);
                    period.set(custom);
                }
                Err(_) => invalid.set(Some(i18n.texts().period_invalid)),
            }
        }
    });
    view! {
        <div class="period-picker">
            <label class="inline-field">
                <span>{i18n.t(|t| t.period)}</span>
                <select data-testid="period-picker" on:change=move |ev| choice.set(event_target_value(&ev))>
                    {PeriodPreset::ALL
                        .iter()
                        .map(|p| {
                            let p = *p;
                            view! {
                                <option value=p.id() selected=p == PeriodPreset::ThisMonth>
                                    {move || text::period_preset(i18n, p)}
                                </option>
                            }
                        })
                        .collect_view()}
                    <option value="custom">{i18n.t(|t| t.period_custom)}</option>
                </select>
            </label>
            <Show when=move || choice.get() == "custom">
                <label class="inline-field">
                    <span>{i18n.t(|t| t.period_from)}</span>
                    <input type="date" data-testid="period-from" bind:value=from />
                </label>
                <label class="inline-field">
                    <span>{i18n.t(|t| t.period_to)}</span>
                    <input type="date" data-testid="period-to" bind:value=to />
                </label>
            </Show>
            <Show when=move || invalid.get().is_some()>
                <p class="field-error" role="alert" data-testid="period-invalid">{move || invalid.get()}</p>
            </Show>
        </div>
    }
}
