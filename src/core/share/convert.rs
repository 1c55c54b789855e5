//! Between the frozen wire types and the bank's, through the Markdown subset.

use super::markdown::{parse_blocks, parse_line, write_blocks, write_line};
use super::wire::{
    WireConcern, WireConcernKind, WireDeck, WireFollowUp, WireKeyPoint, WireQuestion, WireTopic,
};
use crate::core::bank::{
    Concern, ConcernKind, Deck, FollowUp, KeyPoint, Question, Topic, BUILTIN_TOPICS,
};

fn is_builtin(slug: &str) -> bool {
    BUILTIN_TOPICS.iter().any(|(s, _)| *s == slug)
}

/// The wire form of a deck. Built-in topics are known to every reader, so
/// only the deck's other topics travel.
pub fn to_wire(deck: &Deck) -> WireDeck {
    WireDeck {
        title: deck.title.clone(),
        description: deck.description.clone(),
        topics: deck
            .topics
            .iter()
            .filter(|t| !is_builtin(&t.slug))
            .map(|t| WireTopic {
                slug: t.slug.clone(),
                title: t.title.clone(),
            })
            .collect(),
        questions: deck.questions.iter().map(question_to_wire).collect(),
    }
}

fn question_to_wire(q: &Question) -> WireQuestion {
    WireQuestion {
        id: q.id.clone(),
        topic: q.topic.clone(),
        difficulty: q.difficulty,
        minutes: q.minutes,
        tags: q.tags.clone(),
        prompt: write_line(&q.prompt),
        answer: write_blocks(&q.answer),
        key_points: q
            .key_points
            .iter()
            .map(|k| WireKeyPoint {
                label: k.label.clone(),
                phrases: k.phrases.clone(),
            })
            .collect(),
        follow_ups: q
            .follow_ups
            .iter()
            .map(|f| WireFollowUp {
                prompt: write_line(&f.prompt),
                hint: write_line(&f.hint),
            })
            .collect(),
        // Format 1 knows failure modes and trade-offs only: a behavioural
        // prompt travels as an ordinary question, without what a strong
        // story shows (the next link format carries both).
        concerns: q
            .concerns
            .iter()
            .filter_map(|c| {
                let kind = match c.kind {
                    ConcernKind::Failure => WireConcernKind::Failure,
                    ConcernKind::TradeOff => WireConcernKind::TradeOff,
                    ConcernKind::Shows => return None,
                };
                Some(WireConcern {
                    kind,
                    text: write_line(&c.text),
                })
            })
            .collect(),
    }
}

/// The deck a wire deck describes, under the given id. Not yet validated.
pub fn from_wire(wire: &WireDeck, id: String) -> Deck {
    let builtin = BUILTIN_TOPICS.iter().map(|(slug, title)| Topic {
        slug: slug.to_string(),
        title: title.to_string(),
    });
    let extra = wire.topics.iter().map(|t| Topic {
        slug: t.slug.clone(),
        title: t.title.clone(),
    });
    Deck {
        id,
        title: wire.title.clone(),
        description: wire.description.clone(),
        version: String::new(),
        topics: builtin.chain(extra).collect(),
        questions: wire.questions.iter().map(question_from_wire).collect(),
    }
}

fn question_from_wire(q: &WireQuestion) -> Question {
    Question {
        kind: Default::default(),
        id: q.id.clone(),
        topic: q.topic.clone(),
        difficulty: q.difficulty,
        minutes: q.minutes,
        tags: q.tags.clone(),
        prompt: parse_line(&q.prompt),
        answer: parse_blocks(&q.answer),
        key_points: q
            .key_points
            .iter()
            .map(|k| KeyPoint {
                label: k.label.clone(),
                phrases: k.phrases.clone(),
            })
            .collect(),
        follow_ups: q
            .follow_ups
            .iter()
            .map(|f| FollowUp {
                prompt: parse_line(&f.prompt),
                hint: parse_line(&f.hint),
            })
            .collect(),
        concerns: q
            .concerns
            .iter()
            .map(|c| Concern {
                kind: match c.kind {
                    WireConcernKind::Failure => ConcernKind::Failure,
                    WireConcernKind::TradeOff => ConcernKind::TradeOff,
                },
                text: parse_line(&c.text),
            })
            .collect(),
        // Format 1 links carry none; the next link format will.
        misconceptions: Vec::new(),
    }
}
