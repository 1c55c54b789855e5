//! Mock rounds and the prep plan inside the drill session: the round's own
//! state machine (`core::mock`) and the plan (`core::plan`) wired to the
//! review history, the queue and what the shell stores. Their own state
//! (`Prep`) and messages (`MockMsg`, `PlanMsg`, `PrepMsg`).
//!
//! A finished round adds its reviews to this writer's log like any grade, so
//! rounds move the schedule; an interview date brings cards forward in
//! today's queue (`core::deadline`).

mod mock;
mod plan;

pub(super) use mock::mock;
pub use mock::{MockMsg, MockState};
pub(super) use plan::plan;

use super::{Attempt, Effect, Model, Saving, Section};
use crate::core::mock::{History, Round, RoundMsg};
use crate::core::notice::Notice;
use crate::core::plan::{PlanState, TemplateKind};
use crate::core::schedule::CardStates;
use crate::core::stored::Write;
use crate::core::time::Moment;

/// The prep part of the session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prep {
    /// Mock rounds: the one in progress, past rounds, the set-up form.
    pub mock: MockState,
    /// The prep plan: interview date, ticks by hand, notes.
    pub plan: PlanState,
    /// The plan template the learner opened last, for focus and highlight.
    pub template_open: Option<TemplateKind>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PrepMsg {
    /// What the shell read at start for mock rounds and the plan.
    Restored(Box<PrepRestored>),
    /// Show a plan template to write.
    OpenTemplate(TemplateKind),
    /// Download the plan and notes as Markdown.
    ExportNotes(Moment),
}

pub(super) fn update(model: &mut Model, msg: PrepMsg) -> Vec<Effect> {
    match msg {
        PrepMsg::Restored(restored) => self::restored(model, *restored),
        PrepMsg::OpenTemplate(kind) => {
            model.section = Section::Plan;
            model.prep.template_open = Some(kind);
            model.announcement = format!(
                "{}: write each part below. It is saved as you type.",
                kind.title()
            );
            Vec::new()
        }
        PrepMsg::ExportNotes(now) => plan::export_notes(model, now),
    }
}

/// What the shell read at start.
#[derive(Clone, Debug, PartialEq)]
pub struct PrepRestored {
    pub round: Option<Round>,
    pub history: History,
    pub plan: PlanState,
    /// A random seed for the set-up form.
    pub seed: u64,
    /// Stored values that could not be read: what, why, and the backup key
    /// the original was copied to (`None`: it stays where it is, untouched).
    pub unreadable: Vec<(String, String, Option<String>)>,
    pub now: Moment,
}

/// Writes only while saving is allowed: a newer format elsewhere in the
/// namespace or a failed backup stops every write, as for progress.
pub(super) fn stored(model: &Model, effects: Vec<Write>) -> Vec<Effect> {
    match model.saving {
        Saving::On => effects.into_iter().map(Effect::Store).collect(),
        Saving::Off => Vec::new(),
    }
}

fn restored(model: &mut Model, restored: PrepRestored) -> Vec<Effect> {
    let PrepRestored {
        round,
        history,
        plan,
        seed,
        unreadable,
        now,
    } = restored;
    model.prep.mock.history.merge(&history);
    model.prep.mock.seed = seed;
    model.prep.plan = plan;
    plan::refresh_interview(model, now);
    if let Some((what, reason, backup)) = unreadable.into_iter().next() {
        if model.notice.is_none() {
            model.notice = Some(Notice::PrepUnreadable {
                what,
                reason,
                backup_key: backup,
            });
        }
    }
    // A round of another deck (a widget with another deck in the same
    // namespace) is left alone.
    let Some(round) = round.filter(|r| r.deck == model.deck.id) else {
        return Vec::new();
    };
    model.announcement = round.announcement.clone();
    model.prep.mock.round = Some(round);
    if model.prep.mock.running().is_some() {
        model.section = Section::Mock;
    }
    // Resume at once: a question whose time ran out while the page was
    // closed times out now; a round saved as finished is finished again.
    let mut effects = mock::round_msg(model, RoundMsg::Tick(now));
    if model.prep.mock.round_finished() {
        effects.extend(mock::finish_round(model, now));
    }
    effects
}

/// Card states from the history again, keeping the card on screen if its
/// answer is showing.
pub(super) fn rederive(model: &mut Model, now: Moment) {
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    // Undo steps hold card states from before.
    model.drill.undo.clear();
    let (current, revealed, attempt) = (
        model.drill.current,
        model.drill.revealed,
        model.attempt.clone(),
    );
    let answering = current.is_some() && (revealed || attempt != Attempt::default());
    model.rebuild(now);
    if answering {
        model.drill.current = current;
        model.drill.revealed = revealed;
        model.attempt = attempt;
    }
}

/// After a reset: rounds, the plan and its notes are gone with the rest.
pub(super) fn forget(model: &mut Model) {
    let seed = model.prep.mock.seed;
    model.prep.mock = MockState {
        seed,
        ..MockState::default()
    };
    model.prep.plan = PlanState::default();
    model.interview = None;
    model.drill.focus_topics.clear();
    model.prep.template_open = None;
}
