//! The form a written question is edited in, as the text of its fields, and
//! a question turned back into that form.

use crate::core::bank::{ConcernKind, Question, BUILTIN_TOPICS};
use crate::core::share::markdown::{write_blocks, write_line};

/// One key point as written: a label and phrases separated by `|`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPointRow {
    pub label: String,
    pub phrases: String,
}

/// One follow-up as written: the interviewer's question and a hint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpRow {
    pub question: String,
    pub hint: String,
}

/// A question being written, as the text of its form fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub topic: String,
    pub difficulty: String,
    pub minutes: String,
    pub prompt: String,
    /// Markdown subset: paragraphs, lists, `code`, *em*, **strong**, links.
    pub answer: String,
    pub key_points: Vec<KeyPointRow>,
    pub follow_ups: Vec<FollowUpRow>,
    pub failures: Vec<String>,
    pub trade_offs: Vec<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            topic: BUILTIN_TOPICS[0].0.to_string(),
            difficulty: "2".into(),
            minutes: "3".into(),
            prompt: String::new(),
            answer: String::new(),
            key_points: vec![KeyPointRow::default()],
            follow_ups: vec![FollowUpRow::default()],
            failures: vec![String::new()],
            trade_offs: vec![String::new()],
        }
    }
}

/// A field of the form, for tying a problem to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Topic,
    Difficulty,
    Minutes,
    Prompt,
    Answer,
    KeyPointLabel(usize),
    KeyPointPhrases(usize),
    FollowUpQuestion(usize),
    FollowUpHint(usize),
    Failure(usize),
    TradeOff(usize),
}

impl Field {
    /// A short name, unique per field, for element ids.
    pub fn key(self) -> String {
        match self {
            Field::Topic => "topic".into(),
            Field::Difficulty => "difficulty".into(),
            Field::Minutes => "minutes".into(),
            Field::Prompt => "prompt".into(),
            Field::Answer => "answer".into(),
            Field::KeyPointLabel(i) => format!("kp-{i}-label"),
            Field::KeyPointPhrases(i) => format!("kp-{i}-phrases"),
            Field::FollowUpQuestion(i) => format!("fu-{i}-question"),
            Field::FollowUpHint(i) => format!("fu-{i}-hint"),
            Field::Failure(i) => format!("failure-{i}"),
            Field::TradeOff(i) => format!("tradeoff-{i}"),
        }
    }
}

/// The phrases of a key point, written separated by `|`; empty ones dropped.
pub fn phrases(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// A question back into its form, for editing. Empty groups keep one empty
/// row so the form always shows where to write.
pub fn draft_from_question(q: &Question) -> Draft {
    let concerns = |kind: ConcernKind| -> Vec<String> {
        let rows: Vec<String> = q
            .concerns
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| write_line(&c.text))
            .collect();
        if rows.is_empty() {
            vec![String::new()]
        } else {
            rows
        }
    };
    let mut key_points: Vec<KeyPointRow> = q
        .key_points
        .iter()
        .map(|k| KeyPointRow {
            label: k.label.clone(),
            phrases: k.phrases.join(" | "),
        })
        .collect();
    if key_points.is_empty() {
        key_points.push(KeyPointRow::default());
    }
    let mut follow_ups: Vec<FollowUpRow> = q
        .follow_ups
        .iter()
        .map(|f| FollowUpRow {
            question: write_line(&f.prompt),
            hint: write_line(&f.hint),
        })
        .collect();
    if follow_ups.is_empty() {
        follow_ups.push(FollowUpRow::default());
    }
    Draft {
        topic: q.topic.clone(),
        difficulty: q.difficulty.to_string(),
        minutes: q.minutes.to_string(),
        prompt: write_line(&q.prompt),
        answer: write_blocks(&q.answer),
        key_points,
        follow_ups,
        failures: concerns(ConcernKind::Failure),
        trade_offs: concerns(ConcernKind::TradeOff),
    }
}
