//! The deck builder on the practice page: pick questions from the bank, write
//! your own, order them, watch the preview and copy the deck's link.
//!
//! A second component like `generator`: its state is the core's
//! `builder::Builder`, changed only by the core's `Action`s; the view files
//! here draw it and send actions back. Keeping the deck, copying its link
//! and the preview drill are the shell's (`shell::builder`): the deck kept on
//! an earlier visit comes in as `kept`, each change leaves by `on_keep`.

mod bank;
mod fields;
mod form;
mod link;
mod list;

use std::rc::Rc;

use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::builder::{deck_of, link_for, preview_deck, Action, Builder as Model};
use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The folder of the practice page, ending in `/`.
    pub base: AttrValue,
    /// The question bank to pick from, or why it could not be read.
    pub bank: Rc<Result<Deck, String>>,
    /// The deck kept on an earlier visit, in its stored form, as read at start.
    #[prop_or_default]
    pub kept: Option<String>,
    /// The deck's stored form after each of the learner's changes, to keep;
    /// answers why it could not be kept, if it could not.
    pub on_keep: Callback<String, Option<String>>,
    /// Copy this text; the callback hears whether it worked.
    pub on_copy: Callback<(String, Callback<bool>)>,
    /// Renders the preview drill of a deck.
    pub preview: Callback<Rc<Deck>, Html>,
}

/// The builder's state for `use_reducer`: every change goes through the core.
#[derive(Clone, PartialEq)]
struct State(Model);

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

