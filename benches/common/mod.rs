//! The harness every criterion bench here shares: criterion's configuration,
//! the group and `main` it runs (`bench_main!`), and the fixtures several
//! benches build on (the built-in decks, moments from a fixed start).
//!
//! A bench declares `mod common;` and its native module, then ends with
//!
//! ```ignore
//! #[cfg(not(target_arch = "wasm32"))]
//! common::bench_main!(native::bench);
//!
//! #[cfg(target_arch = "wasm32")]
//! fn main() {}
//! ```
//!
//! Criterion runs natively only (it is a native-only dev-dependency), so each
//! bench declares this module for native builds only, and the wasm32 build of
//! the benches gets an empty `main`.

// Every bench is its own crate and compiles this module on its own, using only
// part of it; without this, each would warn about the rest.
#![allow(dead_code)]

use criterion::Criterion;
use interview_drill::core::bank::Deck;
use interview_drill::core::time::Moment;

/// Samples per benchmark unless a bench asks for another number (criterion's
/// own default is 100).
pub const SAMPLES: usize = 20;

/// Criterion as the benches here run it; `configure_from_args` (command-line
/// options such as `--sample-size` or a filter) is applied on top by
/// `criterion_group!`.
pub fn criterion(samples: usize) -> Criterion {
    Criterion::default().sample_size(samples)
}

/// The group `benches` of the given targets, with [`criterion`] as its
/// configuration, and the `main` that runs it. `samples = N;` first sets the
/// sample size; otherwise it is [`SAMPLES`].
macro_rules! bench_main {
    (samples = $samples:expr; $($target:path),+ $(,)?) => {
        criterion::criterion_group! {
            name = benches;
            config = $crate::common::criterion($samples);
            targets = $($target),+
        }
        criterion::criterion_main!(benches);
    };
    ($($target:path),+ $(,)?) => {
        $crate::common::bench_main!(samples = $crate::common::SAMPLES; $($target),+);
    };
}
pub(crate) use bench_main;

pub const DAY: i64 = 86_400_000;

/// 2026-01-01 00:00 UTC, where the benches' review histories begin.
pub const START: i64 = 1_767_225_600_000;

/// The moment `ms_after_start` milliseconds after [`START`], at `offset`
/// minutes from UTC.
pub fn moment(ms_after_start: i64, offset: i32) -> Moment {
    Moment::new(START + ms_after_start, offset)
}

/// Every built-in deck; none if they fail to decode.
pub fn builtin_decks() -> Vec<Deck> {
    interview_drill::decks::builtin().unwrap_or_default()
}

/// The first built-in deck.
pub fn first_deck() -> Deck {
    let Some(deck) = builtin_decks().into_iter().next() else {
        panic!("no built-in deck")
    };
    deck
}
