//! Share links: round trips, frozen golden links, every kind of damaged link,
//! the size limits, deflate bombs and hostile Markdown.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::bank::{Concern, ConcernKind, Deck, FollowUp, Question, BUILTIN_TOPICS};
use interview_drill::core::rich::{plain_text, Block, Inline};
use interview_drill::core::share::markdown::{
    parse_blocks, parse_line, spells_emphasis, write_blocks, write_line,
};
use interview_drill::core::share::wire::{
    WireConcern, WireConcernKind, WireDeck, WireFollowUp, WireKeyPoint, WireQuestion, WireTopic,
};
use interview_drill::core::share::{
    deck_id, deck_link, drill_link, link_length, parse_fragment, question_link, validate,
    DrillLink, DrillMode, Link, LinkError, LinkErrorKind, LinkLength, QuestionLink,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Helpers: an independent encoder, so tests can build links the app would not.

fn b64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = String::new();
    for &byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            out.push(ALPHABET[((bits >> count) & 63) as usize] as char);
        }
    }
    if count > 0 {
        out.push(ALPHABET[((bits << (6 - count)) & 63) as usize] as char);
    }
    out
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

fn link_of_json(json: &str) -> String {
    format!("#deck=1.{}", b64url(&zlib(json.as_bytes())))
}

fn link_of_wire(wire: &WireDeck) -> String {
    link_of_json(&serde_json::to_string(wire).unwrap())
}

fn builtin() -> Deck {
    interview_drill::decks::builtin().unwrap().remove(0)
}

fn open_deck(link: &str) -> Deck {
    match parse_fragment(link) {
        Ok(Link::Deck(deck)) => deck,
        other => panic!("expected a deck, got {other:?}"),
    }
}

fn kind_of(link: &str) -> Option<LinkErrorKind> {
    parse_fragment(link).err().map(|e| e.kind())
}

// ---------------------------------------------------------------------------
// The built-in bank travels exactly.

#[test]
fn every_builtin_question_round_trips_through_the_markdown_subset() {
    for q in &builtin().questions {
        assert_eq!(
            parse_line(&write_line(&q.prompt)),
            q.prompt,
            "{} prompt",
            q.id
        );
        assert_eq!(
            parse_blocks(&write_blocks(&q.answer)),
            q.answer,
            "{} answer:\n{}",
            q.id,
            write_blocks(&q.answer)
        );
        for f in &q.follow_ups {
            assert_eq!(parse_line(&write_line(&f.prompt)), f.prompt, "{}", q.id);
            assert_eq!(parse_line(&write_line(&f.hint)), f.hint, "{}", q.id);
        }
        for c in &q.concerns {
            assert_eq!(parse_line(&write_line(&c.text)), c.text, "{}", q.id);
        }
    }
}

/// The first `n` questions of the built-in deck, as a learner's own deck.
fn builtin_subset(n: usize) -> Deck {
    let mut deck = builtin();
    deck.questions.truncate(n);
    deck
}

/// The deck as JSON without the questions' `misconceptions` and `kind`,
/// which the model gained after these fixtures were written and which a
/// format 1 link always opens empty and technical: the golden files stay as
/// they were written.
fn without_misconceptions(mut deck: serde_json::Value) -> serde_json::Value {
    if let Some(questions) = deck["questions"].as_array_mut() {
        for q in questions {
            let plain = q["misconceptions"].as_array().is_some_and(Vec::is_empty)
                && q["kind"] == "Technical";
            if let (true, Some(q)) = (plain, q.as_object_mut()) {
                q.remove("misconceptions");
                q.remove("kind");
            }
        }
    }
    deck
}

#[test]
fn builtin_questions_round_trip_through_a_link() {
    for n in [1, 5, 20] {
        let deck = builtin_subset(n);
        let link = deck_link(&deck).unwrap();
        let opened = open_deck(&link);
        // Links of format 1 carry no misconceptions.
        let mut sent = deck.questions.clone();
        for q in &mut sent {
            q.misconceptions.clear();
        }
        assert_eq!(opened.questions, sent);
        assert_eq!(opened.title, deck.title);
        assert_eq!(opened.description, deck.description);
        assert_eq!(opened.topics, deck.topics);
        assert_eq!(opened.id, deck_id(&deck));
        assert!(opened.id.starts_with("link-"));
        println!(
            "{n} built-in questions: a link of {} characters",
            link.len()
        );
    }
}

/// The whole bank (45 long questions) is more than a link may carry; the
/// writer says so instead of making a link no reader would open.
#[test]
fn a_deck_too_big_for_a_link_is_refused_by_the_writer() {
    let err = deck_link(&builtin()).unwrap_err();
    assert_eq!(err.kind(), LinkErrorKind::LimitExceeded);
    assert!(err.to_string().contains("65536"), "{err}");
}

// ---------------------------------------------------------------------------
// Generated text: words, Unicode, emoji, Markdown-looking and HTML-looking.

const PIECES: &[&str] = &[
    "*",
    "**",
    "***",
    "_",
    "__",
    "`",
    "``",
    "```",
    "~~~",
    "[",
    "]",
    "(",
    ")",
    "\\",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "# ",
    "  ",
    "    ",
    "!",
    "|",
    "&",
    "<",
    ">",
    "\r\n",
    "\r",
    "\t",
    "[x](https://example.com/a_(b))",
    "[y](javascript:alert(1))",
    "[z](data:text/html,hi)",
    "[m](mailto:a@example.com)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>bold</b>",
    "&amp;",
    "&#x6A;",
    "<!-- c -->",
    "é",
    "日本語",
    "🚀",
    "👩‍💻",
    "\u{200f}",
    "\u{a0}",
    "\u{0}",
    "ﬁ",
    "Ω",
    "١٢٣",
    "snake_case",
    "a*b",
    "2024.",
    "\\\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => "[a-zA-Z0-9]{1,8}",
        3 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\n\n".to_string()),
        4 => prop::sample::select(PIECES).prop_map(String::from),
        1 => "\\PC{1,3}",
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// Text made mostly of delimiters, where CommonMark's emphasis rules are at
/// their least regular.
fn delimiter_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "*",
        "**",
        "***",
        "_",
        "__",
        "`",
        "``",
        "a",
        "b",
        " ",
        ".",
        "[",
        "]",
        "(",
        ")",
        "](",
        "](https://x.y)",
        "\\",
        "\n",
        "- ",
        "1. ",
        "> ",
        "```",
        "\n\n",
        "[a](javascript:x)",
        "é",
        "_a_",
        "*a*",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

fn plain_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(line) => plain_text(line),
            Block::Bullets(items) | Block::Numbered(items) => {
                items.iter().map(|i| plain_blocks(i)).collect()
            }
            Block::Code(code) => code.clone(),
            Block::Quote(inner) => plain_blocks(inner),
        })
        .collect()
}

