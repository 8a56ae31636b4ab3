use crate::lang::use_i18n;
use crate::state::{Pending, Replacement, Store};
use crate::text::I18n;
use i18n::fill;
use leptos::ev::KeyboardEvent;
use leptos::html::Button;
use leptos::prelude::*;

/// Asks before a destructive change; the store applies it on "Yes".
#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let yes = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if let Some(button) = yes.get() {
            let _ = button.focus();
        }
    });
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            store.cancel();
        }
    };
    view! {
        <Show when=move || store.pending.with(Option::is_some)>
            <div class="backdrop">
                <div
                    class="dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="confirm-title"
                    aria-describedby="confirm-message"
                    data-testid="confirm-dialog"
                    on:keydown=on_key
                >
                    <h2 id="confirm-title">{i18n.t(|t| t.confirm_title)}</h2>
                    <p id="confirm-message">{move || store.pending.get().map(|p| message(i18n, &p))}</p>
                    <div class="actions">
                        <button class="danger" node_ref=yes data-testid="confirm-yes" on:click=move |_| store.confirm()>
                            {i18n.t(|t| t.yes)}
                        </button>
                        <button data-testid="confirm-no" on:click=move |_| store.cancel()>
                            {i18n.t(|t| t.no)}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

fn message(i18n: I18n, pending: &Pending) -> String {
    match pending {
        Pending::DeleteDeal { title, .. } => {
            fill(i18n.texts().confirm_delete_deal, &[("title", title)])
        }
        Pending::Replace {
            data,
            why: Replacement::Restore,
        } => fill(
            i18n.texts().confirm_replace_restore,
            &[("count", &data.live_deals().count().to_string())],
        ),
        Pending::Replace {
            why: Replacement::Demo,
            ..
        } => i18n.texts().confirm_replace_demo.to_string(),
        Pending::Erase => i18n.texts().confirm_erase.to_string(),
    }
}
