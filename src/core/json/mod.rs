//! A small JSON reader and writer for the stored forms the drill itself reads
//! and writes (progress, the plan's date).
//!
//! serde_json cost the first-paint module 21 KB brotli (the guest's wasm
//! went from 221.0 to 200.0 KB without it: its generic deserialiser for each
//! stored type and its error messages); these forms need only a value tree whose numbers
//! stay text until a field asks for them, and the exact text of each value so
//! unknown fields are written back byte for byte. It accepts exactly RFC
//! 8259 JSON, as serde_json does: no comments, no trailing commas, no lone
//! surrogates, nothing after the value. Nesting stops at 128 levels, as in
//! serde_json, so hostile input cannot overflow the stack. Where an object
//! repeats a name, the last one counts, as when serde_json reads a map.

/// A parsed JSON value borrowing from its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written, checked against JSON's grammar.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<Member<'a>>),
}

/// One name and value of an object, with the value's exact text.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub name: Cow<'a, str>,
    pub value: Value<'a>,
    pub raw: &'a str,
}

use std::borrow::Cow;

mod read;
mod write;

pub use read::parse;
pub use write::{hundredths, push_string, ObjectWriter};

/// Why a text is not JSON, with where (line and column from 1, as serde_json says it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError(pub String);

impl<'a> Value<'a> {
    /// The member called `name` (the last, if it is repeated).
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.member(name).map(|m| &m.value)
    }

    pub fn member(&self, name: &str) -> Option<&Member<'a>> {
        match self {
            Value::Object(members) => members.iter().rev().find(|m| m.name == name),
            _ => None,
        }
    }

    /// The members of an object with repeated names dropped (the last counts), in order.
    pub fn members(&self) -> Option<Vec<&Member<'a>>> {
        let Value::Object(members) = self else {
            return None;
        };
        let mut out: Vec<&Member<'a>> = Vec::with_capacity(members.len());
        // A review's handful of members are compared in place; an object of
        // many (a base's thousands of cards) by name, in n log n.
        if members.len() <= 16 {
            for member in members {
                match out.iter_mut().find(|m| m.name == member.name) {
                    Some(kept) => *kept = member,
                    None => out.push(member),
                }
            }
            return Some(out);
        }
        let mut at: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for member in members {
            match at.get(member.name.as_ref()) {
                Some(&i) => out[i] = member,
                None => {
                    at.insert(&member.name, out.len());
                    out.push(member);
                }
            }
        }
        Some(out)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A whole number in range: no fraction or exponent, as serde_json reads integers.
    pub fn as_integer<T: TryFrom<i128>>(&self) -> Option<T> {
        let Value::Number(text) = self else {
            return None;
        };
        if text.contains(['.', 'e', 'E']) {
            return None;
        }
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, *text),
        };
        if digits.len() > 30 {
            return None;
        }
        let mut n: i128 = 0;
        for b in digits.bytes() {
            n = n * 10 + i128::from(b - b'0');
        }
        T::try_from(if negative { -n } else { n }).ok()
    }

    /// Any number within f64's range, exactly for up to 15 significant
    /// digits and powers of ten up to 22 (one correctly rounded division);
    /// close otherwise. Stored forms hold no number that needs more
    /// (retention is in whole percent).
    pub fn as_f64(&self) -> Option<f64> {
        let Value::Number(text) = self else {
            return None;
        };
        let (mantissa_text, exponent) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
            None => (*text, 0),
        };
        let negative = mantissa_text.starts_with('-');
        let mut mantissa = 0f64;
        let mut scale = exponent;
        let mut after_point = false;
        for b in mantissa_text.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa * 10.0 + f64::from(b - b'0');
                    if after_point {
                        scale -= 1;
                    }
                }
                b'.' => after_point = true,
                _ => {}
            }
        }
        let power = (0..scale.unsigned_abs().min(400)).fold(1f64, |p, _| p * 10.0);
        let value = if scale < 0 {
            mantissa / power
        } else {
            mantissa * power
        };
        value
            .is_finite()
            .then_some(if negative { -value } else { value })
    }
}
