//! The content compiler: the real deck compiles, and every kind of broken file
//! is refused with its file, line and reason.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::bank::{ConcernKind, BUILTIN_TOPICS};
use interview_drill::core::content::{compile_deck, ContentError, SourceFile};
use interview_drill::core::rich::{Block, Inline};

const DECK_TOML: &str = r#"id = "test"
title = "Test deck"
description = "A deck for tests."
"#;

/// A valid question file. Line numbers in the table below refer to it.
const GOOD: &str = r#"+++
id = "good-question"
topic = "api-design"
difficulty = 2
minutes = 4
tags = ["x"]
+++

# Is this a *good* question?

## Answer

A model answer needs enough words to pass the bar, so this one keeps going with
words about idempotency keys, stored outcomes, retries and time to live. It names
a failure mode: the key store is down. It names a trade-off: longer key lifetimes
cost storage. It says how you would know it works: a replay test in CI that sends
the same request twice and compares the stored responses byte for byte.
See [the spec](https://example.com/spec) and `Idempotency-Key`.

## Key points

- Client key: idempotency key | request id
- Replay: stored response | same result
- Expiry: time to live | TTL

## Follow-ups

- What if two requests race?
  Hint: insert-if-absent on the key.
- How long do keys live?
  Hint: longer than the client's retry window.

## Failure modes and trade-offs

- Failure: the key store is down.
- Trade-off: key lifetime against storage cost.
"#;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

fn compile(files: &[(&str, &str)]) -> Result<interview_drill::core::bank::Deck, Vec<ContentError>> {
    let files: Vec<SourceFile> = files.iter().map(|(p, t)| file(p, t)).collect();
    compile_deck(&file("deck.toml", DECK_TOML), &files)
}

/// Expects exactly the given `line: message fragment` errors from one file.
fn check(text: &str, expected: &[(usize, &str)]) {
    let errors = compile(&[("q.md", text)]).expect_err("the file should be refused");
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), expected.len(), "errors: {shown:#?}");
    for ((line, fragment), error) in expected.iter().zip(&errors) {
        assert_eq!(error.path, "q.md", "{shown:#?}");
        assert_eq!(error.line, *line, "wrong line for {fragment:?}: {shown:#?}");
        assert!(
            error.message.contains(fragment),
            "expected {fragment:?} in {shown:#?}"
        );
    }
}

#[test]
fn a_good_file_compiles_to_rich_text() {
    let deck = compile(&[("q.md", GOOD)]).expect("good file");
    let q = &deck.questions[0];
    assert_eq!(q.id, "good-question");
    assert_eq!(
        q.prompt,
        vec![
            Inline::Text("Is this a ".into()),
            Inline::Emphasis(vec![Inline::Text("good".into())]),
            Inline::Text(" question?".into()),
        ]
    );
    assert_eq!(q.key_points.len(), 3);
    assert_eq!(q.key_points[2].phrases, vec!["time to live", "TTL"]);
    assert_eq!(
        q.follow_ups[0].hint,
        vec![Inline::Text("insert-if-absent on the key.".into())]
    );
    assert_eq!(q.concerns[0].kind, ConcernKind::Failure);
    assert_eq!(q.concerns[1].kind, ConcernKind::TradeOff);
    let Block::Paragraph(inlines) = &q.answer[0] else {
        panic!("answer should start with a paragraph")
    };
    assert!(inlines
        .iter()
        .any(|i| matches!(i, Inline::Link { href, .. } if href == "https://example.com/spec")));
    assert!(inlines.contains(&Inline::Code("Idempotency-Key".into())));
}

/// A table row: what is broken, the broken text, and the (line, reason) errors.
type Case = (&'static str, String, Vec<(usize, &'static str)>);

