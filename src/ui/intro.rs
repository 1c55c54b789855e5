//! The deck's title and what it is for.

use yew::prelude::*;

use crate::core::bank::Deck;

pub fn intro(deck: &Deck) -> Html {
    html! {
        <header class="idrill-intro">
            <h2>{ deck.title.clone() }</h2>
            <p>{ deck.description.clone() }</p>
            <p class="idrill-how">
                { deck.questions.len() }
                { " questions. Answer each one in your head, typed (the coach checks it) or aloud against a timer; reveal the model answer and the interviewer's follow-ups, then grade how well you did. Keys: Space or Enter shows the answer, 1 to 4 grade it, u undoes the last grade." }
            </p>
        </header>
    }
}
