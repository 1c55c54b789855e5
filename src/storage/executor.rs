//! `Storage`: the one path every stored value takes, read or written.
//!
//! Writes come as `core::stored::Write` and are carried out here whatever
//! their key; what a write has to tell the session (a failure, the merged
//! history) comes back as a `Msg`, so a store that answers later could take
//! the same path. Reads at start and after another tab's change are here too.

use std::rc::Rc;

#[cfg(feature = "full")]
use super::prep::{self, PrepLoaded};
use super::store::{full_key, Store, StoreError};
use super::sync::{self, Loaded, Lock, SaveError};
#[cfg(feature = "full")]
use crate::core::builder::KEPT_KEY;
use crate::core::draft::{self, Draft, DRAFT_KEY};
use crate::core::ledger::Ledger;
#[cfg(feature = "full")]
use crate::core::mock::History;
#[cfg(feature = "full")]
use crate::core::my_decks::{self, SavedDeck};
#[cfg(feature = "full")]
use crate::core::session::MockMsg;
use crate::core::session::Msg;
use crate::core::stored::{others, Write};

/// Where a widget's values live and who it is among the writers.
#[derive(Clone)]
pub struct Storage {
    store: Rc<dyn Store>,
    namespace: String,
    writer: String,
}

/// What a write did.
#[derive(Debug, Default, PartialEq)]
pub struct Written {
    /// Progress changed: other widgets and tabs should hear of it.
    pub progress: bool,
    /// What to tell the session.
    pub reply: Option<Msg>,
}

impl Storage {
    pub fn new(store: Rc<dyn Store>, namespace: &str, writer: &str) -> Self {
        Storage {
            store,
            namespace: namespace.to_string(),
            writer: writer.to_string(),
        }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// The full name of a key, as the learner finds it in the browser.
    pub fn full_key(&self, key: &str) -> String {
        full_key(&self.namespace, key)
    }

    /// Progress at start: unreadable values copied to backup keys (named in
    /// full), then removed.
    pub fn load_progress(&self, now_ms: i64) -> Result<Loaded, StoreError> {
        let mut loaded = sync::load(self.store.as_ref(), now_ms)?;
        loaded.backups = loaded
            .backups
            .map(|keys| keys.iter().map(|k| self.full_key(k)).collect());
        Ok(loaded)
    }

    /// Everything stored now, or `None` when it cannot be read safely.
    pub fn reload(&self) -> Option<Ledger> {
        let restored = sync::read_all(self.store.as_ref()).ok()?;
        restored.newer_version.is_none().then_some(restored.ledger)
    }

    /// The round in progress, past rounds and the plan; backups named in full.
    #[cfg(feature = "full")]
    pub fn load_prep(&self, now_ms: i64) -> PrepLoaded {
        let mut loaded = prep::load(self.store.as_ref(), now_ms);
        for (_, _, backup) in &mut loaded.unreadable {
            *backup = backup.as_deref().map(|k| self.full_key(k));
        }
        loaded
    }

    /// The stored history of rounds, when it can be read.
    #[cfg(feature = "full")]
    pub fn history(&self) -> Option<History> {
        prep::load_history(self.store.as_ref())
    }

    /// The interview window of the stored plan, after `today` (`plan_date`).
    pub fn plan_window(&self, today: i64) -> Option<crate::core::deadline::PrepWindow> {
        let raw = self.store.get(others::PLAN).ok().flatten()?;
        crate::core::plan_date::stored_window(&raw, today)
    }

    /// The answer typed before a reload.
    pub fn draft(&self) -> Option<Draft> {
        let raw = self.store.get(DRAFT_KEY).ok().flatten()?;
        draft::decode(&raw)
    }

    /// The decks kept in "my decks", readable ones only, by title; an
    /// unreadable one is left in storage untouched.
    #[cfg(feature = "full")]
    pub fn saved_decks(&self) -> Vec<SavedDeck> {
        let keys = self.store.keys().unwrap_or_default();
        let mut out: Vec<SavedDeck> = keys
            .iter()
            .filter_map(|key| {
                let value = self.store.get(key).ok().flatten()?;
                my_decks::read(key, &value)?.ok()
            })
            .collect();
        out.sort_by(|a, b| a.title.cmp(&b.title));
        out
    }

    #[cfg(feature = "full")]
    pub fn has_saved_deck(&self, id: &str) -> bool {
        self.store.get(&my_decks::key(id)).ok().flatten().is_some()
    }

    /// The deck the builder kept on an earlier visit.
    #[cfg(feature = "full")]
    pub fn builder_deck(&self) -> Option<String> {
        self.store.get(KEPT_KEY).ok().flatten()
    }

    /// Carries out one write. A progress log that meets a full quota is
    /// compacted only with `lock` held; without it the error says `full`,
    /// and the shell may try again under the lock.
    #[cfg_attr(not(feature = "full"), allow(unused_variables))]
    pub fn write(&self, write: &Write, now_ms: i64, lock: Lock) -> Result<Written, SaveError> {
        let store = self.store.as_ref();
        #[cfg_attr(not(feature = "full"), allow(unused_mut))]
        let mut reply = None;
        match write {
            Write::Log(own) => sync::save_own(store, &self.writer, own, lock)?,
            Write::RemoveAll => sync::remove_all(store)?,
            Write::Draft(d) => store.put(DRAFT_KEY, &draft::encode(d))?,
            Write::ClearDraft => store.remove(DRAFT_KEY)?,
            #[cfg(feature = "full")]
            Write::SaveDeck { id, fragment } => store.put(&my_decks::key(id), fragment)?,
            #[cfg(feature = "full")]
            Write::RemoveDeck(id) => store.remove(&my_decks::key(id))?,
            #[cfg(feature = "full")]
            Write::Round(text) => prep::save_round(store, text, now_ms)?,
            #[cfg(feature = "full")]
            Write::RemoveRound => prep::remove_round(store)?,
            #[cfg(feature = "full")]
            Write::AddToHistory(record) => {
                let history = prep::add_history(store, record.clone(), now_ms)?;
                reply = Some(Msg::Mock(MockMsg::HistoryStored(history)));
            }
            #[cfg(feature = "full")]
            Write::Plan(text) => prep::save_plan(store, text, now_ms)?,
            #[cfg(feature = "full")]
            Write::BuilderDeck(text) => store.put(KEPT_KEY, text)?,
        }
        Ok(Written {
            progress: matches!(write, Write::Log(_) | Write::RemoveAll),
            reply,
        })
    }

    /// Folds loose logs into the shared base; only under the lock.
    pub fn compact(&self) -> bool {
        sync::compact(self.store.as_ref(), None).is_ok()
    }
}

/// A failed write, as the session hears it.
pub fn failed(error: SaveError) -> Msg {
    Msg::SaveFailed {
        reason: error.reason,
        full: error.full,
    }
}
