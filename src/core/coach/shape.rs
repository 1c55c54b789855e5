//! Whether an answer reads as a list of terms rather than an explanation.
//!
//! An interviewer hears "UUID, 409, 422, 24h, reconcile" as a candidate who
//! knows the words, not one who can say how they fit. Key-point matching alone
//! cannot tell: the terms are all there. What is missing is the grammar that
//! connects them: articles, pronouns, auxiliaries, prepositions and
//! connectives make up about half of any explanation, even one written as
//! terse bullets ("The server stores the key with the response"), and almost
//! none of a list. So an answer of at least `MIN_WORDS` words that has fewer
//! than one function word in `RATIO`, and no connective at all, reads as a
//! list. "and", "or" and commas join a list as easily as a sentence, so they
//! count for neither. The word lists are English, so an answer mostly in
//! another script is never judged a list.

use super::words::{Word, WordSet};

/// Fewer words than this are too short to judge ("409 Conflict").
const MIN_WORDS: usize = 3;

/// A list has fewer than one function word in this many words.
const RATIO: usize = 5;

/// Words that say how ideas connect: one is enough to show reasoning.
/// "after" and "before" are left out: they name headers and hooks
/// ("Retry-After") as often as they order events.
const CONNECTIVES: &str =
    "because so then which means since therefore otherwise when if unless until while \
    instead once whereas thus hence why how";

/// The grammar of a sentence: articles, pronouns, auxiliaries and modals,
/// prepositions and the commonest verbs.
const FUNCTION: &str =
    "a an the this that these those it its we i you they them our their my your he \
    she is are was were be been being am has have had do does did can could will \
    would should must may might shall not no to of in on at by for from with into \
    onto over under per about against between through during without within behind \
    up out off there what who get gets make makes let";

/// The commonest function words of German, French, Spanish, Portuguese,
/// Italian and Dutch, so an answer written in one of them is not taken for a
/// list because it has no English grammar.
const OTHER_LANGUAGES: &str =
    "der die das und ist nicht ein eine mit dass den dem zu le les et est une des du \
    que dans avec pas el los las es una para con por del um uma com os il che di non \
    het een van niet op je wir";

/// True when the answer is mostly terms with nothing to connect them.
/// Words inside a hyphenated term ("stale-while-revalidate",
/// "at-least-once") are part of the term, not its grammar.
pub(super) fn reads_as_list(text: &str, words: &[Word]) -> bool {
    let grammar = |w: &&Word| {
        !(text[..w.start].ends_with(['-', '_']) || text[w.end..].starts_with(['-', '_']))
    };
    if words.len() < MIN_WORDS {
        return false;
    }
    // The grammar below is English: an answer in another script is not judged.
    let latin = words
        .iter()
        .filter(|w| w.lower.chars().all(|c| c.is_ascii_alphanumeric()))
        .count();
    if latin * 5 < words.len() * 4 {
        return false;
    }
    let connectives = WordSet::new(&[CONNECTIVES]);
    if words
        .iter()
        .filter(grammar)
        .any(|w| connectives.has(&w.lower))
    {
        return false;
    }
    let function_words = WordSet::new(&[FUNCTION, OTHER_LANGUAGES]);
    let function = words
        .iter()
        .filter(grammar)
        .filter(|w| function_words.has(&w.lower))
        .count();
    function * RATIO < words.len()
}
