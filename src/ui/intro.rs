//! The deck's title, and what it is for folded behind "About this deck", so
//! the first question is on screen without scrolling.

use yew::prelude::*;

use crate::core::bank::Deck;

pub fn intro(deck: &Deck) -> Html {
    html! {
        <header class="idrill-intro">
            <h2>{ deck.title.clone() }</h2>
            <details class="idrill-about">
                <summary>{ "About this deck" }</summary>
                <p>{ deck.description.clone() }</p>
                <p class="idrill-how">
                    { deck.questions.len() }
                    { " questions. Answer each one in your head, typed (the coach checks it) or aloud against a timer; reveal the model answer and the interviewer's follow-ups, then grade how well you did. Keys: Space or Enter shows the answer, 1 to 4 grade it, u undoes the last grade." }
                </p>
            </details>
        </header>
    }
}
