//! The stored progress format: round trips, unknown fields, hostile input.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::persist::{decode, encode, restore, LoadError, Stored};
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::time::{local_day, Moment};
use proptest::prelude::*;

fn review(id: &str, question: &str, grade: Grade, ms: i64) -> Review {
    Review {
        id: id.into(),
        card: CardKey::new("backend", question),
        grade,
        at: Moment::new(ms, -300),
        kind: ReviewKind::Scheduled,
    }
}

#[test]
fn round_trip_keeps_every_review_and_unknown_fields() {
    let text = r#"{"app":"interview-drill","v":1,"writer":"a","reviews":[
        {"id":"a-0","deck":"backend","q":"x","g":1,"t":5,"tz":60},
        {"id":"a-1","deck":"backend","q":"y","g":4,"t":9,"tz":60}],
        "ui":{"theme":"dark"}}"#;
    let stored = decode(text).expect("decodes");
    assert_eq!(stored.progress.reviews().len(), 2);
    assert_eq!(stored.extra["ui"], r#"{"theme":"dark"}"#);
    let again = decode(&encode(&stored, "b")).expect("re-decodes");
    assert_eq!(again, stored);
}

#[test]
fn settings_and_extra_practice_round_trip() {
    let text = r#"{"app":"interview-drill","v":1,"writer":"a","reviews":[
        {"id":"a-0","deck":"backend","q":"x","g":3,"t":5,"tz":0,"k":"c"}],
        "settings":{"retention":0.85,"new_per_day":20}}"#;
    let stored = decode(text).expect("decodes");
    assert_eq!(stored.settings.desired_retention, 0.85);
    assert_eq!(stored.settings.new_per_day, 20);
    assert_eq!(stored.progress.reviews()[0].kind, ReviewKind::Cram);
    assert_eq!(decode(&encode(&stored, "a")).expect("re-decodes"), stored);
    // Out-of-range settings from a hand-edited file are brought into range.
    let wild = text.replace("0.85", "3.5").replace("20}", "5000}");
    let clamped = decode(&wild).expect("decodes").settings;
    assert_eq!(
        (clamped.desired_retention, clamped.new_per_day),
        (0.97, 100)
    );
}

#[test]
fn load_errors_are_classified() {
    let rows: Vec<(&str, LoadError)> = vec![
        (
            "",
            LoadError::NotJson("EOF while parsing a value at line 1 column 0".into()),
        ),
        (
            "null",
            LoadError::WrongShape("expected a JSON object".into()),
        ),
        (r#"{"v":1}"#, LoadError::NotOurs),
        (
            r#"{"app":"interview-drill"}"#,
            LoadError::WrongShape("missing format version `v`".into()),
        ),
        (
            r#"{"app":"interview-drill","v":2}"#,
            LoadError::NewerVersion(2),
        ),
    ];
    for (text, expected) in rows {
        assert_eq!(decode(text).expect_err(text), expected, "{text}");
    }
}

#[test]
fn duplicate_review_ids_count_once() {
    let progress = Progress::from_reviews(vec![
        review("a-0", "x", Grade::Good, 10),
        review("a-0", "x", Grade::Good, 10),
        review("a-1", "x", Grade::Hard, 20),
    ]);
    assert_eq!(progress.reviews().len(), 2);
    assert_eq!(progress.summaries("backend")["x"].last_grade, Grade::Hard);
}

#[test]
fn local_days_follow_the_learners_offset() {
    // 2025-01-01T23:30Z is still Jan 1 in New York and already Jan 2 in Berlin.
    let ms = 1_735_774_200_000;
    assert_eq!(local_day(ms, -300) + 1, local_day(ms, 60));
    assert_eq!(local_day(-1, 0), -1);
}

fn any_grade() -> impl Strategy<Value = Grade> {
    (1u8..=4).prop_map(|n| Grade::from_number(n).unwrap_or(Grade::Good))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text_restores_without_panicking_and_keeps_a_backup(text in ".{0,300}") {
        let restored = restore(Some(&text));
        match decode(&text) {
            Ok(_) => prop_assert!(restored.backup.is_none()),
            Err(LoadError::NewerVersion(_)) => prop_assert!(!restored.writable),
            Err(_) => prop_assert_eq!(restored.backup.as_deref(), Some(text.as_str())),
        }
    }

    #[test]
    fn any_history_round_trips(reviews in prop::collection::vec(
        ("[a-z]{1,4}-[0-9]{1,3}", "[a-z-]{3,12}", any_grade(), -1_000_000_000_000i64..4_000_000_000_000, -720i32..840),
        0..40,
    )) {
        let reviews: Vec<Review> = reviews
            .into_iter()
            .map(|(id, q, grade, ms, tz)| Review { id, card: CardKey::new("backend", &q), grade, at: Moment::new(ms, tz), kind: if tz % 2 == 0 { ReviewKind::Scheduled } else { ReviewKind::Cram } })
            .collect();
        let stored = Stored { progress: Progress::from_reviews(reviews), ..Stored::default() };
        let decoded = decode(&encode(&stored, "w")).expect("own output decodes");
        prop_assert_eq!(decoded, stored);
    }
}
