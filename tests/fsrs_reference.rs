//! Our FSRS-6 against ts-fsrs 5.4.2: 250 random review sequences recorded by
//! `tests/fixtures/fsrs/generate.mjs` must give the same state, stability,
//! difficulty, step and due time after every review.
//!
//! Tolerance: both sides round S and D to 8 decimals after each formula, but
//! `exp` and `powf` may differ from V8's in the last bit, which can flip that
//! eighth decimal and carry forward; 1e-6 relative covers that and is far below
//! anything a learner could notice (a 100-day stability off by 9 seconds). Due
//! times must match to the millisecond, with one documented exception: when
//! Easy and Good would graduate a learning card to the same day, we schedule
//! Easy one day after Good (ts-fsrs gives both the same day), so that every
//! grade's interval is longer than the one before it.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::fsrs::{preview, CardState, Params, Phase};
use interview_drill::core::progress::Grade;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    maximum_interval: u32,
    sequences: Vec<Sequence>,
}

#[derive(Deserialize)]
struct Sequence {
    retention: f64,
    reviews: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    grade: u8,
    at: i64,
    state: u8,
    step: usize,
    stability: f64,
    difficulty: f64,
    due: i64,
    scheduled_days: u32,
    lapses: u32,
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours - theirs).abs() <= 1e-6 * theirs.abs().max(1.0)
}

#[test]
fn matches_ts_fsrs_on_250_recorded_sequences() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fsrs/reference.json"
    ))
    .expect("fixture");
    let fixture: Fixture = serde_json::from_str(&text).expect("fixture parses");
    assert!(fixture.sequences.len() >= 200);
    let mut checked = 0;
    let mut deviations = 0;
    for (n, sequence) in fixture.sequences.iter().enumerate() {
        let params = Params {
            desired_retention: sequence.retention,
            maximum_interval_days: fixture.maximum_interval,
            ..Params::default()
        };
        let mut card = CardState::NEW;
        for (r, step) in sequence.reviews.iter().enumerate() {
            let grade = Grade::from_number(step.grade).expect("grade");
            let options = preview(&params, &card, step.at);
            let before = card;
            card = options[usize::from(step.grade - 1)];
            let good = options[2];
            let easy_after_good = grade == Grade::Easy
                && matches!(
                    before.phase,
                    Phase::New | Phase::Learning | Phase::Relearning
                )
                && step.due == good.due_ms
                && card.scheduled_days == good.scheduled_days + 1
                && card.due_ms == good.due_ms + 86_400_000;
            if easy_after_good {
                deviations += 1;
                card.due_ms = step.due;
                card.scheduled_days = step.scheduled_days;
            }
            let phase = match step.state {
                0 => Phase::New,
                1 => Phase::Learning,
                2 => Phase::Review,
                _ => Phase::Relearning,
            };
            let at = format!("sequence {n}, review {r}: ours {card:?}");
            assert_eq!(card.phase, phase, "{at}");
            assert_eq!(card.step, step.step, "{at}");
            assert!(
                close(card.stability, step.stability),
                "{at}: stability {}",
                step.stability
            );
            assert!(
                close(card.difficulty, step.difficulty),
                "{at}: difficulty {}",
                step.difficulty
            );
            assert_eq!(card.due_ms, step.due, "{at}");
            assert_eq!(card.scheduled_days, step.scheduled_days, "{at}");
            assert_eq!(card.lapses, step.lapses, "{at}");
            checked += 1;
        }
    }
    assert!(checked > 2000, "{checked} reviews checked");
    // The exception is rare; if it were common we would be a different scheduler.
    assert!(
        deviations * 100 < checked,
        "{deviations} of {checked} reviews deviate"
    );
    eprintln!("{checked} reviews matched, {deviations} with Easy moved one day after Good");
}
