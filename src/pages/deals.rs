use super::deal_form::{DealForm, DealFormState};
use crate::lang::use_i18n;
use crate::state::{Command, Pending, Store};
use crate::text;
use kpi::deal_input::DealField;
use kpi::{Deal, DealStatus, RecordId};
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn Deals() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let form = DealFormState::new();
    let filter = RwSignal::new(None::<DealStatus>);
    let deals = Memo::new(move |_| store.data.with(|d| d.deals_newest_first(filter.get())));
    let losing = RwSignal::new(None::<RecordId>);

    view! {
        <section class="page deals">
            <div class="page-head">
                <h1>{i18n.t(|t| t.deals_title)}</h1>
                <label class="inline-field">
                    <span>{i18n.t(|t| t.filter_status)}</span>
                    <select
                        data-testid="deal-filter"
                        on:change=move |ev| filter.set(DealStatus::from_id(&event_target_value(&ev)))
                    >
                        <option value="all">{i18n.t(|t| t.filter_all)}</option>
                        <option value="open">{i18n.t(|t| t.filter_open)}</option>
                        <option value="won">{i18n.t(|t| t.filter_won)}</option>
                        <option value="lost">{i18n.t(|t| t.filter_lost)}</option>
                    </select>
                </label>
                <button class="primary" data-testid="deal-new" on:click=move |_| form.start_new(&store)>
                    {i18n.t(|t| t.deal_new)}
                </button>
            </div>
            <Show when=move || form.open.get()>
                <DealForm form=form />
            </Show>
            <Show when=move || deals.with(Vec::is_empty)>
                <p class="empty" data-testid="deals-empty">{i18n.t(|t| t.deals_empty)}</p>
            </Show>
            <ul class="deal-list" data-testid="deal-list">
                <For
                    each=move || deals.get()
                    key=|deal| (deal.id.clone(), deal.updated_at)
                    children=move |deal| view! { <DealRow deal=deal form=form losing=losing /> }
                />
            </ul>
            <LoseDialog losing=losing />
        </section>
    }
}

#[component]
fn DealRow(deal: Deal, form: DealFormState, losing: RwSignal<Option<RecordId>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let status = deal.status;
    let stage_name = store.data.with_untracked(|d| {
        d.settings
            .stages
            .iter()
            .find(|s| s.id == deal.stage)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    });
    let amount = move || deal.amount.format(store.currency(), store.locale);
    let (id, title) = (deal.id.clone(), deal.title.clone());
    let edit_deal = deal.clone();
    let id_for_close = id.clone();
    let stage_id = deal.stage.clone();
    view! {
        <li class="deal-row" data-testid="deal-row" data-deal-id=deal.id.clone() data-status=status.id()>
            <div class="deal-main">
                <span class="deal-title" data-testid="deal-row-title">{deal.title.clone()}</span>
                <span class="deal-meta">
                    {deal.customer.clone()} " · " {move || text::stage(i18n, &stage_id, &stage_name)} " · "
                    {deal.created_on.to_string()}
                </span>
            </div>
            <span class=format!("badge badge-{}", status.id())>{move || text::status(i18n, status)}</span>
            <span class="deal-amount" data-testid="deal-row-amount">{amount}</span>
            <div class="row-actions">
                <Show when=move || status == DealStatus::Open>
                    {
                        let (won_id, lost_id) = (id_for_close.clone(), id_for_close.clone());
                        view! {
                            <button data-testid="deal-win" on:click=move |_| { let _ = store.apply(Command::MarkWon(won_id.clone())); }>
                                {i18n.t(|t| t.action_win)}
                            </button>
                            <button data-testid="deal-lose" on:click=move |_| losing.set(Some(lost_id.clone()))>
                                {i18n.t(|t| t.action_lose)}
                            </button>
                        }
                    }
                </Show>
                <button data-testid="deal-edit" on:click=move |_| form.start_edit(&store, &edit_deal)>
                    {i18n.t(|t| t.action_edit)}
                </button>
                <button
                    class="danger"
                    data-testid="deal-delete"
                    on:click=move |_| store.ask(Pending::DeleteDeal { id: id.clone(), title: title.clone() })
                >
                    {i18n.t(|t| t.action_delete)}
                </button>
            </div>
        </li>
    }
}

/// Marking a deal lost asks for the reason, which the win/loss analysis needs.
#[component]
fn LoseDialog(losing: RwSignal<Option<RecordId>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let close = move || {
        losing.set(None);
        reason.set(String::new());
        error.set(None);
    };
    let confirm = move |_| {
        let Some(id) = losing.get_untracked() else {
            return;
        };
        match store.apply(Command::MarkLost {
            id,
            reason: reason.get_untracked(),
        }) {
            Ok(()) => close(),
            Err(errors) => error.set(
                errors
                    .iter()
                    .find(|e| e.field == DealField::LostReason)
                    .map(|e| text::problem(i18n, e.problem)),
            ),
        }
    };
    view! {
        <Show when=move || losing.with(Option::is_some)>
            <div class="backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="lose-title" data-testid="lose-dialog">
                    <h2 id="lose-title">{i18n.t(|t| t.lose_title)}</h2>
                    <div class="field" class:invalid=move || error.with(Option::is_some)>
                        <label for="lost-reason-input">{i18n.t(|t| t.deal_lost_reason)}</label>
                        <input
                            id="lost-reason-input"
                            node_ref=input
                            data-testid="lost-reason-input"
                            bind:value=reason
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then_some("error-lost_reason")
                        />
                        <Show when=move || error.with(Option::is_some)>
                            <p class="field-error" id="error-lost_reason" data-testid="field-error-lost_reason" role="alert">
                                {move || error.get()}
                            </p>
                        </Show>
                    </div>
                    <div class="actions">
                        <button class="primary" data-testid="lose-confirm" on:click=confirm>{i18n.t(|t| t.lose_confirm)}</button>
                        <button data-testid="lose-cancel" on:click=move |_| close()>{i18n.t(|t| t.cancel)}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
