//! Stored formats and golden links are append-only.
//!
//! A progress fixture is what browsers have stored; a golden link is what
//! people have been sent. Neither may change once committed: a new form gets
//! a new file, recorded in `tests/fixtures/frozen.txt`, and the reader learns
//! to tell it by its shape. This file checks both halves: no committed file
//! changed (byte for byte, by SHA-256), and every progress form ever written
//! still loads to the history it holds.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use interview_drill::core::answer_note::AnswerStyle;
use interview_drill::core::ledger::Ledger;
use interview_drill::core::persist::{decode, encode_base, encode_log, restore, LoadError};
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::time::Moment;

/// `sha256sum` lines: `sha256sum -c tests/fixtures/frozen.txt` checks it too.
const MANIFEST: &str = "tests/fixtures/frozen.txt";
const FOLDERS: [&str; 2] = ["tests/fixtures/progress", "tests/fixtures/share"];
/// The folders' documentation grows a row with each new form; it stores nothing.
const NOT_FROZEN: &str = "README.md";
const RULE: &str = "Stored formats and golden links are append-only: a committed \
fixture is what browsers stored or links people were sent, so it is never edited, \
renamed or removed. Revert the change to the fixture and fix the code instead. A new \
form gets a NEW file and a new line: `sha256sum <path> >> tests/fixtures/frozen.txt`, \
and a row in the folder's README. (The one sanctioned rewrite: a share \
`*.expected.json` converted by hand to new bank types with the same content, see \
tests/fixtures/share/README.md; change its line in the same commit and say why.)";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_committed_fixture_or_golden_link_changes() {
    let manifest = std::fs::read_to_string(root().join(MANIFEST)).expect("the manifest");
    let mut listed = BTreeMap::new();
    let mut problems = Vec::new();
    for (n, line) in manifest.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((hash, path)) = line
            .split_once("  ")
            .filter(|(h, _)| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        else {
            problems.push(format!("{MANIFEST}:{}: not `<sha256>  <path>`", n + 1));
            continue;
        };
        if listed.insert(path.to_string(), hash.to_string()).is_some() {
            problems.push(format!("{path}: listed twice"));
        }
        match std::fs::read(root().join(path)) {
            Err(e) => problems.push(format!("{path}: listed but missing ({e})")),
            Ok(bytes) => {
                let actual = hex(&sha256(&bytes));
                if actual != hash.to_ascii_lowercase() {
                    problems.push(format!(
                        "{path}: changed (sha256 is now {actual}, frozen as {hash})"
                    ));
                }
            }
        }
    }
    let mut present = Vec::new();
    for folder in FOLDERS {
        files_under(folder, &mut present);
    }
    for path in &present {
        if !listed.contains_key(path) {
            problems.push(format!(
                "{path}: not in {MANIFEST}; record it with `sha256sum {path} >> {MANIFEST}`"
            ));
        }
    }
    assert!(
        present.len() >= 20,
        "the walk found the fixtures: {present:?}"
    );
    assert!(problems.is_empty(), "{}\n\n{RULE}", problems.join("\n"));
}

/// Every file under `folder`, as a path from the crate root, but the READMEs.
fn files_under(folder: &str, out: &mut Vec<String>) {
    let entries = std::fs::read_dir(root().join(folder)).expect("a fixture folder");
    for entry in entries {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{folder}/{name}");
        if entry.file_type().expect("a file type").is_dir() {
            files_under(&path, out);
        } else if name != NOT_FROZEN {
            out.push(path);
        }
    }
}

