//! Deck link format 1: the deck as it travels, as JSON. FROZEN.
//!
//! Links made today must open in every later version, so these types are the
//! format's definition and must never change: not a field, not a name, not a
//! default. A change is a new format (`#deck=2.`) with types of its own, and
//! this one stays readable. They are deliberately separate from `bank`, which
//! may evolve, and `convert` maps between the two.
//!
//! The text fields `prompt`, `answer`, `hint` and `text` are Markdown in the
//! subset of `markdown`; `title`, `description`, labels, phrases and tags are
//! plain text. Unknown fields are refused, not ignored: a newer writer that
//! needs a field writes a newer format.
//!
//! ```json
//! {"title": "…", "description": "…",
//!  "topics": [{"slug": "sql-tuning", "title": "SQL tuning"}],
//!  "questions": [{"id": "…", "topic": "api-design", "difficulty": 2, "minutes": 4,
//!    "tags": ["…"], "prompt": "…", "answer": "…",
//!    "key_points": [{"label": "…", "phrases": ["…", "…"]}],
//!    "follow_ups": [{"prompt": "…", "hint": "…"}],
//!    "concerns": [{"kind": "failure", "text": "…"}, {"kind": "trade-off", "text": "…"}]}]}
//! ```
//!
//! `description`, `topics`, `tags`, `follow_ups` and `concerns` may be left out
//! (empty); the writer leaves out empty ones.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireDeck {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Topics beyond the five built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<WireTopic>,
    pub questions: Vec<WireQuestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireTopic {
    pub slug: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireQuestion {
    pub id: String,
    pub topic: String,
    pub difficulty: u8,
    pub minutes: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub prompt: String,
    pub answer: String,
    pub key_points: Vec<WireKeyPoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<WireFollowUp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<WireConcern>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireKeyPoint {
    pub label: String,
    pub phrases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireFollowUp {
    pub prompt: String,
    pub hint: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireConcern {
    pub kind: WireConcernKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WireConcernKind {
    #[serde(rename = "failure")]
    Failure,
    #[serde(rename = "trade-off")]
    TradeOff,
}
