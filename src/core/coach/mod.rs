//! The answer coach: which key points a typed answer covers, and with which
//! words, whether it names a failure mode and an operational trade-off, and a
//! suggested grade.
//!
//! Matching is lenient the way a fair grader is: case, punctuation and word
//! form do not matter (Snowball's English stemmer, with a few everyday
//! synonyms and number words folded in), any of a key point's phrases will
//! do, a multi-word phrase may have a couple of words between its own within
//! one sentence, words may be written joined or apart, and typos are forgiven
//! (one edit in words of 5 or more letters, two in words of 10 or more; a
//! swap of neighbouring letters is one edit). A single common word never
//! credits a key point, and neither does a phrase right after "no", "not" or
//! "never" unless the key point is itself about not doing something.

mod matching;
mod vocabulary;
mod words;

use super::bank::{ConcernKind, KeyPoint, Question};
use super::progress::Grade;
use super::rich::plain_text;
use matching::{tokens, Answer, Phrase};
use words::{is_negator, Normalizer};

/// Stems that show an answer names something going wrong.
const FAILURE_CUES: [&str; 30] = [
    "fail",
    "failur",
    "outag",
    "down",
    "crash",
    "lost",
    "lose",
    "loss",
    "timeout",
    "stale",
    "duplic",
    "doubl",
    "race",
    "corrupt",
    "overload",
    "satur",
    "stamped",
    "cascad",
    "storm",
    "partit",
    "lag",
    "leak",
    "deadlock",
    "break",
    "broken",
    "poison",
    "exhaust",
    "inconsist",
    "incid",
    "bug",
];

/// Words and phrases that show an answer weighs a cost against a benefit.
const TRADE_OFF_CUES: [&str; 18] = [
    "trade", "tradeoff", "cost", "expens", "cheaper", "overhead", "downsid", "drawback", "price",
    "versus", "vs", "instead", "complex", "slower", "penalti", "risk", "sacrific", "balanc",
];

/// How well one key point is covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointCheck {
    pub label: String,
    /// The words of the answer that showed it, as typed.
    pub matched: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub points: Vec<PointCheck>,
    pub names_failure: bool,
    pub names_trade_off: bool,
    /// Covered key points over all key points, 0 to 1.
    pub coverage: f64,
    pub suggested: Grade,
}

/// Checks a typed answer against a question's key points.
pub fn check(answer: &str, question: &Question) -> Feedback {
    let normal = Normalizer::new();
    let text = Answer::new(answer, &normal);
    let points: Vec<PointCheck> = question
        .key_points
        .iter()
        .map(|point| PointCheck {
            label: point.label.clone(),
            matched: credit(&text, point, &normal),
        })
        .collect();
    let covered = points.iter().filter(|p| p.matched.is_some()).count();
    let coverage = if points.is_empty() {
        0.0
    } else {
        covered as f64 / points.len() as f64
    };
    let names_failure = names(&text, &FAILURE_CUES)
        || names_concern(&text, question, ConcernKind::Failure, &normal);
    let names_trade_off = names(&text, &TRADE_OFF_CUES)
        || names_concern(&text, question, ConcernKind::TradeOff, &normal);
    Feedback {
        suggested: suggest(coverage, names_failure && names_trade_off),
        points,
        names_failure,
        names_trade_off,
        coverage,
    }
}

/// The words of the answer that show the key point, from its first phrase
/// found.
fn credit(answer: &Answer, point: &KeyPoint, normal: &Normalizer) -> Option<String> {
    let restrictive = restricts(&point.label, normal);
    point
        .phrases
        .iter()
        .filter_map(|phrase| Phrase::new(phrase, normal))
        .find_map(|phrase| answer.find(&phrase, restrictive))
}

/// Words in a key point's label that make it a restriction.
const RESTRICTING: [&str; 3] = ["only", "avoid", "without"];

/// A key point about not doing something, or doing it only in some cases
/// ("Never average percentiles", "Retry only transient errors"): saying "no",
/// "not" or "never" next to its phrases is how an answer states it.
fn restricts(label: &str, normal: &Normalizer) -> bool {
    tokens(label, normal)
        .iter()
        .any(|t| is_negator(&t.lower) || RESTRICTING.contains(&t.lower.as_str()))
}

/// The grade a fair grader would suggest for this coverage.
pub fn suggest(coverage: f64, names_both: bool) -> Grade {
    if coverage >= 0.85 && names_both {
        Grade::Easy
    } else if coverage >= 0.6 {
        Grade::Good
    } else if coverage >= 0.3 {
        Grade::Hard
    } else {
        Grade::Again
    }
}

fn names(answer: &Answer, cues: &[&str]) -> bool {
    answer.entries().iter().any(|entry| {
        cues.iter()
            .any(|cue| entry.stem.starts_with(cue) || entry.lower.starts_with(cue))
    })
}

/// True when the answer shares most meaningful words of one of the question's
/// own failure modes or trade-offs.
fn names_concern(
    answer: &Answer,
    question: &Question,
    kind: ConcernKind,
    normal: &Normalizer,
) -> bool {
    question
        .concerns
        .iter()
        .filter(|c| c.kind == kind)
        .any(|concern| {
            let wanted: Vec<_> = tokens(&plain_text(&concern.text), normal)
                .into_iter()
                .filter(|t| t.lower.chars().count() > 3)
                .collect();
            let found = wanted.iter().filter(|t| answer.has(t)).count();
            wanted.len() >= 3 && found * 2 >= wanted.len()
        })
}
