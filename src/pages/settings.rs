use crate::components::LanguagePicker;
use crate::files;
use crate::lang::{set_page_title, use_i18n};
use crate::pages::export::ExportSection;
use crate::pages::sales_settings::SalesSettings;
use crate::pages::set_aside::SetAsideCopies;
use crate::pages::sync_settings::SyncSettings;
use crate::pages::theme_picker::ThemePicker;
use crate::state::{Command, NoticeId, Pending, Replacement, StorageMode, Store};
use crate::storage::{last_backup, request_persistence, storage_usage};
use crate::text;
use kpi::{schema, Currency};
use leptos::html::Select;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

#[component]
pub fn Settings() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    set_page_title(|t| t.settings_title);
    // Changing the currency of existing deals is asked first; a cancelled question
    // puts the picker back on the currency in use.
    let picker = NodeRef::<Select>::new();
    Effect::new(move |_| {
        store.pending.track();
        if let Some(picker) = picker.get() {
            picker.set_value(store.currency().code());
        }
    });
    let on_currency = move |ev| {
        let Some(currency) = Currency::from_code(&event_target_value(&ev)) else {
            return;
        };
        if store.data.with_untracked(|d| d.live_record_count() > 0) {
            store.ask(Pending::ChangeCurrency(currency));
        } else {
            let _ = store.apply(Command::SetCurrency(currency));
        }
    };
    let backed_up = RwSignal::new(last_backup());
    let persistent = RwSignal::new(None::<bool>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move {
        let _ = usage.try_set(storage_usage().await);
    });
    spawn_local(async move {
        let _ = persistent.try_set(request_persistence().await);
    });
    let persistence_text = move || match persistent.get() {
        Some(true) => i18n.texts().storage_persistent,
        Some(false) => i18n.texts().storage_not_persistent,
        None => i18n.texts().storage_persistence_unknown,
    };
    let usage_text = move || {
        usage.get().map(|(used, quota)| {
            i18n::fill(
                i18n.texts().storage_usage,
                &[
                    ("used", &format_bytes(used, store.locale())),
                    ("quota", &format_bytes(quota, store.locale())),
                ],
            )
        })
    };
    let backup_text = move || match backed_up.get() {
        Some(date) => i18n::fill(
            i18n.texts().backup_last,
            &[("date", &text::date_text(i18n, &date))],
        ),
        None => i18n.texts().backup_never.to_string(),
    };
    let export = move |_| {
        if files::download_backup(&store) {
            backed_up.set(last_backup());
        }
    };
    let restore = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        // Clear the picker so choosing the same file again is noticed.
        input.set_value("");
        spawn_local(async move {
            let decoded = files::read_text(file).await.and_then(|text| {
                schema::decode(&text).map_err(|e| text::restore_problem(i18n, &text, &e))
            });
            match decoded {
                Ok(data) => store.ask(Pending::Replace {
                    data: Box::new(data),
                    why: Replacement::Restore,
                }),
                Err(reason) => store.notify(NoticeId::RestoreFailed, Some(reason), None),
            }
        });
    };
    let load_demo = move |_| store.offer_replacement(store.demo_data(), Replacement::Demo);
    let storage_text = move || match store.storage_mode.get() {
        StorageMode::Local => i18n.texts().storage_saved_local,
        StorageMode::Indexed => i18n.texts().storage_saved_indexed,
        StorageMode::Loading => i18n.texts().storage_loading,
        StorageMode::Unreadable => i18n.texts().storage_unreadable,
        StorageMode::MemoryOnly => i18n.texts().storage_memory_only,
        StorageMode::Paused => i18n.texts().storage_paused,
        StorageMode::ReadOnly => i18n.texts().storage_read_only,
    };

    view! {
        <section class="page settings">
            <h1>{i18n.t(|t| t.settings_title)}</h1>
            <section class="panel">
                <LanguagePicker />
                <label class="field" for="currency-select">
                    <span>{i18n.t(|t| t.currency)}</span>
                    <select
                        id="currency-select"
                        node_ref=picker
                        data-testid="currency-select"
                        on:change=on_currency
                    >
                        {Currency::ALL
                            .iter()
                            .map(|c| {
                                let selected = move || store.currency() == *c;
                                view! { <option value=c.code() selected=selected>{c.code()} " " {c.symbol()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <p class="hint">{i18n.t(|t| t.currency_hint)}</p>
            </section>
            <ThemePicker />
            <SalesSettings />
            <section class="panel">
                <h2>{i18n.t(|t| t.data_title)}</h2>
                <p data-testid="storage-status">{storage_text}</p>
                <p data-testid="storage-persistence">{persistence_text}</p>
                <p data-testid="storage-usage">{usage_text}</p>
                <p data-testid="backup-last">{backup_text}</p>
                <div class="setting-row">
                    <button data-testid="demo-load" on:click=load_demo>{i18n.t(|t| t.load_demo)}</button>
                    <p class="hint">{i18n.t(|t| t.demo_hint)}</p>
                </div>
                <div class="setting-row">
                    <button data-testid="backup-export" on:click=export>{i18n.t(|t| t.backup_export)}</button>
                    <p class="hint">{i18n.t(|t| t.backup_hint)}</p>
                </div>
                <div class="setting-row">
                    <label class="button" for="backup-restore-input">{i18n.t(|t| t.backup_restore)}</label>
                    <input
                        id="backup-restore-input"
                        class="file-input"
                        type="file"
                        accept=".json,application/json"
                        data-testid="backup-restore-input"
                        on:change=restore
                    />
                </div>
                <div class="setting-row">
                    <button class="danger" data-testid="erase-all" on:click=move |_| store.ask(Pending::Erase)>
                        {i18n.t(|t| t.erase_all)}
                    </button>
                    <p class="hint">{i18n.t(|t| t.erase_hint)}</p>
                </div>
            </section>
            <SyncSettings />
            <ExportSection />
            <SetAsideCopies />
        </section>
    }
}

/// "780 KB", "4.2 GB": a byte count for people.
fn format_bytes(bytes: f64, locale: kpi::NumberLocale) -> String {
    let (value, unit) = match bytes {
        b if b >= 1e9 => (b / 1e9, "GB"),
        b if b >= 1e6 => (b / 1e6, "MB"),
        b => (b / 1e3, "KB"),
    };
    format!("{} {unit}", kpi::format_decimal(value, 1, locale))
}
