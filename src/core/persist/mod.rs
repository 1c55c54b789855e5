//! The stored formats: versioned envelopes, separate from the live model.
//!
//! Persisted types are a promise to every browser that ever saved progress, so
//! they are never a derive of whatever the model looks like today. Each version
//! has its own types and a pure migration into the current `Ledger`; fields this
//! code does not know are kept and written back untouched.
//!
//! Keys (relative to `interview-drill:<namespace>:`):
//! - `base`: the compacted history of every writer (format 2, compact tokens);
//! - `log:<writer>`: what one tab or widget added since it opened (format 2);
//! - `progress`: the single key of format 1, migrated into `base`;
//! - `backup-<ms>:<key>`: a byte-for-byte copy of a value that could not be read;
//!
//! Every other key (mock rounds, the plan, the draft, saved decks, the deck
//! builder's deck) is owned by the module of its value and named in
//! `core::stored`. None is progress: never read as a log, folded or removed
//! by compaction; only a reset removes them.

mod legacy;
mod tokens;
mod v1;
mod v2;

use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

use super::ledger::Ledger;

/// Marks an envelope as ours, so a foreign value under our key is never misread.
pub const APP: &str = "interview-drill";
/// The version this code writes.
pub const CURRENT_VERSION: u64 = 2;

pub use v2::{encode_base, encode_export, encode_log};

/// A key that holds progress. Every other key belongs to the module that
/// owns its value (`core::stored` names them all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressKey {
    Base,
    Log(String),
    /// Format 1's single progress key.
    Legacy,
}

pub const BASE_KEY: &str = "base";
pub const LEGACY_KEY: &str = "progress";
const LOG_PREFIX: &str = "log:";
const BACKUP_PREFIX: &str = "backup-";

pub fn log_key(writer: &str) -> String {
    format!("{LOG_PREFIX}{writer}")
}

/// Where an unreadable value is copied before anything could overwrite it.
pub fn backup_key(key: &str, unix_ms: i64) -> String {
    format!("{BACKUP_PREFIX}{unix_ms}:{key}")
}

pub fn is_backup(key: &str) -> bool {
    key.starts_with(BACKUP_PREFIX)
}

/// Which progress key `key` is, if it is one.
pub fn progress_key(key: &str) -> Option<ProgressKey> {
    match key {
        BASE_KEY => Some(ProgressKey::Base),
        LEGACY_KEY => Some(ProgressKey::Legacy),
        _ => match key.strip_prefix(LOG_PREFIX) {
            Some(writer) if !writer.is_empty() => Some(ProgressKey::Log(writer.to_string())),
            _ => None,
        },
    }
}

/// Why a stored value could not be used.
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

/// Top-level fields as raw JSON, so unknown ones survive byte for byte.
pub(crate) type Fields = BTreeMap<String, Box<RawValue>>;

pub(crate) fn field<T: for<'de> Deserialize<'de>>(
    fields: &Fields,
    name: &str,
) -> Result<T, String> {
    let raw = fields
        .get(name)
        .ok_or_else(|| format!("missing `{name}`"))?;
    serde_json::from_str(raw.get()).map_err(|e| format!("`{name}`: {e}"))
}

/// Top-level fields this format does not know, as raw JSON text by name.
pub(crate) fn unknown_fields(
    fields: Fields,
    known: &[&str],
) -> std::collections::BTreeMap<String, String> {
    fields
        .into_iter()
        .filter(|(name, _)| !known.contains(&name.as_str()))
        .map(|(name, raw)| (name, raw.get().to_string()))
        .collect()
}

/// Settings as stored (retention, new cards a day), clamped into range and
/// stamped with when they were chosen.
pub(crate) fn stamped_settings(
    retention: f64,
    new_per_day: u32,
    at: i64,
) -> crate::core::ledger::Stamped {
    crate::core::ledger::Stamped {
        settings: crate::core::settings::Settings {
            desired_retention: retention,
            new_per_day,
        }
        .clamped(),
        at,
    }
}

/// Reads any envelope we ever wrote (a base, a log, an export, or format 1).
pub fn decode(text: &str) -> Result<Ledger, LoadError> {
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
    match version {
        1 => v1::decode(fields),
        2 => v2::decode(fields),
        v if v > CURRENT_VERSION => Err(LoadError::NewerVersion(v)),
        other => Err(LoadError::WrongShape(format!(
            "unknown format version {other}"
        ))),
    }
}

/// What the app starts from, given every value under its namespace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    /// Everything readable, merged.
    pub ledger: Ledger,
    /// Unreadable values, by key: each must be copied to a backup key before
    /// anything is written.
    pub unreadable: Vec<(String, String, LoadError)>,
    /// Set when a value comes from a newer version: nothing may be written.
    pub newer_version: Option<u64>,
    /// Keys that a compaction should fold into `base` and remove: every log
    /// and format 1's key.
    pub foldable: Vec<String>,
}

impl Restored {
    /// Saving is safe only when nothing newer than this code is stored.
    pub fn writable(&self) -> bool {
        self.newer_version.is_none()
    }
}

/// Decides how to start from the values under the namespace. Pure: the shell
/// performs the backups and, if one fails, does not save.
pub fn restore(values: &[(String, String)]) -> Restored {
    let mut restored = Restored::default();
    for (key, raw) in values {
        let Some(role) = progress_key(key) else {
            continue;
        };
        match decode(raw) {
            Ok(ledger) => {
                restored.ledger.merge(&ledger);
                if role != ProgressKey::Base {
                    restored.foldable.push(key.clone());
                }
            }
            Err(LoadError::NewerVersion(v)) => {
                restored.newer_version = Some(restored.newer_version.map_or(v, |n| n.max(v)));
            }
            Err(e) => restored.unreadable.push((key.clone(), raw.clone(), e)),
        }
    }
    restored
}
