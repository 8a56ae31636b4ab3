//! Settings: the colour theme (follow the system, light or dark), kept on this device.

use crate::lang::use_i18n;
use crate::theme::{Theme, ThemeChoice};
use i18n::Texts;
use leptos::prelude::*;

fn choice_label(t: &'static Texts, choice: ThemeChoice) -> &'static str {
    match choice {
        ThemeChoice::System => t.a11y_theme_system,
        ThemeChoice::Light => t.a11y_theme_light,
        ThemeChoice::Dark => t.a11y_theme_dark,
    }
}

#[component]
pub fn ThemePicker() -> impl IntoView {
    let i18n = use_i18n();
    let theme = expect_context::<Theme>();
    let on_change = move |ev| {
        if let Some(choice) = ThemeChoice::from_id(&event_target_value(&ev)) {
            theme.set(choice);
        }
    };
    view! {
        <section class="panel">
            <label class="field" for="theme-select">
                <span>{i18n.t(|t| t.a11y_theme)}</span>
                <select id="theme-select" data-testid="theme-select" on:change=on_change>
                    {ThemeChoice::ALL
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <option value=choice.id() selected=move || theme.choice() == choice>
                                    {move || choice_label(i18n.texts(), choice)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <p class="hint">{i18n.t(|t| t.a11y_theme_hint)}</p>
        </section>
    }
}
