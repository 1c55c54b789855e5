//! Links in the widget: the banner of a deck opened from a link, "my decks",
//! and the share buttons. What a link says is the core's
//! (`core::session::links`); the shell shares it.

use yew::prelude::*;

use crate::ui::share_button::{share_button, Share};

use crate::core::session::{LinkMsg, Model, Msg};
use crate::ui::intent::{Intent, Sender};

/// Says plainly that the deck came from a link, and offers to keep it.
pub fn shared_banner(m: &Model, send: &Sender) -> Html {
    let Some(shared) = &m.links.shared else {
        return Html::default();
    };
    let count = m.deck.questions.len();
    html! {
        <section class="idrill-shared" aria-label="Shared deck">
            <p>
                <strong>{ "Shared deck, opened from a link: " }</strong>{ m.deck.title.clone() }
                { format!(" ({count} question{}).", if count == 1 { "" } else { "s" }) }
                { " Its progress is kept apart from the built-in deck's." }
            </p>
            <p class="idrill-actions">
                if shared.saved {
                    <span>{ "Saved in My decks." }</span>
                } else {
                    <button type="button" class="idrill-primary" onclick={send.to(|_| Msg::Link(LinkMsg::SaveSharedDeck))}>
                        { "Save to My decks" }
                    </button>
                }
                <button type="button" onclick={send.reform(|_| Intent::GoTo(None))}>{ "Back to the built-in deck" }</button>
            </p>
        </section>
    }
}

/// The built-in deck and the shared decks kept in this browser.
pub fn my_decks_view(m: &Model, send: &Sender, links_base: &str) -> Html {
    html! {
        <section class="idrill-decks" aria-labelledby="idrill-decks-title">
            <h3 id="idrill-decks-title">{ "My decks" }</h3>
            <p class="idrill-how">{ "Decks opened from links and saved in this browser. Each keeps its own progress." }</p>
            <ul class="idrill-deck-list">
                <li>
                    <span>{ "Backend engineer interview (built in)" }</span>
                    <button type="button" onclick={send.reform(|_| Intent::GoTo(None))}>{ "Open built-in deck" }</button>
                </li>
                { for m.links.my_decks.iter().map(|d| {
                    let open = {
                        let fragment = d.fragment.clone();
                        send.reform(move |_: MouseEvent| Intent::GoTo(Some(fragment.clone())))
                    };
                    let id = d.id.clone();
                    let url = format!("{links_base}{}", d.fragment);
                    html! {
                        <li>
                            <span>{ format!("{} ({} question{})", d.title, d.questions, if d.questions == 1 { "" } else { "s" }) }</span>
                            <span class="idrill-actions">
                                <button type="button" onclick={open} aria-label={format!("Open {}", d.title)}>{ "Open" }</button>
                                { share_button("Share", &format!("Share {}", d.title), Share::Link { url, title: d.title.clone() }, send) }
                                <button type="button" class="idrill-quiet" aria-label={format!("Remove {}", d.title)}
                                    onclick={send.to(move |_| Msg::Link(LinkMsg::RemoveSavedDeck(id.clone())))}>{ "Remove" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if m.links.my_decks.is_empty() {
                <p>{ "No saved decks yet. Open a deck link and choose “Save to My decks”." }</p>
            }
            if let Some(note) = &m.links.share_note { <p class="idrill-how">{ note.clone() }</p> }
        </section>
    }
}
