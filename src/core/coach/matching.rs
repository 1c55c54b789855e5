//! Finding a key point's phrase in an answer: its meaningful words in order,
//! close together within one sentence, not negated, forgiving typos and words
//! written joined or apart ("rate limit", "ratelimit"; "backoff", "back off").

use super::negation::{is_cue, negation};
use super::vocabulary::{Entry, Vocabulary};
use super::words::{is_filler, words, Normalizer, Word};

/// Single words too common in any backend answer to credit an idea alone.
const COMMON: [&str; 24] = [
    "cache", "data", "queue", "retry", "time", "key", "request", "server", "service", "database",
    "system", "api", "user", "client", "call", "error", "load", "value", "table", "message",
    "store", "write", "read", "response",
];

/// The most meaningful words allowed between two consecutive words of a
/// phrase ("replay the stored response" for "replay response").
const WINDOW: usize = 2;

const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// A word of a phrase in normal form.
#[derive(Clone)]
pub(super) struct Token {
    pub lower: String,
    pub stem: String,
    /// Two phrase words written as one match only exactly: with typos
    /// allowed, "percentile SLO" as "percentileslo" would match "percentiles".
    pub exact: bool,
    /// The lengths of `lower` and `stem` in characters.
    pub lengths: (usize, usize),
}

impl Token {
    fn new(lower: String, stem: String, exact: bool) -> Self {
        Self {
            lengths: (lower.chars().count(), stem.chars().count()),
            lower,
            stem,
            exact,
        }
    }
}

/// A phrase ready to match: its meaningful words, and the same words with
/// two neighbours written as one ("rate limit" as "ratelimit").
pub(super) struct Phrase {
    variants: Vec<Vec<Token>>,
    /// The phrase says "no", "not", "without"... itself, so a negation near
    /// it is its own.
    negative: bool,
}

impl Phrase {
    /// None when the phrase could never fairly credit a key point: no
    /// meaningful word, or a single common one.
    pub fn new(text: &str, normal: &Normalizer) -> Option<Self> {
        let tokens = phrase_tokens(text, normal)?;
        let negative = tokens.iter().any(|t| is_cue(&t.lower));
        let joined = (1..tokens.len()).map(|i| {
            let lower = format!("{}{}", tokens[i - 1].lower, tokens[i].lower);
            let mut variant = tokens[..i - 1].to_vec();
            variant.push(Token::new(lower.clone(), normal.stem(&lower), true));
            variant.extend_from_slice(&tokens[i + 1..]);
            variant
        });
        let variants = std::iter::once(tokens.clone()).chain(joined).collect();
        Some(Self { variants, negative })
    }
}

/// A phrase's meaningful words, or None when it has none or only a common
/// one, in any form ("retries" is "retry"). When filler surrounds a single meaningful word, the filler stays
/// (but for articles): "in flight" and "per merchant" say more than "flight"
/// and "merchant".
fn phrase_tokens(text: &str, normal: &Normalizer) -> Option<Vec<Token>> {
    let all: Vec<Token> = words(text, normal).into_iter().map(Token::from).collect();
    let meaningful: Vec<&Token> = all.iter().filter(|t| !is_filler(&t.lower)).collect();
    match meaningful.as_slice() {
        [] => None,
        [only] if COMMON.iter().any(|c| normal.stem(c) == only.stem) => None,
        [_] => Some(
            all.into_iter()
                .filter(|t| !ARTICLES.contains(&t.lower.as_str()))
                .collect(),
        ),
        _ => Some(all.into_iter().filter(|t| !is_filler(&t.lower)).collect()),
    }
}

impl From<Word> for Token {
    fn from(word: Word) -> Self {
        Self::new(word.lower, word.stem, false)
    }
}

/// A text's meaningful words, without filler.
pub(super) fn tokens(text: &str, normal: &Normalizer) -> Vec<Token> {
    words(text, normal)
        .into_iter()
        .filter(|w| !is_filler(&w.lower))
        .map(Token::from)
        .collect()
}

/// An answer ready for phrases to be found in it.
pub(super) struct Answer<'t> {
    text: &'t str,
    words: Vec<Word>,
    vocabulary: Vocabulary,
    /// How many meaningful words, and how many negation cue words, come
    /// before each word.
    meaningful_before: Vec<usize>,
    cues_before: Vec<usize>,
    /// Whether a negation cue reaches each word, and whether a firm one
    /// does (`negation`).
    negated: Vec<bool>,
    firm: Vec<bool>,
}

/// Where a phrase was found: its first and last word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub first: usize,
    pub last: usize,
}

impl Span {
    pub fn overlaps(self, other: Span) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl<'t> Answer<'t> {
    pub fn new(text: &'t str, normal: &Normalizer) -> Self {
        let words = words(text, normal);
        let negation = negation(&words);
        Self {
            vocabulary: Vocabulary::new(&words),
            meaningful_before: running_count(&words, |_, w| !is_filler(&w.lower)),
            cues_before: running_count(&words, |i, _| negation.cue[i]),
            negated: negation.negated,
            firm: negation.firm,
            text,
            words,
        }
    }

    /// The answer's words, in order.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The sentences that hold a word passing `test`, each as a span.
    pub fn sentences_with(&self, test: impl Fn(&Word) -> bool) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut first = 0;
        for (i, word) in self.words.iter().enumerate() {
            let ends = self
                .words
                .get(i + 1)
                .is_none_or(|next| next.sentence != word.sentence);
            if ends {
                if self.words[first..=i].iter().any(&test) {
                    spans.push(Span { first, last: i });
                }
                first = i + 1;
            }
        }
        spans
    }

