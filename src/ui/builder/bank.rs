//! "From the bank": the built-in questions by topic, each a checkbox.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::builder::{Action, Builder as Model};
use crate::core::rich::plain_text;

pub fn bank_view(bank: &Deck, model: &Model, send: &Callback<Action>) -> Html {
    let groups = bank.topic_counts().into_iter().map(|(topic, total)| {
        let questions: Vec<_> = bank
            .questions
            .iter()
            .filter(|q| q.topic == topic.slug)
            .collect();
        let chosen = questions.iter().filter(|q| model.contains(&q.id)).count();
        html! {
            <details class="idrill-b-topic" key={topic.slug.clone()}>
                <summary>{ format!("{} ({chosen} of {total} chosen)", topic.title) }</summary>
                <fieldset class="idrill-b-checks">
                    <legend class="idrill-sr-only">{ topic.title.clone() }</legend>
                    { for questions.into_iter().map(|q| {
                        let question = q.clone();
                        let onchange = send.reform(move |e: Event| Action::Pick {
                            question: Box::new(question.clone()),
                            on: e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked()),
                        });
                        html! {
                            <label class="idrill-b-check">
                                <input type="checkbox" checked={model.contains(&q.id)} {onchange} />
                                <span>{ plain_text(&q.prompt) }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            </details>
        }
    });
    html! {
        <section class="idrill-b-part" aria-labelledby="idrill-b-bank-title">
            <h3 id="idrill-b-bank-title">{ "From the bank" }</h3>
            <p class="idrill-how">{ "Tick questions to add them as they are; open a topic to see its questions." }</p>
            { for groups }
        </section>
    }
}
