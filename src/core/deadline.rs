//! Scheduling towards an interview date: cards the schedule would leave
//! unseen until after the interview (new cards beyond the daily limit, and
//! reviews falling due after it) are brought forward, so every card is seen
//! at least once before the interview.
//!
//! "Seen" means a scheduled review since the plan began (its first day):
//! once a brought-forward card is reviewed, FSRS pushes it past the
//! interview again, and without that window it would come back every day.
//!
//! The work is spread over the days left: each day takes ceil(left / days
//! left) of the cards still unseen at the start of that day, so the share
//! does not change as the learner works through it, and the last day takes
//! what remains. New cards come first (they need learning steps and more
//! than one day), then late reviews, soonest due first, so those already
//! known are refreshed nearest the interview.
//!
//! None of this changes `schedule`: without an interview date nothing is
//! called and the queue is exactly what it was.

use std::collections::BTreeSet;

use super::bank::Deck;
use super::fsrs::{Params, Phase};
use super::progress::{Progress, ReviewKind};
use super::schedule::{CardStates, Queue};
use super::time::{local_day, Moment};

const MS_PER_DAY: i64 = 86_400_000;

/// The days a plan prepares over: from `first_day` to the day before the
/// interview (local days, see `time::local_day`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrepWindow {
    pub first_day: i64,
    pub interview_day: i64,
}

/// Where each card still to be brought forward is planned, from today to the
/// day before the interview, in the order they come.
pub fn spread(
    deck: &Deck,
    topic: Option<&str>,
    progress: &Progress,
    params: &Params,
    window: &PrepWindow,
    now: Moment,
) -> Vec<(usize, i64)> {
    let today = now.local_day();
    let days_left = window.interview_day - today;
    if days_left <= 0 || today < window.first_day {
        return Vec::new();
    }
    let start = states_at_day_start(deck, progress, params, now);
    let mut pending = unseen(deck, topic, &start, window, now.utc_offset_minutes).into_iter();
    let mut left = pending.len() as i64;
    let mut out = Vec::new();
    for d in 0..days_left {
        let share = (left + days_left - d - 1) / (days_left - d);
        for card in pending.by_ref().take(share as usize) {
            out.push((card, today + d));
        }
        left -= share;
    }
    out
}

/// Today's share of the cards brought forward, less those already reviewed
/// today: add them to today's queue with `extend_queue`. Empty without an
/// interview date, on the interview day and after it.
pub fn bring_forward(
    deck: &Deck,
    topic: Option<&str>,
    progress: &Progress,
    params: &Params,
    window: Option<&PrepWindow>,
    now: Moment,
) -> Vec<usize> {
    let Some(window) = window else {
        return Vec::new();
    };
    let today = now.local_day();
    let reviewed_today = reviewed_on(deck, progress, now);
    spread(deck, topic, progress, params, window, now)
        .into_iter()
        .filter(|&(card, day)| day == today && !reviewed_today.contains(&card))
        .map(|(card, _)| card)
        .collect()
}

/// Adds brought-forward cards to today's queue: new ones after the day's new
/// cards, the rest after the due reviews; a card already queued stays put.
pub fn extend_queue(queue: &mut Queue, extra: &[usize], states: &CardStates) {
    for &card in extra {
        if queue.due.contains(&card) || queue.new.contains(&card) {
            continue;
        }
        match states.get(card).phase {
            Phase::New => queue.new.push(card),
            Phase::Review => queue.due.push(card),
            // Learning steps come back on their own, minutes apart.
            Phase::Learning | Phase::Relearning => {}
        }
    }
}

/// Card states as they were when today began, so today's share is fixed for
/// the day.
fn states_at_day_start(
    deck: &Deck,
    progress: &Progress,
    params: &Params,
    now: Moment,
) -> CardStates {
    let start_ms = day_start_ms(now);
    let before = Progress::from_reviews(
        progress
            .reviews()
            .iter()
            .take_while(|r| r.at.unix_ms < start_ms)
            .cloned()
            .collect(),
    );
    CardStates::derive(deck, &before, params)
}

fn day_start_ms(now: Moment) -> i64 {
    now.local_day() * MS_PER_DAY - i64::from(now.utc_offset_minutes) * 60_000
}

/// Cards with a scheduled review today.
fn reviewed_on(deck: &Deck, progress: &Progress, now: Moment) -> BTreeSet<usize> {
    let start_ms = day_start_ms(now);
    progress
        .reviews()
        .iter()
        .filter(|r| r.at.unix_ms >= start_ms && r.kind == ReviewKind::Scheduled)
        .filter(|r| r.card.deck == deck.id)
        .filter_map(|r| deck.questions.iter().position(|q| q.id == r.card.question))
        .collect()
}

/// Cards of the topic not seen since the window began and not due by the
/// interview: new cards (topics taking turns, as in today's queue), then the
/// late reviews, soonest due first.
fn unseen(
    deck: &Deck,
    topic: Option<&str>,
    states: &CardStates,
    window: &PrepWindow,
    offset: i32,
) -> Vec<usize> {
    let in_scope = |i: usize| {
        deck.questions
            .get(i)
            .is_some_and(|q| topic.is_none_or(|t| q.topic == t))
    };
    let mut by_topic: Vec<Vec<usize>> = deck
        .topics
        .iter()
        .map(|t| {
            (0..deck.questions.len())
                .filter(|&i| in_scope(i) && deck.questions[i].topic == t.slug)
                .filter(|&i| states.get(i).phase == Phase::New)
                .collect()
        })
        .collect();
    // Questions whose topic the deck does not list still count.
    by_topic.push(
        (0..deck.questions.len())
            .filter(|&i| in_scope(i) && states.get(i).phase == Phase::New)
            .filter(|&i| {
                !deck
                    .topics
                    .iter()
                    .any(|t| t.slug == deck.questions[i].topic)
            })
            .collect(),
    );
    let mut out = Vec::new();
    let longest = by_topic.iter().map(Vec::len).max().unwrap_or(0);
    for turn in 0..longest {
        out.extend(by_topic.iter().filter_map(|list| list.get(turn)));
    }
    let mut late: Vec<(i64, usize)> = (0..deck.questions.len())
        .filter(|&i| in_scope(i))
        .filter_map(|i| {
            let card = states.get(i);
            let seen = card
                .last_review_ms
                .is_some_and(|ms| local_day(ms, offset) >= window.first_day);
            let late = local_day(card.due_ms, offset) > window.interview_day;
            (card.phase != Phase::New && late && !seen).then_some((card.due_ms, i))
        })
        .collect();
    crate::core::sort::sort(&mut late);
    out.extend(late.into_iter().map(|(_, i)| i));
    out
}
