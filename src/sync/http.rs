//! One HTTP request to the sync server over `fetch`, with the session cookie
//! (`credentials: include`) and JSON both ways. Only the address the user typed is
//! ever called (the engine builds every URL from it).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Request, RequestCredentials, RequestInit, RequestMode, Response};

/// Why a request gave no usable answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// No answer at all: offline, server down, connection cut, CORS refused.
    Network,
    /// Cancelled by us (a local change ends a long poll early).
    Aborted,
    /// Not this request's fault: this device cannot take the answer now (the data is
    /// read-only or loading, storage is full); the status already says which.
    Held,
    /// 401: the session is gone (or the password is wrong).
    Unauthorized(String),
    /// 403: the server refused (`_security`, `validate_doc_update`).
    Forbidden(String),
    /// Any other answer outside 2xx: status and the server's reason.
    Server(u16, String),
}

/// `method url` with an optional JSON body; the answer's JSON text on 2xx.
pub async fn call(
    method: &str,
    url: &str,
    body: Option<&str>,
    abort: Option<&AbortSignal>,
) -> Result<String, Failure> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Include);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(abort) = abort {
        init.set_signal(Some(abort));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| Failure::Network)?;
    let headers = request.headers();
    let _ = headers.set("Accept", "application/json");
    if body.is_some() {
        let _ = headers.set("Content-Type", "application/json");
    }
    let window = web_sys::window().ok_or(Failure::Network)?;
    let answer = JsFuture::from(window.fetch_with_request(&request)).await;
    let response: Response = match answer {
        Ok(value) => value.dyn_into().map_err(|_| Failure::Network)?,
        Err(error) => {
            let aborted = error
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "AbortError");
            return Err(if aborted {
                Failure::Aborted
            } else {
                Failure::Network
            });
        }
    };
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|_| Failure::Network)?
            .as_string()
            .unwrap_or_default(),
        Err(_) => return Err(Failure::Network),
    };
    let status = response.status();
    if (200..300).contains(&status) {
        return Ok(text);
    }
    let reason = reason(&text);
    Err(match status {
        401 => Failure::Unauthorized(reason),
        403 => Failure::Forbidden(reason),
        _ => Failure::Server(status, reason),
    })
}

/// The `reason` (else `error`) of a CouchDB error body, else the body itself.
fn reason(text: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    json.get("reason")
        .or_else(|| json.get("error"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| text.chars().take(200).collect())
}

/// Waits `millis` (a timer, not a busy loop).
pub async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = JsFuture::from(promise).await;
}
