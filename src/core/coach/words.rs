//! An answer (or a phrase) as words in normal form: lowercase, stemmed, with
//! a few everyday synonyms and number words folded together, contractions
//! spelled out, and the sentence and clause each word stands in.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// Words that carry no idea on their own: never a match by themselves, and
/// skipped inside phrases so "the cache key" matches "cache key". "no" and
/// "not" are not filler: "no blame" must not credit an answer about blame.
pub(super) const FILLER: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "it", "its",
    "by", "with", "at", "as", "that", "this", "from", "per", "if", "then", "so", "do", "does",
    "we", "you", "i", "my", "our", "your", "can", "will", "would", "should", "use", "using",
    "each", "all",
];

/// Words a fair grader reads as the same idea, whatever the stemmer says.
/// The first of each group is the form the others are folded into. Kept to
/// pairs that mean the same in every backend answer ("setting" is missing
/// because its stem is "set").
const SYNONYMS: &[&[&str]] = &[
    &["id", "identifier"],
    &["primary", "leader", "master"],
    &["replica", "follower", "standby"],
    &["database", "db"],
    &["downtime", "outage"],
    &["delay", "wait"],
    &["version", "revision"],
    &["row", "record"],
    &["response", "reply", "answer"],
    &["ack", "acknowledge"],
    &["config", "configuration"],
    &["ratio", "fraction", "proportion", "percentage"],
];

/// Number words, so "three attempts" is "3 attempts".
const NUMBERS: [(&str, &str); 12] = [
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("twelve", "12"),
];

/// What comes before "n't" (or "nt", typed without the apostrophe).
const NOT_BASES: [(&str, &str); 18] = [
    ("do", "do"),
    ("does", "does"),
    ("did", "did"),
    ("is", "is"),
    ("are", "are"),
    ("was", "was"),
    ("were", "were"),
    ("ca", "can"),
    ("wo", "will"),
    ("should", "should"),
    ("would", "would"),
    ("could", "could"),
    ("have", "have"),
    ("has", "has"),
    ("had", "had"),
    ("must", "must"),
    ("need", "need"),
    ("might", "might"),
];

/// The endings of "it's", "we're", "we'll", "I've", "I'd", "I'm": filler.
const CLITICS: [&str; 6] = ["s", "re", "ll", "ve", "d", "m"];

