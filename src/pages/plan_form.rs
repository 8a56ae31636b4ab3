//! The commission plan form. Parsing and validation happen in
//! `kpi::commission::PlanInput`; this only moves text in and out, one signal per field
//! and per row of the tier, bracket and bonus lists.

use crate::clock;
use crate::components::{focus_by_id, text_signal, SelectField, TextField};
use crate::lang::use_i18n;
use crate::state::{Command, Store};
use crate::text::{self, I18n};
use i18n::Texts;
use kpi::commission::input::{
    AcceleratorKind, DealBonusInput, GoalBonusInput, PlanError, PlanField, PlanKindId, StepInput,
    ThresholdUnit, QUOTA_TRIGGER,
};
use kpi::commission::PlanInput;
use kpi::forms::AnyRecord;
use kpi::{CommissionBasis, CommissionPlan, DealKind, Goal, Problem, RecordId, RecordKind};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// A tier or bracket row, or a bonus row (`a` = start or choice, `b` = rate or amount).
#[derive(Clone, Copy)]
pub struct Row {
    a: RwSignal<String>,
    b: RwSignal<String>,
}

impl Row {
    fn new(a: &str, b: &str) -> Self {
        Row {
            a: RwSignal::new(a.to_string()),
            b: RwSignal::new(b.to_string()),
        }
    }
    fn texts(&self) -> (String, String) {
        (self.a.get_untracked(), self.b.get_untracked())
    }
}

/// The plan form's state, as typed.
#[derive(Clone, Copy)]
pub struct PlanFormState {
    pub open: RwSignal<bool>,
    editing: RwSignal<Option<RecordId>>,
    title: RwSignal<String>,
    basis: RwSignal<String>,
    monthly_quota: RwSignal<String>,
    kind: RwSignal<String>,
    flat_rate: RwSignal<String>,
    tiers: RwSignal<Vec<Row>>,
    brackets: RwSignal<Vec<Row>>,
    bracket_unit: RwSignal<String>,
    accelerator: RwSignal<String>,
    accelerator_value: RwSignal<String>,
    goal_bonuses: RwSignal<Vec<Row>>,
    deal_bonuses: RwSignal<Vec<Row>>,
    cap: RwSignal<String>,
    reps: RwSignal<Vec<RecordId>>,
    errors: RwSignal<Vec<PlanError>>,
}