/// Rich text with every emphasis and strong run unwrapped and neighbouring
/// texts joined: the writer's documented fallback, spelled out here
/// independently of the writer.
fn unemphasised(line: &[Inline]) -> Vec<Inline> {
    fn flatten(line: &[Inline], out: &mut Vec<Inline>) {
        for inline in line {
            match inline {
                Inline::Emphasis(inner) | Inline::Strong(inner) => flatten(inner, out),
                Inline::Link { href, text } => out.push(Inline::Link {
                    href: href.clone(),
                    text: unemphasised(text),
                }),
                other => out.push(other.clone()),
            }
        }
    }
    let mut flat = Vec::new();
    flatten(line, &mut flat);
    flat.into_iter().fold(Vec::new(), |mut out, inline| {
        if let (Some(Inline::Text(last)), Inline::Text(text)) = (out.last_mut(), &inline) {
            last.push_str(text);
        } else {
            out.push(inline);
        }
        out
    })
}

/// What the writer promises for a line or a paragraph: it reads back exactly,
/// except where CommonMark cannot spell its emphasis (`spells_emphasis`), and
/// there it reads back with that paragraph's emphasis dropped and its words
/// kept. Nothing else may change.
fn line_as_written(line: &[Inline], in_blocks: bool) -> Vec<Inline> {
    if spells_emphasis(line, in_blocks) {
        line.to_vec()
    } else {
        unemphasised(line)
    }
}

fn blocks_as_written(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(line) => Block::Paragraph(line_as_written(line, true)),
            Block::Bullets(items) => {
                Block::Bullets(items.iter().map(|i| blocks_as_written(i)).collect())
            }
            Block::Numbered(items) => {
                Block::Numbered(items.iter().map(|i| blocks_as_written(i)).collect())
            }
            Block::Code(code) => Block::Code(code.clone()),
            Block::Quote(inner) => Block::Quote(blocks_as_written(inner)),
        })
        .collect()
}

