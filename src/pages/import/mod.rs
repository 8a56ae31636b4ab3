//! `/import`: a CSV file from HubSpot, Pipedrive, Salesforce, a spreadsheet or Salesboard
//! itself into one record type. Choose the type and the file → the columns are
//! recognised (the CRM is named) → each column's field can be changed → a preview of
//! the first rows as they will be stored, every problem by row and column, duplicates
//! of existing records → one all-or-nothing command, undone as a whole.
//!
//! All reading and checking is `kpi::import::ImportJob`; this page only drives it in
//! chunks, yielding to the browser between them, so 100k rows never freeze the page.

mod date_order;
mod messages;
mod review;

use crate::clock;
use crate::files;
use crate::lang::{set_page_title, use_i18n};
use crate::state::{Command, Store, UndoWhat};
use crate::text;
use kpi::import::{decode_text, ImportJob, ImportOptions, Mapping, Phase, IMPORT_KINDS};
use kpi::RecordKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use review::Review;
use web_sys::HtmlInputElement;

/// Rows read or checked between two yields to the browser.
const CHUNK_ROWS: usize = 2_000;

/// Where the import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Choose,
    /// Reading and checking the file (the progress bar).
    Working,
    /// Mapping, preview, problems and duplicates; commit from here.
    Review,
    /// Committed: `records` added, `skipped` duplicates left out.
    Imported {
        records: usize,
        skipped: usize,
    },
}

/// The page's state, shared by its parts (`Copy`).
#[derive(Clone, Copy)]
struct ImportState {
    store: Store,
    kind: RwSignal<RecordKind>,
    step: RwSignal<Step>,
    job: StoredValue<Option<ImportJob>, LocalStorage>,
    /// Share of the job done (0–1) and its phase, for the bar.
    progress: RwSignal<(f64, Phase)>,
    /// Bumped whenever the job's report changed, so the review re-reads it.
    report: RwSignal<u32>,
    /// Which run of the chunk loop is current; an older loop stops.
    run: StoredValue<u32, LocalStorage>,
    /// A message about the file or the commit (already translated).
    error: RwSignal<Option<String>>,
    /// The date order in force is the answer remembered from an earlier file of the
    /// same source (the question says so until the user changes it).
    date_order_remembered: RwSignal<bool>,
}

impl ImportState {
    /// Reads and checks the whole file in chunks, yielding between them; the review
    /// shows when done. A newer run or a cancel ends this one.
    fn check(self) {
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        self.step.set(Step::Working);
        spawn_local(async move {
            loop {
                if self.run.try_get_value() != Some(run) {
                    return;
                }
                let progress = self.job.try_update_value(|job| {
                    let job = job.as_mut()?;
                    Some(
                        self.store
                            .data
                            .with_untracked(|d| job.step(d, CHUNK_ROWS, &mut clock::new_id)),
                    )
                });
                let Some(Some(progress)) = progress else {
                    return;
                };
                let _ = self.progress.try_set((progress.fraction(), progress.phase));
                if progress.is_done() {
                    self.report.update(|n| *n += 1);
                    self.step.set(Step::Review);
                    return;
                }
                files::yield_to_browser().await;
            }
        });
    }

    /// Stops reading or checking and forgets the file: nothing was imported.
    fn cancel(self) {
        self.run.set_value(self.run.get_value() + 1);
        self.job.set_value(None);
        self.step.set(Step::Choose);
    }

    /// The user's mapping: checked again from the first row.
    fn remap(self, change: impl FnOnce(&mut Mapping)) {
        self.job.update_value(|job| {
            if let Some(job) = job {
                let mut mapping = job.mapping().clone();
                change(&mut mapping);
                job.set_mapping(mapping);
            }
        });
        self.check();
    }

    /// The user's answer to the date-order question: the file is checked again with it,
    /// and it is remembered for the next file from the same source.
    fn choose_date_order(self, order: kpi::import::values::SlashOrder) {
        let source = self.job.with_value(|job| job.as_ref().map(|j| j.source()));
        if let Some(source) = source {
            date_order::remember(source, order);
        }
        self.date_order_remembered.set(false);
        self.remap(|m| m.date_order = Some(order));
    }

    /// Adds every checked record in one command, or says why not.
    fn commit(self, i18n: crate::lang::I18n) {
        let outcome = self.job.with_value(|job| job.as_ref().map(|j| j.finish()));
        match outcome {
            Some(Ok(outcome)) => {
                let (records, skipped) = (outcome.records.len(), outcome.skipped);
                if self.store.apply(Command::Import(Box::new(outcome))).is_ok() {
                    self.job.set_value(None);
                    self.error.set(None);
                    self.step.set(Step::Imported { records, skipped });
                }
            }
            Some(Err(failure)) => self.error.set(Some(messages::failure(i18n, &failure))),
            None => {}
        }
    }
}

