//! Choose a topic, or all of them. Native radio buttons, so arrow keys work
//! and screen readers announce the group and the counts.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::bank::Deck;
use crate::core::session::{DrillMsg, Msg};

/// `group` must be unique per widget, so several widgets keep separate groups.
pub fn topic_filter(deck: &Deck, selected: Option<&str>, group: &str, send: &Sender) -> Html {
    let choice = |slug: Option<&str>, title: &str, count: usize| {
        let value = slug.map(String::from);
        let onchange =
            send.at(move |_: Event, now| Msg::Drill(DrillMsg::ChooseTopic(value.clone(), now)));
        html! {
            <label class="idrill-topic">
                <input type="radio" name={group.to_string()} checked={selected == slug}
                    {onchange} />
                <span>{ title.to_string() }{ " (" }{ count }{ ")" }</span>
            </label>
        }
    };
    html! {
        <fieldset class="idrill-topics">
            <legend>{ "Topic" }</legend>
            { choice(None, "All topics", deck.questions.len()) }
            { for deck.topic_counts().into_iter().map(|(t, count)| choice(Some(&t.slug), &t.title, count)) }
        </fieldset>
    }
}
