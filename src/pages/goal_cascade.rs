//! "Split into rep goals": a team or company goal cascaded to reps, equally or by
//! weight, with `kpi::goals::cascade`; the rep goals are saved in one step.

use crate::lang::use_i18n;
use crate::state::{Command, Store};
use crate::{clock, text};
use kpi::forms::AnyRecord;
use kpi::goals::{cascade, CascadePart};
use kpi::{Goal, Owner, RecordId, Rep};
use leptos::prelude::*;

/// One rep in the split: chosen or not, and the weight as typed.
#[derive(Clone)]
struct SplitRow {
    rep: RecordId,
    name: String,
    chosen: RwSignal<bool>,
    weight: RwSignal<String>,
}

#[component]
pub fn GoalSplit(goal: Goal) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let by_weight = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let rows = RwSignal::new(Vec::<SplitRow>::new());
    let team = match &goal.owner {
        Owner::Team(id) => Some(id.clone()),
        _ => None,
    };
    // Default: the team's reps (a team goal) or every rep (a company goal).
    let start = move |_| {
        let list = store.data.with_untracked(|d| {
            d.live::<Rep>()
                .map(|r| SplitRow {
                    rep: r.id.clone(),
                    name: r.name.clone(),
                    chosen: RwSignal::new(team.is_none() || r.team_id == team),
                    weight: RwSignal::new("1".to_string()),
                })
                .collect()
        });
        rows.set(list);
        by_weight.set(false);
        problem.set(None);
        open.set(true);
    };
    let parent = StoredValue::new(goal.clone());
    let split = move |_| {
        let mut parts = Vec::new();
        for row in rows.get_untracked() {
            if !row.chosen.get_untracked() {
                continue;
            }
            let weight = if by_weight.get_untracked() {
                match row.weight.get_untracked().trim().parse::<u32>() {
                    Ok(w) if w > 0 => w,
                    _ => {
                        problem.set(Some("weight"));
                        return;
                    }
                }
            } else {
                1
            };
            parts.push(CascadePart {
                id: clock::new_id(),
                owner: Owner::Rep(row.rep.clone()),
                weight,
            });
        }
        match parent.with_value(|parent| cascade(parent, &parts, clock::now(), store.today())) {
            Ok(goals) => {
                let records = goals.into_iter().map(AnyRecord::Goal).collect();
                if store.apply(Command::SaveRecords(records)).is_ok() {
                    open.set(false);
                }
            }
            Err(_) => problem.set(Some("reps")),
        }
    };
    view! {
        <button type="button" data-testid="goal-split" on:click=start>{i18n.t(|t| t.goal_split)}</button>
        <Show when=move || open.get()>
            <fieldset class="goal-split" data-testid="goal-split-panel">
                <legend>{i18n.t(|t| t.goal_split)}</legend>
                <label>
                    <input type="checkbox" data-testid="split-by-weight" prop:checked=move || by_weight.get()
                        on:change=move |ev| by_weight.set(event_target_checked(&ev)) />
                    {i18n.t(|t| t.goal_split_by_weight)}
                </label>
                <ul>
                    {move || rows.get().into_iter().map(|row| {
                        let SplitRow { rep, name, chosen, weight } = row;
                        view! {
                            <li data-testid="split-rep" data-rep-id=rep>
                                <label>
                                    <input type="checkbox" data-testid="split-rep-chosen" prop:checked=move || chosen.get()
                                        on:change=move |ev| chosen.set(event_target_checked(&ev)) />
                                    {name}
                                </label>
                                <Show when=move || by_weight.get()>
                                    <input type="text" inputmode="numeric" data-testid="split-weight" class="split-weight"
                                        aria-label=move || i18n.texts().goal_field_weight bind:value=weight />
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || problem.get().is_some()>
                    <p class="field-error" role="alert" data-testid=move || format!("field-error-{}", problem.get().unwrap_or_default())>
                        {move || text::label(i18n, "goal_split_error_", problem.get().unwrap_or_default())}
                    </p>
                </Show>
                <div class="actions">
                    <button type="button" class="primary" data-testid="split-save" on:click=split>{i18n.t(|t| t.goal_split_save)}</button>
                    <button type="button" data-testid="split-cancel" on:click=move |_| open.set(false)>{i18n.t(|t| t.cancel)}</button>
                </div>
            </fieldset>
        </Show>
    }
}
