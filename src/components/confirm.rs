use crate::components::Modal;
use crate::lang::use_i18n;
use crate::state::{Pending, Replacement, Store};
use crate::text::I18n;
use i18n::fill;
use leptos::prelude::*;

/// Asks before a destructive change; the store applies it on confirmation. The safe
/// choice has the focus, so Enter never destroys anything by accident.
#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let texts = move || store.pending.get().map(|p| wording(i18n, &p));
    view! {
        <Show when=move || store.pending.with(Option::is_some)>
            <Modal
                testid="confirm-dialog"
                labelled_by="confirm-title"
                described_by="confirm-message"
                alert=true
                on_cancel=Callback::new(move |_| store.cancel())
            >
                <h2 id="confirm-title">{i18n.t(|t| t.confirm_title)}</h2>
                <p id="confirm-message">{move || texts().map(|(message, _)| message)}</p>
                <div class="actions">
                    <button class="danger" data-testid="confirm-yes" on:click=move |_| store.confirm()>
                        {move || texts().map(|(_, action)| action)}
                    </button>
                    <button data-testid="confirm-no" autofocus on:click=move |_| store.cancel()>
                        {i18n.t(|t| t.cancel)}
                    </button>
                </div>
            </Modal>
        </Show>
    }
}

/// The question and the label of the button that does it.
fn wording(i18n: I18n, pending: &Pending) -> (String, &'static str) {
    let t = i18n.texts();
    match pending {
        Pending::DeleteDeal { title, .. } => (
            fill(t.confirm_delete_deal, &[("title", title)]),
            t.action_delete,
        ),
        Pending::DeleteRecord { title, .. } => (
            fill(t.confirm_delete_record, &[("title", title)]),
            t.action_delete,
        ),
        Pending::Replace {
            data,
            why: Replacement::Restore,
        } => (
            fill(
                t.confirm_replace_restore,
                &[("count", &data.live_record_count().to_string())],
            ),
            t.confirm_replace_action,
        ),
        Pending::Replace {
            why: Replacement::Demo,
            ..
        } => (t.confirm_replace_demo.to_string(), t.confirm_replace_action),
        Pending::Erase => (t.confirm_erase.to_string(), t.confirm_erase_action),
        Pending::DeleteSetAside(_) => (
            t.confirm_delete_set_aside.to_string(),
            t.confirm_discard_damaged_action,
        ),
        Pending::DiscardDamaged => (
            t.confirm_discard_damaged.to_string(),
            t.confirm_discard_damaged_action,
        ),
        Pending::ChangeCurrency(currency) => (
            fill(t.confirm_currency, &[("code", currency.code())]),
            t.confirm_currency_action,
        ),
    }
}
