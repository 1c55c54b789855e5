//! The answer coach on 20,000-character answers (target under 10 ms).
//!
//!     cargo bench --bench coach

// Criterion runs natively only; the wasm32 build of benches gets an empty main.
#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::Criterion;
    use interview_drill::core::bank::{Deck, Question};
    use interview_drill::core::coach::check;

    use crate::common::builtin_decks;

    fn find<'d>(decks: &'d [Deck], id: &str) -> &'d Question {
        let found = decks
            .iter()
            .flat_map(|d| d.questions.iter())
            .find(|q| q.id == id);
        found.unwrap_or_else(|| panic!("the benchmark question {id} is missing"))
    }

    /// `text` repeated and cut at 20,000 bytes, on a character boundary.
    fn twenty_thousand(text: &str) -> String {
        let mut long = text.repeat(20_000 / text.len() + 1);
        long.truncate(long.floor_char_boundary(20_000));
        long
    }

    pub fn bench(c: &mut Criterion) {
        let decks = builtin_decks();
        let question = find(&decks, "idempotent-payment-api");
        // Prose that matches little, so every phrase scans the whole answer.
        let sentence =
            "Under heavy traffic the team measured throughput, watched dashboards and kept notes. ";
        let answer = sentence.repeat(20_000 / sentence.len() + 1);
        c.bench_function("check a 20,000-character answer", |b| {
            b.iter(|| check(black_box(&answer), question))
        });
        // Every key-point phrase of the deck as prose: a large vocabulary
        // with many partial matches, the costly case for the search.
        let phrases: Vec<&str> = decks
            .iter()
            .flat_map(|d| d.questions.iter())
            .flat_map(|q| q.key_points.iter())
            .flat_map(|k| k.phrases.iter().map(String::as_str))
            .collect();
        let mut varied = phrases.join(", then ").repeat(2);
        varied.truncate(varied.floor_char_boundary(20_000));
        c.bench_function("check a 20,000-character answer of varied phrases", |b| {
            b.iter(|| check(black_box(&varied), question))
        });
        // Negations, dismissals and wrong claims throughout, on a question
        // with misconceptions: every cue reaches over its clause and every
        // misconception phrase is searched before the key points.
        let with_claims = find(&decks, "actionable-api-error-responses");
        let claims = "We never leak a stack trace, but we always return 200 with an error body \
                      instead of a 422, and there is no need for a retryable flag or a Retry-After header. ";
        let negated = twenty_thousand(claims);
        c.bench_function(
            "check a 20,000-character answer of negations and wrong claims",
            |b| b.iter(|| check(black_box(&negated), with_claims)),
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
common::bench_main!(native::bench);

#[cfg(target_arch = "wasm32")]
fn main() {}
