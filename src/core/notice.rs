//! Problems the learner must know about: progress that cannot be read or saved.

use super::persist::Restored;
use super::session::Saving;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Stored progress was unreadable; the original text was kept under `backup_key`.
    ProgressUnreadable { reason: String, backup_key: String },
    /// Stored progress was unreadable and could not be backed up, so nothing is saved.
    ProgressUnreadableNotSaving { reason: String },
    /// Stored progress comes from a newer version; nothing is saved.
    NewerVersion { version: u64 },
    /// Browser storage cannot be used at all; drills work from memory.
    StorageUnavailable { reason: String },
    /// Writing failed; progress of this visit lives in memory only.
    SaveFailed { reason: String },
    /// Storage is full even after compaction: export to keep this visit's work.
    StorageFull { reason: String },
    /// A chosen file could not be imported; nothing changed.
    ImportFailed { reason: String },
    /// A stored mock round, round history or plan could not be read. The
    /// original was copied to `backup_key`, or, when there is none, it stays
    /// where it is and is never overwritten.
    PrepUnreadable {
        what: String,
        reason: String,
        backup_key: Option<String>,
    },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::ProgressUnreadable { reason, backup_key } => format!(
                "Saved progress could not be read: {reason}. Starting fresh; the old data was kept under the key \"{backup_key}\"."
            ),
            Notice::ProgressUnreadableNotSaving { reason } => format!(
                "Saved progress could not be read: {reason}. It could not be backed up either, so this visit will not save progress."
            ),
            Notice::NewerVersion { version } => format!(
                "Your progress was saved by a newer version of Interview Drill (format {version}). It is left untouched and this visit will not save progress."
            ),
            Notice::StorageUnavailable { reason } => format!(
                "Progress cannot be saved here: {reason}. You can still practise; progress lasts until the page closes."
            ),
            Notice::SaveFailed { reason } => {
                format!("Progress could not be saved: {reason}. This visit's progress lives only until the page closes.")
            }
            Notice::StorageFull { reason } => format!(
                "Progress could not be saved: {reason}, even after compacting the history. Export your progress to keep it; what was saved before is intact."
            ),
            Notice::ImportFailed { reason } => {
                format!("That file could not be imported: {reason}. Nothing was changed.")
            }
            Notice::PrepUnreadable {
                what,
                reason,
                backup_key: Some(key),
            } => format!(
                "Your saved {what} could not be read: {reason}. The original was kept under the key \"{key}\"."
            ),
            Notice::PrepUnreadable {
                what,
                reason,
                backup_key: None,
            } => format!(
                "Your saved {what} could not be read: {reason}. It is left untouched, and this visit will not overwrite it."
            ),
        }
    }

    /// Whether the banner offers an export: when progress may not survive.
    pub fn offers_export(&self) -> bool {
        matches!(
            self,
            Notice::StorageUnavailable { .. }
                | Notice::SaveFailed { .. }
                | Notice::StorageFull { .. }
        )
    }

    /// Whether saving is allowed, and what to tell the learner, when the app
    /// starts from `restored`. `backups` are the keys unreadable values were
    /// copied to, or `None` if a copy failed.
    pub fn on_start(
        restored: &Restored,
        backups: Option<Vec<String>>,
        storage_problem: Option<String>,
    ) -> (Saving, Option<Notice>) {
        if let Some(reason) = storage_problem {
            return (Saving::Off, Some(Notice::StorageUnavailable { reason }));
        }
        if let Some(version) = restored.newer_version {
            return (Saving::Off, Some(Notice::NewerVersion { version }));
        }
        let Some((_, _, problem)) = restored.unreadable.first() else {
            return (Saving::On, None);
        };
        match backups.and_then(|keys| keys.into_iter().next()) {
            Some(backup_key) => (
                Saving::On,
                Some(Notice::ProgressUnreadable {
                    reason: problem.describe(),
                    backup_key,
                }),
            ),
            None => (
                Saving::Off,
                Some(Notice::ProgressUnreadableNotSaving {
                    reason: problem.describe(),
                }),
            ),
        }
    }
}
