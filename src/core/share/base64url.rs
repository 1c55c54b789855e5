//! Base64url without padding (RFC 4648, section 5): every character is safe
//! in a URL fragment, so chat apps and browsers leave the link alone.
//!
//! Written out here (about 60 lines) so every refused character can be named
//! with its position in the learner's words.

use super::error::{quote, LinkError};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
        }
    }
    out
}

fn value(c: char) -> Option<u32> {
    match c {
        'A'..='Z' => Some(c as u32 - 'A' as u32),
        'a'..='z' => Some(c as u32 - 'a' as u32 + 26),
        '0'..='9' => Some(c as u32 - '0' as u32 + 52),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
    }
}

/// Decodes base64url. Padding `=` is accepted where it is correct (a tool may
/// add it); unused low bits of the last character are ignored so a cut link
/// is reported as cut rather than as a bad character.
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let unpadded = text.trim_end_matches('=');
    let padding = text.len() - unpadded.len();
    if padding > 0 && (padding > 2 || !text.len().is_multiple_of(4)) {
        return Err(bad_character(text, unpadded.len(), '='));
    }
    let mut out = Vec::with_capacity(unpadded.len() / 4 * 3 + 2);
    let mut bits = 0u32;
    let mut count = 0u32;
    for (position, c) in unpadded.chars().enumerate() {
        let Some(v) = value(c) else {
            return Err(bad_character(text, position, c));
        };
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    match unpadded.len() % 4 {
        _ if unpadded.is_empty() => Err(LinkError::Truncated {
            detail: "there is no deck data after `deck=1.`".into(),
        }),
        1 => Err(LinkError::Truncated {
            detail: format!(
                "{} characters of deck data is not a length a whole link has",
                unpadded.len()
            ),
        }),
        _ => Ok(out),
    }
}

fn bad_character(text: &str, position: usize, c: char) -> LinkError {
    let at = position + 1;
    let detail = match c {
        ' ' | '\t' | '\n' | '\r' => format!(
            "the link has a space or line break at character {at} of its deck data; links never contain one, so it was probably broken across lines, or a `+` or `%20` became a space on the way: copy the link again in one piece"
        ),
        '+' | '/' => format!(
            "`{c}` at character {at} of the deck data belongs to standard base64, but deck links use the URL-safe alphabet; the link was changed on the way"
        ),
        '=' => format!("`=` at character {at} of the deck data is not where padding can be"),
        _ => format!(
            "`{}` at character {at} of the deck data is not part of a deck link (it continues `{}`); was something added to the end of the link?",
            c.escape_default(),
            quote(text.chars().skip(position).collect::<String>().as_str())
        ),
    };
    LinkError::BadEncoding { detail }
}
