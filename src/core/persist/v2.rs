//! Format 2: a compact `base` shared by all writers, one readable `log` per
//! writer, and the same readable shape for export files. Earlier releases
//! wrote two other forms of it, still read (`legacy`); this writes today's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::legacy::{self, Unit};
use super::tokens::{self, Token};
use super::{field, stamped_settings, unknown_fields, Fields, LoadError, APP};
use crate::core::answer_note::{AnswerNote, AnswerStyle};
use crate::core::ledger::Ledger;
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};
use crate::core::time::Moment;

const KNOWN: [&str; 9] = [
    "answers",
    "app",
    "v",
    "kind",
    "writer",
    "reviews",
    "undone",
    "settings",
    "exported_at",
];

/// One review in a log or an export.
#[derive(Serialize, Deserialize)]
struct ReviewV2 {
    deck: String,
    q: String,
    /// Unix milliseconds: part of the review's identity. The first format-2 release wrote
    /// seconds here; `legacy::unit_of` tells which.
    t: i64,
    /// The learner's UTC offset in minutes, so "today" is their own day.
    tz: i32,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    g: u8,
    /// "c" for extra practice, which does not move the schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<String>,
}

/// How one graded answer was given. Added to format 2 without a new version:
/// a reader that predates it keeps `answers` as an unknown field, byte for byte.
#[derive(Serialize, Deserialize)]
struct AnswerV2 {
    deck: String,
    q: String,
    /// The review's moment: the note belongs to that review.
    t: i64,
    tz: i32,
    /// "t" typed, "a" aloud, "r" recalled.
    how: String,
    /// The coach's suggested grade, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<u8>,
    /// The grade chosen.
    g: u8,
    /// Follow-ups reached and answered.
    #[serde(default, skip_serializing_if = "is_zero")]
    fr: u8,
    #[serde(default, skip_serializing_if = "is_zero")]
    fa: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Serialize, Deserialize)]
struct SettingsV2 {
    retention: f64,
    new_per_day: u32,
    /// Unix seconds of the change: the latest change wins a merge.
    at: i64,
}

/// deck -> question -> review tokens.
type Compact = BTreeMap<String, BTreeMap<String, String>>;

#[derive(Serialize)]
struct Envelope<'a, R> {
    app: &'a str,
    v: u64,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    writer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<i64>,
    reviews: R,
    undone: R,
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<SettingsV2>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answers: Vec<AnswerV2>,
}

pub(super) fn decode(fields: Fields) -> Result<Ledger, LoadError> {
    let kind: String = field(&fields, "kind").map_err(LoadError::WrongShape)?;
    let mut ledger = Ledger::default();
    match kind.as_str() {
        "base" => {
            let reviews = cards(field(&fields, "reviews").map_err(LoadError::WrongShape)?)?;
            let undone = cards(field(&fields, "undone").map_err(LoadError::WrongShape)?)?;
            // Only base-36 text can be in seconds (see `legacy`); base 62 never was.
            let unit = legacy::unit_of(
                reviews
                    .iter()
                    .chain(&undone)
                    .filter(|c| c.base36)
                    .flat_map(|c| c.tokens.iter().map(|t| t.millis)),
            );
            ledger.reviews = from_cards(reviews, unit)?;
            ledger.undone = from_cards(undone, unit)?;
        }
        "log" | "export" => {
            let reviews: Vec<ReviewV2> =
                field(&fields, "reviews").map_err(LoadError::WrongShape)?;
            let undone: Vec<ReviewV2> = field(&fields, "undone").map_err(LoadError::WrongShape)?;
            let unit = legacy::unit_of(reviews.iter().chain(&undone).map(|r| r.t));
            ledger.reviews = from_list(reviews, unit)?;
            ledger.undone = from_list(undone, unit)?;
        }
        other => return Err(LoadError::WrongShape(format!("unknown kind `{other}`"))),
    }
    if fields.contains_key("answers") {
        let answers: Vec<AnswerV2> = field(&fields, "answers").map_err(LoadError::WrongShape)?;
        ledger.notes = answers.into_iter().map(note).collect::<Result<_, _>>()?;
    }
    if fields.contains_key("settings") {
        let s: SettingsV2 = field(&fields, "settings").map_err(LoadError::WrongShape)?;
        ledger.settings = Some(stamped_settings(s.retention, s.new_per_day, s.at));
    }
    ledger.extra = unknown_fields(fields, &KNOWN);
    Ok(ledger)
}

