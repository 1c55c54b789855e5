//! Format 2: a compact `base` shared by all writers, one readable `log` per
//! writer, and the same readable shape for export files.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::tokens::{self, Token};
use super::{field, stamped_settings, unknown_fields, Fields, LoadError, APP};
use crate::core::ledger::Ledger;
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};
use crate::core::time::Moment;

const KNOWN: [&str; 8] = [
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
    /// Unix milliseconds: part of the review's identity.
    t: i64,
    /// The learner's UTC offset in minutes, so "today" is their own day.
    tz: i32,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    g: u8,
    /// "c" for extra practice, which does not move the schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<String>,
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
}

pub(super) fn decode(fields: Fields) -> Result<Ledger, LoadError> {
    let kind: String = field(&fields, "kind").map_err(LoadError::WrongShape)?;
    let mut ledger = Ledger::default();
    match kind.as_str() {
        "base" => {
            ledger.reviews =
                from_compact(field(&fields, "reviews").map_err(LoadError::WrongShape)?)?;
            ledger.undone = from_compact(field(&fields, "undone").map_err(LoadError::WrongShape)?)?;
        }
        "log" | "export" => {
            ledger.reviews = from_list(field(&fields, "reviews").map_err(LoadError::WrongShape)?)?;
            ledger.undone = from_list(field(&fields, "undone").map_err(LoadError::WrongShape)?)?;
        }
        other => return Err(LoadError::WrongShape(format!("unknown kind `{other}`"))),
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

fn from_list(list: Vec<ReviewV2>) -> Result<std::collections::BTreeSet<Review>, LoadError> {
    list.into_iter()
        .map(|r| review(r.deck, r.q, r.t, r.tz, r.g, r.k.as_deref() == Some("c")))
        .collect()
}

fn from_compact(compact: Compact) -> Result<std::collections::BTreeSet<Review>, LoadError> {
    let mut out = std::collections::BTreeSet::new();
    for (deck, cards) in compact {
        for (question, text) in cards {
            let tokens = tokens::decode(&text)
                .map_err(|e| LoadError::WrongShape(format!("`{question}`: {e}")))?;
            for t in tokens {
                out.insert(review(
                    deck.clone(),
                    question.clone(),
                    t.millis,
                    t.offset,
                    t.grade,
                    t.cram,
                )?);
            }
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
    };
    with_extra(serde_json::to_string(&envelope).unwrap_or_default(), ledger)
}
