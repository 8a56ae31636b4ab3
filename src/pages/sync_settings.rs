//! Settings → SyncClient: server address, user name, password → Connect; Disconnect keeps
//! every local record. The password field is emptied as soon as it is sent.

use crate::components::status_text;
use crate::lang::use_i18n;
use crate::sync::SyncClient;
use i18n::fill;
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn SyncSettings() -> impl IntoView {
    let sync = expect_context::<SyncClient>();
    let i18n = use_i18n();
    let server = NodeRef::<Input>::new();
    let user = NodeRef::<Input>::new();
    let password = NodeRef::<Input>::new();
    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |input: NodeRef<Input>| input.get().map(|i| i.value()).unwrap_or_default();
        let typed = value(password);
        if let Some(input) = password.get() {
            input.set_value("");
        }
        sync.connect(value(server), value(user), typed);
    };
    let connected_text = move || {
        sync.account.get().map(|(server, user)| {
            fill(
                i18n.texts().sync_connected_as,
                &[("server", &server), ("user", &user)],
            )
        })
    };
    let message = move || status_text(&sync.status.get(), i18n.texts(), i18n.number_locale());
    let refused = move || {
        sync.refused.get().map(|r| {
            fill(
                i18n.texts().sync_refused,
                &[("count", &r.count.to_string()), ("reason", &r.reason)],
            )
        })
    };
    let newer = move || {
        let count = sync.newer.get();
        (count > 0).then(|| fill(i18n.texts().sync_newer, &[("count", &count.to_string())]))
    };
    let account = move || sync.account.get();
    view! {
        <section class="panel" id="sync">
            <h2>{i18n.t(|t| t.sync_title)}</h2>
            <p class="hint">{i18n.t(|t| t.sync_hint)}</p>
            <p data-testid="sync-message" role="status">{message}</p>
            <p data-testid="sync-refused" class="error" role="alert">{refused}</p>
            <p data-testid="sync-newer">{newer}</p>
            <Show when=move || account().is_some()>
                <p data-testid="sync-connected">{connected_text}</p>
                <div class="setting-row">
                    <button data-testid="sync-now-settings" on:click=move |_| sync.kick()>
                        {i18n.t(|t| t.sync_now)}
                    </button>
                    <button data-testid="sync-disconnect" on:click=move |_| sync.disconnect()>
                        {i18n.t(|t| t.sync_disconnect)}
                    </button>
                    <p class="hint">{i18n.t(|t| t.sync_disconnect_hint)}</p>
                </div>
            </Show>
            <form class="sync-form" on:submit=connect>
                <label class="field" for="sync-server">
                    <span>{i18n.t(|t| t.sync_server)}</span>
                    <input
                        id="sync-server"
                        data-testid="sync-server"
                        type="url"
                        inputmode="url"
                        autocomplete="url"
                        placeholder="https://couch.example.com"
                        node_ref=server
                        prop:value=move || account().map(|a| a.0).unwrap_or_default()
                    />
                </label>
                <label class="field" for="sync-user">
                    <span>{i18n.t(|t| t.sync_user)}</span>
                    <input
                        id="sync-user"
                        data-testid="sync-user"
                        autocomplete="username"
                        node_ref=user
                        prop:value=move || account().map(|a| a.1).unwrap_or_default()
                    />
                </label>
                <label class="field" for="sync-password">
                    <span>{i18n.t(|t| t.sync_password)}</span>
                    <input
                        id="sync-password"
                        data-testid="sync-password"
                        type="password"
                        autocomplete="current-password"
                        node_ref=password
                    />
                </label>
                <p class="hint">{i18n.t(|t| t.sync_password_hint)}</p>
                <button type="submit" data-testid="sync-connect">{i18n.t(|t| t.sync_connect)}</button>
            </form>
        </section>
    }
}
