//! The deck builder's rules: questions picked from the bank and written by
//! hand, the form a written question is edited in, its checks (each problem
//! tied to the field it is about), ids derived from prompts, the order of the
//! deck, and the link.
//!
//! The page keeps a `Builder` in its component state and sends it `Action`s;
//! everything that decides anything happens here, so it is tested natively.
//! Written text goes through the share links' Markdown subset
//! (`share::markdown`) into rich text: never HTML.

mod actions;
mod checks;
mod deck;
mod draft;
mod ids;
mod kept;
mod state;

pub use actions::{Action, Edit, Rows};
pub use checks::{question_from_draft, Problem};
pub use deck::{deck_of, link_for, preview_deck, Entry, UNTITLED_DECK};
pub use draft::{draft_from_question, phrases, Draft, Field, FollowUpRow, KeyPointRow};
pub use ids::{slug, unique_id, MAX_SLUG_CHARS};
pub use kept::KEPT_KEY;
pub use state::Builder;
