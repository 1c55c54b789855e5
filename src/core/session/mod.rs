//! The drill session as a state machine: `update(&mut Model, Msg) -> Vec<Effect>`.
//!
//! The shell turns clicks, keys and timer ticks into `Msg`s (with the current
//! `Moment` where time matters), renders the `Model`, and performs the returned
//! `Effect`s. No rule of the drill lives anywhere else.
//!
//! The session composes parts, each with its own state and `update`: the
//! drill (`drill`: queue, card, grading), the answer attempt (`attempt`),
//! links (`links`) and the prep parts (`prep`: mock rounds and the plan).
//! This file keeps what they share: the deck, the history and its derived
//! card states, whether writing is allowed, the notice and the live region,
//! and the messages that belong to no part (settings, import and export,
//! reset, other writers' changes).

mod attempt;
mod drill;
mod effect;
mod first_paint;
mod grading;
#[cfg(feature = "full")]
pub mod links;
mod parts;
#[cfg(feature = "full")]
mod prep;
#[cfg(feature = "full")]
mod prep_drills;
mod saved;

pub use attempt::{checklist, checklist_grade, clock, describe, Aloud, AnswerMsg, Attempt, Chain};
pub use drill::{drill_topics, Drill, DrillMsg, Mode};
pub use effect::{Effect, FileKind};
pub use first_paint::{before_drill, BeforeDrill};
#[cfg(feature = "full")]
pub use links::{drill_mode_of, link_mode_of, LinkMsg, Links, SHARED_DRILL_MAX};
pub use parts::{Answers, Loading, Part, PartMsg};
#[cfg(feature = "full")]
pub use prep::{MockMsg, MockState, Prep, PrepMsg, PrepRestored};
pub use saved::Saved;

use std::rc::Rc;

use grading::change_settings;
use saved::absorb;
#[cfg(feature = "full")]
use saved::import;

use super::bank::Deck;
use super::calendar::iso_date;
use super::deadline::PrepWindow;
use super::fsrs::Params;
use super::ledger::Ledger;
use super::notice::Notice;
use super::persist::encode_export;
use super::persist::Restored;
#[cfg(feature = "full")]
use super::plan::PlanMsg;
use super::schedule::CardStates;
use super::settings::Settings;
use super::stored::Write;
use super::time::Moment;

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

