//! Format 2: a compact `base` shared by all writers, one readable `log` per
//! writer, and the same readable shape for export files. Earlier releases
//! wrote two other forms of it, still read (`legacy`); this writes today's.

use std::collections::{BTreeMap, BTreeSet};

use super::legacy::{self, Unit};
use super::tokens::{self, Token};
use super::{stamped_settings, Fields, LoadError, APP};
use crate::core::answer_note::{AnswerNote, AnswerStyle};
use crate::core::json::{hundredths, ObjectWriter, Value};
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

// One review in a log or an export, in this order:
// - `deck`, `q`: the card;
// - `t`: unix milliseconds, part of the review's identity (the first
//   format-2 release wrote seconds here; `legacy::unit_of` tells which);
// - `tz`: the learner's UTC offset in minutes, so "today" is their own day;
// - `g`: 1 Again, 2 Hard, 3 Good, 4 Easy;
// - `k`: "c" for extra practice, which does not move the schedule; absent otherwise.
//
// How one graded answer was given (`answers`), added to format 2 without a
// new version (a reader that predates it keeps `answers` as an unknown
// field, byte for byte): `deck`, `q`, `t`, `tz` (the review's moment: the
// note belongs to that review), `how` ("t" typed, "a" aloud, "r" recalled),
// `s` (the coach's suggested grade, absent if none), `g` (the grade chosen),
// `fr` and `fa` (follow-ups reached and answered, absent when 0).
//
// Settings: `retention`, `new_per_day`, and `at`, unix seconds of the
// change (the latest change wins a merge).

/// deck -> question -> review tokens.
type Compact = BTreeMap<String, BTreeMap<String, String>>;

pub(super) fn decode(fields: &Fields) -> Result<Ledger, LoadError> {
    let shape = LoadError::WrongShape;
    let kind = fields.string("kind").map_err(shape)?;
    let mut ledger = Ledger::default();
    match kind.as_str() {
        "base" => {
            let reviews = cards(&fields.object("reviews").map_err(shape)?)?;
            let undone = cards(&fields.object("undone").map_err(shape)?)?;
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
            let reviews = fields.each("reviews", listed).map_err(shape)?;
            let undone = fields.each("undone", listed).map_err(shape)?;
            let unit = legacy::unit_of(reviews.iter().chain(&undone).map(|r| r.t));
            ledger.reviews = from_list(reviews, unit)?;
            ledger.undone = from_list(undone, unit)?;
        }
        other => return Err(LoadError::WrongShape(format!("unknown kind `{other}`"))),
    }
    if fields.get("answers").is_some() {
        let answers = fields.each("answers", answer).map_err(shape)?;
        ledger.notes = answers.into_iter().map(note).collect::<Result<_, _>>()?;
    }
    if fields.get("settings").is_some() {
        let s = fields.object("settings").map_err(shape)?;
        let read = || -> Result<_, String> {
            Ok((
                s.number("retention")?,
                s.integer("new_per_day")?,
                s.integer("at")?,
            ))
        };
        let (retention, new_per_day, at) =
            read().map_err(|e| LoadError::WrongShape(format!("`settings`: {e}")))?;
        ledger.settings = Some(stamped_settings(retention, new_per_day, at));
    }
    ledger.extra = fields.unknown(&KNOWN);
    Ok(ledger)
}

/// One review of a log or an export, as read.
struct Listed {
    deck: String,
    q: String,
    t: i64,
    tz: i32,
    g: u8,
    cram: bool,
}

fn listed(r: &Fields) -> Result<Listed, String> {
    Ok(Listed {
        deck: r.string("deck")?,
        q: r.string("q")?,
        t: r.integer("t")?,
        tz: r.integer("tz")?,
        g: r.integer("g")?,
        cram: r.optional_string("k")?.as_deref() == Some("c"),
    })
}

/// One answer note, as read.
struct Answered {
    deck: String,
    q: String,
    t: i64,
    tz: i32,
    how: String,
    s: Option<u8>,
    g: u8,
    fr: u8,
    fa: u8,
}

