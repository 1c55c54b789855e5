//! Past rounds: when, with which set-up, and the report, so any can be
//! reopened. Several tabs finish rounds, so histories merge by set union,
//! keyed by each round's identity (start moment and seed), and keep only the
//! latest `HISTORY_CAP` rounds. Union then cap is still commutative,
//! associative and idempotent: the newest 50 of a union never depend on what
//! a part dropped.
//!
//! The stored form keeps what the report shows, not the answers: scores, the
//! weakest topic and the drill-again list are derived again on reading.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::report::{question_score, FollowUpReport, QuestionReport};
use super::saved::{
    check_envelope, is_false, parse, shape, times_fit, to_json, MomentV1, SetupV1, MAX_PARTS,
    VERSION,
};
use super::{Report, RoundId, RoundSetup, MAX_QUESTIONS};
use crate::core::persist::{LoadError, APP};
use crate::core::progress::Grade;
use crate::core::time::Moment;

const HISTORY_KIND: &str = "mock-history";

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

#[derive(Serialize, Deserialize)]
struct QuestionV1 {
    q: String,
    topic: String,
    used: i64,
    limit: i64,
    #[serde(default, skip_serializing_if = "is_false")]
    out: bool,
    /// Key points covered, by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pts: Vec<usize>,
    /// How many key points the question has.
    of: usize,
    #[serde(default, skip_serializing_if = "is_false")]
    f: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    x: bool,
    /// The follow-up asked (by index) and whether it was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fu: Option<(usize, bool)>,
    /// 1 Again to 4 Easy; absent when the question was not reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    g: Option<u8>,
}

#[derive(Serialize, Deserialize)]
struct RecordV1 {
    start: MomentV1,
    seed: u64,
    deck: String,
    setup: SetupV1,
    qs: Vec<QuestionV1>,
}

#[derive(Serialize, Deserialize)]
struct HistoryV1 {
    app: String,
    v: u64,
    kind: String,
    rounds: Vec<RecordV1>,
}

/// The history as stored under `HISTORY_KEY`, oldest round first. Scores,
/// the weakest topic and the drill-again list are derived again on reading,
/// so they are not stored.
pub fn encode_history(history: &History) -> String {
    let mut rounds: Vec<RecordV1> = history
        .rounds()
        .map(|r| RecordV1 {
            start: r.started.into(),
            seed: r.seed,
            deck: r.deck.clone(),
            setup: (&r.setup).into(),
            qs: r
                .report
                .questions
                .iter()
                .map(|q| QuestionV1 {
                    q: q.question.clone(),
                    topic: q.topic.clone(),
                    used: q.used_ms,
                    limit: q.limit_ms,
                    out: q.timed_out,
                    pts: q.covered.clone(),
                    of: q.points,
                    f: q.names_failure,
                    x: q.names_trade_off,
                    fu: q.follow_up.map(|f| (f.index, f.answered)),
                    g: q.grade.map(Grade::number),
                })
                .collect(),
        })
        .collect();
    rounds.reverse();
    to_json(&HistoryV1 {
        app: APP.into(),
        v: VERSION,
        kind: HISTORY_KIND.into(),
        rounds,
    })
}

pub fn decode_history(text: &str) -> Result<History, LoadError> {
    check_envelope(text, HISTORY_KIND)?;
    let stored: HistoryV1 = parse(text)?;
    let records = stored
        .rounds
        .into_iter()
        .map(record_from)
        .collect::<Result<Vec<RoundRecord>, LoadError>>()?;
    Ok(History::from_records(records))
}

fn record_from(r: RecordV1) -> Result<RoundRecord, LoadError> {
    if r.qs.len() > MAX_QUESTIONS {
        return Err(shape("a round has 1 to 20 questions"));
    }
    let questions = r
        .qs
        .into_iter()
        .map(|q| {
            if q.of > MAX_PARTS || q.pts.iter().any(|&p| p >= q.of) || !times_fit(q.used, q.limit) {
                return Err(shape(&format!("`{}` has impossible figures", q.q)));
            }
            let grade =
                q.g.map(|g| Grade::from_number(g).ok_or_else(|| shape("a grade is out of range")))
                    .transpose()?;
            let follow_up =
                q.fu.map(|(index, answered)| FollowUpReport { index, answered });
            let reached = grade.is_some();
            let score = if reached {
                question_score(q.pts.len(), q.of, q.f, q.x, follow_up)
            } else {
                0
            };
            Ok(QuestionReport {
                question: q.q,
                topic: q.topic,
                reached,
                used_ms: q.used,
                limit_ms: q.limit,
                timed_out: q.out,
                covered: q.pts,
                points: q.of,
                names_failure: q.f,
                names_trade_off: q.x,
                follow_up,
                grade,
                score,
            })
        })
        .collect::<Result<Vec<QuestionReport>, LoadError>>()?;
    Ok(RoundRecord {
        started: r.start.moment()?,
        seed: r.seed,
        deck: r.deck,
        setup: r.setup.setup()?,
        report: Report::from_questions(questions),
    })
}
