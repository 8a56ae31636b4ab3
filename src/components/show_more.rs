//! Long lists render in steps: the first [`STEP`] rows, and [`STEP`] more whenever the
//! end of the list comes near the bottom of the window (or "Show more" is pressed, for
//! keyboard and screen-reader users). A list of 10k deals thus costs what 100 rows cost
//! until the rep actually scrolls through it.

use crate::lang::use_i18n;
use i18n::fill;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

/// Rows rendered at first and added per step.
pub const STEP: usize = 100;

/// How close (CSS px) the end of the list must come to the bottom of the window.
const AHEAD: f64 = 600.0;

/// The "Show more" end of a list of `total` rows of which `shown` are rendered.
#[component]
pub fn ShowMore(shown: RwSignal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let end = NodeRef::<Div>::new();
    let more = move || shown.update(|n| *n += STEP);
    let near_bottom = move || {
        let bottom = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or_default();
        end.get_untracked()
            .is_some_and(|el| el.get_bounding_client_rect().top() < bottom + AHEAD)
    };
    let listener = window_event_listener(ev::scroll, move |_| {
        if shown.get_untracked() < total.get_untracked() && near_bottom() {
            more();
        }
    });
    on_cleanup(move || listener.remove());
    let label = move || {
        let left = total.get().saturating_sub(shown.get());
        fill(
            i18n.texts().show_more,
            &[
                ("count", &STEP.min(left).to_string()),
                ("left", &left.to_string()),
            ],
        )
    };
    view! {
        <Show when=move || { shown.get() < total.get() }>
            <div class="show-more" node_ref=end>
                <button data-testid="show-more" on:click=move |_| more()>{label}</button>
            </div>
        </Show>
    }
}
