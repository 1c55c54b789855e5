//! The built-in decks, compiled from `content/` by build.rs and embedded here.

use crate::core::bank::Deck;

const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/decks.json"));

/// Every built-in deck, in folder order.
pub fn builtin() -> Result<Vec<Deck>, String> {
    serde_json::from_str(COMPILED).map_err(|e| format!("the built-in decks are damaged: {e}"))
}
