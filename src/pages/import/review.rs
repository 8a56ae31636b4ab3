//! The import's review: the CRM recognised, each column's field (changeable), unknown
//! stages to map, the preview of the first rows, every problem by row and column, the
//! duplicates, and the commit.

use super::ImportState;
use crate::lang::use_i18n;
use crate::text;
use kpi::import::{DuplicateOf, DuplicatePolicy, Field};
use leptos::prelude::*;

/// Reads the job's report (re-read whenever `state.report` is bumped).
pub(super) fn with_job<T: Default>(
    state: ImportState,
    read: impl FnOnce(&kpi::import::ImportJob) -> T,
) -> T {
    state.report.track();
    state
        .job
        .with_value(|job| job.as_ref().map(read))
        .unwrap_or_default()
}

#[component]
pub(super) fn Review(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    let kind = state.kind.get_untracked();
    let source = move || with_job(state, |j| j.source().id().to_string());
    let missing = move || with_job(state, |j| j.mapping().missing_fields());
    let can_commit = move || with_job(state, |j| j.can_finish());
    let summary = move || with_job(state, |j| super::messages::summary(i18n, j));
    view! {
        <section class="panel import-review" data-testid="import-review">
            <p data-testid="import-source" data-crm=source>
                {move || i18n::fill(i18n.texts().import_source, &[("crm", &text::label(i18n, "import_crm_", &source()))])}
            </p>
            <h2>{i18n.t(|t| t.import_mapping)}</h2>
            <ColumnMapping state=state kind=kind />
            {move || {
                let missing = missing();
                (!missing.is_empty()).then(|| {
                    let names: Vec<String> = missing.iter().map(|f| field_name(i18n, f.id())).collect();
                    view! {
                        <p class="form-error" data-testid="import-missing">
                            {i18n::fill(i18n.texts().import_missing_fields, &[("fields", &names.join(", "))])}
                        </p>
                    }
                })
            }}
            <super::date_order::DateOrder state=state />
            <StageMapping state=state />
            <label class="field" for="import-duplicates">
                <span>{i18n.t(|t| t.import_duplicates_policy)}</span>
                <select id="import-duplicates" data-testid="import-duplicates-policy" on:change=move |ev| {
                    let policy = match event_target_value(&ev).as_str() {
                        "import" => DuplicatePolicy::Import,
                        _ => DuplicatePolicy::Skip,
                    };
                    state.remap(|m| m.duplicates = policy);
                }>
                    <option value="skip" selected=move || with_job(state, |j| j.mapping().duplicates == DuplicatePolicy::Skip)>
                        {i18n.t(|t| t.import_duplicates_skip)}
                    </option>
                    <option value="import" selected=move || with_job(state, |j| j.mapping().duplicates == DuplicatePolicy::Import)>
                        {i18n.t(|t| t.import_duplicates_import)}
                    </option>
                </select>
            </label>
            <h2>{i18n.t(|t| t.import_preview)}</h2>
            <Preview state=state />
            <Problems state=state />
            <Duplicates state=state />
            <Spanning state=state />
            <p role="status" data-testid="import-summary" data-ready=move || can_commit().to_string()>
                {summary}
            </p>
            <div class="form-actions">
                <button
                    class="primary"
                    data-testid="import-commit"
                    disabled=move || !can_commit()
                    on:click=move |_| state.commit(i18n)
                >
                    {i18n.t(|t| t.import_commit)}
                </button>
                <button data-testid="import-cancel" on:click=move |_| state.cancel()>
                    {i18n.t(|t| t.import_cancel)}
                </button>
            </div>
        </section>
    }
}

/// A field's translated name.
fn field_name(i18n: crate::lang::I18n, id: &str) -> String {
    text::label(i18n, "import_field_", id)
}

