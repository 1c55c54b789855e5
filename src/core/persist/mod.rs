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

use std::collections::BTreeMap;

use super::json::{self, Member, Value};
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

/// An object's members (a repeated name: the last counts), each with its
/// exact text, so unknown ones survive byte for byte.
pub(crate) struct Fields<'v, 'a> {
    members: Vec<&'v Member<'a>>,
}

impl<'v, 'a> Fields<'v, 'a> {
    /// The members of `value`, or `None` if it is not an object.
    pub(crate) fn of(value: &'v Value<'a>) -> Option<Self> {
        value.members().map(|members| Self { members })
    }

    pub(crate) fn get(&self, name: &str) -> Option<&'v Value<'a>> {
        self.members
            .iter()
            .find(|m| m.name == name)
            .map(|m| &m.value)
    }

    pub(crate) fn required(&self, name: &str) -> Result<&'v Value<'a>, String> {
        self.get(name).ok_or_else(|| format!("missing `{name}`"))
    }

    pub(crate) fn string(&self, name: &str) -> Result<String, String> {
        self.required(name)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("`{name}`: expected a string"))
    }

    /// A string that may be missing or null.
    pub(crate) fn optional_string(&self, name: &str) -> Result<Option<String>, String> {
        match self.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.string(name).map(Some),
        }
    }

    pub(crate) fn integer<T: TryFrom<i128>>(&self, name: &str) -> Result<T, String> {
        self.required(name)?
            .as_integer()
            .ok_or_else(|| format!("`{name}`: expected a whole number in range"))
    }

    /// A whole number that may be missing or null (then 0).
    pub(crate) fn integer_or_zero<T: TryFrom<i128> + Default>(
        &self,
        name: &str,
    ) -> Result<T, String> {
        match self.get(name) {
            None | Some(Value::Null) => Ok(T::default()),
            Some(_) => self.integer(name),
        }
    }

    pub(crate) fn number(&self, name: &str) -> Result<f64, String> {
        self.required(name)?
            .as_f64()
            .ok_or_else(|| format!("`{name}`: expected a number"))
    }

    /// Each item of the array `name`, read as an object by `read`.
    pub(crate) fn each<T>(
        &self,
        name: &str,
        mut read: impl FnMut(&Fields<'v, 'a>) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let items = self
            .required(name)?
            .as_array()
            .ok_or_else(|| format!("`{name}`: expected an array"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let fields = Fields::of(item)
                    .ok_or_else(|| format!("`{name}` item {i}: expected an object"))?;
                read(&fields).map_err(|e| format!("`{name}` item {i}: {e}"))
            })
            .collect()
    }

    /// The members of the object `name`.
    pub(crate) fn object(&self, name: &str) -> Result<Fields<'v, 'a>, String> {
        Fields::of(self.required(name)?).ok_or_else(|| format!("`{name}`: expected an object"))
    }

    /// Each member's name and value.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'v str, &'v Value<'a>)> + '_ {
        self.members.iter().map(|m| (m.name.as_ref(), &m.value))
    }

    /// The members this format does not know, as raw JSON text by name.
    pub(crate) fn unknown(&self, known: &[&str]) -> BTreeMap<String, String> {
        self.members
            .iter()
            .filter(|m| !known.contains(&m.name.as_ref()))
            .map(|m| (m.name.to_string(), m.raw.to_string()))
            .collect()
    }
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
    let value = json::parse(text).map_err(|e| LoadError::NotJson(e.0))?;
    let fields =
        Fields::of(&value).ok_or_else(|| LoadError::WrongShape("expected a JSON object".into()))?;
    if fields.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(LoadError::NotOurs);
    }
    let version: u64 = fields
        .integer("v")
        .map_err(|_| LoadError::WrongShape("missing format version `v`".into()))?;
    match version {
        1 => v1::decode(&fields),
        2 => v2::decode(&fields),
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