fn answer(a: &Fields) -> Result<Answered, String> {
    Ok(Answered {
        deck: a.string("deck")?,
        q: a.string("q")?,
        t: a.integer("t")?,
        tz: a.integer("tz")?,
        how: a.string("how")?,
        s: match a.get("s") {
            None | Some(Value::Null) => None,
            Some(_) => Some(a.integer("s")?),
        },
        g: a.integer("g")?,
        fr: a.integer_or_zero("fr")?,
        fa: a.integer_or_zero("fa")?,
    })
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

fn note(a: Answered) -> Result<AnswerNote, LoadError> {
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

fn from_list(list: Vec<Listed>, unit: Unit) -> Result<BTreeSet<Review>, LoadError> {
    let mut out = BTreeSet::new();
    for r in list {
        out.insert(review(r.deck, r.q, unit.millis(r.t), r.tz, r.g, r.cram)?);
    }
    Ok(out)
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

fn cards(compact: &Fields) -> Result<Vec<Card>, LoadError> {
    let mut out = Vec::new();
    for (deck, cards) in compact.iter() {
        let cards = Fields::of(cards)
            .ok_or_else(|| LoadError::WrongShape(format!("`{deck}`: expected an object")))?;
        for (question, text) in cards.iter() {
            let text = text
                .as_str()
                .ok_or_else(|| LoadError::WrongShape(format!("`{question}`: expected a string")))?;
            let base36 = legacy::is_base36(text);
            let tokens = if base36 {
                legacy::decode_base36(text)
            } else {
                tokens::decode(text)
            }
            .map_err(|e| LoadError::WrongShape(format!("`{question}`: {e}")))?;
            out.push(Card {
                deck: deck.to_string(),
                question: question.to_string(),
                base36,
                tokens,
            });
        }
    }
    Ok(out)
}

fn from_cards(cards: Vec<Card>, unit: Unit) -> Result<BTreeSet<Review>, LoadError> {
    let mut out = BTreeSet::new();
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

/// Writes a JSON array of `items`, each written by `write`.
fn array<T>(items: impl IntoIterator<Item = T>, write: impl Fn(T) -> String) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&write(item));
    }
    out.push(']');
    out
}

fn to_list(reviews: &BTreeSet<Review>) -> String {
    array(reviews, |r| {
        let mut o = ObjectWriter::new();
        o.string("deck", &r.card.deck)
            .string("q", &r.card.question)
            .integer("t", r.at.unix_ms)
            .integer("tz", i64::from(r.at.utc_offset_minutes))
            .integer("g", i64::from(r.grade.number()));
        if r.kind == ReviewKind::Cram {
            o.string("k", "c");
        }
        o.finish()
    })
}

fn to_answers(notes: &BTreeSet<AnswerNote>) -> String {
    array(notes, |n| {
        let mut o = ObjectWriter::new();
        o.string("deck", &n.card.deck)
            .string("q", &n.card.question)
            .integer("t", n.at.unix_ms)
            .integer("tz", i64::from(n.at.utc_offset_minutes))
            .string("how", n.style.code());
        if let Some(s) = n.suggested {
            o.integer("s", i64::from(s.number()));
        }
        o.integer("g", i64::from(n.chosen.number()));
        if n.follow_ups_reached != 0 {
            o.integer("fr", i64::from(n.follow_ups_reached));
        }
        if n.follow_ups_answered != 0 {
            o.integer("fa", i64::from(n.follow_ups_answered));
        }
        o.finish()
    })
}

fn to_compact(reviews: &BTreeSet<Review>) -> String {
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
    crate::core::sort::sort(&mut flat);
    let mut compact = Compact::new();
    for run in flat.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let (deck, question, _) = run[0];
        let tokens: Vec<Token> = run.iter().map(|(_, _, t)| *t).collect();
        compact
            .entry(deck.to_string())
            .or_default()
            .insert(question.to_string(), tokens::encode(&tokens));
    }
    let mut out = ObjectWriter::new();
    for (deck, cards) in &compact {
        let mut inner = ObjectWriter::new();
        for (question, text) in cards {
            inner.string(question, text);
        }
        out.raw(deck, &inner.finish());
    }
    out.finish()
}

/// The envelope every form shares, in the order the fields were always
/// written: `app`, `v`, `kind`, `writer`, `exported_at`, `reviews`, `undone`,
/// `settings`, `answers` (absent when empty), then the kept unknown fields.
fn envelope(
    ledger: &Ledger,
    kind: &str,
    writer: Option<&str>,
    exported_at: Option<i64>,
    list: fn(&BTreeSet<Review>) -> String,
) -> String {
    let mut o = ObjectWriter::new();
    o.string("app", APP).integer("v", 2).string("kind", kind);
    if let Some(writer) = writer {
        o.string("writer", writer);
    }
    if let Some(at) = exported_at {
        o.integer("exported_at", at);
    }
    o.raw("reviews", &list(&ledger.reviews))
        .raw("undone", &list(&ledger.undone));
    if let Some(s) = ledger.settings {
        let mut settings = ObjectWriter::new();
        settings
            .raw("retention", &hundredths(s.settings.desired_retention))
            .integer("new_per_day", i64::from(s.settings.new_per_day))
            .integer("at", s.at);
        o.raw("settings", &settings.finish());
    }
    if !ledger.notes.is_empty() {
        o.raw("answers", &to_answers(&ledger.notes));
    }
    for (name, raw) in &ledger.extra {
        if !KNOWN.contains(&name.as_str()) {
            o.raw(name, raw);
        }
    }
    o.finish()
}

/// The compacted history of every writer.
pub fn encode_base(ledger: &Ledger) -> String {
    envelope(ledger, "base", None, None, to_compact)
}

/// What one writer added since it opened.
pub fn encode_log(ledger: &Ledger, writer: &str) -> String {
    envelope(ledger, "log", Some(writer), None, to_list)
}

/// A file the learner keeps, readable and importable anywhere.
pub fn encode_export(ledger: &Ledger, exported_at_seconds: i64) -> String {
    envelope(ledger, "export", None, Some(exported_at_seconds), to_list)
}
