use crate::text::{self, I18n};
use i18n::Texts;
use kpi::Problem;
use leptos::prelude::*;
use std::borrow::Cow;

/// The message for `field`'s first error among a form's `errors` (`of` names an
/// error's field and problem), for the field's `error` prop.
pub fn field_error<E, F>(
    i18n: I18n,
    errors: RwSignal<Vec<E>>,
    field: F,
    of: fn(&E) -> (F, Problem),
) -> Signal<Option<String>>
where
    E: Send + Sync + 'static,
    F: PartialEq + Copy + Send + Sync + 'static,
{
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .map(of)
                .find(|(f, _)| *f == field)
                .map(|(_, problem)| text::problem(i18n, problem))
        })
    })
}

/// A translated text as a signal, for a field's `label` prop.
pub fn text_signal(i18n: I18n, pick: fn(&'static Texts) -> &'static str) -> Signal<String> {
    Signal::derive(move || pick(i18n.texts()).to_string())
}

/// A labelled text input bound to `value`, with its error announced and linked.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    /// The field's id in error messages and test ids (`deal-title` ↔ `field-error-title`);
    /// made at run time for the rows of a list (`tier_rate_0`).
    #[prop(into)]
    field: Cow<'static, str>,
    #[prop(into)] testid: Cow<'static, str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autofocus: bool,
    #[prop(optional)] input_type: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("error-{field}");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=testid.clone()>{move || label.get()}</label>
            <input
                id=testid.clone()
                type=input_type.unwrap_or("text")
                inputmode=inputmode
                autofocus=autofocus
                data-testid=testid
                bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
            />
            <FieldError field=field error=error />
        </div>
    }
}

/// A date input (yyyy-mm-dd) with the same labelling and error handling.
#[component]
pub fn DateField(
    #[prop(into)] label: Signal<String>,
    field: &'static str,
    testid: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! { <TextField label field testid value error input_type="date" /> }
}

/// A labelled select over `(value, label)` options.
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: Cow<'static, str>,
    #[prop(into)] testid: Cow<'static, str>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("error-{field}");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=testid.clone()>{move || label.get()}</label>
            <select
                id=testid.clone()
                data-testid=testid
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                on:change=move |ev| value.set(event_target_value(&ev))
                prop:value=move || value.get()
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = value.get_untracked() == v;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <FieldError field=field error=error />
        </div>
    }
}

#[component]
fn FieldError(field: Cow<'static, str>, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="field-error" id=format!("error-{field}") data-testid=format!("field-error-{field}") role="alert">
                {move || error.get()}
            </p>
        </Show>
    }
}
