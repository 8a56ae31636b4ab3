use crate::components::{field_error, text_signal, DateField, SelectField, TextField};
use crate::lang::use_i18n;
use crate::state::{Command, NoticeId, Store};
use crate::{clock, text};
use chrono::{DateTime, Utc};
use i18n::Texts;
use kpi::deal_input::{DealField, DealInput, FieldError};
use kpi::{Deal, DealKind, DealStatus, RecordId};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The deal form's state: one signal per field, as typed. Parsing and validation
/// happen in `kpi::deal_input`; this only moves text in and out.
#[derive(Clone, Copy)]
pub struct DealFormState {
    pub open: RwSignal<bool>,
    /// The deal being edited and the version the form was filled from.
    editing: RwSignal<Option<(RecordId, DateTime<Utc>)>>,
    title: RwSignal<String>,
    customer: RwSignal<String>,
    owner: RwSignal<String>,
    stage: RwSignal<String>,
    status: RwSignal<String>,
    amount: RwSignal<String>,
    cost: RwSignal<String>,
    discount: RwSignal<String>,
    probability: RwSignal<String>,
    kind: RwSignal<String>,
    created_on: RwSignal<String>,
    expected_close: RwSignal<String>,
    closed_on: RwSignal<String>,
    lost_reason: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
}

impl DealFormState {
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            open: RwSignal::new(false),
            editing: RwSignal::new(None),
            title: text(),
            customer: text(),
            owner: text(),
            stage: text(),
            status: text(),
            amount: text(),
            cost: text(),
            discount: text(),
            probability: text(),
            kind: text(),
            created_on: text(),
            expected_close: text(),
            closed_on: text(),
            lost_reason: text(),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// An empty form for a new deal, created today in the first stage.
    pub fn start_new(&self, store: &Store) {
        let first_stage = store
            .data
            .with_untracked(|d| d.settings.stages.first().map(|s| s.id.clone()));
        self.fill(&DealInput {
            stage: first_stage.unwrap_or_default(),
            created_on: store.today().to_string(),
            ..DealInput::default()
        });
        self.editing.set(None);
        self.open.set(true);
        focus_input("deal-title", true);
    }

    pub fn start_edit(&self, store: &Store, deal: &Deal) {
        let input = store
            .data
            .with_untracked(|d| DealInput::from_deal(deal, d, store.locale()));
        self.fill(&input);
        self.editing.set(Some((deal.id.clone(), deal.updated_at)));
        self.open.set(true);
        focus_input("deal-title", true);
    }

    /// Closes the form; the focus goes back to "New deal", not to the page's start.
    pub fn close(&self) {
        self.open.set(false);
        self.editing.set(None);
        self.errors.set(Vec::new());
        focus_input("deal-new", false);
    }

    fn fill(&self, input: &DealInput) {
        self.title.set(input.title.clone());
        self.customer.set(input.customer.clone());
        self.owner.set(input.owner.clone());
        self.stage.set(input.stage.clone());
        self.status.set(input.status.id().to_string());
        self.amount.set(input.amount.clone());
        self.cost.set(input.cost.clone());
        self.discount.set(input.discount.clone());
        self.probability.set(input.probability.clone());
        self.kind.set(input.kind.id().to_string());
        self.created_on.set(input.created_on.clone());
        self.expected_close.set(input.expected_close.clone());
        self.closed_on.set(input.closed_on.clone());
        self.lost_reason.set(input.lost_reason.clone());
        self.errors.set(Vec::new());
    }

    fn input(&self) -> DealInput {
        DealInput {
            title: self.title.get_untracked(),
            customer: self.customer.get_untracked(),
            owner: self.owner.get_untracked(),
            stage: self.stage.get_untracked(),
            status: DealStatus::from_id(&self.status.get_untracked()).unwrap_or(DealStatus::Open),
            amount: self.amount.get_untracked(),
            cost: self.cost.get_untracked(),
            discount: self.discount.get_untracked(),
            probability: self.probability.get_untracked(),
            kind: DealKind::from_id(&self.kind.get_untracked()).unwrap_or_default(),
            created_on: self.created_on.get_untracked(),
            expected_close: self.expected_close.get_untracked(),
            closed_on: self.closed_on.get_untracked(),
            lost_reason: self.lost_reason.get_untracked(),
        }
    }

    /// Parses, validates and saves; on any error nothing is saved, the errors show and
    /// the first wrong field gets the focus.
    fn submit(&self, store: &Store) {
        let id = self
            .editing
            .get_untracked()
            .map(|(id, _)| id)
            .unwrap_or_else(clock::new_id);
        let input = self.input();
        let result = input
            .into_deal(id, clock::now(), store.currency(), store.locale())
            .and_then(|deal| {
                store.apply(Command::SaveDeal {
                    deal,
                    customer: input.customer.clone(),
                    owner: input.owner.clone(),
                })
            });
        match result {
            Ok(()) => self.close(),
            Err(errors) => {
                let first = errors.first().map(|e| input_id(e.field));
                self.errors.set(errors);
                if let Some(id) = first {
                    focus_input(id, false);
                }
            }
        }
    }
}

