//! The HTML a blog author pastes: a div and the script, or an iframe.

use super::config::{Config, DrillMode, Theme};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetKind {
    /// A div with data-* attributes and the module script: shares progress with
    /// the author's other widgets, lives in the page.
    Script,
    /// An iframe of embed.html: fully isolated, progress kept per blog.
    Iframe,
}

/// The attributes (without `data-`) that reproduce `config`; defaults left out.
pub fn to_attributes(config: &Config) -> Vec<(&'static str, String)> {
    let defaults = Config::default();
    let mut out = Vec::new();
    if config.deck != defaults.deck {
        out.push(("deck", config.deck.clone()));
    }
    if !config.topics.is_empty() {
        out.push(("topics", config.topics.join(",")));
    }
    if let Some(d) = config.difficulty {
        out.push((
            "difficulty",
            ["warm-up", "core", "senior"][usize::from(d.clamp(1, 3) - 1)].to_string(),
        ));
    }
    match config.mode {
        DrillMode::Flashcards => {}
        DrillMode::Typed => out.push(("mode", "typed".into())),
        DrillMode::Mock => out.push(("mode", "mock".into())),
    }
    if let Some(n) = config.questions {
        out.push(("questions", n.to_string()));
    }
    match config.theme {
        Theme::Auto => {}
        Theme::Light => out.push(("theme", "light".into())),
        Theme::Dark => out.push(("theme", "dark".into())),
    }
    if let Some(title) = &config.title {
        out.push(("title", title.clone()));
    }
    if config.namespace != defaults.namespace {
        out.push(("namespace", config.namespace.clone()));
    }
    out
}

/// The snippet for a widget hosted at `base` (the folder holding embed.js,
/// ending in `/`).
pub fn snippet(config: &Config, base: &str, kind: SnippetKind) -> String {
    let attributes = to_attributes(config);
    match kind {
        SnippetKind::Script => {
            let mut div = String::from("<div data-interview-drill");
            for (name, value) in &attributes {
                div.push_str(&format!(" data-{name}=\"{}\"", escape(value)));
            }
            div.push_str("></div>");
            format!(
                "{div}\n<script type=\"module\" src=\"{}embed.js\"></script>",
                escape(base)
            )
        }
        SnippetKind::Iframe => {
            let query: Vec<String> = attributes
                .iter()
                .map(|(name, value)| format!("{name}={}", encode_component(value)))
                .collect();
            let src = if query.is_empty() {
                format!("{base}embed.html")
            } else {
                format!("{base}embed.html?{}", query.join("&"))
            };
            format!(
                "<iframe src=\"{}\" title=\"Interview Drill\" data-interview-drill-frame width=\"100%\" height=\"640\"></iframe>\n<script type=\"module\" src=\"{}embed-frame.js\"></script>",
                escape(&src),
                escape(base)
            )
        }
    }
}

/// Escapes text for an HTML attribute value in double quotes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn encode_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
