//! What the page sends the builder: the actions, the draft's field edits and
//! its repeatable rows.

use crate::core::bank::Question;

/// Which repeatable rows of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    KeyPoints,
    FollowUps,
    Failures,
    TradeOffs,
}

/// A change to one field of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Topic(String),
    Difficulty(String),
    Minutes(String),
    Prompt(String),
    Answer(String),
    KeyPointLabel(usize, String),
    KeyPointPhrases(usize, String),
    FollowUpQuestion(usize, String),
    FollowUpHint(usize, String),
    Failure(usize, String),
    TradeOff(usize, String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Title(String),
    Description(String),
    /// Tick or untick a question of the bank.
    Pick {
        question: Box<Question>,
        on: bool,
    },
    Edit(Edit),
    AddRow(Rows),
    RemoveRow(Rows, usize),
    /// Add the draft to the deck (or save the question being edited).
    Submit,
    /// Load a written question into the form.
    EditQuestion(String),
    CancelEdit,
    Remove(String),
    MoveUp(String),
    MoveDown(String),
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Self {
        Action::Edit(edit)
    }
}
