//! One question file: front matter, title and the order of its sections,
//! read as a state machine over lines so every error can name its line. The
//! sections' own rules are in `sections`.

use serde::Deserialize;

use super::super::bank::{is_valid_id, Question, QuestionKind};
use super::kind::{kind_named, sections_for, BEHAVIOURAL_SECTIONS, SECTIONS};
use super::markdown::{parse_line, MarkdownError};
use super::misconceptions::parse_misconceptions;
use super::sections::{
    parse_answer, parse_concerns, parse_follow_ups, parse_key_points, parse_strengths,
};
use super::ContentError;

/// How many of `SECTIONS`, from the first, every question must have; the
/// rest are optional.
const REQUIRED_SECTIONS: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    topic: String,
    difficulty: i64,
    minutes: i64,
    #[serde(default)]
    tags: Vec<String>,
    /// `technical` (the default) or `behavioural`.
    #[serde(default)]
    kind: Option<String>,
}

/// A section's body with the 1-based line number of its first body line.
pub(super) struct Section<'a> {
    pub heading_line: usize,
    pub body_line: usize,
    pub lines: Vec<&'a str>,
}

impl Section<'_> {
    pub fn text(&self) -> String {
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

    pub fn markdown(&mut self, body_line: usize, text: &str, errors: Vec<MarkdownError>) {
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
    // When the front matter cannot say (it failed, or names an unknown
    // kind), the sections do, so its own error is not buried under theirs.
    let kind = meta
        .as_ref()
        .and_then(|m| kind_named(m.kind.as_deref()))
        .unwrap_or_else(|| {
            if sections
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case(BEHAVIOURAL_SECTIONS[0]))
            {
                QuestionKind::Behavioural
            } else {
                QuestionKind::Technical
            }
        });
    let names = sections_for(kind);
    let found = check_section_order(report, &sections, title_line, names);

    let answer = found[0].and_then(|s| parse_answer(report, s));
    let key_points = found[1].and_then(|s| parse_key_points(report, s));
    let follow_ups = found[2].and_then(|s| parse_follow_ups(report, s));
    let concerns = found[3].and_then(|s| match kind {
        QuestionKind::Technical => parse_concerns(report, s),
        QuestionKind::Behavioural => parse_strengths(report, s),
    });
    let labels: Vec<&str> = key_points
        .iter()
        .flatten()
        .map(|k| k.label.as_str())
        .collect();
    let misconceptions = match found[4] {
        Some(s) => parse_misconceptions(report, s, &labels),
        None => Some(Vec::new()),
    };

    let meta = meta?;
    Some(Question {
        id: meta.id,
        topic: meta.topic,
        difficulty: u8::try_from(meta.difficulty).ok()?,
        minutes: u8::try_from(meta.minutes).ok()?,
        tags: meta.tags,
        kind,
        prompt: prompt?,
        answer: answer?,
        key_points: key_points?,
        follow_ups: follow_ups?,
        concerns: concerns?,
        misconceptions: misconceptions?,
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
    if kind_named(meta.kind.as_deref()).is_none() {
        report.error(
            line_of("kind"),
            format!(
                "kind `{}` must be `technical` or `behavioural`",
                meta.kind.as_deref().unwrap_or_default()
            ),
        );
        ok = false;
    }
    if !(1..=30).contains(&meta.minutes) {
        report.error(line_of("minutes"), "minutes must be between 1 and 30");
        ok = false;
    }
    for tag in meta.tags.iter().filter(|t| !is_valid_tag(t)) {
        report.error(
            line_of("tags"),
            format!("tag `{tag}` must be 1 to 32 characters of a-z, 0-9 and `-`"),
        );
        ok = false;
    }
    ok.then_some(meta)
}

/// content/README.md promises tags are "short lowercase words"; this is that
/// promise made checkable (`-` joins words, as in `n-plus-one`).
fn is_valid_tag(tag: &str) -> bool {
    (1..=32).contains(&tag.len())
        && tag
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Returns the sections in order, reporting missing, unknown, duplicate and
/// out-of-order ones.
fn check_section_order<'s>(
    report: &mut Report<'_>,
    sections: &'s [(String, Section<'s>)],
    title_line: usize,
    names: [&str; SECTIONS.len()],
) -> [Option<&'s Section<'s>>; SECTIONS.len()] {
    let mut found: [Option<&Section<'_>>; SECTIONS.len()] = [None; SECTIONS.len()];
    let mut last_index = None;
    for (name, section) in sections {
        let Some(index) = names.iter().position(|s| s.eq_ignore_ascii_case(name)) else {
            let story_section = names == SECTIONS
                && BEHAVIOURAL_SECTIONS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(name));
            report.error(
                section.heading_line,
                format!(
                    "unknown section `## {name}`; expected {}{}",
                    names.map(|s| format!("`## {s}`")).join(", "),
                    if story_section {
                        " (a behavioural prompt says `kind = \"behavioural\"` in its front matter)"
                    } else {
                        ""
                    }
                ),
            );
            continue;
        };
        if found[index].is_some() {
            report.error(
                section.heading_line,
                format!("duplicate section `## {}`", names[index]),
            );
            continue;
        }
        if last_index.is_some_and(|last| index < last) {
            report.error(
                section.heading_line,
                format!(
                    "section `## {}` is out of order; the order is {}",
                    names[index],
                    names.join(", ")
                ),
            );
        }
        last_index = Some(index);
        found[index] = Some(section);
    }
    let end_line = sections
        .last()
        .map_or(title_line, |(_, s)| s.body_line + s.lines.len());
    for (index, name) in names.iter().enumerate().take(REQUIRED_SECTIONS) {
        if found[index].is_none() {
            report.error(
                end_line.max(title_line),
                format!("missing section `## {name}`"),
            );
        }
    }
    found
}
