//! The drill session as a state machine: `update(&mut Model, Msg) -> Vec<Effect>`.
//!
//! The shell turns clicks, keys and timer ticks into `Msg`s (with the current
//! `Moment` where time matters), renders the `Model`, and performs the returned
//! `Effect`s. No rule of the drill lives anywhere else.

mod attempt;
mod grading;
mod links;
mod prep;
mod saved;

pub use attempt::{checklist, checklist_grade, clock, describe, Aloud, AnswerMsg, Attempt, Chain};

use grading::{change_settings, cram_round, grade_current, undo, UndoStep};
pub use prep::{MockMsg, MockState, PrepEffect, PrepRestored};
pub use saved::Saved;
use saved::{absorb, import};

use super::calendar::iso_date;

use std::rc::Rc;

use super::bank::{Deck, Question};
use super::config::DrillMode;
use super::deadline::{bring_forward, extend_queue, PrepWindow};
use super::draft::{self, Draft, DRAFT_KEY};
use super::fsrs::{preview, Params};
use super::ledger::Ledger;
use super::mock::AnswerStyle as RoundStyle;
use super::my_decks::{SavedDeck, SharedDeck};
use super::notice::Notice;
use super::persist::{encode_export, Restored};
use super::plan::{PlanMsg, PlanState, TemplateKind};
use super::progress::{Grade, ProgressLine};
use super::schedule::{
    build_queue, format_interval, learning_due, new_introduced_today, next_due, pick_next,
    CardStates, Queue,
};
use super::settings::Settings;
use super::time::Moment;

/// What the learner is drilling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Today's queue: due cards, then new cards up to the daily limit.
    Today,
    /// Extra practice on a topic and difficulty; the schedule is untouched.
    Cram { difficulty: Option<u8> },
}

/// The section of the widget on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Practice,
    /// Timed mock rounds: set-up, the round, its report and past rounds.
    Mock,
    /// The prep plan to an interview date, and the notes it asks for.
    Plan,
    Stats,
    Settings,
    /// "My decks": only on a page that follows links.
    Decks,
}

