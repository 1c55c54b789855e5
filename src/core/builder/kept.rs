//! The deck being built as kept between visits, under `KEPT_KEY`.

use super::deck::{deck_of, Entry};
use super::state::Builder;
use crate::core::share::wire::WireDeck;
use crate::core::share::{from_wire, to_wire};

/// Where the deck being built is kept between visits (the `default`
/// namespace), so a reload loses nothing. The form in progress is not kept.
pub const KEPT_KEY: &str = "builder";

impl Builder {
    /// The deck being built, as stored: in the share links' own deck form
    /// (`share::wire`), whose code the page already carries.
    pub fn kept(&self) -> String {
        let deck = deck_of(
            &self.title,
            &self.description,
            self.entries.iter().map(|e| e.question.clone()).collect(),
        );
        // Strings, numbers and lists cannot fail to serialise.
        serde_json::to_string(&to_wire(&deck)).unwrap_or_default()
    }

    /// A builder with the kept deck, or `None` when it cannot be read (then
    /// the builder starts empty). Nothing kept is trusted as markup: text is
    /// parsed as the Markdown subset, as a stranger's link is. A question
    /// whose id is in the bank was picked from it; any other was written.
    pub fn restore(reserved: Vec<String>, raw: &str) -> Option<Builder> {
        let wire: WireDeck = serde_json::from_str(raw).ok()?;
        let deck = from_wire(&wire, String::new());
        let entries = deck
            .questions
            .into_iter()
            .map(|question| Entry {
                written: !reserved.contains(&question.id),
                question,
            })
            .collect();
        Some(Builder {
            title: deck.title,
            description: deck.description,
            entries,
            ..Builder::new(reserved)
        })
    }
}
