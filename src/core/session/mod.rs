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
mod grading;
pub mod links;
mod prep;
mod saved;

pub use attempt::{checklist, checklist_grade, clock, describe, Aloud, AnswerMsg, Attempt, Chain};
pub use drill::{Drill, DrillMsg, Mode};
pub use links::{drill_mode_of, drill_topics, link_mode_of, LinkMsg, Links, SHARED_DRILL_MAX};
pub use prep::{MockMsg, MockState, Prep, PrepMsg, PrepRestored};
pub use saved::Saved;

use std::rc::Rc;

use grading::change_settings;
use saved::{absorb, import};

use super::bank::Deck;
use super::calendar::iso_date;
use super::fsrs::Params;
use super::ledger::Ledger;
use super::notice::Notice;
use super::persist::{encode_export, Restored};
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
    pub links: Links,
    /// Mock rounds and the prep plan.
    pub prep: Prep,
    /// The widget shows only some topics of its deck (an embed's `data-topics`).
    pub scoped: bool,
    pub saving: Saving,
    /// A problem the learner should know about, shown until dismissed.
    pub notice: Option<Notice>,
    /// The latest polite announcement for screen readers.
    pub announcement: String,
    /// The learner asked to reset and has not confirmed yet.
    pub confirming_reset: bool,
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
    Link(LinkMsg),
    /// A mock round: set-up, the round itself, reports and past rounds.
    Mock(MockMsg),
    /// The prep plan: the interview date, ticks by hand, template notes.
    Plan(PlanMsg, Moment),
    /// What the shell read for the prep parts, templates, the notes file.
    Prep(PrepMsg),
    Show(Section),
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
    /// Download everything saved as a JSON file.
    Export(Moment),
    /// The text of a file the learner chose to import.
    Import(String, Moment),
    /// The chosen file could not be read at all.
    ImportFailed(String),
    /// Reset asks first; only the confirmation removes anything.
    AskReset,
    CancelReset,
    ConfirmReset(Moment),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Store, replace or remove a value (`core::stored`).
    Store(Write),
    /// Offer this file for download.
    Download {
        file_name: String,
        contents: String,
        kind: FileKind,
    },
}

/// What a downloaded file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Exported progress.
    Json,
    /// The plan and notes.
    Markdown,
}

impl FileKind {
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Json => "application/json",
            FileKind::Markdown => "text/markdown",
        }
    }

    /// What the learner calls the file, for messages.
    pub fn what(self) -> &'static str {
        match self {
            FileKind::Json => "export",
            FileKind::Markdown => "notes",
        }
    }
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
            links: Links {
                seed,
                ..Links::default()
            },
            prep: Prep::default(),
            scoped: false,
            saving,
            notice,
            announcement: String::new(),
            confirming_reset: false,
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
        Msg::Link(msg) => links::update(model, msg),
        Msg::Mock(msg) => prep::mock(model, msg),
        Msg::Plan(msg, now) => prep::plan(model, msg, now),
        Msg::Prep(msg) => prep::update(model, msg),
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
                kind: FileKind::Json,
            }]
        }
        Msg::Import(text, now) => import(model, &text, now),
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
            prep::forget(model);
            model.rebuild(now);
            model.announcement = "All progress in this browser was removed.".into();
            vec![Effect::Store(Write::RemoveAll)]
        }
    }
}
