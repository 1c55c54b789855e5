//! The built-in decks, compiled from `content/` by build.rs and embedded here.

use crate::core::bank::Deck;

const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/decks.bin"));

/// Every built-in deck, in folder order.
pub fn builtin() -> Result<Vec<Deck>, String> {
    postcard::from_bytes(COMPILED).map_err(|e| format!("the built-in decks are damaged: {e}"))
}
