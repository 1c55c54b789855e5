//! The stored formats: round trips, merge laws, the reader's rules, and
//! hostile input. The golden fixtures of every form are in `tests/frozen.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::BTreeMap;

use interview_drill::core::answer_note::{AnswerNote, AnswerStyle};
use interview_drill::core::ledger::{Ledger, Stamped};
use interview_drill::core::persist::{
    decode, encode_base, encode_export, encode_log, restore, LoadError,
};
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::settings::Settings;
use interview_drill::core::time::{local_day, Moment};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::value::RawValue;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/progress/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

#[test]
fn load_errors_are_classified() {
    let shape = |part: &str| Expect::Shape(part.into());
    let rows = [
        ("", Expect::NotJson),
        ("null", shape("expected a JSON object")),
        (r#"{"v":1}"#, Expect::NotOurs),
        (r#"{"app":"interview-drill"}"#, shape("version")),
        (
            r#"{"app":"interview-drill","v":2,"kind":"log","reviews":[],"undone":[{"deck":"d","q":"q","t":1,"tz":0,"g":5}]}"#,
            shape("grade 5"),
        ),
        (
            r#"{"app":"interview-drill","v":2,"kind":"base","reviews":{"d":{"q":"$3,9zz"}},"undone":{}}"#,
            shape("bad"),
        ),
        (
            r#"{"app":"interview-drill","v":2,"kind":"diary","reviews":[],"undone":[]}"#,
            shape("diary"),
        ),
    ];
    for (text, expect) in rows {
        check(text, &expect).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

fn any_review() -> impl Strategy<Value = Review> {
    (
        prop::sample::select(vec!["a", "b", "c", "idempotent-payment-api"]),
        1u8..=4,
        // Not 1970-01-12 to 1973-03-03 (1e9 to 1e11 ms): a log whose latest
        // time falls there reads as the first format-2 release's seconds (tests/frozen.rs,
        // `the_latest_time_tells_seconds_from_milliseconds`).
        prop_oneof![
            -2_000_000_000_000i64..1_000_000_000,
            100_000_000_000i64..4_000_000_000_000
        ],
        -720i32..840,
        any::<bool>(),
    )
        .prop_map(|(q, g, unix_ms, tz, cram)| Review {
            at: Moment::new(unix_ms, tz),
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

/// Which way `restore` took.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Branch {
    Readable,
    Newer,
    Damaged,
}

/// What the reader must make of a case.
#[derive(Clone, Debug)]
enum Expect {
    /// Anything but a panic.
    Any,
    Loads,
    NotJson,
    NotOurs,
    /// `WrongShape`, its message naming this.
    Shape(String),
    Newer(u64),
}

/// Every readable form ever written: the fixtures of formats 1 and 2.
fn readable() -> Vec<String> {
    let folder = format!("{}/tests/fixtures/progress", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("fixtures")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into())
        .filter(|n: &String| n.starts_with("v1-") || n.starts_with("v2-"))
        .collect();
    names.sort();
    names
}

/// A value some release wrote: a fixture, or today's encoders on any history.
fn written() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(readable()).prop_map(|n| fixture(&n).trim_end().to_string()),
        (any_ledger(), 0..3).prop_map(|(ledger, kind)| match kind {
            0 => encode_base(&ledger),
            1 => encode_log(&ledger, "w"),
            _ => encode_export(&ledger, 1_772_611_200),
        }),
    ]
}

type Fields = BTreeMap<String, String>;

fn fields(text: &str) -> Fields {
    let raw: BTreeMap<String, Box<RawValue>> = serde_json::from_str(text).expect("an object");
    raw.into_iter().map(|(k, v)| (k, v.get().into())).collect()
}

fn object(fields: &Fields) -> String {
    let pairs: Vec<String> = fields.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
    format!("{{{}}}", pairs.join(","))
}

/// Not one of them is a list, a map, or the string "interview-drill".
const JUNK: [&str; 4] = ["true", "17", "\"x\"", "null"];

/// One change to a written value, and what the reader must then say.
fn damage(text: &str, how: u8, pick: usize) -> (String, Expect) {
    use Expect::*;
    let mut f = fields(text);
    let names: Vec<String> = f.keys().cloned().collect();
    let name = names[pick % names.len()].clone();
    let base = f.get("kind").map(String::as_str) == Some("\"base\"");
    let list = ["reviews", "undone"][pick / 3 % 2];
    let shape = |part: &str| Shape(part.to_string());
    let (text, expect) = match how % 11 {
        0 => {
            f.remove(&name);
            let expect = match name.as_str() {
                "app" => NotOurs,
                "v" => shape("version"),
                "kind" | "reviews" | "undone" => Shape(format!("missing `{name}`")),
                _ => Loads,
            };
            (object(&f), expect)
        }
        1 => {
            let junk = JUNK[pick / 5 % JUNK.len()];
            f.insert(name.clone(), junk.to_string());
            let expect = match name.as_str() {
                "app" => NotOurs,
                "v" if junk == "17" => Newer(17),
                "v" => shape("version"),
                "kind" => shape("kind"),
                "reviews" | "undone" | "settings" | "answers" => Shape(format!("`{name}`")),
                _ => Loads,
            };
            (object(&f), expect)
        }
        2 | 3 if !base => {
            let mut reviews: Vec<serde_json::Value> =
                serde_json::from_str(f.get(list).map_or("[]", String::as_str)).expect("a list");
            if reviews.is_empty() {
                return damage(&object(&f), 5, pick);
            }
            let n = pick % reviews.len();
            let review = reviews[n].as_object_mut().expect("a review");
            let expect = if how % 11 == 2 {
                review.insert("g".into(), [0, 5, 9, 255][pick / 7 % 4].into());
                shape("grade")
            } else {
                let field = review.keys().nth(pick / 7 % review.len()).cloned();
                let field = field.unwrap_or_default();
                review.remove(&field);
                if field == "k" {
                    Loads
                } else {
                    Shape(format!("`{list}`"))
                }
            };
            f.insert(list.into(), serde_json::to_string(&reviews).expect("JSON"));
            (object(&f), expect)
        }
        2..=4 if base => {
            type Compact = BTreeMap<String, BTreeMap<String, String>>;
            let mut compact: Compact = serde_json::from_str(&f[list]).expect("cards");
            let mut cards: Vec<&mut String> =
                compact.values_mut().flat_map(|c| c.values_mut()).collect();
            if cards.is_empty() {
                return damage(&object(&f), 5, pick);
            }
            let n = pick % cards.len();
            let card = &mut cards[n];
            // In neither alphabet: whatever token it lands in is bad.
            let at = card.char_indices().nth(pick / 4 % (card.len() + 1));
            card.insert(at.map_or(card.len(), |(i, _)| i), '@');
            f.insert(list.into(), serde_json::to_string(&compact).expect("JSON"));
            (object(&f), shape("bad"))
        }
        6 if f["v"] == "1" => {
            f.insert("v".into(), "2".into());
            (object(&f), shape("missing `kind`"))
        }
        6 => {
            f.insert("v".into(), "0".into());
            (object(&f), shape("unknown format version 0"))
        }
        7 => (format!("[{text}]"), shape("expected a JSON object")),
        8 | 9 => {
            // A field from a later release of format 2: kept, not a problem.
            let junk = JUNK[pick / 3 % JUNK.len()];
            f.insert(format!("later{}", pick % 3), junk.into());
            (object(&f), Loads)
        }
        _ => {
            // Cut inside: a JSON object without its end.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            (text[..cuts[pick % cuts.len()]].to_string(), NotJson)
        }
    };
    (text, expect)
}

/// How a case was made, the text, and what the reader must make of it.
fn stored_value() -> impl Strategy<Value = (&'static str, String, Expect)> {
    let arbitrary = prop_oneof![
        ".{0,200}",
        "[{}\\[\\]\":,0-9a-z~!$ ]{0,80}",
        ".{0,80}".prop_map(|t| format!(r#"{{"app":"interview-drill","v":{t}"#)),
    ];
    let newer = (
        written(),
        prop_oneof![3u64..10, 3u64..=u64::MAX],
        any::<bool>(),
    );
    prop_oneof![
        2 => arbitrary.prop_map(|t| ("arbitrary", t, Expect::Any)),
        4 => (written(), any::<u8>(), any::<usize>()).prop_map(|(text, how, pick)| {
            let (text, expect) = damage(&text, how, pick);
            ("near-valid", text, expect)
        }),
        2 => written().prop_map(|t| ("valid", t, Expect::Loads)),
        2 => newer.prop_map(|(text, v, unknowable)| {
            let mut f = fields(&text);
            f.insert("v".into(), v.to_string());
            if unknowable {
                f.remove("kind");
                f.insert("reviews".into(), r#""a format this version cannot know""#.into());
            }
            ("newer", object(&f), Expect::Newer(v))
        }),
    ]
}

/// What `restore` must do on each branch, and what this case had to reach.
fn check(text: &str, expect: &Expect) -> Result<Branch, TestCaseError> {
    let key = "log:w".to_string();
    let result = decode(text);
    let restored = restore(&[(key.clone(), text.to_string())]);
    let branch = match &result {
        Ok(ledger) => {
            prop_assert!(restored.writable() && restored.unreadable.is_empty());
            prop_assert_eq!(&restored.ledger, ledger);
            prop_assert_eq!(&restored.foldable, &vec![key]);
            // Whatever loads compacts into today's base and reads back the same.
            let again = decode(&encode_base(ledger));
            let again = again.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let history = |l: &Ledger| (l.reviews.clone(), l.undone.clone(), l.notes.clone());
            prop_assert_eq!(history(&again), history(ledger));
            prop_assert_eq!(again.settings, ledger.settings);
            Branch::Readable
        }
        Err(LoadError::NewerVersion(v)) => {
            prop_assert!(*v > 2);
            prop_assert_eq!(restored.newer_version, Some(*v));
            prop_assert!(!restored.writable(), "newer: nothing may be written");
            prop_assert!(restored.unreadable.is_empty() && restored.foldable.is_empty());
            Branch::Newer
        }
        Err(e) => {
            // Handed back byte for byte for the backup; the rest stays writable.
            prop_assert_eq!(
                &restored.unreadable,
                &vec![(key, text.to_string(), e.clone())]
            );
            prop_assert!(restored.writable() && restored.ledger.is_empty());
            prop_assert!(restored.foldable.is_empty());
            Branch::Damaged
        }
    };
    let met = match expect {
        Expect::Any => true,
        Expect::Loads => result.is_ok(),
        Expect::NotJson => matches!(result, Err(LoadError::NotJson(_))),
        Expect::NotOurs => result == Err(LoadError::NotOurs),
        Expect::Shape(part) => matches!(&result, Err(LoadError::WrongShape(m)) if m.contains(part)),
        Expect::Newer(v) => result == Err(LoadError::NewerVersion(*v)),
    };
    prop_assert!(
        met,
        "expected {:?}, got {:?}",
        expect,
        result.map(|_| "a ledger")
    );
    Ok(branch)
}

/// 10,000 stored values of every kind: arbitrary text, near-valid values of
/// every form (one field removed or of the wrong type, a bad grade or token,
/// cut short...), valid ones, and newer versions. Each must take its branch,
/// and each branch must be reached often, so the test cannot quietly decay
/// into testing only the JSON parser.
#[test]
fn any_stored_value_restores_as_its_branch_says() {
    let mut config = ProptestConfig::with_cases(10_000);
    config.source_file = Some(file!());
    let seen = RefCell::new(BTreeMap::<(&str, Branch), usize>::new());
    TestRunner::new(config)
        .run(&stored_value(), |(stratum, text, expect)| {
            let branch = check(&text, &expect)?;
            *seen.borrow_mut().entry((stratum, branch)).or_default() += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let seen = seen.into_inner();
    eprintln!("cases by (how made, branch): {seen:?}");
    let total: usize = seen.values().sum();
    let share = |keep: &dyn Fn(&str, Branch) -> bool| {
        let n: usize = seen
            .iter()
            .filter(|((s, b), _)| keep(s, *b))
            .map(|(_, n)| n)
            .sum();
        n as f64 / total as f64
    };
    // Each branch, and each way of making cases, at least 10% of them.
    for branch in [Branch::Readable, Branch::Newer, Branch::Damaged] {
        assert!(share(&|_, b| b == branch) >= 0.1, "{branch:?}: {seen:?}");
    }
    for stratum in ["arbitrary", "near-valid", "valid", "newer"] {
        assert!(share(&|s, _| s == stratum) >= 0.1, "{stratum}: {seen:?}");
    }
    // Near-valid values reach both sides: loads and specific errors.
    for branch in [Branch::Readable, Branch::Damaged] {
        let near = share(&|s, b| s == "near-valid" && b == branch);
        assert!(near >= 0.05, "near-valid {branch:?}: {seen:?}");
    }
}

#[test]
fn local_days_follow_the_learners_offset() {
    // 2025-01-01T23:30Z is still Jan 1 in New York and already Jan 2 in Berlin.
    let ms = 1_735_774_200_000;
    assert_eq!(local_day(ms, -300) + 1, local_day(ms, 60));
    assert_eq!(local_day(-1, 0), -1);
}
