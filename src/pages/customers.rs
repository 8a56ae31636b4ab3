//! Customers: the list with search and filters (segment, region, owner, status), and a
//! customer's page with one timeline of orders, deals, activities, feedback and
//! complaints, first-time or repeat buyer, mark churned (with a reason) or win back.
//! Everything is computed by `kpi::customer_view`.

use crate::components::{EmptyState, ReasonDialog, ReasonIds, SelectField, TextField, VirtualRows};
use crate::lang::{set_page_title, use_i18n, I18n};
use crate::state::{Command, Store};
use crate::{clock, text};
use i18n::fill;
use kpi::customer_view::{
    buyer_kind, customer_rows, mark_churned, owners, segments_and_regions, timeline, win_back,
    BuyerKind, CustomerFilter, CustomerStatus, TimelineEntry, TimelineEvent,
};
use kpi::forms::AnyRecord;
use kpi::{Customer, RecordError};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const STATUSES: &[(CustomerStatus, &str)] = &[
    (CustomerStatus::Active, "active"),
    (CustomerStatus::Churned, "churned"),
    (CustomerStatus::Prospect, "prospect"),
];

fn status_id(status: CustomerStatus) -> &'static str {
    STATUSES
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, id)| *id)
        .unwrap_or("prospect")
}

fn buyer_id(buyer: BuyerKind) -> &'static str {
    match buyer {
        BuyerKind::None => "none",
        BuyerKind::FirstTime => "first_time",
        BuyerKind::Repeat => "repeat",
    }
}

/// `(value, label)` options with "any" first.
fn with_any(i18n: I18n, items: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), i18n.texts().leads_any.to_string())];
    options.extend(items);
    options
}

fn blank_none(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

#[component]
pub fn Customers() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.customers_title);
    let query = RwSignal::new(String::new());
    let (segment, region, owner, status) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let rows = Memo::new(move |_| {
        let filter = CustomerFilter {
            segment: blank_none(segment.get()),
            region: blank_none(region.get()),
            owner: blank_none(owner.get()),
            status: STATUSES
                .iter()
                .find(|(_, id)| *id == status.get())
                .map(|(s, _)| *s),
        };
        store
            .data
            .with(|d| customer_rows(d, &query.get(), &filter, store.today()))
    });
    let picks = Memo::new(move |_| store.data.with(segments_and_regions));
    let reps = Memo::new(move |_| store.data.with(owners));
    let window = VirtualRows::new(Signal::derive(move || rows.with(Vec::len)));
    let list = NodeRef::<leptos::html::Ul>::new();
    window.follow(list);
    let plain = |list: &Vec<String>| {
        list.iter()
            .map(|s| (s.clone(), s.clone()))
            .collect::<Vec<_>>()
    };
    let label = move |pick: fn(&'static i18n::Texts) -> &'static str| {
        Signal::derive(move || pick(i18n.texts()).to_string())
    };
    view! {
        <section class="page customers">
            <div class="page-head">
                <h1>{i18n.t(|t| t.customers_title)}</h1>
                <A href="/records/customers" attr:class="button" attr:data-testid="customer-add">{i18n.t(|t| t.customers_add)}</A>
            </div>
            <div class="filters">
                <TextField label=label(|t| t.customers_search) field="customer_search" testid="customer-search" value=query error=Signal::derive(|| None::<String>) input_type="search" />
                <SelectField label=label(|t| t.leads_segment) field="customer_segment" testid="customer-filter-segment" value=segment options=Signal::derive(move || with_any(i18n, picks.with(|p| plain(&p.0)))) />
                <SelectField label=label(|t| t.leads_region) field="customer_region" testid="customer-filter-region" value=region options=Signal::derive(move || with_any(i18n, picks.with(|p| plain(&p.1)))) />
                <SelectField label=label(|t| t.customers_owner) field="customer_owner" testid="customer-filter-owner" value=owner options=Signal::derive(move || with_any(i18n, reps.get())) />
                <SelectField
                    label=label(|t| t.leads_status)
                    field="customer_status"
                    testid="customer-filter-status"
                    value=status
                    options=Signal::derive(move || {
                        with_any(i18n, STATUSES.iter().map(|(_, id)| (id.to_string(), text::label(i18n, "customer_status_", id))).collect())
                    })
                />
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <EmptyState testid="customers-empty" message=|t| t.customers_empty hint=|t| t.a11y_empty_customers />
            </Show>
            <ul class="deal-list" data-testid="customer-list" node_ref=list>
                <li class="spacer" aria-hidden="true" style:height=move || window.top().height() style:display=move || window.top().display()></li>
                <For
                    each=move || {
                        let shown = window.range();
                        rows.with(|all| all.iter().skip(shown.start).take(shown.len()).cloned().collect::<Vec<_>>())
                    }
                    key=|row| (row.id.clone(), row.name.clone(), row.status, row.buyer, row.last_contact)
                    let(row)
                >
                    <li class="deal-row" data-testid="customer-row" data-customer-id=row.id.clone() data-status=status_id(row.status) data-buyer=buyer_id(row.buyer)>
                        <div class="deal-head">
                            <A href=format!("/customers/{}", row.id) attr:class="deal-title" attr:data-testid="customer-link">{row.name.clone()}</A>
                            <span class=format!("badge badge-{}", status_id(row.status))>{text::label(i18n, "customer_status_", status_id(row.status))}</span>
                        </div>
                        <div class="deal-meta">
                            <span>{row.segment.clone()}</span>
                            <span>{row.region.clone()}</span>
                            <span>{row.owner_name.clone().unwrap_or_default()}</span>
                            <span>{text::label(i18n, "buyer_", buyer_id(row.buyer))}</span>
                        </div>
                    </li>
                </For>
                <li class="spacer" aria-hidden="true" style:height=move || window.bottom().height() style:display=move || window.bottom().display()></li>
            </ul>
        </section>
    }
}

