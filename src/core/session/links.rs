//! Links: what one opens inside the drill (one question, a seeded drill),
//! keeping a shared deck in "my decks", and what the share buttons share.
//! Its own state (`Links`) and messages (`LinkMsg`).

use super::{drill_topics, Effect, Mode, Model, Section};
use crate::core::bank::Question;
use crate::core::config::{Config, DrillMode};
use crate::core::mock::pick;
use crate::core::my_decks::saved;
use crate::core::my_decks::{SavedDeck, SharedDeck};
use crate::core::share::{drill_link, question_link, DrillLink, DrillMode as LinkMode};
use crate::core::stored::Write;
use crate::core::time::Moment;

/// The links part of the session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    /// Set when the deck came from a link.
    pub shared: Option<SharedDeck>,
    /// Shared decks kept in this browser.
    pub my_decks: Vec<SavedDeck>,
    /// What happened to the last link shared, shown beside the share buttons.
    pub share_note: Option<String>,
    /// The seed a shared drill link carries, drawn by the shell at start.
    pub seed: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LinkMsg {
    /// Open one question of the deck (a question link).
    OpenQuestion(String, Moment),
    /// Start a seeded drill of `count` questions (a drill link).
    StartDrill {
        seed: u64,
        count: usize,
        now: Moment,
    },
    /// Keep the shared deck on screen in "my decks".
    SaveSharedDeck,
    RemoveSavedDeck(String),
    /// The shell shared or copied a link; this says how.
    LinkShared(String),
}

pub(super) fn update(model: &mut Model, msg: LinkMsg) -> Vec<Effect> {
    match msg {
        LinkMsg::OpenQuestion(id, now) => {
            open_question(model, &id, now);
            Vec::new()
        }
        LinkMsg::StartDrill { seed, count, now } => {
            start_drill(model, seed, count, now);
            Vec::new()
        }
        LinkMsg::SaveSharedDeck => save_shared_deck(model),
        LinkMsg::RemoveSavedDeck(id) => remove_saved_deck(model, &id),
        LinkMsg::LinkShared(text) => {
            model.links.share_note = Some(text.clone());
            model.announcement = text;
            Vec::new()
        }
    }
}

/// Opens one question as extra practice (a friend's question should not move
/// the learner's schedule). Returns false when the deck has no such question.
fn open_question(model: &mut Model, id: &str, now: Moment) -> bool {
    let Some(index) = model.deck.questions.iter().position(|q| q.id == id) else {
        return false;
    };
    model.drill.mode = Mode::Cram { difficulty: None };
    model.section = Section::Practice;
    model.drill.topic = None;
    model.drill.graded = 0;
    model.drill.undo.clear();
    model.drill.cram = vec![index];
    model.pick(now);
    model.announcement = "Opened the question from the link, as extra practice.".into();
    true
}

/// The same drill for everyone with the same link: `count` questions picked by
/// `seed` from the (already scoped) deck, in order, as extra practice.
fn start_drill(model: &mut Model, seed: u64, count: usize, now: Moment) {
    model.drill.mode = Mode::Cram { difficulty: None };
    model.section = Section::Practice;
    model.drill.topic = None;
    model.drill.graded = 0;
    model.drill.undo.clear();
    model.drill.cram = pick(&model.deck, &[], count, seed);
    model.pick(now);
    model.announcement = format!(
        "Opened the drill from the link: {} questions, as extra practice.",
        model.drill.cram.len()
    );
}

fn save_shared_deck(model: &mut Model) -> Vec<Effect> {
    let Some(shared) = model.links.shared.as_mut().filter(|s| !s.saved) else {
        return Vec::new();
    };
    shared.saved = true;
    let entry = saved(&model.deck, &shared.fragment);
    let effect = Effect::Store(Write::SaveDeck {
        id: entry.id.clone(),
        fragment: entry.fragment.clone(),
    });
    model.links.my_decks.retain(|d| d.id != entry.id);
    model.links.my_decks.push(entry);
    model.announcement = "Saved to My decks in this browser.".into();
    vec![effect]
}

fn remove_saved_deck(model: &mut Model, id: &str) -> Vec<Effect> {
    let before = model.links.my_decks.len();
    model.links.my_decks.retain(|d| d.id != id);
    if model.links.my_decks.len() == before {
        return Vec::new();
    }
    if let Some(shared) = model.links.shared.as_mut().filter(|_| model.deck.id == id) {
        shared.saved = false;
    }
    model.announcement = "Removed from My decks. Its progress stays in this browser.".into();
    vec![Effect::Store(Write::RemoveDeck(id.to_string()))]
}

/// The practice drill a drill link opens: typed links type, flashcard links
/// recall, and a mock link's practice drill types.
pub fn drill_mode_of(mode: LinkMode) -> DrillMode {
    match mode {
        LinkMode::Typed | LinkMode::Mock => DrillMode::Typed,
        LinkMode::Flashcards => DrillMode::Flashcards,
    }
}

/// How a drill in `mode` is shared: a widget that opens on mock rounds
/// shares its practice drill, as flashcards.
pub fn link_mode_of(mode: DrillMode) -> LinkMode {
    match mode {
        DrillMode::Typed => LinkMode::Typed,
        DrillMode::Flashcards | DrillMode::Mock => LinkMode::Flashcards,
    }
}

/// The most questions a shared drill asks; a finished drill still shares one.
pub const SHARED_DRILL_MAX: usize = 10;

impl Model {
    /// What "Share this link" shares from the practice section: the deck
    /// whole when it came from a link (a friend does not have it), else the
    /// drill as set up, with the seed drawn at start so the friend gets the
    /// same cards in order.
    pub fn drill_share(&self) -> String {
        if let Some(shared) = &self.links.shared {
            return shared.fragment.clone();
        }
        drill_link(&DrillLink {
            deck: self.deck_in_link(),
            topics: match &self.drill.topic {
                Some(topic) => vec![topic.clone()],
                None => drill_topics(&self.deck),
            },
            mode: link_mode_of(self.drill.drill_mode),
            questions: u16::try_from(self.remaining().clamp(1, SHARED_DRILL_MAX)).unwrap_or(10),
            seed: self.links.seed,
            minutes: None,
        })
    }

    /// The link to one card: a question of a built-in deck, or the whole deck
    /// when it came from a link.
    pub fn question_share(&self, question: &Question) -> String {
        match &self.links.shared {
            Some(shared) => shared.fragment.clone(),
            None => question_link(&self.deck.id, &question.id),
        }
    }

    /// The mock round on the set-up form, with its seed: a friend gets the
    /// same round.
    pub fn mock_share(&self) -> String {
        let setup = &self.prep.mock.setup;
        drill_link(&DrillLink {
            deck: self.deck_in_link(),
            topics: setup.topics.clone(),
            mode: LinkMode::Mock,
            questions: u16::try_from(setup.questions).unwrap_or(5),
            seed: self.prep.mock.seed,
            minutes: setup.minutes,
        })
    }

    /// Links name the deck only when it is not the default one.
    fn deck_in_link(&self) -> Option<String> {
        (self.deck.id != Config::default().deck).then(|| self.deck.id.clone())
    }
}