#[component]
pub fn Builder(props: &BuilderProps) -> Html {
    let bank = props.bank.clone();
    // Why the deck could not be kept, when the last try failed.
    let keep_problem = use_state_eq(|| None::<String>);
    let state = use_reducer(|| {
        let reserved: Vec<String> = bank
            .as_ref()
            .as_ref()
            .map(|deck| deck.questions.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        // The deck built on an earlier visit, if any.
        let model = props
            .kept
            .as_deref()
            .and_then(|raw| Model::restore(reserved.clone(), raw))
            .unwrap_or_else(|| Model::new(reserved));
        State(model)
    });
    let model = &state.0;
    let send: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    // The deck and its link change only with the deck, not with the form.
    let deck: Rc<Deck> = use_memo(
        (
            model.title.clone(),
            model.description.clone(),
            model.entries.clone(),
        ),
        |(title, description, entries)| {
            deck_of(
                title,
                description,
                entries.iter().map(|e| e.question.clone()).collect(),
            )
        },
    );
    {
        // Kept as it changes, so a reload loses nothing; when it cannot be
        // kept the shell says why, and the builder shows it.
        // Only the learner's changes are kept: opening the page writes
        // nothing.
        let kept = state.0.kept();
        let opened = use_mut_ref(|| false);
        let on_keep = props.on_keep.clone();
        let keep_problem = keep_problem.setter();
        use_effect_with(kept, move |kept| {
            if std::mem::replace(&mut *opened.borrow_mut(), true) {
                keep_problem.set(on_keep.emit(kept.clone()));
            }
        });
    }
    let page = format!("{}index.html", props.base);
    let link = {
        let deck = deck.clone();
        use_memo((deck.id.clone(), page), move |(_, page)| {
            link_for(page, &deck)
        })
    };
    // Until the deck has a title, the preview shows a placeholder, so its
    // heading is never empty; the link needs a title anyway.
    let preview: Rc<Deck> = {
        let deck = deck.clone();
        use_memo(deck.id.clone(), move |_| {
            preview_deck(&deck).map_or(deck, Rc::new)
        })
    }
    .as_ref()
    .clone();
    // Shown on request, so the page does not open with two drills at once.
    let previewing = use_state(|| false);
    // What the copy button last did, for the deck it was pressed on.
    let copied = use_state(|| (String::new(), String::new()));
    let on_copy = {
        let copied = copied.clone();
        let text = link.as_ref().as_ref().map(|(l, _)| l.clone()).ok();
        let id = deck.id.clone();
        let copy = props.on_copy.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = text.clone() else { return };
            let copied = copied.clone();
            let id = id.clone();
            let done = Callback::from(move |worked: bool| {
                let message = if worked {
                    "Link copied to the clipboard."
                } else {
                    "Copying is blocked here: select the link above and copy it with Ctrl+C or ⌘C."
                };
                copied.set((id.clone(), message.to_string()));
            });
            copy.emit((text, done));
        })
    };
    let copy_status = if copied.0 == deck.id {
        copied.1.as_str()
    } else {
        ""
    };
    let form_ref = use_node_ref();
    {
        // After a submit with problems, focus goes to the first one.
        let form_ref = form_ref.clone();
        use_effect_with(model.failed_submits, move |failed| {
            if *failed > 0 {
                let first = form_ref
                    .cast::<Element>()
                    .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten())
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(element) = first {
                    let _ = element.focus();
                }
            }
        });
    }

    let on_title = send.reform(|e: InputEvent| {
        Action::Title(
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default(),
        )
    });
    let on_description = send.reform(|e: InputEvent| {
        Action::Description(
            e.target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default(),
        )
    });

    html! {
        <section class="idrill idrill-theme-auto idrill-builder" aria-labelledby="idrill-builder-title">
            <h2 id="idrill-builder-title">{ "Build your own deck" }</h2>
            <p class="idrill-how">{ "Pick questions from the bank, write your own, check them in the preview and share the link. Nothing leaves your browser until you send the link." }</p>
            <fieldset class="idrill-b-group">
                <legend>{ "The deck" }</legend>
                <p class="idrill-b-field">
                    <label for="idrill-b-title">{ "Title" }</label>
                    <input id="idrill-b-title" type="text" value={model.title.clone()} oninput={on_title}
                        aria-describedby="idrill-b-title-hint" autocomplete="off" />
                    <span class="idrill-how" id="idrill-b-title-hint">{ "Required for the link; learners see it above the questions." }</span>
                </p>
                <p class="idrill-b-field">
                    <label for="idrill-b-description">{ "Description (optional)" }</label>
                    <textarea id="idrill-b-description" rows="2" value={model.description.clone()} oninput={on_description} />
                </p>
            </fieldset>
            { match bank.as_ref() {
                Ok(deck) => bank::bank_view(deck, model, &send),
                Err(problem) => html! { <p role="alert">{ problem.clone() }</p> },
            } }
            { form::form_view(model, &form_ref, &send) }
            { list::list_view(model, &deck, &send) }
            if let Some(reason) = &*keep_problem {
                <p class="idrill-b-warning" role="alert">
                    { format!("This deck could not be kept in this browser: {reason}. Copy its link to keep it.") }
                </p>
            }
            { link::link_view(&link, copy_status, on_copy) }
            <section class="idrill-b-part" aria-labelledby="idrill-b-preview-title">
                <h3 id="idrill-b-preview-title">{ "Deck preview" }</h3>
                <p class="idrill-how">{ "Exactly what learners see when they open the link. Grades here are not saved." }</p>
                if deck.questions.is_empty() {
                    <p>{ "Pick or write a question to preview the deck." }</p>
                } else {
                    <p>
                        <button type="button" aria-expanded={previewing.to_string()} aria-controls="idrill-b-preview"
                            onclick={let p = previewing.clone(); move |_| p.set(!*p)}>
                            { if *previewing { "Hide preview" } else { "Show preview" } }
                        </button>
                    </p>
                }
                <div class="idrill-preview" id="idrill-b-preview">
                    if *previewing && !deck.questions.is_empty() {
                        // Keyed by the deck's id in the shell: a new deck starts a new drill.
                        { props.preview.emit(preview.clone()) }
                    }
                </div>
            </section>
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ model.announcement.clone() }</p>
        </section>
    }
}
