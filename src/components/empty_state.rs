use crate::lang::use_i18n;
use crate::state::{Replacement, Store};
use i18n::Texts;
use leptos::prelude::*;

/// What a page shows while it has nothing to list: the message, what to do about it
/// (`hint`), and — while the whole data set is still empty — "Load demo data", so a
/// first visit can look around every screen with a year of sample records.
#[component]
pub fn EmptyState(
    testid: &'static str,
    message: fn(&'static Texts) -> &'static str,
    #[prop(optional)] hint: Option<fn(&'static Texts) -> &'static str>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let first_run = Memo::new(move |_| store.data.with(|d| d.live_record_count() == 0));
    let load_demo = move |_| store.offer_replacement(store.demo_data(), Replacement::Demo);
    view! {
        <div class="empty" data-testid=testid>
            <p>{i18n.t(message)}</p>
            {hint.map(|hint| view! { <p class="hint">{i18n.t(hint)}</p> })}
            <Show when=move || first_run.get()>
                <div class="actions">
                    <button class="primary" data-testid="empty-load-demo" on:click=load_demo>
                        {i18n.t(|t| t.load_demo)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
