//! What the mock screens decide, as data and text, so the views only lay it
//! out: how the set-up form's values read (counts and minutes clamped, a
//! topic ticked or unticked), the round a set-up and seed will give, the
//! one-line summary of a set-up and of a past round, whether the question on
//! screen is in its last minute, and the report's per-question lines.

use super::history::RoundRecord;
use super::{
    format_clock, minutes, pick, AnswerStyle, QuestionReport, Report, Round, RoundSetup,
    MAX_MINUTES, MAX_QUESTIONS, WARNING_MS,
};
use crate::core::bank::Deck;
use crate::core::calendar::short_date_time;
use crate::core::time::Moment;

/// "" for one, "s" for any other count.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl RoundSetup {
    /// Whether topic `slug` shows ticked: every topic does when none is
    /// chosen (an empty list means all).
    pub fn has_topic(&self, slug: &str) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t == slug)
    }

    /// The set-up after the learner ticks or unticks topic `slug`, of the
    /// deck's topics `all`. Every topic, or none (which cannot ask
    /// anything), means all: the empty list.
    pub fn toggle_topic(&self, slug: &str, all: &[impl AsRef<str>]) -> RoundSetup {
        let mut chosen: Vec<String> = if self.topics.is_empty() {
            all.iter().map(|s| s.as_ref().to_string()).collect()
        } else {
            self.topics.clone()
        };
        if self.has_topic(slug) {
            chosen.retain(|t| t != slug);
        } else {
            chosen.push(slug.to_string());
        }
        if chosen.len() == all.len() || chosen.is_empty() {
            chosen.clear();
        }
        RoundSetup {
            topics: chosen,
            ..self.clone()
        }
    }

    /// The set-up after the learner typed `text` as the number of questions:
    /// clamped to 1..=`MAX_QUESTIONS`; anything but a number changes nothing.
    pub fn with_questions_text(&self, text: &str) -> RoundSetup {
        let mut next = self.clone();
        if let Ok(n) = text.trim().parse::<usize>() {
            next.questions = n.clamp(1, MAX_QUESTIONS);
        }
        next
    }

    /// The set-up after the learner typed `text` as minutes per question:
    /// clamped to 1..=`MAX_MINUTES`; empty (or not a number) for each
    /// question's own estimate.
    pub fn with_minutes_text(&self, text: &str) -> RoundSetup {
        RoundSetup {
            minutes: text
                .trim()
                .parse::<u8>()
                .ok()
                .map(|m| m.clamp(1, MAX_MINUTES)),
            ..self.clone()
        }
    }
}

/// The seed the learner typed; 0 for anything but a number.
pub fn parse_seed(text: &str) -> u64 {
    text.trim().parse::<u64>().unwrap_or_default()
}

