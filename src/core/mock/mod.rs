//! Timed mock rounds: a few questions, one at a time, each against its own
//! countdown, as a state machine `update(&mut Round, RoundMsg) -> Vec<RoundEffect>`.
//!
//! Time arrives as `Moment`s in messages. The round keeps, for the question on
//! screen, the time already used and the moment the clock last started, so
//! time used is always computed from moments: a reload in the middle resumes
//! with the time already used.
//!
//! What counts as time used: **running time counts, paused time does not**.
//! While the page is closed a running clock keeps running (an interview does
//! not stop because a tab did), but only up to the limit of the question on
//! screen: that question times out with the answer so far, and the next one
//! starts when the learner is back (the first message after the reload), so
//! questions never seen are never timed out unseen.

mod history;
mod pick;
mod report;
mod saved;
mod setup;
mod update;

pub use history::{decode_history, encode_history, History, RoundRecord, HISTORY_CAP};
pub use pick::{candidates, pick, SplitMix64};
pub use report::{finish, report, reviews, Finished, FollowUpReport, QuestionReport, Report};
pub use saved::{decode_round, encode_round};
pub use setup::{
    history_line, parse_seed, preview, report_line, setup_summary, when_started, yes_no,
    RoundPreview,
};
pub use update::{update, RoundEffect, RoundMsg};

use super::bank::Deck;
use super::time::Moment;

/// Questions in a round unless the learner chooses otherwise.
pub const DEFAULT_QUESTIONS: usize = 5;
pub const MAX_QUESTIONS: usize = 20;
/// The longest a learner may give every question.
pub const MAX_MINUTES: u8 = 30;
/// The warning comes when this much time is left on a question.
pub const WARNING_MS: i64 = 60_000;
/// A follow-up comes with this much more time: in a real loop the
/// interviewer's next question is part of the conversation, not a penalty.
pub const FOLLOW_UP_MS: i64 = 2 * 60_000;

/// Keys (under the widget's namespace) the shell stores rounds under.
pub const ROUND_KEY: &str = "mock-round";
pub const HISTORY_KEY: &str = "mock-history";

/// How the learner answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnswerStyle {
    /// Typed into a box; the coach checks the key points.
    #[default]
    Typed,
    /// Spoken; the learner ticks a checklist of what they said.
    Aloud,
}

impl AnswerStyle {
    pub fn label(self) -> &'static str {
        match self {
            AnswerStyle::Typed => "Typed",
            AnswerStyle::Aloud => "Aloud, with a checklist",
        }
    }
}

/// What the learner chose before a round.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoundSetup {
    pub questions: usize,
    /// Topic slugs; empty for every topic.
    pub topics: Vec<String>,
    /// Minutes for every question; `None` for each question's own estimate.
    pub minutes: Option<u8>,
    pub style: AnswerStyle,
}

impl Default for RoundSetup {
    fn default() -> Self {
        Self {
            questions: DEFAULT_QUESTIONS,
            topics: Vec::new(),
            minutes: None,
            style: AnswerStyle::Typed,
        }
    }
}

impl RoundSetup {
    /// The set-up with every value in its allowed range.
    pub fn clamped(mut self) -> Self {
        self.questions = self.questions.clamp(1, MAX_QUESTIONS);
        self.minutes = self.minutes.map(|m| m.clamp(1, MAX_MINUTES));
        self.topics.sort_unstable();
        self.topics.dedup();
        self
    }
}

/// A round's identity: when it started and its seed. Two tabs never start a
/// round in the same millisecond with the same seed by accident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoundId {
    pub started_ms: i64,
    pub seed: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ending {
    /// The learner moved on.
    Moved,
    /// The countdown reached zero; the answer so far was kept.
    TimedOut,
    /// The learner ended the round here.
    Stopped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ended {
    pub at: Moment,
    pub how: Ending,
}

/// The one follow-up asked on a question, and the answer to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AskedFollowUp {
    /// Index into the question's follow-ups.
    pub index: usize,
    pub answer: String,
    /// Aloud: the learner says they answered it.
    pub said: bool,
}

impl AskedFollowUp {
    pub fn answered(&self) -> bool {
        self.said || !self.answer.trim().is_empty()
    }
}

