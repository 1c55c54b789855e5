//! Everything the product keeps in storage, named in one place: what each key
//! under `interview-drill:<namespace>:` holds, and the one typed effect every
//! value is written through.
//!
//! Each value's key and stored form belong to the module that owns the value
//! (`persist` for progress, `mock`, `plan`, `draft`, `my_decks`, `builder`);
//! this module only names them, so none of those modules imports another's
//! keys. To keep a new value: give its module a key and a stored form, add a
//! `KeyRole` and a `Write` here, and carry the write out in
//! `storage::Storage::write`.

use super::draft::{Draft, DRAFT_KEY};
use super::ledger::Ledger;
#[cfg(feature = "full")]
use super::mock::RoundRecord;
use super::persist::{is_backup, progress_key, ProgressKey};

/// The keys of the values only the full build writes (mock rounds, the plan,
/// saved decks, the deck builder). The guest build has none of their modules
/// but must still know their keys, so that its progress reads and compaction
/// never touch them; `tests/stored.rs` checks each against its owner's own.
pub mod others {
    pub const MOCK_ROUND: &str = "mock-round";
    pub const MOCK_HISTORY: &str = "mock-history";
    pub const PLAN: &str = "plan";
    pub const BUILDER_DECK: &str = "builder";
    pub const SAVED_DECK_PREFIX: &str = "deck:";
}

/// What a key under our namespace holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyRole {
    Base,
    Log(String),
    /// Format 1's single progress key.
    Legacy,
    Backup,
    /// The mock round in progress.
    MockRound,
    /// Past mock rounds.
    MockHistory,
    /// The prep plan and its notes.
    Plan,
    /// A shared deck kept in "my decks" (`deck:<id>`), as its link.
    SavedDeck,
    /// The typed answer in progress.
    Draft,
    /// The deck being built in the deck builder.
    BuilderDeck,
    Other,
}

impl KeyRole {
    /// Review history: read, merged and folded by compaction.
    pub fn is_progress(&self) -> bool {
        matches!(self, KeyRole::Base | KeyRole::Log(_) | KeyRole::Legacy)
    }
}

pub fn key_role(key: &str) -> KeyRole {
    if let Some(progress) = progress_key(key) {
        return match progress {
            ProgressKey::Base => KeyRole::Base,
            ProgressKey::Log(writer) => KeyRole::Log(writer),
            ProgressKey::Legacy => KeyRole::Legacy,
        };
    }
    match key {
        others::MOCK_ROUND => KeyRole::MockRound,
        others::MOCK_HISTORY => KeyRole::MockHistory,
        others::PLAN => KeyRole::Plan,
        DRAFT_KEY => KeyRole::Draft,
        others::BUILDER_DECK => KeyRole::BuilderDeck,
        _ if is_backup(key) => KeyRole::Backup,
        _ if key.starts_with(others::SAVED_DECK_PREFIX) => KeyRole::SavedDeck,
        _ => KeyRole::Other,
    }
}

/// What another tab's change to `key` means for this widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// Progress may have changed: read it again (rounds finished elsewhere
    /// may have joined the history too).
    Progress,
    /// Only the history of rounds changed.
    History,
    /// Nothing this widget shows from storage: a round in progress (written
    /// as it is typed), the plan (the latest write wins), a draft, the deck
    /// being built, a backup.
    Nothing,
}

/// `None` is a cleared storage area: everything may have changed.
pub fn heard(key: Option<&str>) -> Heard {
    match key.map(key_role) {
        Some(KeyRole::MockHistory) => Heard::History,
        Some(
            KeyRole::MockRound
            | KeyRole::Plan
            | KeyRole::Draft
            | KeyRole::BuilderDeck
            | KeyRole::Backup,
        ) => Heard::Nothing,
        _ => Heard::Progress,
    }
}

/// A value to store, removed or replaced. The shell carries every one out
/// through one executor, and a failure comes back as `Msg::SaveFailed`.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Save what this writer added to its own log. When storage is full, the
    /// logs are folded into the shared base, but only under the Web Lock.
    Log(Ledger),
    /// Remove every key of the namespace.
    RemoveAll,
    /// The typed answer in progress.
    Draft(Draft),
    ClearDraft,
    #[cfg(feature = "full")]
    /// Keep a shared deck in "my decks", as the link it came in.
    SaveDeck {
        id: String,
        fragment: String,
    },
    #[cfg(feature = "full")]
    RemoveDeck(String),
    #[cfg(feature = "full")]
    /// The mock round in progress, in its stored form.
    Round(String),
    #[cfg(feature = "full")]
    /// The round is over and recorded: remove it.
    RemoveRound,
    #[cfg(feature = "full")]
    /// Add a finished round to the stored history (read, merge, write), then
    /// report the merged history with `MockMsg::HistoryStored`.
    AddToHistory(RoundRecord),
    #[cfg(feature = "full")]
    /// The plan state, in its stored form.
    Plan(String),
    #[cfg(feature = "full")]
    /// The deck being built, in its stored form.
    BuilderDeck(String),
}
