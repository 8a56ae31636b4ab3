//! The main navigation. On a desktop or tablet every link sits in the top bar; on a
//! phone the most used ones form a bottom bar and the rest open from its "More" button
//! (a disclosure: Escape or choosing a page closes it, the focus goes back to the button).
//! To add a page, add one line to [`PRIMARY`] or [`MORE`].

use crate::lang::use_i18n;
use i18n::Texts;
use leptos::ev::KeyboardEvent;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// One link: where it goes, its test id (`nav-…`) and its label.
struct NavLink {
    href: &'static str,
    testid: &'static str,
    label: fn(&'static Texts) -> &'static str,
}

const fn link(
    href: &'static str,
    testid: &'static str,
    label: fn(&'static Texts) -> &'static str,
) -> NavLink {
    NavLink {
        href,
        testid,
        label,
    }
}

/// The phone's bottom bar: what a rep opens most on the road.
const PRIMARY: &[NavLink] = &[
    link("/", "nav-dashboard", |t| t.nav_dashboard),
    link("/today", "nav-today", |t| t.nav_today),
    link("/pipeline", "nav-pipeline", |t| t.nav_pipeline),
    link("/goals", "nav-goals", |t| t.nav_goals),
];

/// Behind "More" on a phone.
const MORE: &[NavLink] = &[
    link("/deals", "nav-deals", |t| t.nav_deals),
    link("/records/customers", "nav-records", |t| t.nav_records),
    link("/customers", "nav-customers", |t| t.nav_customers),
    link("/leads", "nav-leads", |t| t.nav_leads),
    link("/complaints", "nav-complaints", |t| t.nav_complaints),
    link("/churn", "nav-churn", |t| t.nav_churn),
    link("/commissions", "nav-commissions", |t| t.nav_commissions),
    link("/contests", "nav-contests", |t| t.nav_contests),
    link("/team", "nav-team", |t| t.nav_team),
    link("/import", "nav-import", |t| t.nav_import),
    link("/settings", "nav-settings", |t| t.nav_settings),
];

#[component]
pub fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<Button>::new();
    // Any other way to another page (the bottom bar, a link, Back) closes it too.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let items = |links: &'static [NavLink]| {
        links
            .iter()
            .map(|l| {
                view! {
                    <li>
                        <A href=l.href exact=l.href == "/" attr:data-testid=l.testid>
                            {i18n.t(l.label)}
                        </A>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="main-nav" aria-label=move || i18n.texts().nav_label on:keydown=on_keydown>
            <ul class="nav-primary">{items(PRIMARY)}</ul>
            <button
                node_ref=toggle
                class="nav-more-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="nav-more"
                data-testid="nav-more"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {i18n.t(|t| t.a11y_nav_more)}
            </button>
            <ul id="nav-more" class="nav-more" class:open=move || open.get() on:click=move |_| open.set(false)>
                {items(MORE)}
            </ul>
        </nav>
    }
}
