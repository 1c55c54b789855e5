//! Loading progress at scale: 50,000 review events from 4 writers, decoded and
//! merged (target under 50 ms), and the stored size of 10,000 cards with their
//! compacted history (target under 1 MB).
//!
//!     cargo bench --bench storage

// Criterion runs natively only; the wasm32 build of benches gets an empty main.
#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::Criterion;
    use interview_drill::core::ledger::Ledger;
    use interview_drill::core::persist::{encode_base, encode_log, restore};
    use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};

    use crate::common::{moment, DAY};

    fn review(card: usize, n: usize) -> Review {
        Review {
            at: moment(
                n as i64 * 7 * DAY + card as i64 * 61_000 + (n as i64 * 137) % 1000,
                60,
            ),
            card: CardKey::new("backend", &format!("question-{card:05}")),
            grade: Grade::from_number((card + n) as u8 % 4 + 1).unwrap_or(Grade::Good),
            kind: if n % 9 == 8 {
                ReviewKind::Cram
            } else {
                ReviewKind::Scheduled
            },
        }
    }

    /// Four writers' logs holding 50,000 reviews between them.
    fn four_logs() -> Vec<(String, String)> {
        (0..4)
            .map(|w| {
                let ledger = Ledger {
                    reviews: (0..12_500)
                        .map(|i| review(i % 5_000, w * 3 + i / 5_000))
                        .collect(),
                    ..Ledger::default()
                };
                (
                    format!("log:writer-{w}"),
                    encode_log(&ledger, &format!("writer-{w}")),
                )
            })
            .collect()
    }

    pub fn bench(c: &mut Criterion) {
        let logs = four_logs();
        let total: usize = logs.iter().map(|(_, v)| v.len()).sum();
        eprintln!("4 logs, 50,000 reviews: {} bytes as readable JSON", total);
        c.bench_function("load and merge 50,000 reviews from 4 writers", |b| {
            b.iter(|| {
                let restored = restore(black_box(&logs));
                restored.ledger.progress()
            })
        });

        let history = Ledger {
            reviews: (0..10_000)
                .flat_map(|card| (0..10).map(move |n| review(card, n)))
                .collect(),
            ..Ledger::default()
        };
        let base = encode_base(&history);
        eprintln!(
            "10,000 cards with 10 reviews each, compacted: {} bytes ({:.2} MB)",
            base.len(),
            base.len() as f64 / 1_048_576.0
        );
        let values = vec![("base".to_string(), base)];
        c.bench_function("load a compacted base of 100,000 reviews", |b| {
            b.iter(|| restore(black_box(&values)).ledger.progress())
        });
    }
}

// Ten samples rather than the harness's default of twenty.
#[cfg(not(target_arch = "wasm32"))]
common::bench_main!(samples = 10; native::bench);

#[cfg(target_arch = "wasm32")]
fn main() {}
