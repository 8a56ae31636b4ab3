//! The pipeline board: one column per stage with its count, total, weighted value and
//! drop-off (all from `kpi::pipeline_board`), deal cards moved by buttons, by keyboard
//! (arrow keys on a focused card) and by drag and drop, won / lost (with the reason
//! asked by the deals page's dialog), and a chart of the lost reasons this year.

use super::deals::{mark_won, LoseDialog};
use crate::charts::{BarSeries, ChartPanel};
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, Store};
use crate::text;
use i18n::fill;
use kpi::pipeline_board::{board, lost_reasons, MoveTo, StageColumn};
use kpi::{format_percent, Deal, Period, RecordId, Scope};
use leptos::ev::{DragEvent, KeyboardEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Pipeline() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.pipeline_title);
    let columns = Memo::new(move |_| store.data.with(|d| board(d, &Scope::Everyone)));
    let losing = RwSignal::new(None::<(RecordId, String)>);
    let reasons = Memo::new(move |_| {
        let year = Period::year_of(store.today());
        store
            .data
            .with(|d| lost_reasons(d, &year, &Scope::Everyone))
    });
    let chart = Memo::new(move |_| {
        reasons.with(|all| BarSeries {
            labels: all.iter().map(|r| r.reason.clone()).collect(),
            values: all.iter().map(|r| f64::from(r.count)).collect(),
            percent: false,
            locale: store.locale(),
        })
    });
    let rows = Signal::derive(move || {
        reasons.with(|all| {
            all.iter()
                .map(|r| {
                    (
                        r.reason.clone(),
                        r.count.to_string(),
                        Some(r.count.to_string()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page pipeline">
            <div class="page-head">
                <h1>{i18n.t(|t| t.pipeline_title)}</h1>
            </div>
            <p class="hint">{i18n.t(|t| t.board_hint)}</p>
            // It scrolls sideways: focusable, so a keyboard can scroll it even with no card.
            <div class="board" data-testid="pipeline-board" tabindex="0" role="region" aria-label=move || i18n.texts().pipeline_title>
                {move || {
                    let all = columns.get();
                    let last = all.iter().rfind(|c| c.known).map(|c| c.stage.id.clone());
                    all.into_iter()
                        .enumerate()
                        .map(|(index, column)| {
                            let at_end = (index == 0, Some(&column.stage.id) == last.as_ref());
                            view! { <StageColumnView column=column at_end=at_end losing=losing /> }
                        })
                        .collect_view()
                }}
            </div>
            <ChartPanel
                title=Signal::derive(move || i18n.texts().lost_reasons_title.to_string())
                data=chart
                chart_testid="lost-reasons-chart"
                table_testid="lost-reasons-table"
                heads=Signal::derive(move || (i18n.texts().deal_lost_reason.to_string(), i18n.texts().board_deals.to_string()))
                rows=rows
            />
            <LoseDialog losing=losing />
        </section>
    }
}

/// One stage: its numbers, its cards, and a drop target for dragged cards.
#[component]
fn StageColumnView(
    column: StageColumn,
    /// (first stage, last stage): the move buttons that would go nowhere are disabled.
    at_end: (bool, bool),
    losing: RwSignal<Option<(RecordId, String)>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let currency = store.currency();
    let stage_id = column.stage.id.clone();
    let name = text::stage(i18n, &column.stage.id, &column.stage.name);
    let heading_id = format!("stage-{}", column.stage.id);
    let labelled_by = heading_id.clone();
    let count = fill(
        i18n.texts().board_count,
        &[("count", &column.count.to_string())],
    );
    let total = column.total.format(currency, store.locale());
    let weighted = column.weighted.format(currency, store.locale());
    let drop_off = column
        .drop_off
        .map(|rate| format_percent(rate, store.locale()))
        .unwrap_or_else(|| i18n.texts().no_data.to_string());
    let drop_value = column.drop_off.map(|rate| rate.to_string());
    let deals: Vec<Deal> = store.data.with_untracked(|d| {
        column
            .deal_ids
            .iter()
            .filter_map(|id| d.find_deal(id).cloned())
            .collect()
    });
    let movable = column.known;
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        let id = ev
            .data_transfer()
            .and_then(|transfer| transfer.get_data("text/plain").ok())
            .unwrap_or_default();
        if !id.is_empty() {
            let _ = store.apply(Command::MoveDeal {
                id,
                to: MoveTo::Stage(stage_id.clone()),
            });
        }
    };
    view! {
        <section
            class="stage-column"
            data-testid="stage-column"
            data-stage=column.stage.id.clone()
            aria-labelledby=labelled_by
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <h2 id=heading_id>{name}</h2>
            <dl class="stage-numbers">
                <div>
                    <dt>{i18n.t(|t| t.board_deals)}</dt>
                    <dd data-testid="stage-count" data-value=column.count.to_string()>{count}</dd>
                </div>
                <div>
                    <dt>{i18n.t(|t| t.board_total)}</dt>
                    <dd data-testid="stage-total" data-value=column.total.to_major(currency).to_string()>{total}</dd>
                </div>
                <div>
                    <dt>{i18n.t(|t| t.board_weighted)}</dt>
                    <dd data-testid="stage-weighted" data-value=column.weighted.to_major(currency).to_string()>{weighted}</dd>
                </div>
                <div>
                    <dt>{i18n.t(|t| t.board_drop_off)}</dt>
                    <dd data-testid="stage-drop-off" data-value=drop_value>{drop_off}</dd>
                </div>
            </dl>
            <ul class="board-cards">
                {deals
                    .into_iter()
                    .map(|deal| view! { <BoardCard deal=deal at_end=at_end movable=movable losing=losing /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn BoardCard(
    deal: Deal,
    at_end: (bool, bool),
    movable: bool,
    losing: RwSignal<Option<(RecordId, String)>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let id = deal.id.clone();
    let title = deal.title.clone();
    let amount = deal.amount.format(store.currency(), store.locale());
    let customer = store.data.with_untracked(|d| {
        d.customer_name(deal.customer_id.as_deref())
            .unwrap_or_default()
            .to_string()
    });
    // A moved card is drawn anew in its new column: give it the focus back.
    let move_to = {
        let id = id.clone();
        move |to: MoveTo, keep_focus: bool| {
            if store
                .apply(Command::MoveDeal { id: id.clone(), to })
                .is_ok()
                && keep_focus
            {
                focus_card(id.clone());
            }
        }
    };
    let on_key = {
        let move_to = move_to.clone();
        move |ev: KeyboardEvent| {
            // Only the card itself: arrows on its buttons keep their usual meaning.
            let on_card = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.get_attribute("data-testid").as_deref() == Some("board-card"));
            if !on_card || !movable {
                return;
            }
            let to = match ev.key().as_str() {
                "ArrowRight" if !at_end.1 => MoveTo::Next,
                "ArrowLeft" if !at_end.0 => MoveTo::Previous,
                _ => return,
            };
            ev.prevent_default();
            move_to(to, true);
        }
    };
    let on_drag = {
        let id = id.clone();
        move |ev: DragEvent| {
            if let Some(transfer) = ev.data_transfer() {
                let _ = transfer.set_data("text/plain", &id);
            }
        }
    };
    let named = move |pick: fn(&'static i18n::Texts) -> &'static str, title: String| {
        move || format!("{} – {title}", pick(i18n.texts()))
    };
    let (previous, next) = (move_to.clone(), move_to);
    let won_id = id.clone();
    let lost = (id.clone(), title.clone());
    view! {
        <li
            class="board-card"
            data-testid="board-card"
            data-deal-id=id.clone()
            tabindex="0"
            draggable="true"
            aria-label=move || fill(i18n.texts().board_card_label, &[("title", &title), ("amount", &amount)])
            on:keydown=on_key
            on:dragstart=on_drag
        >
            <span class="deal-title">{deal.title.clone()}</span>
            <span class="deal-amount">{deal.amount.format(store.currency(), store.locale())}</span>
            <span class="deal-customer">{customer}</span>
            <div class="row-actions">
                <button
                    type="button"
                    data-testid="card-previous"
                    disabled=at_end.0 || !movable
                    aria-label=named(|t| t.board_move_previous, deal.title.clone())
                    on:click=move |_| previous(MoveTo::Previous, false)
                >
                    "←"
                </button>
                <button
                    type="button"
                    data-testid="card-next"
                    disabled=at_end.1 || !movable
                    aria-label=named(|t| t.board_move_next, deal.title.clone())
                    on:click=move |_| next(MoveTo::Next, false)
                >
                    "→"
                </button>
                <button
                    type="button"
                    data-testid="card-win"
                    aria-label=named(|t| t.action_win, deal.title.clone())
                    on:click=move |_| mark_won(store, i18n, won_id.clone())
                >
                    {i18n.t(|t| t.board_won)}
                </button>
                <button
                    type="button"
                    data-testid="card-lose"
                    aria-label=named(|t| t.action_lose, deal.title.clone())
                    on:click=move |_| losing.set(Some(lost.clone()))
                >
                    {i18n.t(|t| t.board_lost)}
                </button>
            </div>
        </li>
    }
}

fn focus_card(id: RecordId) {
    request_animation_frame(move || {
        let selector = format!("[data-testid=\"board-card\"][data-deal-id=\"{id}\"]");
        if let Ok(Some(card)) = document().query_selector(&selector) {
            if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
                let _ = card.focus();
            }
        }
    });
}
