//! The sections of a question file: answer, key points, follow-ups, failure
//! modes and trade-offs (or what a strong story shows), each checked against
//! the content rules, and the list parsing the misconceptions share.

use super::super::bank::{Concern, ConcernKind, FollowUp, KeyPoint};
use super::super::rich::{Block, Line};
use super::markdown::{parse_blocks, parse_line};
use super::question::{Report, Section};

const ANSWER_WORDS: std::ops::RangeInclusive<usize> = 60..=400;
const KEY_POINTS: std::ops::RangeInclusive<usize> = 3..=6;
const FOLLOW_UPS: std::ops::RangeInclusive<usize> = 2..=4;
pub(super) const MISCONCEPTIONS: std::ops::RangeInclusive<usize> = 1..=4;
/// The most phrases a key point may have: what a deck link carries
/// (`share::rules::PHRASES`), so every built-in question can be shared.
pub const MAX_PHRASES: usize = 24;
/// A correction is one line the learner reads beside their answer.
pub(super) const CORRECTION_CHARS: usize = 240;

pub(super) fn parse_answer(report: &mut Report<'_>, section: &Section<'_>) -> Option<Vec<Block>> {
    let text = section.text();
    let words = text.split_whitespace().count();
    if words == 0 {
        report.error(section.heading_line, "section `## Answer` is empty");
        return None;
    }
    if !ANSWER_WORDS.contains(&words) {
        report.error(
            section.heading_line,
            format!(
                "the answer has {words} words; it needs {} to {}",
                ANSWER_WORDS.start(),
                ANSWER_WORDS.end()
            ),
        );
    }
    match parse_blocks(&text) {
        Ok(blocks) => Some(blocks),
        Err(errors) => {
            report.markdown(section.body_line, &text, errors);
            None
        }
    }
}

/// A list item: its first line number, its text and its indented continuation lines.
pub(super) struct Item<'a> {
    pub line: usize,
    pub text: String,
    pub continuation: Vec<(usize, &'a str)>,
}

impl Item<'_> {
    /// The item's text with its continuation lines, joined by spaces.
    pub fn joined(&self) -> String {
        let mut text = self.text.clone();
        for (_, more) in &self.continuation {
            text.push(' ');
            text.push_str(more);
        }
        text
    }
}

/// Splits a section into `- ` items; any other non-blank, unindented line is an error.
pub(super) fn list_items<'a>(report: &mut Report<'_>, section: &Section<'a>) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = Vec::new();
    for (offset, raw) in section.lines.iter().enumerate() {
        let number = section.body_line + offset;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(rest) = raw.strip_prefix("- ").or_else(|| raw.strip_prefix("* ")) {
            items.push(Item {
                line: number,
                text: rest.trim().to_string(),
                continuation: Vec::new(),
            });
        } else if raw.starts_with([' ', '\t']) {
            match items.last_mut() {
                Some(item) => item.continuation.push((number, trimmed)),
                None => report.error(number, "expected a `- ` list item"),
            }
        } else {
            report.error(number, "expected a `- ` list item");
        }
    }
    items
}

pub(super) fn check_count(
    report: &mut Report<'_>,
    section: &Section<'_>,
    name: &str,
    count: usize,
    range: std::ops::RangeInclusive<usize>,
) -> bool {
    if range.contains(&count) {
        return true;
    }
    report.error(
        section.heading_line,
        format!(
            "section `## {name}` has {count} items; it needs {} to {}",
            range.start(),
            range.end()
        ),
    );
    false
}

pub(super) fn parse_key_points(
    report: &mut Report<'_>,
    section: &Section<'_>,
) -> Option<Vec<KeyPoint>> {
    let items = list_items(report, section);
    let mut points = Vec::new();
    let mut ok = check_count(report, section, "Key points", items.len(), KEY_POINTS);
    for item in items {
        let text = item.joined();
        let Some((label, phrases)) = label_and_phrases(&text) else {
            report.error(
                item.line,
                "a key point is written `Label: phrase | phrase | ...`",
            );
            ok = false;
            continue;
        };
        if label.is_empty() || phrases.is_empty() {
            report.error(
                item.line,
                "a key point needs a label and at least one phrase after the `:`",
            );
            ok = false;
            continue;
        }
        if phrases.len() > MAX_PHRASES {
            report.error(
                item.line,
                format!(
                    "key point `{label}` has {} phrases; at most {MAX_PHRASES} travel in a deck link",
                    phrases.len()
                ),
            );
            // The point still counts, so a `Contradicts:` naming it is not
            // reported as well.
        }
        points.push(KeyPoint {
            label: label.to_string(),
            phrases,
        });
    }
    ok.then_some(points)
}

