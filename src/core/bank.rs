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
    /// A technical question, or a behavioural prompt answered with a story.
    #[serde(default)]
    pub kind: QuestionKind,
    pub prompt: Line,
    pub answer: Vec<Block>,
    pub key_points: Vec<KeyPoint>,
    pub follow_ups: Vec<FollowUp>,
    pub concerns: Vec<Concern>,
    /// Wrong claims interviewers often hear on this question.
    #[serde(default)]
    pub misconceptions: Vec<Misconception>,
}

/// What a question asks for. A behavioural prompt ("tell me about an
/// incident you handled") is answered with a story from the learner's own
/// work: its model is a structure, its key points what a strong story
/// contains, and in place of failure modes and trade-offs it lists what a
/// strong story shows, so no check asks it to name a failure mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    #[default]
    Technical,
    Behavioural,
}

impl QuestionKind {
    /// The heading of the model answer.
    pub fn answer_heading(self) -> &'static str {
        match self {
            QuestionKind::Technical => "Model answer",
            QuestionKind::Behavioural => "Model structure",
        }
    }

    /// The heading of the concerns.
    pub fn concerns_heading(self) -> &'static str {
        match self {
            QuestionKind::Technical => "Failure modes and trade-offs",
            QuestionKind::Behavioural => "What a strong story shows",
        }
    }
}

/// A wrong claim a candidate may make, the phrases that reveal it in a
/// typed answer, and the one-line correction the coach shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Misconception {
    pub claim: String,
    pub phrases: Vec<String>,
    pub correction: Line,
    /// The label of the key point the claim gets wrong: an answer that makes
    /// the claim is not credited with it, whatever else it says.
    #[serde(default)]
    pub contradicts: Option<String>,
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
    /// What a strong story shows (behavioural prompts only).
    #[serde(rename = "shows")]
    Shows,
}

impl ConcernKind {
    pub fn label(self) -> &'static str {
        match self {
            ConcernKind::Failure => "Failure mode",
            ConcernKind::TradeOff => "Trade-off",
            ConcernKind::Shows => "A strong story shows",
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

/// What a card shows once revealed: everything a question holds but its
/// prompt and labels. The page loads these after the first card is on
/// screen (`decks`), so the first paint carries only the prompts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDetails {
    pub answer: Vec<Block>,
    pub key_points: Vec<KeyPoint>,
    pub follow_ups: Vec<FollowUp>,
    pub concerns: Vec<Concern>,
    pub misconceptions: Vec<Misconception>,
}

/// Every deck's details, by deck id and question id.
pub type Details = Vec<(String, Vec<(String, QuestionDetails)>)>;

impl Question {
    /// A behavioural prompt, answered with a story: it is not asked to name
    /// a failure mode or a trade-off.
    pub fn is_story(&self) -> bool {
        self.kind == QuestionKind::Behavioural
    }

    /// This question without its details, and its details.
    pub fn split(mut self) -> (Question, QuestionDetails) {
        let details = QuestionDetails {
            answer: std::mem::take(&mut self.answer),
            key_points: std::mem::take(&mut self.key_points),
            follow_ups: std::mem::take(&mut self.follow_ups),
            concerns: std::mem::take(&mut self.concerns),
            misconceptions: std::mem::take(&mut self.misconceptions),
        };
        (self, details)
    }
}

/// The decks with only what the first card needs, and the details of each.
pub fn split_decks(decks: Vec<Deck>) -> (Vec<Deck>, Details) {
    let mut details = Vec::new();
    let index = decks
        .into_iter()
        .map(|mut deck| {
            let (questions, these): (Vec<Question>, Vec<(String, QuestionDetails)>) = deck
                .questions
                .into_iter()
                .map(|q| {
                    let (q, d) = q.split();
                    let id = q.id.clone();
                    (q, (id, d))
                })
                .unzip();
            deck.questions = questions;
            details.push((deck.id.clone(), these));
            deck
        })
        .collect();
    (index, details)
}

impl Deck {
    /// Fills in every question's details from `details`; false (and the deck
    /// unchanged) when any question of the deck has none there.
    pub fn complete(&mut self, details: &Details) -> bool {
        let Some((_, these)) = details.iter().find(|(id, _)| *id == self.id) else {
            return false;
        };
        let found: Option<Vec<&QuestionDetails>> = self
            .questions
            .iter()
            .map(|q| these.iter().find(|(id, _)| *id == q.id).map(|(_, d)| d))
            .collect();
        let Some(found) = found else {
            return false;
        };
        for (q, d) in self.questions.iter_mut().zip(found) {
            q.answer = d.answer.clone();
            q.key_points = d.key_points.clone();
            q.follow_ups = d.follow_ups.clone();
            q.concerns = d.concerns.clone();
            q.misconceptions = d.misconceptions.clone();
        }
        true
    }
}
