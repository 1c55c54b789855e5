//! "My decks": shared decks the learner chose to keep in this browser.
//!
//! Each is stored as the link it came from, under `deck:<id>`, so opening it
//! again is opening that link, with the same checks as a stranger's link. The
//! deck's id comes from its content, so its progress is its own.

use super::bank::Deck;
use super::share::{parse_fragment, Link};

pub const KEY_PREFIX: &str = "deck:";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDeck {
    pub id: String,
    pub title: String,
    pub questions: usize,
    /// The link fragment that opens it (`#deck=1.…`).
    pub fragment: String,
}

/// A deck that came from a link, as the widget shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedDeck {
    /// The link fragment it came from, so it can be saved as it is.
    pub fragment: String,
    /// Already in "my decks".
    pub saved: bool,
}

pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The saved deck under `key`, or why it cannot be read. Values are links,
/// checked as any link is: storage may have been edited by hand.
pub fn read(key: &str, value: &str) -> Option<Result<SavedDeck, String>> {
    let id = key.strip_prefix(KEY_PREFIX)?;
    Some(match parse_fragment(value) {
        Ok(Link::Deck(deck)) if deck.id == id => Ok(saved(&deck, value)),
        Ok(_) => Err(format!("the saved deck `{id}` is not the deck it names")),
        Err(e) => Err(format!("the saved deck `{id}` cannot be read: {e}")),
    })
}

pub fn saved(deck: &Deck, fragment: &str) -> SavedDeck {
    SavedDeck {
        id: deck.id.clone(),
        title: deck.title.clone(),
        questions: deck.questions.len(),
        fragment: fragment.to_string(),
    }
}