#[component]
pub fn Import() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.import_title);
    let state = ImportState {
        store,
        kind: RwSignal::new(RecordKind::Deal),
        step: RwSignal::new(Step::Choose),
        job: StoredValue::new_local(None),
        progress: RwSignal::new((0.0, Phase::Reading)),
        report: RwSignal::new(0),
        run: StoredValue::new_local(0),
        error: RwSignal::new(None),
        date_order_remembered: RwSignal::new(false),
    };
    // Leaving the page stops a running check.
    on_cleanup(move || state.run.set_value(state.run.get_value() + 1));

    let on_kind = move |ev| {
        if let Some(kind) = RecordKind::from_id(&event_target_value(&ev)) {
            state.kind.set(kind);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        input.set_value("");
        state.error.set(None);
        let kind = state.kind.get_untracked();
        spawn_local(async move {
            let bytes = match files::read_bytes(file).await {
                Ok(bytes) => bytes,
                Err(reason) => {
                    state.error.set(Some(i18n::fill(
                        i18n.texts().import_file_unreadable,
                        &[("reason", &reason)],
                    )));
                    return;
                }
            };
            let options = ImportOptions {
                today: store.today(),
                now: clock::now(),
                locale: store.locale(),
            };
            // A file that is not text is refused before it is read as CSV.
            match decode_text(&bytes).and_then(|text| ImportJob::new(kind, text, options)) {
                Ok(mut job) => {
                    let mut mapping = job.mapping().clone();
                    mapping.missing_reason = i18n.texts().import_missing_reason.to_string();
                    mapping.date_order = date_order::remembered(job.source());
                    state
                        .date_order_remembered
                        .set(mapping.date_order.is_some());
                    job.set_mapping(mapping);
                    state.job.set_value(Some(job));
                    state.progress.set((0.0, Phase::Reading));
                    state.check();
                }
                Err(error) => {
                    state
                        .error
                        .set(Some(text::label(i18n, "import_file_error_", error.id())))
                }
            }
        });
    };
    let progress_text = move || {
        let (fraction, phase) = state.progress.get();
        let key = match phase {
            Phase::Reading => i18n.texts().import_reading,
            _ => i18n.texts().import_checking,
        };
        i18n::fill(key, &[("percent", &format!("{:.0}", fraction * 100.0))])
    };
    let import_undone = move || {
        store
            .undo
            .with(|u| matches!(u.as_ref().map(|o| &o.what), Some(UndoWhat::Imported(_))))
    };

    view! {
        <section class="page import" data-testid="import-page">
            <h1>{i18n.t(|t| t.import_title)}</h1>
            <p class="hint">{i18n.t(|t| t.import_hint)}</p>
            <Show when=move || state.step.get() == Step::Choose>
                <section class="panel import-choose">
                    <label class="field" for="import-kind">
                        <span>{i18n.t(|t| t.import_kind)}</span>
                        <select id="import-kind" data-testid="import-kind" on:change=on_kind>
                            {IMPORT_KINDS
                                .iter()
                                .map(|&k| view! {
                                    <option value=k.id() selected=move || state.kind.get() == k>
                                        {move || text::label(i18n, "export_kind_", k.id())}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="button" for="import-file">{i18n.t(|t| t.import_choose_file)}</label>
                    <input
                        id="import-file"
                        class="file-input"
                        type="file"
                        accept=".csv,text/csv,text/plain"
                        data-testid="import-file"
                        on:change=on_file
                    />
                </section>
            </Show>
            {move || state.error.get().map(|message| view! {
                <p class="form-error" role="alert" data-testid="import-error-message">{message}</p>
            })}
            <Show when=move || state.step.get() == Step::Working>
                <section class="panel import-progress" aria-busy="true">
                    <progress
                        data-testid="import-progress"
                        max="1"
                        prop:value=move || state.progress.get().0
                        data-value=move || state.progress.get().0.to_string()
                    ></progress>
                    <p role="status">{progress_text}</p>
                    <button data-testid="import-cancel" on:click=move |_| state.cancel()>
                        {i18n.t(|t| t.import_cancel)}
                    </button>
                </section>
            </Show>
            <Show when=move || state.step.get() == Step::Review>
                <Review state=state />
            </Show>
            {move || match state.step.get() {
                Step::Imported { records, skipped } => Some(view! {
                    <section class="panel" data-testid="import-done">
                        <p role="status">
                            {i18n::fill(
                                i18n.texts().import_done,
                                &[("count", &records.to_string()), ("skipped", &skipped.to_string())],
                            )}
                        </p>
                        <Show
                            when=import_undone
                            fallback=move || view! { <p>{i18n.t(|t| t.import_no_undo)}</p> }
                        >
                            <button data-testid="import-undo" on:click=move |_| {
                                let _ = store.apply(Command::Undo);
                                state.step.set(Step::Choose);
                            }>
                                {i18n.t(|t| t.import_undo)}
                            </button>
                        </Show>
                        <button data-testid="import-another" on:click=move |_| state.step.set(Step::Choose)>
                            {i18n.t(|t| t.import_another)}
                        </button>
                    </section>
                }),
                _ => None,
            }}
        </section>
    }
}
