//! The typed answer in progress, kept so a reload or a closed tab loses
//! nothing: one value under `draft`, for the card it was typed on.
//!
//! It is not review history: the latest keystroke wins, from whichever tab,
//! and a draft for a card no longer on screen is simply not used. Stored as
//! three lines of text (deck id, question id, then the answer), since ids
//! never hold a line break; a JSON form would cost the page its own decoder.

pub const DRAFT_KEY: &str = "draft";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub deck: String,
    pub q: String,
    pub text: String,
}

pub fn encode(draft: &Draft) -> String {
    format!("{}\n{}\n{}", draft.deck, draft.q, draft.text)
}

/// The draft, or `None` for anything unreadable: a lost draft is the only
/// cost, so it is not worth a backup.
pub fn decode(raw: &str) -> Option<Draft> {
    let mut parts = raw.splitn(3, '\n');
    let deck = parts.next().filter(|d| !d.is_empty())?;
    let q = parts.next().filter(|q| !q.is_empty())?;
    let text = parts.next()?;
    Some(Draft {
        deck: deck.to_string(),
        q: q.to_string(),
        text: text.to_string(),
    })
}
