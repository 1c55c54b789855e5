//! Share links: a question, a drill or a whole deck in a URL fragment.
//!
//! ```text
//! #q=backend/idempotent-payment-api
//! #drill=topics:api-design,mode:typed,n:10,seed:42,min:3
//! #deck=1.eNqrVkrLz1eyUkpKLFKqBQA…
//! ```
//!
//! `parse_fragment` reads any of them, and every way a link can be damaged is
//! a `LinkError` the learner can read. Deck links are the frozen format 1 of
//! `wire`, checked against `limits` before and while decoding and against the
//! content rules of `rules` after. Nothing here touches the page; the UI
//! reads `location.hash` and shows what comes back.

mod base64url;
mod compress;
mod convert;
mod deck_link;
mod drill_link;
mod error;
mod fragment;
mod identity;
mod length;
pub mod limits;
pub mod markdown;
mod question_link;
pub mod rules;
pub mod wire;

pub use convert::{from_wire, to_wire};
pub use deck_link::{deck_id, deck_link, validate};
pub use drill_link::{drill_link, DrillLink, DrillMode};
pub use error::{LinkError, LinkErrorKind};
pub use length::{link_length, LengthCheck, LinkLength, LONG_LINK_CHARS, VERY_LONG_LINK_CHARS};
pub use question_link::{question_link, QuestionLink};

use crate::core::bank::Deck;

/// What a link opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    Question(QuestionLink),
    Drill(DrillLink),
    /// A deck from a link, validated, with a `link-…` id of its own.
    Deck(Deck),
}

/// Reads a link from a URL fragment (`#…`), a fragment without its `#`, or a
/// whole pasted URL. `Err(LinkError::NotALink)` means the fragment is not a
/// share link at all (an ordinary anchor), which the UI may ignore.
pub fn parse_fragment(fragment: &str) -> Result<Link, LinkError> {
    let (kind, body) = fragment::split(fragment)?;
    match kind.as_str() {
        "q" => question_link::parse(&body).map(Link::Question),
        "drill" => drill_link::parse(&body).map(Link::Drill),
        "deck" => deck_link::parse(&body).map(Link::Deck),
        _ => Err(LinkError::UnknownKind {
            kind: error::quote(&kind),
        }),
    }
}
