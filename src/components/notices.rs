use crate::app::{send_event, APPLY_UPDATE};
use crate::files;
use crate::lang::use_i18n;
use crate::state::{NoticeId, NoticeKind, Pending, Store};
use crate::text;
use leptos::prelude::*;

/// Storage problems and results of whole-dataset actions, until dismissed.
#[component]
pub fn Notices() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    view! {
        <div class="notices" data-testid="notices">
            {move || {
                store
                    .notices
                    .get()
                    .into_iter()
                    .map(|notice| {
                    let id = notice.id;
                    let (kind, role) = match id.kind() {
                        NoticeKind::Error => ("error", "alert"),
                        NoticeKind::Warning => ("warning", "alert"),
                        NoticeKind::Info => ("info", "status"),
                    };
                    let key = notice.key.clone();
                    view! {
                        <div
                            class=format!("notice notice-{kind}")
                            role=role
                            data-testid="notice"
                            data-notice-id=id.id()
                            data-notice-kind=kind
                        >
                            <p>
                                {move || text::notice(i18n, id, key.as_deref())}
                                " "
                                <span class="notice-detail">{notice.detail.clone()}</span>
                            </p>
                            {(id == NoticeId::SaveFailed).then(|| view! {
                                <button class="primary" data-testid="notice-backup" on:click=move |_| { files::download_backup(&store); }>
                                    {i18n.t(|t| t.backup_export)}
                                </button>
                            })}
                            {matches!(id, NoticeId::Damaged | NoticeId::DamagedEmpty).then(|| view! {
                                <DamagedChoices store=store empty=id == NoticeId::DamagedEmpty />
                            })}
                            {(id == NoticeId::DataMissing).then(|| view! {
                                <div class="actions">
                                    <a class="button primary" href="/settings" data-testid="data-missing-restore">
                                        {i18n.t(|t| t.data_missing_restore)}
                                    </a>
                                    <button data-testid="data-missing-fresh" on:click=move |_| store.start_fresh()>
                                        {i18n.t(|t| t.data_missing_fresh)}
                                    </button>
                                </div>
                            })}
                            {(id == NoticeId::UpdateReady).then(|| view! {
                                <button class="primary" data-testid="update-reload" on:click=move |_| send_event(APPLY_UPDATE)>
                                    {i18n.t(|t| t.update_reload)}
                                </button>
                            })}
                            <button
                                class="icon-button"
                                data-testid="notice-dismiss"
                                aria-label=i18n.t(|t| t.dismiss)
                                on:click=move |_| store.dismiss(id)
                            >
                                "×"
                            </button>
                        </div>
                    }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// What to do with data that could not be read: keep working on what is shown (the
/// last good copy, or nothing), download the damaged text, or delete it.
#[component]
fn DamagedChoices(store: Store, empty: bool) -> impl IntoView {
    let i18n = use_i18n();
    let download = move |_| match store.damaged_text() {
        Some(text) => {
            let name = format!("salesboard-damaged-{}.json", store.today());
            if let Err(error) = files::download(&name, "application/json", &text) {
                store.notify(
                    NoticeId::ExportFailed,
                    Some(files::error_text(&error)),
                    None,
                );
            }
        }
        None => store.notify(NoticeId::ExportFailed, None, None),
    };
    view! {
        <div class="actions">
            <button class="primary" data-testid="damaged-keep" on:click=move |_| store.resolve_damaged(false)>
                {move || if empty { i18n.texts().damaged_start_empty } else { i18n.texts().damaged_keep }}
            </button>
            <button data-testid="damaged-download" on:click=download>
                {i18n.t(|t| t.damaged_download)}
            </button>
            <button class="danger" data-testid="damaged-discard" on:click=move |_| store.ask(Pending::DiscardDamaged)>
                {i18n.t(|t| t.damaged_discard)}
            </button>
        </div>
    }
}
