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
                { " questions. Answer each one aloud or in your head, reveal the model answer, then grade how well you recalled it. Keys: Space or Enter shows the answer, 1 to 4 grade it, u undoes the last grade." }
            </p>
        </header>
    }
}