/// One question of a round and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub question: String,
    pub limit_ms: i64,
    /// Time used up to `Round::running_since` (or in all, once ended).
    pub used_ms: i64,
    pub answer: String,
    /// Aloud: which key points the learner ticked, one flag per key point.
    pub checked: Vec<bool>,
    /// Aloud: the learner ticked "named a failure mode" / "named a trade-off".
    pub named_failure: bool,
    pub named_trade_off: bool,
    pub follow_up: Option<AskedFollowUp>,
    /// How many follow-ups the question has, so a choice can be checked
    /// without the deck.
    pub follow_ups: usize,
    /// The one-minute warning was given.
    pub warned: bool,
    pub ended: Option<Ended>,
}

/// A mock round in progress or finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub deck: String,
    pub setup: RoundSetup,
    pub seed: u64,
    pub started: Moment,
    pub items: Vec<Item>,
    /// The question on screen; `items.len()` once the round is over.
    pub current: usize,
    /// When the clock last started; `None` while paused or finished.
    pub running_since: Option<Moment>,
    /// The latest polite announcement for screen readers. It changes only
    /// when there is something new to say, so each is read once.
    pub announcement: String,
}

impl Round {
    /// Starts a round now, or `None` when no question fits the set-up.
    pub fn start(deck: &Deck, setup: RoundSetup, seed: u64, now: Moment) -> Option<Round> {
        let setup = setup.clamped();
        let picked = pick(deck, &setup.topics, setup.questions, seed);
        let items: Vec<Item> = picked
            .iter()
            .filter_map(|&i| deck.questions.get(i))
            .map(|q| {
                // Within the range a stored round may hold, whatever content says.
                let minutes = setup.minutes.unwrap_or(q.minutes).clamp(1, MAX_MINUTES);
                let limit_ms = i64::from(minutes) * 60_000;
                Item {
                    question: q.id.clone(),
                    limit_ms,
                    used_ms: 0,
                    answer: String::new(),
                    checked: vec![false; q.key_points.len()],
                    named_failure: false,
                    named_trade_off: false,
                    follow_up: None,
                    follow_ups: q.follow_ups.len(),
                    // A question of a minute or less is all last minute.
                    warned: limit_ms <= WARNING_MS,
                    ended: None,
                }
            })
            .collect();
        if items.is_empty() {
            return None;
        }
        let mut round = Round {
            deck: deck.id.clone(),
            setup,
            seed,
            started: now,
            items,
            current: 0,
            running_since: Some(now),
            announcement: String::new(),
        };
        round.announcement = format!(
            "Mock round started: {} questions, {} in all. {}",
            round.items.len(),
            minutes(round.total_limit_ms()),
            round.question_intro()
        );
        Some(round)
    }

    pub fn id(&self) -> RoundId {
        RoundId {
            started_ms: self.started.unix_ms,
            seed: self.seed,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.current >= self.items.len()
    }

    pub fn is_paused(&self) -> bool {
        !self.is_finished() && self.running_since.is_none()
    }

    pub fn is_running(&self) -> bool {
        !self.is_finished() && self.running_since.is_some()
    }

    /// The question on screen, if the round is not over.
    pub fn current_item(&self) -> Option<&Item> {
        self.items.get(self.current)
    }

    /// Time used on question `index` as of `now`.
    pub fn used_ms(&self, index: usize, now: Moment) -> i64 {
        let Some(item) = self.items.get(index) else {
            return 0;
        };
        let running = match self.running_since {
            Some(since) if index == self.current => {
                now.unix_ms.saturating_sub(since.unix_ms).max(0)
            }
            _ => 0,
        };
        item.used_ms.saturating_add(running).min(item.limit_ms)
    }

    /// Time left on the question on screen (0 once the round is over).
    pub fn remaining_ms(&self, now: Moment) -> i64 {
        self.current_item()
            .map_or(0, |item| item.limit_ms - self.used_ms(self.current, now))
    }

    /// Every question's limit added up: the round's planned length.
    pub fn total_limit_ms(&self) -> i64 {
        self.items.iter().map(|i| i.limit_ms).sum()
    }

    fn question_intro(&self) -> String {
        match self.current_item() {
            Some(item) => format!(
                "Question {} of {}: {}.",
                self.current + 1,
                self.items.len(),
                minutes(item.limit_ms)
            ),
            None => "The round is over.".into(),
        }
    }
}

/// "4 minutes", "1 minute".
pub fn minutes(ms: i64) -> String {
    let m = (ms.max(0) + 30_000) / 60_000;
    format!("{m} minute{}", if m == 1 { "" } else { "s" })
}

/// A countdown as "4:05", rounded up so "0:00" means the time is up.
pub fn format_clock(ms: i64) -> String {
    let seconds = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
