//! What a widget instance is asked to show, decided before it mounts, and how
//! it is read from an embed's `data-*` attributes.
//!
//! Attributes come from strangers' pages, so they are parsed in two steps: the
//! raw strings, then a validated `Config` where every bad value is replaced by
//! its default and reported in words the blog author can act on.

use super::bank::{Deck, Question, BUILTIN_TOPICS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "idrill-theme-auto",
            Theme::Light => "idrill-theme-light",
            Theme::Dark => "idrill-theme-dark",
        }
    }
}

/// How the learner answers first. Every card has the answer box and the
/// speaking timer; the mode decides which the card leads with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DrillMode {
    /// Recall, then reveal and grade.
    #[default]
    Flashcards,
    /// Type the answer and have the coach check it before the reveal.
    Typed,
    /// Open on the timed mock round's set-up.
    Mock,
}

/// A widget's whole configuration. The app root takes it as props; nothing is
/// read from globals, so several widgets can share a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The id of the deck to drill.
    pub deck: String,
    /// Only these topic slugs; empty for every topic of the deck.
    pub topics: Vec<String>,
    /// Only questions of this difficulty (1 to 3).
    pub difficulty: Option<u8>,
    /// Start filtered to this topic slug, or every allowed topic.
    pub topic: Option<String>,
    pub mode: DrillMode,
    /// At most this many cards a session.
    pub questions: Option<usize>,
    pub theme: Theme,
    /// A heading instead of the deck's title.
    pub title: Option<String>,
    /// Separates stored progress: widgets with the same namespace share it.
    pub namespace: String,
    /// Open what the page's link fragment shares (a question, a drill, a
    /// deck). Only a page made for practice asks for it: a blog's own
    /// anchors are none of the widget's business.
    pub follow_links: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            deck: "backend".into(),
            topics: Vec::new(),
            difficulty: None,
            topic: None,
            mode: DrillMode::Flashcards,
            questions: None,
            theme: Theme::Auto,
            title: None,
            namespace: "default".into(),
            follow_links: false,
        }
    }
}

/// Every attribute an embed understands, for the docs and the messages.
pub const ATTRIBUTES: [&str; 9] = [
    "data-deck",
    "data-topics",
    "data-difficulty",
    "data-mode",
    "data-questions",
    "data-theme",
    "data-title",
    "data-namespace",
    "data-load",
];

const MAX_TITLE: usize = 120;

/// Reads a widget's configuration from its `data-*` attributes (name without
/// the `data-` prefix, value). Returns the configuration and one message per
/// bad value; each bad value falls back to its default.
pub fn from_attributes(attributes: &[(String, String)], decks: &[&str]) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    for (name, raw) in attributes {
        let value = raw.trim();
        match name.as_str() {
            "deck" => {
                if decks.contains(&value) {
                    config.deck = value.to_string();
                } else {
                    problems.push(not_allowed("data-deck", value, &decks.join(", ")));
                }
            }
            "topics" => {
                for topic in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                    if BUILTIN_TOPICS.iter().any(|(slug, _)| *slug == topic) {
                        if !config.topics.iter().any(|t| t == topic) {
                            config.topics.push(topic.to_string());
                        }
                    } else {
                        let allowed: Vec<&str> =
                            BUILTIN_TOPICS.iter().map(|(slug, _)| *slug).collect();
                        problems.push(not_allowed("data-topics", topic, &allowed.join(", ")));
                    }
                }
            }
            "difficulty" => match value {
                "1" | "warm-up" => config.difficulty = Some(1),
                "2" | "core" => config.difficulty = Some(2),
                "3" | "senior" => config.difficulty = Some(3),
                "" | "any" => config.difficulty = None,
                other => problems.push(not_allowed(
                    "data-difficulty",
                    other,
                    "warm-up, core, senior, any (or 1, 2, 3)",
                )),
            },
            "mode" => match value {
                "flashcards" | "" => config.mode = DrillMode::Flashcards,
                "typed" => config.mode = DrillMode::Typed,
                "mock" => config.mode = DrillMode::Mock,
                other => problems.push(not_allowed("data-mode", other, "flashcards, typed, mock")),
            },
            "questions" => match value.parse::<usize>() {
                Ok(n) if (1..=200).contains(&n) => config.questions = Some(n),
                _ => problems.push(not_allowed(
                    "data-questions",
                    value,
                    "a whole number from 1 to 200",
                )),
            },
            "theme" => match value {
                "auto" | "" => config.theme = Theme::Auto,
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                other => problems.push(not_allowed("data-theme", other, "light, dark, auto")),
            },
            "title" => {
                let title: String = value
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_TITLE)
                    .collect();
                config.title = (!title.is_empty()).then_some(title);
            }
            "namespace" => {
                let valid = (1..=40).contains(&value.len())
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if valid {
                    config.namespace = value.to_string();
                } else {
                    problems.push(not_allowed(
                        "data-namespace",
                        value,
                        "1 to 40 letters, digits, - or _",
                    ));
                }
            }
            "links" => match value {
                "follow" => config.follow_links = true,
                "" | "ignore" => config.follow_links = false,
                other => problems.push(not_allowed("data-links", other, "follow, ignore")),
            },
            "load" if !matches!(value, "" | "lazy" | "eager") => {
                problems.push(not_allowed("data-load", value, "lazy, eager"));
            }
            // The marker attribute itself, and attributes of other scripts.
            _ => {}
        }
    }
    (config, problems)
}

fn not_allowed(attribute: &str, value: &str, allowed: &str) -> String {
    let shown: String = value.chars().take(40).collect();
    format!("{attribute}=\"{shown}\" is not valid; allowed: {allowed}. Using the default.")
}

/// The deck as this widget shows it: only its topics and difficulty, under
/// its title. Progress still hangs on the deck's id, so every widget shares it.
pub fn scoped(mut deck: Deck, config: &Config) -> Deck {
    let wanted = |q: &Question| {
        (config.topics.is_empty() || config.topics.contains(&q.topic))
            && config.difficulty.is_none_or(|d| q.difficulty == d)
    };
    // `from_attributes` only accepts known values; an odd combination that
    // matches nothing shows the whole deck rather than an empty widget.
    if deck.questions.iter().any(wanted) {
        deck.questions.retain(wanted);
    }
    if let Some(title) = &config.title {
        deck.title = title.clone();
    }
    deck
}
