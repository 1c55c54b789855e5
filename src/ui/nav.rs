//! Switches between practice, mock rounds, the prep plan, statistics and
//! settings.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::intent::{Intent, Sender};

use crate::core::session::{Msg, Part, Section};

pub fn nav(current: Section, with_decks: bool, label: &str, send: &Sender) -> Html {
    let item = |section: Section, label: &'static str| {
        // The guest has only the drill: another section is the full build's.
        let onclick = if cfg!(feature = "full") || section == Section::Practice {
            send.to(move |_| Msg::Show(section))
        } else {
            send.reform(move |_| Intent::Upgrade(Part::Section(section)))
        };
        html! {
            <li>
                <button type="button" aria-pressed={(section == current).to_string()}
                    {onclick}>{ label }</button>
            </li>
        }
    };
    html! {
        <nav class="idrill-nav" aria-label={format!("Sections: {label}")}>
            <ul onfocusin={reveal_focused}>
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

/// The sections are one row, scrolled sideways when it is wider than the
/// widget. A browser leaves a button that gets focus half hidden at the
/// row's edge; this brings all of it, with its focus ring, into view.
fn reveal_focused(event: FocusEvent) {
    let Some(button) = event.target_dyn_into::<HtmlElement>() else {
        return;
    };
    // Not `current_target`: Yew listens at the root, not on the row.
    let Some(row) = button.closest("ul").ok().flatten() else {
        return;
    };
    // The ring is 3 px wide and 2 px off the button; the row is `position: relative`.
    const RING: i32 = 6;
    let (left, right) = (
        button.offset_left() - RING,
        button.offset_left() + button.offset_width() + RING,
    );
    let (from, width) = (row.scroll_left(), row.client_width());
    if left < from {
        row.set_scroll_left(left);
    } else if right > from + width {
        row.set_scroll_left(right - width);
    }
}
