use crate::app::{send_event, APPLY_UPDATE};
use crate::files;
use crate::lang::use_i18n;
use crate::state::{NoticeId, NoticeKind, Store};
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
