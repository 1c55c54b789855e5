//! Everything a learner has saved, as a value that merges like a set.
//!
//! Several tabs and widgets write at once, each under its own key. A `Ledger`
//! is what one key holds, or all of them merged: reviews and undone reviews
//! merge by set union, settings by latest change, unknown fields by key. So
//! merging is commutative, associative and idempotent, and the order in which
//! a reader meets the writers' keys never matters.

use std::collections::{BTreeMap, BTreeSet};

use super::answer_note::AnswerNote;
use super::progress::{Progress, Review};
use super::settings::Settings;

/// Settings with the second they were chosen, so the latest choice wins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stamped {
    pub settings: Settings,
    /// Unix seconds.
    pub at: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    pub reviews: BTreeSet<Review>,
    /// Reviews taken back with undo. Kept, so a copy of the review still
    /// sitting in another writer's key cannot bring it back.
    pub undone: BTreeSet<Review>,
    pub settings: Option<Stamped>,
    /// How graded answers were given (typed, aloud, follow-ups), one per review.
    pub notes: BTreeSet<AnswerNote>,
    /// Top-level fields of a newer minor format, by name, as raw JSON.
    pub extra: BTreeMap<String, String>,
}

impl Ledger {
    /// Adds everything `other` knows.
    pub fn merge(&mut self, other: &Ledger) {
        self.reviews.extend(other.reviews.iter().cloned());
        self.undone.extend(other.undone.iter().cloned());
        self.notes.extend(other.notes.iter().cloned());
        self.settings = match (self.settings, other.settings) {
            (Some(a), Some(b)) => Some(latest(a, b)),
            (a, b) => a.or(b),
        };
        for (name, raw) in &other.extra {
            // Keep one value per name whatever the merge order: the larger.
            match self.extra.get(name) {
                Some(existing) if existing >= raw => {}
                _ => {
                    self.extra.insert(name.clone(), raw.clone());
                }
            }
        }
    }

    /// The reviews that count: recorded and not undone.
    pub fn progress(&self) -> Progress {
        Progress::from_reviews(self.reviews.difference(&self.undone).cloned().collect())
    }

    pub fn settings(&self) -> Settings {
        self.settings.map(|s| s.settings).unwrap_or_default()
    }

    /// True when `self` holds nothing that `other` lacks.
    pub fn is_within(&self, other: &Ledger) -> bool {
        self.reviews.is_subset(&other.reviews)
            && self.undone.is_subset(&other.undone)
            && self.notes.is_subset(&other.notes)
            && match (self.settings, other.settings) {
                (None, _) => true,
                (Some(mine), Some(theirs)) => latest(mine, theirs) == theirs,
                (Some(_), None) => false,
            }
            && self
                .extra
                .iter()
                .all(|(k, v)| other.extra.get(k).is_some_and(|o| o >= v))
    }

    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty()
            && self.undone.is_empty()
            && self.notes.is_empty()
            && self.settings.is_none()
            && self.extra.is_empty()
    }
}

/// The later of two settings changes; equal times fall back to comparing the
/// values, so the result never depends on argument order.
fn latest(a: Stamped, b: Stamped) -> Stamped {
    let key = |s: &Stamped| {
        (
            s.at,
            s.settings.new_per_day,
            s.settings.desired_retention.to_bits(),
        )
    };
    if key(&a) >= key(&b) {
        a
    } else {
        b
    }
}
