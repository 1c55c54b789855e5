//! The stored progress format: a versioned envelope, separate from the live model.
//!
//! Persisted types are a promise to every browser that ever saved progress, so
//! they are never a derive of whatever the model looks like today. Each version
//! has its own types and a pure migration step to the next; fields this code does
//! not know are kept and written back untouched.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::progress::{CardKey, Grade, Progress, Review};
use super::time::Moment;

/// Marks the envelope as ours, so a foreign value under our key is never misread.
pub const APP: &str = "interview-drill";
/// The version this code writes.
pub const CURRENT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct EnvelopeV1 {
    app: String,
    v: u64,
    writer: String,
    reviews: Vec<ReviewV1>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Serialize, Deserialize)]
struct ReviewV1 {
    id: String,
    deck: String,
    q: String,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    g: u8,
    /// Unix milliseconds.
    t: i64,
    /// The learner's UTC offset in minutes when they reviewed, so "today" can be
    /// told in their own time zone.
    tz: i32,
}

/// Progress as read from storage, with what must survive a round trip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub progress: Progress,
    /// Top-level fields written by another version; written back as they were.
    pub extra: Map<String, Value>,
}

/// Why stored progress could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotJson(String),
    NotOurs,
    WrongShape(String),
    NewerVersion(u64),
}

impl LoadError {
    /// One sentence for the learner.
    pub fn describe(&self) -> String {
        match self {
            LoadError::NotJson(e) => format!("it is not valid JSON ({e})"),
            LoadError::NotOurs => "it was not written by Interview Drill".into(),
            LoadError::WrongShape(e) => format!("it has an unexpected shape ({e})"),
            LoadError::NewerVersion(v) => {
                format!("it was written by a newer version (format {v}) of Interview Drill")
            }
        }
    }
}

/// Reads stored progress, migrating older formats.
pub fn decode(text: &str) -> Result<Stored, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let Some(object) = value.as_object() else {
        return Err(LoadError::WrongShape("expected a JSON object".into()));
    };
    if object.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(LoadError::NotOurs);
    }
    let version = object
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::WrongShape("missing format version `v`".into()))?;
    if version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion(version));
    }
    let current = migrate(version, value)?;
    let envelope: EnvelopeV1 =
        serde_json::from_value(current).map_err(|e| LoadError::WrongShape(e.to_string()))?;
    let mut reviews = Vec::with_capacity(envelope.reviews.len());
    for r in envelope.reviews {
        let grade = Grade::from_number(r.g)
            .ok_or_else(|| LoadError::WrongShape(format!("review `{}` has grade {}", r.id, r.g)))?;
        reviews.push(Review {
            id: r.id,
            card: CardKey {
                deck: r.deck,
                question: r.q,
            },
            grade,
            at: Moment::new(r.t, r.tz),
        });
    }
    let _ = envelope.writer;
    Ok(Stored {
        progress: Progress::from_reviews(reviews),
        extra: envelope.extra,
    })
}

/// Upgrades an envelope of `version` to the current version, one step at a time.
/// Version 1 is the first format, so there is no step yet.
fn migrate(version: u64, value: Value) -> Result<Value, LoadError> {
    match version {
        1 => Ok(value),
        other => Err(LoadError::WrongShape(format!(
            "unknown format version {other}"
        ))),
    }
}

/// Writes progress in the current format.
pub fn encode(stored: &Stored, writer: &str) -> String {
    let envelope = EnvelopeV1 {
        app: APP.into(),
        v: CURRENT_VERSION,
        writer: writer.into(),
        reviews: stored
            .progress
            .reviews()
            .iter()
            .map(|r| ReviewV1 {
                id: r.id.clone(),
                deck: r.card.deck.clone(),
                q: r.card.question.clone(),
                g: r.grade.number(),
                t: r.at.unix_ms,
                tz: r.at.utc_offset_minutes,
            })
            .collect(),
        extra: stored.extra.clone(),
    };
    // Serialising plain strings and numbers into a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// What the app starts from, given whatever was under the progress key.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub stored: Stored,
    /// Saving is allowed. False when the stored data must not be overwritten.
    pub writable: bool,
    /// Text that must be copied to a backup key before anything is written.
    pub backup: Option<String>,
    pub problem: Option<LoadError>,
}

/// Decides how to start from the raw stored text. Pure: the shell performs the
/// backup write and, if that fails, keeps `writable` false.
pub fn restore(raw: Option<&str>) -> Restored {
    let Some(raw) = raw else {
        return Restored {
            stored: Stored::default(),
            writable: true,
            backup: None,
            problem: None,
        };
    };
    match decode(raw) {
        Ok(stored) => Restored {
            stored,
            writable: true,
            backup: None,
            problem: None,
        },
        Err(LoadError::NewerVersion(v)) => Restored {
            stored: Stored::default(),
            writable: false,
            backup: None,
            problem: Some(LoadError::NewerVersion(v)),
        },
        Err(problem) => Restored {
            stored: Stored::default(),
            writable: true,
            backup: Some(raw.to_string()),
            problem: Some(problem),
        },
    }
}
