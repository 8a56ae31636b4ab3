//! Plain forms and lists for every record type other than deals (reps, teams,
//! customers, leads, orders, activities, expenses, feedback). Which fields exist, how
//! their text is read and which rules apply all come from `kpi::forms`; this page only
//! draws them.

use crate::components::{focus_by_id, EmptyState, VirtualRows};
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, Pending, Store};
use crate::{clock, text};
use kpi::forms::{fields, FieldKind, FieldSpec, Form};
use kpi::{RecordError, RecordId, RecordKind};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The record types with a page here, in tab order (deals have their own page).
pub const KINDS: &[RecordKind] = &[
    RecordKind::Customer,
    RecordKind::Lead,
    RecordKind::Order,
    RecordKind::Activity,
    RecordKind::Feedback,
    RecordKind::Expense,
    RecordKind::Rep,
    RecordKind::Team,
];

#[component]
pub fn Records() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.records_title);
    let params = use_params_map();
    let kind = Memo::new(move |_| {
        params
            .with(|p| p.get("kind"))
            .and_then(|k| RecordKind::from_id(&k))
            .filter(|k| KINDS.contains(k))
            .unwrap_or(RecordKind::Customer)
    });
    // `None`: closed; `Some(None)`: a new record; `Some(Some(id))`: editing `id`.
    let editing = RwSignal::new(None::<Option<RecordId>>);
    let form = RwSignal::new(Form::new());
    let errors = RwSignal::new(Vec::<RecordError>::new());
    Effect::new(move |_| {
        kind.track();
        editing.set(None);
    });
    let open = move |id: Option<RecordId>| {
        let filled = store
            .data
            .with_untracked(|d| d.record_form(kind.get_untracked(), id.as_deref(), store.locale()));
        form.set(filled);
        errors.set(Vec::new());
        editing.set(Some(id));
    };
    let total = Memo::new(move |_| store.data.with(|d| d.live_count(kind.get())));
    let window = VirtualRows::new(total);
    let list = NodeRef::<leptos::html::Tbody>::new();
    window.follow(list);
    // Only the rows near the screen are made (see `VirtualRows`).
    let rows = Memo::new(move |_| {
        store.data.with(|d| {
            d.record_rows(kind.get(), store.locale(), window.range())
                .rows
        })
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(id) = editing.get_untracked() else {
            return;
        };
        let result = store.data.with_untracked(|d| {
            form.with_untracked(|f| {
                d.record_from_form(
                    kind.get_untracked(),
                    id.as_deref(),
                    f,
                    clock::new_id(),
                    clock::now(),
                    store.locale(),
                )
            })
        });
        match result {
            Ok(record) => {
                // A refused save (read-only data, saves paused) keeps the form open.
                if store.apply(Command::SaveRecord(record)).is_ok() {
                    editing.set(None);
                }
            }
            Err(found) => {
                // The first wrong field gets the focus, as on the deal form.
                if let Some(first) = found.first() {
                    focus_by_id(format!("record-{}", first.field));
                }
                errors.set(found);
            }
        }
    };
    let heading = move || text::label(i18n, "records_", kind.get().id());
    view! {
        <section class="page records">
            <div class="page-head">
                <h1>{i18n.t(|t| t.records_title)}</h1>
            </div>
            <nav class="records-tabs" aria-label=move || i18n.texts().records_title>
                {KINDS
                    .iter()
                    .map(|k| {
                        let k = *k;
                        view! {
                            <A href=format!("/records/{}", k.id()) attr:data-testid=format!("records-tab-{}", k.id())>
                                {move || text::label(i18n, "records_", k.id())}
                            </A>
                        }
                    })
                    .collect_view()}
            </nav>
            <h2>{heading}</h2>
            <button class="primary" data-testid="record-new" on:click=move |_| open(None)>
                {i18n.t(|t| t.records_new)}
            </button>
            <Show when=move || editing.with(Option::is_some)>
                <form class="record-form" data-testid="record-form" on:submit=on_submit novalidate>
                    <div class="form-grid">
                        {move || {
                            fields(kind.get())
                                .iter()
                                .map(|spec| view! { <RecordField spec=*spec form=form errors=errors /> })
                                .collect_view()
                        }}
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" data-testid="record-save">{i18n.t(|t| t.save)}</button>
                        <button type="button" data-testid="record-cancel" on:click=move |_| editing.set(None)>
                            {i18n.t(|t| t.cancel)}
                        </button>
                    </div>
                </form>
            </Show>
            <Show
                when=move || { total.get() > 0 }
                fallback=move || view! { <EmptyState testid="records-empty" message=|t| t.records_empty hint=|t| t.a11y_empty_records /> }
            >
                <table class="records-table" data-testid="records-table">
                    <thead>
                        <tr>
                            {move || {
                                fields(kind.get())
                                    .iter()
                                    .map(|spec| view! { <th scope="col">{text::label(i18n, "field_", spec.id)}</th> })
                                    .collect_view()
                            }}
                            <th scope="col">{i18n.t(|t| t.records_actions)}</th>
                        </tr>
                    </thead>
                    <tbody node_ref=list>
                        <tr class="spacer" aria-hidden="true"><td colspan=move || fields(kind.get()).len() + 1 style:height=move || window.top().height() style:display=move || window.top().display()></td></tr>
                        <For
                            each=move || rows.get()
                            key=|row| row.clone()
                            let(row)
                        >
                            <RecordRowView row=row kind=kind open=open />
                        </For>
                        <tr class="spacer" aria-hidden="true"><td colspan=move || fields(kind.get()).len() + 1 style:height=move || window.bottom().height() style:display=move || window.bottom().display()></td></tr>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn RecordRowView(
    row: kpi::forms::RecordRow,
    kind: Memo<RecordKind>,
    open: impl Fn(Option<RecordId>) + Copy + 'static,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let title = row.cells.first().cloned().unwrap_or_default();
    let (edit_id, delete_id) = (row.id.clone(), row.id.clone());
    view! {
        <tr data-testid="record-row" data-record-id=row.id.clone()>
            {row
                .cells
                .into_iter()
                .zip(fields(kind.get_untracked()))
                .map(|(cell, spec)| {
                    // Choices are stored as ids ("cross_sell"): show their names.
                    let shown = match spec.kind {
                        FieldKind::Choice(_) => text::label(i18n, "choice_", &cell),
                        _ => cell,
                    };
                    view! { <td>{shown}</td> }
                })
                .collect_view()}
            <td class="row-actions">
                <button data-testid="record-edit" on:click=move |_| open(Some(edit_id.clone()))>
                    {i18n.t(|t| t.records_edit)}
                </button>
                <button
                    data-testid="record-delete"
                    on:click=move |_| {
                        store.ask(Pending::DeleteRecord {
                            kind: kind.get_untracked(),
                            id: delete_id.clone(),
                            title: title.clone(),
                        })
                    }
                >
                    {i18n.t(|t| t.records_delete)}
                </button>
            </td>
        </tr>
    }
}

/// One input of a record form, chosen by the field's kind.
#[component]
fn RecordField(
    spec: FieldSpec,
    form: RwSignal<Form>,
    errors: RwSignal<Vec<RecordError>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let id = spec.id;
    let input_id = format!("record-{id}");
    let error_id = format!("error-{id}");
    let value = move || form.with(|f| f.get(id).cloned().unwrap_or_default());
    let set = move |text: String| {
        form.update(|f| {
            f.insert(id, text);
        })
    };
    let error = move || {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == id)
                .map(|e| text::problem(i18n, e.problem))
        })
    };
    let options = move || -> Option<Vec<(String, String)>> {
        match spec.kind {
            FieldKind::Choice(ids) => Some(
                ids.iter()
                    .map(|choice| (choice.to_string(), text::label(i18n, "choice_", choice)))
                    .collect(),
            ),
            FieldKind::Ref(target) => {
                let mut options = vec![(String::new(), i18n.texts().record_none.to_string())];
                options.extend(store.data.with(|d| d.choices(target)));
                Some(options)
            }
            _ => None,
        }
    };
    let input_type = match spec.kind {
        FieldKind::Date | FieldKind::OptionalDate => "date",
        _ => "text",
    };
    let inputmode = match spec.kind {
        FieldKind::Amount | FieldKind::OptionalAmount => Some("decimal"),
        FieldKind::Count | FieldKind::Score { .. } => Some("numeric"),
        _ => None,
    };
    let control = match options() {
        Some(_) => view! {
            <select
                id=input_id.clone()
                data-testid=input_id.clone()
                prop:value=value
                on:change=move |ev| set(event_target_value(&ev))
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || error().is_some().then(|| format!("error-{id}"))
            >
                {move || {
                    options()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(v, label)| {
                            let selected = value() == v;
                            view! { <option value=v selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any(),
        None => view! {
            <input
                id=input_id.clone()
                type=input_type
                inputmode=inputmode
                data-testid=input_id.clone()
                prop:value=value
                on:input=move |ev| set(event_target_value(&ev))
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || error().is_some().then(|| format!("error-{id}"))
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=input_id>{text::label(i18n, "field_", id)}</label>
            {control}
            <Show when=move || error().is_some()>
                <p class="field-error" id=error_id.clone() role="alert" data-testid=format!("field-error-{id}")>{error}</p>
            </Show>
        </div>
    }
}
