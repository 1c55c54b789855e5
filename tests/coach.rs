//! The answer coach against a table of labelled typed answers, and its edge
//! cases. The table (tests/fixtures/coach/answers.json) was labelled by what a
//! fair human grader would credit, without looking at the matcher. The key
//! points' match phrases were tuned on most of its rows; the bar is held on the
//! rows marked `held_out`, which nothing was tuned on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use interview_drill::core::bank::{Deck, KeyPoint, Question};
use interview_drill::core::coach::check;
use interview_drill::core::progress::Grade;
use serde::Deserialize;

use common::deck;

#[derive(Deserialize)]
struct Labelled {
    question: String,
    kind: String,
    answer: String,
    credited: Vec<String>,
    /// Written and labelled from the question's prompt, model answer and
    /// key-point labels only, never against the matcher or the match phrases,
    /// and never used to tune either: the only rows the bar is held to, since
    /// figures on rows the phrases were tuned on say little about new answers.
    #[serde(default)]
    held_out: bool,
    /// Why a row once written as held out no longer counts as such: a match
    /// phrase added after it was written appears in it word for word.
    #[serde(default)]
    tuned_on: Option<String>,
}

/// True and false positives and false negatives over key points.
#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn add(&mut self, credited: bool, expected: bool) {
        match (credited, expected) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }

    fn report(&self, name: &str) -> String {
        format!(
            "{name}: precision {:.3}, recall {:.3} (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn table() -> Vec<Labelled> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/coach/answers.json"
    ))
    .expect("table");
    serde_json::from_str(&text).expect("table parses")
}

/// Issue 7's bar for both, held to on the held-out rows only: the tuning
/// rows' figures are printed but would pass however overfitted the phrases.
const PRECISION_FLOOR: f64 = 0.85;
const RECALL_FLOOR: f64 = 0.85;

/// Enough held-out rows and questions that one row moves a figure by about a
/// point, not five; a guard against the set quietly shrinking.
const MIN_HELD_OUT_ROWS: usize = 70;
const MIN_HELD_OUT_QUESTIONS: usize = 20;

/// Checks one labelled answer (`row` is its index in the table), adding to the
/// tallies and noting each mistake.
fn score(
    row_index: usize,
    row: &Labelled,
    deck: &Deck,
    tallies: &mut [&mut Tally],
    misses: &mut Vec<String>,
) {
    let question = deck
        .question(&row.question)
        .unwrap_or_else(|| panic!("no question {}", row.question));
    for label in &row.credited {
        assert!(
            question.key_points.iter().any(|k| k.label == *label),
            "{}: unknown label {label}",
            row.question
        );
    }
    let held_out = if row.held_out { ", held out" } else { "" };
    for point in check(&row.answer, question).points {
        let expected = row.credited.contains(&point.label);
        for tally in tallies.iter_mut() {
            tally.add(point.matched.is_some(), expected);
        }
        match (&point.matched, expected) {
            (Some(words), false) => misses.push(format!(
                "FP #{row_index} {} [{}{held_out}] {:?} via {words:?}",
                row.question, row.kind, point.label
            )),
            (None, true) => misses.push(format!(
                "FN #{row_index} {} [{}{held_out}] {:?}",
                row.question, row.kind, point.label
            )),
            _ => {}
        }
    }
}

