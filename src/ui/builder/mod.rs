//! The deck builder on the practice page: pick questions from the bank, write
//! your own, order them, watch the preview and copy the deck's link.
//!
//! A second component like `generator`: its state is the core's
//! `builder::Builder`, changed only by the core's `Action`s; the view files
//! here draw it and send actions back.

mod bank;
mod fields;
mod form;
mod link;
mod list;

use std::rc::Rc;

use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::builder::{deck_of, link_for, Action, Builder as Model, KEPT_KEY};
use crate::core::config::Config;
use crate::decks;
use crate::store::{MemoryStore, Store};
use crate::ui::app::{App, DeckHandle, StoreHandle};
use crate::web::local_store::LocalStore;
use crate::web::platform;
use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The folder of the practice page, ending in `/`.
    pub base: AttrValue,
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
    let bank: Rc<Result<Deck, String>> = use_memo((), |_| decks::find("backend"));
    let state = use_reducer(|| {
        let reserved: Vec<String> = bank
            .as_ref()
            .as_ref()
            .map(|deck| deck.questions.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        // The deck built on an earlier visit, if any.
        let kept = kept_store().and_then(|store| store.get(KEPT_KEY).ok().flatten());
        let model = kept
            .and_then(|raw| Model::restore(reserved.clone(), &raw))
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
        // Kept as it changes, so a reload loses nothing; a blocked storage
        // only means the deck is not kept.
        // Only the learner's changes are written: opening the page writes
        // nothing.
        let kept = state.0.kept();
        let opened = use_mut_ref(|| false);
        use_effect_with(kept, move |kept| {
            if std::mem::replace(&mut *opened.borrow_mut(), true) {
                if let Some(store) = kept_store() {
                    let _ = store.put(KEPT_KEY, kept);
                }
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
            if deck.title.is_empty() {
                let mut untitled = (*deck).clone();
                untitled.title = "Untitled deck".into();
                Rc::new(untitled)
            } else {
                deck
            }
        })
    }
    .as_ref()
    .clone();
    // Shown on request, so the page does not open with two drills at once.
    let previewing = use_state(|| false);
    // The preview keeps its own progress: trying a deck must not touch yours.
    let preview_store = use_memo((), |_| StoreHandle(Rc::new(MemoryStore::default())));
    // What the copy button last did, for the deck it was pressed on.
    let copied = use_state(|| (String::new(), String::new()));
    let on_copy = {
        let copied = copied.clone();
        let text = link.as_ref().as_ref().map(|(l, _)| l.clone()).ok();
        let id = deck.id.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = text.clone() else { return };
            let copied = copied.clone();
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let message = match platform::copy_text(&text).await {
                    Ok(()) => "Link copied to the clipboard.",
                    Err(_) => "Copying is blocked here: select the link above and copy it with Ctrl+C or ⌘C.",
                };
                copied.set((id, message.to_string()));
            });
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
                        <App key={preview.id.clone()} config={Config::default()} deck={Some(DeckHandle(preview.clone()))}
                            store={(*preview_store).clone()} />
                    }
                </div>
            </section>
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ model.announcement.clone() }</p>
        </section>
    }
}

/// The page's own storage namespace, where the builder keeps its deck.
fn kept_store() -> Option<LocalStore> {
    LocalStore::open(&Config::default().namespace).ok()
}
