//! The goals page: every goal grouped by owner (company, each team, each rep), the
//! most pressing status first; the SMART form, cascades, burn-up charts and the
//! explanation of a miss.

use crate::charts::{BurnUpChart, BurnUpSeries};
use crate::components::{status_id, EmptyState, GoalCard};
use crate::lang::{set_page_title, use_i18n};
use crate::pages::goal_cascade::GoalSplit;
use crate::pages::goal_explain::GoalExplanation;
use crate::pages::goal_form::{GoalForm, GoalFormState};
use crate::state::{Pending, Store};
use crate::{format, text};
use kpi::goals::{burn_up, roll_up};
use kpi::{Goal, Owner, RecordKind, Rep, Team};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

/// Statuses in the order a manager reads them: what needs help first.
const STATUS_ORDER: [&str; 4] = ["off_track", "at_risk", "on_track", "none"];

#[component]
pub fn Goals() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.goals_title);
    // Recurring goals carry over by themselves, also in a tab left open for days.
    Effect::new(move |_| store.carry_over_goals());
    let form = GoalFormState::new();
    let query = use_query_map();
    let selected = RwSignal::new(query.with_untracked(|q| q.get("goal")));
    // Owners with goals, in order: the company, each team, each rep.
    let groups = Memo::new(move |_| {
        store.data.with(|d| {
            let today = store.today();
            let mut owners: Vec<Owner> = vec![Owner::Company];
            owners.extend(d.live::<Team>().map(|t| Owner::Team(t.id.clone())));
            owners.extend(d.live::<Rep>().map(|r| Owner::Rep(r.id.clone())));
            for goal in d.live::<Goal>() {
                if !owners.contains(&goal.owner) {
                    owners.push(goal.owner.clone());
                }
            }
            owners
                .into_iter()
                .filter_map(|owner| {
                    let mut goals: Vec<(usize, Goal)> = d
                        .live::<Goal>()
                        .filter(|g| g.owner == owner)
                        .map(|g| {
                            let status = status_id(&roll_up(d, g, today));
                            let rank = STATUS_ORDER.iter().position(|s| *s == status).unwrap_or(3);
                            (rank, g.clone())
                        })
                        .collect();
                    goals.sort_by(|a, b| {
                        a.0.cmp(&b.0).then(b.1.period.start.cmp(&a.1.period.start))
                    });
                    (!goals.is_empty())
                        .then(|| (owner, goals.into_iter().map(|g| g.1).collect::<Vec<_>>()))
                })
                .collect::<Vec<_>>()
        })
    });
    // A goal opened from the dashboard (or just saved) is scrolled into view.
    Effect::new(move |_| {
        let Some(id) = selected.get() else { return };
        groups.track();
        request_animation_frame(move || {
            if let Some(card) = document().get_element_by_id(&format!("goal-{id}")) {
                card.scroll_into_view();
                if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
                    let _ = card.focus();
                }
            }
        });
    });
    view! {
        <section class="page goals">
            <div class="page-head">
                <h1>{i18n.t(|t| t.goals_title)}</h1>
                <button class="primary" data-testid="goal-new" on:click=move |_| form.start_new(&store)>
                    {i18n.t(|t| t.goal_new)}
                </button>
            </div>
            <Show when=move || form.open.get()>
                <GoalForm form=form on_saved=move |id| selected.set(Some(id)) />
            </Show>
            <Show
                when=move || groups.with(|g| !g.is_empty())
                fallback=move || view! { <EmptyState testid="goals-empty" message=|t| t.goals_empty hint=|t| t.a11y_empty_goals /> }
            >
                <For each=move || groups.get() key=|(owner, goals)| (owner.clone(), goals.iter().map(|g| (g.id.clone(), g.updated_at)).collect::<Vec<_>>()) let((owner, goals))>
                    <GoalGroup owner=owner goals=goals form=form />
                </For>
            </Show>
        </section>
    }
}

