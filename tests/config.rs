//! Embed attributes: every value a blog author might write, good and bad.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::config::{from_attributes, Config, Theme};

fn parse(pairs: &[(&str, &str)]) -> (Config, Vec<String>) {
    let attributes: Vec<(String, String)> = pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    from_attributes(&attributes, &["backend"])
}

#[test]
fn good_values_configure_the_widget() {
    let (config, problems) = parse(&[
        ("interview-drill", ""),
        ("topics", "data-caching, async-queues,data-caching"),
        ("difficulty", "senior"),
        ("mode", "flashcards"),
        ("questions", "5"),
        ("theme", "dark"),
        ("title", "  Caching drill  "),
        ("namespace", "my-blog"),
        ("load", "eager"),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.topics, vec!["data-caching", "async-queues"]);
    assert_eq!(config.difficulty, Some(3));
    assert_eq!(config.questions, Some(5));
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.title.as_deref(), Some("Caching drill"));
    assert_eq!(config.namespace, "my-blog");
}

#[test]
fn each_bad_value_is_named_with_the_allowed_values_and_falls_back() {
    let rows: Vec<(&str, &str, &str)> = vec![
        (
            "deck",
            "frontend",
            "data-deck=\"frontend\" is not valid; allowed: backend.",
        ),
        (
            "topics",
            "kubernetes",
            "data-topics=\"kubernetes\" is not valid; allowed: api-design, data-caching",
        ),
        (
            "difficulty",
            "hard",
            "data-difficulty=\"hard\" is not valid; allowed: warm-up, core, senior, any",
        ),
        (
            "mode",
            "typed",
            "data-mode=\"typed\" is not valid; allowed: flashcards.",
        ),
        (
            "questions",
            "0",
            "data-questions=\"0\" is not valid; allowed: a whole number from 1 to 200.",
        ),
        ("questions", "lots", "data-questions=\"lots\""),
        (
            "theme",
            "purple",
            "data-theme=\"purple\" is not valid; allowed: light, dark, auto.",
        ),
        ("namespace", "a b", "data-namespace=\"a b\" is not valid"),
        (
            "load",
            "later",
            "data-load=\"later\" is not valid; allowed: lazy, eager.",
        ),
    ];
    for (name, value, message) in rows {
        let (config, problems) = parse(&[(name, value)]);
        assert_eq!(problems.len(), 1, "{name}={value}: {problems:?}");
        assert!(
            problems[0].starts_with(message),
            "{name}={value}: {}",
            problems[0]
        );
        assert!(problems[0].ends_with("Using the default."));
        assert_eq!(
            config,
            Config::default(),
            "{name}={value} keeps the default"
        );
    }
}

#[test]
fn hostile_values_are_cut_down_and_never_trusted() {
    let long = "x".repeat(5000);
    let (config, problems) = parse(&[
        ("title", &format!("<script>alert(1)</script>\u{7}{long}")),
        ("theme", &long),
    ]);
    let title = config.title.expect("title");
    assert_eq!(title.chars().count(), 120, "titles are capped");
    assert!(!title.contains('\u{7}'));
    // The title is text: the UI renders it as a text node, never as markup.
    assert!(title.starts_with("<script>"));
    assert!(
        problems[0].len() < 120,
        "a huge value is not echoed whole: {}",
        problems[0]
    );
}
