use crate::lang::use_i18n;
use crate::state::Store;
use crate::{format, text};
use kpi::goals::{attainment_history, roll_up, Progress};
use kpi::{Goal, Unit};
use leptos::prelude::*;

/// The status id of a goal's progress: `on_track`, `at_risk`, `off_track` or `none`.
pub fn status_id(progress: &Progress) -> &'static str {
    progress.status.map_or("none", |s| s.id())
}

/// One goal: what it measures, for whom and when, its status, and every pacing read-out
/// from `kpi::goals` (a parent's rolled up from its children). Values carry
/// `data-value` (money in major units, ratios 0–1). `children` adds the page's parts
/// (chart, explanation, actions).
#[component]
pub fn GoalCard(goal: Goal, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let id = goal.id.clone();
    let progress = {
        let goal = goal.clone();
        Memo::new(move |_| store.data.with(|d| roll_up(d, &goal, store.today())))
    };
    let child_count = {
        let id = id.clone();
        Memo::new(move |_| {
            store.data.with(|d| {
                d.live::<Goal>()
                    .filter(|g| g.parent_id.as_deref() == Some(id.as_str()))
                    .count()
            })
        })
    };
    let owner = {
        let owner = goal.owner.clone();
        move || store.data.with(|d| text::owner(i18n, d, &owner))
    };
    let status = move || progress.with(status_id);
    let unit = goal.measure.unit();
    let stat = move |key: &'static str, pick: fn(&Progress) -> Option<f64>, unit: Unit| {
        view! { <GoalStat key=key progress=progress pick=pick unit=unit /> }
    };
    let milestones = move || {
        progress.with(|p| {
            p.milestones
                .iter()
                .map(|m| {
                    let template = if m.reached {
                        i18n.texts().goal_milestone_reached
                    } else {
                        i18n.texts().goal_milestone_open
                    };
                    let text = i18n::fill(template, &[("percent", &m.percent.to_string())]);
                    view! {
                        <li data-testid="goal-milestone" data-percent=m.percent data-reached=m.reached.to_string() class:reached=m.reached>
                            {text}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let jump = move || progress.with(|p| p.assessment.unusual_jump);
    view! {
        <article class="goal-card" data-testid="goal-card" data-goal-id=id.clone() data-goal-status=status>
            <header class="goal-head">
                <h3 class="goal-title" data-testid="goal-title">{goal.title.clone()}</h3>
                <p class=move || format!("goal-status {}", status()) data-testid="goal-status">
                    {move || text::label(i18n, "goal_status_", status())}
                </p>
            </header>
            <p class="goal-meta">
                <span data-testid="goal-measure">{move || text::measure(i18n, goal.measure)}</span>
                " · "
                <span data-testid="goal-owner">{owner}</span>
                " · "
                <span data-testid="goal-period">{move || text::period_range(i18n, &goal.period)}</span>
            </p>
            <dl class="goal-stats">
                {stat("target", |p| p.target, unit)}
                {stat("actual", |p| p.actual, unit)}
                {stat("expected", |p| p.expected, unit)}
                {stat("projection", |p| p.projection, unit)}
                {stat("needed_per_day", |p| p.needed_per_day, unit)}
                {stat("attainment", |p| p.attainment, Unit::Ratio)}
                {stat("baseline", |p| p.assessment.baseline, unit)}
            </dl>
            <Show when=jump>
                <p class="goal-warning" data-testid="goal-jump-warning">{i18n.t(|t| t.goal_jump_warning)}</p>
            </Show>
            <ul class="goal-milestones" aria-label=move || i18n.texts().goal_milestones>{milestones}</ul>
            <GoalHistory goal=goal.clone() />
            <Show when=move || { child_count.get() > 0 }>
                <p class="goal-rollup" data-testid="goal-rollup" data-children=move || child_count.get()>
                    {move || i18n::fill(i18n.texts().goal_rollup, &[("count", &child_count.get().to_string())])}
                </p>
            </Show>
            {children.map(|c| c())}
        </article>
    }
}

/// How the goal's target rule fared in the periods before its own (attainment and final
/// status each), worked out only once the rep opens it: six periods of pacing each.
#[component]
fn GoalHistory(goal: Goal) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let opened = RwSignal::new(false);
    let rows = move || {
        if !opened.get() {
            return Vec::new();
        }
        store
            .data
            .with(|d| attainment_history(d, &goal, HISTORY_PERIODS, store.today()))
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        opened.set(open);
    };
    view! {
        <details class="goal-history" data-testid="goal-history" on:toggle=on_toggle>
            <summary>{i18n.t(|t| t.goal_history)}</summary>
            <ul>
                {move || {
                    rows()
                        .into_iter()
                        .map(|past| {
                            let status = past.status.map_or("none", |s| s.id());
                            let (shown, raw) = format::goal_text(i18n, past.attainment, Unit::Ratio, store.currency(), store.locale());
                            view! {
                                <li data-testid="goal-history-row" data-status=status data-value=raw.map(|v| v.to_string())>
                                    {text::period_range(i18n, &past.period)} ": " {shown} " · "
                                    {text::label(i18n, "goal_status_", status)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}

/// How many earlier periods a goal's history shows.
const HISTORY_PERIODS: usize = 6;

/// One read-out of a goal card: label, shown value, unrounded `data-value`.
#[component]
fn GoalStat(
    key: &'static str,
    progress: Memo<Progress>,
    pick: fn(&Progress) -> Option<f64>,
    unit: Unit,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let shown = Memo::new(move |_| {
        progress.with(|p| format::goal_text(i18n, pick(p), unit, store.currency(), store.locale()))
    });
    view! {
        <div class="goal-stat" data-testid=format!("goal-{key}") data-value=move || shown.with(|s| s.1.map(|v| v.to_string()))>
            <dt>{move || text::label(i18n, "goal_stat_", key)}</dt>
            <dd>{move || shown.with(|s| s.0.clone())}</dd>
        </div>
    }
}
