//! Moving files in and out of the browser: a download of text, the text of a picked file.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoking at once can cancel the download in Firefox and Safari: give it a minute.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// A thrown JavaScript value as a message for the user: an Error's message, a string
/// as is, anything else as "unknown error". (`{:?}` would pull in a large debug printer.)
pub fn error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The text of a file the user picked; a file that is not text gives an error message.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| error_text(&e))?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// The bytes of a file the user picked, for a reader that decides itself whether they
/// are text (`file.text()` would turn any bytes into text, a PNG included).
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| error_text(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Downloads everything as `salesboard-backup-<today>.json` (the saved envelope) and
/// remembers the date; a failure is told to the user. True when the download started.
pub fn download_backup(store: &crate::state::Store) -> bool {
    let text = store
        .data
        .with_untracked(|d| kpi::schema::encode(d, crate::clock::now()));
    let today = store.today().to_string();
    let name = format!("salesboard-backup-{today}.json");
    match download(&name, "application/json", &text) {
        Ok(()) => {
            crate::storage::note_backup(&today);
            true
        }
        Err(error) => {
            store.notify(
                crate::state::NoticeId::ExportFailed,
                Some(error_text(&error)),
                None,
            );
            false
        }
    }
}

/// Lets the browser paint and handle input before the next chunk of long work: resolves
/// on a `setTimeout(0)` (a task, not a microtask, so clicks and frames get their turn).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}
