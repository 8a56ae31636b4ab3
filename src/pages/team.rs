//! The team view without a server: the manager picks the data files reps exported,
//! sees what merging them would do (`kpi::team_import`), imports all of them or
//! nothing, and may undo the import while nothing else has changed.

use crate::files;
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, NoticeId, Store};
use crate::{clock, text};
use i18n::fill;
use kpi::team_import::{
    prepare, ConflictRow, FileSummary, Refusal, RefusedFile, TeamImport, Version,
};
use kpi::Dataset;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use web_sys::HtmlInputElement;

/// The files picked (name, text) and what importing them would do.
#[derive(Clone, PartialEq)]
struct Preview {
    files: Vec<(String, String)>,
    import: TeamImport,
}

/// A committed import: its report, and the data before and right after it (for undo).
#[derive(Clone, PartialEq)]
struct Done {
    import: TeamImport,
    before: Dataset,
    after: Dataset,
}

#[component]
pub fn Team() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.team_title);
    let preview = RwSignal::new(None::<Preview>);
    let done = RwSignal::new(None::<Done>);
    let reading = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Clear the picker so picking the same files again is noticed.
        input.set_value("");
        if picked.is_empty() {
            return;
        }
        reading.set(true);
        done.set(None);
        spawn_local(async move {
            let mut texts = Vec::with_capacity(picked.len());
            let mut unreadable = Vec::new();
            for file in picked {
                let name = file.name();
                match files::read_text(file).await {
                    Ok(text) => texts.push((name, text)),
                    Err(reason) => unreadable.push(RefusedFile {
                        name,
                        refusal: Refusal::Unreadable { reason },
                    }),
                }
            }
            let mut import = store
                .data
                .with_untracked(|d| prepare(d, &texts, clock::now()));
            import.refused.extend(unreadable);
            let _ = reading.try_set(false);
            let _ = preview.try_set(Some(Preview {
                files: texts,
                import,
            }));
        });
    };
    let commit = move |_| {
        let Some(Preview { files, .. }) = preview.get_untracked() else {
            return;
        };
        let before = store.data.get_untracked();
        // Merged again with the data as it is now: nothing typed since is lost.
        let import = prepare(&before, &files, clock::now());
        if store.apply(Command::ImportTeam(files)).is_ok() {
            preview.set(None);
            done.set(Some(Done {
                import,
                before,
                after: store.data.get_untracked(),
            }));
        }
    };
    let undo = move |_| {
        let Some(Done { before, after, .. }) = done.get_untracked() else {
            return;
        };
        // Only the import itself is undone: not a change made after it.
        if store.data.with_untracked(|d| *d != after) {
            let why = i18n.texts().team_undo_stale.to_string();
            store.notify(NoticeId::ActionFailed, Some(why), None);
            return;
        }
        if store.apply(Command::UndoImport(Box::new(before))).is_ok() {
            done.set(None);
        }
    };
    view! {
        <section class="page team">
            <div class="page-head">
                <h1>{i18n.t(|t| t.team_title)}</h1>
            </div>
            <p class="hint">{i18n.t(|t| t.team_intro)}</p>
            <div class="setting-row">
                <label class="button primary" for="team-import-input">{i18n.t(|t| t.team_pick)}</label>
                <input
                    id="team-import-input"
                    class="file-input"
                    type="file"
                    multiple=true
                    accept=".json,application/json"
                    data-testid="team-import-input"
                    on:change=on_pick
                />
                <Show when=move || reading.get()>
                    <p class="hint" role="status">{i18n.t(|t| t.team_reading)}</p>
                </Show>
            </div>
            {move || preview.get().map(|Preview { import, .. }| {
                let can_commit = import.can_commit();
                let blocked = !import.refused.is_empty();
                let nothing = !blocked && import.changes_nothing();
                let (added, updated) = import.totals();
                let summary = fill(
                    i18n.texts().team_preview_summary,
                    &[("added", &added.to_string()), ("updated", &updated.to_string())],
                );
                view! {
                    <section class="panel team-report" data-testid="team-import-preview" aria-live="polite">
                        <h2>{i18n.t(|t| t.team_preview_title)}</h2>
                        <RefusedList refused=import.refused.clone() />
                        {blocked.then(|| view! { <p class="field-error" role="alert" data-testid="team-import-blocked">{i18n.t(|t| t.team_blocked)}</p> })}
                        {nothing.then(|| view! { <p data-testid="team-import-nothing">{i18n.t(|t| t.team_nothing)}</p> })}
                        {can_commit.then(|| view! { <p data-testid="team-import-summary">{summary}</p> })}
                        <FileTable files=import.files.clone() />
                        <FutureDatedList files=import.files.clone() />
                        <ConflictTable conflicts=import.conflicts.clone() />
                        <div class="actions">
                            {can_commit.then(|| view! {
                                <button class="primary" data-testid="team-import-commit" on:click=commit>{i18n.t(|t| t.team_commit)}</button>
                            })}
                            <button data-testid="team-import-cancel" on:click=move |_| preview.set(None)>{i18n.t(|t| t.cancel)}</button>
                        </div>
                    </section>
                }
            })}
            {move || done.get().map(|Done { import, .. }| {
                let (added, updated) = import.totals();
                let summary = fill(
                    i18n.texts().team_done_summary,
                    &[("added", &added.to_string()), ("updated", &updated.to_string())],
                );
                view! {
                    <section class="panel team-report" data-testid="team-import-done" aria-live="polite">
                        <h2>{i18n.t(|t| t.team_done_title)}</h2>
                        <p data-testid="team-import-summary">{summary}</p>
                        <FileTable files=import.files.clone() />
                        <ConflictTable conflicts=import.conflicts.clone() />
                        <p class="hint">
                            {i18n.t(|t| t.team_next)}" "
                            <A href="/">{i18n.t(|t| t.nav_dashboard)}</A>", "
                            <A href="/goals">{i18n.t(|t| t.nav_goals)}</A>", "
                            <A href="/contests">{i18n.t(|t| t.nav_contests)}</A>
                        </p>
                        <div class="actions">
                            <button data-testid="team-import-undo" on:click=undo>{i18n.t(|t| t.team_undo)}</button>
                        </div>
                    </section>
                }
            })}
        </section>
    }
}

