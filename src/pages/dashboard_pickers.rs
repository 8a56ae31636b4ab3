//! The dashboard's two questions: whose numbers (me, a rep, a team, everyone) and for
//! which period (a preset or a custom range).

use crate::lang::use_i18n;
use crate::state::Store;
use crate::text;
use kpi::custom_range::{custom_range, RangeError, RangeField};
use kpi::{Period, PeriodPreset, Problem, Scope};
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

/// The period to show: a preset, or a custom range read by [`custom_range`]. While the
/// custom dates cannot be used, the problem is shown at the field that has it and
/// `stale` (if given) is true: the numbers are still those of the last good range.
#[component]
pub fn PeriodPicker(
    period: RwSignal<Period>,
    #[prop(optional)] stale: Option<RwSignal<bool>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let choice = RwSignal::new(PeriodPreset::ThisMonth.id().to_string());
    let from = RwSignal::new(period.get_untracked().start.to_string());
    let to = RwSignal::new(period.get_untracked().end.to_string());
    // `Some(problem)` while the custom range cannot be used.
    let invalid = RwSignal::new(None::<RangeError>);
    Effect::new(move |_| {
        let picked = choice.get();
        let result = match PeriodPreset::from_id(&picked) {
            Some(preset) => Ok(preset.resolve(store.today())),
            None => custom_range(&from.get(), &to.get(), store.today()),
        };
        let problem = result.as_ref().err().copied();
        if let Ok(chosen) = result {
            period.set(chosen);
        }
        invalid.set(problem);
        if let Some(stale) = stale {
            stale.set(problem.is_some());
        }
    });
    let message = move || {
        invalid.get().map(|e| match e.problem {
            Problem::DateOrder => i18n.texts().period_invalid.to_string(),
            Problem::OutOfRange => i18n.texts().period_too_long.to_string(),
            other => text::problem(i18n, other),
        })
    };
    let wrong = move |field: RangeField| invalid.with(|e| e.is_some_and(|e| e.field == field));
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
                    <input
                        type="date"
                        data-testid="period-from"
                        bind:value=from
                        aria-invalid=move || wrong(RangeField::Start).then_some("true")
                        aria-describedby=move || wrong(RangeField::Start).then_some("period-invalid")
                    />
                </label>
                <label class="inline-field">
                    <span>{i18n.t(|t| t.period_to)}</span>
                    <input
                        type="date"
                        data-testid="period-to"
                        bind:value=to
                        aria-invalid=move || wrong(RangeField::End).then_some("true")
                        aria-describedby=move || wrong(RangeField::End).then_some("period-invalid")
                    />
                </label>
            </Show>
            <Show when=move || invalid.get().is_some()>
                <p class="field-error" role="alert" id="period-invalid" data-testid="period-invalid">{message}</p>
            </Show>
        </div>
    }
}