    /// The answer's distinct words.
    pub fn entries(&self) -> &[Entry] {
        self.vocabulary.entries()
    }

    /// Whether any word of the answer counts as this token.
    pub fn has(&self, token: &Token) -> bool {
        !self.vocabulary.matching(token).is_empty()
    }

    /// The words of the answer, as typed, in `span`.
    pub fn quote(&self, span: Span) -> String {
        self.text[self.words[span.first].start..self.words[span.last].end].to_string()
    }

    /// Where the answer shows the phrase, outside the `excluded` spans.
    /// Unless the phrase or its key point is itself about not doing
    /// something, a match a negation reaches, or with a cue inside it, does
    /// not count.
    pub fn find(&self, phrase: &Phrase, restrictive: bool, excluded: &[Span]) -> Option<Span> {
        let search = Search {
            guard: !(phrase.negative || restrictive),
            firm: !phrase.negative,
            excluded,
        };
        phrase.variants.iter().find_map(|variant| {
            let places: Vec<Vec<(usize, usize)>> =
                variant.iter().map(|t| self.occurrences(t)).collect();
            self.first_match(&places, &search)
        })
    }

    /// Whether a negation reaching word `at` refuses a match starting there.
    fn refused(&self, at: usize, search: &Search<'_>) -> bool {
        (search.guard && self.negated[at]) || (search.firm && self.firm[at])
    }

    /// Whether a phrase word may be matched at `start..=end`.
    fn allowed(&self, start: usize, end: usize, search: &Search<'_>) -> bool {
        let here = Span {
            first: start,
            last: end,
        };
        !search.excluded.iter().any(|s| s.overlaps(here))
    }

    /// The earliest match of the whole phrase, given the spans where each of
    /// its words occurs.
    fn first_match(&self, places: &[Vec<(usize, usize)>], search: &Search<'_>) -> Option<Span> {
        let (first, rest) = places.split_first()?;
        first
            .iter()
            .filter(|&&(start, end)| {
                !self.refused(start, search) && self.allowed(start, end, search)
            })
            .find_map(|&(start, end)| {
                Some(Span {
                    first: start,
                    last: self.extend(rest, end, search)?,
                })
            })
    }

    /// The last word of the rest of the phrase, following closely after word
    /// `at`. Tries each close occurrence, not just the nearest.
    fn extend(
        &self,
        rest: &[Vec<(usize, usize)>],
        at: usize,
        search: &Search<'_>,
    ) -> Option<usize> {
        let Some((next, rest)) = rest.split_first() else {
            return Some(at);
        };
        let from = next.partition_point(|&(start, _)| start <= at);
        next[from..]
            .iter()
            .take_while(|&&(start, _)| self.close(at, start))
            .filter(|&&(start, end)| {
                !(search.guard && self.cues_before[start] > self.cues_before[at + 1])
                    && self.allowed(start, end, search)
            })
            .find_map(|&(_, end)| self.extend(rest, end, search))
    }

    /// Same sentence, and at most `WINDOW` meaningful words between.
    fn close(&self, at: usize, next: usize) -> bool {
        self.words[at].sentence == self.words[next].sentence
            && self.meaningful_before[next] - self.meaningful_before[at + 1] <= WINDOW
    }

    /// Spans (first and last word) where the token occurs, in order.
    fn occurrences(&self, token: &Token) -> Vec<(usize, usize)> {
        let entries = self.vocabulary.entries();
        let mut found: Vec<(usize, usize)> = self
            .vocabulary
            .matching(token)
            .into_iter()
            .flat_map(|id| entries[id].positions.iter().map(|&i| (i, i)))
            .collect();
        found.extend(self.written_apart(token));
        crate::core::sort::sort(&mut found);
        found
    }

    /// Where the token is written as two words ("back off" for "backoff").
    fn written_apart(&self, token: &Token) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (at, _) in token.lower.char_indices().skip(2) {
            let (left, right) = token.lower.split_at(at);
            if right.chars().nth(1).is_none() {
                break;
            }
            let (Some(left), Some(right)) = (
                self.vocabulary.exactly(left),
                self.vocabulary.exactly(right),
            ) else {
                continue;
            };
            for &i in &self.vocabulary.entries()[left].positions {
                let next = i + 1;
                if next < self.words.len()
                    && self.vocabulary.id_at(next) == right
                    && self.words[i].clause == self.words[next].clause
                {
                    found.push((i, next));
                }
            }
        }
        found
    }
}

/// For each index, how many words before it pass the test (one more entry
/// than words, so ranges subtract).
fn running_count(words: &[Word], test: impl Fn(usize, &Word) -> bool) -> Vec<usize> {
    let mut counts = Vec::with_capacity(words.len() + 1);
    let mut count = 0;
    counts.push(0);
    for (i, word) in words.iter().enumerate() {
        count += usize::from(test(i, word));
        counts.push(count);
    }
    counts
}

/// How one phrase is looked for.
struct Search<'s> {
    /// Whether negated matches are refused, and matches a firm cue reaches.
    guard: bool,
    firm: bool,
    /// Spans no word of the match may touch.
    excluded: &'s [Span],
}
