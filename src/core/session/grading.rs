//! Grading, undo, extra-practice rounds and settings changes.

use super::{Effect, Mode, Model};
use crate::core::fsrs::{retrievability, review, CardState, Params};
use crate::core::ledger::{Ledger, Stamped};
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};
use crate::core::schedule::{percent, CardStates, Queue};
use crate::core::settings::Settings;
use crate::core::stored::Write;
use crate::core::time::Moment;
/// What grading a card changed, so undo can put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct UndoStep {
    review: Review,
    index: usize,
    state_before: CardState,
    queue: Queue,
    cram: Vec<usize>,
}

/// The cards of an extra-practice round: the chosen topic and difficulty,
/// weakest first (lowest recall now), then cards never reviewed.
pub(super) fn cram_round(
    model: &Model,
    difficulty: Option<u8>,
    params: &Params,
    now: Moment,
) -> Vec<usize> {
    let mut cards: Vec<(f64, usize)> = model
        .deck
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| model.drill.topic.as_deref().is_none_or(|t| q.topic == t))
        .filter(|(_, q)| {
            model.drill.focus_topics.is_empty() || model.drill.focus_topics.contains(&q.topic)
        })
        .filter(|(_, q)| difficulty.is_none_or(|d| q.difficulty == d))
        .map(|(i, _)| {
            let r = retrievability(params, &model.states.get(i), now.unix_ms).unwrap_or(2.0);
            (r, i)
        })
        .collect();
    crate::core::sort::sort_by(&mut cards, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    cards.into_iter().map(|(_, i)| i).collect()
}

pub(super) fn change_settings(model: &mut Model, settings: Settings, now: Moment) -> Vec<Effect> {
    let settings = settings.clamped();
    if settings == model.settings() {
        return Vec::new();
    }
    // A change always stamps later than the one it replaces, even within a
    // second or with a clock that went back, so the latest choice wins merges.
    let now_seconds = now.unix_ms.div_euclid(1000);
    let at = model
        .data
        .ledger
        .settings
        .map_or(now_seconds, |s| now_seconds.max(s.at + 1));
    model.data.add(&Ledger {
        settings: Some(Stamped { settings, at }),
        ..Ledger::default()
    });
    // A new retention reschedules every card as if it had always applied.
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    model.drill.undo.clear();
    if model.drill.current.is_none() || !model.drill.revealed {
        model.rebuild(now);
    } else {
        let current = model.drill.current;
        model.rebuild(now);
        // Keep the card the learner is looking at.
        if current.is_some() && model.drill.current != current {
            model.drill.current = current;
            model.drill.revealed = true;
        }
    }
    model.announcement = format!(
        "Settings saved: {}% desired retention, {} new cards a day.",
        percent(settings.desired_retention),
        settings.new_per_day
    );
    model.save()
}

pub(super) fn grade_current(model: &mut Model, grade: Grade, now: Moment) -> Vec<Effect> {
    // Grading before the answer is revealed would record a guess as recall.
    if !model.drill.revealed {
        return Vec::new();
    }
    let Some(index) = model.drill.current else {
        return Vec::new();
    };
    let kind = match model.drill.mode {
        Mode::Today => ReviewKind::Scheduled,
        Mode::Cram { .. } => ReviewKind::Cram,
    };
    let mut record = Review {
        at: now,
        card: CardKey::new(&model.deck.id, &model.deck.questions[index].id),
        grade,
        kind,
    };
    // A review is its content: one equal to a review taken back with undo
    // (same card, grade and millisecond) would stay hidden, so move it on.
    while model.data.ledger.undone.contains(&record) {
        record.at.unix_ms += 1;
    }
    let now = record.at;
    let note = model.attempt.note(&model.deck.questions[index], &record);
    let state_before = model.states.get(index);
    model.drill.undo.push(UndoStep {
        review: record.clone(),
        index,
        state_before,
        queue: model.drill.queue.clone(),
        cram: model.drill.cram.clone(),
    });
    model.data.add(&Ledger {
        reviews: [record].into(),
        notes: note.into_iter().collect(),
        ..Ledger::default()
    });
    model.drill.graded += 1;
    match kind {
        ReviewKind::Scheduled => {
            let after = review(&model.params(), &state_before, grade, now.unix_ms);
            if let Some(slot) = model.states.0.get_mut(index) {
                *slot = after;
            }
            model.drill.queue.remove(index);
        }
        ReviewKind::Cram => model.drill.cram.retain(|&i| i != index),
    }
    let typed = !model.attempt.draft.is_empty();
    model.pick(now);
    model.announcement = match model.drill.current {
        Some(_) => format!("Graded {}. Next card.", grade.label()),
        None if kind == ReviewKind::Cram => {
            format!("Graded {}. Extra practice round complete.", grade.label())
        }
        None => format!("Graded {}. Done for today.", grade.label()),
    };
    let mut effects = model.save();
    // The answer is graded: its draft is done with.
    if typed && !effects.is_empty() {
        effects.push(Effect::Store(Write::ClearDraft));
    }
    effects
}

pub(super) fn undo(model: &mut Model) -> Vec<Effect> {
    let Some(step) = model.drill.undo.pop() else {
        return Vec::new();
    };
    // The review may already sit in another writer's key or in `base`, so it is
    // marked undone rather than only dropped from this writer's log.
    model.data.own.reviews.remove(&step.review);
    model.data.add(&Ledger {
        undone: [step.review].into(),
        ..Ledger::default()
    });
    if let Some(slot) = model.states.0.get_mut(step.index) {
        *slot = step.state_before;
    }
    model.drill.queue = step.queue;
    model.drill.cram = step.cram;
    model.drill.current = Some(step.index);
    model.drill.revealed = true;
    model.drill.graded = model.drill.graded.saturating_sub(1);
    model.announcement = "Last grade undone.".into();
    model.save()
}
