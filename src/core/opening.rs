//! What the widget opens: its configured deck, or what the page's link
//! fragment asks for. Links come from strangers: anything damaged becomes a
//! message, and the widget then reads and writes nothing.

use super::bank::Deck;
use super::share::{parse_fragment, DrillLink, Link, LinkError, QuestionLink};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// No link (or an ordinary page anchor): the configured deck.
    Configured,
    /// A whole deck from a link, with the fragment it came in.
    Deck {
        deck: Deck,
        fragment: String,
    },
    Question(QuestionLink),
    Drill(DrillLink),
    /// "This link is damaged": what went wrong.
    Damaged(String),
}

pub fn opening(fragment: Option<&str>) -> Opening {
    let Some(fragment) = fragment.filter(|f| !f.trim_start_matches('#').trim().is_empty()) else {
        return Opening::Configured;
    };
    match parse_fragment(fragment) {
        Err(LinkError::NotALink) => Opening::Configured,
        Err(e) => Opening::Damaged(e.to_string()),
        Ok(Link::Deck(deck)) => Opening::Deck {
            deck,
            fragment: fragment.to_string(),
        },
        Ok(Link::Question(q)) => Opening::Question(q),
        Ok(Link::Drill(d)) => Opening::Drill(d),
    }
}
