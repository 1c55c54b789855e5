//! How a graded answer was given: typed and checked by the coach, said aloud
//! against a checklist, or only recalled; the grade the coach suggested and the
//! one the learner chose; how far the interviewer's follow-ups went.
//!
//! A note belongs to the review graded at the same moment on the same card. It
//! is an immutable event like the review itself, so notes from several writers
//! merge by set union; a note whose review was undone simply stops counting.

use std::collections::BTreeSet;

use super::progress::{CardKey, Grade, Progress};
use super::time::Moment;

/// How the learner answered before grading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnswerStyle {
    /// Recalled in their head, then revealed the model answer.
    Recalled,
    /// Typed, and checked by the coach.
    Typed,
    /// Said aloud against the timer, then ticked the checklist.
    Aloud,
}

impl AnswerStyle {
    /// The one-letter code stored in logs and exports.
    pub fn code(self) -> &'static str {
        match self {
            AnswerStyle::Recalled => "r",
            AnswerStyle::Typed => "t",
            AnswerStyle::Aloud => "a",
        }
    }

    pub fn from_code(code: &str) -> Option<AnswerStyle> {
        match code {
            "r" => Some(AnswerStyle::Recalled),
            "t" => Some(AnswerStyle::Typed),
            "a" => Some(AnswerStyle::Aloud),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnswerNote {
    /// The moment of the review this note belongs to.
    pub at: Moment,
    pub card: CardKey,
    pub style: AnswerStyle,
    /// The coach's suggestion, when there was one.
    pub suggested: Option<Grade>,
    /// The grade the learner gave.
    pub chosen: Grade,
    pub follow_ups_reached: u8,
    pub follow_ups_answered: u8,
}

impl AnswerNote {
    /// The learner chose another grade than the coach suggested.
    pub fn overridden(&self) -> bool {
        self.suggested.is_some_and(|s| s != self.chosen)
    }
}

/// What the notes say about the coach and the follow-ups, for one deck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoachFigures {
    pub typed: usize,
    pub aloud: usize,
    /// Grades the coach suggested, and how many of those the learner changed.
    pub suggested: usize,
    pub overridden: usize,
    /// Overrides where the learner graded higher than the suggestion: the
    /// coach missed what they said (lower means it credited too much).
    pub overridden_up: usize,
    pub follow_ups_reached: usize,
    pub follow_ups_answered: usize,
}

/// Counts the notes of `deck` whose review still counts (not undone).
pub fn coach_figures(
    notes: &BTreeSet<AnswerNote>,
    progress: &Progress,
    deck: &str,
) -> CoachFigures {
    let mut out = CoachFigures::default();
    // Reviews are ordered by moment, then card: a prefix of their order.
    let counted = |note: &AnswerNote| {
        progress
            .reviews()
            .binary_search_by(|r| (r.at, &r.card).cmp(&(note.at, &note.card)))
            .is_ok()
    };
    for note in notes
        .iter()
        .filter(|n| n.card.deck == deck)
        .filter(|n| counted(n))
    {
        match note.style {
            AnswerStyle::Typed => out.typed += 1,
            AnswerStyle::Aloud => out.aloud += 1,
            AnswerStyle::Recalled => {}
        }
        if let Some(suggested) = note.suggested {
            out.suggested += 1;
            if note.overridden() {
                out.overridden += 1;
                if note.chosen > suggested {
                    out.overridden_up += 1;
                }
            }
        }
        out.follow_ups_reached += usize::from(note.follow_ups_reached);
        out.follow_ups_answered += usize::from(note.follow_ups_answered);
    }
    out
}
