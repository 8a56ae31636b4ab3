//! Quick log for a field visit: a floating "Log" button on every screen opens a
//! compact sheet (kind preset to "visit", 30 minutes, the last-used or first
//! customer), and "Save" stores the activity. Two taps. The rules are
//! `kpi::quick_log::quick_activity`.

use super::Modal;
use crate::lang::use_i18n;
use crate::state::{Command, Store};
use crate::{clock, text};
use i18n::fill;
use kpi::forms::AnyRecord;
use kpi::quick_log::{quick_activity, QuickLog};
use kpi::{ActivityKind, RecordError, RecordKind};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const KINDS: &[ActivityKind] = &[
    ActivityKind::Visit,
    ActivityKind::Call,
    ActivityKind::Meeting,
    ActivityKind::Demo,
    ActivityKind::Email,
    ActivityKind::Prospecting,
];
const DEFAULT_MINUTES: &str = "30";

#[component]
pub fn QuickLogButton() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(ActivityKind::Visit.id().to_string());
    let minutes = RwSignal::new(DEFAULT_MINUTES.to_string());
    let customer = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<RecordError>::new());
    let done = RwSignal::new(None::<String>);
    let customers = Memo::new(move |_| store.data.with(|d| d.choices(RecordKind::Customer)));
    let start = move |_| {
        // The last-used customer if it still exists, else the first one.
        let known = customers.with_untracked(|all| {
            let last = customer.get_untracked();
            all.iter()
                .any(|(id, _)| *id == last)
                .then_some(last)
                .or_else(|| all.first().map(|(id, _)| id.clone()))
        });
        customer.set(known.unwrap_or_default());
        kind.set(ActivityKind::Visit.id().to_string());
        minutes.set(DEFAULT_MINUTES.to_string());
        note.set(String::new());
        errors.set(Vec::new());
        done.set(None);
        open.set(true);
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = QuickLog {
            kind: ActivityKind::from_id(&kind.get_untracked()).unwrap_or(ActivityKind::Visit),
            minutes: minutes.get_untracked(),
            customer_id: Some(customer.get_untracked()),
            deal_id: None,
            note: note.get_untracked(),
            date: None,
        };
        let me = store.data.with_untracked(|d| d.settings.me.clone());
        match quick_activity(&input, me, &clock::new_id(), clock::now(), store.today()) {
            Ok(activity) => {
                let logged = text::label(i18n, "choice_", activity.kind.id());
                if store
                    .apply(Command::SaveRecord(AnyRecord::Activity(activity)))
                    .is_ok()
                {
                    open.set(false);
                    done.set(Some(logged));
                }
            }
            Err(found) => errors.set(found),
        }
    };
    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|all| {
                all.iter()
                    .find(|e| e.field == field)
                    .map(|e| text::problem(i18n, e.problem))
            })
        })
    };
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| (k.id().to_string(), text::label(i18n, "choice_", k.id())))
            .collect::<Vec<_>>()
    });
    let customer_options = Signal::derive(move || customers.get());
    view! {
        <button
            type="button"
            class="quick-log-button primary"
            data-testid="quick-log"
            aria-haspopup="dialog"
            aria-label=move || i18n.texts().quick_log_title
            on:click=start
        >
            {i18n.t(|t| t.quick_log)}
        </button>
        <p class="visually-hidden" role="status" data-testid="quick-log-done">
            {move || done.get().map(|kind| fill(i18n.texts().quick_log_done, &[("kind", &kind)]))}
        </p>
        <Show when=move || open.get()>
            <Modal testid="quick-log-sheet" labelled_by="quick-log-title" on_cancel=Callback::new(move |_| open.set(false))>
                <form class="quick-log-sheet" on:submit=save novalidate>
                    <h2 id="quick-log-title">{i18n.t(|t| t.quick_log_title)}</h2>
                    <super::SelectField
                        label=Signal::derive(move || i18n.texts().quick_log_kind.to_string())
                        field="kind"
                        testid="quick-log-kind"
                        value=kind
                        options=kind_options
                    />
                    <super::TextField
                        label=Signal::derive(move || i18n.texts().quick_log_minutes.to_string())
                        field="minutes"
                        testid="quick-log-minutes"
                        value=minutes
                        error=error_of("minutes")
                        inputmode="numeric"
                    />
                    <super::SelectField
                        label=Signal::derive(move || i18n.texts().quick_log_customer.to_string())
                        field="customer_id"
                        testid="quick-log-customer"
                        value=customer
                        options=customer_options
                        error=error_of("customer_id")
                    />
                    <super::TextField
                        label=Signal::derive(move || i18n.texts().quick_log_note.to_string())
                        field="note"
                        testid="quick-log-note"
                        value=note
                        error=error_of("note")
                    />
                    <div class="actions">
                        <button type="submit" class="primary" data-testid="quick-log-save">
                            {i18n.t(|t| t.save)}
                        </button>
                        <button type="button" data-testid="quick-log-cancel" on:click=move |_| open.set(false)>
                            {i18n.t(|t| t.cancel)}
                        </button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}
