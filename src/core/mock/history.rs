//! Past rounds: when, with which set-up, and the report, so any can be
//! reopened. Several tabs finish rounds, so histories merge by set union,
//! keyed by each round's identity (start moment and seed), and keep only the
//! latest `HISTORY_CAP` rounds. Union then cap is still commutative,
//! associative and idempotent: the newest 50 of a union never depend on what
//! a part dropped.

use std::collections::BTreeMap;

use super::{Report, RoundId, RoundSetup};
use crate::core::time::Moment;

/// Rounds kept. A five-question record is under 1 KB of JSON (answers are
/// not kept, only what the report shows), so 50 take about 40 KB of a
/// storage quota shared with the review history.
pub const HISTORY_CAP: usize = 50;

/// One finished round.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoundRecord {
    pub started: Moment,
    pub seed: u64,
    pub deck: String,
    pub setup: RoundSetup,
    pub report: Report,
}

impl RoundRecord {
    pub fn id(&self) -> RoundId {
        RoundId {
            started_ms: self.started.unix_ms,
            seed: self.seed,
        }
    }

    /// The learner's local day the round was played on.
    pub fn day(&self) -> i64 {
        self.started.local_day()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    rounds: BTreeMap<RoundId, RoundRecord>,
}

impl History {
    pub fn from_records(records: impl IntoIterator<Item = RoundRecord>) -> History {
        let mut history = History::default();
        for record in records {
            history.insert(record);
        }
        history.cap();
        history
    }

    /// Adds a round; adding one already here changes nothing.
    pub fn add(&mut self, record: RoundRecord) {
        self.insert(record);
        self.cap();
    }

    /// Takes in another tab's history.
    pub fn merge(&mut self, other: &History) {
        for record in other.rounds.values() {
            self.insert(record.clone());
        }
        self.cap();
    }

    fn insert(&mut self, record: RoundRecord) {
        // The same round finished in two tabs may differ; keep the larger so
        // the result never depends on merge order.
        match self.rounds.get(&record.id()) {
            Some(existing) if *existing >= record => {}
            _ => {
                self.rounds.insert(record.id(), record);
            }
        }
    }

    fn cap(&mut self) {
        while self.rounds.len() > HISTORY_CAP {
            self.rounds.pop_first();
        }
    }

    /// Newest first.
    pub fn rounds(&self) -> impl Iterator<Item = &RoundRecord> {
        self.rounds.values().rev()
    }

    pub fn get(&self, id: RoundId) -> Option<&RoundRecord> {
        self.rounds.get(&id)
    }

    pub fn latest(&self) -> Option<&RoundRecord> {
        self.rounds.values().next_back()
    }

    pub fn len(&self) -> usize {
        self.rounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty()
    }
}
