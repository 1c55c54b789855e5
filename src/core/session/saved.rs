//! What the learner has saved, in the model: merging other writers' progress,
//! import and export.

use super::{Mode, Model};
use crate::core::ledger::Ledger;
use crate::core::progress::Progress;
use crate::core::schedule::CardStates;
#[cfg(feature = "full")]
use {
    super::Effect, crate::core::notice::Notice, crate::core::persist::decode,
    crate::core::time::Moment,
};

/// What the learner has saved: everything known, and this writer's share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// Everything read from storage, plus this writer's additions.
    pub ledger: Ledger,
    /// What this writer added since it opened: the content of its own log.
    pub own: Ledger,
    /// The reviews that count (`ledger` less undone ones), kept in step.
    pub progress: Progress,
}

impl Saved {
    pub fn new(ledger: Ledger) -> Self {
        let progress = ledger.progress();
        Self {
            ledger,
            own: Ledger::default(),
            progress,
        }
    }

    /// Adds what this writer did, to its own log and to the whole.
    pub(super) fn add(&mut self, change: &Ledger) {
        self.own.merge(change);
        self.ledger.merge(change);
        self.progress = self.ledger.progress();
    }

    /// Takes in everything now stored. Stored data only grows, except by a
    /// reset in another tab, so it replaces what was read before; this writer's
    /// own additions are kept whatever happened to them.
    pub(super) fn absorb(&mut self, shared: &Ledger) {
        let mut ledger = shared.clone();
        ledger.merge(&self.own);
        self.ledger = ledger;
        self.progress = self.ledger.progress();
    }
}

/// Takes in what other writers saved, keeping the card on screen.
pub(super) fn absorb(model: &mut Model, shared: &Ledger) {
    let before = model.data.ledger.clone();
    model.data.absorb(shared);
    if model.data.ledger == before {
        return;
    }
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    // Undo steps hold states from before the other writer's reviews.
    model.drill.undo.clear();
    let (current, revealed) = (model.drill.current, model.drill.revealed);
    if let Mode::Today = model.drill.mode {
        // Cards graded elsewhere drop out of today's queue.
        let states = &model.states;
        model
            .drill
            .queue
            .due
            .retain(|&i| states.get(i).phase == crate::core::fsrs::Phase::Review);
        model
            .drill
            .queue
            .new
            .retain(|&i| states.get(i).phase == crate::core::fsrs::Phase::New);
    }
    if current.is_some() {
        model.drill.current = current;
        model.drill.revealed = revealed;
    }
    model.announcement = "Progress from another tab was merged.".into();
}

#[cfg(feature = "full")]
pub(super) fn import(model: &mut Model, text: &str, now: Moment) -> Vec<Effect> {
    match decode(text) {
        Ok(imported) => {
            let before = model.data.progress.reviews().len();
            model.data.add(&imported);
            let added = model.data.progress.reviews().len().saturating_sub(before);
            model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
            model.drill.undo.clear();
            model.rebuild(now);
            model.notice = None;
            model.announcement = format!(
                "Imported {} reviews: {added} new, the rest already here.",
                imported.reviews.len()
            );
            model.save()
        }
        Err(e) => {
            model.notice = Some(Notice::ImportFailed {
                reason: e.describe(),
            });
            Vec::new()
        }
    }
}
