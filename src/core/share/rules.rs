//! The content rules for a deck that arrives by link, after its limits.
//!
//! They follow the content compiler's rules where a broken deck would break
//! the drill (ids, topics, difficulty, minutes, a prompt, an answer, key points
//! with phrases), and are looser where the built-in bar is about quality rather
//! than function: any answer length; 1 to 8 key points (built-in: 3 to 6);
//! 0 to 6 follow-ups (built-in: 2 to 4); failure modes and trade-offs optional
//! (built-in: at least one of each).

use std::ops::RangeInclusive;

use super::error::LinkError;
use crate::core::bank::{is_valid_id, Deck, Question, BUILTIN_TOPICS};
use crate::core::rich::{plain_text, Block};

pub const KEY_POINTS: RangeInclusive<usize> = 1..=8;
pub const PHRASES: RangeInclusive<usize> = 1..=24;
pub const FOLLOW_UPS: RangeInclusive<usize> = 0..=6;
pub const CONCERNS: RangeInclusive<usize> = 0..=8;
pub const TAGS: RangeInclusive<usize> = 0..=16;
pub const EXTRA_TOPICS: RangeInclusive<usize> = 0..=20;
pub const DIFFICULTY: RangeInclusive<u8> = 1..=3;
pub const MINUTES: RangeInclusive<u8> = 1..=30;

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn count(
    question: Option<&str>,
    field: &str,
    n: usize,
    range: RangeInclusive<usize>,
) -> Result<(), LinkError> {
    if range.contains(&n) {
        return Ok(());
    }
    Err(LinkError::invalid(
        question,
        field,
        format!("has {n}; it needs {} to {}", range.start(), range.end()),
    ))
}

pub fn check(deck: &Deck) -> Result<(), LinkError> {
    if blank(&deck.title) {
        return Err(LinkError::invalid(None, "title", "is empty"));
    }
    let extra = deck
        .topics
        .iter()
        .filter(|topic| {
            !BUILTIN_TOPICS
                .iter()
                .any(|(s, t)| *s == topic.slug && *t == topic.title)
        })
        .count();
    // Counted first: the duplicate check below is quadratic in the topics.
    count(None, "extra topics", extra, EXTRA_TOPICS)?;
    let mut slugs: Vec<&str> = Vec::new();
    for topic in &deck.topics {
        if !is_valid_id(&topic.slug) || slugs.contains(&topic.slug.as_str()) {
            return Err(LinkError::invalid(
                None,
                "topics",
                format!(
                    "`{}` must be 3 to 64 characters of a-z, 0-9 and `-`, and not a topic already known",
                    super::error::quote(&topic.slug)
                ),
            ));
        }
        if blank(&topic.title) {
            return Err(LinkError::invalid(
                None,
                "topics",
                format!("`{}` has no title", topic.slug),
            ));
        }
        slugs.push(&topic.slug);
    }
    if deck.questions.is_empty() {
        return Err(LinkError::invalid(None, "questions", "there are none"));
    }
    // Sorted, to find a repeated id in n log n among up to 200 questions.
    let mut ids: Vec<&str> = deck.questions.iter().map(|q| q.id.as_str()).collect();
    ids.sort_unstable();
    let repeated = ids.windows(2).find(|w| w[0] == w[1]).map(|w| w[0]);
    for q in &deck.questions {
        if !is_valid_id(&q.id) {
            return Err(LinkError::invalid(
                None,
                "question id",
                format!(
                    "`{}` must be 3 to 64 characters of a-z, 0-9 and `-`",
                    super::error::quote(&q.id)
                ),
            ));
        }
        if repeated == Some(q.id.as_str()) {
            return Err(LinkError::invalid(
                Some(&q.id),
                "id",
                "is used by two questions",
            ));
        }
        if !slugs.contains(&q.topic.as_str()) {
            return Err(LinkError::invalid(
                Some(&q.id),
                "topic",
                format!(
                    "`{}` is not a known topic or one the deck defines",
                    super::error::quote(&q.topic)
                ),
            ));
        }
        check_question(q)?;
    }
    Ok(())
}

fn check_question(q: &Question) -> Result<(), LinkError> {
    let id = Some(q.id.as_str());
    if !DIFFICULTY.contains(&q.difficulty) {
        return Err(LinkError::invalid(
            id,
            "difficulty",
            format!("is {}; it must be 1, 2 or 3", q.difficulty),
        ));
    }
    if !MINUTES.contains(&q.minutes) {
        return Err(LinkError::invalid(
            id,
            "minutes",
            format!("is {}; it must be 1 to {}", q.minutes, MINUTES.end()),
        ));
    }
    count(id, "tags", q.tags.len(), TAGS)?;
    if q.tags.iter().any(|t| blank(t)) {
        return Err(LinkError::invalid(id, "tags", "a tag is empty"));
    }
    if blank(&plain_text(&q.prompt)) {
        return Err(LinkError::invalid(id, "prompt", "is empty"));
    }
    if blocks_blank(&q.answer) {
        return Err(LinkError::invalid(id, "answer", "is empty"));
    }
    count(id, "key points", q.key_points.len(), KEY_POINTS)?;
    for point in &q.key_points {
        if blank(&point.label) {
            return Err(LinkError::invalid(
                id,
                "key points",
                "a key point has no label",
            ));
        }
        count(
            id,
            &format!("phrases of key point `{}`", point.label),
            point.phrases.len(),
            PHRASES,
        )?;
        if point.phrases.iter().any(|p| blank(p)) {
            return Err(LinkError::invalid(
                id,
                "key points",
                format!("key point `{}` has an empty phrase", point.label),
            ));
        }
    }
    count(id, "follow-ups", q.follow_ups.len(), FOLLOW_UPS)?;
    for follow_up in &q.follow_ups {
        if blank(&plain_text(&follow_up.prompt)) || blank(&plain_text(&follow_up.hint)) {
            return Err(LinkError::invalid(
                id,
                "follow-ups",
                "a follow-up needs a question and a hint",
            ));
        }
    }
    count(
        id,
        "failure modes and trade-offs",
        q.concerns.len(),
        CONCERNS,
    )?;
    if q.concerns.iter().any(|c| blank(&plain_text(&c.text))) {
        return Err(LinkError::invalid(
            id,
            "failure modes and trade-offs",
            "one is empty",
        ));
    }
    Ok(())
}

/// Whether an answer shows no text at all (an answer of one empty list item,
/// or only a blank code block, counts as empty).
fn blocks_blank(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Paragraph(line) => blank(&plain_text(line)),
        Block::Bullets(items) | Block::Numbered(items) => {
            items.iter().all(|item| blocks_blank(item))
        }
        Block::Code(code) => blank(code),
        Block::Quote(inner) => blocks_blank(inner),
    })
}
