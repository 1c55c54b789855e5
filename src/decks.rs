//! The built-in decks, compiled from `content/` by build.rs and embedded here.

use std::cell::OnceCell;

use crate::core::bank::Deck;

const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/decks.bin"));

thread_local! {
    /// Decoded once per page: every widget mounts from the same immutable data.
    static DECODED: OnceCell<Result<Vec<Deck>, String>> = const { OnceCell::new() };
}

/// Every built-in deck, in folder order.
pub fn builtin() -> Result<Vec<Deck>, String> {
    postcard::from_bytes(COMPILED).map_err(|e| format!("the built-in decks are damaged: {e}"))
}

fn with_decoded<T>(f: impl FnOnce(&Result<Vec<Deck>, String>) -> T) -> T {
    DECODED.with(|cell| f(cell.get_or_init(builtin)))
}

/// The ids of the built-in decks.
pub fn ids() -> Vec<String> {
    with_decoded(|decks| {
        decks
            .as_ref()
            .map(|decks| decks.iter().map(|d| d.id.clone()).collect())
            .unwrap_or_default()
    })
}

/// A copy of the built-in deck with this id.
pub fn find(id: &str) -> Result<Deck, String> {
    with_decoded(|decks| {
        decks
            .as_ref()
            .map_err(Clone::clone)?
            .iter()
            .find(|d| d.id == id)
            .cloned()
            .ok_or_else(|| format!("There is no deck called \"{id}\"."))
    })
}
