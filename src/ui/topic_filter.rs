//! Choose a topic, or all of them. Native radio buttons, so arrow keys work
//! and screen readers announce the group and the counts.

use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::session::Msg;
use crate::web::platform;

/// `group` must be unique per widget, so several widgets keep separate groups.
pub fn topic_filter(
    deck: &Deck,
    selected: Option<&str>,
    group: &str,
    send: &Callback<Msg>,
) -> Html {
    let choice = |slug: Option<&str>, title: &str, count: usize| {
        let send = send.clone();
        let value = slug.map(String::from);
        html! {
            <label class="idrill-topic">
                <input type="radio" name={group.to_string()} checked={selected == slug}
                    onchange={move |_| send.emit(Msg::ChooseTopic(value.clone(), platform::now()))} />
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
