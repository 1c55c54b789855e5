//! The app's link to the outside world: booting from storage, carrying out the
//! core's effects, and hearing what other tabs and widgets save.

use std::rc::Rc;

use yew::Callback;

use crate::core::config::Config;
use crate::core::ledger::Ledger;
use crate::core::session::{Effect, Model, Msg, Start};
use crate::decks;
use crate::store::{full_key, Store, StoreError};
use crate::sync;
use crate::web::{bus, files, locks, platform};

/// Where this widget's progress lives and who it is among the writers.
#[derive(Clone)]
pub struct Runtime {
    pub store: Rc<dyn Store>,
    pub namespace: String,
    pub writer: String,
}

impl Runtime {
    /// One lock per namespace, shared by every tab of the site.
    fn lock_name(&self) -> String {
        full_key(&self.namespace, "compaction")
    }

    /// Everything stored now, or `None` when it cannot be read safely.
    pub fn reload(&self) -> Option<Ledger> {
        let restored = sync::read_all(self.store.as_ref()).ok()?;
        restored.newer_version.is_none().then_some(restored.ledger)
    }
}

/// Loads progress (backing up anything unreadable) and starts the model.
/// Returns whether loose keys are worth compacting.
pub fn boot(
    config: &Config,
    runtime: &Runtime,
    storage_problem: Option<String>,
) -> Result<(Model, bool), String> {
    let deck = scoped(decks::find(&config.deck)?, config);
    let now = platform::now();
    let (restored, backups, storage_problem) = match storage_problem {
        Some(problem) => (Default::default(), Some(Vec::new()), Some(problem)),
        None => match sync::load(runtime.store.as_ref(), now.unix_ms) {
            Ok(loaded) => (loaded.restored, loaded.backups, None),
            Err(e) => (Default::default(), Some(Vec::new()), Some(e.to_string())),
        },
    };
    let worth_compacting = storage_problem.is_none() && sync::worth_compacting(&restored);
    let backups = backups.map(|keys| {
        keys.iter()
            .map(|k| full_key(&runtime.namespace, k))
            .collect()
    });
    let mut model = Model::start(Start {
        deck: Rc::new(deck),
        topic: config.topic.clone(),
        restored,
        backups,
        writer: runtime.writer.clone(),
        storage_problem,
        session_limit: config.questions,
        now,
    });
    model.drill_mode = config.mode;
    Ok((model, worth_compacting))
}

/// The deck as this widget shows it: only its topics and difficulty, under its
/// title. Progress still hangs on the deck's id, so every widget shares it.
fn scoped(mut deck: crate::core::bank::Deck, config: &Config) -> crate::core::bank::Deck {
    let wanted = |q: &crate::core::bank::Question| {
        (config.topics.is_empty() || config.topics.contains(&q.topic))
            && config.difficulty.is_none_or(|d| q.difficulty == d)
    };
    // `from_attributes` only accepts known values; an odd combination that
    // matches nothing shows the whole deck rather than an empty widget.
    if deck.questions.iter().any(wanted) {
        deck.questions.retain(wanted);
    }
    if let Some(title) = &config.title {
        deck.title = title.clone();
    }
    deck
}

/// Carries out one effect. Failures come back as messages.
pub fn run(effect: Effect, runtime: &Runtime, send: &Callback<Msg>) {
    match effect {
        Effect::WriteLog(own) => {
            match sync::write_log(runtime.store.as_ref(), &runtime.writer, &own) {
                Ok(()) => bus::publish(&runtime.namespace, &runtime.writer),
                Err(StoreError::QuotaExceeded) => {
                    let runtime_in_lock = runtime.clone();
                    let send = send.clone();
                    let work = move || match sync::compact_after_full(
                        runtime_in_lock.store.as_ref(),
                        &own,
                    ) {
                        Ok(()) => bus::publish(&runtime_in_lock.namespace, &runtime_in_lock.writer),
                        Err(e) => send.emit(Msg::SaveFailed {
                            reason: e.reason,
                            full: e.full,
                        }),
                    };
                    // Without Web Locks the write must still not be lost: compact anyway.
                    if let Err(work) = locks::with_lock(&runtime.lock_name(), work) {
                        work();
                    }
                }
                Err(e) => send.emit(Msg::SaveFailed {
                    reason: e.to_string(),
                    full: false,
                }),
            }
        }
        Effect::Download {
            file_name,
            contents,
        } => {
            if let Err(reason) = files::download(&file_name, &contents, "application/json") {
                send.emit(Msg::SaveFailed {
                    reason: format!("the export could not be downloaded ({reason})"),
                    full: false,
                });
            }
        }
        Effect::RemoveAll => {
            if let Err(e) = sync::remove_all(runtime.store.as_ref()) {
                send.emit(Msg::SaveFailed {
                    reason: e.to_string(),
                    full: false,
                });
            }
            bus::publish(&runtime.namespace, &runtime.writer);
        }
        Effect::Prep(effect) => crate::ui::prep_effects::run(effect, runtime, send),
    }
}

/// Folds loose logs into the shared base, under the Web Lock. Browsers without
/// Web Locks skip it: two tabs compacting at once could lose a log.
pub fn compact_in_background(runtime: &Runtime) {
    let runtime_in_lock = runtime.clone();
    let _ = locks::with_lock(&runtime.lock_name(), move || {
        if sync::compact(runtime_in_lock.store.as_ref(), None).is_ok() {
            bus::publish(&runtime_in_lock.namespace, &runtime_in_lock.writer);
        }
    });
}
