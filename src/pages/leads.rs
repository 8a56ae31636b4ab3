//! Working leads: the list by status and source, qualify, disqualify with a reason, and
//! convert into a customer and a deal in one step. The rules are `kpi::leads`; adding
//! and editing a lead is the records page's lead form.

use crate::components::{
    DateField, EmptyState, Modal, ReasonDialog, ReasonIds, SelectField, TextField,
};
use crate::lang::{set_page_title, use_i18n, I18n};
use crate::state::{Command, Store};
use crate::{clock, text};
use i18n::fill;
use kpi::forms::AnyRecord;
use kpi::leads::{convert_lead, disqualify, lead_list, qualify, ConvertInput, LeadStatus, NewIds};
use kpi::{Lead, RecordError, Scope, Source};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

const STATUSES: &[(LeadStatus, &str)] = &[
    (LeadStatus::New, "new"),
    (LeadStatus::Qualified, "qualified"),
    (LeadStatus::Converted, "converted"),
    (LeadStatus::Disqualified, "disqualified"),
];
const SOURCES: &[Source] = &[Source::Inbound, Source::Outbound, Source::Referral];

fn status_id(status: LeadStatus) -> &'static str {
    STATUSES
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, id)| *id)
        .unwrap_or("new")
}

/// The first error on `field`, as text.
fn error_on(
    i18n: I18n,
    errors: RwSignal<Vec<RecordError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| text::problem(i18n, e.problem))
        })
    })
}

