use crate::lang::use_i18n;
use crate::state::{Command, Store, UndoWhat};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers to undo the last delete or bulk change; Ctrl+Z (⌘Z on a Mac) does the same
/// until the next change, outside text fields (there it undoes typing).
#[component]
pub fn UndoToast() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    // A deleted row and its button are gone: Undo is where the keyboard goes next. After
    // a move or a bulk save the focus stays where the user is working.
    let undo = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let takes_focus = store
            .undo
            .with(|u| u.as_ref().is_some_and(|o| o.what.removes_focus()));
        if let (true, Some(button)) = (takes_focus, undo.get()) {
            let _ = button.focus();
        }
    });
    let _ = window_event_listener(ev::keydown, move |event| {
        let shortcut = (event.ctrl_key() || event.meta_key())
            && !event.shift_key()
            && !event.alt_key()
            && event.key().eq_ignore_ascii_case("z");
        if shortcut && !in_text_field(&event) && store.undo.with_untracked(Option::is_some) {
            event.prevent_default();
            let _ = store.apply(Command::Undo);
        }
    });
    let text = move || {
        let t = i18n.texts();
        store.undo.with(|u| {
            let Some(offer) = u else {
                return String::new();
            };
            match &offer.what {
                UndoWhat::Deleted(title) => {
                    i18n::fill(t.notice_record_deleted, &[("title", title)])
                }
                UndoWhat::Moved(title) => i18n::fill(t.undo_moved, &[("title", title)]),
                UndoWhat::Won(title) => i18n::fill(t.undo_won, &[("title", title)]),
                UndoWhat::Lost(title) => i18n::fill(t.undo_lost, &[("title", title)]),
                UndoWhat::Saved(count) => {
                    i18n::fill(t.undo_saved, &[("count", &count.to_string())])
                }
                UndoWhat::Imported(count) => {
                    i18n::fill(t.undo_imported, &[("count", &count.to_string())])
                }
                UndoWhat::CurrencyChanged => t.undo_currency.to_string(),
                UndoWhat::Restored => t.undo_restored.to_string(),
                UndoWhat::DemoLoaded => t.undo_demo.to_string(),
                UndoWhat::Erased => t.undo_erased.to_string(),
            }
        })
    };
    view! {
        <Show when=move || store.undo_toast.get() && store.undo.with(Option::is_some)>
            <div class="toast" role="status" data-testid="undo-toast">
                <span class="toast-text" data-testid="undo-text">{text}</span>
                <button
                    node_ref=undo
                    data-testid="undo"
                    aria-keyshortcuts="Control+Z"
                    title=move || i18n.texts().undo_shortcut
                    on:click=move |_| { let _ = store.apply(Command::Undo); }
                >
                    {i18n.t(|t| t.undo)}
                </button>
            </div>
        </Show>
    }
}

/// The key was pressed in a field where Ctrl+Z belongs to the text being typed.
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || target.get_attribute("contenteditable").is_some()
}
