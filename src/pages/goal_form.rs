//! The goal form: one fieldset per SMART step. Parsing and validation happen in
//! `kpi::goals::GoalInput`; this only moves text in and out and shows the baseline.

use crate::components::{field_error, focus_by_id, text_signal, DateField, SelectField, TextField};
use crate::lang::use_i18n;
use crate::state::{Command, Store};
use crate::{clock, format, text};
use i18n::Texts;
use kpi::forms::AnyRecord;
use kpi::goals::{assess, measure_value, GoalError, GoalField, GoalInput, TargetKind};
use kpi::{Goal, Measure, PeriodKind, RecordId, Recurrence, Rep, Team};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

pub(crate) const PERIOD_KINDS: [(PeriodKind, &str); 5] = [
    (PeriodKind::Week, "week"),
    (PeriodKind::Month, "month"),
    (PeriodKind::Quarter, "quarter"),
    (PeriodKind::Year, "year"),
    (PeriodKind::Custom, "custom"),
];

/// The goal form's state: one signal per field, as typed.
#[derive(Clone, Copy)]
pub struct GoalFormState {
    pub open: RwSignal<bool>,
    editing: RwSignal<Option<RecordId>>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    measure: RwSignal<String>,
    target_kind: RwSignal<String>,
    target: RwSignal<String>,
    period_kind: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    owner: RwSignal<String>,
    parent_id: RwSignal<String>,
    weight: RwSignal<String>,
    recurrence: RwSignal<String>,
    errors: RwSignal<Vec<GoalError>>,
}

impl GoalFormState {
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            open: RwSignal::new(false),
            editing: RwSignal::new(None),
            title: text(),
            description: text(),
            measure: text(),
            target_kind: text(),
            target: text(),
            period_kind: text(),
            start: text(),
            end: text(),
            owner: text(),
            parent_id: text(),
            weight: text(),
            recurrence: text(),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// An empty form: this month's company revenue, starting today.
    pub fn start_new(&self, store: &Store) {
        self.fill(&GoalInput {
            start: store.today().to_string(),
            ..GoalInput::default()
        });
        self.editing.set(None);
        self.open.set(true);
        focus_by_id("goal-input-title");
    }

    pub fn start_edit(&self, store: &Store, goal: &Goal) {
        let input = store
            .data
            .with_untracked(|d| GoalInput::from_goal(goal, d, store.locale()));
        self.fill(&input);
        self.editing.set(Some(goal.id.clone()));
        self.open.set(true);
        focus_by_id("goal-input-title");
    }

    pub fn close(&self) {
        self.open.set(false);
        self.editing.set(None);
        self.errors.set(Vec::new());
    }

    fn fill(&self, input: &GoalInput) {
        self.title.set(input.title.clone());
        self.description.set(input.description.clone());
        self.measure.set(text::measure_key(input.measure));
        self.target_kind.set(input.target_kind.id().to_string());
        self.target.set(input.target.clone());
        let kind = PERIOD_KINDS.iter().find(|(k, _)| *k == input.period_kind);
        self.period_kind
            .set(kind.map_or("month", |k| k.1).to_string());
        self.start.set(input.start.clone());
        self.end.set(input.end.clone());
        self.owner.set(text::owner_key(&input.owner));
        self.parent_id.set(input.parent_id.clone());
        self.weight.set(input.weight.clone());
        self.recurrence.set(input.recurrence.id().to_string());
        self.errors.set(Vec::new());
    }

    /// The form as typed (tracked: the baseline read-out follows every change).
    fn input(&self) -> GoalInput {
        let kind = self.period_kind.get();
        GoalInput {
            title: self.title.get(),
            description: self.description.get(),
            measure: text::measure_from_key(&self.measure.get())
                .unwrap_or(Measure::Kpi(kpi::KpiId::Revenue)),
            target_kind: TargetKind::from_id(&self.target_kind.get())
                .unwrap_or(TargetKind::Absolute),
            target: self.target.get(),
            period_kind: PERIOD_KINDS
                .iter()
                .find(|(_, id)| *id == kind)
                .map_or(PeriodKind::Month, |k| k.0),
            start: self.start.get(),
            end: self.end.get(),
            owner: text::owner_from_key(&self.owner.get()),
            parent_id: self.parent_id.get(),
            weight: self.weight.get(),
            recurrence: Recurrence::from_id(&self.recurrence.get()).unwrap_or(Recurrence::None),
        }
    }