pub(super) fn parse_follow_ups(
    report: &mut Report<'_>,
    section: &Section<'_>,
) -> Option<Vec<FollowUp>> {
    let items = list_items(report, section);
    let mut ok = check_count(report, section, "Follow-ups", items.len(), FOLLOW_UPS);
    let mut follow_ups = Vec::new();
    for item in items {
        let mut prompt = item.text.clone();
        let mut hint: Option<(usize, String)> = None;
        for (number, more) in &item.continuation {
            if let Some(rest) = more.strip_prefix("Hint:") {
                hint = Some((*number, rest.trim().to_string()));
            } else if let Some((_, h)) = hint.as_mut() {
                h.push(' ');
                h.push_str(more);
            } else {
                prompt.push(' ');
                prompt.push_str(more);
            }
        }
        let Some((hint_line, hint)) = hint.filter(|(_, h)| !h.is_empty()) else {
            report.error(
                item.line,
                "a follow-up needs an indented `Hint:` line under it",
            );
            ok = false;
            continue;
        };
        let prompt = inline(report, item.line, &prompt);
        let hint = inline(report, hint_line, &hint);
        match (prompt, hint) {
            (Some(prompt), Some(hint)) => follow_ups.push(FollowUp { prompt, hint }),
            _ => ok = false,
        }
    }
    ok.then_some(follow_ups)
}

pub(super) fn parse_concerns(
    report: &mut Report<'_>,
    section: &Section<'_>,
) -> Option<Vec<Concern>> {
    let items = list_items(report, section);
    let mut ok = true;
    let mut concerns = Vec::new();
    for item in items {
        let text = item.joined();
        let (kind, rest) = if let Some(rest) = strip_label(&text, &["Failure:", "Failure mode:"]) {
            (ConcernKind::Failure, rest)
        } else if let Some(rest) = strip_label(&text, &["Trade-off:", "Tradeoff:"]) {
            (ConcernKind::TradeOff, rest)
        } else {
            report.error(
                item.line,
                "each item starts with `Failure:` or `Trade-off:`",
            );
            ok = false;
            continue;
        };
        match inline(report, item.line, rest) {
            Some(text) => concerns.push(Concern { kind, text }),
            None => ok = false,
        }
    }
    for (kind, name) in [
        (ConcernKind::Failure, "Failure:"),
        (ConcernKind::TradeOff, "Trade-off:"),
    ] {
        if ok && !concerns.iter().any(|c| c.kind == kind) {
            report.error(
                section.heading_line,
                format!(
                    "section `## Failure modes and trade-offs` needs at least one `{name}` item"
                ),
            );
            ok = false;
        }
    }
    ok.then_some(concerns)
}

/// What a strong story shows: 2 to 4 plain `- ` items (behavioural prompts).
pub(super) fn parse_strengths(
    report: &mut Report<'_>,
    section: &Section<'_>,
) -> Option<Vec<Concern>> {
    let items = list_items(report, section);
    if !check_count(
        report,
        section,
        "What a strong story shows",
        items.len(),
        2..=4,
    ) {
        return None;
    }
    let mut ok = true;
    let mut shows = Vec::new();
    for item in items {
        let text = item.joined();
        match inline(report, item.line, &text) {
            Some(text) => shows.push(Concern {
                kind: ConcernKind::Shows,
                text,
            }),
            None => ok = false,
        }
    }
    ok.then_some(shows)
}

/// `Label: phrase | phrase | ...` as its trimmed label and its non-empty
/// phrases; None without a `:`.
pub(super) fn label_and_phrases(text: &str) -> Option<(&str, Vec<String>)> {
    let (label, phrases) = text.split_once(':')?;
    let phrases = phrases
        .split('|')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    Some((label.trim(), phrases))
}

fn strip_label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    labels.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        head.eq_ignore_ascii_case(label)
            .then(|| text[label.len()..].trim())
    })
}

pub(super) fn inline(report: &mut Report<'_>, line: usize, text: &str) -> Option<Line> {
    if text.trim().is_empty() {
        report.error(line, "empty text");
        return None;
    }
    match parse_line(text) {
        Ok(line) => Some(line),
        Err(errors) => {
            report.markdown(line, text, errors);
            None
        }
    }
}
