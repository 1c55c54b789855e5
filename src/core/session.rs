//! The drill session as a state machine: `update(&mut Model, Msg) -> Vec<Effect>`.
//!
//! The shell turns clicks and keys into `Msg`s (with the current `Moment` where
//! time matters), renders the `Model`, and performs the returned `Effect`s. No
//! rule of the drill lives anywhere else.

use std::rc::Rc;

use super::bank::{Deck, Question};
use super::order::simple_order;
use super::persist::{encode, LoadError, Restored, Stored};
use super::progress::{CardKey, Grade, ProgressLine, Review};
use super::time::Moment;

/// Everything the drill shows, and what it needs to carry on.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub deck: Rc<Deck>,
    /// The topic slug the learner chose, or every topic.
    pub topic: Option<String>,
    pub stored: Stored,
    /// This round's cards, as indices into `deck.questions`.
    pub queue: Vec<usize>,
    pub position: usize,
    pub revealed: bool,
    pub saving: Saving,
    /// A problem the learner should know about, shown until dismissed.
    pub notice: Option<Notice>,
    /// The latest polite announcement for screen readers.
    pub announcement: String,
    /// Identifies this writer in review ids; comes from the shell's random source.
    writer: String,
    next_sequence: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    On,
    /// Stored data must not be overwritten (newer format, or backup failed).
    Off,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Stored progress was unreadable; the original text was kept under `backup_key`.
    ProgressUnreadable { reason: String, backup_key: String },
    /// Stored progress was unreadable and could not be backed up, so nothing is saved.
    ProgressUnreadableNotSaving { reason: String },
    /// Stored progress comes from a newer version; nothing is saved.
    NewerVersion { version: u64 },
    /// Browser storage cannot be used at all; drills work from memory.
    StorageUnavailable { reason: String },
    /// Writing failed; progress of this visit lives in memory only.
    SaveFailed { reason: String },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::ProgressUnreadable { reason, backup_key } => format!(
                "Saved progress could not be read: {reason}. Starting fresh; the old data was kept under the key \"{backup_key}\"."
            ),
            Notice::ProgressUnreadableNotSaving { reason } => format!(
                "Saved progress could not be read: {reason}. It could not be backed up either, so this visit will not save progress."
            ),
            Notice::NewerVersion { version } => format!(
                "Your progress was saved by a newer version of Interview Drill (format {version}). It is left untouched and this visit will not save progress."
            ),
            Notice::StorageUnavailable { reason } => format!(
                "Progress cannot be saved here: {reason}. You can still practise; progress lasts until the page closes."
            ),
            Notice::SaveFailed { reason } => {
                format!("Progress could not be saved: {reason}. This visit's progress lives only until the page closes.")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Show only one topic, or all of them with `None`. Starts a new round.
    ChooseTopic(Option<String>),
    Reveal,
    Grade(Grade, Moment),
    /// Start another pass over the chosen topics.
    NewRound,
    DismissNotice,
    /// The shell could not write progress.
    SaveFailed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write this text under the progress key.
    SaveProgress(String),
}

/// How the app starts: the shell's restore result and whether its backup worked.
pub struct Start {
    pub deck: Rc<Deck>,
    pub topic: Option<String>,
    pub restored: Restored,
    /// `Some(key)` when the unreadable data was copied to `key`; `None` when the
    /// copy failed or no copy was needed.
    pub backup_key: Option<String>,
    pub writer: String,
    /// Why storage could not be opened or read, if it could not.
    pub storage_problem: Option<String>,
}