/// Everything the drill shows, and what it needs to carry on.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub deck: Rc<Deck>,
    /// The topic slug the learner chose, or every topic.
    pub topic: Option<String>,
    pub mode: Mode,
    pub section: Section,
    pub data: Saved,
    /// Every card's schedule, derived from `data`.
    pub states: CardStates,
    pub queue: Queue,
    /// Cards left in this round of extra practice.
    pub cram: Vec<usize>,
    /// The card on screen, as an index into `deck.questions`.
    pub current: Option<usize>,
    pub revealed: bool,
    /// The learner's answer to the card on screen, before grading.
    pub attempt: Attempt,
    /// Whether cards lead with recall or with the answer box.
    pub drill_mode: DrillMode,
    /// Set when the deck came from a link.
    pub shared: Option<SharedDeck>,
    /// Shared decks kept in this browser.
    pub my_decks: Vec<SavedDeck>,
    /// What happened to the last link shared, shown beside the share buttons.
    pub share_note: Option<String>,
    /// This widget opens the page's links, so it offers "my decks".
    pub follows_links: bool,
    /// The widget shows only some topics of its deck (an embed's `data-topics`).
    pub scoped: bool,
    pub saving: Saving,
    /// A problem the learner should know about, shown until dismissed.
    pub notice: Option<Notice>,
    /// The latest polite announcement for screen readers.
    pub announcement: String,
    /// The learner asked to reset and has not confirmed yet.
    pub confirming_reset: bool,
    /// At most this many cards a session (an embed's `data-questions`).
    pub session_limit: Option<usize>,
    /// Cards graded since the widget opened.
    pub graded: usize,
    /// Extra practice on several topics at once (a plan item's), instead of
    /// the one chosen `topic`. Empty otherwise.
    pub focus_topics: Vec<String>,
    /// Mock rounds: the one in progress, past rounds, the set-up form.
    pub mock: MockState,
    /// The prep plan: interview date, ticks by hand, notes.
    pub plan: PlanState,
    /// The days before a future interview date: today's queue brings cards
    /// forward over them (`core::deadline`). `None` without a date.
    pub interview: Option<PrepWindow>,
    /// The plan template the learner opened last, for focus and highlight.
    pub template_open: Option<TemplateKind>,
    undo: Vec<UndoStep>,
    /// Names this writer's log key; comes from the shell's random source.
    writer: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    On,
    /// Stored data must not be overwritten (newer format, backup failed, or no storage).
    Off,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Show only one topic, or all of them with `None`.
    ChooseTopic(Option<String>, Moment),
    Reveal,
    /// Typing, checking or saying an answer; following up after the reveal.
    Answer(AnswerMsg),
    Grade(Grade, Moment),
    /// Take back the last grade of this session.
    Undo,
    /// Extra practice on the chosen topic, optionally one difficulty.
    StartCram {
        difficulty: Option<u8>,
        now: Moment,
    },
    BackToToday(Moment),
    Show(Section),
    SetRetention(f64, Moment),
    SetNewPerDay(u32, Moment),
    /// Time passed: a learning card may have fallen due, or a new day begun.
    Tick(Moment),
    DismissNotice,
    /// The shell could not write progress; `full` when the quota is used up
    /// even after compaction.
    SaveFailed {
        reason: String,
        full: bool,
    },
    /// Another tab or widget saved progress; this is everything now stored.
    StorageChanged(Ledger),
    /// Download everything saved as a JSON file.
    Export(Moment),
    /// The text of a file the learner chose to import.
    Import(String, Moment),
    /// The chosen file could not be read at all.
    ImportFailed(String),
    /// The answer typed before a reload; used if its card is on screen.
    RestoreDraft(Draft),
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
    /// Reset asks first; only the confirmation removes anything.
    AskReset,
    CancelReset,
    ConfirmReset(Moment),
    /// A mock round: set-up, the round itself, reports and past rounds.
    Mock(MockMsg),
    /// The prep plan: the interview date, ticks by hand, template notes.
    Plan(PlanMsg, Moment),
    /// What the shell read at start for mock rounds and the plan.
    PrepRestored(Box<PrepRestored>),
    /// Extra practice with these questions first (a mock round's weak ones),
    /// then the rest of the deck, weakest first.
    DrillFirst(Vec<String>, Moment),
    /// Extra practice on these topics, for a plan item; `style` chooses
    /// whether cards lead with the answer box.
    PracticeTopics {
        topics: Vec<String>,
        style: RoundStyle,
        now: Moment,
    },
    /// Show a plan template to write.
    OpenTemplate(TemplateKind),
    /// Download the plan and notes as Markdown.
    ExportNotes(Moment),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Save what this writer added (the shell writes its log, compacting
    /// into the shared base if storage is full).
    WriteLog(Ledger),
    /// Offer this file for download.
    Download {
        file_name: String,
        contents: String,
    },
    /// Remove every key of this widget's namespace.
    RemoveAll,
    /// Store a value under a key of this widget's namespace ("my decks").
    Put {
        key: String,
        value: String,
    },
    Remove(String),
    /// Store or offer what mock rounds and the plan keep.
    Prep(PrepEffect),
}

/// How the app starts: the shell's restore result and whether its backups worked.
pub struct Start {
    pub deck: Rc<Deck>,
    pub topic: Option<String>,
    pub restored: Restored,
    /// The backup keys the unreadable values were copied to, or `None` when a
    /// copy failed (then nothing may be written).
    pub backups: Option<Vec<String>>,
    pub writer: String,
    /// Why storage could not be opened or read, if it could not.
    pub storage_problem: Option<String>,
    pub session_limit: Option<usize>,
    pub now: Moment,
}

