//! Scheduling towards an interview date: every card is seen before the
//! interview, the work spread over the days left, and nothing changes
//! without a date.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_drill::core::bank::Deck;
use interview_drill::core::deadline::{bring_forward, extend_queue, spread, PrepWindow};
use interview_drill::core::fsrs::{review, CardState, Params, Phase};
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::schedule::{build_queue, new_introduced_today, CardStates};
use interview_drill::core::time::{local_day, Moment};

use common::{deck, noon, MONDAY, OFFSET};

fn scheduled(deck: &Deck, index: usize, grade: Grade, at: Moment) -> Review {
    Review {
        at,
        card: CardKey::new(&deck.id, &deck.questions[index].id),
        grade,
        kind: ReviewKind::Scheduled,
    }
}

/// Every card answered Easy at each due date from a year back, until it
/// falls due after `after_day`: a learner who knows the deck well.
fn well_known(deck: &Deck, params: &Params, after_day: i64) -> Progress {
    let mut reviews = Vec::new();
    for index in 0..deck.questions.len() {
        let mut state = CardState::NEW;
        let mut at = noon(MONDAY - 365).unix_ms + index as i64 * 60_000;
        loop {
            reviews.push(scheduled(deck, index, Grade::Easy, Moment::new(at, OFFSET)));
            state = review(params, &state, Grade::Easy, at);
            if local_day(state.due_ms, OFFSET) > after_day {
                break;
            }
            at = state.due_ms;
        }
    }
    Progress::from_reviews(reviews)
}

/// Plays every day of the window: today's queue plus what is brought forward,
/// each card answered Good once. Returns the final progress and how many
/// cards each day's queue gained.
fn play(
    deck: &Deck,
    params: &Params,
    mut progress: Progress,
    window: &PrepWindow,
    new_per_day: usize,
) -> (Progress, Vec<usize>) {
    let mut brought = Vec::new();
    for day in window.first_day..window.interview_day {
        let now = noon(day);
        let states = CardStates::derive(deck, &progress, params);
        let allowance = new_per_day.saturating_sub(new_introduced_today(deck, &progress, now));
        let mut queue = build_queue(deck, None, &states, params, allowance, now.unix_ms);
        let extra = bring_forward(deck, None, &progress, params, Some(window), now);
        let before = queue.due.len() + queue.new.len();
        extend_queue(&mut queue, &extra, &states);
        brought.push(queue.due.len() + queue.new.len() - before);
        for (n, &card) in queue.due.iter().chain(&queue.new).enumerate() {
            progress.record(scheduled(
                deck,
                card,
                Grade::Good,
                Moment::new(now.unix_ms + n as i64 * 1000, OFFSET),
            ));
        }
        // Asking again later the same day brings nothing more.
        let later = Moment::new(now.unix_ms + 3_600_000, OFFSET);
        let again = bring_forward(deck, None, &progress, params, Some(window), later);
        assert!(again.is_empty(), "day {day}: {again:?}");
    }
    (progress, brought)
}

/// Seen since the window began, or due by the interview.
fn ready(deck: &Deck, params: &Params, progress: &Progress, window: &PrepWindow) -> Vec<String> {
    let states = CardStates::derive(deck, progress, params);
    (0..deck.questions.len())
        .filter(|&i| {
            let card = states.get(i);
            let seen = card
                .last_review_ms
                .is_some_and(|ms| local_day(ms, OFFSET) >= window.first_day);
            let due =
                card.phase != Phase::New && local_day(card.due_ms, OFFSET) <= window.interview_day;
            !(seen || due)
        })
        .map(|i| deck.questions[i].id.clone())
        .collect()
}

