//! Mock rounds and the prep plan inside the drill session: the round's own
//! state machine (`core::mock`) and the plan (`core::plan`) wired to the
//! review history, the queue and what the shell stores.
//!
//! A finished round adds its reviews to this writer's log like any grade, so
//! rounds move the schedule; an interview date brings cards forward in
//! today's queue (`core::deadline`).

use std::rc::Rc;

use super::grading::cram_round;
use super::{Attempt, Effect, Mode, Model, Saving, Section};
use crate::core::answer_note::{AnswerNote, AnswerStyle as NoteStyle};
use crate::core::calendar::short_date;
use crate::core::config::DrillMode;
use crate::core::ledger::Ledger;
use crate::core::mock::{
    self, encode_round, finish, AnswerStyle, History, Round, RoundEffect, RoundId, RoundMsg,
    RoundRecord, RoundSetup,
};
use crate::core::notice::Notice;
use crate::core::plan::{
    self, export_file_name, export_markdown, statuses, PlanEffect, PlanMsg, PlanState,
};
use crate::core::schedule::CardStates;
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

/// What mock rounds and the plan ask the shell to store or offer.
#[derive(Clone, Debug, PartialEq)]
pub enum PrepEffect {
    /// Store the round in progress under `mock::ROUND_KEY`.
    SaveRound(String),
    /// The round is over and recorded: remove it.
    RemoveRound,
    /// Add a finished round to the stored history (read, merge, write),
    /// then report the merged history with `MockMsg::HistoryStored`.
    AddToHistory(RoundRecord),
    /// Store the plan state under `plan::PLAN_KEY`.
    SavePlan(String),
    /// Offer a Markdown file for download.
    DownloadMarkdown { file_name: String, contents: String },
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
fn stored(model: &Model, effects: Vec<PrepEffect>) -> Vec<Effect> {
    match model.saving {
        Saving::On => effects.into_iter().map(Effect::Prep).collect(),
        Saving::Off => Vec::new(),
    }
}

pub(super) fn restored(model: &mut Model, restored: PrepRestored) -> Vec<Effect> {
    let PrepRestored {
        round,
        history,
        plan,
        seed,
        unreadable,
        now,
    } = restored;
    model.mock.history.merge(&history);
    model.mock.seed = seed;
    model.plan = plan;
    refresh_interview(model, now);
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
    model.mock.round = Some(round);
    if model.mock.running().is_some() {
        model.section = Section::Mock;
    }
    // Resume at once: a question whose time ran out while the page was
    // closed times out now; a round saved as finished is finished again.
    let mut effects = round_msg(model, RoundMsg::Tick(now));
    if model.mock.round.as_ref().is_some_and(Round::is_finished) {
        effects.extend(finish_round(model, now));
    }
    effects
}

pub(super) fn mock(model: &mut Model, msg: MockMsg) -> Vec<Effect> {
    match msg {
        MockMsg::Setup(setup) => {
            model.mock.setup = setup;
            model.mock.problem = None;
            Vec::new()
        }
        MockMsg::Seed(seed) => {
            model.mock.seed = seed;
            model.mock.problem = None;
            Vec::new()
        }
        MockMsg::Prepare(setup) => {
            model.section = Section::Mock;
            if model.mock.running().is_none() {
                model.mock.setup = setup;
                model.mock.report = None;
                model.mock.problem = None;
                model.announcement =
                    "Mock round set-up: check the settings, then start the round.".into();
            }
            Vec::new()
        }
        MockMsg::Start { now, next_seed } => {
            if model.mock.running().is_some() {
                return Vec::new();
            }
            let setup = model.mock.setup.clone().clamped();
            match Round::start(&model.deck, setup.clone(), model.mock.seed, now) {
                None => {
                    let problem =
                        "No question matches these topics. Choose at least one topic with questions."
                            .to_string();
                    model.announcement = problem.clone();
                    model.mock.problem = Some(problem);
                    Vec::new()
                }
                Some(round) => {
                    model.announcement = round.announcement.clone();
                    let text = encode_round(&round);
                    model.mock.round = Some(round);
                    model.mock.setup = setup;
                    model.mock.seed = next_seed;
                    model.mock.report = None;
                    model.mock.problem = None;
                    model.section = Section::Mock;
                    stored(model, vec![PrepEffect::SaveRound(text)])
                }
            }
        }
        MockMsg::Round(msg) => {
            let now = msg.moment();
            let mut effects = round_msg(model, msg);
            if let Some(now) = now {
                if model.mock.round.as_ref().is_some_and(Round::is_finished) {
                    effects.extend(finish_round(model, now));
                }
            }
            effects
        }
        MockMsg::Open(id) => {
            if let Some(record) = model.mock.history.get(id) {
                model.announcement = format!(
                    "Report of the round of {}: score {} out of 100.",
                    short_date(record.day()),
                    record.report.score
                );
                model.mock.report = Some(id);
                model.section = Section::Mock;
            }
            Vec::new()
        }
        MockMsg::NewRound => {
            model.mock.report = None;
            Vec::new()
        }
        MockMsg::HistoryStored(history) => {
            model.mock.history.merge(&history);
            Vec::new()
        }
    }
}

/// Passes a message to the round; its announcements go to the widget's
/// live region.
fn round_msg(model: &mut Model, msg: RoundMsg) -> Vec<Effect> {
    let Some(round) = model.mock.round.as_mut() else {
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
            RoundEffect::Save(text) => Some(PrepEffect::SaveRound(text)),
            // The caller finishes the round (it needs the moment).
            RoundEffect::Finished => None,
        })
        .collect();
    stored(model, saves)
}

