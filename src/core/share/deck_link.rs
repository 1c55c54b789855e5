//! `#deck=1.<data>`: a whole deck in the link, where `<data>` is the wire JSON
//! (`wire`), zlib-compressed (`compress`) and base64url-encoded (`base64url`).
//! The `1` is the format version; a reader refuses versions it does not know.

use super::base64url;
use super::compress::{deflate, inflate};
use super::convert::{from_wire, to_wire};
use super::error::{quote, LinkError};
use super::fragment::too_long;
use super::identity::{canonical_bytes, deck_id_of};
use super::limits::{self, MAX_INFLATED_BYTES, MAX_PAYLOAD_CHARS};
use super::rules;
use super::wire::WireDeck;
use crate::core::bank::Deck;

const VERSION: &str = "1";

/// The fragment carrying a whole deck, or why the deck cannot travel: it
/// breaks a limit or a content rule that every reader would refuse it for.
///
/// The deck's id and version are not sent; the reader names the deck by its
/// content (`deck_id`). Built-in topics are not sent either.
pub fn deck_link(deck: &Deck) -> Result<String, LinkError> {
    let wire = to_wire(deck);
    check(&wire)?;
    let json = canonical_bytes(&wire);
    if json.len() > MAX_INFLATED_BYTES {
        return Err(LinkError::LimitExceeded {
            detail: format!(
                "the deck is {} KiB of text; a link may carry at most {} KiB",
                json.len() / 1024,
                MAX_INFLATED_BYTES / 1024
            ),
        });
    }
    let payload = base64url::encode(&deflate(&json));
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(too_long(payload.len()));
    }
    Ok(format!("#deck={VERSION}.{payload}"))
}

/// The id a deck gets when it is opened from a link: `link-` and a hash of
/// its content.
pub fn deck_id(deck: &Deck) -> String {
    deck_id_of(&to_wire(deck))
}

/// Whether a deck could travel in a link and be opened: its limits and its
/// content rules, as the reader checks them.
pub fn validate(deck: &Deck) -> Result<(), LinkError> {
    check(&to_wire(deck))
}

/// The reader's checks on a wire deck: limits, then the rules on the deck as
/// the reader will parse it.
fn check(wire: &WireDeck) -> Result<(), LinkError> {
    limits::check(wire)?;
    rules::check(&from_wire(wire, String::new()))
}

pub fn parse(body: &str) -> Result<Deck, LinkError> {
    let Some((version, payload)) = body.split_once('.') else {
        return Err(LinkError::WrongPrefix {
            expected: "`1.` and the deck data",
            found: quote(body),
        });
    };
    if version != VERSION {
        let numeric = !version.is_empty()
            && version.len() <= 9
            && version.bytes().all(|b| b.is_ascii_digit());
        return Err(if numeric {
            LinkError::UnknownVersion {
                version: version.to_string(),
            }
        } else {
            LinkError::WrongPrefix {
                expected: "`1.` and the deck data",
                found: quote(body),
            }
        });
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(too_long(payload.len()));
    }
    let json = inflate(&base64url::decode(payload)?)?;
    let wire: WireDeck = serde_json::from_slice(&json).map_err(|e| LinkError::BadStructure {
        detail: e.to_string(),
    })?;
    limits::check(&wire)?;
    let deck = from_wire(&wire, deck_id_of(&wire));
    rules::check(&deck)?;
    Ok(deck)
}
