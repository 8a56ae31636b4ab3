use super::deal_form::{DealForm, DealFormState};
use crate::components::{EmptyState, ReasonDialog, ReasonIds, VirtualRows};
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, NoticeId, Pending, Store};
use crate::text;
use i18n::{fill, Texts};
use kpi::{Deal, DealStatus, RecordId};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Deals() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.deals_title);
    let form = DealFormState::new();
    let filter = RwSignal::new(None::<DealStatus>);
    let total = Memo::new(move |_| store.data.with(|d| d.deal_count(filter.get())));
    let window = VirtualRows::new(total);
    let list = NodeRef::<leptos::html::Ul>::new();
    window.follow(list);
    // Only the deals near the screen are copied and rendered (see `VirtualRows`).
    let deals = Memo::new(move |_| {
        store
            .data
            .with(|d| d.deals_newest_first(filter.get(), window.range()))
    });
    let losing = RwSignal::new(None::<(RecordId, String)>);
    // "Add a deal" elsewhere links here with ?new=1: open the form straight away.
    if use_query_map().with_untracked(|q| q.get("new").is_some()) {
        form.start_new(&store);
    }

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
                <button
                    class="primary"
                    id="deal-new"
                    data-testid="deal-new"
                    on:click=move |_| form.start_new(&store)
                >
                    {i18n.t(|t| t.deal_new)}
                </button>
            </div>
            <Show when=move || form.open.get()>
                <DealForm form=form />
            </Show>
            <Show when=move || total.get() == 0>
                <EmptyState testid="deals-empty" message=|t| t.deals_empty hint=|t| t.a11y_empty_deals />
            </Show>
            <ul class="deal-list" data-testid="deal-list" node_ref=list>
                <li class="spacer" aria-hidden="true" style:height=move || window.top().height() style:display=move || window.top().display()></li>
                <For
                    each=move || deals.get()
                    key=|deal| (deal.id.clone(), deal.updated_at)
                    children=move |deal| view! { <DealRow deal=deal form=form losing=losing /> }
                />
                <li class="spacer" aria-hidden="true" style:height=move || window.bottom().height() style:display=move || window.bottom().display()></li>
            </ul>
            <LoseDialog losing=losing />
        </section>
    }
}

#[component]
fn DealRow(
    deal: Deal,
    form: DealFormState,
    losing: RwSignal<Option<(RecordId, String)>>,
) -> impl IntoView {
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
    let amount = move || deal.amount.format(store.currency(), store.locale());
    let created = deal.created_on;
    // Every row has the same buttons: their names say which deal they act on.
    let named = move |pick: fn(&'static Texts) -> &'static str, title: String| {
        move || format!("{} – {title}", pick(i18n.texts()))
    };
    let id = deal.id.clone();
    let title = deal.title.clone();
    let edit_deal = deal.clone();
    let stage_id = deal.stage.clone();
    let close_buttons = (status == DealStatus::Open).then(|| {
        let (won_id, lost) = (id.clone(), (id.clone(), title.clone()));
        view! {
            <button
                data-testid="deal-win"
                aria-label=named(|t| t.action_win, title.clone())
                on:click=move |_| mark_won(store, i18n, won_id.clone())
            >
                {i18n.t(|t| t.action_win)}
            </button>
            <button
                data-testid="deal-lose"
                aria-label=named(|t| t.action_lose, title.clone())
                on:click=move |_| losing.set(Some(lost.clone()))
            >
                {i18n.t(|t| t.action_lose)}
            </button>
        }
    });
    let customer = store.data.with_untracked(|d| {
        d.customer_name(deal.customer_id.as_deref())
            .unwrap_or_default()
            .to_string()
    });
    view! {
        <li class="deal-row" data-testid="deal-row" data-deal-id=deal.id.clone() data-status=status.id()>
            <div class="deal-head">
                <span class="deal-title" data-testid="deal-row-title">{deal.title.clone()}</span>
                <span class="deal-amount" data-testid="deal-row-amount">{amount}</span>
            </div>
            <div class="deal-meta">
                <span class=format!("badge badge-{}", status.id())>{move || text::status(i18n, status)}</span>
                <span data-testid="deal-row-customer">{customer}</span>
                <span>{move || text::stage(i18n, &stage_id, &stage_name)}</span>
                <span class="nowrap">{move || fill(i18n.texts().row_created, &[("date", &text::date(i18n, created))])}</span>
            </div>
            <div class="row-actions">
                {close_buttons}
                <button
                    data-testid="deal-edit"
                    aria-label=named(|t| t.action_edit, title.clone())
                    on:click=move |_| form.start_edit(&store, &edit_deal)
                >
                    {i18n.t(|t| t.action_edit)}
                </button>
                <button
                    class="danger"
                    data-testid="deal-delete"
                    aria-label=named(|t| t.action_delete, title.clone())
                    on:click=move |_| store.ask(Pending::DeleteDeal { id: id.clone(), title: title.clone() })
                >
                    {i18n.t(|t| t.action_delete)}
                </button>
            </div>
        </li>
    }
}

/// Marks the deal won. E.g. a deal created after today cannot close today: say why.
/// (A refusal as a whole has no field errors and told the user already.)
pub(super) fn mark_won(store: Store, i18n: crate::lang::I18n, id: RecordId) {
    if let Err(errors) = store.apply(Command::MarkWon(id)) {
        if let Some(first) = errors.first() {
            let why = text::problem(i18n, first.problem);
            store.notify(NoticeId::ActionFailed, Some(why), None);
        }
    }
}

/// Marking a deal lost asks for the reason, which the win/loss analysis needs.
#[component]
pub(super) fn LoseDialog(losing: RwSignal<Option<(RecordId, String)>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let close = move || {
        losing.set(None);
        reason.set(String::new());
        error.set(None);
    };
    let confirm = move || {
        let Some((id, _)) = losing.get_untracked() else {
            return;
        };
        match store.apply(Command::MarkLost {
            id,
            reason: reason.get_untracked(),
        }) {
            Ok(()) => close(),
            // The reason is the field here, but any rule the deal breaks is shown.
            Err(errors) => error.set(errors.first().map(|e| text::problem(i18n, e.problem))),
        }
    };
    let title = move || {
        let deal = losing
            .with(|l| l.as_ref().map(|(_, title)| title.clone()))
            .unwrap_or_default();
        fill(i18n.texts().lose_title, &[("title", &deal)])
    };
    view! {
        <ReasonDialog
            ids=ReasonIds {
                dialog: "lose-dialog",
                title: "lose-title",
                field: "lost_reason",
                input: "lost-reason-input",
                confirm: "lose-confirm",
                cancel: "lose-cancel",
            }
            open=Signal::derive(move || losing.with(Option::is_some))
            title=Signal::derive(title)
            label=Signal::derive(move || i18n.texts().deal_lost_reason.to_string())
            confirm_label=Signal::derive(move || i18n.texts().lose_confirm.to_string())
            reason=reason
            error=error
            on_confirm=Callback::new(move |_| confirm())
            on_cancel=Callback::new(move |_| close())
        />
    }
}
