//! Which words of an answer are negated or dismissed, so "I would not use
//! singleflight or serve stale data" credits neither idea.
//!
//! A cue ("no", "not", "never", "without", "skip", "avoid", "ignore",
//! "instead of", "rather than"; "don't" is spelled out as "do not" before
//! this) reaches forward over the rest of its clause: up to `REACH`
//! meaningful words, and never past a comma, a full stop or a word that
//! starts a new thought ("but", "because", "so", "which", "we"...). "not
//! just X but Y", "not only... also" and "no more than" add rather than
//! deny, so they negate nothing; "you can't just add consumers" denies. A
//! few words dismiss what comes before them instead ("a load test is
//! unnecessary", "retries are not needed"): they reach back the same way.

use super::words::{is_filler, listed, Word, WordSet};

/// Words that deny or dismiss what follows them.
const CUES: &str = "no not never nor neither without skip skips skipped skipping avoid avoids \
    avoided avoiding ignore ignores ignored ignoring none";

/// Two-word cues, as (first, second): the second word is where they start.
const PAIRS: [(&str, &str); 2] = [("instead", "of"), ("rather", "than")];

/// Words right after a cue that turn it into an addition ("not just").
const ADDING: &str = "just only merely simply matter";

/// Words that show a "not just" adds: "but", "also", "too", "as well".
const ALSO: &str = "but also too well";

/// Comparatives that, with "than" after them, make a bound ("no more than 3").
const BOUNDS: &str = "more less fewer";

/// Words that dismiss what comes before them.
const DISMISSING: &str = "unnecessary needless overkill pointless unneeded";

/// After "not", these dismiss what comes before ("is not needed",
/// "doesn't help", "hot shards don't happen").
const NOT_NEEDED: &str = "needed required necessary worth useful helpful important help helps \
    matter matters happen work";

/// Words that start a new thought, where a negation stops.
const BREAKS: &str =
    "but because so then which while instead rather yet though although since when \
    unless until otherwise whereas we i you they however";

/// How many meaningful words a cue reaches.
const REACH: usize = 6;

/// For each word of an answer: whether it is (part of) a cue, and whether a
/// cue negates it.
pub(super) struct Negation {
    pub cue: Vec<bool>,
    pub negated: Vec<bool>,
    /// Negated by a cue that only ever rejects ("instead of", "rather
    /// than", "... is unnecessary", "... doesn't help"), which denies even a
    /// key point about not doing something: "rather than coordinating"
    /// states no "IC coordinates, does not debug".
    pub firm: Vec<bool>,
}

/// Whether a single word is a cue: a phrase holding one is about not doing
/// something, so a negation near it is its own.
pub(super) fn is_cue(lower: &str) -> bool {
    listed(CUES, lower) || PAIRS.iter().any(|(first, _)| *first == lower)
}

pub(super) fn negation(words: &[Word]) -> Negation {
    let lower = |i: usize| words.get(i).map_or("", |w| w.lower.as_str());
    let mut cue = vec![false; words.len()];
    let mut negated = vec![false; words.len()];
    let mut firm = vec![false; words.len()];
    let (cues, dismissing) = (WordSet::new(&[CUES]), WordSet::new(&[DISMISSING]));
    for i in 0..words.len() {
        let word = lower(i);
        let paired = PAIRS
            .iter()
            .any(|(first, second)| word == *second && i > 0 && lower(i - 1) == *first);
        if paired {
            cue[i - 1] = true;
        }
        if cues.has(word) || paired {
            cue[i] = true;
            let next = lower(i + 1);
            let adds = listed(ADDING, next) && adds_later(words, i);
            if adds || (listed(BOUNDS, next) && lower(i + 2) == "than") {
                continue;
            }
            if word == "not" && listed(NOT_NEEDED, next) {
                reach(words, &mut [&mut negated, &mut firm], i, (0..i).rev());
            } else if paired {
                reach(words, &mut [&mut negated, &mut firm], i, i + 1..words.len());
            } else {
                reach(words, &mut [&mut negated], i, i + 1..words.len());
            }
        } else if dismissing.has(word) {
            cue[i] = true;
            reach(words, &mut [&mut negated, &mut firm], i, (0..i).rev());
        }
    }
    Negation { cue, negated, firm }
}

/// Whether "not just" at `cue` goes on to add ("not just X but also Y"),
/// rather than deny ("you can't just add consumers").
fn adds_later(words: &[Word], cue: usize) -> bool {
    words[cue + 1..]
        .iter()
        .take_while(|w| w.sentence == words[cue].sentence)
        .any(|w| listed(ALSO, &w.lower))
}

/// Marks the words `cue` reaches, walking `range` away from it.
fn reach(
    words: &[Word],
    marks: &mut [&mut Vec<bool>],
    cue: usize,
    range: impl Iterator<Item = usize>,
) {
    let mut meaningful = 0;
    for j in range {
        let word = &words[j];
        if word.clause != words[cue].clause || listed(BREAKS, &word.lower) {
            break;
        }
        for mark in marks.iter_mut() {
            mark[j] = true;
        }
        if !is_filler(&word.lower) {
            meaningful += 1;
            if meaningful == REACH {
                break;
            }
        }
    }
}
