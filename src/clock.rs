//! The app's only clock. `kpi` never reads time: "today" and "now" come from here,
//! and the end-to-end tests pin them through the browser's `Date`.

use chrono::{DateTime, NaiveDate, Utc};

/// Today in the browser's local time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

thread_local! {
    static LAST_MILLIS: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// The current instant, for `updated_at` and the envelope's `saved_at`. Strictly
/// increasing within a tab (at least 1 ms apart), so two edits made in the same
/// millisecond — or under a frozen test clock — are still ordered by `updated_at`.
pub fn now() -> DateTime<Utc> {
    let millis = LAST_MILLIS.with(|last| {
        let next = (js_sys::Date::now() as i64).max(last.get() + 1);
        last.set(next);
        next
    });
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// The current instant as ISO 8601 text ("2026-11-15T12:00:00.000Z"), for quarantine keys.
pub fn iso_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new record id (UUID v4) from the browser's cryptographic generator.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(fallback_id)
}

/// Only for browsers without `crypto.randomUUID` (pre-2022): still UUID-v4 shaped.
fn fallback_id() -> String {
    let hex = |n: usize| -> String {
        (0..n)
            .map(|_| {
                char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0')
            })
            .collect()
    };
    format!("{}-{}-4{}-a{}-{}", hex(8), hex(4), hex(3), hex(3), hex(12))
}

/// An instant as the browser shows it in the language `tag` ("de") and the user's
/// time zone, e.g. "20.11.2026, 14:03:00".
pub fn local_text(at: DateTime<Utc>, tag: &str) -> String {
    let millis = wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64);
    js_sys::Date::new(&millis)
        .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}
