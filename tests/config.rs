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
            "spoken",
            "data-mode=\"spoken\" is not valid; allowed: flashcards, typed, mock.",
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

mod snippets {
    use interview_drill::core::config::{from_attributes, Config, DrillMode, Theme};
    use interview_drill::core::snippet::{snippet, to_attributes, SnippetKind};

    fn chosen() -> Config {
        Config {
            topics: vec!["data-caching".into(), "async-queues".into()],
            difficulty: Some(2),
            questions: Some(5),
            theme: Theme::Dark,
            title: Some("Caching \"drill\" <for you> & me".into()),
            ..Config::default()
        }
    }

    #[test]
    fn attributes_round_trip_through_the_parser() {
        let modes = [DrillMode::Flashcards, DrillMode::Typed, DrillMode::Mock]
            .map(|mode| Config { mode, ..chosen() });
        for config in [Config::default(), chosen()].into_iter().chain(modes) {
            let attributes: Vec<(String, String)> = to_attributes(&config)
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect();
            let (parsed, problems) = from_attributes(&attributes, &["backend"]);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(parsed, config);
        }
    }

    #[test]
    fn the_script_snippet_escapes_what_it_quotes() {
        let text = snippet(&chosen(), "https://example.com/drill/", SnippetKind::Script);
        assert_eq!(
            text,
            "<div data-interview-drill data-topics=\"data-caching,async-queues\" data-difficulty=\"core\" data-questions=\"5\" data-theme=\"dark\" data-title=\"Caching &quot;drill&quot; &lt;for you&gt; &amp; me\"></div>\n<script type=\"module\" src=\"https://example.com/drill/embed.js\"></script>"
        );
        assert_eq!(
            snippet(&Config::default(), "/x/", SnippetKind::Script),
            "<div data-interview-drill></div>\n<script type=\"module\" src=\"/x/embed.js\"></script>"
        );
    }

    #[test]
    fn the_iframe_snippet_carries_the_options_in_its_query() {
        let text = snippet(&chosen(), "https://example.com/drill/", SnippetKind::Iframe);
        assert!(text.starts_with("<iframe src=\"https://example.com/drill/embed.html?topics=data-caching,async-queues&amp;difficulty=core&amp;questions=5&amp;theme=dark&amp;title=Caching%20%22drill%22%20%3Cfor%20you%3E%20%26%20me\""), "{text}");
        assert!(text.ends_with(
            "<script type=\"module\" src=\"https://example.com/drill/embed-frame.js\"></script>"
        ));
    }
}
