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
}

fn deck() -> Deck {
    let decks = interview_drill::decks::builtin().expect("decks");
    decks
        .into_iter()
        .find(|d| d.id == "backend")
        .expect("backend")
}

/// Issue 7's target is 0.85 for both; the matcher is at 0.96 precision and
/// 0.80 recall on this table, and these floors keep it from sliding back while
/// recall on paraphrased answers is improved.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.78;

#[test]
fn precision_and_recall_on_the_labelled_table_hold_their_floor() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/coach/answers.json"
    ))
    .expect("table");
    let table: Vec<Labelled> = serde_json::from_str(&text).expect("table parses");
    let deck = deck();
    let questions: BTreeSet<&str> = table.iter().map(|r| r.question.as_str()).collect();
    assert!(
        table.len() >= 80 && questions.len() >= 15,
        "{} answers, {} questions",
        table.len(),
        questions.len()
    );
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for row in &table {
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
        let feedback = check(&row.answer, question);
        for point in &feedback.points {
            let expected = row.credited.contains(&point.label);
            match (point.matched.is_some(), expected) {
                (true, true) => tp += 1,
                (true, false) => {
                    fp += 1;
                    misses.push(format!(
                        "FP {} [{}] {:?} via {:?}",
                        row.question, row.kind, point.label, point.matched
                    ));
                }
                (false, true) => {
                    fn_ += 1;
                    misses.push(format!(
                        "FN {} [{}] {:?}",
                        row.question, row.kind, point.label
                    ));
                }
                (false, false) => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!("answers {}, questions {}: precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fn_})", table.len(), questions.len());
    for miss in &misses {
        eprintln!("  {miss}");
    }
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
