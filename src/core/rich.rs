//! Rich text as data: the small Markdown subset the page renders.
//!
//! Markdown is parsed at build time (see `content`) into these types, so the page
//! never ships a Markdown parser and never turns an HTML string into DOM nodes.
//! The UI renders each variant as a real element.

use serde::{Deserialize, Serialize};

/// A block of rich text. Short serde names keep the compiled deck small.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    #[serde(rename = "ul")]
    Bullets(Vec<Vec<Block>>),
    #[serde(rename = "ol")]
    Numbered(Vec<Vec<Block>>),
    #[serde(rename = "pre")]
    Code(String),
    #[serde(rename = "q")]
    Quote(Vec<Block>),
}

/// Inline rich text inside a paragraph, list item or single line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "em")]
    Emphasis(Vec<Inline>),
    #[serde(rename = "b")]
    Strong(Vec<Inline>),
    #[serde(rename = "c")]
    Code(String),
    #[serde(rename = "a")]
    Link { href: String, text: Vec<Inline> },
    #[serde(rename = "br")]
    LineBreak,
}

/// A single line of inline rich text (a question prompt, a hint, a trade-off).
pub type Line = Vec<Inline>;

/// The link schemes a rendered link may use. Anything else renders as text.
const SAFE_SCHEMES: [&str; 3] = ["http:", "https:", "mailto:"];

/// Returns the href if it is an absolute `http`, `https` or `mailto` URL.
///
/// Browsers ignore ASCII tab and newline inside a scheme (`java\tscript:`), so any
/// control character or whitespace before the colon makes the link unsafe.
pub fn safe_href(href: &str) -> Option<&str> {
    let trimmed = href.trim();
    if trimmed.chars().any(|c| c.is_control()) {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    SAFE_SCHEMES
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        .then_some(trimmed)
}

/// The plain text of a line, for accessible names and search.
pub fn plain_text(line: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(line, &mut out);
    out
}

fn push_plain(line: &[Inline], out: &mut String) {
    for inline in line {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(inner) | Inline::Strong(inner) => push_plain(inner, out),
            Inline::Link { text, .. } => push_plain(text, out),
            Inline::LineBreak => out.push(' '),
        }
    }
}
