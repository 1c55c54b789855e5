//! Mock rounds and the prep plan through a `Store`: the round in progress
//! (`mock-round`), past rounds (`mock-history`) and the plan with its notes
//! (`plan`), each one key in the widget's namespace.
//!
//! The same rules as progress: a value that cannot be read is copied byte for
//! byte to a `backup-<ms>:<key>` key before anything may overwrite it; if the
//! copy fails, or the value comes from a newer version, it is never
//! overwritten. The history is written read-merge-write (set union), so two
//! tabs finishing rounds both keep theirs; the plan and the round in
//! progress are one value each, the latest write wins.
//!
//! Pure Rust over the trait, tested natively.

use super::store::Store;
use crate::core::mock::{
    decode_history, decode_round, encode_history, History, Round, RoundRecord, HISTORY_KEY,
    ROUND_KEY,
};
use crate::core::persist::{backup_key, LoadError};
use crate::core::plan::{decode_plan, PlanState, PLAN_KEY};

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrepLoaded {
    pub round: Option<Round>,
    pub history: History,
    pub plan: PlanState,
    /// Values that could not be (entirely) read: what, why, and where the
    /// original was copied (`None`: it is left in place, untouched).
    pub unreadable: Vec<(String, String, Option<String>)>,
}

/// Reads the three keys. Unreadable values are backed up; a round or
/// history that cannot be read is then removed (its copy is the backup), a
/// plan with damaged fields keeps its place until the next save.
pub fn load(store: &dyn Store, now_ms: i64) -> PrepLoaded {
    let mut loaded = PrepLoaded::default();
    if let Some(raw) = read(store, ROUND_KEY) {
        match decode_round(&raw) {
            Ok(round) => loaded.round = Some(round),
            Err(e) => {
                let backup = set_aside(store, ROUND_KEY, &raw, &e, now_ms, true);
                loaded
                    .unreadable
                    .push(("mock round".into(), e.describe(), backup));
            }
        }
    }
    if let Some(raw) = read(store, HISTORY_KEY) {
        match decode_history(&raw) {
            Ok(history) => loaded.history = history,
            Err(e) => {
                let backup = set_aside(store, HISTORY_KEY, &raw, &e, now_ms, true);
                loaded
                    .unreadable
                    .push(("history of mock rounds".into(), e.describe(), backup));
            }
        }
    }
    if let Some(raw) = read(store, PLAN_KEY) {
        match decode_plan(&raw) {
            Ok((plan, problems)) => {
                loaded.plan = plan;
                if !problems.is_empty() {
                    let reason = format!("{} could not be read", problems.join(", "));
                    let backup = copy(store, PLAN_KEY, &raw, now_ms);
                    loaded.unreadable.push(("prep plan".into(), reason, backup));
                }
            }
            Err(e) => {
                let backup = set_aside(store, PLAN_KEY, &raw, &e, now_ms, false);
                loaded
                    .unreadable
                    .push(("prep plan".into(), e.describe(), backup));
            }
        }
    }
    loaded
}

fn read(store: &dyn Store, key: &str) -> Option<String> {
    store.get(key).ok().flatten()
}

/// Copies an unreadable value to a backup key; removes the original after a
/// successful copy when `remove`. A newer version's value is never touched.
fn set_aside(
    store: &dyn Store,
    key: &str,
    raw: &str,
    error: &LoadError,
    now_ms: i64,
    remove: bool,
) -> Option<String> {
    if matches!(error, LoadError::NewerVersion(_)) {
        return None;
    }
    let backup = copy(store, key, raw, now_ms)?;
    if remove {
        let _ = store.remove(key);
    }
    Some(backup)
}

fn copy(store: &dyn Store, key: &str, raw: &str, now_ms: i64) -> Option<String> {
    let backup = backup_key(key, now_ms);
    store.put(&backup, raw).ok().map(|()| backup)
}

/// Writes `value` under `key` unless what is there must not be overwritten:
/// a newer version's value, or an unreadable one that could not be copied
/// to a backup key first.
fn guarded_put(
    store: &dyn Store,
    key: &str,
    value: &str,
    now_ms: i64,
    readable: impl Fn(&str) -> Result<(), LoadError>,
) -> Result<(), String> {
    if let Some(old) = store.get(key).map_err(|e| e.to_string())? {
        match readable(&old) {
            Ok(()) => {}
            Err(LoadError::NewerVersion(v)) => {
                return Err(format!(
                    "the stored {key} was written by a newer version (format {v}) and is left untouched"
                ))
            }
            Err(_) => {
                copy(store, key, &old, now_ms).ok_or_else(|| {
                    format!("the stored {key} could not be read or backed up, so it was not overwritten")
                })?;
            }
        }
    }
    store.put(key, value).map_err(|e| e.to_string())
}

/// Stores the round in progress.
pub fn save_round(store: &dyn Store, text: &str, now_ms: i64) -> Result<(), String> {
    guarded_put(store, ROUND_KEY, text, now_ms, |old| {
        decode_round(old).map(|_| ())
    })
}

/// Removes the stored round once it is recorded, unless it is a value this
/// version cannot read (a newer round is someone else's).
pub fn remove_round(store: &dyn Store) -> Result<(), String> {
    match store.get(ROUND_KEY).map_err(|e| e.to_string())? {
        Some(old) if decode_round(&old).is_err() => Ok(()),
        Some(_) => store.remove(ROUND_KEY).map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

/// Adds a finished round to the stored history: read, merge, write. Returns
/// the history now stored (other tabs' rounds included).
pub fn add_history(store: &dyn Store, record: RoundRecord, now_ms: i64) -> Result<History, String> {
    let mut history = match store.get(HISTORY_KEY).map_err(|e| e.to_string())? {
        None => History::default(),
        Some(raw) => match decode_history(&raw) {
            Ok(history) => history,
            Err(LoadError::NewerVersion(v)) => {
                return Err(format!(
                    "the stored history of mock rounds was written by a newer version (format {v}) and is left untouched"
                ))
            }
            Err(_) => {
                copy(store, HISTORY_KEY, &raw, now_ms).ok_or_else(|| {
                    "the stored history of mock rounds could not be read or backed up, so it was not overwritten".to_string()
                })?;
                History::default()
            }
        },
    };
    history.add(record);
    store
        .put(HISTORY_KEY, &encode_history(&history))
        .map_err(|e| e.to_string())?;
    Ok(history)
}

/// Stores the plan state.
pub fn save_plan(store: &dyn Store, text: &str, now_ms: i64) -> Result<(), String> {
    guarded_put(store, PLAN_KEY, text, now_ms, |old| {
        decode_plan(old).map(|_| ())
    })
}

/// The stored history, when it can be read (another tab may have added to it).
pub fn load_history(store: &dyn Store) -> Option<History> {
    read(store, HISTORY_KEY).and_then(|raw| decode_history(&raw).ok())
}
