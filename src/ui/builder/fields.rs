//! Form fields tied to the core's problems: each control gets an id from its
//! `Field`, `aria-invalid` and `aria-describedby` pointing at its message.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::builder::{Action, Builder as Model, Edit, Field};

pub fn input_id(field: Field) -> String {
    format!("idrill-b-{}", field.key())
}

fn error_id(field: Field) -> String {
    format!("idrill-b-{}-error", field.key())
}

/// `aria-invalid` for a field with a problem.
pub fn invalid(model: &Model, field: Field) -> Option<AttrValue> {
    model.problem(field).map(|_| AttrValue::from("true"))
}

/// The ids describing a field: its hint, then its problem.
pub fn described_by(model: &Model, field: Field, hint: Option<&str>) -> Option<AttrValue> {
    let ids: Vec<String> = hint
        .map(str::to_string)
        .into_iter()
        .chain(model.problem(field).map(|_| error_id(field)))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" ").into())
}

/// The problem's message under its field, or nothing.
pub fn error(model: &Model, field: Field) -> Html {
    match model.problem(field) {
        Some(problem) => html! {
            <span class="idrill-b-error" id={error_id(field)}>{ problem.message.clone() }</span>
        },
        None => Html::default(),
    }
}

/// A text input's `oninput`, turned into an edit of the draft.
pub fn on_input(
    send: &Callback<Action>,
    make: impl Fn(String) -> Edit + 'static,
) -> Callback<InputEvent> {
    send.reform(move |e: InputEvent| {
        make(
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default(),
        )
        .into()
    })
}

/// A textarea's `oninput`, turned into an edit of the draft.
pub fn on_area(
    send: &Callback<Action>,
    make: impl Fn(String) -> Edit + 'static,
) -> Callback<InputEvent> {
    send.reform(move |e: InputEvent| {
        make(
            e.target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default(),
        )
        .into()
    })
}

/// A select's `onchange`, turned into an edit of the draft.
pub fn on_select(
    send: &Callback<Action>,
    make: impl Fn(String) -> Edit + 'static,
) -> Callback<Event> {
    send.reform(move |e: Event| {
        make(
            e.target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        )
        .into()
    })
}

/// A one-line text field with its label, hint and problem.
pub fn text_field(
    model: &Model,
    field: Field,
    label: &str,
    value: &str,
    hint: Option<&str>,
    oninput: Callback<InputEvent>,
) -> Html {
    let id = input_id(field);
    html! {
        <span class="idrill-b-field">
            <label for={id.clone()}>{ label.to_string() }</label>
            <input id={id} type="text" value={value.to_string()} {oninput} autocomplete="off"
                aria-invalid={invalid(model, field)} aria-describedby={described_by(model, field, hint)} />
            { error(model, field) }
        </span>
    }
}