impl PlanFormState {
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        let rows = || RwSignal::new(Vec::new());
        Self {
            open: RwSignal::new(false),
            editing: RwSignal::new(None),
            title: text(),
            basis: text(),
            monthly_quota: text(),
            kind: text(),
            flat_rate: text(),
            tiers: rows(),
            brackets: rows(),
            bracket_unit: text(),
            accelerator: text(),
            accelerator_value: text(),
            goal_bonuses: rows(),
            deal_bonuses: rows(),
            cap: text(),
            reps: RwSignal::new(Vec::new()),
            errors: RwSignal::new(Vec::new()),
        }
    }

    pub fn start_new(&self) {
        self.fill(&PlanInput::default());
        self.editing.set(None);
        self.open.set(true);
        focus_by_id("plan-input-title");
    }

    pub fn start_edit(&self, store: &Store, plan: &CommissionPlan) {
        self.fill(&PlanInput::from_plan(
            plan,
            store.currency(),
            store.locale(),
        ));
        self.editing.set(Some(plan.id.clone()));
        self.open.set(true);
        focus_by_id("plan-input-title");
    }

    pub fn close(&self) {
        self.open.set(false);
        self.editing.set(None);
        self.errors.set(Vec::new());
    }

    fn fill(&self, input: &PlanInput) {
        let steps =
            |steps: &[StepInput]| steps.iter().map(|s| Row::new(&s.from, &s.rate)).collect();
        self.title.set(input.title.clone());
        self.basis.set(input.basis.id().to_string());
        self.monthly_quota.set(input.monthly_quota.clone());
        self.kind.set(input.kind.id().to_string());
        self.flat_rate.set(input.flat_rate.clone());
        self.tiers.set(steps(&input.tiers));
        self.brackets.set(steps(&input.brackets));
        self.bracket_unit.set(input.bracket_unit.id().to_string());
        self.accelerator.set(input.accelerator.id().to_string());
        self.accelerator_value.set(input.accelerator_value.clone());
        self.goal_bonuses.set(
            input
                .goal_bonuses
                .iter()
                .map(|b| Row::new(&b.trigger, &b.amount))
                .collect(),
        );
        self.deal_bonuses.set(
            input
                .deal_bonuses
                .iter()
                .map(|b| Row::new(b.kind.id(), &b.amount))
                .collect(),
        );
        self.cap.set(input.cap.clone());
        self.reps.set(input.rep_ids.clone());
        self.errors.set(Vec::new());
    }

    /// The form as typed.
    fn input(&self) -> PlanInput {
        let steps = |rows: RwSignal<Vec<Row>>| {
            rows.get_untracked()
                .iter()
                .map(|r| {
                    let (from, rate) = r.texts();
                    StepInput { from, rate }
                })
                .collect()
        };
        let pairs = |rows: RwSignal<Vec<Row>>| {
            rows.get_untracked()
                .iter()
                .map(Row::texts)
                .collect::<Vec<_>>()
        };
        PlanInput {
            title: self.title.get_untracked(),
            basis: CommissionBasis::from_id(&self.basis.get_untracked()).unwrap_or_default(),
            monthly_quota: self.monthly_quota.get_untracked(),
            kind: PlanKindId::from_id(&self.kind.get_untracked()).unwrap_or_default(),
            flat_rate: self.flat_rate.get_untracked(),
            tiers: steps(self.tiers),
            brackets: steps(self.brackets),
            bracket_unit: ThresholdUnit::from_id(&self.bracket_unit.get_untracked())
                .unwrap_or_default(),
            accelerator: AcceleratorKind::from_id(&self.accelerator.get_untracked())
                .unwrap_or_default(),
            accelerator_value: self.accelerator_value.get_untracked(),
            goal_bonuses: pairs(self.goal_bonuses)
                .into_iter()
                .map(|(trigger, amount)| GoalBonusInput { trigger, amount })
                .collect(),
            deal_bonuses: pairs(self.deal_bonuses)
                .into_iter()
                .map(|(kind, amount)| DealBonusInput {
                    kind: DealKind::from_id(&kind).unwrap_or_default(),
                    amount,
                })
                .collect(),
            cap: self.cap.get_untracked(),
            rep_ids: self.reps.get_untracked(),
        }
    }

    /// Validates and saves; on errors nothing is saved and the first wrong field gets
    /// the focus.
    fn submit(&self, store: &Store) {
        let input = self.input();
        let editing = self.editing.get_untracked();
        let result = store.data.with_untracked(|d| {
            input.into_plan(
                d,
                editing.as_deref(),
                clock::new_id(),
                clock::now(),
                store.today(),
                store.locale(),
            )
        });
        match result {
            Ok(plan) => {
                // A refused save (read-only data, saves paused) keeps the form open.
                if store
                    .apply(Command::SaveRecord(AnyRecord::CommissionPlan(plan)))
                    .is_ok()
                {
                    self.close();
                }
            }
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus_by_id(focus_target(first.field));
                }
                self.errors.set(errors);
            }
        }
    }
}

impl Default for PlanFormState {
    fn default() -> Self {
        Self::new()
    }
}

/// The input's id (and test id): `plan-input-` + the field id in kebab case.
fn input_id(field: PlanField) -> String {
    format!("plan-input-{}", field.id().replace('_', "-"))
}

/// Where the focus goes for a problem on `field`: its input, or for a whole list its
/// add button.
fn focus_target(field: PlanField) -> String {
    match field {
        PlanField::Tiers => "plan-tier-add".into(),
        PlanField::Brackets => "plan-bracket-add".into(),
        PlanField::Reps => "plan-reps".into(),
        _ => input_id(field),
    }
}

/// Which of the form's switchable fields are typed as percentages right now.
#[derive(Clone, Copy)]
struct InPercent {
    bracket_unit: bool,
    accelerator: bool,
}