/// Each row: what is broken, how, and the errors (line, reason) it must give.
#[test]
fn broken_files_are_refused_with_line_and_reason() {
    let cases: Vec<Case> = vec![
        (
            "missing section",
            GOOD.replace("## Follow-ups", "## Followups"),
            vec![
                (26, "unknown section `## Followups`"),
                (37, "missing section `## Follow-ups`"),
            ],
        ),
        (
            "section removed",
            GOOD.replace("## Key points\n", ""),
            vec![(36, "missing section `## Key points`")],
        ),
        (
            "empty answer",
            {
                let start = GOOD.find("A model answer").unwrap();
                let end = GOOD.find("## Key points").unwrap();
                format!("{}{}", &GOOD[..start], &GOOD[end..])
            },
            vec![(11, "section `## Answer` is empty")],
        ),
        (
            "unknown topic",
            GOOD.replace("api-design", "frontend"),
            vec![(3, "unknown topic `frontend`")],
        ),
        (
            "too few key points",
            GOOD.replace("- Expiry: time to live | TTL\n", ""),
            vec![(20, "section `## Key points` has 2 items; it needs 3 to 6")],
        ),
        (
            "too few follow-ups",
            GOOD.replace(
                "- How long do keys live?\n  Hint: longer than the client's retry window.\n",
                "",
            ),
            vec![(26, "section `## Follow-ups` has 1 items; it needs 2 to 4")],
        ),
        (
            "follow-up without hint",
            GOOD.replace("  Hint: insert-if-absent on the key.\n", ""),
            vec![(28, "needs an indented `Hint:` line")],
        ),
        (
            "key point without phrases",
            GOOD.replace(
                "- Replay: stored response | same result",
                "- Replay with no colon",
            ),
            vec![(23, "`Label: phrase | phrase | ...`")],
        ),
        (
            "no trade-off",
            GOOD.replace("- Trade-off: key lifetime against storage cost.\n", ""),
            vec![(33, "needs at least one `Trade-off:` item")],
        ),
        (
            "malformed front matter",
            GOOD.replace("minutes = 4", "minutes = four"),
            vec![(5, "malformed front matter")],
        ),
        (
            "unclosed front matter",
            GOOD.replacen("+++\n\n# Is", "\n# Is", 1),
            vec![(1, "front matter is not closed")],
        ),
        (
            "no front matter",
            GOOD.replacen("+++\n", "", 1),
            vec![(1, "must start with front matter")],
        ),
        (
            "bad id",
            GOOD.replace("good-question", "Good Question"),
            vec![(2, "id `Good Question` must be")],
        ),
        (
            "difficulty out of range",
            GOOD.replace("difficulty = 2", "difficulty = 5"),
            vec![(4, "difficulty must be 1, 2 or 3")],
        ),
        (
            "unknown front matter field",
            GOOD.replace("tags = [\"x\"]", "colour = \"red\""),
            vec![(6, "unknown field `colour`")],
        ),
        (
            "raw HTML in the answer",
            GOOD.replace("See [the spec]", "<script>alert(1)</script> See [the spec]"),
            vec![(18, "raw HTML is not allowed")],
        ),
        (
            "javascript link",
            GOOD.replace("https://example.com/spec", "javascript:alert(1)"),
            vec![(18, "must be an absolute http, https or mailto URL")],
        ),
        (
            "no question heading",
            GOOD.replace("# Is this a *good* question?", "Is this a question?"),
            vec![(9, "expected the question as a `# ` heading")],
        ),
        (
            "sections out of order",
            GOOD.replace("## Key points", "## KP")
                .replace("## Follow-ups", "## Key points")
                .replace("## KP", "## Follow-ups"),
            vec![
                (26, "section `## Key points` is out of order"),
                (26, "section `## Key points` has 2 items"),
                (22, "a follow-up needs an indented `Hint:` line"),
                (23, "a follow-up needs an indented `Hint:` line"),
                (24, "a follow-up needs an indented `Hint:` line"),
            ],
        ),
    ];
    for (name, text, expected) in cases {
        eprintln!("case: {name}");
        check(&text, &expected);
    }
}

#[test]
fn duplicate_ids_name_both_files() {
    let errors = compile(&[("a.md", GOOD), ("b.md", GOOD)]).expect_err("duplicate");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "b.md:2: duplicate id `good-question`, already used by a.md"
    );
}

#[test]
fn errors_from_several_files_are_all_reported() {
    let bad_topic = GOOD
        .replace("api-design", "nope")
        .replace("good-question", "other-question");
    let no_answer = GOOD.replace("## Answer", "## Reply");
    let errors = compile(&[("a.md", &bad_topic), ("b.md", &no_answer)]).expect_err("two bad files");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"a.md") && paths.contains(&"b.md"),
        "{errors:#?}"
    );
}

#[test]
fn a_deck_without_questions_is_refused() {
    let errors = compile(&[]).expect_err("empty deck");
    assert_eq!(
        errors[0].to_string(),
        "deck.toml:1: the deck has no question files"
    );
}

#[test]
fn the_built_in_bank_meets_the_bar() {
    let decks = interview_drill::decks::builtin().expect("compiled decks parse");
    let deck = decks
        .iter()
        .find(|d| d.id == "backend")
        .expect("backend deck");
    assert!(
        deck.questions.len() >= 40,
        "{} questions",
        deck.questions.len()
    );
    for (slug, _) in BUILTIN_TOPICS {
        let count = deck.questions.iter().filter(|q| q.topic == slug).count();
        assert!(count >= 8, "topic {slug} has {count} questions");
    }
    // The five questions of the source article.
    for id in [
        "idempotent-payment-api",
        "queue-or-synchronous-flow",
        "cache-or-optimize-database",
        "api-latency-spike-first-checks",
        "explain-eventual-consistency",
    ] {
        assert!(deck.question(id).is_some(), "seed question {id} is missing");
    }
    for q in &deck.questions {
        assert!((3..=6).contains(&q.key_points.len()), "{}", q.id);
        assert!((2..=4).contains(&q.follow_ups.len()), "{}", q.id);
        assert!(
            q.concerns.iter().any(|c| c.kind == ConcernKind::Failure),
            "{}",
            q.id
        );
        assert!(
            q.concerns.iter().any(|c| c.kind == ConcernKind::TradeOff),
            "{}",
            q.id
        );
    }
}
