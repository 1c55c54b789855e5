//! Share links: opening and making a medium deck link, and refusing a
//! deflate bomb.
//!
//!     cargo bench --bench share

// Criterion runs natively only; the wasm32 build of benches gets an empty main.
#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::Criterion;
    use interview_drill::core::share::{deck_link, parse_fragment};

    use crate::common::first_deck;

    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    fn b64url(bytes: &[u8]) -> String {
        let (mut bits, mut count, mut out) = (0u32, 0, String::new());
        for &byte in bytes {
            bits = (bits << 8) | u32::from(byte);
            count += 8;
            while count >= 6 {
                count -= 6;
                out.push(char::from(B64[((bits >> count) & 63) as usize]));
            }
        }
        if count > 0 {
            out.push(char::from(B64[((bits << (6 - count)) & 63) as usize]));
        }
        out
    }

    pub fn bench(c: &mut Criterion) {
        let mut deck = first_deck();
        // Twenty long questions: about 41,000 characters of link.
        deck.questions.truncate(20);
        let link = deck_link(&deck).unwrap_or_else(|e| panic!("{e}"));
        c.bench_function("open a 20-question deck link", |b| {
            b.iter(|| parse_fragment(black_box(&link)))
        });
        c.bench_function("make a 20-question deck link", |b| {
            b.iter(|| deck_link(black_box(&deck)))
        });
        // 40 MB of zeros in 52 KB of link; inflating stops at 1 MiB.
        let zeros = vec![0u8; 40_000_000];
        let bomb = format!(
            "#deck=1.{}",
            b64url(&miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9))
        );
        c.bench_function("refuse a 40 MB deflate bomb", |b| {
            b.iter(|| parse_fragment(black_box(&bomb)))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
common::bench_main!(native::bench);

#[cfg(target_arch = "wasm32")]
fn main() {}
