//! Contests: the list with the form, the chosen contest's leaderboard on canvas with
//! its table, and the period's recognition badges. The numbers are `kpi::contest`.

use crate::charts::{current_palette, draw_leaderboard, paint, CanvasChart, LeaderboardSeries};
use crate::format;
use crate::lang::{set_page_title, use_i18n};
use crate::pages::contest_form::{ContestForm, ContestFormState};
use crate::state::{Pending, Store};
use crate::text;
use i18n::fill;
use kpi::contest::{badges, leaderboard, BadgeKind};
use kpi::{Contest, Period, RecordId, RecordKind};
use leptos::prelude::*;

#[component]
pub fn Contests() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.contests_title);
    let form = ContestFormState::new();
    let contests = Memo::new(move |_| {
        store.data.with(|d| {
            let mut list: Vec<Contest> = d.live::<Contest>().cloned().collect();
            // The latest period first.
            list.sort_by(|a, b| (b.period.start, &a.title).cmp(&(a.period.start, &b.title)));
            list
        })
    });
    let picked = RwSignal::new(None::<RecordId>);
    // The contest shown: the one picked, else the running one, else the latest.
    let chosen = Memo::new(move |_| {
        let today = store.today();
        contests.with(|list| {
            let picked = picked.get();
            list.iter()
                .find(|c| Some(&c.id) == picked.as_ref())
                .or_else(|| list.iter().find(|c| c.period.contains(today)))
                .or_else(|| list.first())
                .cloned()
        })
    });
    let choices = move || {
        contests.with(|list| {
            list.iter()
                .map(|c| {
                    let selected = chosen.with(|s| s.as_ref().map(|s| &s.id) == Some(&c.id));
                    view! { <option value=c.id.clone() selected=selected>{c.title.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page contests">
            <div class="page-head">
                <h1>{i18n.t(|t| t.contests_title)}</h1>
                <button class="primary" data-testid="contest-new" on:click=move |_| form.start_new(&store)>
                    {i18n.t(|t| t.contest_new)}
                </button>
            </div>
            <Show when=move || form.open.get()>
                <ContestForm form=form on_saved=move |id| picked.set(Some(id)) />
            </Show>
            <Show
                when=move || contests.with(|c| !c.is_empty())
                fallback=move || view! { <p class="hint" data-testid="contests-empty">{i18n.t(|t| t.contests_empty)}</p> }
            >
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.texts().nav_contests>
                <table class="records-table" data-testid="contests-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(|t| t.contest_field_title)}</th>
                            <th scope="col">{i18n.t(|t| t.contest_field_measure)}</th>
                            <th scope="col">{i18n.t(|t| t.contest_field_period)}</th>
                            <th scope="col">{i18n.t(|t| t.contest_field_participants)}</th>
                            <th scope="col">{i18n.t(|t| t.contest_field_reward)}</th>
                            <th scope="col">{i18n.t(|t| t.records_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || contests.get() key=|c| (c.id.clone(), c.updated_at) let(contest)>
                            <ContestRow contest=contest form=form />
                        </For>
                    </tbody>
                </table>
                </div>
                <label class="field" for="contest-picker">
                    <span>{i18n.t(|t| t.contest_pick)}</span>
                    <select id="contest-picker" data-testid="contest-picker" on:change=move |ev| picked.set(Some(event_target_value(&ev)))>
                        {choices}
                    </select>
                </label>
            </Show>
            {move || chosen.get().map(|contest| view! { <ContestBoard contest=contest /> })}
            <Recognition period=Signal::derive(move || {
                chosen.with(|c| c.as_ref().map(|c| c.period)).unwrap_or_else(|| Period::month_of(store.today()))
            }) />
        </section>
    }
}

/// One contest in the list, with its actions.
#[component]
fn ContestRow(contest: Contest, form: ContestFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let everyone = contest.participants.is_empty();
    let names = {
        let ids = contest.participants.clone();
        move || {
            store.data.with(|d| {
                ids.iter()
                    .map(|id| d.rep_name(Some(id)).unwrap_or(id).to_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }
    };
    let (edit, delete) = (contest.clone(), contest.clone());
    view! {
        <tr data-testid="contest-row" data-contest-id=contest.id.clone()>
            <td>{contest.title.clone()}</td>
            <td>{text::measure(i18n, contest.measure)}</td>
            <td>{text::period_range(i18n, &contest.period)}</td>
            <td>{move || if everyone { i18n.texts().contest_everyone.to_string() } else { names() }}</td>
            <td>{contest.reward.clone()}</td>
            <td class="row-actions">
                <button type="button" data-testid="contest-edit" on:click=move |_| form.start_edit(&edit)>
                    {i18n.t(|t| t.records_edit)}
                </button>
                <button
                    type="button"
                    data-testid="contest-delete"
                    on:click=move |_| store.ask(Pending::DeleteRecord {
                        kind: RecordKind::Contest,
                        id: delete.id.clone(),
                        title: delete.title.clone(),
                    })
                >
                    {i18n.t(|t| t.records_delete)}
                </button>
            </td>
        </tr>
    }
}

/// The leaderboard of one contest: a bar chart on canvas and the same as a table.
#[component]
fn ContestBoard(contest: Contest) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let unit = contest.measure.unit();
    let standings = {
        let contest = contest.clone();
        Memo::new(move |_| store.data.with(|d| leaderboard(d, &contest, store.today())))
    };
    // Each standing's text and data-value (money in major units).
    let shown = move |value: Option<f64>| {
        format::goal_text(i18n, value, unit, store.currency(), store.locale())
    };
    let series = Memo::new(move |_| {
        let mut series = LeaderboardSeries {
            locale: store.locale(),
            ..Default::default()
        };
        standings.with(|rows| {
            for row in rows.iter().filter(|r| r.rank.is_some()) {
                let (text, value) = shown(row.value);
                series.names.push(row.name.clone());
                series.values.push(value.unwrap_or(0.0));
                series.shown.push(text);
            }
        });
        series
    });
    let draw = Callback::new(move |(canvas,): (web_sys::HtmlCanvasElement,)| {
        let palette = current_palette();
        series.with(|data| {
            paint(&canvas, |area, scale| {
                draw_leaderboard(area, data, scale, palette)
            })
        })
    });
    let title = contest.title.clone();
    let label = {
        let title = title.clone();
        Signal::derive(move || fill(i18n.texts().contest_board_label, &[("title", &title)]))
    };
    let about = fill(
        i18n.texts().contest_about,
        &[
            ("measure", &text::measure(i18n, contest.measure)),
            ("period", &text::period_range(i18n, &contest.period)),
        ],
    );
    let reward = (!contest.reward.is_empty()).then(|| {
        fill(
            i18n.texts().contest_reward_text,
            &[("reward", &contest.reward)],
        )
    });
    view! {
        <section class="chart-panel contest-board" data-testid="contest-board" data-contest-id=contest.id.clone()>
            <h2>{title}</h2>
            <p class="hint">{about}</p>
            {reward.map(|r| view! { <p data-testid="contest-reward">{r}</p> })}
            <Show
                when=move || series.with(|s| !s.values.is_empty())
                fallback=move || view! { <p class="hint" data-testid="leaderboard-empty">{i18n.t(|t| t.contest_board_empty)}</p> }
            >
                <CanvasChart draw=draw label=label testid="leaderboard-chart" />
            </Show>
            <table class="leaderboard-table" data-testid="leaderboard-table">
                <caption>{i18n.t(|t| t.contest_board_table)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(|t| t.contest_rank)}</th>
                        <th scope="col">{i18n.t(|t| t.contest_rep)}</th>
                        <th scope="col">{move || text::measure(i18n, contest.measure)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || standings.with(|rows| rows.iter().map(|row| {
                        let (text, value) = shown(row.value);
                        let rank = row.rank.map(|r| r.to_string());
                        view! {
                            <tr data-testid="leaderboard-row" data-rank=rank data-rep-id=row.rep_id.clone()>
                                <td>{rank.clone().unwrap_or_else(|| i18n.texts().no_data.to_string())}</td>
                                <th scope="row">{row.name.clone()}</th>
                                <td data-value=value.map(|v| v.to_string())>{text}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

/// The period's badges: top performer, most improved, goal streak.
#[component]
fn Recognition(period: Signal<Period>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let earned = Memo::new(move |_| {
        let period = period.get();
        store.data.with(|d| {
            badges(d, period, store.today())
                .into_iter()
                .map(|b| {
                    let name = d.rep_name(Some(&b.rep_id)).unwrap_or(&b.rep_id).to_owned();
                    (b, name)
                })
                .collect::<Vec<_>>()
        })
    });
    let heading = move || {
        fill(
            i18n.texts().badges_title,
            &[("period", &text::period_range(i18n, &period.get()))],
        )
    };
    view! {
        <section class="panel badges" data-testid="badges">
            <h2>{heading}</h2>
            <Show
                when=move || earned.with(|b| !b.is_empty())
                fallback=move || view! { <p class="hint" data-testid="badges-empty">{i18n.t(|t| t.badges_empty)}</p> }
            >
                <ul class="award-list">
                    {move || earned.get().into_iter().map(|(badge, name)| {
                        let (kind, what) = match badge.kind {
                            BadgeKind::TopPerformer => ("top_performer", i18n.texts().badge_top_performer.to_string()),
                            BadgeKind::MostImproved => ("most_improved", i18n.texts().badge_most_improved.to_string()),
                            BadgeKind::GoalStreak { periods } => (
                                "goal_streak",
                                fill(i18n.texts().badge_goal_streak, &[("periods", &periods.to_string())]),
                            ),
                        };
                        view! {
                            <li class="award" data-testid="badge" data-kind=kind data-rep-id=badge.rep_id.clone()>
                                <strong>{what}</strong>" "{name}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