impl Model {
    pub fn start(start: Start) -> Self {
        let Start {
            deck,
            topic,
            restored,
            backups,
            writer,
            storage_problem,
            session_limit,
            now,
        } = start;
        let (saving, notice) = Notice::on_start(&restored, backups, storage_problem);
        let topic = topic.filter(|t| deck.questions.iter().any(|q| q.topic == *t));
        let data = Saved::new(restored.ledger);
        let states = CardStates::derive(&deck, &data.progress, &data.ledger.settings().params());
        let mut model = Model {
            deck,
            topic,
            mode: Mode::Today,
            section: Section::Practice,
            data,
            states,
            confirming_reset: false,
            session_limit,
            graded: 0,
            focus_topics: Vec::new(),
            mock: MockState::default(),
            plan: PlanState::default(),
            interview: None,
            template_open: None,
            queue: Queue::default(),
            cram: Vec::new(),
            current: None,
            revealed: false,
            attempt: Attempt::default(),
            drill_mode: DrillMode::default(),
            shared: None,
            my_decks: Vec::new(),
            share_note: None,
            follows_links: false,
            scoped: false,
            saving,
            notice,
            announcement: String::new(),
            undo: Vec::new(),
            writer,
        };
        model.rebuild(now);
        model
    }

    /// This writer's id: unique per widget instance and page load.
    pub fn writer(&self) -> &str {
        &self.writer
    }

    pub fn settings(&self) -> Settings {
        self.data.ledger.settings()
    }

    pub fn params(&self) -> Params {
        self.settings().params()
    }

