//! What the page loads after the first card: the decks' details (answers,
//! key points, follow-ups) right away, and the full build when the learner
//! first opens something the guest build leaves out (ARCHITECTURE.md, "Two
//! builds"). The shell fetches; this says what the learner sees meanwhile.

use std::rc::Rc;

use super::{checklist, Effect, Model, Section};
use crate::core::bank::Deck;

/// Something only the full build has, named as the loader names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Section(Section),
    /// Share the card on screen (the link writer).
    ShareQuestion,
    /// Share this drill (the link writer).
    ShareDrill,
}

impl Part {
    /// The name the loader passes to the full build.
    pub fn name(self) -> &'static str {
        match self {
            Part::Section(Section::Practice) => "practice",
            Part::Section(Section::Mock) => "mock",
            Part::Section(Section::Plan) => "plan",
            Part::Section(Section::Stats) => "stats",
            Part::Section(Section::Settings) => "settings",
            Part::Section(Section::Decks) => "decks",
            Part::ShareQuestion => "share-question",
            Part::ShareDrill => "share-drill",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        [
            Section::Practice,
            Section::Mock,
            Section::Plan,
            Section::Stats,
            Section::Settings,
            Section::Decks,
        ]
        .into_iter()
        .map(Part::Section)
        .chain([Part::ShareQuestion, Part::ShareDrill])
        .find(|p| p.name() == name)
    }

    /// What the learner is waiting for, in a sentence's middle.
    pub fn what(self) -> &'static str {
        match self {
            Part::Section(Section::Practice) => "the drill",
            Part::Section(Section::Mock) => "mock rounds",
            Part::Section(Section::Plan) => "the prep plan",
            Part::Section(Section::Stats) => "statistics",
            Part::Section(Section::Settings) => "settings",
            Part::Section(Section::Decks) => "my decks",
            Part::ShareQuestion | Part::ShareDrill => "sharing",
        }
    }
}

/// A part on its way, or one that could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loading {
    pub part: Part,
    /// Why the download failed; the learner may try again.
    pub failed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PartMsg {
    /// The shell started fetching `Part`.
    Fetching(Part),
    /// It could not be fetched: the drill carries on, with a retry.
    Failed(Part, String),
    /// The decks' details arrived: this is the deck on screen, complete.
    Details(Rc<Deck>),
    /// They could not be fetched or read.
    DetailsFailed(String),
}

pub(super) fn update(model: &mut Model, msg: PartMsg) -> Vec<Effect> {
    match msg {
        PartMsg::Fetching(part) => {
            model.loading = Some(Loading { part, failed: None });
            model.announcement = format!("Loading {}…", part.what());
        }
        PartMsg::Failed(part, reason) => {
            model.announcement = format!(
                "{} could not be loaded ({reason}). The drill still works; try again.",
                capitalised(part.what())
            );
            model.loading = Some(Loading {
                part,
                failed: Some(reason),
            });
        }
        PartMsg::Details(deck) => {
            // The same cards in the same order, or it is not this deck.
            let same = deck.id == model.deck.id
                && deck.questions.len() == model.deck.questions.len()
                && deck
                    .questions
                    .iter()
                    .zip(&model.deck.questions)
                    .all(|(a, b)| a.id == b.id);
            if same && model.answers == Answers::Pending {
                model.deck = deck;
                model.answers = Answers::Here;
                // A checklist begun before the key points arrived gets its items.
                let items = model.current().map(checklist).map_or(0, |c| c.len());
                if let Some(aloud) = model.attempt.aloud.as_mut() {
                    aloud.ticks.resize(items, false);
                }
                if model.drill.revealed {
                    model.announcement = "The answer is here.".into();
                }
            }
        }
        PartMsg::DetailsFailed(reason) => {
            model.answers = Answers::Failed(reason);
        }
    }
    Vec::new()
}

/// Whether the cards' answers are here yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Answers {
    #[default]
    Here,
    /// Still on their way: a revealed card says so.
    Pending,
    /// The answers file could not be fetched or read.
    Failed(String),
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
