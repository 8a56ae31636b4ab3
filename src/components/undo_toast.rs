use crate::lang::use_i18n;
use crate::state::{Command, Store};
use leptos::prelude::*;

/// Offers to bring back the deal just deleted.
#[component]
pub fn UndoToast() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    // The deleted row and its button are gone: Undo is where the keyboard goes next.
    let undo = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = undo.get() {
            let _ = button.focus();
        }
    });
    view! {
        <Show when=move || store.undo.with(Option::is_some)>
            <div class="toast" role="status" data-testid="undo-toast">
                <span class="toast-text">
                    {move || {
                        let title = store.undo.with(|u| u.as_ref().map(|r| r.title())).unwrap_or_default();
                        i18n::fill(i18n.texts().notice_record_deleted, &[("title", &title)])
                    }}
                </span>
                <button node_ref=undo data-testid="undo" on:click=move |_| { let _ = store.apply(Command::UndoDelete); }>
                    {i18n.t(|t| t.undo)}
                </button>
            </div>
        </Show>
    }
}
