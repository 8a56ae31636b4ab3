//! The dialog that asks for a required reason: losing a deal, disqualifying a lead,
//! marking a customer churned. The caller decides what the reason does and shows
//! what `kpi` says is wrong with it.

use super::{Modal, TextField};
use crate::lang::use_i18n;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The ids of a reason dialog's parts: test ids, the title's element id, and the
/// reason field's id in error messages.
#[derive(Clone, Copy)]
pub struct ReasonIds {
    pub dialog: &'static str,
    pub title: &'static str,
    pub field: &'static str,
    pub input: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
}

#[component]
pub fn ReasonDialog(
    ids: ReasonIds,
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    reason: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_confirm.run(());
    };
    view! {
        <Show when=move || open.get()>
            <Modal testid=ids.dialog labelled_by=ids.title on_cancel=on_cancel>
                <form on:submit=submit novalidate>
                    <h2 id=ids.title>{move || title.get()}</h2>
                    <TextField label=label field=ids.field testid=ids.input value=reason error=error autofocus=true />
                    <div class="actions">
                        <button type="submit" class="primary" data-testid=ids.confirm>{move || confirm_label.get()}</button>
                        <button type="button" data-testid=ids.cancel on:click=move |_| on_cancel.run(())>
                            {i18n.t(|t| t.cancel)}
                        </button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}
