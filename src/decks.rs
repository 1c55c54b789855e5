//! The built-in decks, compiled from `content/` by build.rs.
//!
//! The wasm carries only the index (every question's prompt and labels); the
//! details (answers, key points, follow-ups, concerns) are a file of their
//! own that the loader fetches after the first card is on screen and hands
//! in through `give_details`. Native builds (tests, benches) compile both in.

use std::cell::{OnceCell, RefCell};

use crate::core::bank::{Deck, Details};

const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/decks-index.bin"));
#[cfg(not(target_arch = "wasm32"))]
const DETAILS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/decks-details.bin"));

thread_local! {
    /// Decoded once per page: every widget mounts from the same immutable data.
    static DECODED: OnceCell<Result<Vec<Deck>, String>> = const { OnceCell::new() };
    /// The details, once given (in the page) or decoded (natively).
    static GIVEN: RefCell<Option<Details>> = const { RefCell::new(None) };
}

fn damaged(e: postcard::Error) -> String {
    format!("the built-in decks are damaged: {e}")
}

/// Every built-in deck, in folder order, with the details where known.
pub fn builtin() -> Result<Vec<Deck>, String> {
    #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
    let mut decks: Vec<Deck> = postcard::from_bytes(INDEX).map_err(damaged)?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let details: Details = postcard::from_bytes(DETAILS).map_err(damaged)?;
        for deck in &mut decks {
            deck.complete(&details);
        }
    }
    Ok(decks)
}

/// Keeps the decks' details (the bytes of the details file) for every
/// widget of the page; the decks `find` returns from now on are complete.
pub fn give_details(bytes: &[u8]) -> Result<(), String> {
    let details: Details =
        postcard::from_bytes(bytes).map_err(|e| format!("the answers file is damaged: {e}"))?;
    GIVEN.with(|given| *given.borrow_mut() = Some(details));
    Ok(())
}

/// Whether `find` returns complete decks.
pub fn has_details() -> bool {
    cfg!(not(target_arch = "wasm32")) || GIVEN.with(|given| given.borrow().is_some())
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

/// A copy of the built-in deck with this id, complete once the details are
/// given.
pub fn find(id: &str) -> Result<Deck, String> {
    let mut deck = with_decoded(|decks| {
        decks
            .as_ref()
            .map_err(Clone::clone)?
            .iter()
            .find(|d| d.id == id)
            .cloned()
            .ok_or_else(|| format!("There is no deck called \"{id}\"."))
    })?;
    GIVEN.with(|given| {
        if let Some(details) = given.borrow().as_ref() {
            deck.complete(details);
        }
    });
    Ok(deck)
}
