//! The content compiler: the real deck compiles, and every kind of broken file
//! is refused with its file, line and reason. The table in
//! `broken_files_are_refused_with_line_and_reason` holds one row per rule the
//! compiler enforces; `what_the_rules_allow_compiles` pins each limit from the
//! other side, so a range that shrinks by one fails too.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::bank::{ConcernKind, QuestionKind, BUILTIN_TOPICS};
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

/// What one row compiles: a `deck.toml` and the question files, by path.
struct Input {
    deck: String,
    files: Vec<(&'static str, String)>,
}

impl Input {
    fn compile(&self) -> Result<interview_drill::core::bank::Deck, Vec<ContentError>> {
        let files: Vec<SourceFile> = self.files.iter().map(|(p, t)| file(p, t)).collect();
        compile_deck(&file("deck.toml", &self.deck), &files)
    }
}

/// One question file, `q.md`, in the test deck.
fn question(text: String) -> Input {
    Input {
        deck: DECK_TOML.into(),
        files: vec![("q.md", text)],
    }
}

/// A `deck.toml` with the good question in it.
fn deck(text: &str) -> Input {
    Input {
        deck: text.into(),
        files: vec![("q.md", GOOD.into())],
    }
}

/// Several question files in the test deck.
fn files(files: Vec<(&'static str, String)>) -> Input {
    Input {
        deck: DECK_TOML.into(),
        files,
    }
}

/// The good question with its answer replaced by `words` words.
fn with_answer(words: usize) -> String {
    let start = GOOD.find("A model answer").unwrap();
    let end = GOOD.find("\n\n## Key points").unwrap();
    format!(
        "{}{}{}",
        &GOOD[..start],
        vec!["word"; words].join(" "),
        &GOOD[end..]
    )
}

/// The good question with `extra` inserted after the last key point.
fn with_key_points(extra: &str) -> String {
    let last = "- Expiry: time to live | TTL\n";
    GOOD.replace(last, &format!("{last}{extra}"))
}

/// The good question with `extra` inserted after the last follow-up.
fn with_follow_ups(extra: &str) -> String {
    let last = "  Hint: longer than the client's retry window.\n";
    GOOD.replace(last, &format!("{last}{extra}"))
}

/// The good question with a `## Misconceptions` section of `items` at the
/// end: its heading is line 38 and its first item line 40.
fn with_misconceptions(items: &str) -> String {
    format!("{GOOD}\n## Misconceptions\n\n{items}")
}

const MISCONCEPTION: &str = "- A new key per retry is fine: new key on retry | fresh key each retry\n  Correction: a retry must reuse the key, or the server cannot tell it from a new payment.\n";

/// The test deck with `extra` appended (line 4 onwards).
fn deck_with(extra: &str) -> String {
    format!("{DECK_TOML}{extra}")
}

/// Checks that `input` is refused with exactly the `expected` errors, in order.
/// Each is written as the author sees it, `path:line: reason`; the path and
/// line must match exactly and the reason must contain the given text.
fn check(input: &Input, expected: &[&str]) -> Result<(), String> {
    let errors = match input.compile() {
        Ok(_) => return Err("compiled, but should be refused".into()),
        Err(errors) => errors,
    };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let matches = errors.len() == expected.len()
        && expected.iter().zip(&errors).all(|(want, got)| {
            let (place, reason) = want
                .split_once(": ")
                .expect("rows read `path:line: reason`");
            format!("{}:{}", got.path, got.line) == place && got.message.contains(reason)
        });
    if matches {
        Ok(())
    } else {
        Err(format!("expected {expected:#?}\ngot {shown:#?}"))
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

/// The other side of the table: every limit itself, and each spelling the
/// rules allow, compiles. Without these a range narrowed by one would pass.
#[test]
fn what_the_rules_allow_compiles() {
    let four_follow_ups = with_follow_ups(
        "- Who picks the key?\n  Hint: the client.\n- Where is it stored?\n  Hint: next to the outcome.\n",
    );
    let six_key_points = with_key_points("- A: a | aa\n- B: b | bb\n- C: c | cc\n");
    let fenced_heading = GOOD.replace(
        "`Idempotency-Key`.\n",
        "`Idempotency-Key`.\n\n```\n## not a section inside a fence\n```\n",
    );
    let cases: Vec<(&str, Input)> = vec![
        ("60-word answer", question(with_answer(60))),
        ("400-word answer", question(with_answer(400))),
        (
            "minutes = 1",
            question(GOOD.replace("minutes = 4", "minutes = 1")),
        ),
        (
            "minutes = 30",
            question(GOOD.replace("minutes = 4", "minutes = 30")),
        ),
        (
            "difficulty = 1",
            question(GOOD.replace("difficulty = 2", "difficulty = 1")),
        ),
        (
            "difficulty = 3",
            question(GOOD.replace("difficulty = 2", "difficulty = 3")),
        ),
        ("6 key points", question(six_key_points)),
        ("4 follow-ups", question(four_follow_ups)),
        (
            "tags of digits, `-` and 32 characters",
            question(GOOD.replace(
                "tags = [\"x\"]",
                "tags = [\"p99\", \"n-plus-one\", \"abcdefghijklmnopqrstuvwxyz-12345\"]",
            )),
        ),
        ("no tags", question(GOOD.replace("tags = [\"x\"]\n", ""))),
        (
            "`Failure mode:` and `Tradeoff:`, any case",
            question(
                GOOD.replace("- Failure:", "- failure mode:")
                    .replace("- Trade-off:", "- TRADEOFF:"),
            ),
        ),
        (
            "section names in any case",
            question(GOOD.replace("## Key points", "## key Points")),
        ),
        ("`## ` inside a code fence", question(fenced_heading)),
        (
            "a topic the deck declares",
            Input {
                deck: deck_with(
                    "\n[[topics]]\nslug = \"observability\"\ntitle = \"Observability\"\n",
                ),
                files: vec![("q.md", GOOD.replace("api-design", "observability"))],
            },
        ),
    ];
    for (name, input) in cases {
        if let Err(errors) = input.compile() {
            let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{name}: should compile, got {shown:#?}");
        }
    }
}

/// A table row: what is broken, the input, and its `path:line: reason` errors.
type Case = (&'static str, Input, &'static [&'static str]);

/// One row per rule the compiler enforces (both ends of every range). Rules with
/// no row are the Markdown checks no input can reach: "unsupported Markdown" (the
/// parser runs with no extensions, so tables, footnotes and the like never
/// arrive), "unbalanced Markdown structure" and "list item outside a list"
/// (pulldown-cmark always balances its events).
#[test]
fn broken_files_are_refused_with_line_and_reason() {
    let cases: Vec<Case> = vec![
        // The shape of a question file.
        (
            "empty file",
            question(String::new()),
            &["q.md:1: the file must start with front matter between `+++` lines"],
        ),
        (
            "no front matter",
            question(GOOD.replacen("+++\n", "", 1)),
            &["q.md:1: the file must start with front matter"],
        ),
        (
            "unclosed front matter",
            question(GOOD.replacen("+++\n\n# Is", "\n# Is", 1)),
            &["q.md:1: front matter is not closed by a `+++` line"],
        ),
        (
            "only front matter",
            question(GOOD.split("\n# Is").next().unwrap().to_string()),
            &["q.md:7: missing the question as a `# ` heading"],
        ),
        (
            "no question heading",
            question(GOOD.replace("# Is this a *good* question?", "Is this a question?")),
            &["q.md:9: expected the question as a `# ` heading"],
        ),
        (
            "text between the question and the first section",
            question(GOOD.replace("question?\n\n", "question?\nAn intro.\n")),
            &["q.md:10: text before the first `## ` section"],
        ),
        // The question heading is one line of Markdown.
        (
            "question that is only a link definition",
            question(GOOD.replace("# Is this a *good* question?", "# [q]: https://example.com")),
            &["q.md:9: empty text"],
        ),
        (
            "question that is a list",
            question(GOOD.replace("# Is this a *good* question?", "# - a list?")),
            &["q.md:9: expected a single line of text, found Markdown blocks"],
        ),
        (
            "raw HTML in the question",
            question(GOOD.replace("good* question?", "good* question?<br>")),
            &["q.md:9: raw HTML is not allowed"],
        ),
        // Front matter.
        (
            "malformed front matter",
            question(GOOD.replace("minutes = 4", "minutes = four")),
            &["q.md:5: malformed front matter"],
        ),
        (
            "front matter value of the wrong type",
            question(GOOD.replace("minutes = 4", "minutes = \"4\"")),
            &["q.md:5: malformed front matter: invalid type"],
        ),
        (
            "front matter without minutes",
            question(GOOD.replace("minutes = 4\n", "")),
            &["q.md:2: malformed front matter: missing field `minutes`"],
        ),
        (
            "unknown front matter field",
            question(GOOD.replace("tags = [\"x\"]", "colour = \"red\"")),
            &["q.md:6: malformed front matter: unknown field `colour`"],
        ),
        (
            "bad id",
            question(GOOD.replace("good-question", "Good Question")),
            &["q.md:2: id `Good Question` must be 3 to 64 characters of a-z, 0-9 and `-`"],
        ),
        (
            "id too short",
            question(GOOD.replace("good-question", "gq")),
            &["q.md:2: id `gq` must be"],
        ),
        (
            "unknown topic",
            question(GOOD.replace("api-design", "frontend")),
            &["q.md:3: unknown topic `frontend`; known topics: api-design, data-caching"],
        ),
        (
            "difficulty 0",
            question(GOOD.replace("difficulty = 2", "difficulty = 0")),
            &["q.md:4: difficulty must be 1, 2 or 3"],
        ),
        (
            "difficulty 5",
            question(GOOD.replace("difficulty = 2", "difficulty = 5")),
            &["q.md:4: difficulty must be 1, 2 or 3"],
        ),
        (
            "minutes 0",
            question(GOOD.replace("minutes = 4", "minutes = 0")),
            &["q.md:5: minutes must be between 1 and 30"],
        ),
        (
            "minutes 31",
            question(GOOD.replace("minutes = 4", "minutes = 31")),
            &["q.md:5: minutes must be between 1 and 30"],
        ),
        (
            "tag with a capital",
            question(GOOD.replace("[\"x\"]", "[\"x\", \"Payments\"]")),
            &["q.md:6: tag `Payments` must be 1 to 32 characters of a-z, 0-9 and `-`"],
        ),
        (
            "empty tag",
            question(GOOD.replace("[\"x\"]", "[\"\"]")),
            &["q.md:6: tag `` must be"],
        ),
        (
            "tag of 33 characters",
            question(GOOD.replace("[\"x\"]", "[\"abcdefghijklmnopqrstuvwxyz-123456\"]")),
            &["q.md:6: tag `abcdefghijklmnopqrstuvwxyz-123456` must be"],
        ),
        // The four sections: each once, in order.
        (
            "misspelt section",
            question(GOOD.replace("## Follow-ups", "## Followups")),
            &[
                "q.md:26: unknown section `## Followups`; expected `## Answer`",
                "q.md:37: missing section `## Follow-ups`",
            ],
        ),
        (
            "section removed",
            question(GOOD.replace("## Key points\n", "")),
            &["q.md:36: missing section `## Key points`"],
        ),
        (
            "duplicate section",
            question(format!("{GOOD}\n## Key points\n\n- Extra: more | words\n")),
            &["q.md:38: duplicate section `## Key points`"],
        ),
        (
            "sections out of order",
            question(
                GOOD.replace("## Key points", "## KP")
                    .replace("## Follow-ups", "## Key points")
                    .replace("## KP", "## Follow-ups"),
            ),
            &[
                "q.md:26: section `## Key points` is out of order",
                "q.md:26: section `## Key points` has 2 items",
                "q.md:22: a follow-up needs an indented `Hint:` line",
                "q.md:23: a follow-up needs an indented `Hint:` line",
                "q.md:24: a follow-up needs an indented `Hint:` line",
            ],
        ),
        // The answer.
        (
            "empty answer",
            question(with_answer(0)),
            &["q.md:11: section `## Answer` is empty"],
        ),
        (
            "59-word answer",
            question(with_answer(59)),
            &["q.md:11: the answer has 59 words; it needs 60 to 400"],
        ),
        (
            "401-word answer",
            question(with_answer(401)),
            &["q.md:11: the answer has 401 words; it needs 60 to 400"],
        ),
        (
            "heading inside the answer",
            question(GOOD.replace("`Idempotency-Key`.\n", "`Idempotency-Key`.\n\n### Details\n")),
            &["q.md:20: headings are not allowed inside a section"],
        ),
        (
            "second question heading inside the answer",
            question(GOOD.replace("## Key points", "# Second question?\n\n## Key points")),
            &["q.md:20: headings are not allowed inside a section"],
        ),
        (
            "horizontal rule in the answer",
            question(GOOD.replace("`Idempotency-Key`.\n", "`Idempotency-Key`.\n\n***\n")),
            &["q.md:20: horizontal rules are not supported"],
        ),
        (
            "image in the answer",
            question(GOOD.replace("See [the spec]", "![d](https://example.com/d.png) See [the spec]")),
            &["q.md:18: images are not supported"],
        ),
        (
            "raw HTML in the answer",
            question(GOOD.replace("See [the spec]", "<script>alert(1)</script> See [the spec]")),
            &["q.md:18: raw HTML is not allowed; write Markdown instead"],
        ),
        (
            "javascript link",
            question(GOOD.replace("https://example.com/spec", "javascript:alert(1)")),
            &["q.md:18: link `javascript:alert(1)` must be an absolute http, https or mailto URL"],
        ),
        // Lists: key points, follow-ups, failure modes and trade-offs.
        (
            "line that is not a `- ` item",
            question(with_key_points("stray text\n")),
            &["q.md:25: expected a `- ` list item"],
        ),
        (
            "indented line before the first item",
            question(GOOD.replace("## Key points\n\n", "## Key points\n\n  indented first\n")),
            &["q.md:22: expected a `- ` list item"],
        ),
        (
            "2 key points",
            question(GOOD.replace("- Expiry: time to live | TTL\n", "")),
            &["q.md:20: section `## Key points` has 2 items; it needs 3 to 6"],
        ),
        (
            "7 key points",
            question(with_key_points("- A: a\n- B: b\n- C: c\n- D: d\n")),
            &["q.md:20: section `## Key points` has 7 items; it needs 3 to 6"],
        ),
        (
            "key point without a colon",
            question(GOOD.replace("- Replay: stored response | same result", "- Replay with no colon")),
            &["q.md:23: a key point is written `Label: phrase | phrase | ...`"],
        ),
        (
            "key point without a phrase",
            question(GOOD.replace("- Replay: stored response | same result", "- Replay: | ")),
            &["q.md:23: a key point needs a label and at least one phrase after the `:`"],
        ),
        (
            "key point without a label",
            question(GOOD.replace("- Replay: stored", "- : stored")),
            &["q.md:23: a key point needs a label and at least one phrase after the `:`"],
        ),
        (
            "1 follow-up",
            question(GOOD.replace(
                "- How long do keys live?\n  Hint: longer than the client's retry window.\n",
                "",
            )),
            &["q.md:26: section `## Follow-ups` has 1 items; it needs 2 to 4"],
        ),
        (
            "5 follow-ups",
            question(with_follow_ups(
                "- A?\n  Hint: a.\n- B?\n  Hint: b.\n- C?\n  Hint: c.\n",
            )),
            &["q.md:26: section `## Follow-ups` has 5 items; it needs 2 to 4"],
        ),
        (
            "follow-up without hint",
            question(GOOD.replace("  Hint: insert-if-absent on the key.\n", "")),
            &["q.md:28: a follow-up needs an indented `Hint:` line under it"],
        ),
        (
            "follow-up with an empty hint",
            question(GOOD.replace("Hint: insert-if-absent on the key.", "Hint:")),
            &["q.md:28: a follow-up needs an indented `Hint:` line under it"],
        ),
        (
            "follow-up with no question",
            question(GOOD.replace("- What if two requests race?", "- ")),
            &["q.md:28: empty text"],
        ),
        (
            "follow-up that is a quote",
            question(GOOD.replace("- What if", "- > What if")),
            &["q.md:28: expected a single line of text, found Markdown blocks"],
        ),
        (
            "ftp link in a hint",
            question(GOOD.replace("on the key.", "on the [key](ftp://example.com).")),
            &["q.md:29: link `ftp://example.com` must be an absolute http, https or mailto URL"],
        ),
        (
            "no failure",
            question(GOOD.replace("- Failure: the key store is down.\n", "")),
            &["q.md:33: section `## Failure modes and trade-offs` needs at least one `Failure:` item"],
        ),
        (
            "no trade-off",
            question(GOOD.replace("- Trade-off: key lifetime against storage cost.\n", "")),
            &["q.md:33: section `## Failure modes and trade-offs` needs at least one `Trade-off:` item"],
        ),
        (
            "item that is neither failure nor trade-off",
            question(GOOD.replace("- Trade-off: key", "- Key")),
            &["q.md:36: each item starts with `Failure:` or `Trade-off:`"],
        ),
        (
            "failure with no text",
            question(GOOD.replace("- Failure: the key store is down.", "- Failure:")),
            &["q.md:35: empty text"],
        ),
        // deck.toml.
        (
            "malformed deck.toml",
            deck(&DECK_TOML.replace("\"Test deck\"", "Test deck")),
            &["deck.toml:2: malformed deck.toml"],
        ),
        (
            "unknown deck.toml field",
            deck(&deck_with("owner = \"me\"\n")),
            &["deck.toml:4: malformed deck.toml: unknown field `owner`"],
        ),
        (
            "deck.toml without a description",
            deck("id = \"test\"\ntitle = \"Test deck\"\n"),
            &["deck.toml:1: malformed deck.toml: missing field `description`"],
        ),
        (
            "topic without a title",
            deck(&deck_with("\n[[topics]]\nslug = \"observability\"\n")),
            &["deck.toml:5: malformed deck.toml: missing field `title`"],
        ),
        (
            "bad deck id, not on the first line",
            deck("title = \"Test deck\"\ndescription = \"A deck.\"\nid = \"Test Deck\"\n"),
            &["deck.toml:3: deck id `Test Deck` must be 3 to 64 characters of a-z, 0-9 and `-`"],
        ),
        (
            "deck id ending in `-`",
            deck(&DECK_TOML.replace("\"test\"", "\"test-\"")),
            &["deck.toml:1: deck id `test-` must be"],
        ),
        (
            "invalid topic slug",
            deck(&deck_with("\n[[topics]]\nslug = \"Bad Slug\"\ntitle = \"Bad\"\n")),
            &["deck.toml:6: topic slug `Bad Slug` is invalid or already defined"],
        ),
        (
            "topic slug of a built-in topic",
            deck(&deck_with("\n[[topics]]\nslug = \"api-design\"\ntitle = \"Again\"\n")),
            &["deck.toml:6: topic slug `api-design` is invalid or already defined"],
        ),
        (
            "topic slug declared twice",
            deck(&deck_with(
                "\n[[topics]]\nslug = \"observability\"\ntitle = \"A\"\n\
                 [[topics]]\nslug = \"observability\"\ntitle = \"B\"\n",
            )),
            &["deck.toml:9: topic slug `observability` is invalid or already defined"],
        ),
        // Misconceptions, the optional fifth section.
        (
            "a misconception without a correction",
            question(with_misconceptions("- Keys never expire: keys never expire | keep keys forever\n")),
            &["q.md:40: a misconception needs an indented `Correction:` line under it"],
        ),
        (
            "a misconception without phrases",
            question(with_misconceptions("- Keys never expire:\n  Correction: they do.\n")),
            &["q.md:40: a misconception needs a claim and at least one phrase"],
        ),
        (
            "a misconception without a colon",
            question(with_misconceptions("- Keys never expire\n  Correction: they do.\n")),
            &["q.md:40: a misconception is written `Wrong claim: phrase | phrase | ...`"],
        ),
        (
            "a one-word misconception phrase",
            question(with_misconceptions("- Keys never expire: keys never expire | forever\n  Correction: they do.\n")),
            &["q.md:40: misconception phrase `forever` is one word"],
        ),
        (
            "a correction longer than a line",
            question(with_misconceptions(&format!(
                "- Keys never expire: keys never expire | keep keys forever\n  Correction: {}\n",
                "word ".repeat(49) + "words"
            ))),
            &["q.md:41: the correction has 250 characters; keep it to one line of at most 240"],
        ),
        (
            "a correction with raw HTML",
            question(with_misconceptions("- Keys never expire: keys never expire | keep keys forever\n  Correction: <b>they do</b>.\n")),
            &["q.md:41: raw HTML", "q.md:41: raw HTML"],
        ),
        (
            "a misconception contradicting an unknown key point",
            question(with_misconceptions("- Keys never expire: keys never expire | keep keys forever\n  Correction: they do.\n  Contradicts: Expiry time\n")),
            &["q.md:42: `Contradicts:` names `Expiry time`, which is not a key point of this question"],
        ),
        (
            "an empty misconceptions section",
            question(with_misconceptions("")),
            &["q.md:38: section `## Misconceptions` has 0 items; it needs 1 to 4"],
        ),
        (
            "five misconceptions",
            question(with_misconceptions(&MISCONCEPTION.repeat(5))),
            &["q.md:38: section `## Misconceptions` has 5 items; it needs 1 to 4"],
        ),
        (
            "misconceptions before the failure modes",
            question(GOOD.replace(
                "## Failure modes and trade-offs",
                &format!("## Misconceptions\n\n{MISCONCEPTION}\n## Failure modes and trade-offs"),
            )),
            &["q.md:38: section `## Failure modes and trade-offs` is out of order"],
        ),
        // The deck as a whole.
        (
            "no question files",
            files(vec![]),
            &["deck.toml:1: the deck has no question files"],
        ),
        (
            "duplicate id",
            files(vec![("a.md", GOOD.into()), ("b.md", GOOD.into())]),
            &["b.md:2: duplicate id `good-question`, already used by a.md"],
        ),
        (
            "errors in two files, all reported",
            files(vec![
                (
                    "a.md",
                    GOOD.replace("api-design", "nope")
                        .replace("good-question", "other-question"),
                ),
                ("b.md", GOOD.replace("## Answer", "## Reply")),
            ]),
            &[
                "a.md:3: unknown topic `nope`",
                "b.md:11: unknown section `## Reply`",
                "b.md:37: missing section `## Answer`",
            ],
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, input, expected)| {
            check(input, expected)
                .err()
                .map(|e| format!("case {name:?}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn misconceptions_compile_with_their_phrases_and_correction() {
    let deck = compile(&[("q.md", &with_misconceptions(&MISCONCEPTION.repeat(4)))])
        .expect("four misconceptions are allowed");
    let q = &deck.questions[0];
    assert_eq!(q.misconceptions.len(), 4);
    let m = &q.misconceptions[0];
    assert_eq!(m.claim, "A new key per retry is fine");
    assert_eq!(m.phrases, ["new key on retry", "fresh key each retry"]);
    assert_eq!(
        m.correction,
        vec![Inline::Text(
            "a retry must reuse the key, or the server cannot tell it from a new payment.".into()
        )]
    );
    assert_eq!(m.contradicts, None);
    let contradicting = compile(&[(
        "q.md",
        &with_misconceptions(&MISCONCEPTION.replace(
            "new payment.\n",
            "new payment.\n  Contradicts: Client key\n",
        )),
    )])
    .expect("a misconception may name the key point it contradicts");
    assert_eq!(
        contradicting.questions[0].misconceptions[0]
            .contradicts
            .as_deref(),
        Some("Client key")
    );
    let without = compile(&[("q.md", GOOD)]).expect("good file");
    assert!(without.questions[0].misconceptions.is_empty());
}

#[test]
fn the_built_in_bank_meets_the_bar() {
    let decks = interview_drill::decks::builtin().expect("compiled decks parse");
    let deck = decks
        .iter()
        .find(|d| d.id == "backend")
        .expect("backend deck");
    // The bank's second wave: what backend loops ask, at every level.
    assert!(
        deck.questions.len() >= 80,
        "{} questions",
        deck.questions.len()
    );
    for (slug, _) in BUILTIN_TOPICS {
        let count = deck.questions.iter().filter(|q| q.topic == slug).count();
        assert!(count >= 14, "topic {slug} has {count} questions");
    }
    for (difficulty, name) in [(1, "warm-up"), (3, "senior")] {
        let count = deck
            .questions
            .iter()
            .filter(|q| q.difficulty == difficulty)
            .count();
        assert!(count >= 15, "{count} {name} questions");
    }
    let stories = deck
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Behavioural)
        .count();
    assert!(stories >= 2, "{stories} behavioural prompts");
    let designs = deck
        .questions
        .iter()
        .filter(|q| q.id.starts_with("design-"))
        .count();
    assert!(designs >= 3, "{designs} open-ended design prompts");
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
        if q.kind == QuestionKind::Behavioural {
            assert!(
                q.concerns.iter().all(|c| c.kind == ConcernKind::Shows),
                "{}",
                q.id
            );
            continue;
        }
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

#[test]
fn a_key_point_has_no_more_phrases_than_a_link_carries() {
    assert_eq!(
        interview_drill::core::content::MAX_PHRASES,
        *interview_drill::core::share::rules::PHRASES.end()
    );
    let phrases: Vec<String> = (0..=24).map(|i| format!("phrase number {i}")).collect();
    let text = GOOD.replace(
        "- Expiry: time to live | TTL",
        &format!("- Expiry: {}", phrases.join(" | ")),
    );
    check(
        &question(text),
        &["q.md:24: key point `Expiry` has 25 phrases; at most 24 travel in a deck link"],
    )
    .unwrap_or_else(|e| panic!("{e}"));
}