/// The id (and test id) of the input of each field.
fn input_id(field: DealField) -> &'static str {
    match field {
        DealField::Title => "deal-title",
        DealField::Customer => "deal-customer",
        DealField::Owner => "deal-owner",
        DealField::Stage => "deal-stage",
        DealField::Amount => "deal-amount",
        DealField::Cost => "deal-cost",
        DealField::Discount => "deal-discount",
        DealField::Probability => "deal-probability",
        DealField::CreatedOn => "deal-created",
        DealField::ExpectedClose => "deal-expected-close",
        DealField::ClosedOn => "deal-closed",
        DealField::LostReason => "deal-lost-reason",
    }
}

/// Focuses an input after the current render; `reveal` also scrolls its form into view
/// (the form opens at the top of a long list).
fn focus_input(id: &'static str, reveal: bool) {
    request_animation_frame(move || {
        let Some(input) = document().get_element_by_id(id) else {
            return;
        };
        if reveal {
            if let Some(form) = input.closest("form").ok().flatten() {
                form.scroll_into_view();
            }
        }
        if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    });
}

impl Default for DealFormState {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn DealForm(form: DealFormState) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let error = move |field: DealField| {
        field_error(i18n, form.errors, field, |e: &FieldError| {
            (e.field, e.problem)
        })
    };
    let label = move |pick: fn(&'static Texts) -> &'static str| text_signal(i18n, pick);
    let status = move || DealStatus::from_id(&form.status.get()).unwrap_or(DealStatus::Open);
    let stage_options = Signal::derive(move || {
        store.data.with(|d| {
            d.settings
                .stages
                .iter()
                .map(|s| (s.id.clone(), text::stage(i18n, &s.id, &s.name)))
                .collect()
        })
    });
    let status_options = Signal::derive(move || {
        DealStatus::ALL
            .iter()
            .map(|s| (s.id().to_string(), text::status(i18n, *s)))
            .collect()
    });
    let kind_options = Signal::derive(move || {
        DealKind::ALL
            .iter()
            .map(|k| (k.id().to_string(), text::kind(i18n, *k)))
            .collect()
    });
    // Saving over a deal deleted, won or lost meanwhile (its row buttons stay usable)
    // would bring it back or undo the change: close the form and say so instead.
    Effect::new(move |_| {
        let Some((id, version)) = form.editing.get() else {
            return;
        };
        let current = store
            .data
            .with(|d| d.find_deal(&id).map(|deal| deal.updated_at));
        if current != Some(version) {
            form.close();
            store.notify(NoticeId::EditClosed, None, None);
        }
    });
    // A deal entered as already won or lost most often closed today.
    Effect::new(move |_| {
        if status() != DealStatus::Open && form.closed_on.with_untracked(String::is_empty) {
            form.closed_on.set(store.today().to_string());
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(&store);
    };
    view! {
        <form
            class="deal-form"
            data-testid="deal-form"
            on:submit=on_submit
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    form.close();
                }
            }
            novalidate
        >
            <h2>
                {move || {
                    if form.editing.with(Option::is_some) {
                        i18n.texts().deal_edit_title
                    } else {
                        i18n.texts().deal_new_title
                    }
                }}
            </h2>
            <div class="form-grid">
                <TextField label=label(|t| t.deal_title) field="title" testid="deal-title" value=form.title error=error(DealField::Title) />
                <TextField label=label(|t| t.deal_customer) field="customer" testid="deal-customer" value=form.customer error=error(DealField::Customer) />
                <TextField label=label(|t| t.deal_owner) field="owner" testid="deal-owner" value=form.owner error=error(DealField::Owner) />
                <TextField label=label(|t| t.deal_amount) field="amount" testid="deal-amount" value=form.amount error=error(DealField::Amount) inputmode="decimal" />
                <TextField label=label(|t| t.deal_cost) field="cost" testid="deal-cost" value=form.cost error=error(DealField::Cost) inputmode="decimal" />
                <TextField label=label(|t| t.deal_discount) field="discount" testid="deal-discount" value=form.discount error=error(DealField::Discount) inputmode="decimal" />
                <SelectField label=label(|t| t.deal_stage) field="stage" testid="deal-stage" value=form.stage options=stage_options error=error(DealField::Stage) />
                <SelectField label=label(|t| t.deal_kind) field="kind" testid="deal-kind" value=form.kind options=kind_options />
                <TextField label=label(|t| t.deal_probability) field="probability" testid="deal-probability" value=form.probability error=error(DealField::Probability) inputmode="numeric" />
                <SelectField label=label(|t| t.deal_status) field="status" testid="deal-status" value=form.status options=status_options />
                <DateField label=label(|t| t.deal_created) field="created_on" testid="deal-created" value=form.created_on error=error(DealField::CreatedOn) />
                <DateField label=label(|t| t.deal_expected_close) field="expected_close" testid="deal-expected-close" value=form.expected_close error=error(DealField::ExpectedClose) />
                <Show when=move || status() != DealStatus::Open>
                    <DateField label=label(|t| t.deal_closed) field="closed_on" testid="deal-closed" value=form.closed_on error=error(DealField::ClosedOn) />
                </Show>
                <Show when=move || status() == DealStatus::Lost>
                    <TextField label=label(|t| t.deal_lost_reason) field="lost_reason" testid="deal-lost-reason" value=form.lost_reason error=error(DealField::LostReason) />
                </Show>
            </div>
            <div class="actions">
                <button type="submit" class="primary" data-testid="deal-save">{i18n.t(|t| t.save)}</button>
                <button type="button" data-testid="deal-cancel" on:click=move |_| form.close()>{i18n.t(|t| t.cancel)}</button>
            </div>
        </form>
    }
}
