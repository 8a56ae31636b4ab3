//! The contest form. Parsing and validation happen in `kpi::contest_input`; this only
//! moves text in and out.

use crate::components::{field_error, focus_by_id, text_signal, DateField, SelectField, TextField};
use crate::lang::use_i18n;
use crate::pages::goal_form::PERIOD_KINDS;
use crate::state::{Command, Store};
use crate::{clock, text};
use i18n::Texts;
use kpi::contest_input::{ContestError, ContestField, ContestInput};
use kpi::forms::AnyRecord;
use kpi::{Contest, KpiId, Measure, PeriodKind, RecordId, Rep};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The contest form's state: one signal per field, as typed.
#[derive(Clone, Copy)]
pub struct ContestFormState {
    pub open: RwSignal<bool>,
    editing: RwSignal<Option<RecordId>>,
    title: RwSignal<String>,
    measure: RwSignal<String>,
    period_kind: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    participants: RwSignal<Vec<RecordId>>,
    reward: RwSignal<String>,
    errors: RwSignal<Vec<ContestError>>,
}

impl ContestFormState {
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            open: RwSignal::new(false),
            editing: RwSignal::new(None),
            title: text(),
            measure: text(),
            period_kind: text(),
            start: text(),
            end: text(),
            participants: RwSignal::new(Vec::new()),
            reward: text(),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// An empty form: revenue this month, everyone.
    pub fn start_new(&self, store: &Store) {
        self.fill(&ContestInput::new_on(store.today()));
        self.editing.set(None);
        self.open.set(true);
        focus_by_id("contest-input-title");
    }

    pub fn start_edit(&self, contest: &Contest) {
        self.fill(&ContestInput::from_contest(contest));
        self.editing.set(Some(contest.id.clone()));
        self.open.set(true);
        focus_by_id("contest-input-title");
    }

    pub fn close(&self) {
        self.open.set(false);
        self.editing.set(None);
        self.errors.set(Vec::new());
    }

    fn fill(&self, input: &ContestInput) {
        self.title.set(input.title.clone());
        self.measure.set(text::measure_key(input.measure));
        let kind = PERIOD_KINDS.iter().find(|(k, _)| *k == input.period_kind);
        self.period_kind
            .set(kind.map_or("month", |k| k.1).to_string());
        self.start.set(input.start.clone());
        self.end.set(input.end.clone());
        self.participants.set(input.participants.clone());
        self.reward.set(input.reward.clone());
        self.errors.set(Vec::new());
    }

    fn input(&self) -> ContestInput {
        let kind = self.period_kind.get_untracked();
        ContestInput {
            title: self.title.get_untracked(),
            measure: text::measure_from_key(&self.measure.get_untracked())
                .unwrap_or(Measure::Kpi(KpiId::Revenue)),
            period_kind: PERIOD_KINDS
                .iter()
                .find(|(_, id)| *id == kind)
                .map_or(PeriodKind::Month, |k| k.0),
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            participants: self.participants.get_untracked(),
            reward: self.reward.get_untracked(),
        }
    }

    /// Validates and saves; on errors nothing is saved and the first wrong field gets
    /// the focus. Returns the saved contest's id.
    fn submit(&self, store: &Store) -> Option<RecordId> {
        let input = self.input();
        let editing = self.editing.get_untracked();
        let result = store.data.with_untracked(|d| {
            input.into_contest(
                d,
                editing.as_deref(),
                clock::new_id(),
                clock::now(),
                store.today(),
            )
        });
        match result {
            Ok(contest) => {
                let id = contest.id.clone();
                // A refused save (read-only data, saves paused) keeps the form open.
                store
                    .apply(Command::SaveRecord(AnyRecord::Contest(contest)))
                    .ok()?;
                self.close();
                Some(id)
            }
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus_by_id(input_id(first.field));
                }
                self.errors.set(errors);
                None
            }
        }
    }

    fn toggle(&self, rep: &str, on: bool) {
        self.participants.update(|list| {
            list.retain(|r| r != rep);
            if on {
                list.push(rep.to_owned());
            }
        });
    }
}

