use leptos::html::Dialog;
use leptos::prelude::*;

/// A native modal `<dialog>`: the browser traps focus inside it, makes the page behind
/// inert, closes it on Escape (we turn that into `on_cancel`) and puts focus back on
/// the control that opened it. Mount it only while it should be open.
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
        >
            {children()}
        </dialog>
    }
}
