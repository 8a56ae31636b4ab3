//! Complaints: each with its customer, how long it has been open or how long it took
//! to resolve, and a "Resolve" button. The rules and the day counts are
//! `kpi::complaints`; CSAT, NPS and complaints are recorded with the feedback form.

use crate::components::EmptyState;
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, NoticeId, Store};
use crate::{clock, text};
use i18n::fill;
use kpi::complaints::{days_to_resolve, open_age_days, resolve_complaint};
use kpi::forms::AnyRecord;
use kpi::Feedback;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Complaints() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.complaints_title);
    // Open complaints first, then the newest.
    let complaints = Memo::new(move |_| {
        store.data.with(|d| {
            let mut all: Vec<Feedback> = d
                .live::<Feedback>()
                .filter(|f| f.complaint.is_some())
                .cloned()
                .collect();
            all.sort_by(|a, b| {
                (a.resolved_on.is_some(), std::cmp::Reverse(a.date), &a.id).cmp(&(
                    b.resolved_on.is_some(),
                    std::cmp::Reverse(b.date),
                    &b.id,
                ))
            });
            all
        })
    });
    view! {
        <section class="page complaints">
            <div class="page-head">
                <h1>{i18n.t(|t| t.complaints_title)}</h1>
                <A href="/records/feedback" attr:class="button" attr:data-testid="complaint-add">{i18n.t(|t| t.complaints_add)}</A>
            </div>
            <Show when=move || complaints.with(Vec::is_empty)>
                <EmptyState testid="complaints-empty" message=|t| t.complaints_empty hint=|t| t.a11y_empty_complaints />
            </Show>
            <ul class="deal-list" data-testid="complaint-list">
                <For
                    each=move || complaints.get()
                    key=|f| (f.id.clone(), f.updated_at)
                    let(feedback)
                >
                    <ComplaintRow feedback=feedback />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn ComplaintRow(feedback: Feedback) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let customer = store.data.with_untracked(|d| {
        d.customer_name(feedback.customer_id.as_deref())
            .unwrap_or_default()
            .to_string()
    });
    let resolved = feedback.resolved_on.is_some();
    let (days, template): (Option<i64>, fn(&'static i18n::Texts) -> &'static str) = if resolved {
        (days_to_resolve(&feedback), |t| t.complaints_resolved_in)
    } else {
        (open_age_days(&feedback, store.today()), |t| {
            t.complaints_open_for
        })
    };
    let days_text = days.map(|n| n.to_string()).unwrap_or_default();
    let shown = {
        let days_text = days_text.clone();
        move || fill(template(i18n.texts()), &[("days", &days_text)])
    };
    let to_resolve = feedback.clone();
    let on_resolve = move |_| match resolve_complaint(&to_resolve, store.today()) {
        Ok(mut done) => {
            done.updated_at = clock::now();
            let _ = store.apply(Command::SaveRecord(AnyRecord::Feedback(done)));
        }
        Err(errors) => {
            if let Some(first) = errors.first() {
                let why = text::problem(i18n, first.problem);
                store.notify(NoticeId::ActionFailed, Some(why), None);
            }
        }
    };
    let label = feedback.complaint.clone().unwrap_or_default();
    let state = if resolved { "resolved" } else { "open" };
    view! {
        <li class="deal-row" data-testid="complaint-row" data-feedback-id=feedback.id.clone() data-status=state>
            <div class="deal-head">
                <span class="deal-title">{label.clone()}</span>
                <span class=format!("badge badge-{state}")>
                    {move || if resolved { i18n.texts().complaints_resolved } else { i18n.texts().complaints_open }}
                </span>
            </div>
            <div class="deal-meta">
                <span>{customer}</span>
                <span class="nowrap">{text::date(i18n, feedback.date)}</span>
                <span data-testid=if resolved { "complaint-days-to-resolve" } else { "complaint-days-open" } data-value=days_text>
                    {shown}
                </span>
            </div>
            <Show when=move || !resolved>
                <div class="row-actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="complaint-resolve"
                        aria-label={
                            let label = label.clone();
                            move || format!("{} – {label}", i18n.texts().complaints_resolve)
                        }
                        on:click=on_resolve.clone()
                    >
                        {i18n.t(|t| t.complaints_resolve)}
                    </button>
                </div>
            </Show>
        </li>
    }
}
