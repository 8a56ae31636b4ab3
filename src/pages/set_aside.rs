//! Settings: the copies of data set aside (unreadable data, or data replaced after the
//! user's choice), to download or delete. Nothing set aside is ever deleted unasked.

use crate::lang::use_i18n;
use crate::state::{NoticeId, Pending, Store};
use crate::storage::QUARANTINE_PREFIX;
use crate::{clock, files};
use i18n::fill;
use leptos::prelude::*;

#[component]
pub fn SetAsideCopies() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    // Re-read after a confirmation closes (a delete) and whenever notices change (a
    // copy set aside by a choice).
    let copies = Memo::new(move |_| {
        store.pending.track();
        store.notices.track();
        store.set_aside_copies()
    });
    let download = move |key: &str| {
        let Some(text) = store.set_aside_text(key) else {
            return store.notify(NoticeId::ExportFailed, None, None);
        };
        let name = format!("salesboard-{}.json", key.trim_start_matches("salesboard."));
        if let Err(error) = files::download(&name, "application/json", &text) {
            store.notify(
                NoticeId::ExportFailed,
                Some(files::error_text(&error)),
                None,
            );
        }
    };
    view! {
        <Show when=move || copies.with(|c| !c.is_empty())>
            <section class="panel" data-testid="set-aside">
                <h2>{i18n.t(|t| t.set_aside_title)}</h2>
                <p class="hint">{i18n.t(|t| t.set_aside_hint)}</p>
                <ul class="set-aside-list">
                    <For each=move || copies.get() key=|(key, _)| key.clone() let((key, size))>
                        <li class="setting-row" data-testid="set-aside-row" data-key=key.clone()>
                            <span>
                                {
                                    let when = key.trim_start_matches(QUARANTINE_PREFIX).to_string();
                                    move || {
                                        let locale = store.locale();
                                        let size = kpi::format_decimal(size as f64 / 1024.0, 1, locale);
                                        fill(
                                            i18n.texts().set_aside_row,
                                            &[("when", &set_aside_when(&when, locale)), ("size", &format!("{size} KB"))],
                                        )
                                    }
                                }
                            </span>
                            <button data-testid="set-aside-download" on:click={
                                let key = key.clone();
                                move |_| download(&key)
                            }>{i18n.t(|t| t.set_aside_download)}</button>
                            <button class="danger" data-testid="set-aside-delete" on:click={
                                let key = key.clone();
                                move |_| store.ask(Pending::DeleteSetAside(key.clone()))
                            }>{i18n.t(|t| t.set_aside_delete)}</button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// When a copy was set aside, from its key's ISO instant, in the user's language and
/// time zone; a key of another shape is shown as it is.
fn set_aside_when(stamp: &str, locale: kpi::NumberLocale) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp).map_or_else(
        |_| stamp.to_string(),
        |at| clock::local_text(at.with_timezone(&chrono::Utc), locale.tag()),
    )
}