/// "3 questions · all topics · expected times · typed".
pub fn setup_summary(deck: &Deck, setup: &RoundSetup) -> String {
    let topics = if setup.topics.is_empty() {
        "all topics".to_string()
    } else {
        setup
            .topics
            .iter()
            .map(|t| deck.topic_title(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let minutes = match setup.minutes {
        None => "expected times".to_string(),
        Some(m) => format!("{m} min each"),
    };
    let style = match setup.style {
        AnswerStyle::Typed => "typed",
        AnswerStyle::Aloud => "aloud",
    };
    format!(
        "{} question{} · {topics} · {minutes} · {style}",
        setup.questions,
        plural(setup.questions)
    )
}

/// When a past round started, in the learner's time then: "Mon 2 Mar, 09:00".
pub fn when_started(record: &RoundRecord) -> String {
    short_date_time(record.started)
}

/// A past round in the list: "Mon 2 Mar, 09:00 · 3 questions · … · score 72 · 7:30".
pub fn history_line(deck: &Deck, record: &RoundRecord) -> String {
    format!(
        "{} · {} · score {} · {}",
        when_started(record),
        setup_summary(deck, &record.setup),
        record.report.score,
        format_clock(record.report.used_ms)
    )
}

/// Under a report's title: "Mon 2 Mar, 09:00 · 3 questions · … · seed 42".
pub fn report_line(deck: &Deck, record: &RoundRecord) -> String {
    format!(
        "{} · {} · seed {}",
        when_started(record),
        setup_summary(deck, &record.setup),
        record.seed
    )
}

/// The round a set-up and seed will give, as the set-up form shows it: the
/// same questions `Round::start` asks, with the same minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundPreview {
    /// Each question's minutes, in the order asked.
    pub minutes: Vec<u8>,
    /// Minutes chosen for every question; `None` for each one's own.
    pub fixed: Option<u8>,
}

/// What `Round::start` would ask with this set-up and seed.
pub fn preview(deck: &Deck, setup: &RoundSetup, seed: u64) -> RoundPreview {
    let clamped = setup.clone().clamped();
    let minutes = pick(deck, &clamped.topics, clamped.questions, seed)
        .into_iter()
        .filter_map(|i| deck.questions.get(i))
        .map(|q| clamped.minutes.unwrap_or(q.minutes).clamp(1, MAX_MINUTES))
        .collect();
    RoundPreview {
        minutes,
        fixed: setup.minutes,
    }
}

impl RoundPreview {
    /// Every question's limit added up.
    pub fn total_ms(&self) -> i64 {
        self.minutes.iter().map(|&m| i64::from(m) * 60_000).sum()
    }

    /// The shortest and longest question, in minutes; (0, 0) for none.
    pub fn range(&self) -> (u8, u8) {
        (
            self.minutes.iter().min().copied().unwrap_or(0),
            self.minutes.iter().max().copied().unwrap_or(0),
        )
    }

    /// "4 min", or "3 to 6 min" when the questions' own times differ.
    pub fn own_times(&self) -> String {
        match self.range() {
            (low, high) if low == high => format!("{low} min"),
            (low, high) => format!("{low} to {high} min"),
        }
    }

    /// "This round: 3 questions, 12 minutes in all."
    pub fn line(&self) -> String {
        let count = self.minutes.len();
        format!(
            "This round: {count} question{}, {} in all.",
            plural(count),
            minutes(self.total_ms())
        )
    }

    /// What the minutes box says under it.
    pub fn minutes_hint(&self) -> String {
        match self.fixed {
            None => format!(
                "Empty: each question's expected time ({} for this round).",
                self.own_times()
            ),
            Some(_) => "Empty the box to use each question's expected time.".to_string(),
        }
    }
}

impl Round {
    /// The question on screen is in its last minute (the warning shows).
    pub fn in_last_minute(&self, now: Moment) -> bool {
        self.remaining_ms(now) <= WARNING_MS
    }

    /// The question on screen is the round's last: moving on finishes it.
    pub fn on_last_question(&self) -> bool {
        self.current + 1 == self.items.len()
    }
}

/// "yes" or "no", for the report's named-or-not lines.
pub fn yes_no(named: bool) -> &'static str {
    if named {
        "yes"
    } else {
        "no"
    }
}

impl Report {
    /// Every question's limit added up.
    pub fn limit_ms(&self) -> i64 {
        self.questions.iter().map(|q| q.limit_ms).sum()
    }

    /// The button to drill the weak questions: "Drill these again (2 questions first)".
    pub fn drill_again_label(&self) -> String {
        let n = self.drill_again.len();
        format!("Drill these again ({n} question{} first)", plural(n))
    }
}

impl QuestionReport {
    /// "not reached", "3:10 of 4:00", "4:00 of 4:00, timed out".
    pub fn time_line(&self) -> String {
        let used = format!(
            "{} of {}",
            format_clock(self.used_ms),
            format_clock(self.limit_ms)
        );
        if !self.reached {
            "not reached".to_string()
        } else if self.timed_out {
            format!("{used}, timed out")
        } else {
            used
        }
    }

    /// "not asked", "answered", "asked, not answered".
    pub fn follow_up_line(&self) -> &'static str {
        match self.follow_up {
            None => "not asked",
            Some(f) if f.answered => "answered",
            Some(_) => "asked, not answered",
        }
    }
}