fn review(
    deck: String,
    question: String,
    unix_ms: i64,
    offset: i32,
    g: u8,
    cram: bool,
) -> Result<Review, LoadError> {
    let grade = Grade::from_number(g)
        .ok_or_else(|| LoadError::WrongShape(format!("a review of `{question}` has grade {g}")))?;
    Ok(Review {
        at: Moment::new(unix_ms, offset),
        card: CardKey { deck, question },
        grade,
        kind: if cram {
            ReviewKind::Cram
        } else {
            ReviewKind::Scheduled
        },
    })
}

fn note(a: AnswerV2) -> Result<AnswerNote, LoadError> {
    let grade = |g: u8| {
        Grade::from_number(g)
            .ok_or_else(|| LoadError::WrongShape(format!("an answer to `{}` has grade {g}", a.q)))
    };
    let style = AnswerStyle::from_code(&a.how).ok_or_else(|| {
        LoadError::WrongShape(format!("an answer to `{}` has style `{}`", a.q, a.how))
    })?;
    Ok(AnswerNote {
        at: Moment::new(a.t, a.tz),
        style,
        suggested: a.s.map(grade).transpose()?,
        chosen: grade(a.g)?,
        follow_ups_reached: a.fr,
        follow_ups_answered: a.fa,
        card: CardKey {
            deck: a.deck,
            question: a.q,
        },
    })
}

fn to_answers(notes: &std::collections::BTreeSet<AnswerNote>) -> Vec<AnswerV2> {
    notes
        .iter()
        .map(|n| AnswerV2 {
            deck: n.card.deck.clone(),
            q: n.card.question.clone(),
            t: n.at.unix_ms,
            tz: n.at.utc_offset_minutes,
            how: n.style.code().to_string(),
            s: n.suggested.map(Grade::number),
            g: n.chosen.number(),
            fr: n.follow_ups_reached,
            fa: n.follow_ups_answered,
        })
        .collect()
}

fn from_list(
    list: Vec<ReviewV2>,
    unit: Unit,
) -> Result<std::collections::BTreeSet<Review>, LoadError> {
    list.into_iter()
        .map(|r| {
            let cram = r.k.as_deref() == Some("c");
            review(r.deck, r.q, unit.millis(r.t), r.tz, r.g, cram)
        })
        .collect()
}

/// One card's reviews in `base`, decoded but not yet given a unit.
struct Card {
    deck: String,
    question: String,
    /// Written by the first two format-2 releases: times in the document's unit.
    /// Otherwise today's base 62, always milliseconds.
    base36: bool,
    tokens: Vec<Token>,
}

fn cards(compact: Compact) -> Result<Vec<Card>, LoadError> {
    let mut out = Vec::new();
    for (deck, cards) in compact {
        for (question, text) in cards {
            let base36 = legacy::is_base36(&text);
            let tokens = if base36 {
                legacy::decode_base36(&text)
            } else {
                tokens::decode(&text)
            }
            .map_err(|e| LoadError::WrongShape(format!("`{question}`: {e}")))?;
            out.push(Card {
                deck: deck.clone(),
                question,
                base36,
                tokens,
            });
        }
    }
    Ok(out)
}

fn from_cards(
    cards: Vec<Card>,
    unit: Unit,
) -> Result<std::collections::BTreeSet<Review>, LoadError> {
    let mut out = std::collections::BTreeSet::new();
    for card in cards {
        let unit = if card.base36 { unit } else { Unit::Millis };
        for t in card.tokens {
            out.insert(review(
                card.deck.clone(),
                card.question.clone(),
                unit.millis(t.millis),
                t.offset,
                t.grade,
                t.cram,
            )?);
        }
    }
    Ok(out)
}

