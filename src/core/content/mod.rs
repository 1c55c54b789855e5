//! The content compiler: a deck folder of Markdown files into a `Deck`.
//!
//! It runs at build time (build.rs includes this module) and in native tests,
//! never in the page. Every problem is reported with the file, the line and the
//! reason, and all problems of all files are reported at once.

mod kind;
mod markdown;
mod misconceptions;
mod question;
mod sections;

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

pub use super::bank::is_valid_id;
use super::bank::{Deck, Topic, BUILTIN_TOPICS};
#[allow(unused_imports)] // used by native tests, not by build.rs
pub use markdown::{parse_blocks, parse_line};
use question::{parse_question, Report};
#[allow(unused_imports)] // used by native tests, not by build.rs
pub use sections::MAX_PHRASES;

/// One problem in one content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// A file handed to the compiler: its path (as shown in errors) and its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeckToml {
    // Spanned, so a bad id or slug is reported on its own line.
    id: Spanned<String>,
    title: String,
    description: String,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    topics: Vec<TopicToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicToml {
    slug: Spanned<String>,
    title: String,
}

/// Compiles `deck.toml` and the question files of one deck.
pub fn compile_deck(
    deck_toml: &SourceFile,
    questions: &[SourceFile],
) -> Result<Deck, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut deck = parse_deck_toml(deck_toml, &mut errors);
    let slugs: Vec<String> = deck
        .as_ref()
        .map(|d| d.topics.iter().map(|t| t.slug.clone()).collect())
        .unwrap_or_else(|| BUILTIN_TOPICS.iter().map(|(s, _)| s.to_string()).collect());

    let mut first_seen: Vec<(String, String)> = Vec::new();
    for file in questions {
        let mut report = Report {
            path: &file.path,
            errors: Vec::new(),
        };
        let parsed = parse_question(&mut report, &file.text, &slugs);
        errors.append(&mut report.errors);
        let Some(question) = parsed else { continue };
        if let Some((_, earlier)) = first_seen.iter().find(|(id, _)| *id == question.id) {
            errors.push(ContentError {
                path: file.path.clone(),
                line: id_line(&file.text),
                message: format!("duplicate id `{}`, already used by {earlier}", question.id),
            });
            continue;
        }
        first_seen.push((question.id.clone(), file.path.clone()));
        if let Some(deck) = deck.as_mut() {
            deck.questions.push(question);
        }
    }
    if questions.is_empty() {
        errors.push(ContentError {
            path: deck_toml.path.clone(),
            line: 1,
            message: "the deck has no question files".into(),
        });
    }
    match deck {
        Some(deck) if errors.is_empty() => Ok(deck),
        _ => Err(errors),
    }
}

fn id_line(text: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with("id"))
        .map_or(1, |i| i + 1)
}

/// The 1-based line of a byte offset of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse_deck_toml(file: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Deck> {
    let mut error = |line: usize, message: String| {
        errors.push(ContentError {
            path: file.path.clone(),
            line,
            message,
        })
    };
    let parsed: DeckToml = match toml::from_str(&file.text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_at(&file.text, s.start));
            error(line, format!("malformed deck.toml: {}", e.message()));
            return None;
        }
    };
    if !is_valid_id(parsed.id.get_ref()) {
        error(
            line_at(&file.text, parsed.id.span().start),
            format!(
                "deck id `{}` must be 3 to 64 characters of a-z, 0-9 and `-`",
                parsed.id.get_ref()
            ),
        );
        return None;
    }
    let mut topics: Vec<Topic> = BUILTIN_TOPICS
        .iter()
        .map(|(slug, title)| Topic {
            slug: slug.to_string(),
            title: title.to_string(),
        })
        .collect();
    for extra in parsed.topics {
        let slug = extra.slug.get_ref();
        if !is_valid_id(slug) || topics.iter().any(|t| t.slug == *slug) {
            error(
                line_at(&file.text, extra.slug.span().start),
                format!("topic slug `{slug}` is invalid or already defined"),
            );
            return None;
        }
        topics.push(Topic {
            slug: extra.slug.into_inner(),
            title: extra.title,
        });
    }
    Some(Deck {
        id: parsed.id.into_inner(),
        title: parsed.title,
        description: parsed.description,
        version: parsed.version.unwrap_or_default(),
        topics,
        questions: Vec::new(),
    })
}
