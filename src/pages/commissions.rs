//! The commissions page: the plans (list and editor), a rep's statement for a period
//! with a print button, and the what-if of closing open deals. Every figure comes
//! from `kpi::commission`.

use crate::components::SelectField;
use crate::lang::{set_page_title, use_i18n};
use crate::pages::commission_statement::{StatementView, WhatIfView};
use crate::pages::dashboard_pickers::PeriodPicker;
use crate::pages::plan_form::{PlanForm, PlanFormState};
use crate::state::{Pending, Store};
use crate::text::{self, I18n};
use kpi::commission::{percent_text, plans_for};
use kpi::{CommissionPlan, Period, PeriodPreset, PlanKind, RecordKind};
use leptos::prelude::*;

#[component]
pub fn Commissions() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.nav_commissions);
    let form = PlanFormState::new();
    let plans = Memo::new(move |_| {
        store.data.with(|d| {
            let mut plans: Vec<CommissionPlan> = d.live::<CommissionPlan>().cloned().collect();
            plans.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
            plans
        })
    });
    view! {
        <section class="page commissions">
            <div class="page-head no-print">
                <h1>{i18n.t(|t| t.commission_title)}</h1>
                <button class="primary" data-testid="plan-new" on:click=move |_| form.start_new()>
                    {i18n.t(|t| t.commission_new_plan)}
                </button>
            </div>
            <Show when=move || form.open.get()>
                <PlanForm form=form />
            </Show>
            <section class="panel no-print" aria-labelledby="plans-heading">
                <h2 id="plans-heading">{i18n.t(|t| t.commission_plans)}</h2>
                <Show
                    when=move || plans.with(|p| !p.is_empty())
                    fallback=move || view! { <p class="hint" data-testid="plans-empty">{i18n.t(|t| t.commission_plans_empty)}</p> }
                >
                    <ul class="plan-list">
                        <For each=move || plans.get() key=|p| (p.id.clone(), p.updated_at) let(plan)>
                            <PlanRow plan=plan form=form />
                        </For>
                    </ul>
                </Show>
            </section>
            <RepStatement />
        </section>
    }
}

/// One plan in the list: its name, what kind it is, for whom, and its actions.
#[component]
fn PlanRow(plan: CommissionPlan, form: PlanFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let (edit, delete) = (plan.clone(), plan.clone());
    let summary = {
        let plan = plan.clone();
        move || summary(i18n, store, &plan)
    };
    let named = move |pick: fn(&'static i18n::Texts) -> &'static str, title: String| {
        move || format!("{} – {title}", pick(i18n.texts()))
    };
    view! {
        <li class="deal-row" data-testid="plan-row" data-plan-id=plan.id.clone() data-plan-kind=kind_id(&plan.kind)>
            <div class="deal-head">
                <span class="deal-title" data-testid="plan-row-title">{plan.title.clone()}</span>
            </div>
            <div class="deal-meta">{summary}</div>
            <div class="row-actions">
                <button data-testid="plan-edit" aria-label=named(|t| t.action_edit, plan.title.clone())
                    on:click=move |_| form.start_edit(&store, &edit)>
                    {i18n.t(|t| t.action_edit)}
                </button>
                <button class="danger" data-testid="plan-delete" aria-label=named(|t| t.action_delete, plan.title.clone())
                    on:click=move |_| store.ask(Pending::DeleteRecord {
                        kind: RecordKind::CommissionPlan,
                        id: delete.id.clone(),
                        title: delete.title.clone(),
                    })>
                    {i18n.t(|t| t.action_delete)}
                </button>
            </div>
        </li>
    }
}

fn kind_id(kind: &PlanKind) -> &'static str {
    match kind {
        PlanKind::Flat { .. } => "flat",
        PlanKind::Tiered { .. } => "tiered",
        PlanKind::Marginal { .. } => "marginal",
    }
}

