//! The colour theme: the system's (`prefers-color-scheme`) unless the user chose light
//! or dark in Settings. The choice belongs to the device, not to the data: it is kept in
//! localStorage under [`THEME_KEY`], outside the data envelope. public/theme.js applies
//! it before the first paint (the CSP allows no inline script); this context keeps
//! `<html data-theme>` in step afterwards and tells the charts which palette to use.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// localStorage key of the choice ("light" or "dark"; absent: follow the system).
/// public/theme.js reads the same key.
pub const THEME_KEY: &str = "salesboard.theme";
const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Clone, Copy)]
pub struct Theme {
    choice: RwSignal<ThemeChoice>,
    system_dark: RwSignal<bool>,
}

impl Theme {
    /// Reads the stored choice and the system's preference, follows changes of the
    /// latter, keeps `<html data-theme>` in step, and provides the context.
    pub fn provide() -> Self {
        let stored = storage()
            .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
            .and_then(|id| ThemeChoice::from_id(&id))
            .unwrap_or(ThemeChoice::System);
        let query = window().match_media(DARK_QUERY).ok().flatten();
        let theme = Theme {
            choice: RwSignal::new(stored),
            system_dark: RwSignal::new(query.as_ref().is_some_and(|q| q.matches())),
        };
        if let Some(query) = query {
            let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                move |event: web_sys::MediaQueryListEvent| theme.system_dark.set(event.matches()),
            );
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            on_change.forget();
        }
        Effect::new(move |_| {
            let name = if theme.is_dark() { "dark" } else { "light" };
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-theme", name);
            }
        });
        provide_context(theme);
        theme
    }

    pub fn choice(self) -> ThemeChoice {
        self.choice.get()
    }

    /// Whether the page is dark now (tracked: charts redraw when it changes).
    pub fn is_dark(self) -> bool {
        match self.choice.get() {
            ThemeChoice::System => self.system_dark.get(),
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }

    /// Applies `choice` at once and remembers it on this device. A browser that refuses
    /// storage keeps the choice for this visit only (the app already says that it runs
    /// without storage there).
    pub fn set(self, choice: ThemeChoice) {
        self.choice.set(choice);
        if let Some(storage) = storage() {
            let _ = match choice {
                ThemeChoice::System => storage.remove_item(THEME_KEY),
                chosen => storage.set_item(THEME_KEY, chosen.id()),
            };
        }
    }
}

/// The theme context, if the shell provided one (a chart drawn outside it is light).
pub fn use_theme() -> Option<Theme> {
    use_context::<Theme>()
}

/// localStorage, unless the browser refuses it (then it throws a SecurityError).
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
