//! The stored forms' JSON reader and writer (`core::json`) against serde_json,
//! the reader they replaced in the page: the same texts accepted, the same
//! values read, the same strings written.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::json::{hundredths, parse, push_string, Value};
use proptest::prelude::*;

/// Our value as serde_json's, for comparison (numbers compared as text,
/// and as f64 where serde_json reads one).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(text), J::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => ours.as_integer::<i64>() == Some(i),
            (None, Some(f)) => {
                ours.as_f64()
                    .is_some_and(|o| (o - f).abs() <= f.abs() * 1e-12)
                    || text.contains('e')
            }
            _ => true,
        },
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(_), J::Object(b)) => {
            let members = ours.members().unwrap_or_default();
            members.len() == b.len()
                && members
                    .iter()
                    .all(|m| b.get(m.name.as_ref()).is_some_and(|v| same(&m.value, v)))
        }
        _ => false,
    }
}

fn agrees(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
        (Err(_), Err(_)) => {}
        _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

#[test]
fn a_table_of_texts_reads_as_serde_json_reads_them() {
    let rows = [
        "",
        " ",
        "null",
        "true",
        "false",
        "nul",
        "0",
        "-0",
        "01",
        "1.",
        ".5",
        "1e5",
        "1E+5",
        "-1.5e-3",
        "\"\"",
        "\"a\\u00e9\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\x\"",
        "\"tab\there\"",
        "[]",
        "[1,]",
        "[1 2]",
        "{}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1,\"a\":2}",
        "[[[]]]",
        "1 2",
        "{\"app\":\"interview-drill\",\"v\":2}",
        "\u{feff}{}",
        "[\"é\\\"\"]",
        "\"é\\é\"",
        "18446744073709551616",
        "-9223372036854775809",
    ];
    for text in rows {
        agrees(text).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The one difference: serde_json refuses a number beyond f64's range as
/// text; here it is text until read, and reads as no number.
#[test]
fn a_number_beyond_f64_reads_as_no_number() {
    assert!(serde_json::from_str::<serde_json::Value>("1e400").is_err());
    assert_eq!(parse("1e400").expect("json").as_f64(), None);
}

#[test]
fn nesting_stops_at_128_levels() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&deep(128)).is_ok());
    assert!(parse(&deep(129)).is_err());
    assert!(serde_json::from_str::<serde_json::Value>(&deep(129)).is_err());
    assert!(parse(&deep(100_000)).is_err());
}

#[test]
fn each_value_keeps_its_exact_text() {
    let text = r#"{ "a" : [1, 2 ,{"b":null}] , "c":"\u0041" ,"d": -1.50e3}"#;
    let value = parse(text).expect("json");
    let raw = |name: &str| value.member(name).map(|m| m.raw);
    assert_eq!(raw("a"), Some(r#"[1, 2 ,{"b":null}]"#));
    assert_eq!(raw("c"), Some(r#""\u0041""#));
    assert_eq!(raw("d"), Some("-1.50e3"));
    assert_eq!(value.get("d").and_then(Value::as_f64), Some(-1500.0));
}

#[test]
fn whole_numbers_must_fit_their_type() {
    fn number(text: &str) -> Value<'_> {
        parse(text).expect("json")
    }
    assert_eq!(number("255").as_integer::<u8>(), Some(255));
    assert_eq!(number("256").as_integer::<u8>(), None);
    assert_eq!(number("-1").as_integer::<u64>(), None);
    assert_eq!(number("3.0").as_integer::<u8>(), None);
    assert_eq!(number("1e2").as_integer::<u8>(), None);
    assert_eq!(
        number("-9223372036854775808").as_integer::<i64>(),
        Some(i64::MIN)
    );
}

#[test]
fn retention_is_written_as_serde_json_writes_it() {
    for hundredth in 0..=300 {
        let value = f64::from(hundredth) / 100.0;
        assert_eq!(
            hundredths(value),
            serde_json::to_string(&value).expect("float"),
            "{value}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_string_is_written_as_serde_json_writes_it(s in any::<String>()) {
        let mut ours = String::new();
        push_string(&mut ours, &s);
        prop_assert_eq!(&ours, &serde_json::to_string(&s).expect("string"));
        let read = parse(&ours).expect("json");
        prop_assert_eq!(read.as_str(), Some(s.as_str()));
    }

    #[test]
    fn json_like_texts_read_as_serde_json_reads_them(
        text in r#"[\[\]{}",:0-9.eE+\- a-z\\ntu\x00é]{0,40}"#
    ) {
        agrees(&text)?;
    }

    #[test]
    fn damaged_json_reads_as_serde_json_reads_it(
        value in any::<Vec<(String, i64, bool)>>(),
        cut in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec!["", ",", "]", "}", "\"", "\\", "x", "1", " "]),
    ) {
        let json = serde_json::to_string(&value).expect("json");
        let at = cut.index(json.len() + 1);
        if json.is_char_boundary(at) {
            agrees(&format!("{}{insert}{}", &json[..at], &json[at..]))?;
            agrees(&json[..at])?;
        }
    }
}
