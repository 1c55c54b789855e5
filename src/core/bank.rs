//! The question bank model: decks, topics and questions as the drills see them.
//!
//! These types are produced by the content compiler at build time and read back
//! in the page. Question ids come from content and are the stable identity that
//! progress and links hang on.

use serde::{Deserialize, Serialize};

use super::rich::{Block, Line};

/// The five focus areas of the source article, known to every deck.
pub const BUILTIN_TOPICS: [(&str, &str); 5] = [
    ("api-design", "API design and data contracts"),
    ("data-caching", "Databases and caching trade-offs"),
    ("async-queues", "Queues, retries and async workflows"),
    (
        "latency-incidents",
        "Latency debugging and incident response",
    ),
    (
        "production-constraints",
        "Explaining production constraints and trade-offs",
    ),
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub slug: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub version: String,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub topic: String,
    pub difficulty: u8,
    pub minutes: u8,
    #[serde(default)]
    pub tags: Vec<String>,
    pub prompt: Line,
    pub answer: Vec<Block>,
    pub key_points: Vec<KeyPoint>,
    pub follow_ups: Vec<FollowUp>,
    pub concerns: Vec<Concern>,
}

/// One idea a strong answer contains, with the phrases that show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPoint {
    pub label: String,
    pub phrases: Vec<String>,
}

/// A question an interviewer asks next, with a hint towards a good answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub prompt: Line,
    pub hint: Line,
}

/// A failure mode or an operational trade-off the answer should name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub kind: ConcernKind,
    pub text: Line,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcernKind {
    #[serde(rename = "failure")]
    Failure,
    #[serde(rename = "trade-off")]
    TradeOff,
}

impl ConcernKind {
    pub fn label(self) -> &'static str {
        match self {
            ConcernKind::Failure => "Failure mode",
            ConcernKind::TradeOff => "Trade-off",
        }
    }
}

/// Ids are slugs: stable, readable in links, and safe as storage key parts.
pub fn is_valid_id(id: &str) -> bool {
    (3..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// How hard a question is, as the learner sees it.
pub fn difficulty_label(difficulty: u8) -> &'static str {
    match difficulty {
        1 => "Warm-up",
        2 => "Core",
        _ => "Senior",
    }
}

impl Deck {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn topic_title<'a>(&'a self, slug: &'a str) -> &'a str {
        self.topics
            .iter()
            .find(|t| t.slug == slug)
            .map_or(slug, |t| t.title.as_str())
    }

    /// Topics that have at least one question, in deck order, with their counts.
    pub fn topic_counts(&self) -> Vec<(&Topic, usize)> {
        self.topics
            .iter()
            .map(|t| {
                (
                    t,
                    self.questions.iter().filter(|q| q.topic == t.slug).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}