fn question_as_written(q: &Question) -> Question {
    Question {
        prompt: line_as_written(&q.prompt, false),
        answer: blocks_as_written(&q.answer),
        follow_ups: q
            .follow_ups
            .iter()
            .map(|f| FollowUp {
                prompt: line_as_written(&f.prompt, false),
                hint: line_as_written(&f.hint, false),
            })
            .collect(),
        concerns: q
            .concerns
            .iter()
            .map(|c| Concern {
                kind: c.kind,
                text: line_as_written(&c.text, false),
            })
            .collect(),
        ..q.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Whatever the text, writing its parse back gives text that parses the same.
    #[test]
    fn blocks_parse_back_from_what_is_written(text in any_text()) {
        let parsed = parse_blocks(&text);
        let written = write_blocks(&parsed);
        prop_assert_eq!(parse_blocks(&written), blocks_as_written(&parsed), "written:\n{}", written);
    }

    #[test]
    fn lines_parse_back_from_what_is_written(text in any_text()) {
        let parsed = parse_line(&text);
        let written = write_line(&parsed);
        prop_assert_eq!(parse_line(&written), line_as_written(&parsed, false), "written:\n{}", written);
    }

    /// CommonMark cannot spell every nesting of emphasis. For such text (about
    /// 1 in 10,000 of these) the writer drops the paragraph's emphasis: the
    /// words stay, and from then on the text is stable.
    #[test]
    fn delimiter_soup_keeps_its_words_and_is_stable_once_written(text in delimiter_soup()) {
        let first = parse_blocks(&text);
        let second = parse_blocks(&write_blocks(&first));
        prop_assert_eq!(&second, &blocks_as_written(&first));
        prop_assert_eq!(plain_blocks(&second), plain_blocks(&first));
        prop_assert_eq!(parse_blocks(&write_blocks(&second)), second);
        let line = parse_line(&text);
        let again = parse_line(&write_line(&line));
        prop_assert_eq!(&again, &line_as_written(&line, false));
        prop_assert_eq!(plain_text(&again), plain_text(&line));
        prop_assert_eq!(parse_line(&write_line(&again)), again);
    }
}

// ---------------------------------------------------------------------------
// Generated decks: 1,000 of them travel through links and back.

fn word() -> impl Strategy<Value = String> {
    "[a-z]{1,8}"
}

/// Markdown text that starts with a word, so it is never empty.
fn prose() -> impl Strategy<Value = String> {
    (word(), any_text()).prop_map(|(w, t)| format!("{w} {t}"))
}

/// Shorter Markdown, for the many small fields of a question.
fn short_prose() -> impl Strategy<Value = String> {
    (word(), prop::collection::vec(piece(), 0..8)).prop_map(|(w, t)| format!("{w} {}", t.concat()))
}

/// Plain text (titles, labels, phrases, tags): any printable characters.
fn plain() -> impl Strategy<Value = String> {
    (
        word(),
        prop_oneof![
            "\\PC{0,12}",
            prop::sample::select(PIECES).prop_map(String::from)
        ],
    )
        .prop_map(|(w, t)| format!("{w}{t}"))
}

fn wire_question() -> impl Strategy<Value = WireQuestion> {
    (
        ("[a-z][a-z0-9-]{1,12}[a-z0-9]", 0usize..8, 1u8..=3, 1u8..=30),
        prop::collection::vec(plain(), 0..3),
        (prose(), prose()),
        prop::collection::vec((plain(), prop::collection::vec(plain(), 1..3)), 1..=8),
        prop::collection::vec((short_prose(), short_prose()), 0..=6),
        prop::collection::vec((any::<bool>(), short_prose()), 0..=8),
    )
        .prop_map(
            |(
                (id, topic, difficulty, minutes),
                tags,
                (prompt, answer),
                points,
                follow_ups,
                concerns,
            )| {
                WireQuestion {
                    id,
                    topic: topic.to_string(),
                    difficulty,
                    minutes,
                    tags,
                    prompt,
                    answer,
                    key_points: points
                        .into_iter()
                        .map(|(label, phrases)| WireKeyPoint { label, phrases })
                        .collect(),
                    follow_ups: follow_ups
                        .into_iter()
                        .map(|(prompt, hint)| WireFollowUp { prompt, hint })
                        .collect(),
                    concerns: concerns
                        .into_iter()
                        .map(|(failure, text)| WireConcern {
                            kind: if failure {
                                WireConcernKind::Failure
                            } else {
                                WireConcernKind::TradeOff
                            },
                            text,
                        })
                        .collect(),
                }
            },
        )
}

/// A valid deck: unique ids, topics that exist (built-in or its own).
fn wire_deck() -> impl Strategy<Value = WireDeck> {
    (
        plain(),
        prop_oneof![Just(String::new()), prose()],
        prop::collection::vec(("[a-z]{3,10}", plain()), 0..3),
        prop::collection::vec(wire_question(), 1..4),
    )
        .prop_map(|(title, description, topics, mut questions)| {
            let topics: Vec<WireTopic> = topics
                .into_iter()
                .enumerate()
                .map(|(k, (slug, title))| WireTopic {
                    slug: format!("own-{k}-{slug}"),
                    title,
                })
                .collect();
            let mut slugs: Vec<String> =
                BUILTIN_TOPICS.iter().map(|(s, _)| s.to_string()).collect();
            slugs.extend(topics.iter().map(|t| t.slug.clone()));
            for (k, q) in questions.iter_mut().enumerate() {
                q.id = format!("q{k}-{}", q.id);
                let pick: usize = q.topic.parse().unwrap_or(0);
                q.topic = slugs[pick % slugs.len()].clone();
            }
            WireDeck {
                title,
                description,
                topics,
                questions,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A deck written by any tool opens with exactly its content; shared again
    /// from the app, it opens as the same deck with the same id every time.
    #[test]
    fn generated_decks_round_trip_through_links(wire in wire_deck()) {
        let deck = open_deck(&link_of_wire(&wire));
        prop_assert_eq!(&deck.title, &wire.title);
        prop_assert_eq!(&deck.description, &wire.description);
        prop_assert_eq!(deck.topics.len(), BUILTIN_TOPICS.len() + wire.topics.len());
        for (q, w) in deck.questions.iter().zip(&wire.questions) {
            prop_assert_eq!(&q.id, &w.id);
            prop_assert_eq!(&q.topic, &w.topic);
            prop_assert_eq!((q.difficulty, q.minutes), (w.difficulty, w.minutes));
            prop_assert_eq!(&q.tags, &w.tags);
            prop_assert_eq!(&q.prompt, &parse_line(&w.prompt));
            prop_assert_eq!(&q.answer, &parse_blocks(&w.answer));
            prop_assert_eq!(q.key_points.len(), w.key_points.len());
            for (k, wk) in q.key_points.iter().zip(&w.key_points) {
                prop_assert_eq!(&k.label, &wk.label);
                prop_assert_eq!(&k.phrases, &wk.phrases);
            }
            prop_assert_eq!(q.follow_ups.len(), w.follow_ups.len());
            for (f, wf) in q.follow_ups.iter().zip(&w.follow_ups) {
                prop_assert_eq!(&f.prompt, &parse_line(&wf.prompt));
                prop_assert_eq!(&f.hint, &parse_line(&wf.hint));
            }
            prop_assert_eq!(q.concerns.len(), w.concerns.len());
            for (c, wc) in q.concerns.iter().zip(&w.concerns) {
                let kind = match wc.kind {
                    WireConcernKind::Failure => ConcernKind::Failure,
                    WireConcernKind::TradeOff => ConcernKind::TradeOff,
                };
                prop_assert_eq!(c.kind, kind);
                prop_assert_eq!(&c.text, &parse_line(&wc.text));
            }
        }
        prop_assert!(validate(&deck).is_ok());

        // Shared again from the app: the same questions, but for the rare
        // emphasis CommonMark cannot spell (see `line_as_written`).
        let again = open_deck(&deck_link(&deck).unwrap());
        let expected: Vec<Question> = deck.questions.iter().map(question_as_written).collect();
        prop_assert_eq!(&again.questions, &expected);
        prop_assert_eq!(&again.topics, &deck.topics);
        prop_assert_eq!(&again.id, &deck_id(&deck));
        let third = open_deck(&deck_link(&again).unwrap());
        prop_assert_eq!(third, again);
    }

    /// Nothing a link can hold makes the reader panic, and whatever it opens
    /// is a valid deck that can be shared again.
    #[test]
    fn any_fragment_is_read_without_panicking(text in "\\PC{0,64}", cut in 0usize..400, byte in any::<u8>()) {
        let _ = parse_fragment(&text);
        let _ = parse_fragment(&format!("#deck=1.{text}"));
        let _ = parse_fragment(&format!("#drill={text}"));
        let _ = parse_fragment(&format!("#q={text}"));
        // A real link with one character changed, or cut short.
        let link = sample_link();
        let mut changed = link.clone().into_bytes();
        let at = 8 + cut % (changed.len() - 8);
        changed[at] = b"ABCxyz019-_!%. "[usize::from(byte) % 15];
        for candidate in [String::from_utf8(changed).unwrap(), link[..(8 + cut).min(link.len())].to_string()] {
            if let Ok(Link::Deck(deck)) = parse_fragment(&candidate) {
                prop_assert!(validate(&deck).is_ok());
                prop_assert!(deck_link(&deck).is_ok());
            }
        }
    }
}

// ---------------------------------------------------------------------------
// A small valid deck to damage, as JSON values for targeted changes.

fn sample_wire() -> WireDeck {
    WireDeck {
        title: "My deck".into(),
        description: "Practice for Friday.".into(),
        topics: vec![WireTopic {
            slug: "sql-tuning".into(),
            title: "SQL tuning".into(),
        }],
        questions: vec![WireQuestion {
            id: "explain-analyze".into(),
            topic: "sql-tuning".into(),
            difficulty: 2,
            minutes: 4,
            tags: vec!["postgres".into()],
            prompt: "What does `EXPLAIN ANALYZE` tell you that `EXPLAIN` does not?".into(),
            answer: "It **runs** the query:\n\n- actual rows\n- actual time per node".into(),
            key_points: vec![WireKeyPoint {
                label: "Runs the query".into(),
                phrases: vec!["runs the query".into(), "actual rows".into()],
            }],
            follow_ups: vec![WireFollowUp {
                prompt: "Is it safe on a `DELETE`?".into(),
                hint: "Wrap it in a transaction and roll back.".into(),
            }],
            concerns: vec![WireConcern {
                kind: WireConcernKind::Failure,
                text: "Running it on a slow write in production.".into(),
            }],
        }],
    }
}

fn sample_link() -> String {
    link_of_wire(&sample_wire())
}

/// The sample deck's JSON after a change.
fn json_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = serde_json::to_value(sample_wire()).unwrap();
    change(&mut value);
    link_of_json(&value.to_string())
}

fn question_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    json_with(|deck| change(&mut deck["questions"][0]))
}

fn payload(link: &str) -> &str {
    link.strip_prefix("#deck=1.").unwrap()
}

fn zlib_bytes() -> Vec<u8> {
    zlib(serde_json::to_string(&sample_wire()).unwrap().as_bytes())
}

fn deck_of_bytes(bytes: &[u8]) -> String {
    format!("#deck=1.{}", b64url(bytes))
}

/// Every way a link arrives damaged, and what it is reported as.
fn damaged_links() -> Vec<(&'static str, String, LinkErrorKind)> {
    use LinkErrorKind::*;
    let good = sample_link();
    let data = payload(&good).to_string();
    let n = data.len();
    let insert = |at: usize, what: &str| format!("#deck=1.{}{what}{}", &data[..at], &data[at..]);
    let replace =
        |at: usize, what: &str| format!("#deck=1.{}{what}{}", &data[..at], &data[at + 1..]);
    let zlib_changed = |change: &dyn Fn(&mut Vec<u8>)| {
        let mut bytes = zlib_bytes();
        change(&mut bytes);
        deck_of_bytes(&bytes)
    };
    vec![
        ("no fragment", String::new(), NotALink),
        ("a bare #", "#".into(), NotALink),
        ("a page anchor", "#key-points".into(), NotALink),
        ("an unknown kind", "#quiz=abc".into(), UnknownKind),
        ("a misspelt kind", format!("#dek=1.{data}"), UnknownKind),
        ("no version", format!("#deck={data}"), WrongPrefix),
        (
            "a version that is not a number",
            format!("#deck=v1.{data}"),
            WrongPrefix,
        ),
        (
            "unknown version 9",
            format!("#deck=9.{data}"),
            UnknownVersion,
        ),
        (
            "unknown version 2",
            format!("#deck=2.{data}"),
            UnknownVersion,
        ),
        (
            "unknown version 10",
            format!("#deck=10.{data}"),
            UnknownVersion,
        ),
        ("an empty payload", "#deck=1.".into(), Truncated),
        (
            "cut by one character",
            format!("#deck=1.{}", &data[..n - 1]),
            Truncated,
        ),
        (
            "cut by two characters",
            format!("#deck=1.{}", &data[..n - 2]),
            Truncated,
        ),
        (
            "cut by three characters",
            format!("#deck=1.{}", &data[..n - 3]),
            Truncated,
        ),
        (
            "cut by ten characters",
            format!("#deck=1.{}", &data[..n - 10]),
            Truncated,
        ),
        (
            "cut in half",
            format!("#deck=1.{}", &data[..n / 2]),
            Truncated,
        ),
        (
            "cut to a length base64 never has",
            format!("#deck=1.{}", &data[..n - n % 4 - 3]),
            Truncated,
        ),
        (
            "a space instead of a character",
            replace(20, " "),
            BadEncoding,
        ),
        ("a space added", insert(20, " "), BadEncoding),
        ("%20 added", insert(20, "%20"), BadEncoding),
        ("a line break added", insert(40, "\n"), BadEncoding),
        ("a + instead of a character", replace(20, "+"), BadEncoding),
        ("a / instead of a character", replace(20, "/"), BadEncoding),
        (
            "= percent-encoded twice",
            format!("#deck%253D1.{data}"),
            BadEncoding,
        ),
        ("%2520 added", insert(20, "%2520"), BadEncoding),
        ("a broken percent escape", insert(20, "%G0"), BadEncoding),
        ("a character outside base64", insert(20, "!"), BadEncoding),
        ("padding in the middle", insert(20, "=="), BadEncoding),
        (
            "a query string appended",
            format!("{good}&utm_source=chat"),
            BadEncoding,
        ),
        (
            "a closing parenthesis appended",
            format!("{good})"),
            BadEncoding,
        ),
        ("a period appended", format!("{good}."), BadEncoding),
        (
            "data after the compressed deck",
            zlib_changed(&|b| b.extend([0, 0, 0])),
            Corrupt,
        ),
        ("a broken zlib header", zlib_changed(&|b| b[0] = 0), Corrupt),
        (
            "a checksum that does not match",
            zlib_changed(&|b| {
                let last = b.len() - 1;
                b[last] ^= 1
            }),
            Corrupt,
        ),
        (
            "raw deflate without zlib's header",
            deck_of_bytes(&miniz_oxide::deflate::compress_to_vec(b"{}", 6)),
            Corrupt,
        ),
        (
            "random bytes",
            deck_of_bytes(b"not compressed at all"),
            Corrupt,
        ),
        ("not JSON", link_of_json("hello"), BadStructure),
        (
            "JSON but not a deck",
            link_of_json("[1, 2, 3]"),
            BadStructure,
        ),
        (
            "a missing field",
            link_of_json(r#"{"title": "t"}"#),
            BadStructure,
        ),
        (
            "an unknown field",
            json_with(|d| d["theme"] = "dark".into()),
            BadStructure,
        ),
        (
            "a field given twice",
            link_of_json(r#"{"title": "a", "title": "b", "questions": []}"#),
            BadStructure,
        ),
        (
            "difficulty 300",
            question_with(|q| q["difficulty"] = 300.into()),
            BadStructure,
        ),
        (
            "a number for a text",
            question_with(|q| q["prompt"] = 5.into()),
            BadStructure,
        ),
        (
            "an unknown kind of concern",
            question_with(|q| q["concerns"][0]["kind"] = "risk".into()),
            BadStructure,
        ),
        (
            "no questions",
            json_with(|d| d["questions"] = serde_json::json!([])),
            Invalid,
        ),
        (
            "an empty title",
            json_with(|d| d["title"] = " ".into()),
            Invalid,
        ),
        (
            "an id that is not a slug",
            question_with(|q| q["id"] = "Explain Analyze".into()),
            Invalid,
        ),
        (
            "two questions with one id",
            json_with(|d| {
                let q = d["questions"][0].clone();
                d["questions"].as_array_mut().unwrap().push(q)
            }),
            Invalid,
        ),
        (
            "an unknown topic",
            question_with(|q| q["topic"] = "cooking".into()),
            Invalid,
        ),
        (
            "a topic that redefines a built-in one",
            json_with(|d| d["topics"][0]["slug"] = "api-design".into()),
            Invalid,
        ),
        (
            "difficulty 0",
            question_with(|q| q["difficulty"] = 0.into()),
            Invalid,
        ),
        (
            "difficulty 4",
            question_with(|q| q["difficulty"] = 4.into()),
            Invalid,
        ),
        (
            "minutes 0",
            question_with(|q| q["minutes"] = 0.into()),
            Invalid,
        ),
        (
            "minutes 31",
            question_with(|q| q["minutes"] = 31.into()),
            Invalid,
        ),
        (
            "an empty prompt",
            question_with(|q| q["prompt"] = "  \n ".into()),
            Invalid,
        ),
        (
            "an empty answer",
            question_with(|q| q["answer"] = "".into()),
            Invalid,
        ),
        (
            "no key points",
            question_with(|q| q["key_points"] = serde_json::json!([])),
            Invalid,
        ),
        (
            "nine key points",
            question_with(|q| {
                q["key_points"] =
                    serde_json::json!(vec![serde_json::json!({"label": "a", "phrases": ["b"]}); 9])
            }),
            Invalid,
        ),
        (
            "a key point without phrases",
            question_with(|q| q["key_points"][0]["phrases"] = serde_json::json!([])),
            Invalid,
        ),
        (
            "an empty phrase",
            question_with(|q| q["key_points"][0]["phrases"][0] = "".into()),
            Invalid,
        ),
        (
            "seven follow-ups",
            question_with(|q| {
                q["follow_ups"] =
                    serde_json::json!(vec![serde_json::json!({"prompt": "a", "hint": "b"}); 7])
            }),
            Invalid,
        ),
        (
            "a follow-up without a hint",
            question_with(|q| q["follow_ups"][0]["hint"] = "".into()),
            Invalid,
        ),
        (
            "payload over 64 KiB",
            format!("#deck=1.{}", "A".repeat(64 * 1024 + 1)),
            LimitExceeded,
        ),
        (
            "a question link without a question",
            "#q=backend".into(),
            WrongPrefix,
        ),
        (
            "a question link with a bad id",
            "#q=backend/Not_An_Id".into(),
            BadStructure,
        ),
        (
            "a question link with a third part",
            "#q=backend/idempotent-payment-api/x".into(),
            BadStructure,
        ),
        ("an empty drill", "#drill=".into(), BadStructure),
        (
            "a drill without a mode",
            "#drill=n:10,seed:1".into(),
            BadStructure,
        ),
        (
            "a drill without a seed",
            "#drill=mode:typed,n:10".into(),
            BadStructure,
        ),
        (
            "a drill with an unknown mode",
            "#drill=mode:exam,n:10,seed:1".into(),
            BadStructure,
        ),
        (
            "a drill of no questions",
            "#drill=mode:typed,n:0,seed:1".into(),
            BadStructure,
        ),
        (
            "a drill of 201 questions",
            "#drill=mode:typed,n:201,seed:1".into(),
            BadStructure,
        ),
        (
            "a negative seed",
            "#drill=mode:typed,n:10,seed:-1".into(),
            BadStructure,
        ),
        (
            "a seed with a leading zero",
            "#drill=mode:typed,n:10,seed:07".into(),
            BadStructure,
        ),
        (
            "a seed over u64",
            "#drill=mode:typed,n:10,seed:18446744073709551616".into(),
            BadStructure,
        ),
        (
            "an unknown drill setting",
            "#drill=mode:typed,n:10,seed:1,speed:2".into(),
            BadStructure,
        ),
        (
            "a drill setting given twice",
            "#drill=mode:typed,n:10,seed:1,n:5".into(),
            BadStructure,
        ),
        (
            "no minutes",
            "#drill=mode:typed,n:10,seed:1,min:0".into(),
            BadStructure,
        ),
        (
            "a topic that is not a slug",
            "#drill=topics:API,mode:typed,n:10,seed:1".into(),
            BadStructure,
        ),
        (
            "a topic named twice",
            "#drill=topics:api-design.api-design,mode:typed,n:10,seed:1".into(),
            BadStructure,
        ),
        (
            "a drill spaced out",
            "#drill=mode: typed,n:10,seed:1".into(),
            BadStructure,
        ),
    ]
}

#[test]
fn every_damaged_link_is_refused_with_its_kind_and_a_message() {
    let mut wrong = Vec::new();
    let links = damaged_links();
    println!("{} damaged links", links.len());
    for (name, link, expected) in links {
        match parse_fragment(&link) {
            Err(e) if e.kind() == expected => {
                let message = e.to_string();
                assert!(
                    message.len() > 20 && message.len() < 400,
                    "{name}: {message}"
                );
            }
            other => wrong.push(format!("{name}: expected {expected:?}, got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn an_unknown_version_is_named_in_the_message() {
    let link = format!("#deck=9.{}", payload(&sample_link()));
    let message = parse_fragment(&link).unwrap_err().to_string();
    assert!(message.contains("format 9"), "{message}");
    assert!(message.contains("newer version"), "{message}");
}

#[test]
fn validation_errors_name_the_question_and_the_field() {
    let link = question_with(|q| q["key_points"] = serde_json::json!([]));
    let message = parse_fragment(&link).unwrap_err().to_string();
    assert_eq!(
        message,
        "question `explain-analyze`, key points: has 0; it needs 1 to 8"
    );
}

/// Unambiguous damage is repaired, never guessed at.
#[test]
fn links_are_read_leniently_where_that_is_unambiguous() {
    let good = sample_link();
    let data = payload(&good);
    let expected = open_deck(&good);
    let padded = format!("{good}{}", "=".repeat((4 - data.len() % 4) % 4));
    for variant in [
        good.clone(),
        good.trim_start_matches('#').to_string(),
        format!("https://example.com/drill/#{}", &good[1..]),
        format!("  {good}\n"),
        format!("#deck%3D1.{data}"),
        format!("#deck%3d1%2E{data}"),
        padded,
    ] {
        assert_eq!(open_deck(&variant), expected, "{variant:.40}");
    }
}

// ---------------------------------------------------------------------------
// Limits, in the order they are checked.

fn small_question(k: usize) -> WireQuestion {
    let mut q = sample_wire().questions.remove(0);
    q.id = format!("question-{k}");
    q
}

fn deck_of(questions: usize) -> WireDeck {
    WireDeck {
        questions: (0..questions).map(small_question).collect(),
        ..sample_wire()
    }
}

#[test]
fn an_encoded_payload_over_64_kib_is_refused_before_decoding() {
    // `!` is not base64: had it been decoded, the error would say so.
    let over = format!("#deck=1.{}", "!".repeat(64 * 1024 + 1));
    assert_eq!(kind_of(&over), Some(LinkErrorKind::LimitExceeded));
    let at_limit = format!("#deck=1.{}", "!".repeat(64 * 1024));
    assert_eq!(kind_of(&at_limit), Some(LinkErrorKind::BadEncoding));
    // Far too long: refused before the fragment is even split.
    let huge = format!("#deck=1.{}", "%41".repeat(100_000));
    assert_eq!(kind_of(&huge), Some(LinkErrorKind::LimitExceeded));
}

#[test]
fn two_hundred_questions_open_and_two_hundred_and_one_do_not() {
    let deck = open_deck(&link_of_wire(&deck_of(200)));
    assert_eq!(deck.questions.len(), 200);
    assert!(deck_link(&deck).is_ok());
    let err = parse_fragment(&link_of_wire(&deck_of(201))).unwrap_err();
    assert_eq!(err.kind(), LinkErrorKind::LimitExceeded);
    assert!(err.to_string().contains("201 questions"), "{err}");
    let mut bigger = deck;
    bigger.questions.push(Question {
        id: "one-more".into(),
        ..bigger.questions[0].clone()
    });
    assert_eq!(
        deck_link(&bigger).unwrap_err().kind(),
        LinkErrorKind::LimitExceeded
    );
}

#[test]
fn a_field_of_10000_characters_opens_and_10001_do_not() {
    // Two-byte characters: the limit counts characters, not bytes.
    for (field, path) in [("answer", "answer"), ("prompt", "prompt")] {
        let at = question_with(|q| q[path] = format!("a{}", "é".repeat(9_999)).into());
        assert!(matches!(parse_fragment(&at), Ok(Link::Deck(_))), "{field}");
        let over = question_with(|q| q[path] = format!("a{}", "é".repeat(10_000)).into());
        let err = parse_fragment(&over).unwrap_err();
        assert_eq!(err.kind(), LinkErrorKind::LimitExceeded, "{field}");
        assert!(
            err.to_string()
                .contains(&format!("{field}: 10001 characters")),
            "{err}"
        );
    }
    let label = question_with(|q| q["key_points"][0]["label"] = "x".repeat(10_001).into());
    assert_eq!(kind_of(&label), Some(LinkErrorKind::LimitExceeded));
}

#[test]
fn data_that_inflates_past_1_mib_is_refused() {
    // Valid JSON, padded with spaces past the limit.
    let json = format!(
        "{}{}",
        serde_json::to_string(&sample_wire()).unwrap(),
        " ".repeat(1024 * 1024)
    );
    assert_eq!(kind_of(&link_of_json(&json)), Some(LinkErrorKind::TooLarge));
    let fits = format!(
        "{}{}",
        serde_json::to_string(&sample_wire()).unwrap(),
        " ".repeat(1000 * 1024)
    );
    assert!(matches!(
        parse_fragment(&link_of_json(&fits)),
        Ok(Link::Deck(_))
    ));
}

/// A deflate bomb: 40 MB of zeros fit in 52 KB of link; inflating stops at
/// 1 MiB. (`cargo bench --bench share` measures how quickly.) A 100 MB bomb
/// does not even fit in the link.
#[test]
fn a_deflate_bomb_is_refused() {
    let bomb = deck_of_bytes(&miniz_oxide::deflate::compress_to_vec_zlib(
        &vec![0u8; 40_000_000],
        9,
    ));
    assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
    let err = parse_fragment(&bomb).unwrap_err();
    assert_eq!(err.kind(), LinkErrorKind::TooLarge);
    assert_eq!(
        err.to_string(),
        "the deck unpacks to more than 1024 KiB, the most a link may carry"
    );
    let bigger = deck_of_bytes(&miniz_oxide::deflate::compress_to_vec_zlib(
        &vec![0u8; 100_000_000],
        9,
    ));
    assert_eq!(kind_of(&bigger), Some(LinkErrorKind::LimitExceeded));
}

// ---------------------------------------------------------------------------
// Hostile text: shown as written, never as HTML or a dangerous link.

fn links_in(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Link { href, text } => {
                out.push(href.clone());
                links_in(text, out);
            }
            Inline::Emphasis(inner) | Inline::Strong(inner) => links_in(inner, out),
            _ => {}
        }
    }
}

#[test]
fn html_stays_text_and_unsafe_links_lose_their_href() {
    let text = "<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) \
                [b](JaVaScRiPt:alert(1)) [c](data:text/html,<b>) [d](vbscript:x) [e](https://ok.example) \
                [f](mailto:me@example.com) [g](//evil.example) [h](java&#x73;cript:x)";
    let line = parse_line(text);
    let mut hrefs = Vec::new();
    links_in(&line, &mut hrefs);
    assert_eq!(hrefs, ["https://ok.example", "mailto:me@example.com"]);
    let shown = plain_text(&line);
    assert!(
        shown.starts_with("<script>alert(1)</script> <img src=x onerror=alert(1)>"),
        "{shown}"
    );
    assert!(shown.contains("[a](javascript:alert(1))"), "{shown}");
    // Written back and read again, still no unsafe link.
    assert_eq!(parse_line(&write_line(&line)), line);
}

#[test]
fn a_decoded_deck_never_carries_an_unsafe_href() {
    let deck = open_deck(&question_with(|q| {
        q["prompt"] = "[click](javascript:alert(document.cookie))".into();
        q["answer"] =
            "- [x](data:text/html;base64,PHNjcmlwdD4=)\n\n<iframe src=javascript:alert(1)>".into();
    }));
    let q = &deck.questions[0];
    let mut hrefs = Vec::new();
    links_in(&q.prompt, &mut hrefs);
    assert!(hrefs.is_empty());
    assert_eq!(
        plain_text(&q.prompt),
        "[click](javascript:alert(document.cookie))"
    );
    assert_eq!(
        q.answer,
        vec![
            Block::Bullets(vec![vec![Block::Paragraph(vec![Inline::Text(
                "[x](data:text/html;base64,PHNjcmlwdD4=)".into()
            )])]]),
            Block::Paragraph(vec![Inline::Text(
                "<iframe src=javascript:alert(1)>".into()
            )]),
        ]
    );
}

fn block_depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Bullets(items) | Block::Numbered(items) => {
                1 + items.iter().map(|i| block_depth(i)).max().unwrap_or(0)
            }
            Block::Quote(inner) => 1 + block_depth(inner),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

fn inline_depth(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Emphasis(inner) | Inline::Strong(inner) => 1 + inline_depth(inner),
            Inline::Link { text, .. } => 1 + inline_depth(text),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Deep nesting would overflow the stack of the parser or the renderer; past
/// eight levels, markers stay text. Pathological input parses (timings are
/// in the bench, not here).
#[test]
fn hostile_nesting_is_bounded() {
    use interview_drill::core::share::markdown::{MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH};
    for text in [
        "- ".repeat(5000) + "x",
        "> ".repeat(5000) + "x",
        "1. ".repeat(3000) + "x",
    ] {
        let blocks = parse_blocks(&text);
        assert_eq!(block_depth(&blocks), MAX_BLOCK_DEPTH, "{:.10}", text);
        assert_eq!(parse_blocks(&write_blocks(&blocks)), blocks);
    }
    let nested: String = (0..4000)
        .map(|k| if k % 2 == 0 { "*a " } else { "**a " })
        .collect::<String>()
        + &(0..4000)
            .map(|k| if k % 2 == 0 { " a*" } else { " a**" })
            .collect::<String>();
    for text in [
        nested,
        "*".repeat(5000) + "a" + &"*".repeat(5000),
        "[".repeat(5000) + "x" + &"](https://e.com)".repeat(5000),
    ] {
        let line = parse_line(&text);
        assert!(inline_depth(&line) <= MAX_INLINE_DEPTH);
        assert_eq!(parse_line(&write_line(&line)), line);
    }
    for text in [
        "[x](".repeat(2500),
        "`".repeat(3000),
        "]".repeat(10_000),
        "a\\\n".repeat(3000),
        "```\n".repeat(3000),
    ] {
        let blocks = parse_blocks(&text);
        assert_eq!(parse_blocks(&write_blocks(&blocks)), blocks);
    }
}

// ---------------------------------------------------------------------------
// The subset, by example.

fn t(text: &str) -> Inline {
    Inline::Text(text.into())
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

#[test]
fn the_markdown_subset_reads_as_documented() {
    use Inline::{Code, Emphasis as Em, LineBreak, Strong};
    let cases: Vec<(&str, Vec<Block>)> = vec![
        (
            "one\ntwo\n\nthree",
            vec![p(vec![t("one two")]), p(vec![t("three")])],
        ),
        (
            "*em* _em_ **strong** `code`",
            vec![p(vec![
                Em(vec![t("em")]),
                t(" "),
                Em(vec![t("em")]),
                t(" "),
                Strong(vec![t("strong")]),
                t(" "),
                Code("code".into()),
            ])],
        ),
        (
            "snake_case_name and 2*3*4",
            vec![p(vec![
                t("snake_case_name and 2"),
                Em(vec![t("3")]),
                t("4"),
            ])],
        ),
        (
            "***both***",
            vec![p(vec![Em(vec![Strong(vec![t("both")])])])],
        ),
        (
            "[docs](https://example.com/a_(b))",
            vec![p(vec![Inline::Link {
                href: "https://example.com/a_(b)".into(),
                text: vec![t("docs")],
            }])],
        ),
        (
            "line\\\nbreak",
            vec![p(vec![t("line"), LineBreak, t("break")])],
        ),
        ("\\*not em\\* \\`x\\`", vec![p(vec![t("*not em* `x`")])]),
        ("`` a ` b ``", vec![p(vec![Code("a ` b".into())])]),
        (
            "- a\n- b\n  more\n\n  second\n* other list",
            vec![
                Block::Bullets(vec![
                    vec![p(vec![t("a")])],
                    vec![p(vec![t("b more")]), p(vec![t("second")])],
                ]),
                Block::Bullets(vec![vec![p(vec![t("other list")])]]),
            ],
        ),
        (
            "1. one\n2. two\n   - nested",
            vec![Block::Numbered(vec![
                vec![p(vec![t("one")])],
                vec![
                    p(vec![t("two")]),
                    Block::Bullets(vec![vec![p(vec![t("nested")])]]),
                ],
            ])],
        ),
        (
            "```sql\nSELECT 1;\n\n  -- indented\n```\nafter",
            vec![
                Block::Code("SELECT 1;\n\n  -- indented\n".into()),
                p(vec![t("after")]),
            ],
        ),
        (
            "> quoted\n> - item",
            vec![Block::Quote(vec![
                p(vec![t("quoted")]),
                Block::Bullets(vec![vec![p(vec![t("item")])]]),
            ])],
        ),
        (
            "# not a heading\n<b>not bold</b>",
            vec![p(vec![t("# not a heading <b>not bold</b>")])],
        ),
        (
            "- a\nlazy line",
            vec![Block::Bullets(vec![vec![p(vec![t("a lazy line")])]])],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_blocks(text), expected, "{text:?}");
        assert_eq!(parse_blocks(&write_blocks(&expected)), expected, "{text:?}");
    }
}

/// The fallback is as rare as documented: over a fixed sample of generated
/// text, deterministic whatever the seed, almost every paragraph and line is
/// spelled exactly. A writer that gave up on text it could spell (one choice
/// of delimiters fewer, say) fails here even though each read-back above
/// would still match `line_as_written`.
#[test]
fn the_writer_drops_emphasis_about_once_in_ten_thousand_delimiter_heavy_texts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut lines, mut dropped) = (0, 0);
    for _ in 0..5_000 {
        for strategy in [delimiter_soup().boxed(), any_text().boxed()] {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            lines += 1;
            dropped += usize::from(!spells_emphasis(&parse_line(&text), false));
        }
    }
    println!("the writer dropped the emphasis of {dropped} of {lines} generated lines");
    assert!(dropped * 2_000 <= lines, "{dropped} of {lines}");
}

/// Which text the writer can spell, by example: emphasis as people write it
/// reads back exactly; the rare nestings CommonMark has no spelling for
/// (found by the property tests above, each kept here as a row) read back
/// with the paragraph's emphasis dropped and every word kept.
#[test]
fn emphasis_is_written_exactly_or_dropped_only_where_commonmark_cannot_spell_it() {
    // (Markdown source, can the writer spell its emphasis, what its parse reads
    // back as after writing)
    let rows: Vec<(&str, bool, Vec<Inline>)> = vec![
        ("plain words", true, vec![t("plain words")]),
        (
            "*em* and **strong**",
            true,
            vec![
                Inline::Emphasis(vec![t("em")]),
                t(" and "),
                Inline::Strong(vec![t("strong")]),
            ],
        ),
        (
            "**a**_b_ side by side",
            true,
            vec![
                Inline::Strong(vec![t("a")]),
                Inline::Emphasis(vec![t("b")]),
                t(" side by side"),
            ],
        ),
        (
            "2*3*4 and snake_case",
            true,
            vec![
                t("2"),
                Inline::Emphasis(vec![t("3")]),
                t("4 and snake_case"),
            ],
        ),
        // Two emphases side by side, right before a letter: `*` twice would
        // merge into `**`, and a closing `_` before a letter is not a closer.
        ("a a*¹ *𐴰***a*b", false, vec![t("a a¹ 𐴰ab")]),
    ];
    for (source, spells, expected) in rows {
        let parsed = parse_line(source);
        assert_eq!(spells_emphasis(&parsed, false), spells, "{source:?}");
        assert_eq!(
            spells_emphasis(&parsed, true),
            spells,
            "{source:?} in a paragraph"
        );
        assert_eq!(parse_line(&write_line(&parsed)), expected, "{source:?}");
        assert_eq!(
            parse_blocks(&write_blocks(&[p(parsed.clone())])),
            vec![p(expected.clone())],
            "{source:?} as a paragraph"
        );
        if !spells {
            assert_ne!(parsed, expected, "{source:?} has emphasis to drop");
        }
    }
}

// ---------------------------------------------------------------------------
// Question and drill links.

#[test]
fn question_links_round_trip() {
    let link = question_link("backend", "idempotent-payment-api");
    assert_eq!(link, "#q=backend/idempotent-payment-api");
    assert_eq!(
        parse_fragment(&link).unwrap(),
        Link::Question(QuestionLink {
            deck: "backend".into(),
            question: "idempotent-payment-api".into(),
        })
    );
}

#[test]
fn drill_links_round_trip() {
    let full = DrillLink {
        deck: Some("backend".into()),
        topics: vec!["api-design".into(), "data-caching".into()],
        mode: DrillMode::Typed,
        questions: 10,
        seed: u64::MAX,
        minutes: Some(3),
    };
    let link = drill_link(&full);
    assert_eq!(
        link,
        "#drill=deck:backend,topics:api-design.data-caching,mode:typed,n:10,seed:18446744073709551615,min:3"
    );
    assert_eq!(parse_fragment(&link).unwrap(), Link::Drill(full));
    for mode in DrillMode::ALL {
        let minimal = DrillLink {
            deck: None,
            topics: Vec::new(),
            mode,
            questions: 200,
            seed: 0,
            minutes: None,
        };
        assert_eq!(
            parse_fragment(&drill_link(&minimal)).unwrap(),
            Link::Drill(minimal)
        );
    }
    // Keys in any order.
    assert!(
        matches!(parse_fragment("#drill=seed:5,n:1,mode:mock"), Ok(Link::Drill(d)) if d.seed == 5 && d.mode == DrillMode::Mock)
    );
}

// ---------------------------------------------------------------------------
// Deck identity keeps shared decks' progress apart.

#[test]
fn a_shared_deck_is_named_by_its_content() {
    let link = sample_link();
    let first = open_deck(&link);
    assert_eq!(open_deck(&link).id, first.id);
    assert!(
        first.id.starts_with("link-") && first.id.len() == 21,
        "{}",
        first.id
    );
    assert_ne!(first.id, builtin().id);
    // The same deck written with other spacing and key order is the same deck.
    let mut value = serde_json::to_value(sample_wire()).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(open_deck(&link_of_json(&pretty)).id, first.id);
    let reordered: Vec<String> = ["questions", "topics", "description", "title"]
        .iter()
        .map(|key| format!("{key:?}: {}", value[*key].take()))
        .collect();
    let reordered = format!("{{{}}}", reordered.join(", "));
    assert!(reordered.starts_with("{\"questions\""));
    assert_eq!(open_deck(&link_of_json(&reordered)).id, first.id);
    // One character changed is another deck.
    let changed = question_with(|q| q["key_points"][0]["phrases"][0] = "runs the queries".into());
    assert_ne!(open_deck(&changed).id, first.id);
    assert_eq!(deck_id(&first), first.id);
}

// ---------------------------------------------------------------------------
// Length warnings.

#[test]
fn long_links_are_flagged_at_2000_and_8000_characters() {
    let base = "https://example.com/#deck=1.";
    let of = |n: usize| format!("{base}{}", "A".repeat(n - base.len()));
    assert_eq!(link_length(&of(2000)).verdict, LinkLength::Fine);
    assert_eq!(link_length(&of(2001)).verdict, LinkLength::Long);
    assert_eq!(link_length(&of(8000)).verdict, LinkLength::Long);
    assert_eq!(link_length(&of(8001)).verdict, LinkLength::VeryLong);
    assert_eq!(link_length(&of(8001)).chars, 8001);
    assert_eq!(link_length(&of(100)).advice(), None);
    assert!(link_length(&of(2001))
        .advice()
        .unwrap()
        .contains("2001 characters"));
    assert!(link_length(&of(9000))
        .advice()
        .unwrap()
        .contains("fewer questions"));
}

#[test]
fn a_deck_that_breaks_a_rule_cannot_be_made_into_a_link() {
    let mut deck = builtin_subset(2);
    deck.questions[1].prompt = Vec::new();
    let err = deck_link(&deck).unwrap_err();
    assert_eq!(err.kind(), LinkErrorKind::Invalid);
    assert_eq!(err, validate(&deck).unwrap_err());
    assert!(err.to_string().contains(&deck.questions[1].id), "{err}");
    assert!(matches!(err, LinkError::Invalid { ref field, .. } if field == "prompt"));
}

// ---------------------------------------------------------------------------
// Golden links: made once, never regenerated (see the fixtures' README).

const GOLDEN: [&str; 6] = [
    "question",
    "drill",
    "drill-minimal",
    "deck-small",
    "deck-medium",
    "deck-html",
];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/share/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn hrefs_in_json(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(href)) = map.get("href") {
                out.push(href.clone());
            }
            map.values().for_each(|v| hrefs_in_json(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| hrefs_in_json(v, out)),
        _ => {}
    }
}

#[test]
fn golden_links_still_open_to_exactly_what_they_opened_to() {
    for name in GOLDEN {
        let link = fixture(&format!("{name}.link"));
        let expected: serde_json::Value =
            serde_json::from_str(&fixture(&format!("{name}.expected.json"))).unwrap();
        let opened = match parse_fragment(link.trim_end()) {
            Ok(Link::Deck(deck)) => without_misconceptions(serde_json::to_value(&deck).unwrap()),
            Ok(Link::Question(q)) => serde_json::json!({"deck": q.deck, "question": q.question}),
            Ok(Link::Drill(d)) => serde_json::json!({
                "deck": d.deck, "topics": d.topics, "mode": d.mode.name(),
                "questions": d.questions, "seed": d.seed, "minutes": d.minutes,
            }),
            Err(e) => panic!("{name}: {e}"),
        };
        assert_eq!(opened, expected, "{name}");
    }
    let mut hrefs = Vec::new();
    hrefs_in_json(
        &serde_json::from_str(&fixture("deck-html.expected.json")).unwrap(),
        &mut hrefs,
    );
    assert_eq!(
        hrefs,
        ["https://example.com/?q=<x>", "mailto:security@example.com"]
    );
}
