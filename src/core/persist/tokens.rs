//! The compact text of one card's reviews in `base`.
//!
//! Comma-separated tokens, oldest first. `z<minutes>` sets the UTC offset for
//! the reviews after it (it starts at 0). Any other token is one review: a digit
//! for the grade (1 to 4; 5 to 8 for extra practice, grade plus 4) and the
//! milliseconds since the previous review in base 36 (since 1970 for the
//! first). Ten reviews of a card take about 80 bytes, against 800 as JSON.

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
            push_separator(&mut out);
            out.push('z');
            out.push_str(&t.offset.to_string());
            offset = t.offset;
        }
        push_separator(&mut out);
        out.push(char::from(b'0' + t.grade + if t.cram { 4 } else { 0 }));
        push_base36(&mut out, t.millis.saturating_sub(previous));
        previous = t.millis;
    }
    out
}

pub(super) fn decode(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut offset = 0i32;
    let mut previous = 0i64;
    for part in text.split(',').filter(|p| !p.is_empty()) {
        if let Some(minutes) = part.strip_prefix('z') {
            offset = minutes
                .parse()
                .map_err(|_| format!("bad offset token `{part}`"))?;
            continue;
        }
        let mut chars = part.chars();
        let code = chars
            .next()
            .and_then(|c| c.to_digit(10))
            .filter(|d| (1..=8).contains(d))
            .ok_or_else(|| format!("bad review token `{part}`"))?;
        let delta = parse_base36(chars.as_str()).ok_or_else(|| format!("bad time in `{part}`"))?;
        let millis = previous
            .checked_add(delta)
            .ok_or_else(|| format!("time out of range in `{part}`"))?;
        let code = code as u8;
        tokens.push(Token {
            millis,
            offset,
            grade: if code > 4 { code - 4 } else { code },
            cram: code > 4,
        });
        previous = millis;
    }
    Ok(tokens)
}

fn push_separator(out: &mut String) {
    if !out.is_empty() {
        out.push(',');
    }
}

fn push_base36(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut n = value.unsigned_abs();
    let mut digits = [0u8; 13];
    let mut len = 0;
    loop {
        let d = (n % 36) as u8;
        digits[len] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
        len += 1;
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

fn parse_base36(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars() {
        value = value
            .checked_mul(36)?
            .checked_add(i64::from(c.to_digit(36)?))?;
    }
    Some(if negative { -value } else { value })
}
