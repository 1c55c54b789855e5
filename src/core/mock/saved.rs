//! The stored form of a round in progress, and the envelope and parts it
//! shares with the history's: small JSON, separate types from the live model
//! (a stored shape is a promise to every browser that saved one).
//!
//! Reading never panics and never trusts a number: anything inconsistent is
//! an error, and the shell keeps a copy of what it could not read, as it does
//! for progress.

use serde::{Deserialize, Serialize};

use super::{
    AnswerStyle, AskedFollowUp, Ended, Ending, Item, Round, RoundSetup, FOLLOW_UP_MS, MAX_MINUTES,
    MAX_QUESTIONS,
};
use crate::core::persist::{LoadError, APP};
use crate::core::time::Moment;

pub(super) const VERSION: u64 = 1;
const ROUND_KIND: &str = "mock-round";
/// No question has more key points or follow-ups than this; a stored count
/// above it is damage, not content (and must not size an allocation).
pub(super) const MAX_PARTS: usize = 64;

#[derive(Serialize, Deserialize)]
pub(super) struct MomentV1 {
    t: i64,
    tz: i32,
}

impl From<Moment> for MomentV1 {
    fn from(m: Moment) -> Self {
        Self {
            t: m.unix_ms,
            tz: m.utc_offset_minutes,
        }
    }
}

impl MomentV1 {
    pub(super) fn moment(&self) -> Result<Moment, LoadError> {
        // Offsets on Earth are within ±14 hours.
        if self.tz.abs() > 16 * 60 {
            return Err(shape("a time zone offset is out of range"));
        }
        Ok(Moment::new(self.t, self.tz))
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct SetupV1 {
    n: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<u8>,
    /// "typed" or "aloud".
    style: String,
}

impl From<&RoundSetup> for SetupV1 {
    fn from(s: &RoundSetup) -> Self {
        Self {
            n: s.questions,
            topics: s.topics.clone(),
            min: s.minutes,
            style: match s.style {
                AnswerStyle::Typed => "typed",
                AnswerStyle::Aloud => "aloud",
            }
            .into(),
        }
    }
}

impl SetupV1 {
    pub(super) fn setup(self) -> Result<RoundSetup, LoadError> {
        let style = match self.style.as_str() {
            "typed" => AnswerStyle::Typed,
            "aloud" => AnswerStyle::Aloud,
            other => return Err(shape(&format!("unknown answer style `{other}`"))),
        };
        if !(1..=MAX_QUESTIONS).contains(&self.n)
            || self.min.is_some_and(|m| !(1..=MAX_MINUTES).contains(&m))
        {
            return Err(shape("the round's set-up is out of range"));
        }
        Ok(RoundSetup {
            questions: self.n,
            topics: self.topics,
            minutes: self.min,
            style,
        })
    }
}

pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Serialize, Deserialize)]
struct FollowUpV1 {
    i: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    ans: String,
    #[serde(default, skip_serializing_if = "is_false")]
    said: bool,
}

#[derive(Serialize, Deserialize)]
struct EndedV1 {
    t: i64,
    tz: i32,
    /// "moved", "time" or "stop".
    how: String,
}

#[derive(Serialize, Deserialize)]
struct ItemV1 {
    q: String,
    limit: i64,
    used: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    ans: String,
    /// Key points ticked, by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    chk: Vec<usize>,
    /// How many key points the question has.
    pts: usize,
    #[serde(default, skip_serializing_if = "is_false")]
    f: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    x: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fu: Option<FollowUpV1>,
    /// How many follow-ups the question has.
    nfu: usize,
    #[serde(default, skip_serializing_if = "is_false")]
    warned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<EndedV1>,
}

#[derive(Serialize, Deserialize)]
struct RoundV1 {
    app: String,
    v: u64,
    kind: String,
    deck: String,
    seed: u64,
    start: MomentV1,
    setup: SetupV1,
    cur: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since: Option<MomentV1>,
    items: Vec<ItemV1>,
}

/// Only the envelope, read first so a foreign or newer value is named as such
/// rather than as a shape error.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    app: String,
    #[serde(default)]
    v: u64,
    #[serde(default)]
    kind: String,
}

pub(super) fn shape(what: &str) -> LoadError {
    LoadError::WrongShape(what.to_string())
}

pub(super) fn check_envelope(text: &str, kind: &str) -> Result<(), LoadError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            shape("expected a JSON object")
        } else {
            LoadError::NotJson(e.to_string())
        }
    })?;
    if envelope.app != APP {
        return Err(LoadError::NotOurs);
    }
    if envelope.v > VERSION {
        return Err(LoadError::NewerVersion(envelope.v));
    }
    if envelope.v != VERSION || envelope.kind != kind {
        return Err(shape(&format!(
            "expected {kind} version {VERSION}, found {} version {}",
            envelope.kind, envelope.v
        )));
    }
    Ok(())
}

pub(super) fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| shape(&e.to_string()))
}

pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string(value).unwrap_or_default()
}