/// Turns the finished round into a record in the history and reviews in this
/// writer's log (with a note of how each was answered), then re-derives the
/// schedule. Idempotent: the same round finished twice adds nothing twice.
fn finish_round(model: &mut Model, now: Moment) -> Vec<Effect> {
    let Some(round) = model.mock.round.take() else {
        return Vec::new();
    };
    let Some(finished) = finish(&round, &model.deck) else {
        model.mock.round = Some(round);
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
    model.mock.history.add(record.clone());
    model.mock.report = Some(record.id());
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
        vec![PrepEffect::AddToHistory(record), PrepEffect::RemoveRound],
    ));
    effects
}

/// Card states from the history again, keeping the card on screen if its
/// answer is showing.
fn rederive(model: &mut Model, now: Moment) {
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    // Undo steps hold card states from before.
    model.undo.clear();
    let (current, revealed, attempt) = (model.current, model.revealed, model.attempt.clone());
    let answering = current.is_some() && (revealed || attempt != Attempt::default());
    model.rebuild(now);
    if answering {
        model.current = current;
        model.revealed = revealed;
        model.attempt = attempt;
    }
}

/// The interview window from the plan.
fn refresh_interview(model: &mut Model, now: Moment) {
    model.interview = model
        .plan
        .plan()
        .map(|p| p.window())
        .filter(|w| w.interview_day > now.local_day());
}

pub(super) fn plan(model: &mut Model, msg: PlanMsg, now: Moment) -> Vec<Effect> {
    let dated = matches!(msg, PlanMsg::SetInterview { .. });
    let cleared = matches!(msg, PlanMsg::ClearInterview);
    let had_date = model.interview.is_some();
    let effects = plan::update(&mut model.plan, msg);
    if dated {
        refresh_interview(model, now);
        rederive(model, now);
        model.announcement = match model.plan.plan() {
            Some(p) if p.days_left(now) > 0 => format!(
                "Plan made: {} day{} to your interview on {}.",
                p.days.len(),
                if p.days.len() == 1 { "" } else { "s" },
                short_date(p.interview_day)
            ),
            Some(p) if p.days_left(now) == 0 => {
                "Your interview is today: the plan is a light rehearsal.".into()
            }
            _ => "That date has passed: choose a day from today on.".into(),
        };
    }
    if cleared && !effects.is_empty() {
        model.interview = None;
        if had_date {
            // Back to the plain schedule.
            rederive(model, now);
        }
        model.announcement = "Interview date cleared.".into();
    }
    let effects = effects
        .into_iter()
        .map(|PlanEffect::Save(text)| PrepEffect::SavePlan(text))
        .collect();
    stored(model, effects)
}

pub(super) fn export_notes(model: &Model, now: Moment) -> Vec<Effect> {
    let plan = model.plan.plan();
    let statuses = plan.as_ref().map_or_else(Default::default, |p| {
        statuses(
            p,
            &model.plan,
            &model.deck,
            &model.data.progress,
            &model.mock.history,
            now,
        )
    });
    vec![Effect::Prep(PrepEffect::DownloadMarkdown {
        file_name: export_file_name(now),
        contents: export_markdown(&model.plan, plan.as_ref(), &statuses),
    })]
}

/// Extra practice with `ids` first, then the rest of the deck weakest first.
pub(super) fn drill_first(model: &mut Model, ids: &[String], now: Moment) -> Vec<Effect> {
    let deck = Rc::clone(&model.deck);
    let mut first: Vec<usize> = Vec::new();
    for id in ids {
        if let Some(i) = deck.questions.iter().position(|q| q.id == *id) {
            if !first.contains(&i) {
                first.push(i);
            }
        }
    }
    if first.is_empty() {
        return Vec::new();
    }
    model.topic = None;
    model.focus_topics.clear();
    start_cram(model, now);
    let mut rest = cram_round(model, None, &model.params(), now);
    rest.retain(|i| !first.contains(i));
    let count = first.len();
    first.extend(rest);
    model.cram = first;
    model.pick(now);
    model.announcement = format!(
        "Extra practice: the {count} question{} your mock round found weak come first. These grades do not change your schedule.",
        if count == 1 { "" } else { "s" }
    );
    Vec::new()
}

/// Extra practice on a plan item's topics.
pub(super) fn practice_topics(
    model: &mut Model,
    topics: Vec<String>,
    style: AnswerStyle,
    now: Moment,
) -> Vec<Effect> {
    let mut topics: Vec<String> = topics
        .into_iter()
        .filter(|t| model.deck.questions.iter().any(|q| q.topic == *t))
        .collect();
    topics.dedup();
    if topics.len() == 1 {
        model.topic = topics.pop();
        model.focus_topics.clear();
    } else {
        model.topic = None;
        model.focus_topics = topics;
    }
    model.drill_mode = match style {
        AnswerStyle::Typed => DrillMode::Typed,
        AnswerStyle::Aloud => DrillMode::Flashcards,
    };
    start_cram(model, now);
    model.announcement = format!(
        "Extra practice on {}: {} cards. {}",
        model.scope(),
        model.cram.len(),
        match style {
            AnswerStyle::Typed => "Type each answer and check it.",
            AnswerStyle::Aloud => "Say each answer aloud, narrating your assumptions.",
        }
    );
    Vec::new()
}

fn start_cram(model: &mut Model, now: Moment) {
    model.mode = Mode::Cram { difficulty: None };
    model.graded = 0;
    model.section = Section::Practice;
    model.undo.clear();
    model.rebuild(now);
}

/// After a reset: rounds, the plan and its notes are gone with the rest.
pub(super) fn forget(model: &mut Model) {
    let seed = model.mock.seed;
    model.mock = MockState {
        seed,
        ..MockState::default()
    };
    model.plan = PlanState::default();
    model.interview = None;
    model.focus_topics.clear();
    model.template_open = None;
}