/// SHA-256 (FIPS 180-4), so the manifest is `sha256sum`'s own output and can
/// be checked and extended with it; no dependency for 40 lines.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, w) in K.iter().zip(w) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(*k)
                .wrapping_add(w);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut out = [0u8; 32];
    for (bytes, word) in out.chunks_exact_mut(4).zip(h) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_hash_is_sha_256() {
    let cases = [
        (
            "",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            "abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        // Two blocks: the padding spills over.
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(hex(&sha256(input.as_bytes())), expected);
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/progress").join(name)).expect("fixture")
}

fn load(name: &str) -> Ledger {
    decode(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn review(q: &str, grade: Grade, unix_ms: i64, kind: ReviewKind) -> Review {
    Review {
        at: Moment::new(unix_ms, 60),
        card: CardKey::new("backend", q),
        grade,
        kind,
    }
}

/// What every fixture holds: three reviews, settings 85% / 15, one unknown field.
fn expected_reviews() -> std::collections::BTreeSet<Review> {
    let q = "idempotent-payment-api";
    [
        review(q, Grade::Good, 1_772_438_400_123, ReviewKind::Scheduled),
        review(
            "cache-stampede-hot-key",
            Grade::Again,
            1_772_438_460_456,
            ReviewKind::Scheduled,
        ),
        review(q, Grade::Easy, 1_772_524_800_789, ReviewKind::Cram),
    ]
    .into()
}

#[test]
fn every_format_ever_written_still_loads() {
    for name in [
        "v1-progress.json",
        "v2-base.json",
        "v2-log.json",
        "v2-export.json",
    ] {
        let ledger = load(name);
        assert_eq!(ledger.reviews, expected_reviews(), "{name}");
        assert_eq!(ledger.settings().desired_retention, 0.85, "{name}");
        assert_eq!(ledger.settings().new_per_day, 15, "{name}");
        assert_eq!(
            ledger.extra["notes"], r#"{"kept":"by every later version"}"#,
            "{name}"
        );
    }
    // The log and the export carry one undone review; it does not count.
    let log = load("v2-log.json");
    assert_eq!(log.undone.len(), 1);
    assert_eq!(log.progress().reviews().len(), 2);
}

/// The same history at the precision the first format-2 release stored: whole seconds, as its
/// format 1 migration cut them.
fn to_whole_seconds(mut ledger: Ledger) -> Ledger {
    let cut = |set: &std::collections::BTreeSet<Review>| {
        set.iter()
            .map(|r| Review {
                at: Moment::new(
                    r.at.unix_ms.div_euclid(1000) * 1000,
                    r.at.utc_offset_minutes,
                ),
                ..r.clone()
            })
            .collect()
    };
    ledger.reviews = cut(&ledger.reviews);
    ledger.undone = cut(&ledger.undone);
    ledger
}

/// Each older form (README: what wrote it) loads to the history of today's
/// form of the same key: same reviews, times, grades, undone reviews,
/// settings and unknown fields.
#[test]
fn every_older_form_loads_to_the_history_of_todays_form() {
    let rows = [
        ("v2-base-base36-ms.json", load("v2-base.json")),
        (
            "v2-base-base36-seconds.json",
            to_whole_seconds(load("v2-base.json")),
        ),
        ("v2-log-seconds.json", to_whole_seconds(load("v2-log.json"))),
        (
            "v2-export-seconds.json",
            to_whole_seconds(load("v2-export.json")),
        ),
    ];
    for (older, expected) in rows {
        let ledger = load(older);
        assert_eq!(ledger, expected, "{older}");
        assert!(
            ledger
                .reviews
                .iter()
                .all(|r| r.at.unix_ms > 1_772_000_000_000),
            "{older}: in 2026, not in 1970"
        );
        assert_eq!(
            decode(&encode_base(&ledger)).as_ref(),
            Ok(&ledger),
            "{older}"
        );
    }
    // A base of the second format-2 release compacts into today's base byte for byte.
    assert_eq!(
        encode_base(&load("v2-base-base36-ms.json")),
        fixture("v2-base.json").trim_end()
    );
    // The first release had no extra practice and no settings.
    let mut expected = load("v1-progress.json");
    expected.reviews.retain(|r| r.kind == ReviewKind::Scheduled);
    expected.settings = None;
    assert_eq!(load("v1-progress-first-release.json"), expected);
}

#[test]
fn answer_notes_load_and_write_back_unchanged() {
    let raw = fixture("v2-log-answers.json");
    let ledger = decode(&raw).expect("log with answers");
    let notes: Vec<_> = ledger.notes.iter().collect();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].style, AnswerStyle::Typed);
    assert_eq!(
        (notes[0].suggested, notes[0].chosen),
        (Some(Grade::Easy), Grade::Good)
    );
    assert!(notes[0].overridden());
    assert_eq!(
        (notes[0].follow_ups_reached, notes[0].follow_ups_answered),
        (2, 1)
    );
    assert_eq!(notes[1].style, AnswerStyle::Aloud);
    assert!(!notes[1].overridden());
    assert_eq!(encode_log(&ledger, "q4k9m2z7bb"), raw.trim_end());
}

#[test]
fn format_one_migrates_and_keeps_unknown_fields_on_write() {
    let ledger = load("v1-progress.json");
    let base = encode_base(&ledger);
    assert!(
        base.contains(r#""notes":{"kept":"by every later version"}"#),
        "{base}"
    );
    assert_eq!(decode(&base).expect("base"), ledger);
    assert_eq!(
        base,
        fixture("v2-base.json").trim_end(),
        "base encoding is stable"
    );
}

/// The review times of a value, in milliseconds, as read.
fn times(text: &str) -> Vec<i64> {
    let ledger = decode(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    ledger.reviews.iter().map(|r| r.at.unix_ms).collect()
}

#[test]
fn the_latest_time_tells_seconds_from_milliseconds() {
    let log = |ts: &[i64]| {
        let reviews: Vec<_> = ts
            .iter()
            .map(|t| format!(r#"{{"deck":"d","q":"q","t":{t},"tz":0,"g":3}}"#))
            .collect();
        let reviews = reviews.join(",");
        times(&format!(
            r#"{{"app":"interview-drill","v":2,"kind":"log","reviews":[{reviews}],"undone":[]}}"#
        ))
    };
    // The first format-2 release's seconds: the latest time is a date from 2001 to 5138 in seconds.
    assert_eq!(log(&[1_772_438_400]), [1_772_438_400_000]);
    assert_eq!(log(&[1_000_000_000]), [1_000_000_000_000]);
    assert_eq!(log(&[99_999_999_999]), [99_999_999_999_000]);
    assert_eq!(log(&[5, 1_772_438_400]), [5_000, 1_772_438_400_000]);
    // Milliseconds: from 1973 on, and below 1e9 (a clock never set, a test's
    // small times), which is no date in either unit.
    assert_eq!(log(&[100_000_000_000]), [100_000_000_000]);
    assert_eq!(log(&[999_999_999]), [999_999_999]);
    assert_eq!(log(&[9, 1_772_438_400_123]), [9, 1_772_438_400_123]);
    // The same rule for base-36 base text; base 62 was only ever milliseconds.
    let base = |card: &str| {
        times(&format!(
            r#"{{"app":"interview-drill","v":2,"kind":"base","reviews":{{"d":{{"q":"{card}"}}}},"undone":{{}}}}"#
        ))
    };
    assert_eq!(base("3tb9i80"), [1_772_438_400_000]);
    assert_eq!(base("3mm8w26bf"), [1_772_438_400_123]);
    assert_eq!(base("$1vwyC8"), [1_772_438_400]);
}

#[test]
fn a_newer_format_is_recognised_and_left_alone() {
    assert_eq!(
        decode(&fixture("v3-base.json")),
        Err(LoadError::NewerVersion(3))
    );
    let restored = restore(&[
        ("base".into(), fixture("v3-base.json")),
        ("log:a".into(), fixture("v2-log.json")),
    ]);
    assert_eq!(restored.newer_version, Some(3));
    assert!(!restored.writable());
    assert!(
        restored.unreadable.is_empty(),
        "newer is not corrupt: no backup, no removal"
    );
}

#[test]
fn restore_merges_every_key_and_lists_what_to_back_up() {
    let restored = restore(&[
        ("base".into(), fixture("v2-base.json")),
        ("log:a".into(), fixture("v2-log.json")),
        ("log:b".into(), "{broken".into()),
        ("backup-1:log:c".into(), "{also broken, but a backup".into()),
        ("progress".into(), fixture("v1-progress.json")),
    ]);
    assert_eq!(restored.ledger.reviews, expected_reviews());
    assert_eq!(
        restored.ledger.progress().reviews().len(),
        2,
        "undone in one log counts everywhere"
    );
    assert_eq!(restored.unreadable.len(), 1);
    assert_eq!(restored.unreadable[0].0, "log:b");
    assert_eq!(restored.unreadable[0].1, "{broken");
    assert_eq!(
        restored.foldable,
        vec!["log:a".to_string(), "progress".to_string()]
    );
}
