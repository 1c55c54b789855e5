//! The fragment around a link: `#kind=body`, found in whatever the learner
//! pasted, percent-decoded once.

use super::error::{quote, LinkError};
use super::limits::MAX_PAYLOAD_CHARS;

/// Room for `#deck=1.` and the like around a payload of the largest size.
const PREFIX_ALLOWANCE: usize = 64;

/// Splits a fragment (`#deck=1.…`, `deck=1.…` or a whole URL) into its kind
/// and body.
///
/// A link is percent-decoded once, since mail and chat apps sometimes encode
/// `=` or `:`; no character of a link needs encoding, so that is never
/// ambiguous. A `%` left after that means the link was encoded twice, which
/// is refused rather than guessed at.
pub fn split(input: &str) -> Result<(String, String), LinkError> {
    // Refused before anything is decoded or copied.
    if input.len() > MAX_PAYLOAD_CHARS + PREFIX_ALLOWANCE {
        return Err(too_long(input.len()));
    }
    let input = input.trim();
    let fragment = input.split_once('#').map_or(input, |(_, after)| after);
    let decoded = percent_decode(fragment)?;
    if decoded.contains('%') {
        return Err(LinkError::BadEncoding {
            detail: "the link was percent-encoded twice on the way (it still holds `%` after decoding); copy the original link again".into(),
        });
    }
    match decoded.split_once('=') {
        Some((kind, body)) if !kind.is_empty() => Ok((kind.to_string(), body.to_string())),
        _ => Err(LinkError::NotALink),
    }
}

pub fn too_long(chars: usize) -> LinkError {
    LinkError::LimitExceeded {
        detail: format!(
            "the link is {chars} characters long; a link may carry at most {MAX_PAYLOAD_CHARS} characters of data"
        ),
    }
}

fn percent_decode(text: &str) -> Result<String, LinkError> {
    if !text.contains('%') {
        return Ok(text.to_string());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) if hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => {
                out.push(byte);
                i += 3;
            }
            _ => {
                return Err(LinkError::BadEncoding {
                    detail: format!(
                        "`%` at character {} of the link is not followed by two hex digits (`{}`)",
                        i + 1,
                        quote(&String::from_utf8_lossy(&bytes[i..]))
                    ),
                })
            }
        }
    }
    String::from_utf8(out).map_err(|_| LinkError::BadEncoding {
        detail: "the link's percent-encoding does not spell text".into(),
    })
}