/// The message for a problem on a plan field: rate and multiplier wording where the
/// generic one (about amounts) would mislead.
fn message(i18n: I18n, field: PlanField, problem: Problem, in_percent: InPercent) -> String {
    use PlanField::*;
    let t = i18n.texts();
    let percent = matches!(field, FlatRate | TierFrom(_) | TierRate(_) | BracketRate(_))
        || (matches!(field, BracketFrom(_)) && in_percent.bracket_unit)
        || (field == AcceleratorValue && in_percent.accelerator);
    let start = matches!(field, TierFrom(_) | BracketFrom(_));
    let text = match (problem, field) {
        (Problem::OutOfRange, _) if start => t.commission_error_not_increasing,
        (Problem::OutOfRange, AcceleratorValue) if !percent => t.commission_error_multiplier_range,
        (Problem::OutOfRange, _) if percent => t.commission_error_rate_range,
        (Problem::NotANumber, _) if percent => t.commission_error_percent,
        (Problem::NotANumber, AcceleratorValue) => t.commission_error_multiplier,
        (Problem::TooManyDecimals, _) if percent || field == AcceleratorValue => {
            t.commission_error_decimals
        }
        (Problem::Required, Tiers | Brackets) => t.commission_error_no_rows,
        (Problem::Required, GoalBonusTrigger(_)) => t.commission_error_goal_gone,
        (Problem::Conflict, DealBonusKind(_)) => t.commission_error_kind_twice,
        (Problem::Conflict, Reps) => t.commission_error_rep_gone,
        _ => return text::problem(i18n, problem),
    };
    text.to_string()
}

/// The error signal of one field.
fn error_of(form: PlanFormState, i18n: I18n, field: PlanField) -> Signal<Option<String>> {
    Signal::derive(move || {
        form.errors.with(|errors| {
            errors.iter().find(|e| e.field == field).map(|e| {
                let in_percent = InPercent {
                    bracket_unit: form
                        .bracket_unit
                        .with(|u| u == ThresholdUnit::Attainment.id()),
                    accelerator: form
                        .accelerator
                        .with(|a| a == AcceleratorKind::ExtraRate.id()),
                };
                message(i18n, field, e.problem, in_percent)
            })
        })
    })
}

/// Id choices with translated labels (`<prefix><id>`).
fn choices(
    i18n: I18n,
    prefix: &'static str,
    ids: Vec<&'static str>,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        ids.iter()
            .map(|id| (id.to_string(), text::label(i18n, prefix, id)))
            .collect()
    })
}

