//! The answer coach on a 20,000-character answer (target under 10 ms).
//!
//!     cargo bench --bench coach

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion};
    use interview_drill::core::coach::check;

    pub fn bench(c: &mut Criterion) {
        let decks = interview_drill::decks::builtin().unwrap_or_default();
        let Some(question) = decks
            .iter()
            .flat_map(|d| d.questions.iter())
            .find(|q| q.id == "idempotent-payment-api")
        else {
            panic!("the benchmark question is missing")
        };
        // Prose that matches little, so every phrase scans the whole answer.
        let sentence =
            "Under heavy traffic the team measured throughput, watched dashboards and kept notes. ";
        let answer = sentence.repeat(20_000 / sentence.len() + 1);
        c.bench_function("check a 20,000-character answer", |b| {
            b.iter(|| check(black_box(&answer), question))
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20);
        targets = bench
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