    pub fn current(&self) -> Option<&Question> {
        self.current.and_then(|i| self.deck.questions.get(i))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn progress_line(&self, now: Moment) -> ProgressLine {
        {
            let questions: Vec<&str> = self.deck.questions.iter().map(|q| q.id.as_str()).collect();
            self.data.progress.line(&self.deck.id, &questions, now)
        }
    }

    /// Cards left in this session: due and new for today, or extra practice,
    /// within the session limit.
    pub fn remaining(&self) -> usize {
        let left = match self.mode {
            Mode::Today => self.queue.due.len() + self.queue.new.len(),
            Mode::Cram { .. } => self.cram.len(),
        };
        match self.session_limit {
            Some(limit) => left.min(limit.saturating_sub(self.graded)),
            None => left,
        }
    }

    /// The session limit has been reached.
    pub fn limit_reached(&self) -> bool {
        self.session_limit.is_some_and(|limit| self.graded >= limit)
    }

    /// Cards due now in today's queue: reviews plus learning steps that are due.
    pub fn due_now(&self, now: Moment) -> usize {
        self.queue.due.len()
            + learning_due(&self.deck, self.topic.as_deref(), &self.states, now.unix_ms)
    }

    /// The interval each grade would give the current card, as labels.
    /// `None` in extra practice, where grades do not schedule.
    pub fn grade_intervals(&self, now: Moment) -> Option<[String; 4]> {
        let index = self.current?;
        if self.mode != Mode::Today {
            return None;
        }
        let next = preview(&self.params(), &self.states.get(index), now.unix_ms);
        Some(next.map(|card| format_interval(card.due_ms - now.unix_ms)))
    }

    /// When the next card of the chosen topic falls due.
    pub fn next_due(&self) -> Option<i64> {
        next_due(&self.deck, self.topic.as_deref(), &self.states)
    }

    /// The widget's name for screen readers: the deck's title, and its topics
    /// when the widget was set to show only some, so several widgets on one
    /// page have landmarks of their own.
    pub fn label(&self) -> String {
        if !self.scoped {
            return self.deck.title.clone();
        }
        let mut shown: Vec<&str> = Vec::new();
        for q in &self.deck.questions {
            if !shown.contains(&q.topic.as_str()) {
                shown.push(&q.topic);
            }
        }
        if shown.len() >= self.deck.topics.len() {
            return self.deck.title.clone();
        }
        let titles: Vec<&str> = shown.iter().map(|t| self.deck.topic_title(t)).collect();
        format!("{} ({})", self.deck.title, titles.join(", "))
    }

    /// The name of what is being drilled, for messages.
    pub fn scope(&self) -> String {
        if !self.focus_topics.is_empty() {
            let titles: Vec<&str> = self
                .focus_topics
                .iter()
                .map(|t| self.deck.topic_title(t))
                .collect();
            return titles.join(" and ");
        }
        self.topic.as_deref().map_or("all topics".to_string(), |t| {
            self.deck.topic_title(t).to_string()
        })
    }

    /// Rebuilds today's queue (or the extra-practice round) and picks a card.
    fn rebuild(&mut self, now: Moment) {
        let params = self.params();
        match self.mode {
            Mode::Today => {
                let introduced = new_introduced_today(&self.deck, &self.data.progress, now);
                let allowance = (self.settings().new_per_day as usize).saturating_sub(introduced);
                self.queue = build_queue(
                    &self.deck,
                    self.topic.as_deref(),
                    &self.states,
                    &params,
                    allowance,
                    now.unix_ms,
                );
                // Before an interview date, cards that would stay unseen
                // until after it join today's queue; without one, nothing.
                let extra = bring_forward(
                    &self.deck,
                    self.topic.as_deref(),
                    &self.data.progress,
                    &params,
                    self.interview.as_ref(),
                    now,
                );
                extend_queue(&mut self.queue, &extra, &self.states);
            }
            Mode::Cram { difficulty } => {
                self.cram = cram_round(self, difficulty, &params, now);
            }
        }
        self.pick(now);
    }

    fn pick(&mut self, now: Moment) {
        self.revealed = false;
        self.attempt = Attempt::default();
        self.share_note = None;
        if self.limit_reached() {
            self.current = None;
            return;
        }
        self.current = match self.mode {
            Mode::Today => pick_next(
                &self.deck,
                self.topic.as_deref(),
                &self.states,
                &self.queue,
                now.unix_ms,
            ),
            Mode::Cram { .. } => self.cram.first().copied(),
        };
        self.revealed = false;
    }

    fn save(&self) -> Vec<Effect> {
        match self.saving {
            Saving::On => vec![Effect::WriteLog(self.data.own.clone())],
            Saving::Off => Vec::new(),
        }
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::ChooseTopic(topic, now) => {
            model.focus_topics.clear();
            model.topic = topic.filter(|t| model.deck.questions.iter().any(|q| q.topic == *t));
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Showing {}: {} cards to go.",
                model.scope(),
                model.remaining()
            );
            Vec::new()
        }
        Msg::Reveal => {
            if model.current.is_some() && !model.revealed {
                model.revealed = true;
                model.announcement =
                    "Answer shown. Grade yourself from 1, Again, to 4, Easy.".into();
            }
            Vec::new()
        }
        Msg::Answer(answer) => {
            // The deck is shared and immutable: holding it lets the attempt change.
            let deck = Rc::clone(&model.deck);
            let Some(question) = model.current.and_then(|i| deck.questions.get(i)) else {
                return Vec::new();
            };
            let typing = matches!(answer, AnswerMsg::Draft(_));
            if let Some(text) = model.attempt.update(answer, question, model.revealed) {
                model.announcement = text;
            }
            if !typing || model.saving == Saving::Off {
                return Vec::new();
            }
            // Kept as it is typed, so a reload loses nothing.
            vec![if model.attempt.draft.is_empty() {
                Effect::Remove(DRAFT_KEY.into())
            } else {
                Effect::Put {
                    key: DRAFT_KEY.into(),
                    value: draft::encode(&Draft {
                        deck: deck.id.clone(),
                        q: question.id.clone(),
                        text: model.attempt.draft.clone(),
                    }),
                }
            }]
        }
        Msg::RestoreDraft(stored) => {
            let fits = model
                .current()
                .is_some_and(|q| q.id == stored.q && model.deck.id == stored.deck);
            if fits && !model.revealed && model.attempt.draft.is_empty() {
                model.attempt.draft = stored.text;
            }
            Vec::new()
        }
        Msg::Grade(grade, now) => grade_current(model, grade, now),
        Msg::Undo => undo(model),
        Msg::StartCram { difficulty, now } => {
            model.mode = Mode::Cram { difficulty };
            model.graded = 0;
            model.section = Section::Practice;
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Extra practice on {}: {} cards. These grades do not change your schedule.",
                model.scope(),
                model.cram.len()
            );
            Vec::new()
        }
        Msg::BackToToday(now) => {
            model.focus_topics.clear();
            model.mode = Mode::Today;
            model.graded = 0;
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!("Today's queue: {} cards to go.", model.remaining());
            Vec::new()
        }
        Msg::Show(section) => {
            model.section = section;
            Vec::new()
        }
        Msg::SetRetention(retention, now) => change_settings(
            model,
            Settings {
                desired_retention: retention,
                ..model.settings()
            },
            now,
        ),
        Msg::SetNewPerDay(count, now) => change_settings(
            model,
            Settings {
                new_per_day: count,
                ..model.settings()
            },
            now,
        ),
        Msg::Tick(now) => {
            if model.current.is_none() && model.mode == Mode::Today {
                model.rebuild(now);
                if model.current.is_some() {
                    model.announcement = "A card is due again.".into();
                }
            }
            Vec::new()
        }
        Msg::DismissNotice => {
            model.notice = None;
            Vec::new()
        }
        Msg::SaveFailed { reason, full } => {
            model.notice = Some(if full {
                Notice::StorageFull { reason }
            } else {
                Notice::SaveFailed { reason }
            });
            Vec::new()
        }
        Msg::StorageChanged(shared) => {
            absorb(model, &shared);
            Vec::new()
        }
        Msg::Export(now) => {
            let day = now.local_day();
            vec![Effect::Download {
                file_name: format!("interview-drill-progress-{}.json", iso_date(day)),
                contents: encode_export(&model.data.ledger, now.unix_ms.div_euclid(1000)),
            }]
        }
        Msg::Import(text, now) => import(model, &text, now),
        Msg::ImportFailed(reason) => {
            model.notice = Some(Notice::ImportFailed { reason });
            Vec::new()
        }
        Msg::OpenQuestion(id, now) => {
            links::open_question(model, &id, now);
            Vec::new()
        }
        Msg::StartDrill { seed, count, now } => {
            links::start_drill(model, seed, count, now);
            Vec::new()
        }
        Msg::SaveSharedDeck => links::save_shared_deck(model),
        Msg::RemoveSavedDeck(id) => links::remove_saved_deck(model, &id),
        Msg::LinkShared(text) => {
            model.share_note = Some(text.clone());
            model.announcement = text;
            Vec::new()
        }
        Msg::AskReset => {
            model.confirming_reset = true;
            Vec::new()
        }
        Msg::CancelReset => {
            model.confirming_reset = false;
            Vec::new()
        }
        Msg::ConfirmReset(now) => {
            if !model.confirming_reset || model.saving == Saving::Off {
                return Vec::new();
            }
            model.confirming_reset = false;
            model.data = Saved::default();
            model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
            model.undo.clear();
            model.mode = Mode::Today;
            prep::forget(model);
            model.rebuild(now);
            model.announcement = "All progress in this browser was removed.".into();
            vec![Effect::RemoveAll]
        }
        Msg::Mock(msg) => prep::mock(model, msg),
        Msg::Plan(msg, now) => prep::plan(model, msg, now),
        Msg::PrepRestored(restored) => prep::restored(model, *restored),
        Msg::DrillFirst(ids, now) => prep::drill_first(model, &ids, now),
        Msg::PracticeTopics { topics, style, now } => {
            prep::practice_topics(model, topics, style, now)
        }
        Msg::OpenTemplate(kind) => {
            model.section = Section::Plan;
            model.template_open = Some(kind);
            model.announcement = format!(
                "{}: write each part below. It is saved as you type.",
                kind.title()
            );
            Vec::new()
        }
        Msg::ExportNotes(now) => prep::export_notes(model, now),
    }
}
