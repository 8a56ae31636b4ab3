//! The rep's "today" list: who and what needs a follow-up (`kpi::follow_ups`), each
//! entry linking to where the rep acts on it: the customer's page, the complaints, or
//! the pipeline board.

use crate::components::EmptyState;
use crate::lang::{set_page_title, use_i18n};
use crate::state::Store;
use crate::text;
use i18n::fill;
use kpi::follow_ups::{follow_ups, FollowUp, FollowUpKind};
use kpi::{RecordKind, Scope};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Today() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.today_title);
    let entries = Memo::new(move |_| {
        store.data.with(|d| {
            // "Me" when set, else everyone's list.
            let scope = d.settings.me.clone().map(Scope::Rep).unwrap_or_default();
            follow_ups(d, &scope, store.today(), &d.settings)
        })
    });
    view! {
        <section class="page today">
            <div class="page-head">
                <h1>{i18n.t(|t| t.today_title)}</h1>
            </div>
            <Show when=move || entries.with(Vec::is_empty)>
                <EmptyState testid="today-empty" message=|t| t.today_empty hint=|t| t.a11y_empty_today />
            </Show>
            <ul class="deal-list" data-testid="follow-ups">
                {move || entries.get().into_iter().map(|entry| view! { <FollowUpItem entry=entry /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn FollowUpItem(entry: FollowUp) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let customer_of = |id: Option<&str>| {
        store
            .data
            .with_untracked(|d| d.customer_name(id).unwrap_or_default().to_string())
    };
    let money = |m: kpi::Money| m.format(store.currency(), store.locale());
    let why = match &entry.kind {
        FollowUpKind::NotContacted {
            customer_id, days, ..
        } => fill(
            i18n.texts().today_not_contacted,
            &[
                ("customer", &customer_of(Some(customer_id))),
                ("days", &days.to_string()),
            ],
        ),
        FollowUpKind::OpenComplaint {
            customer_id,
            age_days,
            ..
        } => fill(
            i18n.texts().today_open_complaint,
            &[
                ("customer", &customer_of(customer_id.as_deref())),
                ("days", &age_days.to_string()),
            ],
        ),
        FollowUpKind::OverdueDeal {
            deal_id,
            days_overdue,
            ..
        } => {
            let title = store
                .data
                .with_untracked(|d| d.find_deal(deal_id).map(|deal| deal.title.clone()))
                .unwrap_or_default();
            fill(
                i18n.texts().today_overdue_deal,
                &[("title", &title), ("days", &days_overdue.to_string())],
            )
        }
        FollowUpKind::CrossSell {
            customer_id,
            missing_kind,
            ..
        } => fill(
            i18n.texts().today_cross_sell,
            &[
                ("customer", &customer_of(Some(customer_id))),
                ("kind", &text::label(i18n, "choice_", missing_kind.id())),
            ],
        ),
        FollowUpKind::DroppingOrders {
            customer_id,
            previous_avg,
            recent_avg,
        } => fill(
            i18n.texts().today_dropping_orders,
            &[
                ("customer", &customer_of(Some(customer_id))),
                ("before", &money(*previous_avg)),
                ("now", &money(*recent_avg)),
            ],
        ),
    };
    let href = match entry.target.kind {
        RecordKind::Customer => format!("/customers/{}", entry.target.id),
        RecordKind::Feedback => "/complaints".to_string(),
        RecordKind::Deal => "/pipeline".to_string(),
        other => format!("/records/{}", other.id()),
    };
    view! {
        <li class="deal-row" data-testid="follow-up" data-kind=entry.kind.id() data-target-id=entry.target.id.clone()>
            <A href=href attr:data-testid="follow-up-link">{why}</A>
        </li>
    }
}
