//! The two kinds of question a file may be, and the sections each has.

use super::super::bank::QuestionKind;

/// The sections of a question file, in the order they must appear.
pub(super) const SECTIONS: [&str; 5] = [
    "Answer",
    "Key points",
    "Follow-ups",
    "Failure modes and trade-offs",
    "Misconceptions",
];

/// The sections of a behavioural prompt: a story's structure instead of an
/// answer, and what a strong story shows instead of failure modes.
pub(super) const BEHAVIOURAL_SECTIONS: [&str; 5] = [
    "Model structure",
    "Key points",
    "Follow-ups",
    "What a strong story shows",
    "Misconceptions",
];

/// The kinds a front matter may name, as written.
const KINDS: [(&str, QuestionKind); 2] = [
    ("technical", QuestionKind::Technical),
    ("behavioural", QuestionKind::Behavioural),
];

/// The kind a front matter names (`None` there is technical), if it is one.
pub(super) fn kind_named(name: Option<&str>) -> Option<QuestionKind> {
    match name {
        None => Some(QuestionKind::Technical),
        Some(name) => KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k),
    }
}

/// The sections a question of `kind` has, in order.
pub(super) fn sections_for(kind: QuestionKind) -> [&'static str; 5] {
    match kind {
        QuestionKind::Technical => SECTIONS,
        QuestionKind::Behavioural => BEHAVIOURAL_SECTIONS,
    }
}
