//! Mock rounds in the session: the set-up form, the round in progress
//! (`core::mock::update`), its end as reviews and a record, past rounds.

use super::{rederive, stored};
use crate::core::answer_note::{AnswerNote, AnswerStyle as NoteStyle};
use crate::core::calendar::short_date;
use crate::core::ledger::Ledger;
use crate::core::mock::{
    self, encode_round, finish, AnswerStyle, History, Round, RoundEffect, RoundId, RoundMsg,
    RoundRecord, RoundSetup,
};
use crate::core::session::{Effect, Model, Section};
use crate::core::stored::Write;
use crate::core::time::Moment;

/// The mock-round part of the session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MockState {
    /// The round in progress. A finished round is turned into a record and
    /// reviews at once, so this is `None` after it.
    pub round: Option<Round>,
    pub history: History,
    /// The set-up form as the learner left it.
    pub setup: RoundSetup,
    /// The seed the next round starts from (the shell's random source).
    pub seed: u64,
    /// The past round whose report is on screen.
    pub report: Option<RoundId>,
    /// Why the last start failed, shown by the set-up form.
    pub problem: Option<String>,
}

impl MockState {
    /// The round on screen, if one runs or is paused.
    pub fn running(&self) -> Option<&Round> {
        self.round.as_ref().filter(|r| !r.is_finished())
    }

    /// The round is over: it is recorded next, and its reviews added.
    pub fn round_finished(&self) -> bool {
        self.round.as_ref().is_some_and(Round::is_finished)
    }

    /// The report on screen.
    pub fn open_report(&self) -> Option<&RoundRecord> {
        self.report.and_then(|id| self.history.get(id))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MockMsg {
    /// The set-up form changed.
    Setup(RoundSetup),
    /// The learner typed a seed.
    Seed(u64),
    /// Start a round with the form's set-up and seed; `next_seed` (from the
    /// shell's random source) prefills the form for the round after.
    Start { now: Moment, next_seed: u64 },
    /// A message for the round in progress.
    Round(RoundMsg),
    /// Reopen a past round's report.
    Open(RoundId),
    /// Back to the set-up form.
    NewRound,
    /// Show the set-up form with this set-up (a plan item's).
    Prepare(RoundSetup),
    /// The history as stored after this round was added, with other tabs'
    /// rounds: merged in by set union.
    HistoryStored(History),
}

pub(in crate::core::session) fn mock(model: &mut Model, msg: MockMsg) -> Vec<Effect> {
    match msg {
        MockMsg::Setup(setup) => {
            model.prep.mock.setup = setup;
            model.prep.mock.problem = None;
            Vec::new()
        }
        MockMsg::Seed(seed) => {
            model.prep.mock.seed = seed;
            model.prep.mock.problem = None;
            Vec::new()
        }
        MockMsg::Prepare(setup) => {
            model.section = Section::Mock;
            if model.prep.mock.running().is_none() {
                model.prep.mock.setup = setup;
                model.prep.mock.report = None;
                model.prep.mock.problem = None;
                model.announcement =
                    "Mock round set-up: check the settings, then start the round.".into();
            }
            Vec::new()
        }
        MockMsg::Start { now, next_seed } => {
            if model.prep.mock.running().is_some() {
                return Vec::new();
            }
            let setup = model.prep.mock.setup.clone().clamped();
            match Round::start(&model.deck, setup.clone(), model.prep.mock.seed, now) {
                None => {
                    let problem =
                        "No question matches these topics. Choose at least one topic with questions."
                            .to_string();
                    model.announcement = problem.clone();
                    model.prep.mock.problem = Some(problem);
                    Vec::new()
                }
                Some(round) => {
                    model.announcement = round.announcement.clone();
                    let text = encode_round(&round);
                    model.prep.mock.round = Some(round);
                    model.prep.mock.setup = setup;
                    model.prep.mock.seed = next_seed;
                    model.prep.mock.report = None;
                    model.prep.mock.problem = None;
                    model.section = Section::Mock;
                    stored(model, vec![Write::Round(text)])
                }
            }
        }
        MockMsg::Round(msg) => {
            let now = msg.moment();
            let mut effects = round_msg(model, msg);
            if let Some(now) = now {
                if model.prep.mock.round_finished() {
                    effects.extend(finish_round(model, now));
                }
            }
            effects
        }
        MockMsg::Open(id) => {
            if let Some(record) = model.prep.mock.history.get(id) {
                model.announcement = format!(
                    "Report of the round of {}: score {} out of 100.",
                    short_date(record.day()),
                    record.report.score
                );
                model.prep.mock.report = Some(id);
                model.section = Section::Mock;
            }
            Vec::new()
        }
        MockMsg::NewRound => {
            model.prep.mock.report = None;
            Vec::new()
        }
        MockMsg::HistoryStored(history) => {
            model.prep.mock.history.merge(&history);
            Vec::new()
        }
    }
}

/// Passes a message to the round; its announcements go to the widget's
/// live region.
pub(super) fn round_msg(model: &mut Model, msg: RoundMsg) -> Vec<Effect> {
    let Some(round) = model.prep.mock.round.as_mut() else {
        return Vec::new();
    };
    let before = round.announcement.clone();
    let effects = mock::update(round, msg);
    if round.announcement != before {
        model.announcement = round.announcement.clone();
    }
    let saves = effects
        .into_iter()
        .filter_map(|e| match e {
            RoundEffect::Save(text) => Some(Write::Round(text)),
            // The caller finishes the round (it needs the moment).
            RoundEffect::Finished => None,
        })
        .collect();
    stored(model, saves)
}

/// Turns the finished round into a record in the history and reviews in this
/// writer's log (with a note of how each was answered), then re-derives the
/// schedule. Idempotent: the same round finished twice adds nothing twice.
pub(super) fn finish_round(model: &mut Model, now: Moment) -> Vec<Effect> {
    let Some(round) = model.prep.mock.round.take() else {
        return Vec::new();
    };
    let Some(finished) = finish(&round, &model.deck) else {
        model.prep.mock.round = Some(round);
        return Vec::new();
    };
    let style = match round.setup.style {
        AnswerStyle::Typed => NoteStyle::Typed,
        AnswerStyle::Aloud => NoteStyle::Aloud,
    };
    let mut change = Ledger::default();
    for mut review in finished.reviews {
        // A review equal to one taken back with undo would stay hidden.
        while model.data.ledger.undone.contains(&review) {
            review.at.unix_ms += 1;
        }
        let follow_up = finished
            .record
            .report
            .questions
            .iter()
            .find(|q| q.question == review.card.question)
            .and_then(|q| q.follow_up);
        change.notes.insert(AnswerNote {
            at: review.at,
            card: review.card.clone(),
            style,
            suggested: Some(review.grade),
            chosen: review.grade,
            follow_ups_reached: u8::from(follow_up.is_some()),
            follow_ups_answered: u8::from(follow_up.is_some_and(|f| f.answered)),
        });
        change.reviews.insert(review);
    }
    let record = finished.record;
    let counted = change.reviews.len();
    model.data.add(&change);
    rederive(model, now);
    model.prep.mock.history.add(record.clone());
    model.prep.mock.report = Some(record.id());
    model.announcement = format!(
        "{} Score: {} out of 100. {} answer{} added to your review history.",
        round.announcement,
        record.report.score,
        counted,
        if counted == 1 { "" } else { "s" }
    );
    let mut effects = model.save();
    effects.extend(stored(
        model,
        vec![Write::AddToHistory(record), Write::RemoveRound],
    ));
    effects
}