/// Everything the widget shows, and what it needs to carry on.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub deck: Rc<Deck>,
    pub section: Section,
    pub data: Saved,
    /// Every card's schedule, derived from `data`.
    pub states: CardStates,
    /// Today's queue or extra practice, and the card on screen.
    pub drill: Drill,
    /// The learner's answer to the card on screen, before grading.
    pub attempt: Attempt,
    /// Shared decks and links.
    #[cfg(feature = "full")]
    pub links: Links,
    /// Mock rounds and the prep plan.
    #[cfg(feature = "full")]
    pub prep: Prep,
    /// The days before a future interview date (the plan's): today's queue
    /// brings cards forward over them (`core::deadline`). `None` without one.
    pub interview: Option<PrepWindow>,
    /// Whether the cards' answers have arrived (`parts`).
    pub answers: Answers,
    /// A part of the full build on its way, or failed (`parts`).
    pub loading: Option<Loading>,
    /// The widget shows only some topics of its deck (an embed's `data-topics`).
    pub scoped: bool,
    /// This widget opens the page's links, so it offers "my decks".
    pub follows_links: bool,
    pub saving: Saving,
    /// A problem the learner should know about, shown until dismissed.
    pub notice: Option<Notice>,
    /// The latest polite announcement for screen readers.
    pub announcement: String,
    /// The learner asked to reset and has not confirmed yet.
    pub confirming_reset: bool,
    /// A write of this writer's log failed: what it added may be only here.
    pub save_failed: bool,
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
    /// The queue, the card on screen and grading it.
    Drill(DrillMsg),
    /// Typing, checking or saying an answer; following up after the reveal.
    Answer(AnswerMsg),
    /// What a link opens, My decks, the share buttons.
    #[cfg(feature = "full")]
    Link(LinkMsg),
    /// A mock round: set-up, the round itself, reports and past rounds.
    #[cfg(feature = "full")]
    Mock(MockMsg),
    /// The prep plan: the interview date, ticks by hand, template notes.
    #[cfg(feature = "full")]
    Plan(PlanMsg, Moment),
    /// What the shell read for the prep parts, templates, the notes file.
    #[cfg(feature = "full")]
    Prep(PrepMsg),
    Show(Section),
    /// The decks' details and the full build, loaded after the first card.
    Part(PartMsg),
    SetRetention(f64, Moment),
    SetNewPerDay(u32, Moment),
    DismissNotice,
    /// The shell could not write progress; `full` when the quota is used up
    /// even after compaction.
    SaveFailed {
        reason: String,
        full: bool,
    },
    /// Another tab or widget saved progress; this is everything now stored.
    StorageChanged(Ledger),
    /// What the widget this one took over had not stored: it becomes this
    /// writer's own, written with this writer's log.
    Carried(Ledger, Moment),
    /// Download everything saved as a JSON file.
    Export(Moment),
    /// The text of a file the learner chose to import.
    #[cfg(feature = "full")]
    Import(String, Moment),
    /// The chosen file could not be read at all.
    #[cfg(feature = "full")]
    ImportFailed(String),
    /// Reset asks first; only the confirmation removes anything.
    AskReset,
    CancelReset,
    ConfirmReset(Moment),
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
    /// A random seed for shared drill links (the shell's random source).
    pub seed: u64,
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
            seed,
            now,
        } = start;
        // Only shared drill links carry the seed; the guest shares none.
        #[cfg(not(feature = "full"))]
        let _ = seed;
        let (saving, notice) = Notice::on_start(&restored, backups, storage_problem);
        let topic = topic.filter(|t| deck.questions.iter().any(|q| q.topic == *t));
        let data = Saved::new(restored.ledger);
        let states = CardStates::derive(&deck, &data.progress, &data.ledger.settings().params());
        let mut model = Model {
            deck,
            section: Section::Practice,
            data,
            states,
            drill: Drill::new(topic, session_limit),
            attempt: Attempt::default(),
            #[cfg(feature = "full")]
            links: Links {
                seed,
                ..Links::default()
            },
            #[cfg(feature = "full")]
            prep: Prep::default(),
            interview: None,
            answers: Answers::Here,
            loading: None,
            scoped: false,
            follows_links: false,
            saving,
            notice,
            announcement: String::new(),
            confirming_reset: false,
            save_failed: false,
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

    /// The widget's name for screen readers: the deck's title, and its topics
    /// when the widget was set to show only some, so several widgets on one
    /// page have landmarks of their own.
    pub fn label(&self) -> String {
        if !self.scoped {
            return self.deck.title.clone();
        }
        let shown = drill_topics(&self.deck);
        if shown.is_empty() {
            return self.deck.title.clone();
        }
        let titles: Vec<&str> = shown.iter().map(|t| self.deck.topic_title(t)).collect();
        format!("{} ({})", self.deck.title, titles.join(", "))
    }

    /// What this writer added and may not have stored (a write failed, or
    /// writing is off): the widget that takes this one over carries it on.
    pub fn unsaved(&self) -> Option<&Ledger> {
        let at_risk = self.save_failed || self.saving == Saving::Off;
        (at_risk && !self.data.own.is_empty()).then_some(&self.data.own)
    }

    fn save(&self) -> Vec<Effect> {
        match self.saving {
            Saving::On => vec![Effect::Store(Write::Log(self.data.own.clone()))],
            Saving::Off => Vec::new(),
        }
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Drill(msg) => drill::update(model, msg),
        Msg::Answer(msg) => attempt::answer(model, msg),
        #[cfg(feature = "full")]
        Msg::Link(msg) => links::update(model, msg),
        #[cfg(feature = "full")]
        Msg::Mock(msg) => prep::mock(model, msg),
        #[cfg(feature = "full")]
        Msg::Plan(msg, now) => prep::plan(model, msg, now),
        #[cfg(feature = "full")]
        Msg::Prep(msg) => prep::update(model, msg),
        Msg::Part(msg) => parts::update(model, msg),
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
        Msg::DismissNotice => {
            model.notice = None;
            Vec::new()
        }
        Msg::SaveFailed { reason, full } => {
            model.save_failed = true;
            model.notice = Some(if full {
                Notice::StorageFull { reason }
            } else {
                Notice::SaveFailed { reason }
            });
            Vec::new()
        }
        Msg::Carried(ledger, now) => {
            model.data.add(&ledger);
            model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
            model.rebuild(now);
            model.save()
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
                kind: FileKind::Json,
            }]
        }
        #[cfg(feature = "full")]
        Msg::Import(text, now) => import(model, &text, now),
        #[cfg(feature = "full")]
        Msg::ImportFailed(reason) => {
            model.notice = Some(Notice::ImportFailed { reason });
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
            model.drill.undo.clear();
            model.drill.mode = Mode::Today;
            #[cfg(feature = "full")]
            prep::forget(model);
            model.interview = None;
            model.rebuild(now);
            model.announcement = "All progress in this browser was removed.".into();
            vec![Effect::Store(Write::RemoveAll)]
        }
    }
}
