//! The user's language as a reactive context. Views read texts through [`I18n::t`],
//! which returns one closure type for every call site: a hundred labels then share one
//! compiled render path instead of a hundred (this keeps the wasm small).

use crate::storage::{DataStore, LocalStore};
use i18n::{Locale, Texts};
use kpi::NumberLocale;
use leptos::prelude::*;

/// Where the language chosen in Settings is remembered, on this device only: it is
/// not part of the data, so a backup, a restore or another rep's file never changes it.
pub const LOCALE_KEY: &str = "salesboard.locale";

#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        Self {
            locale: RwSignal::new(locale),
        }
    }

    /// Picks the language chosen on this device, else the browser's; keeps
    /// `<html lang>` in step, and provides the context. Runs before the first render,
    /// so the first paint is already in the user's language.
    pub fn provide_for_browser() -> Self {
        let chosen = LocalStore::open()
            .ok()
            .and_then(|local| local.get(LOCALE_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag));
        let i18n =
            Self::new(chosen.unwrap_or_else(|| {
                Locale::negotiate(browser_languages().iter().map(String::as_str))
            }));
        Effect::new(move |_| {
            let tag = i18n.locale.get().tag();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", tag);
            }
        });
        provide_context(i18n);
        i18n
    }

    /// The texts of the current language (tracked: a language change re-renders).
    pub fn texts(self) -> &'static Texts {
        self.locale.get().texts()
    }

    /// A reactive text for a view or an attribute, e.g. `{i18n.t(|t| t.save)}`.
    pub fn t(
        self,
        pick: fn(&'static Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.texts())
    }

    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// Switches the whole UI to `locale` at once and remembers the choice on this
    /// device. Where the browser refuses storage the switch still holds for this tab.
    pub fn choose(self, locale: Locale) {
        self.locale.set(locale);
        if let Ok(local) = LocalStore::open() {
            let _ = local.set(LOCALE_KEY, locale.tag());
        }
    }

    /// How numbers, amounts and dates are written in the current language (tracked).
    pub fn number_locale(self) -> NumberLocale {
        NumberLocale::from_language_tag(self.locale.get().tag())
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Names the page in the tab title ("Deals – Salesboard"), in the user's language, so
/// that screen readers announce where a route change went.
pub fn set_page_title(pick: fn(&'static Texts) -> &'static str) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let texts = i18n.texts();
        document().set_title(&i18n::fill(texts.page_title, &[("page", pick(texts))]));
    });
}

/// `navigator.languages`, most preferred first.
fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}
