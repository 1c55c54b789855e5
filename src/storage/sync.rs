//! Reading and writing progress through a `Store`.
//!
//! Every tab or widget ("writer") appends only to its own `log:<writer>` key,
//! so no two writers ever write the same key and no update is lost. A reader
//! merges `base` and every log. Compaction folds the logs into `base` and
//! removes a log only after re-reading it and finding all of it in the new
//! base. The shell runs compaction under a Web Lock where the browser has one.

use super::store::{Store, StoreError};
use crate::core::ledger::Ledger;
use crate::core::persist::{
    backup_key, decode, encode_base, encode_log, log_key, progress_key, restore, ProgressKey,
    Restored, BASE_KEY,
};

/// What loading found.
pub struct Loaded {
    pub restored: Restored,
    /// Where the unreadable values were copied, or `None` if a copy failed.
    pub backups: Option<Vec<String>>,
}

/// Reads every value under the namespace, merged.
pub fn read_all(store: &dyn Store) -> Result<Restored, StoreError> {
    let mut values = Vec::new();
    for key in store.keys()? {
        if progress_key(&key).is_some() {
            if let Some(value) = store.get(&key)? {
                values.push((key, value));
            }
        }
    }
    Ok(restore(&values))
}

/// Loads progress. Each unreadable value is copied byte for byte to a backup
/// key and only then removed, so nothing is lost and the next load is clean.
pub fn load(store: &dyn Store, now_ms: i64) -> Result<Loaded, StoreError> {
    let restored = read_all(store)?;
    let mut backups = Some(Vec::new());
    for (key, raw, _) in &restored.unreadable {
        let backup = backup_key(key, now_ms);
        match store.put(&backup, raw) {
            Ok(()) => {
                // Only after the copy succeeded.
                let _ = store.remove(key);
                if let Some(list) = backups.as_mut() {
                    list.push(backup);
                }
            }
            Err(_) => backups = None,
        }
    }
    Ok(Loaded { restored, backups })
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveError {
    pub reason: String,
    /// The quota is used up even after compaction.
    pub full: bool,
}

/// Writes this writer's log.
pub fn write_log(store: &dyn Store, writer: &str, own: &Ledger) -> Result<(), StoreError> {
    store.put(&log_key(writer), &encode_log(own, writer))
}

/// Whether this writer holds the lock under which logs may be folded into
/// `base`. Two writers compacting at once could each remove a log the other
/// has not folded, so without the lock nothing is compacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    Held,
    Missing,
}

/// Writes this writer's log. When storage is full and the lock is held, it
/// compacts with this writer's additions folded into `base`, after which its
/// log is not needed. Without the lock the logs stay as they are (every read
/// still merges them) and the full quota is reported.
pub fn save_own(
    store: &dyn Store,
    writer: &str,
    own: &Ledger,
    lock: Lock,
) -> Result<(), SaveError> {
    let full = |e: StoreError| SaveError {
        full: e == StoreError::QuotaExceeded,
        reason: e.to_string(),
    };
    match write_log(store, writer, own) {
        Ok(()) => Ok(()),
        Err(StoreError::QuotaExceeded) if lock == Lock::Held => {
            compact(store, Some(own)).map(|_| ()).map_err(full)
        }
        Err(e) => Err(full(e)),
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError {
            full: e == StoreError::QuotaExceeded,
            reason: e.to_string(),
        }
    }
}

/// A write refused for a reason of its own (a newer or unreadable value
/// that must not be overwritten), never a full quota.
impl From<String> for SaveError {
    fn from(reason: String) -> Self {
        SaveError {
            reason,
            full: false,
        }
    }
}

/// What a compaction did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compacted {
    pub folded_keys: usize,
    pub base_bytes: usize,
}

/// Folds every log (and format 1's key) into `base`, plus `extra` if given.
/// Does nothing when anything stored is unreadable or newer than this code.
pub fn compact(store: &dyn Store, extra: Option<&Ledger>) -> Result<Compacted, StoreError> {
    let restored = read_all(store)?;
    if !restored.unreadable.is_empty() || restored.newer_version.is_some() {
        return Err(StoreError::Other(
            "stored progress needs attention before it can be compacted".into(),
        ));
    }
    let mut merged = restored.ledger;
    if let Some(extra) = extra {
        merged.merge(extra);
    }
    let base = encode_base(&merged);
    store.put(BASE_KEY, &base)?;
    let mut folded = 0;
    for key in restored.foldable {
        // Re-read: the writer may have appended since; remove only what is in base.
        let safe = match store.get(&key)? {
            None => false,
            Some(raw) => decode(&raw).is_ok_and(|ledger| ledger.is_within(&merged)),
        };
        if safe {
            store.remove(&key)?;
            folded += 1;
        }
    }
    Ok(Compacted {
        folded_keys: folded,
        base_bytes: base.len(),
    })
}

/// Removes every key of the namespace: progress, logs and backups.
pub fn remove_all(store: &dyn Store) -> Result<(), StoreError> {
    for key in store.keys()? {
        store.remove(&key)?;
    }
    Ok(())
}

/// Whether loading found enough loose keys that a compaction is worth it.
pub fn worth_compacting(restored: &Restored) -> bool {
    restored.foldable.len() > 8
        || restored
            .foldable
            .iter()
            .any(|k| progress_key(k) == Some(ProgressKey::Legacy))
}
