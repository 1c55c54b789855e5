//! Drills the prep parts start: a mock round's weak questions first, or a
//! plan item's topics. Extra practice like any other; the full build only.

use std::rc::Rc;

use super::grading::cram_round;
use super::{Effect, Model};
use crate::core::config::DrillMode;
use crate::core::mock::AnswerStyle as RoundStyle;
use crate::core::time::Moment;

/// Extra practice with `ids` first, then the rest of the deck weakest first.
pub(super) fn drill_first(model: &mut Model, ids: &[String], now: Moment) -> Vec<Effect> {
    let deck = Rc::clone(&model.deck);
    let mut first: Vec<usize> = Vec::new();
    for id in ids {
        if let Some(i) = deck.questions.iter().position(|q| q.id == *id) {
            if !first.contains(&i) {
                first.push(i);
            }
        }
    }
    if first.is_empty() {
        return Vec::new();
    }
    model.drill.topic = None;
    model.drill.focus_topics.clear();
    model.start_cram(now);
    let mut rest = cram_round(model, None, &model.params(), now);
    rest.retain(|i| !first.contains(i));
    let count = first.len();
    first.extend(rest);
    model.drill.cram = first;
    model.pick(now);
    model.announcement = format!(
        "Extra practice: the {count} question{} your mock round found weak come first. These grades do not change your schedule.",
        if count == 1 { "" } else { "s" }
    );
    Vec::new()
}

/// Extra practice on a plan item's topics.
pub(super) fn practice_topics(
    model: &mut Model,
    topics: Vec<String>,
    style: RoundStyle,
    now: Moment,
) -> Vec<Effect> {
    let mut topics: Vec<String> = topics
        .into_iter()
        .filter(|t| model.deck.questions.iter().any(|q| q.topic == *t))
        .collect();
    topics.dedup();
    if topics.len() == 1 {
        model.drill.topic = topics.pop();
        model.drill.focus_topics.clear();
    } else {
        model.drill.topic = None;
        model.drill.focus_topics = topics;
    }
    model.drill.drill_mode = match style {
        RoundStyle::Typed => DrillMode::Typed,
        RoundStyle::Aloud => DrillMode::Flashcards,
    };
    model.start_cram(now);
    model.announcement = format!(
        "Extra practice on {}: {} cards. {}",
        model.scope(),
        model.drill.cram.len(),
        match style {
            RoundStyle::Typed => "Type each answer and check it.",
            RoundStyle::Aloud => "Say each answer aloud, narrating your assumptions.",
        }
    );
    Vec::new()
}
