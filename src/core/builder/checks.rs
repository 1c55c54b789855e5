//! A draft's checks: the question it describes, or each problem found, tied
//! to the field it is about.

use super::deck::deck_of;
use super::draft::{phrases, Draft, Field};
use crate::core::bank::{Concern, ConcernKind, FollowUp, KeyPoint, Question, BUILTIN_TOPICS};
use crate::core::rich::plain_text;
use crate::core::share::limits::MAX_FIELD_CHARS;
use crate::core::share::markdown::{parse_blocks, parse_line};
use crate::core::share::rules::{CONCERNS, DIFFICULTY, FOLLOW_UPS, KEY_POINTS, MINUTES, PHRASES};
use crate::core::share::{validate, LinkError};

/// Something wrong with a draft, next to the field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

fn problem(field: Field, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

pub(super) fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn length_problem(field: Field, text: &str, problems: &mut Vec<Problem>) {
    let chars = text.chars().count();
    if chars > MAX_FIELD_CHARS {
        problems.push(problem(
            field,
            format!("This is {chars} characters long; a field may have at most {MAX_FIELD_CHARS}."),
        ));
    }
}

/// The question a draft describes, under `id`, or every problem found, each
/// tied to its field. Rows left entirely empty are ignored.
pub fn question_from_draft(draft: &Draft, id: &str) -> Result<Question, Vec<Problem>> {
    let mut problems = Vec::new();
    if !BUILTIN_TOPICS.iter().any(|(slug, _)| *slug == draft.topic) {
        problems.push(problem(Field::Topic, "Choose one of the five topics."));
    }
    let difficulty = draft.difficulty.trim().parse::<u8>().ok();
    let difficulty = difficulty
        .filter(|d| DIFFICULTY.contains(d))
        .unwrap_or_else(|| {
            problems.push(problem(
                Field::Difficulty,
                "Choose a difficulty: 1, 2 or 3.",
            ));
            0
        });
    let minutes = draft.minutes.trim().parse::<u8>().ok();
    let minutes = minutes.filter(|m| MINUTES.contains(m)).unwrap_or_else(|| {
        problems.push(problem(
            Field::Minutes,
            format!(
                "Give the minutes a good spoken answer takes: a whole number from {} to {}.",
                MINUTES.start(),
                MINUTES.end()
            ),
        ));
        0
    });
    let prompt = parse_line(draft.prompt.trim());
    if blank(&plain_text(&prompt)) {
        problems.push(problem(Field::Prompt, "Write the question."));
    }
    length_problem(Field::Prompt, &draft.prompt, &mut problems);
    let answer = parse_blocks(&draft.answer);
    if blank(&draft.answer) {
        problems.push(problem(Field::Answer, "Write a model answer."));
    }
    length_problem(Field::Answer, &draft.answer, &mut problems);

    let mut key_points = Vec::new();
    for (i, row) in draft.key_points.iter().enumerate() {
        if blank(&row.label) && blank(&row.phrases) {
            continue;
        }
        let found = phrases(&row.phrases);
        if blank(&row.label) {
            problems.push(problem(
                Field::KeyPointLabel(i),
                "Give this key point a label: the idea the learner sees.",
            ));
        }
        length_problem(Field::KeyPointLabel(i), &row.label, &mut problems);
        if found.is_empty() {
            problems.push(problem(
                Field::KeyPointPhrases(i),
                "Give at least one phrase that shows this idea in an answer; separate phrases with |.",
            ));
        } else if found.len() > *PHRASES.end() {
            problems.push(problem(
                Field::KeyPointPhrases(i),
                format!(
                    "This key point has {} phrases; it may have at most {}.",
                    found.len(),
                    PHRASES.end()
                ),
            ));
        }
        if let Some(long) = found.iter().find(|p| p.chars().count() > MAX_FIELD_CHARS) {
            length_problem(Field::KeyPointPhrases(i), long, &mut problems);
        }
        if key_points.len() == *KEY_POINTS.end() {
            problems.push(problem(
                Field::KeyPointLabel(i),
                format!(
                    "A question may have at most {} key points.",
                    KEY_POINTS.end()
                ),
            ));
        }
        key_points.push(KeyPoint {
            label: row.label.trim().to_string(),
            phrases: found,
        });
    }
    if key_points.is_empty() {
        problems.push(problem(
            Field::KeyPointLabel(0),
            "Add at least one key point: a label and the phrases that show it.",
        ));
    }

    let mut follow_ups = Vec::new();
    for (i, row) in draft.follow_ups.iter().enumerate() {
        if blank(&row.question) && blank(&row.hint) {
            continue;
        }
        if blank(&row.question) {
            problems.push(problem(
                Field::FollowUpQuestion(i),
                "Write the follow-up question, or clear its hint.",
            ));
        }
        if blank(&row.hint) {
            problems.push(problem(
                Field::FollowUpHint(i),
                "Give a hint towards a good answer to this follow-up.",
            ));
        }
        length_problem(Field::FollowUpQuestion(i), &row.question, &mut problems);
        length_problem(Field::FollowUpHint(i), &row.hint, &mut problems);
        if follow_ups.len() == *FOLLOW_UPS.end() {
            problems.push(problem(
                Field::FollowUpQuestion(i),
                format!(
                    "A question may have at most {} follow-ups.",
                    FOLLOW_UPS.end()
                ),
            ));
        }
        follow_ups.push(FollowUp {
            prompt: parse_line(row.question.trim()),
            hint: parse_line(row.hint.trim()),
        });
    }

    let mut concerns = Vec::new();
    let rows = draft
        .failures
        .iter()
        .enumerate()
        .map(|(i, t)| (ConcernKind::Failure, Field::Failure(i), t))
        .chain(
            draft
                .trade_offs
                .iter()
                .enumerate()
                .map(|(i, t)| (ConcernKind::TradeOff, Field::TradeOff(i), t)),
        );
    for (kind, field, text) in rows {
        if blank(text) {
            continue;
        }
        length_problem(field, text, &mut problems);
        if concerns.len() == *CONCERNS.end() {
            problems.push(problem(
                field,
                format!(
                    "A question may have at most {} failure modes and trade-offs together.",
                    CONCERNS.end()
                ),
            ));
        }
        concerns.push(Concern {
            kind,
            text: parse_line(text.trim()),
        });
    }

    let question = Question {
        id: id.to_string(),
        topic: draft.topic.clone(),
        difficulty,
        minutes,
        tags: Vec::new(),
        kind: Default::default(),
        prompt,
        answer,
        key_points,
        follow_ups,
        concerns,
        misconceptions: Vec::new(),
    };
    if problems.is_empty() {
        // The reader's own rules, as a backstop for anything not caught above
        // (an answer that parses to nothing visible, say).
        if let Err(error) = validate(&deck_of("check", "", vec![question.clone()])) {
            problems.push(problem(field_of(&error), format!("{error}.")));
        }
    }
    if problems.is_empty() {
        Ok(question)
    } else {
        Err(problems)
    }
}

/// The form field a reader's complaint is about, as near as it can be told.
fn field_of(error: &LinkError) -> Field {
    match error {
        LinkError::Invalid { field, .. } => match field.as_str() {
            "topic" => Field::Topic,
            "difficulty" => Field::Difficulty,
            "minutes" => Field::Minutes,
            "answer" => Field::Answer,
            "key points" => Field::KeyPointLabel(0),
            "follow-ups" => Field::FollowUpQuestion(0),
            "failure modes and trade-offs" => Field::Failure(0),
            _ => Field::Prompt,
        },
        _ => Field::Prompt,
    }
}