#[test]
fn every_card_is_seen_before_the_interview() {
    let deck = deck();
    let params = Params::default();
    let n = deck.questions.len();
    // The deck's cards over `days` days, the first days taking one more.
    let split = |days: usize| -> Vec<usize> {
        (0..days)
            .map(|d| n / days + usize::from(d < n % days))
            .collect()
    };
    // Less the day's own new cards.
    let beyond = |days: usize, own: usize| -> Vec<usize> {
        split(days).iter().map(|c| c.saturating_sub(own)).collect()
    };
    assert_eq!(n, 88, "the rows below are worked out for 88 questions");
    // Each row: days to the interview, how the deck stands, new cards a day,
    // then the cards brought forward on each day.
    let rows: Vec<(i64, &str, usize, Vec<usize>)> = vec![
        // All 88 known and due long after: 13, 13, 13, 13, 12, 12, 12.
        (7, "known", 10, vec![13, 13, 13, 13, 12, 12, 12]),
        (3, "known", 10, split(3)),
        (1, "known", 10, vec![n]),
        // A fresh deck at 10 new a day does not fit in 7 days (70 of 88):
        // 13 or 12 a day, of which 10 are the day's own...
        (7, "fresh", 10, beyond(7, 10)),
        // ...and at 2 a day, 11 or 10 more.
        (7, "fresh", 2, beyond(7, 2)),
    ];
    for (ahead, stands, new_per_day, expected) in rows {
        let window = PrepWindow {
            first_day: MONDAY,
            interview_day: MONDAY + ahead,
        };
        let progress = match stands {
            "known" => well_known(&deck, &params, MONDAY + 30),
            _ => Progress::default(),
        };
        assert!(
            !ready(&deck, &params, &progress, &window).is_empty(),
            "{ahead} {stands}: something to do"
        );
        let planned = spread(&deck, None, &progress, &params, &window, noon(MONDAY));
        assert!(
            planned
                .iter()
                .all(|&(_, day)| day >= MONDAY && day < MONDAY + ahead),
            "{ahead} {stands}: every planned day is before the interview"
        );
        let (after, brought) = play(&deck, &params, progress, &window, new_per_day);
        assert_eq!(brought, expected, "{ahead} {stands} at {new_per_day} a day");
        assert_eq!(
            ready(&deck, &params, &after, &window),
            Vec::<String>::new(),
            "{ahead} {stands}: every card seen or due by the interview"
        );
    }
}

#[test]
fn nothing_changes_without_a_date_or_once_it_has_come() {
    let deck = deck();
    let params = Params::default();
    let progress = well_known(&deck, &params, MONDAY + 30);
    let states = CardStates::derive(&deck, &progress, &params);
    let window = PrepWindow {
        first_day: MONDAY,
        interview_day: MONDAY + 5,
    };
    // Each row: the window (or none), the day asked.
    let rows = [
        (None, MONDAY),
        (Some(&window), MONDAY + 5),
        (Some(&window), MONDAY + 9),
        (Some(&window), MONDAY - 1),
    ];
    for (i, (window, day)) in rows.into_iter().enumerate() {
        let now = noon(day);
        let queue = build_queue(&deck, None, &states, &params, 10, now.unix_ms);
        let extra = bring_forward(&deck, None, &progress, &params, window, now);
        assert!(extra.is_empty(), "row {i}: {extra:?}");
        let mut extended = queue.clone();
        extend_queue(&mut extended, &extra, &states);
        assert_eq!(extended, queue, "row {i}");
    }
}

#[test]
fn a_topic_brings_forward_only_its_own_cards() {
    let deck = deck();
    let params = Params::default();
    let progress = well_known(&deck, &params, MONDAY + 30);
    let window = PrepWindow {
        first_day: MONDAY,
        interview_day: MONDAY + 3,
    };
    let extra = bring_forward(
        &deck,
        Some("async-queues"),
        &progress,
        &params,
        Some(&window),
        noon(MONDAY),
    );
    let topic = deck
        .questions
        .iter()
        .filter(|q| q.topic == "async-queues")
        .count();
    assert_eq!(extra.len(), topic.div_ceil(3), "{topic} cards over 3 days");
    assert!(extra
        .iter()
        .all(|&i| deck.questions[i].topic == "async-queues"));
    // Late reviews come soonest due first.
    let states = CardStates::derive(&deck, &progress, &params);
    let dues: Vec<i64> = extra.iter().map(|&i| states.get(i).due_ms).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
}
