//! Choose a topic, or all of them: one labelled native select, so it takes a
//! single line, arrow keys work and screen readers announce the counts.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::bank::Deck;
use crate::core::session::{DrillMsg, Msg};

/// `id` must be unique per widget, so several widgets keep separate pickers.
pub fn topic_filter(deck: &Deck, selected: Option<&str>, id: &str, send: &Sender) -> Html {
    let onchange = send.at(|event: Event, now| {
        let value = event
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Msg::Drill(DrillMsg::ChooseTopic(
            (!value.is_empty()).then_some(value),
            now,
        ))
    });
    let choice = |slug: Option<&str>, title: &str, count: usize| {
        html! {
            <option value={slug.unwrap_or_default().to_string()} selected={selected == slug}>
                { title.to_string() }{ " (" }{ count }{ ")" }
            </option>
        }
    };
    html! {
        <div class="idrill-topic-pick">
            <label for={id.to_string()}>{ "Topic" }</label>
            // `selected` picks the first render's option; `~value` (the
            // property) keeps the picker on the model's topic after that,
            // when the attribute no longer counts.
            <select id={id.to_string()} ~value={selected.unwrap_or_default().to_string()} {onchange}>
                { choice(None, "All topics", deck.questions.len()) }
                { for deck.topic_counts().into_iter().map(|(t, count)| choice(Some(&t.slug), &t.title, count)) }
            </select>
        </div>
    }
}
