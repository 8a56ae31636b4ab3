//! The shell: store, translations, router, navigation, and the save-on-leave hooks.

use crate::components::{ConfirmDialog, Notices, UndoToast};
use crate::i18n::*;
use crate::pages::{Dashboard, Deals, NotFound, Settings};
use crate::state::Store;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use wasm_bindgen::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::start();
    provide_context(store);
    flush_when_leaving(store);
    view! {
        <I18nContextProvider>
            <Router>
                <Shell />
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="shell" data-testid="app-ready">
            <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
            <header class="top-bar">
                <a class="brand" href="/">{t!(i18n, app_name)}</a>
                <nav aria-label=move || t_string!(i18n, nav_label)>
                    <A href="/" exact=true attr:data-testid="nav-dashboard">{t!(i18n, nav_dashboard)}</A>
                    <A href="/deals" attr:data-testid="nav-deals">{t!(i18n, nav_deals)}</A>
                    <A href="/settings" attr:data-testid="nav-settings">{t!(i18n, nav_settings)}</A>
                </nav>
            </header>
            <Notices />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Dashboard />
                    <Route path=path!("/deals") view=Deals />
                    <Route path=path!("/settings") view=Settings />
                </Routes>
            </main>
            <UndoToast />
            <ConfirmDialog />
        </div>
    }
}

/// A reload or a closed tab right after an edit must not lose it: write pending
/// changes when the page is hidden or unloaded, before the debounce timer fires.
fn flush_when_leaving(store: Store) {
    let _ = window_event_listener(ev::pagehide, move |_| store.flush());
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            store.flush();
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_visibility.forget();
}