/// Files refused, each with its reason.
#[component]
fn RefusedList(refused: Vec<RefusedFile>) -> impl IntoView {
    let i18n = use_i18n();
    (!refused.is_empty()).then(|| {
        let items = refused
            .into_iter()
            .map(|file| {
                let reason = match &file.refusal {
                    Refusal::Unreadable { reason } => reason.clone(),
                    Refusal::OtherCurrency { file, ours } => fill(
                        i18n.texts().team_other_currency,
                        &[("file", file), ("ours", ours)],
                    ),
                };
                let message = fill(
                    i18n.texts().team_refused,
                    &[("name", &file.name), ("reason", &reason)],
                );
                view! { <li data-testid="team-refused-file" data-file=file.name.clone()>{message}</li> }
            })
            .collect_view();
        view! { <ul class="team-refused" data-testid="team-refused">{items}</ul> }
    })
}

/// Files whose records are dated in the future: the rep's clock is wrong, and the
/// manager should know why their versions did not win.
#[component]
fn FutureDatedList(files: Vec<FileSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let items = files
        .into_iter()
        .filter(|f| f.future_dated > 0)
        .map(|f| {
            let message = fill(
                i18n.texts().team_future_dated,
                &[("name", &f.name), ("count", &f.future_dated.to_string())],
            );
            view! { <li data-testid="team-future-dated" data-file=f.name.clone()>{message}</li> }
        })
        .collect::<Vec<_>>();
    (!items.is_empty()).then(|| view! { <ul class="team-refused" role="alert">{items}</ul> })
}

/// Per file: records added, updated, unchanged and in conflict.
#[component]
fn FileTable(files: Vec<FileSummary>) -> impl IntoView {
    let i18n = use_i18n();
    (!files.is_empty()).then(|| {
        let rows = files
            .into_iter()
            .map(|f| {
                let cell = |n: usize| view! { <td data-value=n.to_string()>{n.to_string()}</td> };
                view! {
                    <tr data-testid="team-file" data-file=f.name.clone()>
                        <th scope="row">{f.name.clone()}</th>
                        {cell(f.added)}
                        {cell(f.updated)}
                        {cell(f.unchanged)}
                        {cell(f.conflicts)}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="records-table" data-testid="team-files">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(|t| t.team_file)}</th>
                        <th scope="col">{i18n.t(|t| t.team_added)}</th>
                        <th scope="col">{i18n.t(|t| t.team_updated)}</th>
                        <th scope="col">{i18n.t(|t| t.team_unchanged)}</th>
                        <th scope="col">{i18n.t(|t| t.team_conflicts)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}

/// Conflicting versions of one record: the newer kept, the other dropped, both shown.
#[component]
fn ConflictTable(conflicts: Vec<ConflictRow>) -> impl IntoView {
    let i18n = use_i18n();
    let version = move |v: &Version| {
        let source = v
            .file
            .clone()
            .unwrap_or_else(|| i18n.texts().team_your_data.to_string());
        let template = if v.deleted {
            i18n.texts().team_version_deleted
        } else {
            i18n.texts().team_version
        };
        fill(
            template,
            &[
                ("source", &source),
                ("at", &clock::local_text(v.updated_at, i18n.locale().tag())),
            ],
        )
    };
    (!conflicts.is_empty()).then(|| {
        let rows = conflicts
            .into_iter()
            .map(|c| {
                let record = format!(
                    "{}: {}",
                    text::label(i18n, "records_", c.kind.id()),
                    c.title.clone().unwrap_or_else(|| c.id.clone())
                );
                view! {
                    <tr data-testid="team-conflict" data-kind=c.kind.id() data-record-id=c.id.clone()>
                        <th scope="row">{record}</th>
                        <td data-testid="team-conflict-kept" data-file=c.kept.file.clone()>{version(&c.kept)}</td>
                        <td data-testid="team-conflict-dropped" data-file=c.dropped.file.clone()>{version(&c.dropped)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="records-table" data-testid="team-conflicts">
                <caption>{i18n.t(|t| t.team_conflicts_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(|t| t.team_record)}</th>
                        <th scope="col">{i18n.t(|t| t.team_kept)}</th>
                        <th scope="col">{i18n.t(|t| t.team_dropped)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}
