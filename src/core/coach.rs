//! The answer coach: which key points a typed answer covers, and with which
//! words, whether it names a failure mode and an operational trade-off, and a
//! suggested grade.
//!
//! Matching is lenient the way a fair grader is: case, punctuation and word
//! form do not matter (Snowball's English stemmer), any of a key point's
//! phrases will do, a multi-word phrase may have a couple of words between its
//! own, and typos are forgiven (one edit in words of 5 or more letters, two in
//! words of 10 or more). A single common word never credits a key point.

use rust_stemmers::{Algorithm, Stemmer};

use super::bank::{ConcernKind, Question};
use super::progress::Grade;
use super::rich::plain_text;

/// Words that carry no idea on their own: never a match by themselves, and
/// skipped inside phrases so "the cache key" matches "cache key". "no" and
/// "not" are not filler: "no blame" must not credit an answer about blame.
const FILLER: [&str; 42] = [
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "it", "its",
    "by", "with", "at", "as", "that", "this", "from", "per", "if", "then", "so", "do", "does",
    "we", "you", "i", "my", "our", "your", "can", "will", "would", "should", "use", "using",
    "each", "all",
];

/// Single words too common in any backend answer to credit an idea alone.
const COMMON: [&str; 24] = [
    "cache", "data", "queue", "retry", "time", "key", "request", "server", "service", "database",
    "system", "api", "user", "client", "call", "error", "load", "value", "table", "message",
    "store", "write", "read", "response",
];

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

/// One word of an answer: where it is, as typed, and its normal forms.
struct Word {
    start: usize,
    end: usize,
    lower: String,
    stem: String,
}

/// The answer's distinct words, so each is compared with each phrase word once
/// however often it occurs: a 20,000-character answer has a few hundred.
struct Vocabulary {
    /// (lowercase, stem) of each distinct word.
    entries: Vec<(String, String)>,
    /// For each word of the answer, its entry.
    ids: Vec<usize>,
}

impl Vocabulary {
    fn new(words: &[Word]) -> Self {
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut entries = Vec::new();
        let ids = words
            .iter()
            .map(|w| {
                *index.entry(w.lower.as_str()).or_insert_with(|| {
                    entries.push((w.lower.clone(), w.stem.clone()));
                    entries.len() - 1
                })
            })
            .collect();
        Self { entries, ids }
    }

    /// Which distinct words count as this phrase word.
    fn matching(&self, wanted: &(String, String)) -> Vec<bool> {
        self.entries
            .iter()
            .map(|(lower, stem)| same(lower, stem, wanted))
            .collect()
    }
}

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
    let stemmer = Stemmer::create(Algorithm::English);
    let words = words(answer, &stemmer);
    let vocabulary = Vocabulary::new(&words);
    let points: Vec<PointCheck> = question
        .key_points
        .iter()
        .map(|point| PointCheck {
            label: point.label.clone(),
            matched: point
                .phrases
                .iter()
                .find_map(|phrase| {
                    find_phrase(&words, &vocabulary, &phrase_words(phrase, &stemmer))
                })
                .map(|(start, end)| answer[start..end].to_string()),
        })
        .collect();
    let covered = points.iter().filter(|p| p.matched.is_some()).count();
    let coverage = if points.is_empty() {
        0.0
    } else {
        covered as f64 / points.len() as f64
    };
    let names_failure = names(&vocabulary, &FAILURE_CUES)
        || names_concern(&vocabulary, question, ConcernKind::Failure, &stemmer);
    let names_trade_off = names(&vocabulary, &TRADE_OFF_CUES)
        || names_concern(&vocabulary, question, ConcernKind::TradeOff, &stemmer);
    Feedback {
        suggested: suggest(coverage, names_failure && names_trade_off),
        points,
        names_failure,
        names_trade_off,
        coverage,
    }
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

