//! The language picker of Settings. Each language is named in itself ("Deutsch",
//! "Čeština"), from its own translation file, so a user lost in a foreign language
//! still finds theirs. The choice is remembered on this device (see `lang.rs`).

use crate::lang::use_i18n;
use i18n::Locale;
use leptos::prelude::*;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
            i18n.choose(locale);
        }
    };
    view! {
        <label class="field" for="language-select">
            <span>{i18n.t(|t| t.settings_language)}</span>
            <select id="language-select" data-testid="language-select" on:change=on_change>
                {Locale::ALL
                    .iter()
                    .map(|locale| {
                        let selected = move || i18n.locale() == *locale;
                        view! {
                            <option value=locale.tag() lang=locale.tag() selected=selected>
                                {locale.texts().language_name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <p class="hint">{i18n.t(|t| t.settings_language_hint)}</p>
    }
}
