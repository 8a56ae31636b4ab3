use leptos::ev::KeyboardEvent;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    /// An element seen only for `querySelectorAll`, whose NodeList `js_sys::Array::from`
    /// reads as it is (web-sys's binding would need one more web-sys feature).
    type Searchable;
    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_all(this: &Searchable, selectors: &str) -> JsValue;
}

/// A native modal `<dialog>`: the browser makes the page behind inert, closes it on
/// Escape (we turn that into `on_cancel`) and puts focus back on the control that opened
/// it. Tab and Shift+Tab go round inside it (the browser alone would let them leave to
/// its own toolbar). Mount it only while it should be open.
#[component]
pub fn Modal(
    testid: &'static str,
    labelled_by: &'static str,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] alert: bool,
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    on_cleanup(move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            role=alert.then_some("alertdialog")
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid=testid
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_cancel.run(());
            }
            on:keydown=move |ev| keep_focus_inside(&dialog, &ev)
        >
            {children()}
        </dialog>
    }
}

const FOCUSABLE: &str =
    "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// Tab on the dialog's last control goes to its first, Shift+Tab on the first to the last.
fn keep_focus_inside(dialog: &NodeRef<Dialog>, ev: &KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = dialog.get_untracked() else {
        return;
    };
    let controls: Vec<HtmlElement> =
        js_sys::Array::from(&dialog.unchecked_ref::<Searchable>().query_all(FOCUSABLE))
            .iter()
            .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
            // Hidden controls (display: none) have no layout box.
            .filter(|el| el.offset_parent().is_some())
            .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref::<web_sys::Element>());
    let wrap_to = if ev.shift_key() && at(first) {
        last
    } else if !ev.shift_key() && at(last) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    let _ = wrap_to.focus();
}