fn words(text: &str, stemmer: &Stemmer) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        // Letters, digits and the joiners inside words like "write-through".
        let inside =
            c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '_') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let raw = text[s..i].trim_end_matches(['-', '\'', '_']);
                let end = s + raw.len();
                // Hyphenated words also count as their parts ("write-through").
                let lower = raw.to_lowercase();
                for (offset, part) in split_joined(&lower) {
                    let stem = stemmer.stem(part).into_owned();
                    let part_start = s + offset;
                    out.push(Word {
                        start: part_start,
                        end: (part_start + part.len()).min(end),
                        lower: part.to_string(),
                        stem,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// "write-through" → "write", "through"; offsets in bytes of the lowercase form.
fn split_joined(lower: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut offset = 0;
    for part in lower.split(['-', '\'', '_']) {
        if !part.is_empty() {
            parts.push((offset, part));
        }
        offset += part.len() + 1;
    }
    parts
}

/// A phrase's words, without filler, as (lowercase, stem).
fn phrase_words(phrase: &str, stemmer: &Stemmer) -> Vec<(String, String)> {
    let all: Vec<(String, String)> = words(phrase, stemmer)
        .into_iter()
        .map(|w| (w.lower, w.stem))
        .collect();
    let meaningful: Vec<(String, String)> = all
        .iter()
        .filter(|(w, _)| !FILLER.contains(&w.as_str()))
        .cloned()
        .collect();
    match meaningful.as_slice() {
        // A lone common word credits nobody.
        [(only, _)] if COMMON.contains(&only.as_str()) => Vec::new(),
        [] => Vec::new(),
        _ => meaningful,
    }
}

/// Finds the phrase's words in order, with at most two other meaningful words
/// between consecutive ones (filler like "the" does not count); returns the
/// byte span of the match in the answer.
fn find_phrase(
    words: &[Word],
    vocabulary: &Vocabulary,
    phrase: &[(String, String)],
) -> Option<(usize, usize)> {
    let matches: Vec<Vec<bool>> = phrase.iter().map(|p| vocabulary.matching(p)).collect();
    let (first, rest) = matches.split_first()?;
    let ids = &vocabulary.ids;
    'start: for (i, &id) in ids.iter().enumerate() {
        if !first[id] {
            continue;
        }
        let mut at = i;
        for part in rest {
            let mut skipped = 0;
            let mut found = None;
            for (j, word) in words.iter().enumerate().skip(at + 1) {
                if part[ids[j]] {
                    found = Some(j);
                    break;
                }
                if !FILLER.contains(&word.lower.as_str()) {
                    skipped += 1;
                    if skipped > 2 {
                        break;
                    }
                }
            }
            match found {
                Some(j) => at = j,
                None => continue 'start,
            }
        }
        return Some((words[i].start, words[at].end));
    }
    None
}

fn same(word_lower: &str, word_stem: &str, (lower, stem): &(String, String)) -> bool {
    if word_stem == stem || word_lower == lower {
        return true;
    }
    let shorter = word_lower.chars().count().min(lower.chars().count());
    let allowed = match shorter {
        0..=4 => return false,
        5..=9 => 1,
        _ => 2,
    };
    // Digits must match exactly: 409 is not 408.
    if word_lower.chars().any(|c| c.is_ascii_digit()) || lower.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    within_edits(word_lower, lower, allowed) || within_edits(word_stem, stem, allowed)
}

/// Levenshtein distance of at most `limit`, with an early exit.
fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&m| m > limit) {
            return false;
        }
        previous = current;
    }
    previous[b.len()] <= limit
}

fn names(vocabulary: &Vocabulary, cues: &[&str]) -> bool {
    vocabulary.entries.iter().any(|(lower, stem)| {
        cues.iter()
            .any(|cue| stem.starts_with(cue) || lower.starts_with(cue))
    })
}

/// True when the answer shares most meaningful words of one of the question's
/// own failure modes or trade-offs.
fn names_concern(
    vocabulary: &Vocabulary,
    question: &Question,
    kind: ConcernKind,
    stemmer: &Stemmer,
) -> bool {
    question
        .concerns
        .iter()
        .filter(|c| c.kind == kind)
        .any(|concern| {
            let wanted: Vec<(String, String)> = phrase_words(&plain_text(&concern.text), stemmer)
                .into_iter()
                .filter(|(w, _)| w.chars().count() > 3)
                .collect();
            let found = wanted
                .iter()
                .filter(|p| vocabulary.matching(p).contains(&true))
                .count();
            wanted.len() >= 3 && found * 2 >= wanted.len()
        })
}