#[component]
pub fn PlanForm(form: PlanFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let label = move |pick: fn(&'static Texts) -> &'static str| text_signal(i18n, pick);
    let error = move |field: PlanField| error_of(form, i18n, field);
    let bases = choices(
        i18n,
        "commission_basis_",
        CommissionBasis::ALL.iter().map(|b| b.id()).collect(),
    );
    let kinds = choices(
        i18n,
        "commission_kind_",
        PlanKindId::ALL.iter().map(|k| k.id()).collect(),
    );
    let units = choices(
        i18n,
        "commission_unit_",
        ThresholdUnit::ALL.iter().map(|u| u.id()).collect(),
    );
    let accelerators = choices(
        i18n,
        "commission_accelerator_",
        AcceleratorKind::ALL.iter().map(|a| a.id()).collect(),
    );
    let deal_kinds = Signal::derive(move || {
        DealKind::ALL
            .iter()
            .map(|k| (k.id().to_string(), text::kind(i18n, *k)))
            .collect::<Vec<_>>()
    });
    let triggers = Signal::derive(move || {
        let mut options = vec![(
            QUOTA_TRIGGER.to_string(),
            i18n.texts().commission_trigger_quota.to_string(),
        )];
        store
            .data
            .with(|d| options.extend(d.live::<Goal>().map(|g| (g.id.clone(), g.title.clone()))));
        options
    });
    let is_kind = move |kind: PlanKindId| form.kind.with(|k| k == kind.id());
    let accelerator_label = Signal::derive(move || {
        if form
            .accelerator
            .with(|a| a == AcceleratorKind::Multiplier.id())
        {
            i18n.texts().commission_field_multiplier.to_string()
        } else {
            i18n.texts().commission_field_extra_rate.to_string()
        }
    });
    let bracket_from_label = Signal::derive(move || {
        if form.bracket_unit.with(|u| u == ThresholdUnit::Amount.id()) {
            i18n.texts().commission_field_from_amount.to_string()
        } else {
            i18n.texts().commission_field_from_attainment.to_string()
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(&store);
    };
    view! {
        <form class="plan-form no-print" data-testid="plan-form" on:submit=on_submit novalidate
            on:keydown=move |ev| if ev.key() == "Escape" { form.close() }
        >
            <h2>
                {move || if form.editing.with(Option::is_some) { i18n.texts().commission_edit_plan } else { i18n.texts().commission_new_plan }}
            </h2>
            <div class="form-grid">
                <TextField label=label(|t| t.commission_field_title) field="title" testid="plan-input-title" value=form.title error=error(PlanField::Title) />
                <SelectField label=label(|t| t.commission_field_basis) field="basis" testid="plan-input-basis" value=form.basis options=bases />
                <TextField label=label(|t| t.commission_field_quota) field="monthly_quota" testid="plan-input-monthly-quota" value=form.monthly_quota error=error(PlanField::MonthlyQuota) inputmode="decimal" />
                <SelectField label=label(|t| t.commission_field_kind) field="kind" testid="plan-input-kind" value=form.kind options=kinds />
            </div>
            <Show when=move || is_kind(PlanKindId::Flat)>
                <TextField label=label(|t| t.commission_field_rate) field="flat_rate" testid="plan-input-flat-rate" value=form.flat_rate error=error(PlanField::FlatRate) inputmode="decimal" />
            </Show>
            <Show when=move || is_kind(PlanKindId::Tiered)>
                <fieldset class="plan-rows" data-testid="plan-tiers">
                    <legend>{i18n.t(|t| t.commission_tiers)}</legend>
                    <p class="hint">{i18n.t(|t| t.commission_tiers_hint)}</p>
                    <Rows form=form rows=form.tiers name="tier" list=Some(PlanField::Tiers)
                        a_label=label(|t| t.commission_field_from_attainment) b_label=label(|t| t.commission_field_rate)
                        a_field=PlanField::TierFrom b_field=PlanField::TierRate a_options=None />
                </fieldset>
            </Show>
            <Show when=move || is_kind(PlanKindId::Marginal)>
                <fieldset class="plan-rows" data-testid="plan-brackets">
                    <legend>{i18n.t(|t| t.commission_brackets)}</legend>
                    <p class="hint">{i18n.t(|t| t.commission_brackets_hint)}</p>
                    <SelectField label=label(|t| t.commission_field_unit) field="bracket_unit" testid="plan-input-bracket-unit" value=form.bracket_unit options=units />
                    <Rows form=form rows=form.brackets name="bracket" list=Some(PlanField::Brackets)
                        a_label=bracket_from_label b_label=label(|t| t.commission_field_rate)
                        a_field=PlanField::BracketFrom b_field=PlanField::BracketRate a_options=None />
                </fieldset>
            </Show>
            <fieldset class="plan-rows">
                <legend>{i18n.t(|t| t.commission_extras)}</legend>
                <SelectField label=label(|t| t.commission_field_accelerator) field="accelerator" testid="plan-input-accelerator" value=form.accelerator options=accelerators />
                <Show when=move || form.accelerator.with(|a| a != AcceleratorKind::None.id())>
                    <TextField label=accelerator_label field="accelerator_value" testid="plan-input-accelerator-value" value=form.accelerator_value error=error(PlanField::AcceleratorValue) inputmode="decimal" />
                </Show>
                <h3>{i18n.t(|t| t.commission_goal_bonuses)}</h3>
                <Rows form=form rows=form.goal_bonuses name="goal-bonus" list=None
                    a_label=label(|t| t.commission_field_trigger) b_label=label(|t| t.commission_field_amount)
                    a_field=PlanField::GoalBonusTrigger b_field=PlanField::GoalBonusAmount a_options=Some(triggers) />
                <h3>{i18n.t(|t| t.commission_deal_bonuses)}</h3>
                <Rows form=form rows=form.deal_bonuses name="deal-bonus" list=None
                    a_label=label(|t| t.commission_field_deal_kind) b_label=label(|t| t.commission_field_amount)
                    a_field=PlanField::DealBonusKind b_field=PlanField::DealBonusAmount a_options=Some(deal_kinds) />
                <TextField label=label(|t| t.commission_field_cap) field="cap" testid="plan-input-cap" value=form.cap error=error(PlanField::Cap) inputmode="decimal" />
                <p class="hint">{i18n.t(|t| t.commission_cap_hint)}</p>
            </fieldset>
            <RepChoice form=form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="plan-save">{i18n.t(|t| t.save)}</button>
                <button type="button" data-testid="plan-cancel" on:click=move |_| form.close()>{i18n.t(|t| t.cancel)}</button>
            </div>
        </form>
    }
}

/// An editable list of two-field rows (tiers, brackets, bonuses) with add and remove
/// buttons. The first field is a text input, or a select when `a_options` is given.
#[component]
fn Rows(
    form: PlanFormState,
    rows: RwSignal<Vec<Row>>,
    /// For test ids: `plan-<name>-add`, `plan-<name>-remove-<row>`.
    name: &'static str,
    /// The list's own field, for "add at least one row" (`None`: it may be empty).
    list: Option<PlanField>,
    #[prop(into)] a_label: Signal<String>,
    #[prop(into)] b_label: Signal<String>,
    a_field: fn(usize) -> PlanField,
    b_field: fn(usize) -> PlanField,
    a_options: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let list_error = list.map(|list| (list, error_of(form, i18n, list)));
    let add = move |_| {
        let first = a_options
            .and_then(|o| o.with_untracked(|o| o.first().map(|(v, _)| v.clone())))
            .unwrap_or_default();
        rows.update(|r| r.push(Row::new(&first, "")));
        let row = rows.with_untracked(Vec::len) - 1;
        focus_by_id(input_id(a_field(row)));
    };
    let view_row = move |(index, row): (usize, Row)| {
        let (fa, fb) = (a_field(index), b_field(index));
        let first = match a_options {
            Some(options) => view! {
                <SelectField label=a_label field=fa.id() testid=input_id(fa) value=row.a options=options error=error_of(form, i18n, fa) />
            }
            .into_any(),
            None => view! {
                <TextField label=a_label field=fa.id() testid=input_id(fa) value=row.a error=error_of(form, i18n, fa) inputmode="decimal" />
            }
            .into_any(),
        };
        view! {
            <div class="plan-row" data-testid=format!("plan-{name}-row")>
                {first}
                <TextField label=b_label field=fb.id() testid=input_id(fb) value=row.b error=error_of(form, i18n, fb) inputmode="decimal" />
                <button type="button" class="remove" data-testid=format!("plan-{name}-remove-{index}")
                    aria-label=move || format!("{} {}", i18n.texts().commission_remove_row, index + 1)
                    on:click=move |_| rows.update(|r| { if index < r.len() { r.remove(index); } })
                >
                    "×"
                </button>
            </div>
        }
    };
    view! {
        <div class="plan-row-list">
            {move || rows.get().into_iter().enumerate().map(view_row).collect_view()}
        </div>
        {list_error.map(|(list, e)| view! {
            <Show when=move || e.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid=format!("field-error-{}", list.id())>{move || e.get()}</p>
            </Show>
        })}
        <button type="button" id=format!("plan-{name}-add") data-testid=format!("plan-{name}-add") on:click=add>
            {i18n.t(|t| t.commission_add_row)}
        </button>
    }
}

/// Which reps the plan is for: none ticked = everyone.
#[component]
fn RepChoice(form: PlanFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let reps = Memo::new(move |_| store.data.with(|d| d.choices(RecordKind::Rep)));
    let error = error_of(form, i18n, PlanField::Reps);
    view! {
        <fieldset class="plan-rows" id="plan-reps" tabindex="-1" data-testid="plan-reps">
            <legend>{i18n.t(|t| t.commission_reps)}</legend>
            <p class="hint">{i18n.t(|t| t.commission_reps_hint)}</p>
            <For each=move || reps.get() key=|(id, name)| (id.clone(), name.clone()) let((id, name))>
                {
                    let (check_id, toggle_id) = (id.clone(), id.clone());
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid=format!("plan-rep-{id}")
                                prop:checked=move || form.reps.with(|r| r.contains(&check_id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.reps.update(|r| {
                                        r.retain(|x| x != &toggle_id);
                                        if on { r.push(toggle_id.clone()); }
                                    });
                                }
                            />
                            {name}
                        </label>
                    }
                }
            </For>
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid="field-error-reps">{move || error.get()}</p>
            </Show>
        </fieldset>
    }
}
