//! The stored formats: golden fixtures of every version, round trips, merge
//! laws, and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use interview_drill::core::answer_note::{AnswerNote, AnswerStyle};
use interview_drill::core::ledger::{Ledger, Stamped};
use interview_drill::core::persist::{
    decode, encode_base, encode_export, encode_log, restore, LoadError,
};
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::settings::Settings;
use interview_drill::core::time::{local_day, Moment};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/progress/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
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
fn expected_reviews() -> BTreeSet<Review> {
    [
        review(
            "idempotent-payment-api",
            Grade::Good,
            1_772_438_400_123,
            ReviewKind::Scheduled,
        ),
        review(
            "cache-stampede-hot-key",
            Grade::Again,
            1_772_438_460_456,
            ReviewKind::Scheduled,
        ),
        review(
            "idempotent-payment-api",
            Grade::Easy,
            1_772_524_800_789,
            ReviewKind::Cram,
        ),
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
        let ledger = decode(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(ledger.reviews, expected_reviews(), "{name}");
        assert_eq!(ledger.settings().desired_retention, 0.85, "{name}");
        assert_eq!(ledger.settings().new_per_day, 15, "{name}");
        assert_eq!(
            ledger.extra["notes"], r#"{"kept":"by every later version"}"#,
            "{name}"
        );
    }
    // The log and the export carry one undone review; it does not count.
    let log = decode(&fixture("v2-log.json")).expect("log");
    assert_eq!(log.undone.len(), 1);
    assert_eq!(log.progress().reviews().len(), 2);
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
    let ledger = decode(&fixture("v1-progress.json")).expect("v1");
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
fn load_errors_are_classified() {
    type Expectation = fn(&LoadError) -> bool;
    let rows: Vec<(&str, Expectation)> = vec![
        ("", |e| matches!(e, LoadError::NotJson(_))),
        ("null", |e| matches!(e, LoadError::WrongShape(_))),
        (r#"{"v":1}"#, |e| *e == LoadError::NotOurs),
        (
            r#"{"app":"interview-drill"}"#,
            |e| matches!(e, LoadError::WrongShape(m) if m.contains("version")),
        ),
        (
            r#"{"app":"interview-drill","v":2,"kind":"log","reviews":[],"undone":[{"deck":"d","q":"q","t":1,"tz":0,"g":5}]}"#,
            |e| matches!(e, LoadError::WrongShape(m) if m.contains("grade 5")),
        ),
        (
            r#"{"app":"interview-drill","v":2,"kind":"base","reviews":{"d":{"q":"$3,9zz"}},"undone":{}}"#,
            |e| matches!(e, LoadError::WrongShape(m) if m.contains("bad")),
        ),
        (
            r#"{"app":"interview-drill","v":2,"kind":"diary","reviews":[],"undone":[]}"#,
            |e| matches!(e, LoadError::WrongShape(m) if m.contains("diary")),
        ),
    ];
    for (text, expected) in rows {
        let error = decode(text).expect_err(text);
        assert!(expected(&error), "{text}: {error:?}");
    }
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

fn any_review() -> impl Strategy<Value = Review> {
    (
        prop::sample::select(vec!["a", "b", "c", "idempotent-payment-api"]),
        1u8..=4,
        -2_000_000_000_000i64..4_000_000_000_000,
        -720i32..840,
        any::<bool>(),
    )
        .prop_map(|(q, g, seconds, tz, cram)| Review {
            at: Moment::new(seconds, tz),
            card: CardKey::new(if cram { "other-deck" } else { "backend" }, q),
            grade: Grade::from_number(g).unwrap_or(Grade::Good),
            kind: if cram {
                ReviewKind::Cram
            } else {
                ReviewKind::Scheduled
            },
        })
}

fn any_note() -> impl Strategy<Value = AnswerNote> {
    (
        any_review(),
        prop::sample::select(vec![
            AnswerStyle::Recalled,
            AnswerStyle::Typed,
            AnswerStyle::Aloud,
        ]),
        prop::option::of(1u8..=4),
        0u8..4,
        0u8..4,
    )
        .prop_map(|(review, style, suggested, reached, answered)| AnswerNote {
            at: review.at,
            card: review.card,
            style,
            suggested: suggested.and_then(Grade::from_number),
            chosen: review.grade,
            follow_ups_reached: reached,
            follow_ups_answered: answered.min(reached),
        })
}

fn any_ledger() -> impl Strategy<Value = Ledger> {
    (
        prop::collection::btree_set(any_review(), 0..12),
        prop::collection::btree_set(any_review(), 0..3),
        prop::option::of((0.7f64..0.97, 0u32..100, 0i64..100)),
        prop::collection::btree_map("x[a-z]{1,3}", "[1-9][0-9]{0,2}", 0..2),
        prop::collection::btree_set(any_note(), 0..4),
    )
        .prop_map(|(reviews, undone, settings, extra, notes)| Ledger {
            reviews,
            undone,
            notes,
            settings: settings.map(|(r, n, at)| Stamped {
                settings: Settings {
                    desired_retention: r,
                    new_per_day: n,
                }
                .clamped(),
                at,
            }),
            extra,
        })
}

fn merged(a: &Ledger, b: &Ledger) -> Ledger {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn merge_is_commutative_associative_and_idempotent(a in any_ledger(), b in any_ledger(), c in any_ledger()) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        prop_assert_eq!(merged(&a, &a), a.clone());
        prop_assert!(a.is_within(&merged(&a, &b)));
    }

    #[test]
    fn every_encoding_round_trips(ledger in any_ledger()) {
        prop_assert_eq!(decode(&encode_base(&ledger)).expect("base"), ledger.clone());
        prop_assert_eq!(decode(&encode_log(&ledger, "w")).expect("log"), ledger.clone());
        prop_assert_eq!(decode(&encode_export(&ledger, 0)).expect("export"), ledger);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Whatever sits under a key, loading never panics, and what cannot be
    /// read is handed back byte for byte for the backup.
    #[test]
    fn any_text_restores_without_panicking_and_keeps_a_backup(text in ".{0,200}") {
        let restored = restore(&[("base".to_string(), text.clone())]);
        match decode(&text) {
            Ok(_) => prop_assert!(restored.unreadable.is_empty()),
            Err(LoadError::NewerVersion(_)) => prop_assert!(!restored.writable()),
            Err(_) => prop_assert_eq!(&restored.unreadable[0].1, &text),
        }
    }
}

#[test]
fn local_days_follow_the_learners_offset() {
    // 2025-01-01T23:30Z is still Jan 1 in New York and already Jan 2 in Berlin.
    let ms = 1_735_774_200_000;
    assert_eq!(local_day(ms, -300) + 1, local_day(ms, 60));
    assert_eq!(local_day(-1, 0), -1);
}
