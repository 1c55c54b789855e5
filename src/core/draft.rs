//! The typed answer in progress, kept so a reload or a closed tab loses
//! nothing: one value under `draft`, for the card it was typed on.
//!
//! It is not review history: the latest keystroke wins, from whichever tab,
//! and a draft for a card no longer on screen is simply not used.

use serde::{Deserialize, Serialize};

pub const DRAFT_KEY: &str = "draft";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub deck: String,
    pub q: String,
    pub text: String,
}

pub fn encode(draft: &Draft) -> String {
    // Serialising three strings cannot fail.
    serde_json::to_string(draft).unwrap_or_default()
}

/// The draft, or `None` for anything unreadable: a lost draft is the only
/// cost, so it is not worth a backup.
pub fn decode(raw: &str) -> Option<Draft> {
    serde_json::from_str(raw).ok()
}
