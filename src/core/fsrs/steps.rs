//! Learning and relearning steps: the minutes before a card graduates to review.

use super::model::{js_round, Model};
use super::schedule::next_interval;
use super::{CardState, Params, Phase, MS_PER_DAY, MS_PER_MINUTE};
use crate::core::progress::Grade;

/// Minutes to wait for `grade` from the card's current step, if a step applies.
fn step_minutes(params: &Params, card: &CardState, grade: Grade) -> Option<(u32, usize)> {
    let steps = match card.phase {
        Phase::Review | Phase::Relearning => &params.relearning_steps,
        Phase::New | Phase::Learning => &params.learning_steps,
    };
    let step = card.step;
    let first = *steps.first()?;
    if step >= steps.len() {
        return None;
    }
    if card.phase == Phase::Review {
        return (grade == Grade::Again).then_some((steps[step], 0));
    }
    match grade {
        Grade::Again => Some((first, 0)),
        Grade::Hard => {
            let minutes = match steps.get(1) {
                Some(second) => js_round(f64::from(first + second) / 2.0),
                None => js_round(f64::from(first) * 1.5),
            };
            Some((minutes as u32, step))
        }
        Grade::Good => steps
            .get(step + 1)
            .filter(|m| **m > 0)
            .map(|m| (*m, step + 1)),
        Grade::Easy => None,
    }
}

/// Puts a card on its next learning step, or graduates it to review.
pub(super) fn apply_steps(
    params: &Params,
    model: &Model<'_>,
    current: &CardState,
    mut next: CardState,
    grade: Grade,
    to_phase: Phase,
    now_ms: i64,
) -> CardState {
    match step_minutes(params, current, grade) {
        Some((minutes, step)) if minutes > 0 && minutes < 1440 => {
            next.step = step;
            next.scheduled_days = 0;
            next.phase = to_phase;
            next.due_ms = now_ms + i64::from(minutes) * MS_PER_MINUTE;
        }
        Some((minutes, step)) if minutes >= 1440 => {
            next.phase = Phase::Review;
            next.step = step;
            next.due_ms = now_ms + i64::from(minutes) * MS_PER_MINUTE;
            next.scheduled_days = minutes / 1440;
        }
        _ => {
            next.phase = Phase::Review;
            next.step = 0;
            let days = next_interval(params, model, next.stability);
            next.scheduled_days = days;
            next.due_ms = now_ms + i64::from(days) * MS_PER_DAY;
        }
    }
    next
}
