use crate::files;
use crate::lang::use_i18n;
use crate::state::Store;
use crate::storage::{last_backup, note_reminder_dismissed, reminder_dismissed, BACKUP_NOTED};
use chrono::NaiveDate;
use leptos::prelude::*;

/// "Your last backup is over a week old": shown when `kpi::backup_reminder` says so,
/// with the download at hand; dismissed, it comes back a week later if still due.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let backed_up = RwSignal::new(last_backup());
    let dismissed = RwSignal::new(reminder_dismissed());
    // A download anywhere (Settings, a notice, here) renews the date.
    let _ = window_event_listener_untyped(BACKUP_NOTED, move |_| backed_up.set(last_backup()));
    let date = |text: Option<String>| text.and_then(|t| t.parse::<NaiveDate>().ok());
    let due = Memo::new(move |_| {
        let (backup, dismissed) = (date(backed_up.get()), date(dismissed.get()));
        store.data.with(|d| {
            kpi::backup_reminder::backup_reminder_due(d, backup, dismissed, store.today())
        })
    });
    let text = move || match backed_up.get() {
        Some(day) => i18n::fill(i18n.texts().backup_reminder_old, &[("date", &day)]),
        None => i18n.texts().backup_reminder_never.to_string(),
    };
    let dismiss = move |_| {
        let today = store.today().to_string();
        note_reminder_dismissed(&today);
        dismissed.set(Some(today));
    };
    view! {
        <Show when=move || due.get()>
            <div class="notice notice-warning backup-reminder" role="status" data-testid="backup-reminder">
                <p>{text}</p>
                <button class="primary" data-testid="backup-reminder-download" on:click=move |_| { files::download_backup(&store); }>
                    {i18n.t(|t| t.backup_reminder_download)}
                </button>
                <button
                    class="icon-button"
                    data-testid="backup-reminder-dismiss"
                    aria-label=i18n.t(|t| t.dismiss)
                    on:click=dismiss
                >
                    "×"
                </button>
            </div>
        </Show>
    }
}