impl Model {
    pub fn start(start: Start) -> Self {
        let Start {
            deck,
            topic,
            restored,
            backup_key,
            writer,
            storage_problem,
        } = start;
        let topic = topic.filter(|t| deck.questions.iter().any(|q| q.topic == *t));
        let (saving, notice) = match (&restored.problem, &backup_key) {
            (None, _) => (Saving::On, None),
            (Some(LoadError::NewerVersion(version)), _) => (
                Saving::Off,
                Some(Notice::NewerVersion { version: *version }),
            ),
            (Some(problem), Some(key)) => (
                Saving::On,
                Some(Notice::ProgressUnreadable {
                    reason: problem.describe(),
                    backup_key: key.clone(),
                }),
            ),
            (Some(problem), None) => (
                Saving::Off,
                Some(Notice::ProgressUnreadableNotSaving {
                    reason: problem.describe(),
                }),
            ),
        };
        let saving = if restored.writable {
            saving
        } else {
            Saving::Off
        };
        let (saving, notice) = match storage_problem {
            Some(reason) => (Saving::Off, Some(Notice::StorageUnavailable { reason })),
            None => (saving, notice),
        };
        let mut model = Model {
            deck,
            topic,
            stored: restored.stored,
            queue: Vec::new(),
            position: 0,
            revealed: false,
            saving,
            notice,
            announcement: String::new(),
            writer,
            next_sequence: 0,
        };
        model.new_round();
        model
    }

    /// This writer's id: unique per widget instance and page load.
    pub fn writer(&self) -> &str {
        &self.writer
    }

    pub fn current(&self) -> Option<&Question> {
        self.queue
            .get(self.position)
            .and_then(|&i| self.deck.questions.get(i))
    }

    /// True when every card of this round has been graded.
    pub fn is_done(&self) -> bool {
        self.position >= self.queue.len()
    }

    pub fn progress_line(&self, now: Moment) -> ProgressLine {
        self.stored.progress.line(&self.deck.id, now)
    }

    fn new_round(&mut self) {
        self.queue = simple_order(&self.deck, self.topic.as_deref(), &self.stored.progress);
        self.position = 0;
        self.revealed = false;
    }

    fn topic_name(&self) -> String {
        self.topic.as_deref().map_or("all topics".to_string(), |t| {
            self.deck.topic_title(t).to_string()
        })
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::ChooseTopic(topic) => {
            model.topic = topic.filter(|t| model.deck.questions.iter().any(|q| q.topic == *t));
            model.new_round();
            model.announcement = format!(
                "Showing {}: {} cards.",
                model.topic_name(),
                model.queue.len()
            );
            Vec::new()
        }
        Msg::Reveal => {
            if model.current().is_some() && !model.revealed {
                model.revealed = true;
                model.announcement =
                    "Answer shown. Grade yourself from 1, Again, to 4, Easy.".into();
            }
            Vec::new()
        }
        Msg::Grade(grade, at) => grade_current(model, grade, at),
        Msg::NewRound => {
            model.new_round();
            model.announcement = format!("New round: {} cards.", model.queue.len());
            Vec::new()
        }
        Msg::DismissNotice => {
            model.notice = None;
            Vec::new()
        }
        Msg::SaveFailed(reason) => {
            model.notice = Some(Notice::SaveFailed { reason });
            Vec::new()
        }
    }
}

fn grade_current(model: &mut Model, grade: Grade, at: Moment) -> Vec<Effect> {
    // Grading before the answer is revealed would record a guess as recall.
    if !model.revealed {
        return Vec::new();
    }
    let Some(question) = model.current() else {
        return Vec::new();
    };
    let review = Review {
        id: format!("{}-{}", model.writer, model.next_sequence),
        card: CardKey::new(&model.deck.id, &question.id),
        grade,
        at,
    };
    model.next_sequence += 1;
    model.stored.progress.record(review);
    model.position += 1;
    model.revealed = false;
    let left = model.queue.len().saturating_sub(model.position);
    model.announcement = if left == 0 {
        format!(
            "Graded {}. Done for now: every card of {} is reviewed.",
            grade.label(),
            model.topic_name()
        )
    } else {
        format!("Graded {}. Next card, {left} left.", grade.label())
    };
    match model.saving {
        Saving::On => vec![Effect::SaveProgress(encode(&model.stored, &model.writer))],
        Saving::Off => Vec::new(),
    }
}