fn to_list(reviews: &std::collections::BTreeSet<Review>) -> Vec<ReviewV2> {
    reviews
        .iter()
        .map(|r| ReviewV2 {
            deck: r.card.deck.clone(),
            q: r.card.question.clone(),
            t: r.at.unix_ms,
            tz: r.at.utc_offset_minutes,
            g: r.grade.number(),
            k: (r.kind == ReviewKind::Cram).then(|| "c".to_string()),
        })
        .collect()
}

fn to_compact(reviews: &std::collections::BTreeSet<Review>) -> Compact {
    // Sorted by card, then time: each card's tokens come out in one run.
    let mut flat: Vec<(&str, &str, Token)> = reviews
        .iter()
        .map(|r| {
            let token = Token {
                millis: r.at.unix_ms,
                offset: r.at.utc_offset_minutes,
                grade: r.grade.number(),
                cram: r.kind == ReviewKind::Cram,
            };
            (r.card.deck.as_str(), r.card.question.as_str(), token)
        })
        .collect();
    flat.sort_unstable();
    let mut compact = Compact::new();
    for run in flat.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let (deck, question, _) = run[0];
        let tokens: Vec<Token> = run.iter().map(|(_, _, t)| *t).collect();
        compact
            .entry(deck.to_string())
            .or_default()
            .insert(question.to_string(), tokens::encode(&tokens));
    }
    compact
}

fn settings(ledger: &Ledger) -> Option<SettingsV2> {
    ledger.settings.map(|s| SettingsV2 {
        retention: s.settings.desired_retention,
        new_per_day: s.settings.new_per_day,
        at: s.at,
    })
}

/// Appends the kept unknown fields to a serialised object.
fn with_extra(mut out: String, ledger: &Ledger) -> String {
    for (name, raw) in &ledger.extra {
        if KNOWN.contains(&name.as_str()) || !out.ends_with('}') {
            continue;
        }
        out.pop();
        out.push(',');
        out.push_str(&serde_json::to_string(name).unwrap_or_default());
        out.push(':');
        out.push_str(raw);
        out.push('}');
    }
    out
}

/// The compacted history of every writer.
pub fn encode_base(ledger: &Ledger) -> String {
    let envelope = Envelope {
        app: APP,
        v: 2,
        kind: "base",
        writer: None,
        exported_at: None,
        reviews: to_compact(&ledger.reviews),
        undone: to_compact(&ledger.undone),
        settings: settings(ledger),
        answers: to_answers(&ledger.notes),
    };
    // Serialising strings, maps and numbers into a String cannot fail.
    with_extra(serde_json::to_string(&envelope).unwrap_or_default(), ledger)
}

/// What one writer added since it opened.
pub fn encode_log(ledger: &Ledger, writer: &str) -> String {
    let envelope = Envelope {
        app: APP,
        v: 2,
        kind: "log",
        writer: Some(writer),
        exported_at: None,
        reviews: to_list(&ledger.reviews),
        undone: to_list(&ledger.undone),
        settings: settings(ledger),
        answers: to_answers(&ledger.notes),
    };
    with_extra(serde_json::to_string(&envelope).unwrap_or_default(), ledger)
}

/// A file the learner keeps, readable and importable anywhere.
pub fn encode_export(ledger: &Ledger, exported_at_seconds: i64) -> String {
    let envelope = Envelope {
        app: APP,
        v: 2,
        kind: "export",
        writer: None,
        exported_at: Some(exported_at_seconds),
        reviews: to_list(&ledger.reviews),
        undone: to_list(&ledger.undone),
        settings: settings(ledger),
        answers: to_answers(&ledger.notes),
    };
    with_extra(serde_json::to_string(&envelope).unwrap_or_default(), ledger)
}
