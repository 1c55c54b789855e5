//! The deck being built: its entries, the deck they make, how the preview
//! shows it, and its link.

use super::checks::blank;
use crate::core::bank::{Deck, Question, Topic, BUILTIN_TOPICS};
use crate::core::share::{deck_id, deck_link, link_length, LengthCheck, LinkErrorKind};

/// A question in the deck being built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub question: Question,
    /// Written in the builder (editable), rather than picked from the bank.
    pub written: bool,
}

/// A deck of these questions with the built-in topics, named by its content
/// as a reader of its link will name it.
pub fn deck_of(title: &str, description: &str, questions: Vec<Question>) -> Deck {
    let mut deck = Deck {
        id: String::new(),
        title: title.trim().to_string(),
        description: description.trim().to_string(),
        version: String::new(),
        topics: BUILTIN_TOPICS
            .iter()
            .map(|(slug, title)| Topic {
                slug: slug.to_string(),
                title: title.to_string(),
            })
            .collect(),
        questions,
    };
    deck.id = deck_id(&deck);
    deck
}

/// The title the preview shows until the deck has one, so its heading is
/// never empty.
pub const UNTITLED_DECK: &str = "Untitled deck";

/// The deck as the preview shows it, when that differs from `deck`: with
/// `UNTITLED_DECK` as its title while it has none (a deck from `deck_of` has
/// its title trimmed, so a title of spaces is none). `None` means the preview
/// shows `deck` itself. The link is not given the placeholder: it needs a
/// real title (`link_for`).
pub fn preview_deck(deck: &Deck) -> Option<Deck> {
    if deck.title.is_empty() {
        let mut untitled = deck.clone();
        untitled.title = UNTITLED_DECK.into();
        Some(untitled)
    } else {
        None
    }
}

/// The deck's link on the practice page (`page`, an absolute address without
/// a fragment) with its length, or why there is none yet.
pub fn link_for(page: &str, deck: &Deck) -> Result<(String, LengthCheck), String> {
    if deck.questions.is_empty() {
        return Err("Pick or write at least one question first.".into());
    }
    if blank(&deck.title) {
        return Err("Give the deck a title first.".into());
    }
    match deck_link(deck) {
        Ok(fragment) => {
            let link = format!("{page}{fragment}");
            let length = link_length(&link);
            Ok((link, length))
        }
        Err(error) => {
            let advice = match error.kind() {
                LinkErrorKind::LimitExceeded | LinkErrorKind::TooLarge => " Share fewer questions.",
                _ => "",
            };
            Err(format!(
                "This deck cannot travel in a link: {error}.{advice}"
            ))
        }
    }
}
