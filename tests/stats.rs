//! Statistics derived from a review history: streaks, today, forecast, topics.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::fsrs::Params;
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::schedule::CardStates;
use interview_drill::core::stats::stats;
use interview_drill::core::time::Moment;

const DAY: i64 = 86_400_000;
/// 2026-03-10 12:00 UTC.
const NOW: i64 = 1_773_144_000_000;

fn history(days_ago: &[i64]) -> Progress {
    let deck = interview_drill::decks::builtin().expect("decks").remove(0);
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

#[test]
fn streaks_count_consecutive_days_ending_today_or_yesterday() {
    let deck = interview_drill::decks::builtin().expect("decks").remove(0);
    let params = Params::default();
    // (days with reviews, counted back from now) -> (streak, reviews today)
    let rows: Vec<(Vec<i64>, u32, usize)> = vec![
        (vec![], 0, 0),
        (vec![0], 1, 1),
        (vec![0, 0, 1, 2], 3, 2),
        (vec![1, 2, 3], 3, 0),
        (vec![0, 2, 3], 1, 1),
        (vec![2, 3], 0, 0),
    ];
    for (days, streak, today) in rows {
        let progress = history(&days);
        let states = CardStates::derive(&deck, &progress, &params);
        let s = stats(&deck, &states, &progress, &params, Moment::new(NOW, 0));
        assert_eq!(
            (s.streak_days, s.reviews_today),
            (streak, today),
            "{days:?}"
        );
        let seen: usize = s.topics.iter().map(|t| t.learning + t.review).sum();
        assert_eq!(seen, days.len().min(3), "{days:?}");
        assert!(
            s.forecast.iter().sum::<usize>() <= seen,
            "the forecast counts seen cards only"
        );
    }
}