#[component]
pub fn CustomerDetail() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.customers_title);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let customer = Memo::new(move |_| {
        store
            .data
            .with(|d| d.live::<Customer>().find(|c| c.id == id.get()).cloned())
    });
    let entries = Memo::new(move |_| store.data.with(|d| timeline(d, &id.get())));
    let buyer = Memo::new(move |_| store.data.with(|d| buyer_kind(d, &id.get())));
    let churning = RwSignal::new(false);
    let on_win_back = move |_| {
        if let Some(current) = customer.get_untracked() {
            if let Ok(mut back) = win_back(&current, store.today()) {
                back.updated_at = clock::now();
                let _ = store.apply(Command::SaveRecord(AnyRecord::Customer(back)));
            }
        }
    };
    view! {
        <section class="page customer-detail">
            <Show
                when=move || customer.with(Option::is_some)
                fallback=move || view! {
                    <h1>{i18n.t(|t| t.customers_title)}</h1>
                    <p class="empty" data-testid="customer-missing">{i18n.t(|t| t.customers_missing)}</p>
                }
            >
                {move || {
                    customer
                        .get()
                        .map(|c| {
                            let status = CustomerStatus::of(&c, store.today());
                            let churned = status == CustomerStatus::Churned;
                            view! {
                                <div class="page-head">
                                    <h1 data-testid="customer-name">{c.name.clone()}</h1>
                                    <span class=format!("badge badge-{}", status_id(status)) data-testid="customer-status" data-value=status_id(status)>
                                        {text::label(i18n, "customer_status_", status_id(status))}
                                    </span>
                                    <span class="badge" data-testid="buyer-kind" data-value=move || buyer_id(buyer.get())>
                                        {move || text::label(i18n, "buyer_", buyer_id(buyer.get()))}
                                    </span>
                                </div>
                                <p class="deal-meta">
                                    <span>{c.segment.clone()}</span>
                                    <span>{c.region.clone()}</span>
                                    <span data-testid="customer-churn-reason">{c.churn_reason.clone().unwrap_or_default()}</span>
                                </p>
                                <div class="row-actions">
                                    {if churned {
                                        view! {
                                            <button type="button" class="primary" data-testid="customer-win-back" on:click=on_win_back>
                                                {i18n.t(|t| t.customers_win_back)}
                                            </button>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="danger" data-testid="customer-churn" on:click=move |_| churning.set(true)>
                                                {i18n.t(|t| t.customers_mark_churned)}
                                            </button>
                                        }
                                            .into_any()
                                    }}
                                </div>
                            }
                        })
                }}
                <h2>{i18n.t(|t| t.customers_timeline)}</h2>
                <Show when=move || entries.with(Vec::is_empty)>
                    <p class="empty" data-testid="timeline-empty">{i18n.t(|t| t.customers_timeline_empty)}</p>
                </Show>
                <ol class="timeline" data-testid="timeline">
                    {move || entries.get().into_iter().map(|entry| view! { <TimelineItem entry=entry /> }).collect_view()}
                </ol>
            </Show>
            <ChurnDialog customer=customer open=churning />
        </section>
    }
}

