//! An answer's distinct words, indexed so that finding which of them count
//! as a phrase word costs little however long the answer is: exact stems and
//! forms by hash, typo candidates only among words of a close length.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use super::matching::Token;
use super::words::Word;

/// Negating prefixes: "asynchronous" is not a typo of "synchronous".
const NEGATING_PREFIXES: [&str; 11] = [
    "a", "an", "non", "un", "in", "im", "ir", "il", "dis", "de", "anti",
];

/// How much longer or shorter than a phrase word a typo of it can be,
/// counting the letters a stem drops.
const SLACK: usize = 6;

/// One distinct word of an answer.
pub(super) struct Entry {
    pub lower: String,
    pub stem: String,
    /// The lengths of `lower` and `stem` in characters.
    lengths: (usize, usize),
    /// Where it occurs, in order (indexes into the answer's words).
    pub positions: Vec<usize>,
}

pub(super) struct Vocabulary {
    entries: Vec<Entry>,
    /// Each word's entry.
    ids: Vec<usize>,
    by_lower: HashMap<String, usize>,
    by_stem: HashMap<String, Vec<usize>>,
    by_length: BTreeMap<usize, Vec<usize>>,
    /// Phrase words already looked up: phrases share many words.
    looked_up: RefCell<HashMap<(String, bool), Vec<usize>>>,
}

impl Vocabulary {
    pub fn new(words: &[Word]) -> Self {
        let mut vocabulary = Self {
            entries: Vec::new(),
            ids: Vec::with_capacity(words.len()),
            by_lower: HashMap::new(),
            by_stem: HashMap::new(),
            by_length: BTreeMap::new(),
            looked_up: RefCell::new(HashMap::new()),
        };
        for (position, word) in words.iter().enumerate() {
            let id = vocabulary.entry(word);
            vocabulary.entries[id].positions.push(position);
            vocabulary.ids.push(id);
        }
        vocabulary
    }

    /// The entry of a word, added if it is new.
    fn entry(&mut self, word: &Word) -> usize {
        if let Some(&id) = self.by_lower.get(&word.lower) {
            return id;
        }
        let id = self.entries.len();
        let length = word.lower.chars().count();
        self.entries.push(Entry {
            lower: word.lower.clone(),
            stem: word.stem.clone(),
            lengths: (length, word.stem.chars().count()),
            positions: Vec::new(),
        });
        self.by_lower.insert(word.lower.clone(), id);
        self.by_stem.entry(word.stem.clone()).or_default().push(id);
        self.by_length.entry(length).or_default().push(id);
        id
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of the word at this position of the answer.
    pub fn id_at(&self, position: usize) -> usize {
        self.ids[position]
    }

    /// The entry of a word typed exactly so, if the answer has it.
    pub fn exactly(&self, lower: &str) -> Option<usize> {
        self.by_lower.get(lower).copied()
    }

    /// The entries that count as this phrase word.
    pub fn matching(&self, token: &Token) -> Vec<usize> {
        let key = (token.lower.clone(), token.exact);
        if let Some(ids) = self.looked_up.borrow().get(&key) {
            return ids.clone();
        }
        let ids = self.look_up(token);
        self.looked_up.borrow_mut().insert(key, ids.clone());
        ids
    }

    fn look_up(&self, token: &Token) -> Vec<usize> {
        let mut ids: Vec<usize> = self.by_stem.get(&token.stem).cloned().unwrap_or_default();
        ids.extend(self.exactly(&token.lower));
        if !token.exact {
            let wanted = token.lengths.0;
            // Typos allow two edits at most, and stems (compared too) drop a
            // few letters more: "colum" is a typo of "columns" by its stem.
            let close = self
                .by_length
                .range(wanted.saturating_sub(SLACK)..=wanted + SLACK);
            ids.extend(
                close
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .filter(|&id| same(&self.entries[id], token)),
            );
        }
        crate::core::sort::sort(&mut ids);
        ids.dedup();
        ids
    }
}

/// Whether an answer's word counts as a phrase word: same stem, or a typo of
/// it (one edit in words of 5 or more letters, two in words of 10 or more).
fn same(entry: &Entry, token: &Token) -> bool {
    let (lower, stem) = (&entry.lower, &entry.stem);
    if *stem == token.stem || *lower == token.lower {
        return true;
    }
    if token.exact {
        return false;
    }
    let allowed = match entry.lengths.0.min(token.lengths.0) {
        0..=4 => return false,
        5..=9 => 1,
        _ => 2,
    };
    // Most words differ in length by more than a typo: a cheap early no.
    let near = |a: usize, b: usize| a.abs_diff(b) <= allowed;
    let lowers_near = near(entry.lengths.0, token.lengths.0);
    let stems_near = near(entry.lengths.1, token.lengths.1);
    if !lowers_near && !stems_near {
        return false;
    }
    // Numbers must match exactly: 409 is not 408, "three" is not "there".
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    if [lower, stem, &token.lower, &token.stem]
        .into_iter()
        .any(|s| has_digit(s))
    {
        return false;
    }
    if negates(lower, &token.lower) {
        return false;
    }
    (lowers_near && within_edits(lower, &token.lower, allowed))
        || (stems_near && within_edits(stem, &token.stem, allowed))
}

/// True when one word is the other with a negating prefix.
fn negates(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_suffix(short)
        .is_some_and(|prefix| NEGATING_PREFIXES.contains(&prefix))
}

/// Optimal string alignment distance (Levenshtein plus swapping two
/// neighbouring letters, the commonest typo) of at most `limit`.
fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return osa_within(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa_within(&a, &b, limit)
}

fn osa_within<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> bool {
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    // Three rows of the distance table: two back, one back, and this one; on
    // the stack for words of up to 31 letters.
    let width = b.len() + 1;
    let mut stack = [0; 96];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if 3 * width <= stack.len() {
        &mut stack[..3 * width]
    } else {
        heap.resize(3 * width, 0);
        &mut heap
    };
    let (mut before, mut previous, mut current) = (0, width, 2 * width);
    for (j, cell) in rows[previous..previous + width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[current] = i;
        for j in 1..width {
            let substitution = rows[previous + j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution
                .min(rows[previous + j] + 1)
                .min(rows[current + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            rows[current + j] = best;
        }
        // A row entirely over the limit cannot come back under it.
        if rows[current..current + width].iter().all(|&d| d > limit) {
            return false;
        }
        (before, previous, current) = (previous, current, before);
    }
    rows[previous + b.len()] <= limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::coach::words::Normalizer;

    #[test]
    fn swapped_letters_are_one_edit() {
        assert!(within_edits("retrun", "return", 1));
        assert!(within_edits("resposne", "response", 1));
        assert!(!within_edits("retrun", "rerun", 0));
        assert!(!within_edits("abcdef", "badcfe", 2));
    }

    #[test]
    fn a_negating_prefix_is_not_a_typo() {
        let normal = Normalizer::new();
        let token = |w: &str| Token {
            lower: w.into(),
            stem: normal.stem(w),
            exact: false,
            lengths: (w.chars().count(), normal.stem(w).chars().count()),
        };
        let entry = |w: &str| Entry {
            lower: w.into(),
            stem: normal.stem(w),
            lengths: (w.chars().count(), normal.stem(w).chars().count()),
            positions: Vec::new(),
        };
        assert!(!same(&entry("synchronous"), &token("asynchronous")));
        assert!(!same(&entry("consistent"), &token("inconsistent")));
        assert!(same(&entry("asynchronus"), &token("asynchronous")));
    }
}
