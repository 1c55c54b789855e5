//! Scheduling at scale: 10,000 questions, 10,000 card states derived from
//! 100,000 review records. Targets: building today's queue under 20 ms and
//! picking the next card under 1 ms, natively.
//!
//!     cargo bench --bench schedule

// Criterion runs natively only; the wasm32 build of benches gets an empty main.
#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::Criterion;
    use interview_drill::core::bank::{Deck, Question};
    use interview_drill::core::fsrs::Params;
    use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
    use interview_drill::core::schedule::{
        build_queue, new_introduced_today, pick_next, CardStates,
    };

    use crate::common::{first_deck, moment, DAY};

    const QUESTIONS: usize = 10_000;
    const REVIEWS: usize = 100_000;

    fn big_deck() -> Deck {
        // Its questions are copied over and over to make 10,000.
        let template = first_deck();
        let questions: Vec<Question> = (0..QUESTIONS)
            .map(|i| {
                let mut q = template.questions[i % template.questions.len()].clone();
                q.id = format!("q-{i:05}");
                q
            })
            .collect();
        Deck {
            questions,
            ..template
        }
    }

    /// Ten reviews per card over 200 days; grades cycle so states vary.
    fn history(deck: &Deck) -> Progress {
        let mut reviews = Vec::with_capacity(REVIEWS);
        for n in 0..REVIEWS {
            let card = n % QUESTIONS;
            let round = (n / QUESTIONS) as i64;
            let grade = Grade::from_number((((card * 7 + n) % 10) as u8).clamp(1, 4))
                .unwrap_or(Grade::Good);
            reviews.push(Review {
                card: CardKey::new(&deck.id, &deck.questions[card].id),
                grade,
                at: moment(round * 20 * DAY + (card as i64 % 1440) * 60_000, 0),
                kind: ReviewKind::Scheduled,
            });
        }
        Progress::from_reviews(reviews)
    }

    pub fn bench(c: &mut Criterion) {
        let deck = big_deck();
        let progress = history(&deck);
        let params = Params::default();
        // Late enough that every card is due: the heaviest queue to build.
        let now = moment(560 * DAY, 0);

        c.bench_function("derive 10,000 card states from 100,000 reviews", |b| {
            b.iter(|| CardStates::derive(black_box(&deck), black_box(&progress), &params))
        });

        let states = CardStates::derive(&deck, &progress, &params);
        c.bench_function("build today's queue (10,000 cards)", |b| {
            b.iter(|| {
                let introduced = new_introduced_today(black_box(&deck), black_box(&progress), now);
                build_queue(
                    &deck,
                    None,
                    black_box(&states),
                    &params,
                    10usize.saturating_sub(introduced),
                    now.unix_ms,
                )
            })
        });

        let queue = build_queue(&deck, None, &states, &params, 10, now.unix_ms);
        assert!(
            !queue.due.is_empty(),
            "the benchmark history leaves cards due"
        );
        c.bench_function("pick the next card (10,000 cards)", |b| {
            b.iter(|| {
                pick_next(
                    black_box(&deck),
                    None,
                    black_box(&states),
                    black_box(&queue),
                    now.unix_ms,
                )
            })
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
common::bench_main!(native::bench);

#[cfg(target_arch = "wasm32")]
fn main() {}