impl Default for ContestFormState {
    fn default() -> Self {
        Self::new()
    }
}

/// The id (and test id) of each field's input.
fn input_id(field: ContestField) -> &'static str {
    match field {
        ContestField::Title => "contest-input-title",
        ContestField::Measure => "contest-input-measure",
        ContestField::Start => "contest-input-start",
        ContestField::End => "contest-input-end",
        ContestField::Participants => "contest-input-participants",
        ContestField::Reward => "contest-input-reward",
    }
}

#[component]
pub fn ContestForm(form: ContestFormState, on_saved: impl Fn(RecordId) + 'static) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let error = move |field: ContestField| {
        field_error(i18n, form.errors, field, |e: &ContestError| {
            (e.field, e.problem)
        })
    };
    let label = move |pick: fn(&'static Texts) -> &'static str| text_signal(i18n, pick);
    let measures = Signal::derive(move || text::measure_options(i18n));
    let periods = Signal::derive(move || {
        PERIOD_KINDS
            .iter()
            .map(|(_, id)| (id.to_string(), text::label(i18n, "goal_period_kind_", id)))
            .collect::<Vec<_>>()
    });
    let reps = Memo::new(move |_| {
        store.data.with(|d| {
            d.live::<Rep>()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let participants_error = error(ContestField::Participants);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(id) = form.submit(&store) {
            on_saved(id);
        }
    };
    view! {
        <form class="contest-form" data-testid="contest-form" on:submit=on_submit novalidate
            on:keydown=move |ev| if ev.key() == "Escape" { form.close() }
        >
            <h2>
                {move || if form.editing.with(Option::is_some) { i18n.texts().contest_edit_title } else { i18n.texts().contest_new_title }}
            </h2>
            <div class="form-grid">
                <TextField label=label(|t| t.contest_field_title) field="title" testid="contest-input-title" value=form.title error=error(ContestField::Title) />
                <SelectField label=label(|t| t.contest_field_measure) field="measure" testid="contest-input-measure" value=form.measure options=measures error=error(ContestField::Measure) />
                <SelectField label=label(|t| t.contest_field_period) field="period_kind" testid="contest-input-period-kind" value=form.period_kind options=periods />
                <DateField label=label(|t| t.contest_field_start) field="start" testid="contest-input-start" value=form.start error=error(ContestField::Start) />
                <Show when=move || form.period_kind.with(|k| k == "custom")>
                    <DateField label=label(|t| t.contest_field_end) field="end" testid="contest-input-end" value=form.end error=error(ContestField::End) />
                </Show>
                <TextField label=label(|t| t.contest_field_reward) field="reward" testid="contest-input-reward" value=form.reward error=error(ContestField::Reward) />
            </div>
            <fieldset
                id="contest-input-participants"
                tabindex="-1"
                data-testid="contest-input-participants"
                aria-describedby=move || participants_error.with(Option::is_some).then_some("error-participants")
            >
                <legend>{i18n.t(|t| t.contest_field_participants)}</legend>
                <p class="hint">{i18n.t(|t| t.contest_participants_hint)}</p>
                <For each=move || reps.get() key=|rep| rep.clone() let((id, name))>
                    {
                        let checked = {
                            let id = id.clone();
                            move || form.participants.with(|p| p.contains(&id))
                        };
                        let rep = id.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid="contest-participant"
                                    data-rep-id=id
                                    prop:checked=checked
                                    on:change=move |ev| form.toggle(&rep, event_target_checked(&ev))
                                />
                                {name}
                            </label>
                        }
                    }
                </For>
                <Show when=move || participants_error.with(Option::is_some)>
                    <p class="field-error" id="error-participants" data-testid="field-error-participants" role="alert">
                        {move || participants_error.get()}
                    </p>
                </Show>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" data-testid="contest-save">{i18n.t(|t| t.save)}</button>
                <button type="button" data-testid="contest-cancel" on:click=move |_| form.close()>{i18n.t(|t| t.cancel)}</button>
            </div>
        </form>
    }
}
