//! Statistics derived from a review history: streaks, today, forecast, topics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_drill::core::bank::Deck;
use interview_drill::core::fsrs::Params;
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::schedule::CardStates;
use interview_drill::core::stats::{stats, Stats, FORECAST_DAYS};
use interview_drill::core::time::Moment;

use common::{deck, DAY, MINUTE};

/// 2026-03-10 12:00 UTC. Not `common::T0`: these tests count days in UTC
/// (offset 0) from their own moment, so it stays here.
const NOW: i64 = 1_773_144_000_000;

fn history(days_ago: &[i64]) -> Progress {
    let deck = deck();
    Progress::from_reviews(
        days_ago
            .iter()
            .enumerate()
            .map(|(n, d)| Review {
                at: Moment::new(NOW - d * DAY - n as i64, 0),
                card: CardKey::new(&deck.id, &deck.questions[n % 3].id),
                grade: Grade::Good,
                kind: ReviewKind::Scheduled,
            })
            .collect(),
    )
}

fn stats_now(deck: &Deck, progress: &Progress) -> Stats {
    let params = Params::default();
    let states = CardStates::derive(deck, progress, &params);
    stats(deck, &states, progress, &params, Moment::new(NOW, 0))
}

#[test]
fn streaks_count_consecutive_days_ending_today_or_yesterday() {
    let deck = deck();
    // (days with reviews, counted back from now) -> (streak, reviews today,
    // forecast). A single Good puts a new card on its 10-minute learning
    // step, so it is due today (or overdue, which counts as today).
    let rows: Vec<(Vec<i64>, u32, usize, [usize; FORECAST_DAYS])> = vec![
        (vec![], 0, 0, [0; FORECAST_DAYS]),
        (vec![0], 1, 1, [1, 0, 0, 0, 0, 0, 0]),
        // The first card's second Good, two days after its first, graduates
        // it with a stability of about 11 days: due after the forecast's week.
        (vec![0, 0, 1, 2], 3, 2, [2, 0, 0, 0, 0, 0, 0]),
        (vec![1, 2, 3], 3, 0, [3, 0, 0, 0, 0, 0, 0]),
        (vec![0, 2, 3], 1, 1, [3, 0, 0, 0, 0, 0, 0]),
        (vec![2, 3], 0, 0, [2, 0, 0, 0, 0, 0, 0]),
    ];
    for (days, streak, today, forecast) in rows {
        let progress = history(&days);
        let s = stats_now(&deck, &progress);
        assert_eq!(
            (s.streak_days, s.reviews_today),
            (streak, today),
            "{days:?}"
        );
        let seen: usize = s.topics.iter().map(|t| t.learning + t.review).sum();
        assert_eq!(seen, days.len().min(3), "{days:?}");
        assert_eq!(s.forecast, forecast, "{days:?}");
    }
}

#[test]
fn the_forecast_counts_each_seen_card_on_the_day_it_falls_due() {
    let deck = deck();
    // (question, when, grade). A new card graded Easy graduates at once with
    // FSRS-6's initial Easy stability of 8.2956 days, an 8-day interval at the
    // default 90% retention, so an Easy review d days ago falls due in 8 - d
    // days. Again and Good put a new card on a 1- or 10-minute step.
    let reviews: [(usize, i64, Grade); 9] = [
        // Due two days ago: overdue counts as today.
        (0, NOW - 10 * DAY, Grade::Easy),
        // A learning step missed four days ago: today.
        (1, NOW - 4 * DAY, Grade::Again),
        // Due 10 minutes after an hour ago: today.
        (2, NOW - 60 * MINUTE, Grade::Good),
        (3, NOW - 7 * DAY, Grade::Easy),
        (4, NOW - 6 * DAY, Grade::Easy),
        (5, NOW - 3 * DAY, Grade::Easy),
        (6, NOW - 3 * DAY, Grade::Easy),
        (7, NOW - 2 * DAY, Grade::Easy),
        // Due in 7 days: the day after the forecast's last.
        (8, NOW - DAY, Grade::Easy),
    ];
    let mut all: Vec<Review> = reviews
        .iter()
        .map(|&(q, at, grade)| Review {
            at: Moment::new(at, 0),
            card: CardKey::new(&deck.id, &deck.questions[q].id),
            grade,
            kind: ReviewKind::Scheduled,
        })
        .collect();
    // Extra practice never schedules a card: question 9 stays new and out of
    // the forecast, though it counts as reviewed today.
    all.push(Review {
        at: Moment::new(NOW - MINUTE, 0),
        card: CardKey::new(&deck.id, &deck.questions[9].id),
        grade: Grade::Again,
        kind: ReviewKind::Cram,
    });
    let s = stats_now(&deck, &Progress::from_reviews(all));
    assert_eq!(s.forecast, [3, 1, 1, 0, 0, 2, 1]);
    assert_eq!(s.reviews_today, 2);
    let seen: usize = s.topics.iter().map(|t| t.learning + t.review).sum();
    assert_eq!(seen, 9);
}