/// "Tiered, 3 rows · quota 10,000.00 € per month · won amount · every rep".
fn summary(i18n: I18n, store: Store, plan: &CommissionPlan) -> String {
    let t = i18n.texts();
    let kind = match &plan.kind {
        PlanKind::Flat { rate_bp } => i18n::fill(
            t.commission_summary_flat,
            &[("rate", &percent_text(*rate_bp, store.locale()))],
        ),
        PlanKind::Tiered { tiers } => i18n::fill(
            t.commission_summary_tiered,
            &[("count", &tiers.len().to_string())],
        ),
        PlanKind::Marginal { brackets } => i18n::fill(
            t.commission_summary_marginal,
            &[("count", &brackets.len().to_string())],
        ),
    };
    let quota = i18n::fill(
        t.commission_summary_quota,
        &[(
            "amount",
            &plan.monthly_quota.format(store.currency(), store.locale()),
        )],
    );
    let basis = text::label(i18n, "commission_basis_", plan.basis.id());
    let reps = if plan.rep_ids.is_empty() {
        t.commission_everyone.to_string()
    } else {
        store.data.with(|d| {
            plan.rep_ids
                .iter()
                .filter_map(|id| d.rep_name(Some(id)))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    format!("{kind} · {quota} · {basis} · {reps}")
}

/// The statement of the chosen rep, period and plan, and the what-if under it.
#[component]
fn RepStatement() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let period = RwSignal::new(PeriodPreset::ThisMonth.resolve(store.today()));
    let reps = Signal::derive(move || store.data.with(|d| d.choices(RecordKind::Rep)));
    // Me first, else the first rep by name.
    let rep = RwSignal::new(store.data.with_untracked(|d| {
        d.settings
            .me
            .clone()
            .filter(|me| d.rep_name(Some(me)).is_some())
            .or_else(|| d.choices(RecordKind::Rep).first().map(|(id, _)| id.clone()))
            .unwrap_or_default()
    }));
    let plan_choice = RwSignal::new(String::new());
    let plans = Signal::derive(move || {
        let rep = rep.get();
        store.data.with(|d| {
            plans_for(d, &rep)
                .into_iter()
                .map(|p| (p.id.clone(), p.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The chosen plan if it applies to the rep, else the rep's first plan.
    let plan = Memo::new(move |_| {
        let choice = plan_choice.get();
        plans.with(|p| {
            p.iter()
                .find(|(id, _)| *id == choice)
                .or(p.first())
                .map(|(id, _)| id.clone())
        })
    });
    Effect::new(move |_| {
        if let Some(id) = plan.get() {
            if plan_choice.get_untracked() != id {
                plan_choice.set(id);
            }
        }
    });
    let chosen: Signal<Option<(String, String, Period)>> =
        Signal::derive(move || plan.get().map(|p| (p, rep.get(), period.get())));
    view! {
        <section class="panel statement-panel" aria-labelledby="statement-heading">
            <h2 id="statement-heading" class="no-print">{i18n.t(|t| t.commission_statement)}</h2>
            <div class="statement-pickers no-print">
                <Show
                    when=move || reps.with(|r| !r.is_empty())
                    fallback=move || view! { <p class="hint" data-testid="statement-no-reps">{i18n.t(|t| t.commission_no_reps)}</p> }
                >
                    <SelectField label=Signal::derive(move || i18n.texts().commission_rep.to_string()) field="statement_rep" testid="statement-rep" value=rep options=reps />
                </Show>
                <SelectField label=Signal::derive(move || i18n.texts().commission_plan.to_string()) field="statement_plan" testid="statement-plan" value=plan_choice options=plans />
                <PeriodPicker period=period />
            </div>
            <Show
                when=move || chosen.with(Option::is_some)
                fallback=move || view! { <p class="hint" data-testid="statement-no-plan">{i18n.t(|t| t.commission_no_plan)}</p> }
            >
                <StatementView chosen=chosen />
                <WhatIfView chosen=chosen />
            </Show>
        </section>
    }
}