/// Whether `word` is one of the space-separated words of `list`. Word lists
/// are kept as one string each: an array of `&str` costs the page a pointer
/// and a length per word on top of the text.
pub(super) fn listed(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// Word lists made into one set, for a test run on every word of an answer:
/// `listed` scans its list each time, which on a 20,000-character answer
/// costs milliseconds.
pub(super) struct WordSet(HashSet<&'static str>);

impl WordSet {
    pub fn new(lists: &[&'static str]) -> Self {
        Self(lists.iter().flat_map(|list| list.split(' ')).collect())
    }

    pub fn has(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

pub(super) fn is_filler(lower: &str) -> bool {
    FILLER.contains(&lower)
}

/// One word of an answer: where it is, as typed, and its normal forms.
pub(super) struct Word {
    /// Byte span in the text, on character boundaries.
    pub start: usize,
    pub end: usize,
    /// Phrases match within one sentence.
    pub sentence: usize,
    /// A negation reaches only to the end of its clause.
    pub clause: usize,
    pub lower: String,
    pub stem: String,
}

/// Turns lowercase words into their normal form: the Snowball English stem,
/// with synonyms and number words folded together.
pub(super) struct Normalizer {
    stemmer: Stemmer,
    folded: HashMap<String, String>,
    /// Stems already worked out: a long answer repeats most of its words.
    known: RefCell<HashMap<String, String>>,
}

impl Normalizer {
    pub fn new() -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut folded = HashMap::new();
        for group in SYNONYMS {
            let canonical = stemmer.stem(group[0]).into_owned();
            for word in &group[1..] {
                folded.insert(stemmer.stem(word).into_owned(), canonical.clone());
            }
        }
        for (word, digits) in NUMBERS {
            folded.insert(word.to_string(), digits.to_string());
        }
        Self {
            stemmer,
            folded,
            known: RefCell::new(HashMap::new()),
        }
    }

    pub fn stem(&self, lower: &str) -> String {
        if let Some(stem) = self.known.borrow().get(lower) {
            return stem.clone();
        }
        let stem = self.stemmer.stem(lower);
        let stem = match self.folded.get(stem.as_ref()) {
            Some(canonical) => canonical.clone(),
            None => stem.into_owned(),
        };
        self.known
            .borrow_mut()
            .insert(lower.to_string(), stem.clone());
        stem
    }
}

/// Where the tokenizer is in the text.
#[derive(Clone, Copy, Default)]
struct Place {
    sentence: usize,
    clause: usize,
}

/// The text's words in order, with their sentences and clauses.
pub(super) fn words(text: &str, normal: &Normalizer) -> Vec<Word> {
    let mut out = Vec::new();
    let mut place = Place::default();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // Letters, digits and the joiners inside words like "write-through".
        if !is_ideograph(c) && (c.is_alphanumeric() || (is_joiner(c) && start.is_some())) {
            start = start.or(Some(i));
            continue;
        }
        if let Some(s) = start.take() {
            token(&text[s..i], s, place, normal, &mut out);
        }
        if is_ideograph(c) {
            // Chinese and Japanese write no spaces: each character stands alone,
            // so "返回422" still shows "422".
            token(&text[i..i + c.len_utf8()], i, place, normal, &mut out);
        }
        place = after(c, next, place);
    }
    if let Some(s) = start {
        token(&text[s..], s, place, normal, &mut out);
    }
    out
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '_' | '\'' | '’')
}

fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The place after a character that is not part of a word.
fn after(c: char, next: Option<char>, place: Place) -> Place {
    let ends_sentence = match c {
        '.' | '!' | '?' | ';' => next.is_none_or(char::is_whitespace),
        '。' | '！' | '？' | '；' => true,
        '\n' => matches!(next, Some('\n' | '\r')),
        _ => false,
    };
    let ends_clause = matches!(
        c,
        ',' | ':' | '(' | ')' | '[' | ']' | '-' | '—' | '–' | '\n' | '，' | '、'
    );
    if ends_sentence {
        Place {
            sentence: place.sentence + 1,
            clause: place.clause + 1,
        }
    } else if ends_clause {
        Place {
            clause: place.clause + 1,
            ..place
        }
    } else {
        place
    }
}

/// One run of letters, digits and joiners: its parts become words.
fn token(raw: &str, offset: usize, place: Place, normal: &Normalizer, out: &mut Vec<Word>) {
    let raw = raw.trim_end_matches(is_joiner);
    let mut push = |lower: &str, start: usize, end: usize| {
        out.push(Word {
            start,
            end,
            sentence: place.sentence,
            clause: place.clause,
            lower: lower.to_string(),
            stem: normal.stem(lower),
        });
    };
    // Hyphenated words count as their parts ("write-through").
    for (at, part) in parts(raw) {
        let (start, end) = (offset + at, offset + at + part.len());
        for lower in spelled_out(&part.to_lowercase()) {
            push(&lower, start, end);
        }
    }
}

/// The non-empty parts of a hyphenated word, with their byte offsets.
fn parts(raw: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in raw.char_indices() {
        if c == '-' || c == '_' {
            if i > from {
                out.push((from, &raw[from..i]));
            }
            from = i + c.len_utf8();
        }
    }
    if raw.len() > from {
        out.push((from, &raw[from..]));
    }
    out
}

/// A lowercase word with its contraction spelled out ("don't" → "do", "not";
/// "cannot" → "can", "not") and clitics dropped ("it's" → "it").
fn spelled_out(lower: &str) -> Vec<String> {
    let lower = lower.replace('’', "'");
    if lower == "cannot" {
        return vec!["can".into(), "not".into()];
    }
    let bare = lower
        .strip_suffix("n't")
        .or_else(|| lower.strip_suffix("nt"));
    if let Some((_, base)) = bare.and_then(|b| NOT_BASES.iter().find(|(typed, _)| *typed == b)) {
        return vec![(*base).into(), "not".into()];
    }
    let mut parts = lower.split('\'').filter(|p| !p.is_empty());
    let first = parts.next().map(str::to_string);
    first
        .into_iter()
        .chain(parts.filter(|p| !CLITICS.contains(p)).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        words(text, &Normalizer::new())
            .into_iter()
            .map(|w| w.lower)
            .collect()
    }

    #[test]
    fn contractions_are_spelled_out_and_clitics_dropped() {
        assert_eq!(lowers("don't"), ["do", "not"]);
        assert_eq!(lowers("Can’t"), ["can", "not"]);
        assert_eq!(lowers("cant"), ["can", "not"]);
        assert_eq!(lowers("isn't it's"), ["is", "not", "it"]);
        assert_eq!(lowers("cannot"), ["can", "not"]);
        assert_eq!(lowers("event want"), ["event", "want"]);
    }

    #[test]
    fn joined_words_count_as_their_parts_with_their_own_spans() {
        let text = "Write-Through, x_y";
        let words = words(text, &Normalizer::new());
        let spans: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(spans, ["Write", "Through", "x", "y"]);
    }

    #[test]
    fn sentences_end_at_full_stops_but_not_inside_numbers() {
        let words = words("p99.9 latency. Then\nmore; done", &Normalizer::new());
        let sentences: Vec<usize> = words.iter().map(|w| w.sentence).collect();
        assert_eq!(sentences, [0, 0, 0, 1, 1, 2]);
    }

    #[test]
    fn synonyms_and_number_words_share_a_stem() {
        let normal = Normalizer::new();
        assert_eq!(normal.stem("identifier"), normal.stem("id"));
        assert_eq!(normal.stem("leaders"), normal.stem("primary"));
        assert_eq!(normal.stem("three"), "3");
    }

    #[test]
    fn ideographs_stand_alone() {
        assert_eq!(lowers("返回422"), ["返", "回", "422"]);
    }
}
