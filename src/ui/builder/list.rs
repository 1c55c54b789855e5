//! The deck's questions in order: move up and down, edit your own, remove.

use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::builder::{Action, Builder as Model};
use crate::core::rich::plain_text;

pub fn list_view(model: &Model, deck: &Deck, send: &Callback<Action>) -> Html {
    let last = model.entries.len().saturating_sub(1);
    let items = model.entries.iter().enumerate().map(|(i, entry)| {
        let q = &entry.question;
        let label_id = format!("idrill-b-q-{}", q.id);
        let act = |make: fn(String) -> Action| {
            let id = q.id.clone();
            send.reform(move |_: MouseEvent| make(id.clone()))
        };
        let source = if entry.written { "yours" } else { "from the bank" };
        html! {
            <li key={q.id.clone()}>
                <span class="idrill-b-prompt" id={label_id.clone()}>{ plain_text(&q.prompt) }</span>
                <span class="idrill-how">{ format!(" {} · {source}", deck.topic_title(&q.topic)) }</span>
                <span class="idrill-actions">
                    // aria-disabled rather than disabled, so focus stays on a
                    // button that has just moved its question to the end.
                    <button type="button" class="idrill-quiet" aria-describedby={label_id.clone()}
                        aria-disabled={(i == 0).then_some("true")} onclick={act(Action::MoveUp)}>{ "Move up" }</button>
                    <button type="button" class="idrill-quiet" aria-describedby={label_id.clone()}
                        aria-disabled={(i == last).then_some("true")} onclick={act(Action::MoveDown)}>{ "Move down" }</button>
                    if entry.written {
                        <button type="button" class="idrill-quiet" aria-describedby={label_id.clone()}
                            onclick={act(Action::EditQuestion)}>{ "Edit" }</button>
                    }
                    <button type="button" class="idrill-quiet" aria-describedby={label_id}
                        onclick={act(Action::Remove)}>{ "Remove" }</button>
                </span>
            </li>
        }
    });
    html! {
        <section class="idrill-b-part" aria-labelledby="idrill-b-list-title">
            <h3 id="idrill-b-list-title">{ format!("Questions in the deck ({})", model.entries.len()) }</h3>
            if model.entries.is_empty() {
                <p class="idrill-how">{ "None yet: tick questions in the bank or write your own." }</p>
            } else {
                <ol class="idrill-b-list">{ for items }</ol>
            }
        </section>
    }
}