#[component]
fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let money = move |m: kpi::Money| m.format(store.currency(), store.locale());
    let (kind, what) = match &entry.event {
        TimelineEvent::Order { amount, .. } => (
            "order",
            fill(i18n.texts().timeline_order, &[("amount", &money(*amount))]),
        ),
        TimelineEvent::Deal {
            title,
            status,
            amount,
            ..
        } => (
            "deal",
            fill(
                i18n.texts().timeline_deal,
                &[
                    ("title", title),
                    ("status", &text::status(i18n, *status)),
                    ("amount", &money(*amount)),
                ],
            ),
        ),
        TimelineEvent::Activity {
            kind,
            minutes,
            note,
        } => (
            "activity",
            fill(
                i18n.texts().timeline_activity,
                &[
                    ("kind", &text::label(i18n, "choice_", kind.id())),
                    ("minutes", &minutes.to_string()),
                    ("note", note),
                ],
            ),
        ),
        TimelineEvent::Feedback { csat, nps } => (
            "feedback",
            fill(
                i18n.texts().timeline_feedback,
                &[
                    (
                        "csat",
                        &csat
                            .map(|s| s.to_string())
                            .unwrap_or_else(|| i18n.texts().no_data.to_string()),
                    ),
                    (
                        "nps",
                        &nps.map(|s| s.to_string())
                            .unwrap_or_else(|| i18n.texts().no_data.to_string()),
                    ),
                ],
            ),
        ),
        TimelineEvent::Complaint {
            text: said,
            resolved_on,
            ..
        } => (
            "complaint",
            match resolved_on {
                Some(day) => fill(
                    i18n.texts().timeline_complaint_resolved,
                    &[("text", said), ("date", &text::date(i18n, *day))],
                ),
                None => fill(i18n.texts().timeline_complaint_open, &[("text", said)]),
            },
        ),
    };
    view! {
        <li class="timeline-entry" data-testid="timeline-entry" data-kind=kind data-record-id=entry.target.id.clone()>
            <span class="nowrap">{text::date(i18n, entry.date)}</span>
            " "
            <span class="badge">{text::label(i18n, "timeline_kind_", kind)}</span>
            " "
            <span>{what}</span>
        </li>
    }
}

/// Marking churned asks for the reason (required).
#[component]
fn ChurnDialog(customer: Memo<Option<Customer>>, open: RwSignal<bool>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<RecordError>::new());
    let close = move || {
        open.set(false);
        reason.set(String::new());
        errors.set(Vec::new());
    };
    let confirm = move || {
        let Some(current) = customer.get_untracked() else {
            return;
        };
        match mark_churned(&current, &reason.get_untracked(), store.today()) {
            Ok(mut churned) => {
                churned.updated_at = clock::now();
                if store
                    .apply(Command::SaveRecord(AnyRecord::Customer(churned)))
                    .is_ok()
                {
                    close();
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let error = Signal::derive(move || {
        errors.with(|all| all.first().map(|e| text::problem(i18n, e.problem)))
    });
    let mark_churned_text = move || i18n.texts().customers_mark_churned.to_string();
    view! {
        <ReasonDialog
            ids=ReasonIds {
                dialog: "churn-dialog",
                title: "churn-title",
                field: "churn_reason",
                input: "churn-reason",
                confirm: "churn-confirm",
                cancel: "churn-cancel",
            }
            open=open
            title=Signal::derive(mark_churned_text)
            label=Signal::derive(move || i18n.texts().leads_reason.to_string())
            confirm_label=Signal::derive(mark_churned_text)
            reason=reason
            error=error
            on_confirm=Callback::new(move |_| confirm())
            on_cancel=Callback::new(move |_| close())
        />
    }
}
