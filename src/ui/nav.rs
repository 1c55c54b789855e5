//! Switches between practice, mock rounds, the prep plan, statistics and
//! settings.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::session::{Msg, Section};

pub fn nav(current: Section, with_decks: bool, label: &str, send: &Sender) -> Html {
    let item = |section: Section, label: &'static str| {
        html! {
            <li>
                <button type="button" aria-pressed={(section == current).to_string()}
                    onclick={send.to(move |_| Msg::Show(section))}>{ label }</button>
            </li>
        }
    };
    html! {
        <nav class="idrill-nav" aria-label={format!("Sections: {label}")}>
            <ul>
                { item(Section::Practice, "Practice") }
                { item(Section::Mock, "Mock round") }
                { item(Section::Plan, "Prep plan") }
                { item(Section::Stats, "Statistics") }
                { item(Section::Settings, "Settings") }
                if with_decks { { item(Section::Decks, "My decks") } }
            </ul>
        </nav>
    }
}
