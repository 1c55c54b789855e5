//! The compact text of one card's reviews in `base`.
//!
//! Oldest first, with no separators. A review is a marker for its grade and
//! kind, then the milliseconds since the previous review of the card (since
//! 1970 for the first) in base 62: `!` `#` `$` `%` for Again, Hard, Good, Easy
//! from today's queue, `&` `(` `)` `*` for the same grades in extra practice.
//! `~<minutes>` sets the UTC offset of the reviews after it (it starts at 0).
//! Ten reviews of a card take about 62 bytes, against 800 as JSON objects.

const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const MARKERS: [char; 8] = ['!', '#', '$', '%', '&', '(', ')', '*'];
const OFFSET: char = '~';

/// One review of a card, as stored: milliseconds, offset, grade 1..=4, extra practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Token {
    pub millis: i64,
    pub offset: i32,
    pub grade: u8,
    pub cram: bool,
}

/// Encodes reviews sorted oldest first.
pub(super) fn encode(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut offset = 0;
    let mut previous = 0i64;
    for t in tokens {
        if t.offset != offset {
            out.push(OFFSET);
            out.push_str(&t.offset.to_string());
            offset = t.offset;
        }
        let marker = usize::from(t.grade.clamp(1, 4) - 1) + if t.cram { 4 } else { 0 };
        out.push(MARKERS[marker]);
        push_base62(&mut out, t.millis.saturating_sub(previous));
        previous = t.millis;
    }
    out
}

pub(super) fn decode(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut offset = 0i32;
    let mut previous = 0i64;
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let body_end = rest[1..]
            .find(|c: char| c == OFFSET || MARKERS.contains(&c))
            .map_or(rest.len(), |i| i + 1);
        let (token, tail) = rest.split_at(body_end);
        let body = &token[first.len_utf8()..];
        rest = tail;
        if first == OFFSET {
            offset = body.parse().map_err(|_| format!("bad offset `{token}`"))?;
            continue;
        }
        let marker = MARKERS
            .iter()
            .position(|m| *m == first)
            .ok_or_else(|| format!("bad review token `{token}`"))?;
        let delta = parse_base62(body).ok_or_else(|| format!("bad time in `{token}`"))?;
        let millis = previous
            .checked_add(delta)
            .ok_or_else(|| format!("time out of range in `{token}`"))?;
        tokens.push(Token {
            millis,
            offset,
            grade: (marker % 4) as u8 + 1,
            cram: marker >= 4,
        });
        previous = millis;
    }
    Ok(tokens)
}

fn push_base62(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut n = value.unsigned_abs();
    let mut digits = [0u8; 11];
    let mut len = 0;
    loop {
        digits[len] = DIGITS[(n % 62) as usize];
        len += 1;
        n /= 62;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

fn parse_base62(text: &str) -> Option<i64> {
    parse_signed(text, 62, |c| {
        let d = DIGITS.iter().position(|x| char::from(*x) == c)?;
        i64::try_from(d).ok()
    })
}

/// A signed number in `base`: an optional `-`, then at least one digit as
/// `digit` reads it. Shared by today's base-62 tokens and the older base-36
/// ones (`legacy`); overflow is a bad number, never a wrapped one.
pub(super) fn parse_signed(
    text: &str,
    base: i64,
    digit: impl Fn(char) -> Option<i64>,
) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars() {
        value = value.checked_mul(base)?.checked_add(digit(c)?)?;
    }
    Some(if negative { -value } else { value })
}
