//! The stored progress format: a versioned envelope, separate from the live model.
//!
//! Persisted types are a promise to every browser that ever saved progress, so
//! they are never a derive of whatever the model looks like today. Each version
//! has its own types and a pure migration step to the next; fields this code does
//! not know are kept and written back untouched.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use super::settings::Settings;
use super::time::Moment;

/// Marks the envelope as ours, so a foreign value under our key is never misread.
pub const APP: &str = "interview-drill";
/// The version this code writes.
pub const CURRENT_VERSION: u64 = 1;

/// The top-level fields this version reads and writes; every other field is kept.
const KNOWN_FIELDS: [&str; 5] = ["app", "v", "writer", "reviews", "settings"];

#[derive(Serialize)]
struct EnvelopeV1<'a> {
    app: &'a str,
    v: u64,
    writer: &'a str,
    reviews: Vec<ReviewV1>,
    settings: SettingsV1,
}

#[derive(Serialize, Deserialize)]
struct SettingsV1 {
    retention: f64,
    new_per_day: u32,
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
    /// "c" for extra practice that does not move the schedule; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<String>,
}

/// Progress as read from storage, with what must survive a round trip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub progress: Progress,
    pub settings: Settings,
    /// Top-level fields written by another version, as raw JSON text by name.
    /// They are written back byte for byte.
    pub extra: BTreeMap<String, String>,
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

type Fields = BTreeMap<String, Box<RawValue>>;

/// Reads stored progress, migrating older formats.
///
/// Fields are first split out as raw JSON, so unknown ones survive untouched
/// and no generic JSON value type is needed in the page.
pub fn decode(text: &str) -> Result<Stored, LoadError> {
    let fields: Fields = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            LoadError::WrongShape("expected a JSON object".into())
        } else {
            LoadError::NotJson(e.to_string())
        }
    })?;
    if field::<String>(&fields, "app").ok().as_deref() != Some(APP) {
        return Err(LoadError::NotOurs);
    }
    let version: u64 = field(&fields, "v")
        .map_err(|_| LoadError::WrongShape("missing format version `v`".into()))?;
    if version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion(version));
    }
    let fields = migrate(version, fields)?;
    let stored_reviews: Vec<ReviewV1> = field(&fields, "reviews").map_err(LoadError::WrongShape)?;
    let mut reviews = Vec::with_capacity(stored_reviews.len());
    for r in stored_reviews {
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
            kind: if r.k.as_deref() == Some("c") {
                ReviewKind::Cram
            } else {
                ReviewKind::Scheduled
            },
        });
    }
    let settings = match fields.get("settings") {
        None => Settings::default(),
        Some(_) => {
            let s: SettingsV1 = field(&fields, "settings").map_err(LoadError::WrongShape)?;
            Settings {
                desired_retention: s.retention,
                new_per_day: s.new_per_day,
            }
            .clamped()
        }
    };
    let extra = fields
        .into_iter()
        .filter(|(name, _)| !KNOWN_FIELDS.contains(&name.as_str()))
        .map(|(name, raw)| (name, raw.get().to_string()))
        .collect();
    Ok(Stored {
        progress: Progress::from_reviews(reviews),
        settings,
        extra,
    })
}

fn field<T: for<'de> Deserialize<'de>>(fields: &Fields, name: &str) -> Result<T, String> {
    let raw = fields
        .get(name)
        .ok_or_else(|| format!("missing `{name}`"))?;
    serde_json::from_str(raw.get()).map_err(|e| format!("`{name}`: {e}"))
}

/// Upgrades an envelope of `version` to the current version, one step at a time.
/// Version 1 is the first format, so there is no step yet.
fn migrate(version: u64, fields: Fields) -> Result<Fields, LoadError> {
    match version {
        1 => Ok(fields),
        other => Err(LoadError::WrongShape(format!(
            "unknown format version {other}"
        ))),
    }
}

/// Writes progress in the current format, followed by the kept unknown fields.
pub fn encode(stored: &Stored, writer: &str) -> String {
    let envelope = EnvelopeV1 {
        app: APP,
        v: CURRENT_VERSION,
        writer,
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
                k: (r.kind == ReviewKind::Cram).then(|| "c".to_string()),
            })
            .collect(),
        settings: SettingsV1 {
            retention: stored.settings.desired_retention,
            new_per_day: stored.settings.new_per_day,
        },
    };
    // Serialising plain strings and numbers into a String cannot fail.
    let mut out = serde_json::to_string(&envelope).unwrap_or_default();
    for (name, raw) in &stored.extra {
        if KNOWN_FIELDS.contains(&name.as_str()) || !out.ends_with('}') {
            continue;
        }
        out.pop();
        out.push(',');
        out.push_str(&serde_json::to_string(name).unwrap_or_default());
        out.push(':');
        out.push_str(raw);
        out.push('}');
    }
    out
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
