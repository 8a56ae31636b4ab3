//! The sync status in the top bar (also at 360 px): synced at HH:MM, syncing with
//! progress, offline with the changes waiting, sign in again, or a problem and what
//! to do; "Sync now"; a change the server refused, until dismissed. Shown only while a
//! server is connected.

use crate::lang::use_i18n;
use crate::sync::{Problem, Status, SyncClient};
use i18n::{fill, Texts};
use kpi::sync::AddressError;
use leptos::prelude::*;

#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = expect_context::<SyncClient>();
    let i18n = use_i18n();
    let connected = move || sync.account.get().is_some();
    let text = move || status_text(&sync.status.get(), i18n.texts(), i18n.number_locale());
    let state = move || match sync.status.get() {
        Status::Synced(_) => "synced",
        Status::Syncing { .. } | Status::Connecting => "syncing",
        Status::Offline { .. } => "offline",
        Status::SignIn => "sign-in",
        Status::Problem(_) => "problem",
        Status::Off => "off",
    };
    // A refusal is named wherever the user is, not only in Settings.
    let refused = move || {
        sync.refused.get().map(|r| {
            fill(
                i18n.texts().sync_refused,
                &[("count", &r.count.to_string()), ("reason", &r.reason)],
            )
        })
    };
    view! {
        <Show when=connected>
            <div class="sync-status" role="status" aria-label=i18n.t(|t| t.sync_status_label)>
                <a href="/settings#sync" data-testid="sync-status" data-state=state>{text}</a>
                <Show when=move || sync.refused.with(Option::is_some)>
                    <p class="sync-refused" data-testid="sync-refused-bar" role="alert">
                        {refused}
                        <button data-testid="sync-refused-dismiss" on:click=move |_| sync.refused.set(None)>
                            {i18n.t(|t| t.dismiss)}
                        </button>
                    </p>
                </Show>
                <button
                    class="sync-now"
                    data-testid="sync-now"
                    on:click=move |_| sync.kick()
                >
                    {i18n.t(|t| t.sync_now)}
                </button>
            </div>
        </Show>
    }
}

/// The status in words.
pub fn status_text(status: &Status, t: &'static Texts, locale: kpi::NumberLocale) -> String {
    let number = |n: usize| kpi::format_decimal(n as f64, 0, locale);
    match status {
        Status::Off => String::new(),
        Status::Connecting => t.sync_connecting.to_owned(),
        Status::Syncing { total: 0, .. } => t.sync_syncing.to_owned(),
        Status::Syncing { done, total } => fill(
            t.sync_progress,
            &[("done", &number(*done)), ("total", &number(*total))],
        ),
        Status::Synced(at) => fill(t.sync_synced_at, &[("time", &local_time(*at, locale))]),
        Status::Offline { waiting } => fill(t.sync_offline, &[("count", &number(*waiting))]),
        Status::SignIn => t.sync_sign_in.to_owned(),
        Status::Problem(problem) => problem_text(problem, t),
    }
}

pub fn problem_text(problem: &Problem, t: &'static Texts) -> String {
    match problem {
        Problem::Address(AddressError::Empty) => t.sync_problem_address_empty.to_owned(),
        Problem::Address(AddressError::NotAnAddress) => t.sync_problem_address_invalid.to_owned(),
        Problem::Address(AddressError::PlainHttp) => t.sync_problem_plain_http.to_owned(),
        Problem::WrongPassword => t.sync_problem_wrong_password.to_owned(),
        Problem::NoDatabase => t.sync_problem_no_database.to_owned(),
        Problem::NoAccess(reason) => fill(t.sync_problem_no_access, &[("reason", reason)]),
        Problem::Server(code, reason) => fill(
            t.sync_problem_server,
            &[("code", &code.to_string()), ("reason", reason)],
        ),
        Problem::LocalLocked => t.sync_problem_local_locked.to_owned(),
        Problem::Storage(reason) => fill(t.sync_problem_storage, &[("reason", reason)]),
    }
}

/// "14:03" in the user's language and time zone.
fn local_time(at: chrono::DateTime<chrono::Utc>, locale: kpi::NumberLocale) -> String {
    let millis = wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"hour".into(), &"2-digit".into());
    let _ = js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into());
    js_sys::Date::new(&millis)
        .to_locale_time_string_with_options(locale.tag(), &options)
        .into()
}
