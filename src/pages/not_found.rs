use crate::lang::{set_page_title, use_i18n};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(|t| t.not_found_title);
    view! {
        <section class="page" data-testid="not-found">
            <h1>{i18n.t(|t| t.not_found_title)}</h1>
            <p>{i18n.t(|t| t.not_found_body)}</p>
            <a href="/">{i18n.t(|t| t.not_found_home)}</a>
        </section>
    }
}
