//! Properties of the scheduler for any reachable card state.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::fsrs::{preview, retrievability, review, CardState, Params, Phase};
use interview_drill::core::progress::Grade;
use proptest::prelude::*;

/// 2026-09-21 14:13:20 UTC. Not `common::T0`: the properties' card states are
/// built from this moment, so the other tests' moment would change their data.
const T0: i64 = 1_790_000_000_000;

/// A card state reached by real reviews: grades with gaps of minutes to months.
fn reachable_card() -> impl Strategy<Value = (Params, CardState, i64)> {
    (
        0.70f64..=0.97,
        prop::collection::vec((1u8..=4, 0i64..200 * 24 * 60), 0..20),
        0i64..400 * 24 * 60,
    )
        .prop_map(|(retention, steps, wait)| {
            let params = Params::with_retention(retention);
            let mut card = CardState::NEW;
            let mut now = T0;
            for (g, gap_minutes) in steps {
                now += gap_minutes * 60_000;
                card = review(
                    &params,
                    &card,
                    Grade::from_number(g).unwrap_or(Grade::Good),
                    now,
                );
            }
            (params, card, now + wait * 60_000)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn intervals_grow_from_again_to_easy((params, card, now) in reachable_card()) {
        let next = preview(&params, &card, now);
        let due: Vec<i64> = next.iter().map(|c| c.due_ms).collect();
        prop_assert!(due[0] < due[1] && due[1] < due[2] && due[2] < due[3], "{card:?} -> {due:?}");
    }

    #[test]
    fn a_successful_review_never_lowers_stability((params, card, now) in reachable_card()) {
        prop_assume!(card.phase != Phase::New);
        for grade in [Grade::Hard, Grade::Good, Grade::Easy] {
            let after = review(&params, &card, grade, now);
            prop_assert!(after.stability >= card.stability, "{grade:?}: {card:?} -> {after:?}");
        }
    }

    #[test]
    fn fuzzed_inputs_never_panic_or_produce_nan(
        stability in prop::num::f64::ANY,
        difficulty in prop::num::f64::ANY,
        last in prop::option::of(any::<i64>()),
        now in any::<i64>(),
        phase in 0u8..4,
        step in 0usize..5,
        retention in prop::num::f64::ANY,
        grade in 1u8..=4,
    ) {
        let card = CardState {
            phase: [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning][usize::from(phase)],
            step,
            stability,
            difficulty,
            due_ms: 0,
            last_review_ms: last.map(|l| l / 4),
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
        };
        let params = Params::with_retention(retention);
        let now = now / 4;
        let after = review(&params, &card, Grade::from_number(grade).unwrap_or(Grade::Good), now);
        prop_assert!(after.stability.is_finite() && after.difficulty.is_finite(), "{card:?} -> {after:?}");
        if let Some(r) = retrievability(&params, &after, now) {
            prop_assert!(r.is_finite());
        }
    }
}
