//! Card states derived from the review history, and today's queue.
//!
//! A card's schedule is never stored: it is the result of replaying that card's
//! scheduled reviews through FSRS. So a changed question keeps its schedule (it
//! is keyed by id), a removed one keeps its history untouched, and extra
//! practice never moves anything.

use std::collections::HashMap;

use super::bank::Deck;
use super::fsrs::{retrievability, review, CardState, Params, Phase};
use super::progress::{Progress, ReviewKind};
use super::time::{local_day, Moment};

/// A learning card due within this long is shown when nothing else is left,
/// rather than ending the session minutes before it.
pub const LEARN_AHEAD_MS: i64 = 20 * 60_000;

/// The state of every question of a deck, by question index.
#[derive(Clone, Debug, PartialEq)]
pub struct CardStates(pub Vec<CardState>);

impl CardStates {
    /// Replays the deck's scheduled reviews, oldest first.
    pub fn derive(deck: &Deck, progress: &Progress, params: &Params) -> Self {
        let index: HashMap<&str, usize> = deck
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut states = vec![CardState::NEW; deck.questions.len()];
        // `Progress` keeps reviews in time order.
        for r in progress.reviews() {
            if r.kind != ReviewKind::Scheduled || r.card.deck != deck.id {
                continue;
            }
            if let Some(&i) = index.get(r.card.question.as_str()) {
                states[i] = review(params, &states[i], r.grade, r.at.unix_ms);
            }
        }
        Self(states)
    }

    pub fn get(&self, index: usize) -> CardState {
        self.0.get(index).copied().unwrap_or(CardState::NEW)
    }
}

/// Today's review and new cards, in the order they should come.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    /// Review cards due now, least likely to be recalled first.
    pub due: Vec<usize>,
    /// New cards allowed today, topics interleaved.
    pub new: Vec<usize>,
}

impl Queue {
    /// Forgets a card once it has been graded in this session.
    pub fn remove(&mut self, index: usize) {
        self.due.retain(|&i| i != index);
        self.new.retain(|&i| i != index);
    }
}

fn in_topic(deck: &Deck, topic: Option<&str>, index: usize) -> bool {
    topic.is_none_or(|t| deck.questions[index].topic == t)
}

/// How many of the deck's cards had their first scheduled review today.
pub fn new_introduced_today(deck: &Deck, progress: &Progress, now: Moment) -> usize {
    let today = now.local_day();
    let mut first_seen: HashMap<&str, i64> = HashMap::new();
    for r in progress.reviews() {
        if r.kind == ReviewKind::Scheduled && r.card.deck == deck.id {
            first_seen
                .entry(r.card.question.as_str())
                .or_insert(r.at.unix_ms);
        }
    }
    first_seen
        .values()
        .filter(|&&ms| local_day(ms, now.utc_offset_minutes) == today)
        .count()
}

/// Builds today's queue for one topic, or all.
pub fn build_queue(
    deck: &Deck,
    topic: Option<&str>,
    states: &CardStates,
    params: &Params,
    new_allowance: usize,
    now_ms: i64,
) -> Queue {
    let mut due: Vec<(f64, i64, usize)> = (0..deck.questions.len())
        .filter(|&i| in_topic(deck, topic, i))
        .filter_map(|i| {
            let card = states.get(i);
            (card.phase == Phase::Review && card.due_ms <= now_ms).then(|| {
                let r = retrievability(params, &card, now_ms).unwrap_or(0.0);
                (r, card.due_ms, i)
            })
        })
        .collect();
    crate::core::sort::sort_by(&mut due, |a, b| {
        a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });

    // New cards, one topic at a time in turn.
    let mut by_topic: Vec<Vec<usize>> = deck
        .topics
        .iter()
        .map(|t| {
            (0..deck.questions.len())
                .filter(|&i| deck.questions[i].topic == t.slug && in_topic(deck, topic, i))
                .filter(|&i| states.get(i).phase == Phase::New)
                .collect()
        })
        .collect();
    let mut new = Vec::new();
    let mut round = 0;
    while new.len() < new_allowance && by_topic.iter().any(|list| round < list.len()) {
        for list in &mut by_topic {
            if let Some(&i) = list.get(round) {
                if new.len() < new_allowance {
                    new.push(i);
                }
            }
        }
        round += 1;
    }
    by_topic.clear();
    Queue {
        due: due.into_iter().map(|(_, _, i)| i).collect(),
        new,
    }
}

