//! What a link opens inside the drill: one question, a seeded drill, and
//! keeping a shared deck in "my decks".

use super::{Effect, Mode, Model, Section};
use crate::core::mock::pick;
use crate::core::my_decks::{key, saved};
use crate::core::time::Moment;

/// Opens one question as extra practice (a friend's question should not move
/// the learner's schedule). Returns false when the deck has no such question.
pub(super) fn open_question(model: &mut Model, id: &str, now: Moment) -> bool {
    let Some(index) = model.deck.questions.iter().position(|q| q.id == id) else {
        return false;
    };
    model.mode = Mode::Cram { difficulty: None };
    model.section = Section::Practice;
    model.topic = None;
    model.graded = 0;
    model.undo.clear();
    model.cram = vec![index];
    model.pick(now);
    model.announcement = "Opened the question from the link, as extra practice.".into();
    true
}

/// The same drill for everyone with the same link: `count` questions picked by
/// `seed` from the (already scoped) deck, in order, as extra practice.
pub(super) fn start_drill(model: &mut Model, seed: u64, count: usize, now: Moment) {
    model.mode = Mode::Cram { difficulty: None };
    model.section = Section::Practice;
    model.topic = None;
    model.graded = 0;
    model.undo.clear();
    model.cram = pick(&model.deck, &[], count, seed);
    model.pick(now);
    model.announcement = format!(
        "Opened the drill from the link: {} questions, as extra practice.",
        model.cram.len()
    );
}

pub(super) fn save_shared_deck(model: &mut Model) -> Vec<Effect> {
    let Some(shared) = model.shared.as_mut().filter(|s| !s.saved) else {
        return Vec::new();
    };
    shared.saved = true;
    let entry = saved(&model.deck, &shared.fragment);
    let effect = Effect::Put {
        key: key(&entry.id),
        value: entry.fragment.clone(),
    };
    model.my_decks.retain(|d| d.id != entry.id);
    model.my_decks.push(entry);
    model.announcement = "Saved to My decks in this browser.".into();
    vec![effect]
}

pub(super) fn remove_saved_deck(model: &mut Model, id: &str) -> Vec<Effect> {
    let before = model.my_decks.len();
    model.my_decks.retain(|d| d.id != id);
    if model.my_decks.len() == before {
        return Vec::new();
    }
    if let Some(shared) = model.shared.as_mut().filter(|_| model.deck.id == id) {
        shared.saved = false;
    }
    model.announcement = "Removed from My decks. Its progress stays in this browser.".into();
    vec![Effect::Remove(key(id))]
}
