//! `#drill=…`: a drill's settings, so a learner can send a friend the same
//! drill (the same questions, in the same order, for the same seed).
//!
//! The syntax is `key:value` pairs joined by `,`, in this order when written:
//!
//! ```text
//! #drill=deck:backend,topics:api-design.data-caching,mode:typed,n:10,seed:42,min:3
//! ```
//!
//! - `deck`: a deck id; optional, left out for the page's own deck.
//! - `topics`: topic slugs joined by `.`; optional, left out for every topic.
//! - `mode`: `flashcards`, `typed` or `mock`.
//! - `n`: how many questions, 1 to 200.
//! - `seed`: the shuffle seed, a decimal `u64` without leading zeros.
//! - `min`: minutes per question, 1 to 60; optional, left out for no timer.
//!
//! Only unreserved and sub-delimiter URL characters are used (no `+`, which
//! forms turn into a space), and a written link ends in a digit, which chat
//! apps do not trim. Keys may come in any order when read; an unknown or
//! repeated key is refused, since guessing could start a different drill.

use super::error::{quote, LinkError};
use super::limits::MAX_QUESTIONS;
use crate::core::bank::is_valid_id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrillMode {
    Flashcards,
    Typed,
    Mock,
}

impl DrillMode {
    pub const ALL: [DrillMode; 3] = [DrillMode::Flashcards, DrillMode::Typed, DrillMode::Mock];

    pub fn name(self) -> &'static str {
        match self {
            DrillMode::Flashcards => "flashcards",
            DrillMode::Typed => "typed",
            DrillMode::Mock => "mock",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrillLink {
    /// `None` for the page's own deck.
    pub deck: Option<String>,
    /// Empty for every topic.
    pub topics: Vec<String>,
    pub mode: DrillMode,
    /// How many questions, 1 to `MAX_QUESTIONS`.
    pub questions: u16,
    pub seed: u64,
    /// Minutes per question, 1 to 60, or no timer.
    pub minutes: Option<u8>,
}

const MAX_MINUTES: u8 = 60;
const MAX_TOPICS: usize = 32;

/// The fragment for a drill. Values are written as given; `parse` is where
/// they are checked, so a drill the reader would refuse should not be written.
pub fn drill_link(drill: &DrillLink) -> String {
    let mut parts = Vec::new();
    if let Some(deck) = &drill.deck {
        parts.push(format!("deck:{deck}"));
    }
    if !drill.topics.is_empty() {
        parts.push(format!("topics:{}", drill.topics.join(".")));
    }
    parts.push(format!("mode:{}", drill.mode.name()));
    parts.push(format!("n:{}", drill.questions));
    parts.push(format!("seed:{}", drill.seed));
    if let Some(minutes) = drill.minutes {
        parts.push(format!("min:{minutes}"));
    }
    format!("#drill={}", parts.join(","))
}

fn bad(detail: String) -> LinkError {
    LinkError::BadStructure { detail }
}

/// A decimal number as a writer writes it: digits only, no leading zero.
fn number(key: &str, value: &str) -> Result<u64, LinkError> {
    let canonical = !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    canonical
        .then(|| value.parse::<u64>().ok())
        .flatten()
        .ok_or_else(|| bad(format!("`{key}:{}` is not a whole number", quote(value))))
}

pub fn parse(body: &str) -> Result<DrillLink, LinkError> {
    let mut deck = None;
    let mut topics = None;
    let mut mode = None;
    let mut questions = None;
    let mut seed = None;
    let mut minutes = None;
    for part in body.split(',') {
        let Some((key, value)) = part.split_once(':') else {
            return Err(bad(format!(
                "`{}` is not a `key:value` setting",
                quote(part)
            )));
        };
        let seen = match key {
            "deck" => deck.replace(parse_id("deck", value)?).is_some(),
            "topics" => topics.replace(parse_topics(value)?).is_some(),
            "mode" => {
                let found = DrillMode::ALL.into_iter().find(|m| m.name() == value);
                let found = found.ok_or_else(|| {
                    bad(format!(
                        "mode `{}` is not flashcards, typed or mock",
                        quote(value)
                    ))
                })?;
                mode.replace(found).is_some()
            }
            "n" => {
                let n = number(key, value)?;
                if !(1..=MAX_QUESTIONS as u64).contains(&n) {
                    return Err(bad(format!(
                        "`n:{n}`: a drill has 1 to {MAX_QUESTIONS} questions"
                    )));
                }
                questions.replace(n as u16).is_some()
            }
            "seed" => seed.replace(number(key, value)?).is_some(),
            "min" => {
                let m = number(key, value)?;
                if !(1..=u64::from(MAX_MINUTES)).contains(&m) {
                    return Err(bad(format!(
                        "`min:{m}`: minutes per question are 1 to {MAX_MINUTES}"
                    )));
                }
                minutes.replace(m as u8).is_some()
            }
            _ => {
                return Err(bad(format!(
                    "`{}` is not a drill setting; the link may come from a newer version",
                    quote(key)
                )))
            }
        };
        if seen {
            return Err(bad(format!("`{key}` is given twice")));
        }
    }
    let missing = |key: &str| bad(format!("the drill has no `{key}:` setting"));
    Ok(DrillLink {
        deck,
        topics: topics.unwrap_or_default(),
        mode: mode.ok_or_else(|| missing("mode"))?,
        questions: questions.ok_or_else(|| missing("n"))?,
        seed: seed.ok_or_else(|| missing("seed"))?,
        minutes,
    })
}

fn parse_id(what: &str, value: &str) -> Result<String, LinkError> {
    if is_valid_id(value) {
        Ok(value.to_string())
    } else {
        Err(bad(format!(
            "`{}` is not a {what} id (3 to 64 characters of a-z, 0-9 and `-`)",
            quote(value)
        )))
    }
}

fn parse_topics(value: &str) -> Result<Vec<String>, LinkError> {
    let topics = value
        .split('.')
        .map(|slug| parse_id("topic", slug))
        .collect::<Result<Vec<_>, _>>()?;
    if topics.len() > MAX_TOPICS {
        return Err(bad(format!("a drill names at most {MAX_TOPICS} topics")));
    }
    if (1..topics.len()).any(|i| topics[..i].contains(&topics[i])) {
        return Err(bad("a topic is named twice".into()));
    }
    Ok(topics)
}
