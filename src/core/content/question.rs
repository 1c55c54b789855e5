//! One question file: front matter, title and four sections, read as a state
//! machine over lines so every error can name its line.

use serde::Deserialize;

use super::super::bank::{Concern, ConcernKind, FollowUp, KeyPoint, Question};
use super::super::rich::{Block, Line};
use super::markdown::{parse_blocks, parse_line, MarkdownError};
use super::ContentError;

/// The sections of a question file, in the order they must appear.
const SECTIONS: [&str; 4] = [
    "Answer",
    "Key points",
    "Follow-ups",
    "Failure modes and trade-offs",
];

const ANSWER_WORDS: std::ops::RangeInclusive<usize> = 60..=400;
const KEY_POINTS: std::ops::RangeInclusive<usize> = 3..=6;
const FOLLOW_UPS: std::ops::RangeInclusive<usize> = 2..=4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    topic: String,
    difficulty: i64,
    minutes: i64,
    #[serde(default)]
    tags: Vec<String>,
}

/// A section's body with the 1-based line number of its first body line.
struct Section<'a> {
    heading_line: usize,
    body_line: usize,
    lines: Vec<&'a str>,
}

impl Section<'_> {
    fn text(&self) -> String {
        self.lines.join("\n")
    }
}

enum State {
    BeforeFrontMatter,
    InFrontMatter { start: usize },
    BeforeTitle,
    InSections,
}

/// Collects errors against one file.
pub(super) struct Report<'a> {
    pub path: &'a str,
    pub errors: Vec<ContentError>,
}

impl Report<'_> {
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(ContentError {
            path: self.path.to_string(),
            line,
            message: message.into(),
        });
    }

    fn markdown(&mut self, body_line: usize, text: &str, errors: Vec<MarkdownError>) {
        for e in errors {
            let line = body_line + text[..e.offset.min(text.len())].matches('\n').count();
            self.error(line, e.message);
        }
    }
}

/// Parses a question file. `topics` are the slugs the deck knows.
pub(super) fn parse_question(
    report: &mut Report<'_>,
    text: &str,
    topics: &[String],
) -> Option<Question> {
    let mut state = State::BeforeFrontMatter;
    let mut front: Option<(usize, String)> = None;
    let mut title: Option<(usize, String)> = None;
    let mut sections: Vec<(String, Section<'_>)> = Vec::new();
    let mut in_fence = false;
    let mut last_line = 0;

    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        last_line = number;
        let line = raw.trim_end();
        match state {
            State::BeforeFrontMatter => {
                if line == "+++" {
                    state = State::InFrontMatter { start: number };
                } else if !line.is_empty() {
                    report.error(
                        number,
                        "the file must start with front matter between `+++` lines",
                    );
                    return None;
                }
            }
            State::InFrontMatter { start } => {
                if line == "+++" {
                    let body: Vec<&str> =
                        text.lines().skip(start).take(number - start - 1).collect();
                    front = Some((start + 1, body.join("\n")));
                    state = State::BeforeTitle;
                }
            }
            State::BeforeTitle => {
                if let Some(heading) = line.strip_prefix("# ") {
                    title = Some((number, heading.trim().to_string()));
                    state = State::InSections;
                } else if !line.is_empty() {
                    report.error(
                        number,
                        "expected the question as a `# ` heading after the front matter",
                    );
                    return None;
                }
            }
            State::InSections => {
                if line.starts_with("```") || line.starts_with("~~~") {
                    in_fence = !in_fence;
                }
                if let Some(name) = line.strip_prefix("## ").filter(|_| !in_fence) {
                    sections.push((
                        name.trim().to_string(),
                        Section {
                            heading_line: number,
                            body_line: number + 1,
                            lines: Vec::new(),
                        },
                    ));
                } else if let Some((_, section)) = sections.last_mut() {
                    section.lines.push(raw);
                } else if !line.is_empty() {
                    report.error(number, "text before the first `## ` section");
                }
            }
        }
    }

    let (front_line, front_text) = match (front, state) {
        (Some(front), _) => front,
        (None, State::InFrontMatter { start }) => {
            report.error(start, "front matter is not closed by a `+++` line");
            return None;
        }
        (None, _) => {
            report.error(
                1,
                "the file must start with front matter between `+++` lines",
            );
            return None;
        }
    };
    let Some((title_line, title_text)) = title else {
        report.error(last_line.max(1), "missing the question as a `# ` heading");
        return None;
    };

    let meta = parse_front_matter(report, front_line, &front_text, topics);
    let prompt = match parse_line(&title_text) {
        Ok(prompt) => Some(prompt),
        Err(errors) => {
            report.markdown(title_line, &title_text, errors);
            None
        }
    };
    let found = check_section_order(report, &sections, title_line);

    let answer = found[0].and_then(|s| parse_answer(report, s));
    let key_points = found[1].and_then(|s| parse_key_points(report, s));
    let follow_ups = found[2].and_then(|s| parse_follow_ups(report, s));
    let concerns = found[3].and_then(|s| parse_concerns(report, s));

    let meta = meta?;
    Some(Question {
        id: meta.id,
        topic: meta.topic,
        difficulty: u8::try_from(meta.difficulty).ok()?,
        minutes: u8::try_from(meta.minutes).ok()?,
        tags: meta.tags,
        prompt: prompt?,
        answer: answer?,
        key_points: key_points?,
        follow_ups: follow_ups?,
        concerns: concerns?,
    })
}

