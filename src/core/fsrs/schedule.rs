//! Scheduling a review: the four next states of a card, its recall
//! probability now, and the review interval for a stability.

use super::model::{js_round, Model};
use super::steps::apply_steps;
use super::{elapsed_days, CardState, Params, Phase, MS_PER_DAY, S_MAX, S_MIN};
use crate::core::progress::Grade;

/// The probability of recalling the card at `now`, or `None` for a new card.
pub fn retrievability(params: &Params, card: &CardState, now_ms: i64) -> Option<f64> {
    let last = card.last_review_ms?;
    if card.phase == Phase::New || card.stability <= 0.0 {
        return None;
    }
    let t = elapsed_days(last, now_ms).max(0) as f64;
    Some(Model::new(&params.weights).retrievability(t, card.stability))
}

/// The four possible next states, indexed by grade number minus one.
pub fn preview(params: &Params, card: &CardState, now_ms: i64) -> [CardState; 4] {
    let card = &sanitized(card);
    let model = Model::new(&params.weights);
    let t = match card.last_review_ms {
        Some(last) if card.phase != Phase::New => elapsed_days(last, now_ms).max(0),
        _ => 0,
    };
    let mut base = *card;
    base.last_review_ms = Some(now_ms);
    base.reps = card.reps.saturating_add(1);
    let next = |g: Grade, r: Option<f64>| {
        let (d, s) = model.next_memory(card, t, g, r);
        CardState {
            difficulty: d,
            stability: s,
            ..base
        }
    };
    match card.phase {
        Phase::New | Phase::Learning | Phase::Relearning => {
            let to_phase = if card.phase == Phase::Relearning {
                Phase::Relearning
            } else {
                Phase::Learning
            };
            let [again, hard, good, mut easy] = Grade::ALL
                .map(|g| apply_steps(params, &model, card, next(g, None), g, to_phase, now_ms));
            // When Good and Easy both graduate to the same day (tiny stability, or
            // the interval cap), Easy must still wait longer: a grade has to mean
            // something. ts-fsrs orders review-phase intervals the same way.
            if easy.phase == Phase::Review && easy.due_ms <= good.due_ms {
                let days = good.scheduled_days.max(1) + 1;
                easy.scheduled_days = days;
                easy.due_ms = now_ms + i64::from(days) * MS_PER_DAY;
            }
            [again, hard, good, easy]
        }
        Phase::Review => {
            let r = model.retrievability(t as f64, card.stability.clamp(S_MIN, S_MAX));
            let [again, hard, good, easy] = Grade::ALL.map(|g| next(g, Some(r)));
            let interval = |s: f64| next_interval(params, &model, s);
            let hard_days = interval(hard.stability).min(interval(good.stability));
            let good_days = interval(good.stability).max(hard_days + 1);
            let easy_days = interval(easy.stability).max(good_days + 1);
            let review = |state: CardState, days: u32| CardState {
                phase: Phase::Review,
                step: 0,
                scheduled_days: days,
                due_ms: now_ms + i64::from(days) * MS_PER_DAY,
                ..state
            };
            let mut again = apply_steps(
                params,
                &model,
                card,
                again,
                Grade::Again,
                Phase::Relearning,
                now_ms,
            );
            again.lapses = card.lapses.saturating_add(1);
            [
                again,
                review(hard, hard_days),
                review(good, good_days),
                review(easy, easy_days),
            ]
        }
    }
}

/// A state safe to compute with: stored data may be corrupt, and NaN must
/// never reach a schedule.
fn sanitized(card: &CardState) -> CardState {
    let mut card = *card;
    if card.phase == Phase::New || !(card.stability.is_finite() && card.difficulty.is_finite()) {
        if card.phase != Phase::New {
            // Without a usable memory state the card starts over.
            card = CardState::NEW;
        }
        card.stability = 0.0;
        card.difficulty = 0.0;
    } else if card.stability > 0.0 || card.difficulty > 0.0 {
        card.stability = card.stability.clamp(S_MIN, S_MAX);
        card.difficulty = card.difficulty.clamp(1.0, 10.0);
    }
    card
}

/// Reviews a card: its state after grade `grade` at `now`.
pub fn review(params: &Params, card: &CardState, grade: Grade, now_ms: i64) -> CardState {
    preview(params, card, now_ms)[usize::from(grade.number() - 1)]
}

/// Days until the next review for stability `s`, at least 1, at most the cap.
pub(super) fn next_interval(params: &Params, model: &Model<'_>, s: f64) -> u32 {
    let retention = params.desired_retention.clamp(0.01, 0.999);
    let days = js_round(s * model.interval_modifier(retention));
    days.clamp(1.0, f64::from(params.maximum_interval_days.max(1))) as u32
}