    /// Validates and saves; on errors nothing is saved and the first wrong field gets
    /// the focus. Returns the saved goal's id.
    fn submit(&self, store: &Store) -> Option<RecordId> {
        let input = untrack(|| self.input());
        let editing = self.editing.get_untracked();
        let result = store.data.with_untracked(|d| {
            input.into_goal(
                d,
                editing.as_deref(),
                clock::new_id(),
                clock::now(),
                store.today(),
                store.locale(),
            )
        });
        match result {
            Ok(goal) => {
                let id = goal.id.clone();
                // A refused save (read-only data, saves paused) keeps the form open.
                store
                    .apply(Command::SaveRecord(AnyRecord::Goal(goal)))
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
}

impl Default for GoalFormState {
    fn default() -> Self {
        Self::new()
    }
}

/// The id (and test id) of each field's input.
fn input_id(field: GoalField) -> &'static str {
    match field {
        GoalField::Title => "goal-input-title",
        GoalField::Measure => "goal-input-measure",
        GoalField::TargetKind => "goal-input-target-kind",
        GoalField::Target => "goal-input-target",
        GoalField::Start => "goal-input-start",
        GoalField::End => "goal-input-end",
        GoalField::Owner => "goal-input-owner",
        GoalField::ParentId => "goal-input-parent",
        GoalField::Weight => "goal-input-weight",
    }
}

#[component]
pub fn GoalForm(form: GoalFormState, on_saved: impl Fn(RecordId) + 'static) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let error = move |field: GoalField| {
        field_error(i18n, form.errors, field, |e: &GoalError| {
            (e.field, e.problem)
        })
    };
    let label = move |pick: fn(&'static Texts) -> &'static str| text_signal(i18n, pick);
    let choices = move |prefix: &'static str, ids: Vec<&'static str>| {
        Signal::derive(move || {
            ids.iter()
                .map(|id| (id.to_string(), text::label(i18n, prefix, id)))
                .collect::<Vec<_>>()
        })
    };
    let measures = Signal::derive(move || text::measure_options(i18n));
    let owners = Signal::derive(move || {
        store.data.with(|d| {
            let mut options = vec![(
                "company".to_string(),
                i18n.texts().goal_owner_company.to_string(),
            )];
            options.extend(
                d.live::<Team>()
                    .map(|t| (format!("team:{}", t.id), t.name.clone())),
            );
            options.extend(
                d.live::<Rep>()
                    .map(|r| (format!("rep:{}", r.id), r.name.clone())),
            );
            options
        })
    });
    let parents = Signal::derive(move || {
        let editing = form.editing.get();
        store.data.with(|d| {
            let mut options = vec![(String::new(), i18n.texts().record_none.to_string())];
            options.extend(
                d.live::<Goal>()
                    .filter(|g| Some(&g.id) != editing.as_ref())
                    .map(|g| {
                        (
                            g.id.clone(),
                            format!("{} ({})", g.title, text::owner(i18n, d, &g.owner)),
                        )
                    }),
            );
            options
        })
    });
    let kinds = choices(
        "goal_target_kind_",
        TargetKind::ALL.iter().map(|k| k.id()).collect(),
    );
    let periods = choices(
        "goal_period_kind_",
        PERIOD_KINDS.iter().map(|k| k.1).collect(),
    );
    let recurrences = choices(
        "goal_recurrence_",
        Recurrence::ALL.iter().map(|r| r.id()).collect(),
    );
    // "Achievable": the baseline of the measure for this owner over the previous
    // period, and whether the target is an unusual jump from it — live as typed.
    let achievable = Memo::new(move |_| {
        let input = form.input();
        let editing = form.editing.get();
        let unit = input.measure.unit();
        store.data.with(|d| {
            let today = store.today();
            match input.into_goal(
                d,
                editing.as_deref(),
                String::new(),
                clock::now(),
                today,
                store.locale(),
            ) {
                Ok(goal) => {
                    let a = assess(d, &goal, today);
                    Some((a.baseline, a.unusual_jump, unit))
                }
                Err(_) => input.period().ok().map(|period| {
                    let scope = input.owner.scope();
                    (
                        measure_value(d, input.measure, &scope, period.previous(), today),
                        false,
                        unit,
                    )
                }),
            }
        })
    });
    let baseline_text = move || {
        achievable.get().map_or_else(
            || i18n.texts().goal_baseline_unknown.to_string(),
            |(baseline, _, unit)| {
                let (shown, _) =
                    format::goal_text(i18n, baseline, unit, store.currency(), store.locale());
                i18n::fill(i18n.texts().goal_baseline_text, &[("value", &shown)])
            },
        )
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(id) = form.submit(&store) {
            on_saved(id);
        }
    };
    view! {
        <form class="goal-form" data-testid="goal-form" on:submit=on_submit novalidate
            on:keydown=move |ev| if ev.key() == "Escape" { form.close() }
        >
            <h2>
                {move || if form.editing.with(Option::is_some) { i18n.texts().goal_edit_title } else { i18n.texts().goal_new_title }}
            </h2>
            <fieldset data-testid="goal-step-specific">
                <legend>{i18n.t(|t| t.goal_step_specific)}</legend>
                <TextField label=label(|t| t.goal_field_title) field="title" testid="goal-input-title" value=form.title error=error(GoalField::Title) />
                <TextField label=label(|t| t.goal_field_description) field="description" testid="goal-input-description" value=form.description error=Signal::derive(|| None::<String>) />
            </fieldset>
            <fieldset data-testid="goal-step-measurable">
                <legend>{i18n.t(|t| t.goal_step_measurable)}</legend>
                <SelectField label=label(|t| t.goal_field_measure) field="measure" testid="goal-input-measure" value=form.measure options=measures error=error(GoalField::Measure) />
                <SelectField label=label(|t| t.goal_field_target_kind) field="target_kind" testid="goal-input-target-kind" value=form.target_kind options=kinds error=error(GoalField::TargetKind) />
                <TextField label=label(|t| t.goal_field_target) field="target" testid="goal-input-target" value=form.target error=error(GoalField::Target) inputmode="decimal" />
            </fieldset>
            <fieldset data-testid="goal-step-achievable">
                <legend>{i18n.t(|t| t.goal_step_achievable)}</legend>
                <SelectField label=label(|t| t.goal_field_owner) field="owner" testid="goal-input-owner" value=form.owner options=owners error=error(GoalField::Owner) />
                <p class="hint" data-testid="goal-baseline-preview">{baseline_text}</p>
                <Show when=move || achievable.get().is_some_and(|a| a.1)>
                    <p class="goal-warning" data-testid="goal-form-jump-warning">{i18n.t(|t| t.goal_jump_warning)}</p>
                </Show>
            </fieldset>
            <fieldset data-testid="goal-step-relevant">
                <legend>{i18n.t(|t| t.goal_step_relevant)}</legend>
                <SelectField label=label(|t| t.goal_field_parent) field="parent_id" testid="goal-input-parent" value=form.parent_id options=parents error=error(GoalField::ParentId) />
                <TextField label=label(|t| t.goal_field_weight) field="weight" testid="goal-input-weight" value=form.weight error=error(GoalField::Weight) inputmode="numeric" />
            </fieldset>
            <fieldset data-testid="goal-step-time-bound">
                <legend>{i18n.t(|t| t.goal_step_time_bound)}</legend>
                <SelectField label=label(|t| t.goal_field_period_kind) field="period_kind" testid="goal-input-period-kind" value=form.period_kind options=periods />
                <DateField label=label(|t| t.goal_field_start) field="start" testid="goal-input-start" value=form.start error=error(GoalField::Start) />
                <Show when=move || form.period_kind.with(|k| k == "custom")>
                    <DateField label=label(|t| t.goal_field_end) field="end" testid="goal-input-end" value=form.end error=error(GoalField::End) />
                </Show>
                <SelectField label=label(|t| t.goal_field_recurrence) field="recurrence" testid="goal-input-recurrence" value=form.recurrence options=recurrences />
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" data-testid="goal-save">{i18n.t(|t| t.save)}</button>
                <button type="button" data-testid="goal-cancel" on:click=move |_| form.close()>{i18n.t(|t| t.cancel)}</button>
            </div>
        </form>
    }
}
