//! The learner's progress: a history of reviews.
//!
//! Each review is an immutable event whose identity is its content (card,
//! millisecond, grade, kind, offset), as Anki identifies reviews by their
//! millisecond: two real reviews of one card never share all of these, so equal
//! events are the same event and histories from several tabs merge by set
//! union. Everything the UI shows
//! about progress (per-card summaries, today's count) is derived here.

use std::collections::HashMap;

use super::time::{local_day, Moment};

/// A self-grade, from forgotten to effortless.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| *g as u8 == n)
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }
}

/// Which card a review is about: a question of a deck. Both ids come from content.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardKey {
    pub deck: String,
    pub question: String,
}

impl CardKey {
    pub fn new(deck: &str, question: &str) -> Self {
        Self {
            deck: deck.to_string(),
            question: question.to_string(),
        }
    }
}

/// Whether a review counts towards the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum ReviewKind {
    /// A review from today's queue: it moves the card's schedule.
    #[default]
    Scheduled,
    /// Extra practice: recorded, but the schedule ignores it.
    Cram,
}

/// One review: which card was graded how, and when. Ordered by time first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    /// Part of the review's identity, to the millisecond.
    pub at: Moment,
    pub card: CardKey,
    pub grade: Grade,
    pub kind: ReviewKind,
}

/// What the learner has done with one card so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardSummary {
    pub reviews: u32,
    pub last_grade: Grade,
    pub last_at_ms: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    reviews: Vec<Review>,
}

/// The figures of the progress line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressLine {
    pub seen_today: usize,
    pub seen_total: usize,
    pub grade_counts: [usize; 4],
}

impl Progress {
    pub fn from_reviews(mut reviews: Vec<Review>) -> Self {
        crate::core::sort::sort(&mut reviews);
        reviews.dedup();
        Self { reviews }
    }

    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    /// Adds a review in order; a review already present is not added twice.
    pub fn record(&mut self, review: Review) {
        if let Err(index) = self.reviews.binary_search(&review) {
            self.reviews.insert(index, review);
        }
    }

    /// Removes a review (undo). Returns whether it was there.
    pub fn remove(&mut self, review: &Review) -> bool {
        match self.reviews.binary_search(review) {
            Ok(index) => {
                self.reviews.remove(index);
                true
            }
            Err(_) => false,
        }
    }

    /// Per-card summaries of one deck, keyed by question id.
    pub fn summaries(&self, deck: &str) -> HashMap<&str, CardSummary> {
        let mut out: HashMap<&str, CardSummary> = HashMap::new();
        for review in self.reviews.iter().filter(|r| r.card.deck == deck) {
            let entry = out
                .entry(review.card.question.as_str())
                .or_insert(CardSummary {
                    reviews: 0,
                    last_grade: review.grade,
                    last_at_ms: review.at.unix_ms,
                });
            entry.reviews += 1;
            entry.last_grade = review.grade;
            entry.last_at_ms = review.at.unix_ms;
        }
        out
    }

    /// Seen today (in the learner's current time zone), seen ever, and how
    /// many reviews got each grade, for the given questions of one deck.
    pub fn line(&self, deck: &str, questions: &[&str], now: Moment) -> ProgressLine {
        let today = now.local_day();
        let mut line = ProgressLine::default();
        let mut seen: Vec<&str> = Vec::new();
        let mut seen_today: Vec<&str> = Vec::new();
        let in_scope =
            |r: &&Review| r.card.deck == deck && questions.contains(&r.card.question.as_str());
        for review in self.reviews.iter().filter(in_scope) {
            let id = review.card.question.as_str();
            line.grade_counts[usize::from(review.grade.number() - 1)] += 1;
            if !seen.contains(&id) {
                seen.push(id);
            }
            if local_day(review.at.unix_ms, now.utc_offset_minutes) == today
                && !seen_today.contains(&id)
            {
                seen_today.push(id);
            }
        }
        line.seen_total = seen.len();
        line.seen_today = seen_today.len();
        line
    }
}