#[component]
pub fn Leads() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.leads_title);
    let status = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let leads = Memo::new(move |_| {
        let status = STATUSES
            .iter()
            .find(|(_, id)| *id == status.get())
            .map(|(s, _)| *s);
        let source = Source::from_id(&source.get());
        store.data.with(|d| {
            lead_list(d, &Scope::Everyone, status, source)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let disqualifying = RwSignal::new(None::<Lead>);
    let converting = RwSignal::new(None::<Lead>);
    let any = move || i18n.texts().leads_any.to_string();
    let status_options = Signal::derive(move || {
        let mut options = vec![(String::new(), any())];
        options.extend(
            STATUSES
                .iter()
                .map(|(_, id)| (id.to_string(), text::label(i18n, "lead_status_", id))),
        );
        options
    });
    let source_options = Signal::derive(move || {
        let mut options = vec![(String::new(), any())];
        options.extend(
            SOURCES
                .iter()
                .map(|s| (s.id().to_string(), text::label(i18n, "choice_", s.id()))),
        );
        options
    });
    view! {
        <section class="page leads">
            <div class="page-head">
                <h1>{i18n.t(|t| t.leads_title)}</h1>
                <A href="/records/leads" attr:class="button" attr:data-testid="lead-add">{i18n.t(|t| t.leads_add)}</A>
            </div>
            <div class="filters">
                <SelectField
                    label=Signal::derive(move || i18n.texts().leads_status.to_string())
                    field="lead_status"
                    testid="lead-filter-status"
                    value=status
                    options=status_options
                />
                <SelectField
                    label=Signal::derive(move || i18n.texts().leads_source.to_string())
                    field="lead_source"
                    testid="lead-filter-source"
                    value=source
                    options=source_options
                />
            </div>
            <Show when=move || leads.with(Vec::is_empty)>
                <EmptyState testid="leads-empty" message=|t| t.leads_empty hint=|t| t.a11y_empty_leads />
            </Show>
            <ul class="deal-list" data-testid="lead-list">
                <For
                    each=move || leads.get()
                    key=|lead| (lead.id.clone(), lead.updated_at)
                    let(lead)
                >
                    <LeadRow lead=lead disqualifying=disqualifying converting=converting />
                </For>
            </ul>
            <DisqualifyDialog lead=disqualifying />
            <ConvertDialog lead=converting />
        </section>
    }
}

#[component]
fn LeadRow(
    lead: Lead,
    disqualifying: RwSignal<Option<Lead>>,
    converting: RwSignal<Option<Lead>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let status = LeadStatus::of(&lead);
    let closed = matches!(status, LeadStatus::Converted | LeadStatus::Disqualified);
    let owner = store.data.with_untracked(|d| {
        lead.owner_id
            .as_deref()
            .and_then(|id| d.title_of(kpi::RecordKind::Rep, id))
            .unwrap_or_default()
    });
    let named = move |pick: fn(&'static i18n::Texts) -> &'static str, name: String| {
        move || format!("{} – {name}", pick(i18n.texts()))
    };
    let (for_qualify, for_disqualify, for_convert) = (lead.clone(), lead.clone(), lead.clone());
    let on_qualify = move |_| {
        if let Ok(mut qualified) = qualify(&for_qualify, store.today()) {
            qualified.updated_at = clock::now();
            let _ = store.apply(Command::SaveRecord(AnyRecord::Lead(qualified)));
        }
    };
    let reason = lead.disqualified_reason.clone().unwrap_or_default();
    view! {
        <li class="deal-row" data-testid="lead-row" data-lead-id=lead.id.clone() data-status=status_id(status)>
            <div class="deal-head">
                <span class="deal-title">{lead.name.clone()}</span>
                <span class=format!("badge badge-{}", status_id(status))>{move || text::label(i18n, "lead_status_", status_id(status))}</span>
            </div>
            <div class="deal-meta">
                <span data-testid="lead-source">{text::label(i18n, "choice_", lead.source.id())}</span>
                <span>{owner}</span>
                <span class="nowrap">{move || fill(i18n.texts().row_created, &[("date", &text::date(i18n, lead.created_on))])}</span>
                <span>{reason}</span>
            </div>
            <Show when=move || !closed>
                <div class="row-actions">
                    <button
                        type="button"
                        data-testid="lead-qualify"
                        disabled=status == LeadStatus::Qualified
                        aria-label=named(|t| t.leads_qualify, for_convert.name.clone())
                        on:click=on_qualify.clone()
                    >
                        {i18n.t(|t| t.leads_qualify)}
                    </button>
                    <button
                        type="button"
                        data-testid="lead-disqualify"
                        aria-label=named(|t| t.leads_disqualify, for_convert.name.clone())
                        on:click={
                            let lead = for_disqualify.clone();
                            move |_| disqualifying.set(Some(lead.clone()))
                        }
                    >
                        {i18n.t(|t| t.leads_disqualify)}
                    </button>
                    <button
                        type="button"
                        class="primary"
                        data-testid="lead-convert"
                        aria-label=named(|t| t.leads_convert, for_convert.name.clone())
                        on:click={
                            let lead = for_convert.clone();
                            move |_| converting.set(Some(lead.clone()))
                        }
                    >
                        {i18n.t(|t| t.leads_convert)}
                    </button>
                </div>
            </Show>
        </li>
    }
}

/// A lead dialog's title: `template` with the lead's name.
fn dialog_title(lead: RwSignal<Option<Lead>>, template: &str) -> String {
    let name = lead
        .with(|l| l.as_ref().map(|l| l.name.clone()))
        .unwrap_or_default();
    fill(template, &[("name", &name)])
}

/// Disqualifying asks for the reason (required).
#[component]
fn DisqualifyDialog(lead: RwSignal<Option<Lead>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<RecordError>::new());
    let close = move || {
        lead.set(None);
        reason.set(String::new());
        errors.set(Vec::new());
    };
    let confirm = move || {
        let Some(current) = lead.get_untracked() else {
            return;
        };
        match disqualify(&current, &reason.get_untracked(), store.today()) {
            Ok(mut out) => {
                out.updated_at = clock::now();
                if store
                    .apply(Command::SaveRecord(AnyRecord::Lead(out)))
                    .is_ok()
                {
                    close();
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let title = move || dialog_title(lead, i18n.texts().leads_disqualify_title);
    view! {
        <ReasonDialog
            ids=ReasonIds {
                dialog: "disqualify-dialog",
                title: "disqualify-title",
                field: "disqualified_reason",
                input: "disqualify-reason",
                confirm: "disqualify-confirm",
                cancel: "disqualify-cancel",
            }
            open=Signal::derive(move || lead.with(Option::is_some))
            title=Signal::derive(title)
            label=Signal::derive(move || i18n.texts().leads_reason.to_string())
            confirm_label=Signal::derive(move || i18n.texts().leads_disqualify.to_string())
            reason=reason
            error=error_on(i18n, errors, "disqualified_reason")
            on_confirm=Callback::new(move |_| confirm())
            on_cancel=Callback::new(move |_| close())
        />
    }
}

/// Converting makes the customer and the deal in one step, from a form prefilled by
/// `ConvertInput::from_lead`; the lead, the customer and the deal are saved together.
#[component]
fn ConvertDialog(lead: RwSignal<Option<Lead>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let customer_name = RwSignal::new(String::new());
    let segment = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let deal_title = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let expected_close = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<RecordError>::new());
    // A newly opened form starts from the lead.
    Effect::new(move |_| {
        if let Some(current) = lead.get() {
            let input = ConvertInput::from_lead(&current);
            customer_name.set(input.customer_name);
            segment.set(input.segment);
            region.set(input.region);
            deal_title.set(input.deal_title);
            amount.set(input.amount);
            expected_close.set(String::new());
            errors.set(Vec::new());
        }
    });
    let close = move || lead.set(None);
    let confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(current) = lead.get_untracked() else {
            return;
        };
        let close_text = expected_close.get_untracked();
        let parsed_close = chrono::NaiveDate::parse_from_str(close_text.trim(), "%Y-%m-%d").ok();
        if !close_text.trim().is_empty() && parsed_close.is_none() {
            errors.set(vec![RecordError {
                field: "expected_close",
                problem: kpi::Problem::NotADate,
            }]);
            return;
        }
        let input = ConvertInput {
            customer_name: customer_name.get_untracked(),
            segment: segment.get_untracked(),
            region: region.get_untracked(),
            deal_title: deal_title.get_untracked(),
            amount: amount.get_untracked(),
            expected_close: parsed_close,
            kind: kpi::DealKind::New,
        };
        let ids = NewIds {
            customer: clock::new_id(),
            deal: clock::new_id(),
        };
        let result = store.data.with_untracked(|d| {
            convert_lead(
                &current,
                &input,
                &ids,
                &d.settings,
                store.locale(),
                clock::now(),
                store.today(),
            )
        });
        match result {
            Ok((lead_now, customer, deal)) => {
                let records = vec![
                    AnyRecord::Customer(customer),
                    AnyRecord::Deal(deal),
                    AnyRecord::Lead(lead_now),
                ];
                if store.apply(Command::SaveRecords(records)).is_ok() {
                    close();
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let title = move || dialog_title(lead, i18n.texts().leads_convert_title);
    let label = move |pick: fn(&'static i18n::Texts) -> &'static str| {
        Signal::derive(move || pick(i18n.texts()).to_string())
    };
    view! {
        <Show when=move || lead.with(Option::is_some)>
            <Modal testid="convert-dialog" labelled_by="convert-title" on_cancel=Callback::new(move |_| close())>
                <form on:submit=confirm novalidate>
                    <h2 id="convert-title">{title}</h2>
                    <TextField label=label(|t| t.leads_customer_name) field="customer_name" testid="convert-customer" value=customer_name error=error_on(i18n, errors, "customer_name") />
                    <TextField label=label(|t| t.leads_segment) field="segment" testid="convert-segment" value=segment error=error_on(i18n, errors, "segment") />
                    <TextField label=label(|t| t.leads_region) field="region" testid="convert-region" value=region error=error_on(i18n, errors, "region") />
                    <TextField label=label(|t| t.leads_deal_title) field="deal_title" testid="convert-deal-title" value=deal_title error=error_on(i18n, errors, "deal_title") />
                    <TextField label=label(|t| t.leads_amount) field="amount" testid="convert-amount" value=amount error=error_on(i18n, errors, "amount") inputmode="decimal" />
                    <DateField label=label(|t| t.leads_expected_close) field="expected_close" testid="convert-expected-close" value=expected_close error=error_on(i18n, errors, "expected_close") />
                    <div class="actions">
                        <button type="submit" class="primary" data-testid="convert-confirm">
                            {i18n.t(|t| t.leads_convert)}
                        </button>
                        <button type="button" data-testid="convert-cancel" on:click=move |_| close()>
                            {i18n.t(|t| t.cancel)}
                        </button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}
