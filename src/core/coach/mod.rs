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
//! credits a key point, and neither does a phrase that a negation or a
//! dismissal reaches ("no", "not", "never", "without", "avoid", "skip",
//! "ignore", "instead of", "rather than", "... is unnecessary"; `negation`)
//! unless the key point is itself about not doing something.
//!
//! Lenient matching alone would credit a list of the right terms, and a wrong
//! claim made with the right words. So the coach also flags an answer that
//! reads as a list of terms (`shape`), and the question's misconceptions: a
//! wrong claim found in the answer is shown with its correction, the words
//! that state it credit no key point, and neither does the key point it
//! contradicts (`Misconception::contradicts`). Either flag holds the
//! suggestion at Hard, whatever the coverage.

mod matching;
mod negation;
mod shape;
mod vocabulary;
mod words;

use super::bank::{ConcernKind, KeyPoint, Misconception, Question};
use super::progress::Grade;
use super::rich::{plain_text, Line};
use matching::{tokens, Answer, Phrase, Span};
use negation::is_cue;
use words::{listed, Normalizer, WordSet};

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

/// A wrong claim the answer makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimCheck {
    pub claim: String,
    pub correction: Line,
    /// The words of the answer that state it, as typed.
    pub matched: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// Wrong claims the answer makes, in the question's order.
    pub misconceptions: Vec<ClaimCheck>,
    /// The answer is mostly terms, without the sentences that connect them.
    pub reads_as_list: bool,
    pub points: Vec<PointCheck>,
    /// For a story (a behavioural prompt) both are true: it is not asked
    /// to name a failure mode or a trade-off, so the rule counts as met.
    pub names_failure: bool,
    pub names_trade_off: bool,
    /// The question is a behavioural prompt, answered with a story.
    pub story: bool,
    /// Covered key points over all key points, 0 to 1.
    pub coverage: f64,
    pub suggested: Grade,
}

/// What the coach tells an answer that reads as a list of terms.
pub const LIST_OF_TERMS: &str = "This reads as a list of terms: say how they fit together and why.";

/// The highest grade the coach suggests for an answer it flags.
pub const FLAGGED_CEILING: Grade = Grade::Hard;

/// Checks a typed answer against a question's key points and misconceptions.
pub fn check(answer: &str, question: &Question) -> Feedback {
    let normal = Normalizer::new();
    let text = Answer::new(answer, &normal);
    let warning = WordSet::new(&[WARNING]);
    let warned = text.sentences_with(|w| warning.has(&w.lower));
    let found: Vec<(&Misconception, Span)> = question
        .misconceptions
        .iter()
        .filter_map(|m| Some((m, stated(&text, m, &normal, &warned)?)))
        .collect();
    let claimed: Vec<Span> = found.iter().map(|(_, span)| *span).collect();
    let misconceptions = found
        .iter()
        .map(|(m, span)| ClaimCheck {
            claim: m.claim.clone(),
            correction: m.correction.clone(),
            matched: text.quote(*span),
        })
        .collect::<Vec<_>>();
    let contradicted: Vec<&str> = found
        .iter()
        .filter_map(|(m, _)| m.contradicts.as_deref())
        .collect();
    let points: Vec<PointCheck> = question
        .key_points
        .iter()
        .map(|point| PointCheck {
            label: point.label.clone(),
            matched: if contradicted.contains(&point.label.as_str()) {
                None
            } else {
                credit(&text, point, &normal, &claimed)
            },
        })
        .collect();
    let covered = points.iter().filter(|p| p.matched.is_some()).count();
    let coverage = if points.is_empty() {
        0.0
    } else {
        covered as f64 / points.len() as f64
    };
    let story = question.is_story();
    let names_failure = story
        || names(&text, &FAILURE_CUES)
        || names_concern(&text, question, ConcernKind::Failure, &normal);
    let names_trade_off = story
        || names(&text, &TRADE_OFF_CUES)
        || names_concern(&text, question, ConcernKind::TradeOff, &normal);
    let reads_as_list = shape::reads_as_list(answer, text.words());
    let mut suggested = suggest(coverage, names_failure && names_trade_off);
    if reads_as_list || !misconceptions.is_empty() {
        suggested = suggested.min(FLAGGED_CEILING);
    }
    Feedback {
        misconceptions,
        reads_as_list,
        suggested,
        points,
        names_failure,
        names_trade_off,
        story,
        coverage,
    }
}

/// The words of the answer that show the key point, from its first phrase
/// found outside the spans that state a wrong claim.
fn credit(
    answer: &Answer,
    point: &KeyPoint,
    normal: &Normalizer,
    claimed: &[Span],
) -> Option<String> {
    let restrictive = restricts(&point.label, normal);
    point
        .phrases
        .iter()
        .filter_map(|phrase| Phrase::new(phrase, normal))
        .find_map(|phrase| answer.find(&phrase, restrictive, claimed))
        .map(|span| answer.quote(span))
}

/// Words that mark a sentence as a warning about a mistake ("what I've seen
/// go wrong is answering 200 with an error inside"): a wrong claim named in
/// one is not the answer's own.
const WARNING: &str =
    "wrong mistake mistakes antipattern anti pitfall trap myth misconception bad \
    worst naive";

/// Where the answer states the wrong claim, unless it denies it ("you can't
/// average percentiles") or warns against it (`WARNING`).
fn stated(
    answer: &Answer,
    misconception: &Misconception,
    normal: &Normalizer,
    warned: &[Span],
) -> Option<Span> {
    misconception
        .phrases
        .iter()
        .filter_map(|phrase| Phrase::new(phrase, normal))
        .find_map(|phrase| answer.find(&phrase, false, warned))
}

/// Words in a key point's label, besides negation cues, that make it a
/// restriction or a loss.
const RESTRICTING: &str = "only lost lose loses losing";

/// A key point about not doing something, doing it only in some cases, or
/// losing something ("Never average percentiles", "Retry only transient
/// errors", "Lost random access"): a negation next to its phrases is how an
/// answer states it.
fn restricts(label: &str, normal: &Normalizer) -> bool {
    tokens(label, normal)
        .iter()
        .any(|t| is_cue(&t.lower) || listed(RESTRICTING, &t.lower))
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