fn parse_front_matter(
    report: &mut Report<'_>,
    first_line: usize,
    text: &str,
    topics: &[String],
) -> Option<FrontMatter> {
    let meta: FrontMatter = match toml::from_str(text) {
        Ok(meta) => meta,
        Err(e) => {
            let line = e.span().map_or(0, |span| {
                text[..span.start.min(text.len())].matches('\n').count()
            });
            report.error(
                first_line + line,
                format!("malformed front matter: {}", e.message()),
            );
            return None;
        }
    };
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(first_line, |i| first_line + i)
    };
    let mut ok = true;
    if !is_valid_id(&meta.id) {
        report.error(
            line_of("id"),
            format!(
                "id `{}` must be 3 to 64 characters of a-z, 0-9 and `-`",
                meta.id
            ),
        );
        ok = false;
    }
    if !topics.contains(&meta.topic) {
        report.error(
            line_of("topic"),
            format!(
                "unknown topic `{}`; known topics: {}",
                meta.topic,
                topics.join(", ")
            ),
        );
        ok = false;
    }
    if !(1..=3).contains(&meta.difficulty) {
        report.error(line_of("difficulty"), "difficulty must be 1, 2 or 3");
        ok = false;
    }
    if !(1..=30).contains(&meta.minutes) {
        report.error(line_of("minutes"), "minutes must be between 1 and 30");
        ok = false;
    }
    ok.then_some(meta)
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

/// Returns the four sections in order, reporting missing, unknown, duplicate
/// and out-of-order ones.
fn check_section_order<'s>(
    report: &mut Report<'_>,
    sections: &'s [(String, Section<'s>)],
    title_line: usize,
) -> [Option<&'s Section<'s>>; 4] {
    let mut found: [Option<&Section<'_>>; 4] = [None; 4];
    let mut last_index = None;
    for (name, section) in sections {
        let Some(index) = SECTIONS.iter().position(|s| s.eq_ignore_ascii_case(name)) else {
            report.error(
                section.heading_line,
                format!(
                    "unknown section `## {name}`; expected {}",
                    SECTIONS.map(|s| format!("`## {s}`")).join(", ")
                ),
            );
            continue;
        };
        if found[index].is_some() {
            report.error(
                section.heading_line,
                format!("duplicate section `## {}`", SECTIONS[index]),
            );
            continue;
        }
        if last_index.is_some_and(|last| index < last) {
            report.error(
                section.heading_line,
                format!(
                    "section `## {}` is out of order; the order is {}",
                    SECTIONS[index],
                    SECTIONS.join(", ")
                ),
            );
        }
        last_index = Some(index);
        found[index] = Some(section);
    }
    let end_line = sections
        .last()
        .map_or(title_line, |(_, s)| s.body_line + s.lines.len());
    for (index, name) in SECTIONS.iter().enumerate() {
        if found[index].is_none() {
            report.error(
                end_line.max(title_line),
                format!("missing section `## {name}`"),
            );
        }
    }
    found
}

fn parse_answer(report: &mut Report<'_>, section: &Section<'_>) -> Option<Vec<Block>> {
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
struct Item<'a> {
    line: usize,
    text: String,
    continuation: Vec<(usize, &'a str)>,
}

/// Splits a section into `- ` items; any other non-blank, unindented line is an error.
fn list_items<'a>(report: &mut Report<'_>, section: &Section<'a>) -> Vec<Item<'a>> {
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

fn check_count(
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

fn parse_key_points(report: &mut Report<'_>, section: &Section<'_>) -> Option<Vec<KeyPoint>> {
    let items = list_items(report, section);
    let mut points = Vec::new();
    let mut ok = check_count(report, section, "Key points", items.len(), KEY_POINTS);
    for item in items {
        let mut text = item.text.clone();
        for (_, more) in &item.continuation {
            text.push(' ');
            text.push_str(more);
        }
        let Some((label, phrases)) = text.split_once(':') else {
            report.error(
                item.line,
                "a key point is written `Label: phrase | phrase | ...`",
            );
            ok = false;
            continue;
        };
        let label = label.trim();
        let phrases: Vec<String> = phrases
            .split('|')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if label.is_empty() || phrases.is_empty() {
            report.error(
                item.line,
                "a key point needs a label and at least one phrase after the `:`",
            );
            ok = false;
            continue;
        }
        points.push(KeyPoint {
            label: label.to_string(),
            phrases,
        });
    }
    ok.then_some(points)
}

fn parse_follow_ups(report: &mut Report<'_>, section: &Section<'_>) -> Option<Vec<FollowUp>> {
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

fn parse_concerns(report: &mut Report<'_>, section: &Section<'_>) -> Option<Vec<Concern>> {
    let items = list_items(report, section);
    let mut ok = true;
    let mut concerns = Vec::new();
    for item in items {
        let mut text = item.text.clone();
        for (_, more) in &item.continuation {
            text.push(' ');
            text.push_str(more);
        }
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

fn strip_label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    labels.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        head.eq_ignore_ascii_case(label)
            .then(|| text[label.len()..].trim())
    })
}

fn inline(report: &mut Report<'_>, line: usize, text: &str) -> Option<Line> {
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
