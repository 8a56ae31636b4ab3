//! Moving the keyboard focus to an element that the current render may only just have
//! made (the first wrong field of a form, a card just opened).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id after the current render, if there is one.
pub fn focus_by_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