/// The next card: learning cards that are due, then due reviews, then new
/// cards, then learning cards due within the learn-ahead window.
pub fn pick_next(
    deck: &Deck,
    topic: Option<&str>,
    states: &CardStates,
    queue: &Queue,
    now_ms: i64,
) -> Option<usize> {
    let learning_due_by = |limit: i64| {
        (0..deck.questions.len())
            .filter(|&i| in_topic(deck, topic, i))
            .map(|i| (states.get(i), i))
            .filter(|(c, _)| {
                matches!(c.phase, Phase::Learning | Phase::Relearning) && c.due_ms <= limit
            })
            .min_by_key(|(c, i)| (c.due_ms, *i))
            .map(|(_, i)| i)
    };
    learning_due_by(now_ms)
        .or_else(|| queue.due.first().copied())
        .or_else(|| queue.new.first().copied())
        .or_else(|| learning_due_by(now_ms + LEARN_AHEAD_MS))
}

/// Learning and relearning cards of the topic due by `now`.
pub fn learning_due(deck: &Deck, topic: Option<&str>, states: &CardStates, now_ms: i64) -> usize {
    (0..deck.questions.len())
        .filter(|&i| in_topic(deck, topic, i))
        .map(|i| states.get(i))
        .filter(|c| matches!(c.phase, Phase::Learning | Phase::Relearning) && c.due_ms <= now_ms)
        .count()
}

/// When the next card of the topic falls due, if any has been seen.
pub fn next_due(deck: &Deck, topic: Option<&str>, states: &CardStates) -> Option<i64> {
    (0..deck.questions.len())
        .filter(|&i| in_topic(deck, topic, i))
        .map(|i| states.get(i))
        .filter(|c| c.phase != Phase::New)
        .map(|c| c.due_ms)
        .min()
}

/// A short human interval: "1m", "10m", "3h", "4d", "2.5mo", "1.2y".
///
/// Integer arithmetic only: float formatting would add kilobytes to the page.
pub fn format_interval(ms: i64) -> String {
    let minutes = (ms.max(0) + 30_000) / 60_000;
    if minutes < 60 {
        return format!("{}m", minutes.max(1));
    }
    let hours = (minutes + 30) / 60;
    if hours < 24 {
        return format!("{hours}h");
    }
    let days = (hours + 12) / 24;
    if days < 31 {
        return format!("{days}d");
    }
    // Tenths of a month (30.4 days) or of a year, rounded.
    let (tenths, unit) = if days < 365 {
        ((days * 100 + 152) / 304, "mo")
    } else {
        ((days * 10 + 182) / 365, "y")
    };
    if tenths % 10 == 0 {
        format!("{}{unit}", tenths / 10)
    } else {
        format!("{}.{}{unit}", tenths / 10, tenths % 10)
    }
}

/// A share as a whole percentage, without float formatting.
pub fn percent(share: f64) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// "in 5 minutes", "in 3 hours", "tomorrow", "in 4 days".
pub fn describe_wait(from: Moment, due_ms: i64) -> String {
    let wait = due_ms - from.unix_ms;
    if wait <= 60_000 {
        return "now".into();
    }
    let minutes = wait / 60_000;
    if minutes < 60 {
        return format!("in {minutes} minute{}", plural(minutes));
    }
    let days = local_day(due_ms, from.utc_offset_minutes) - from.local_day();
    match days {
        0 => {
            let hours = (minutes + 30) / 60;
            format!("in {hours} hour{}", plural(hours))
        }
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
