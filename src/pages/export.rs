//! "Export": every record type as a CSV file for a spreadsheet (`kpi::import::export_csv`),
//! and the way to the import page.

use crate::files;
use crate::lang::use_i18n;
use crate::state::{NoticeId, Store};
use crate::text;
use kpi::RecordKind;
use leptos::prelude::*;
use leptos_router::components::A;

/// One button per record type; each downloads `salesboard-<type>-<today>.csv`.
#[component]
pub fn ExportSection() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let export = move |kind: RecordKind| {
        let csv = store
            .data
            .with_untracked(|d| kpi::import::export_csv(d, kind));
        let name = format!("salesboard-{}-{}.csv", kind.id(), store.today());
        if let Err(error) = files::download(&name, "text/csv", &csv) {
            store.notify(
                NoticeId::ExportFailed,
                Some(files::error_text(&error)),
                None,
            );
        }
    };
    view! {
        <section class="panel" data-testid="export-section">
            <h2>{i18n.t(|t| t.export_title)}</h2>
            <p class="hint">{i18n.t(|t| t.export_hint)}</p>
            <div class="export-buttons">
                {RecordKind::ALL
                    .iter()
                    .map(|&kind| view! {
                        <button data-testid=format!("export-{}", kind.id()) on:click=move |_| export(kind)>
                            {move || text::label(i18n, "export_kind_", kind.id())}
                        </button>
                    })
                    .collect_view()}
            </div>
            <p>
                <A href="/import" attr:data-testid="import-link">{i18n.t(|t| t.import_link)}</A>
            </p>
        </section>
    }
}