#[test]
fn precision_and_recall_on_the_held_out_rows_reach_the_bar() {
    let table = table();
    let deck = deck();
    for (i, row) in table.iter().enumerate() {
        assert!(
            !(row.held_out && row.tuned_on.is_some()),
            "#{i}: a row the phrases were tuned on cannot count as held out"
        );
    }
    let (held, tuning): (Vec<_>, Vec<_>) = table.iter().enumerate().partition(|(_, r)| r.held_out);
    let questions = |rows: &[(usize, &Labelled)]| -> BTreeSet<String> {
        rows.iter().map(|(_, r)| r.question.clone()).collect()
    };
    let (held_questions, tuning_questions) = (questions(&held), questions(&tuning));
    let mut misses = Vec::new();
    let mut tally = |rows: &[(usize, &Labelled)]| {
        let mut tally = Tally::default();
        for &(i, row) in rows {
            score(i, row, &deck, &mut [&mut tally], &mut misses);
        }
        tally
    };
    let (held_out, tuned) = (tally(&held), tally(&tuning));
    eprintln!(
        "{}",
        tuned.report(&format!(
            "TUNING rows (phrases tuned on these; not held to the bar) {}, questions {}",
            tuning.len(),
            tuning_questions.len()
        ))
    );
    eprintln!(
        "{}",
        held_out.report(&format!(
            "HELD-OUT rows (held to the bar) {}, questions {}",
            held.len(),
            held_questions.len()
        ))
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(
        held.len() >= MIN_HELD_OUT_ROWS && held_questions.len() >= MIN_HELD_OUT_QUESTIONS,
        "{} held-out rows over {} questions",
        held.len(),
        held_questions.len()
    );
    let (precision, recall) = (held_out.precision(), held_out.recall());
    assert!(
        precision >= PRECISION_FLOOR,
        "held-out precision {precision:.3} under {PRECISION_FLOOR}"
    );
    assert!(
        recall >= RECALL_FLOOR,
        "held-out recall {recall:.3} under {RECALL_FLOOR}"
    );
}

/// Key points that each show one matching rule in the edge cases below.
const EDGE_POINTS: &[(&str, &[&str])] = &[
    ("Idempotency key", &["idempotency key", "dedupe key"]),
    (
        "Retries with backoff",
        &["retries with backoff", "exponential backoff"],
    ),
    ("Never average percentiles", &["average percentiles"]),
    ("Stale reads", &["asynchronous replication", "stale read"]),
    ("Rate limit headers", &["rate limit headers"]),
    ("Bounded attempts", &["3 attempts"]),
    ("Event id", &["event id"]),
    ("Common words only", &["cache", "the cache", "retry"]),
];

/// A question with just these key points.
fn question_with(points: &[(&str, &[&str])]) -> Question {
    Question {
        id: "edge-cases".into(),
        topic: "api-design".into(),
        difficulty: 1,
        minutes: 1,
        tags: Vec::new(),
        prompt: Vec::new(),
        answer: Vec::new(),
        key_points: points
            .iter()
            .map(|(label, phrases)| KeyPoint {
                label: (*label).into(),
                phrases: phrases.iter().map(|p| (*p).into()).collect(),
            })
            .collect(),
        follow_ups: Vec::new(),
        concerns: Vec::new(),
    }
}

#[test]
fn edge_cases_credit_exactly_what_a_fair_grader_would() {
    let question = question_with(EDGE_POINTS);
    let filler =
        "Under heavy traffic the team measured throughput, watched dashboards and kept notes. "
            .repeat(240);
    let huge = format!("{filler}Each payment carries an idempotency key.");
    assert!(huge.len() >= 20_000);
    let rows: Vec<(&str, String, &[&str])> = vec![
        ("empty", String::new(), &[]),
        ("whitespace only", "  \n\t \r\n ".into(), &[]),
        (
            "Cyrillic",
            "Клиент передаёт ключ идемпотентности, сервер повторяет первый ответ.".into(),
            &[],
        ),
        (
            "Chinese",
            "客户端发送幂等键，重复请求返回同一结果。".into(),
            &[],
        ),
        (
            "Japanese",
            "冪等キーを使って、同じ応答を返します。".into(),
            &[],
        ),
        (
            "Arabic",
            "يرسل العميل مفتاحا فريدا مع كل طلب دفع.".into(),
            &[],
        ),
        ("emoji only", "🔁💳✅🙂👍🏽🤷‍♂️".into(), &[]),
        (
            "emoji between words",
            "idempotency🔑key".into(),
            &["Idempotency key"],
        ),
        (
            "Latin inside Chinese",
            "重试时使用exponential backoff。".into(),
            &["Retries with backoff"],
        ),
        ("a single common word", "cache".into(), &[]),
        (
            "common words only",
            "We retry and use the cache.".into(),
            &[],
        ),
        ("repeated words", "retries ".repeat(3_000), &[]),
        (
            "repeated phrase words",
            "idempotency idempotency key key".into(),
            &["Idempotency key"],
        ),
        ("a very long single word", "x".repeat(20_000), &[]),
        (
            "phrase words run together at length",
            "idempotencykey".repeat(1_500),
            &[],
        ),
        ("a 20,000-character answer", huge, &["Idempotency key"]),
        (
            "a phrase split across lines",
            "send an idempotency\nkey with every payment".into(),
            &["Idempotency key"],
        ),
        (
            "a phrase split across sentences",
            "We check idempotency. Key rotation is separate.".into(),
            &[],
        ),
        (
            "swapped letters",
            "retries with bakcoff".into(),
            &["Retries with backoff"],
        ),
        ("no", "No retries with backoff: fail fast.".into(), &[]),
        ("never", "We never use exponential backoff.".into(), &[]),
        (
            "a negation inside the phrase",
            "retries with no backoff".into(),
            &[],
        ),
        (
            "a negation ends at a comma",
            "No, exponential backoff with a cap.".into(),
            &["Retries with backoff"],
        ),
        (
            "not just",
            "Not just retries with backoff but jitter too.".into(),
            &["Retries with backoff"],
        ),
        (
            "a restriction stated with never",
            "Never average percentiles across hosts.".into(),
            &["Never average percentiles"],
        ),
        (
            "a restriction stated with don't",
            "Don't average percentiles.".into(),
            &["Never average percentiles"],
        ),
        (
            "a negating prefix is not a typo",
            "synchronous replication".into(),
            &[],
        ),
        (
            "a typo in a long word",
            "asynchronus replication".into(),
            &["Stale reads"],
        ),
        (
            "two words written as one",
            "return ratelimit headers".into(),
            &["Rate limit headers"],
        ),
        (
            "one word written as two",
            "exponential back off".into(),
            &["Retries with backoff"],
        ),
        (
            "hyphenated",
            "exponential back-off".into(),
            &["Retries with backoff"],
        ),
        (
            "number words",
            "three attempts at most".into(),
            &["Bounded attempts"],
        ),
        (
            "a synonym",
            "dedupe on the event identifier".into(),
            &["Event id"],
        ),
    ];
    for (name, answer, expected) in rows {
        let feedback = check(&answer, &question);
        let credited: Vec<&str> = feedback
            .points
            .iter()
            .filter(|p| p.matched.is_some())
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(credited, expected, "{name}: {feedback:?}");
        assert!(feedback.coverage.is_finite(), "{name}");
        if expected.is_empty() {
            assert_eq!(feedback.suggested, Grade::Again, "{name}");
        }
    }
}

#[test]
fn a_question_without_key_points_covers_nothing() {
    let feedback = check("idempotency key", &question_with(&[]));
    assert!(feedback.points.is_empty());
    assert_eq!(feedback.coverage, 0.0);
}

#[test]
fn matches_report_the_words_as_typed_and_forgive_typos() {
    let deck = deck();
    let question = deck.question("idempotent-payment-api").expect("question");
    let feedback = check(
        "The client generates an Idempotancy-Key header for each payment.",
        question,
    );
    let matched: Vec<&str> = feedback
        .points
        .iter()
        .filter_map(|p| p.matched.as_deref())
        .collect();
    assert!(
        matched.iter().any(|m| m.contains("Idempotancy")),
        "{matched:?}"
    );
}
