//! Which card comes next: unseen cards first with topics interleaved, then the
//! weakest seen cards (lowest last grade, longest ago first).
//!
//! A deliberately simple, honest order; a spaced-repetition scheduler replaces it.

use super::bank::Deck;
use super::progress::Progress;

/// Indices into `deck.questions` for one pass over the cards that pass `filter`.
pub fn simple_order(deck: &Deck, filter: Option<&str>, progress: &Progress) -> Vec<usize> {
    let summaries = progress.summaries(&deck.id);
    let in_filter = |topic: &str| filter.is_none_or(|f| f == topic);

    // Unseen cards, one topic at a time in turn, so a session mixes areas.
    let mut by_topic: Vec<Vec<usize>> = deck
        .topics
        .iter()
        .map(|t| {
            deck.questions
                .iter()
                .enumerate()
                .filter(|(_, q)| {
                    q.topic == t.slug
                        && in_filter(&q.topic)
                        && !summaries.contains_key(q.id.as_str())
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let mut order = Vec::with_capacity(deck.questions.len());
    let mut round = 0;
    while by_topic.iter().any(|list| round < list.len()) {
        for list in &mut by_topic {
            if let Some(&index) = list.get(round) {
                order.push(index);
            }
        }
        round += 1;
    }

    let mut seen: Vec<usize> = deck
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| in_filter(&q.topic) && summaries.contains_key(q.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    // Indices are unique, so the unstable sort is deterministic.
    seen.sort_unstable_by_key(|&i| {
        let summary = summaries.get(deck.questions[i].id.as_str());
        (summary.map(|s| (s.last_grade, s.last_at_ms)), i)
    });
    order.extend(seen);
    order
}
