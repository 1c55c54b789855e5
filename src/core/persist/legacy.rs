//! Forms of format 2 that earlier releases wrote, read only.
//!
//! Format 2 changed shape twice without a new version number, and browsers
//! kept what each release wrote, so every form stays readable and the value
//! itself says which one it is (all three carry `"v":2`):
//!
//! | written by | `base` card text | review times (`base`, `log`, export) |
//! |---|---|---|
//! | the first format-2 release | `z60,3tb9i80,81uo0`: comma-separated, base 36 | unix seconds |
//! | the second format-2 release | `z60,3mm8w26bf,81ffv6i`: the same tokens | unix milliseconds |
//! | later releases | `~60$VCh8tf1*5qWl8`: markers, base 62 (`tokens`) | unix milliseconds |
//!
//! Settings' `at` and `exported_at` were seconds in every form, and `answers`
//! came after the switch to milliseconds, so neither needs telling apart.

use super::tokens::{self, Token};

/// The earliest latest-time that reads as seconds: 2001-09-09 as seconds,
/// but 1970-01-12 as milliseconds.
const SECONDS_FROM: i64 = 1_000_000_000;
/// The first latest-time that must be milliseconds: 1973-03-03 as
/// milliseconds, but the year 5138 as seconds.
const SECONDS_UNTIL: i64 = 100_000_000_000;

/// The unit a document's review times were written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Seconds,
    Millis,
}

/// Decides the unit of one document from its latest review time (reviews and
/// undone together).
///
/// The seconds form and the milliseconds form have the same shape, so only
/// magnitude can tell them apart, and a time only means something as a date:
/// the latest time is read in the one unit in which it is a plausible clock
/// reading. From 1e11 up it is milliseconds (1973 on; as seconds it would be
/// after the year 5138). From 1e9 to 1e11 it is seconds (2001 to 5138; as
/// milliseconds it would be the first three years of 1970). Below 1e9 it is
/// no real date in either unit, and today's writer writes milliseconds, so it
/// stays milliseconds: a clock that read 1970 (a dead clock battery), or a
/// test's small times, round-trip exactly.
///
/// One document was always written whole by one encoder, so one unit for the
/// whole document rather than a guess per review: a single odd clock reading
/// in a milliseconds log cannot turn its other reviews into seconds, and the
/// latest time is the one least likely to come from a clock not yet set.
/// The price: a log of today's writer whose latest review is dated between
/// 1970-01-12 and 1973-03-03 reads as seconds. No clock that has been set
/// writes that.
pub(super) fn unit_of(times: impl IntoIterator<Item = i64>) -> Unit {
    let latest = times.into_iter().max().unwrap_or(0);
    if (SECONDS_FROM..SECONDS_UNTIL).contains(&latest) {
        Unit::Seconds
    } else {
        Unit::Millis
    }
}

impl Unit {
    /// A time in this unit, in milliseconds.
    pub(super) fn millis(self, time: i64) -> i64 {
        match self {
            // Seconds only ever holds times below 1e11: this cannot saturate.
            Unit::Seconds => time.saturating_mul(1000),
            Unit::Millis => time,
        }
    }
}

/// Whether a card's text is the base-36 form of the first two format-2 releases. It
/// starts with an offset token `z` or a review token's grade digit 1 to 8;
/// today's form starts with `~` or a grade marker, and neither form was ever
/// empty, so the first character decides.
pub(super) fn is_base36(text: &str) -> bool {
    text.starts_with(|c: char| c == 'z' || ('1'..='8').contains(&c))
}

/// Decodes base-36 card text. `millis` holds each time as written: seconds
/// or milliseconds, which only the whole document can tell (`unit_of`).
pub(super) fn decode_base36(text: &str) -> Result<Vec<Token>, String> {
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
        let time = previous
            .checked_add(delta)
            .ok_or_else(|| format!("time out of range in `{part}`"))?;
        // 1 to 4 are the grades from today's queue, 5 to 8 the same in extra practice.
        let code = code as u8;
        tokens.push(Token {
            millis: time,
            offset,
            grade: if code > 4 { code - 4 } else { code },
            cram: code > 4,
        });
        previous = time;
    }
    Ok(tokens)
}

fn parse_base36(text: &str) -> Option<i64> {
    tokens::parse_signed(text, 36, |c| c.to_digit(36).map(i64::from))
}
