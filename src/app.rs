//! The shell: store, translations, router, navigation, and the save-on-leave hooks.

use crate::components::{
    BackupReminder, ConfirmDialog, Notices, QuickLogButton, SyncStatus, UndoToast,
};
use crate::lang::{use_i18n, I18n};
use crate::nav::MainNav;
use crate::pages::{
    Churn, Commissions, Complaints, CustomerDetail, Customers, Dashboard, Deals, Goals, Import,
    Leads, NotFound, Pipeline, Records, Settings, Today,
};
use crate::pages::{Contests, Team};
use crate::state::{NoticeId, Store};
use crate::storage::DATA_KEY;
use crate::theme::Theme;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    // The language first: the store writes numbers in it.
    let i18n = I18n::provide_for_browser();
    let store = Store::start(Signal::derive(move || i18n.number_locale()));
    provide_context(store);
    // Recurring goals carry over to the new period by themselves.
    store.carry_over_goals();
    flush_when_leaving(store);
    crate::state::listen_for_indexed_saves(store);
    listen_for_updates(store);
    // Optional: stays off until the user connects a server in Settings → Sync.
    provide_context(crate::sync::SyncClient::start(store));
    // Ask once per start that the browser keep the data under storage pressure.
    leptos::task::spawn_local(async {
        crate::storage::request_persistence().await;
    });
    Theme::provide();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="shell" data-testid="app-ready">
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {i18n.t(|t| t.skip_to_content)}
            </a>
            <header class="top-bar">
                <a class="brand" href="/">{i18n.t(|t| t.app_name)}</a>
                <SyncStatus />
                <MainNav />
            </header>
            <Notices />
            <BackupReminder />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Dashboard />
                    <Route path=path!("/goals") view=Goals />
                    <Route path=path!("/deals") view=Deals />
                    <Route path=path!("/records/:kind") view=RecordsOrNotFound />
                    // A rep's day: follow-ups, pipeline board, customers, leads, complaints, churn.
                    <Route path=path!("/today") view=Today />
                    <Route path=path!("/pipeline") view=Pipeline />
                    <Route path=path!("/customers") view=Customers />
                    <Route path=path!("/customers/:id") view=CustomerDetail />
                    <Route path=path!("/leads") view=Leads />
                    <Route path=path!("/complaints") view=Complaints />
                    <Route path=path!("/churn") view=Churn />
                    <Route path=path!("/commissions") view=Commissions />
                    // Team: contests and leaderboards, reps' files merged into a team view.
                    <Route path=path!("/contests") view=Contests />
                    <Route path=path!("/team") view=Team />
                    <Route path=path!("/settings") view=Settings />
                    <Route path=path!("/import") view=Import />
                </Routes>
            </main>
            <QuickLogButton />
            <UndoToast />
            <ConfirmDialog />
        </div>
    }
}

/// `/records/<kind>` for a kind with a records page; any other kind (a typo, or deals,
/// which have their own page) is an unknown page, not the customers list.
#[component]
fn RecordsOrNotFound() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let known = Memo::new(move |_| {
        params
            .with(|p| p.get("kind"))
            .and_then(|k| kpi::RecordKind::from_id(&k))
            .is_some_and(|k| crate::pages::RECORD_KINDS.contains(&k))
    });
    move || {
        if known.get() {
            Records().into_any()
        } else {
            NotFound().into_any()
        }
    }
}

/// The router would treat `#main` as a navigation: move the focus ourselves.
fn skip_to_main(ev: ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// A new version installed by the service worker (see public/sw-register.js) is
/// announced, never swapped in: the notice's button asks for the reload.
fn listen_for_updates(store: Store) {
    let _ = window_event_listener_untyped(UPDATE_READY, move |_| {
        store.notify(NoticeId::UpdateReady, None, None)
    });
    // The worker may have found the update before the app was listening.
    send_event(CHECK_UPDATE);
}

/// Events shared with public/sw-register.js.
const UPDATE_READY: &str = "salesboard:update-ready";
const CHECK_UPDATE: &str = "salesboard:check-update";
pub const APPLY_UPDATE: &str = "salesboard:apply-update";

/// Dispatches a plain event on the window (to public/sw-register.js).
pub fn send_event(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// A reload or a closed tab right after an edit must not lose it: write pending
/// changes when the page is hidden or unloaded, before the debounce timer fires.
fn flush_when_leaving(store: Store) {
    let _ = window_event_listener(ev::pagehide, move |_| {
        store.flush();
        store.pump_now();
    });
    // Another tab saved: show its changes here too.
    let _ = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() == Some(DATA_KEY) {
            if let Some(text) = event.new_value() {
                store.absorb(&text);
            }
        }
    });
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            store.flush();
            store.pump_now();
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    // The listener lives as long as the page.
    on_visibility.forget();
}
