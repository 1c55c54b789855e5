//! The answer coach against a table of labelled typed answers, and its edge
//! cases. The table (tests/fixtures/coach/answers.json) was labelled by what a
//! fair human grader would credit, without looking at the matcher.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use interview_drill::core::bank::Deck;
use interview_drill::core::coach::check;
use interview_drill::core::progress::Grade;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labelled {
    question: String,
    kind: String,
    answer: String,
    credited: Vec<String>,
    /// Written before the matcher and content were tuned on the rest, as a
    /// check that the tuning generalises; these rows count in the total too.
    #[serde(default)]
    held_out: bool,
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

fn deck() -> Deck {
    let decks = interview_drill::decks::builtin().expect("decks");
    decks
        .into_iter()
        .find(|d| d.id == "backend")
        .expect("backend")
}

fn table() -> Vec<Labelled> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/coach/answers.json"
    ))
    .expect("table");
    serde_json::from_str(&text).expect("table parses")
}

/// Issue 7's target is 0.85 for both; the matcher is at 0.96 precision and
/// 0.81 recall on this table, and these floors keep it from sliding back while
/// recall on paraphrased answers is improved.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.78;

/// Checks one labelled answer, adding to the tallies and noting each mistake.
fn score(row: &Labelled, deck: &Deck, tallies: &mut [&mut Tally], misses: &mut Vec<String>) {
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
                "FP {} [{}{held_out}] {:?} via {words:?}",
                row.question, row.kind, point.label
            )),
            (None, true) => misses.push(format!(
                "FN {} [{}{held_out}] {:?}",
                row.question, row.kind, point.label
            )),
            _ => {}
        }
    }
}

#[test]
fn precision_and_recall_on_the_labelled_table_hold_their_floor() {
    let table = table();
    let deck = deck();
    let questions: BTreeSet<&str> = table.iter().map(|r| r.question.as_str()).collect();
    assert!(
        table.len() >= 80 && questions.len() >= 15,
        "{} answers, {} questions",
        table.len(),
        questions.len()
    );
    let (mut all, mut held_out) = (Tally::default(), Tally::default());
    let mut misses = Vec::new();
    for row in &table {
        if row.held_out {
            score(row, &deck, &mut [&mut all, &mut held_out], &mut misses);
        } else {
            score(row, &deck, &mut [&mut all], &mut misses);
        }
    }
    let held_out_rows = table.iter().filter(|r| r.held_out).count();
    let name = format!("answers {}, questions {}", table.len(), questions.len());
    eprintln!("{}", all.report(&name));
    eprintln!(
        "{}",
        held_out.report(&format!("held-out answers {held_out_rows}"))
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    let (precision, recall) = (all.precision(), all.recall());
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.3}");
    assert!(recall >= RECALL_FLOOR, "recall {recall:.3}");
}

#[test]
fn edge_cases_never_panic_and_credit_nothing_false() {
    let deck = deck();
    let question = deck.question("idempotent-payment-api").expect("question");
    let rows: Vec<(&str, usize)> = vec![
        ("", 0),
        ("   \n\t ", 0),
        ("🔁💳✅🙂", 0),
        ("cache", 0),
        ("支付请求使用幂等键，重复请求返回同一结果。", 0),
        ("Ich würde einen Idempotency-Key vom Client verlangen.", 1),
    ];
    for (answer, at_least) in rows {
        let feedback = check(answer, question);
        let covered = feedback
            .points
            .iter()
            .filter(|p| p.matched.is_some())
            .count();
        assert!(covered >= at_least, "{answer:?}: {covered}");
        if at_least == 0 {
            assert_eq!(covered, 0, "{answer:?}");
            assert_eq!(feedback.suggested, Grade::Again);
        }
        assert!(feedback.coverage.is_finite());
    }
    // A huge answer is handled (the criterion benchmark times it).
    let huge = "The client sends an idempotency key; we store the first response and replay it. "
        .repeat(250);
    assert!(huge.len() >= 20_000);
    let feedback = check(&huge, question);
    assert!(feedback.points.iter().any(|p| p.matched.is_some()));
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