/// One row per file column: its header and the field it fills (or "ignore").
#[component]
fn ColumnMapping(state: ImportState, kind: kpi::RecordKind) -> impl IntoView {
    let i18n = use_i18n();
    let headers = state
        .job
        .with_value(|job| job.as_ref().map(|j| j.headers().to_vec()))
        .unwrap_or_default();
    let all_headers = headers.clone();
    view! {
        <table class="import-mapping" data-testid="import-mapping">
            <thead>
                <tr>
                    <th scope="col">{i18n.t(|t| t.import_column)}</th>
                    <th scope="col">{i18n.t(|t| t.import_field)}</th>
                </tr>
            </thead>
            <tbody>
                {headers
                    .into_iter()
                    .enumerate()
                    .map(|(index, header)| {
                        let current = move || with_job(state, |j| j.mapping().field(index).map(|f| f.id().to_string()));
                        let note = {
                            let headers = all_headers.clone();
                            move || {
                                with_job(state, |j| j.mapping().column_notes(&headers).get(index).copied().flatten())
                                    .map(|note| {
                                        let text = super::messages::column_note(i18n, note, &headers);
                                        view! { <p class="hint" data-testid="import-column-note">{text}</p> }
                                    })
                            }
                        };
                        let id = format!("import-column-{index}");
                        view! {
                            <tr data-testid="import-column" data-column=header.clone() data-field=move || current().unwrap_or_default()>
                                <th scope="row"><label for=id.clone()>{header.clone()}</label></th>
                                <td>
                                    <select id=id data-testid="import-column-field" on:change=move |ev| {
                                        let field = Field::from_id(&event_target_value(&ev));
                                        state.remap(|m| {
                                            if let Some(slot) = m.columns.get_mut(index) {
                                                *slot = field;
                                            }
                                        });
                                    }>
                                        <option value="" selected=move || current().is_none()>{i18n.t(|t| t.import_ignore)}</option>
                                        {Field::for_kind(kind)
                                            .iter()
                                            .map(|f| {
                                                let f = *f;
                                                view! {
                                                    <option value=f.id() selected=move || current().as_deref() == Some(f.id())>
                                                        {field_name(i18n, f.id())}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                    {note}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Rows that span several lines of the file: legitimate CSV, but the count of rows
/// then differs from the count of lines, and a stray quote would look the same.
#[component]
fn Spanning(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (rows, count) = with_job(state, |j| {
            (
                j.spanning_rows()
                    .iter()
                    .take(10)
                    .copied()
                    .collect::<Vec<_>>(),
                j.spanning_count(),
            )
        });
        (count > 0).then(|| {
            let mut listed: Vec<String> = rows.iter().map(usize::to_string).collect();
            if count > rows.len() {
                listed.push("…".to_string());
            }
            view! {
                <p class="hint" data-testid="import-spanning" data-count=count>
                    {i18n::fill(
                        i18n.texts().import_spanning,
                        &[("count", &count.to_string()), ("rows", &listed.join(", "))],
                    )}
                </p>
            }
        })
    }
}

/// Stage texts the file uses that no rule recognised: each can be put in a stage.
#[component]
fn StageMapping(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    let stages = state
        .store
        .data
        .with_untracked(|d| d.settings.stages.clone());
    move || {
        let unknown = with_job(state, |j| j.unknown_stages());
        (!unknown.is_empty()).then(|| {
            let stages = stages.clone();
            view! {
                <div class="import-stages" data-testid="import-stages">
                    <p>{i18n.t(|t| t.import_unknown_stages)}</p>
                    {unknown
                        .into_iter()
                        .map(|word| {
                            let key = word.clone();
                            view! {
                                <label class="field">
                                    <span>{word.clone()}</span>
                                    <select data-testid="import-stage" data-stage-text=word.clone() on:change=move |ev| {
                                        let stage = event_target_value(&ev);
                                        let key = key.clone();
                                        state.remap(move |m| {
                                            m.stages.insert(key, stage);
                                        });
                                    }>
                                        <option value="">{i18n.t(|t| t.import_choose_stage)}</option>
                                        {stages
                                            .iter()
                                            .map(|s| view! { <option value=s.id.clone()>{text::stage(i18n, &s.id, &s.name)}</option> })
                                            .collect_view()}
                                    </select>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// The first rows as they will be stored.
#[component]
fn Preview(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let rows = with_job(state, |j| j.preview().to_vec());
        let fields: Vec<Field> = rows
            .first()
            .map(|r| r.values.iter().map(|(f, _)| *f).collect())
            .unwrap_or_default();
        view! {
            <div class="records">
                <table class="records-table" data-testid="import-preview">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(|t| t.import_row)}</th>
                            {fields.iter().map(|f| view! { <th scope="col">{field_name(i18n, f.id())}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let flag = match (&row.duplicate, row.has_errors) {
                                    (_, true) => "error",
                                    (Some(_), false) => "duplicate",
                                    (None, false) => "ok",
                                };
                                let new_links = row.new_links.clone();
                                view! {
                                    <tr data-testid="import-preview-row" data-row=row.row data-flag=flag>
                                        <td>{row.row}</td>
                                        {row
                                            .values
                                            .into_iter()
                                            .map(|(field, value)| {
                                                let new = new_links.contains(&field);
                                                view! {
                                                    <td data-field=field.id()>
                                                        {value}
                                                        {new.then(|| view! { " " <span class="badge">{i18n.t(|t| t.import_new)}</span> })}
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}

/// Every problem by row and column (the first `MAX_ERRORS`, and how many in all).
#[component]
fn Problems(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (errors, count) = with_job(state, |j| (j.errors().to_vec(), j.error_count()));
        (count > 0).then(|| {
            let more = count.saturating_sub(errors.len());
            view! {
                <section class="import-problems" role="alert" data-testid="import-problems" data-count=count>
                    <h2>{i18n::fill(i18n.texts().import_problems, &[("count", &count.to_string())])}</h2>
                    <ul>
                        {errors
                            .into_iter()
                            .map(|error| {
                                let message = super::messages::row_error(i18n, &error);
                                view! {
                                    <li
                                        data-testid="import-problem"
                                        data-row=error.row
                                        data-column=error.column.clone().unwrap_or_default()
                                    >
                                        {message}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(more > 0).then(|| view! {
                        <p>{i18n::fill(i18n.texts().import_more_problems, &[("count", &more.to_string())])}</p>
                    })}
                </section>
            }
        })
    }
}

/// Rows that repeat a record already there (or an earlier row).
#[component]
fn Duplicates(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let duplicates = with_job(state, |j| j.duplicates().to_vec());
        (!duplicates.is_empty()).then(|| {
            view! {
                <section class="import-duplicates" data-testid="import-duplicates">
                    <h2>{i18n::fill(i18n.texts().import_duplicates, &[("count", &duplicates.len().to_string())])}</h2>
                    <ul>
                        {duplicates
                            .into_iter()
                            .take(kpi::import::MAX_ERRORS)
                            .map(|d| {
                                let row = d.row.to_string();
                                let message = match d.of {
                                    DuplicateOf::Existing { .. } => i18n::fill(
                                        i18n.texts().import_duplicate_existing,
                                        &[("row", &row), ("title", &d.title)],
                                    ),
                                    DuplicateOf::Row(earlier) => i18n::fill(
                                        i18n.texts().import_duplicate_row,
                                        &[("row", &row), ("title", &d.title), ("earlier", &earlier.to_string())],
                                    ),
                                };
                                view! { <li data-testid="import-duplicate" data-row=d.row>{message}</li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
