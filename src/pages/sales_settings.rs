//! Settings of the selling itself: who "me" is, the monthly sales target (pipeline
//! coverage reads it) and the pipeline's stages with their default win probabilities.
//! Parsing and rules live in `kpi::settings_input`.

use crate::lang::use_i18n;
use crate::state::{Command, NoticeId, Store};
use crate::{clock, text};
use kpi::settings_input::{SalesSettingsInput, SettingsError, StageInput};
use kpi::RecordKind;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn SalesSettings() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let form = RwSignal::new(SalesSettingsInput::default());
    let errors = RwSignal::new(Vec::<SettingsError>::new());
    // Refilled when the stored settings or reps change (a save here, another tab, a
    // restore) — not on every record change elsewhere, nor on a language switch, which
    // would wipe what is typed.
    let stored = Memo::new(move |_| {
        store
            .data
            .with(|d| SalesSettingsInput::from_data(d, store.locale_untracked()))
    });
    Effect::new(move |_| {
        form.set(stored.get());
        errors.set(Vec::new());
    });
    let error_of = move |field: String| {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| text::problem(i18n, e.problem))
        })
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = store
            .data
            .with_untracked(|d| form.with_untracked(|f| f.apply(d, store.locale(), clock::new_id)));
        match result {
            Ok(settings) => {
                if store.apply(Command::SetSettings(settings)).is_ok() {
                    store.notify(NoticeId::SettingsSaved, None, None);
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let reps = Memo::new(move |_| store.data.with(|d| d.choices(RecordKind::Rep)));
    // Rows are rebuilt when one is added, not on every keystroke.
    let stage_count = Memo::new(move |_| form.with(|f| f.stages.len()));
    view! {
        <section class="panel">
            <h2>{i18n.t(|t| t.sales_settings_title)}</h2>
            <form data-testid="sales-settings" on:submit=on_submit novalidate>
                <div class="form-grid">
                    <div class="field" class:invalid=move || error_of("me".into()).is_some()>
                        <label for="settings-me">{i18n.t(|t| t.settings_me)}</label>
                        <select
                            id="settings-me"
                            data-testid="settings-me"
                            aria-describedby="error-me"
                            on:change=move |ev| form.update(|f| f.me = event_target_value(&ev))
                        >
                            <option value="" selected=move || form.with(|f| f.me.is_empty())>
                                {i18n.t(|t| t.record_none)}
                            </option>
                            <For each=move || reps.get() key=|r| r.clone() let((id, name))>
                                <option value=id.clone() selected=move || form.with(|f| f.me == id)>{name}</option>
                            </For>
                        </select>
                        <p class="field-error" id="error-me" role="alert">{move || error_of("me".into())}</p>
                    </div>
                    <div class="field" class:invalid=move || error_of("monthly_target".into()).is_some()>
                        <label for="settings-target">{i18n.t(|t| t.settings_target)}</label>
                        <input
                            id="settings-target"
                            data-testid="settings-target"
                            inputmode="decimal"
                            aria-describedby="error-monthly_target"
                            aria-invalid=move || error_of("monthly_target".into()).is_some().then_some("true")
                            prop:value=move || form.with(|f| f.monthly_target.clone())
                            on:input=move |ev| form.update(|f| f.monthly_target = event_target_value(&ev))
                        />
                        <p class="field-error" id="error-monthly_target" role="alert" data-testid="field-error-monthly_target">
                            {move || error_of("monthly_target".into())}
                        </p>
                    </div>
                </div>
                <h3>{i18n.t(|t| t.settings_stages)}</h3>
                <p class="hint">{i18n.t(|t| t.settings_stages_hint)}</p>
                <p class="field-error" role="alert">{move || error_of("stages".into())}</p>
                <div class="stage-rows">
                    {move || {
                        (0..stage_count.get())
                            .map(|i| view! { <StageRow index=i form=form errors=errors /> })
                            .collect_view()
                    }}
                </div>
                <div class="actions">
                    <button
                        type="button"
                        data-testid="stage-add"
                        on:click=move |_| form.update(|f| f.stages.push(StageInput::default()))
                    >
                        {i18n.t(|t| t.settings_stage_add)}
                    </button>
                    <button type="submit" class="primary" data-testid="settings-save">{i18n.t(|t| t.save)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn StageRow(
    index: usize,
    form: RwSignal<SalesSettingsInput>,
    errors: RwSignal<Vec<SettingsError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move |what: &'static str| {
        let field = format!("stage-{index}-{what}");
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| text::problem(i18n, e.problem))
        })
    };
    let read = move |pick: fn(&StageInput) -> &String| {
        form.with(|f| f.stages.get(index).map(pick).cloned().unwrap_or_default())
    };
    // "Stage 2", "Win probability % 2": each row's inputs have their own name.
    let numbered = move |label: &str| format!("{label} {}", index + 1);
    let (name_id, probability_id) = (
        format!("stage-{index}-name"),
        format!("stage-{index}-probability"),
    );
    view! {
        <div class="stage-row" data-testid="stage-row">
            <div class="field" class:invalid=move || error("name").is_some()>
                <label for=name_id.clone()>{move || numbered(i18n.texts().settings_stage_name)}</label>
                <input
                    id=name_id.clone()
                    data-testid=name_id.clone()
                    aria-describedby=format!("error-{name_id}")
                    aria-invalid=move || error("name").is_some().then_some("true")
                    prop:value=move || read(|s| &s.name)
                    on:input=move |ev| form.update(|f| {
                        if let Some(s) = f.stages.get_mut(index) {
                            s.name = event_target_value(&ev);
                        }
                    })
                />
                <p class="field-error" id=format!("error-{name_id}") role="alert">{move || error("name")}</p>
            </div>
            <div class="field" class:invalid=move || error("probability").is_some()>
                <label for=probability_id.clone()>{move || numbered(i18n.texts().settings_stage_probability)}</label>
                <input
                    id=probability_id.clone()
                    data-testid=probability_id.clone()
                    aria-describedby=format!("error-{probability_id}")
                    aria-invalid=move || error("probability").is_some().then_some("true")
                    inputmode="numeric"
                    prop:value=move || read(|s| &s.probability)
                    on:input=move |ev| form.update(|f| {
                        if let Some(s) = f.stages.get_mut(index) {
                            s.probability = event_target_value(&ev);
                        }
                    })
                />
                <p class="field-error" id=format!("error-{probability_id}") role="alert">{move || error("probability")}</p>
            </div>
        </div>
    }
}