/// One owner's goals.
#[component]
fn GoalGroup(owner: Owner, goals: Vec<Goal>, form: GoalFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let key = text::owner_key(&owner);
    view! {
        <section class="goal-group" data-testid="goal-group" data-owner=key>
            <h2>{move || store.data.with(|d| text::owner(i18n, d, &owner))}</h2>
            <div class="goal-grid">
                {goals.into_iter().map(|goal| view! { <GoalEntry goal=goal form=form /> }).collect_view()}
            </div>
        </section>
    }
}

/// A goal card with its chart, explanation and actions.
#[component]
fn GoalEntry(goal: Goal, form: GoalFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let (edit, delete) = (goal.clone(), goal.clone());
    let splittable = !matches!(goal.owner, Owner::Rep(_));
    let anchor = format!("goal-{}", goal.id);
    view! {
        <div class="goal-entry" id=anchor tabindex="-1">
            <GoalCard goal=goal.clone()>
                <GoalBurnUp goal=goal.clone() />
                <GoalExplanation goal=goal.clone() />
                <div class="actions">
                    <button type="button" data-testid="goal-edit" on:click=move |_| form.start_edit(&store, &edit)>
                        {i18n.t(|t| t.records_edit)}
                    </button>
                    <button
                        type="button"
                        data-testid="goal-delete"
                        on:click=move |_| store.ask(Pending::DeleteRecord {
                            kind: RecordKind::Goal,
                            id: delete.id.clone(),
                            title: delete.title.clone(),
                        })
                    >
                        {i18n.t(|t| t.records_delete)}
                    </button>
                    {splittable.then(|| view! { <GoalSplit goal=goal.clone() /> })}
                </div>
            </GoalCard>
        </div>
    }
}

/// The burn-up chart on canvas and its numbers as a table (weekly, today and the
/// last day).
#[component]
fn GoalBurnUp(goal: Goal) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let unit = goal.measure.unit();
    let points = {
        let goal = goal.clone();
        Memo::new(move |_| store.data.with(|d| burn_up(d, &goal, store.today())))
    };
    let series = Memo::new(move |_| {
        points.with(|p| BurnUpSeries {
            locale: store.locale(),
            ..BurnUpSeries::new(p, unit, store.currency(), store.today(), |d| {
                text::day_short(i18n, d)
            })
        })
    });
    // The currency is named only where the goal counts money.
    let title = Signal::derive(move || match unit {
        kpi::Unit::Money => i18n::fill(
            i18n.texts().goal_burnup_title_money,
            &[("currency", store.currency().code())],
        ),
        _ => i18n.texts().goal_burnup_title.to_string(),
    });
    let rows = move || {
        let today = store.today();
        points.with(|points| {
            let last = points.len().saturating_sub(1);
            points
                .iter()
                .enumerate()
                .filter(|(i, p)| i % 7 == 6 || *i == last || p.date == today)
                .map(|(_, p)| {
                    let cell = |value| {
                        let (shown, raw) =
                            format::goal_text(i18n, value, unit, store.currency(), store.locale());
                        view! { <td data-value=raw.map(|v| v.to_string())>{shown}</td> }
                    };
                    view! {
                        <tr data-date=p.date.to_string() class:today=p.date == today>
                            <th scope="row">{text::date(i18n, p.date)}</th>
                            {cell(p.actual)}
                            {cell(p.target)}
                            {cell(p.projection)}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="goal-burnup chart-panel">
            <h4>{move || title.get()}</h4>
            <BurnUpChart data=series label=title />
            <details class="chart-table">
                <summary>{i18n.t(|t| t.chart_as_table)}</summary>
                <table data-testid="goal-burnup-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(|t| t.chart_day)}</th>
                            <th scope="col">{i18n.t(|t| t.goal_stat_actual)}</th>
                            <th scope="col">{i18n.t(|t| t.goal_stat_target)}</th>
                            <th scope="col">{i18n.t(|t| t.goal_stat_projection)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </section>
    }
}