/// The round as stored under `ROUND_KEY`.
pub fn encode_round(round: &Round) -> String {
    to_json(&RoundV1 {
        app: APP.into(),
        v: VERSION,
        kind: ROUND_KIND.into(),
        deck: round.deck.clone(),
        seed: round.seed,
        start: round.started.into(),
        setup: (&round.setup).into(),
        cur: round.current,
        since: round.running_since.map(Into::into),
        items: round
            .items
            .iter()
            .map(|item| ItemV1 {
                q: item.question.clone(),
                limit: item.limit_ms,
                used: item.used_ms,
                ans: item.answer.clone(),
                chk: (0..item.checked.len())
                    .filter(|&i| item.checked[i])
                    .collect(),
                pts: item.checked.len(),
                f: item.named_failure,
                x: item.named_trade_off,
                fu: item.follow_up.as_ref().map(|f| FollowUpV1 {
                    i: f.index,
                    ans: f.answer.clone(),
                    said: f.said,
                }),
                nfu: item.follow_ups,
                warned: item.warned,
                end: item.ended.map(|e| EndedV1 {
                    t: e.at.unix_ms,
                    tz: e.at.utc_offset_minutes,
                    how: match e.how {
                        Ending::Moved => "moved",
                        Ending::TimedOut => "time",
                        Ending::Stopped => "stop",
                    }
                    .into(),
                }),
            })
            .collect(),
    })
}

/// Reads a stored round back, exactly as it was saved (resume it with a
/// `Tick` at the current moment). Anything inconsistent is an error.
pub fn decode_round(text: &str) -> Result<Round, LoadError> {
    check_envelope(text, ROUND_KIND)?;
    let stored: RoundV1 = parse(text)?;
    if stored.items.is_empty() || stored.items.len() > MAX_QUESTIONS {
        return Err(shape("a round has 1 to 20 questions"));
    }
    if stored.cur > stored.items.len() {
        return Err(shape("the current question is past the end"));
    }
    let current = stored.cur;
    let mut stopped = false;
    let items = stored
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            // Questions before the current one have ended, except those
            // after the one a round was stopped on: never reached.
            let expected = i < current && !stopped;
            stopped |= item.end.as_ref().is_some_and(|e| e.how == "stop");
            item_from(item, expected)
        })
        .collect::<Result<Vec<Item>, LoadError>>()?;
    if stopped && current < items.len() {
        return Err(shape("a round stopped early goes on"));
    }
    let mut round = Round {
        deck: stored.deck,
        setup: stored.setup.setup()?,
        seed: stored.seed,
        started: stored.start.moment()?,
        items,
        current,
        running_since: stored.since.map(|m| m.moment()).transpose()?,
        announcement: String::new(),
    };
    if round.is_finished() {
        round.running_since = None;
    }
    round.announcement = if round.is_finished() {
        "Mock round restored: it is over.".into()
    } else {
        format!(
            "Mock round restored: question {} of {}{}.",
            round.current + 1,
            round.items.len(),
            if round.is_paused() { ", paused" } else { "" }
        )
    };
    Ok(round)
}

/// The longest a question can last: the most minutes and a follow-up.
const MAX_LIMIT_MS: i64 = MAX_MINUTES as i64 * 60_000 + FOLLOW_UP_MS;

pub(super) fn times_fit(used: i64, limit: i64) -> bool {
    0 < limit && limit <= MAX_LIMIT_MS && 0 <= used && used <= limit
}

fn item_from(item: ItemV1, ended: bool) -> Result<Item, LoadError> {
    if !times_fit(item.used, item.limit) {
        return Err(shape(&format!("`{}` has impossible times", item.q)));
    }
    if item.pts > MAX_PARTS || item.nfu > MAX_PARTS || item.chk.iter().any(|&c| c >= item.pts) {
        return Err(shape(&format!("`{}` has impossible key points", item.q)));
    }
    if item.fu.as_ref().is_some_and(|f| f.i >= item.nfu) {
        return Err(shape(&format!("`{}` has an unknown follow-up", item.q)));
    }
    if item.end.is_some() != ended {
        return Err(shape(&format!(
            "`{}` is out of step with the round",
            item.q
        )));
    }
    let ended = match item.end {
        None => None,
        Some(e) => Some(Ended {
            at: MomentV1 { t: e.t, tz: e.tz }.moment()?,
            how: match e.how.as_str() {
                "moved" => Ending::Moved,
                "time" => Ending::TimedOut,
                "stop" => Ending::Stopped,
                other => return Err(shape(&format!("unknown ending `{other}`"))),
            },
        }),
    };
    let mut checked = vec![false; item.pts];
    for c in item.chk {
        if let Some(slot) = checked.get_mut(c) {
            *slot = true;
        }
    }
    Ok(Item {
        question: item.q,
        limit_ms: item.limit,
        used_ms: item.used,
        answer: item.ans,
        checked,
        named_failure: item.f,
        named_trade_off: item.x,
        follow_up: item.fu.map(|f| AskedFollowUp {
            index: f.i,
            answer: f.ans,
            said: f.said,
        }),
        follow_ups: item.nfu,
        warned: item.warned,
        ended,
    })
}
