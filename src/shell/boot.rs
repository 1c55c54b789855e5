//! Booting a widget: the address and storage read, the core's `boot`
//! decisions applied, and the model started with what is stored (progress,
//! saved decks, the round in progress, past rounds, the plan, the draft).

use std::rc::Rc;

use crate::core::bank::Deck;
use crate::core::boot::{deck_for, opening_messages, BootError};
use crate::core::config::Config;
use crate::core::opening::{opening, Opening};
use crate::core::session::{update, DrillMsg, Effect, Model, Msg, PrepMsg, PrepRestored, Start};
use crate::core::time::Moment;
use crate::decks;
use crate::shell::effects::Runtime;
use crate::storage::sync::worth_compacting;
use crate::web::platform;

/// A started model, and what starting asks to store.
pub struct Booted {
    pub model: Model,
    /// Loose logs are worth compacting.
    pub worth_compacting: bool,
    /// What resuming a stored round and opening the link ask to store.
    pub effects: Vec<Effect>,
}

/// Loads everything stored (backing up anything unreadable) and starts the
/// model on the configured deck, or on what the link `fragment` opens. A
/// damaged link reads and writes nothing.
pub fn boot(
    config: &Config,
    given: Option<Rc<Deck>>,
    runtime: &Runtime,
    storage_problem: Option<String>,
    fragment: Option<&str>,
) -> Result<Booted, BootError> {
    let storage = &runtime.storage;
    let can_store = storage_problem.is_none();
    let opening = match given {
        // A deck given directly (a preview) ignores the page's link.
        Some(_) => Opening::Configured,
        None => opening(fragment),
    };
    let chosen = deck_for(&opening, given, config, decks::find, |id| {
        storage.has_saved_deck(id)
    })?;
    let now = platform::now();
    let (restored, backups, storage_problem) = match storage_problem {
        Some(problem) => (Default::default(), Some(Vec::new()), Some(problem)),
        None => match storage.load_progress(now.unix_ms) {
            Ok(loaded) => (loaded.restored, loaded.backups, None),
            Err(e) => (Default::default(), Some(Vec::new()), Some(e.to_string())),
        },
    };
    let worth_compacting = storage_problem.is_none() && worth_compacting(&restored);
    let config = chosen.config;
    let mut model = Model::start(Start {
        deck: chosen.deck,
        topic: config.topic.clone(),
        restored,
        backups,
        writer: storage.writer().to_string(),
        storage_problem,
        session_limit: config.questions,
        seed: platform::seed(),
        now,
    });
    model.drill.drill_mode = config.mode;
    model.links.shared = chosen.shared;
    model.links.follows_links = config.follow_links;
    model.scoped = !config.topics.is_empty();
    model.links.my_decks = storage.saved_decks();
    let mut effects = restore_prep(&mut model, runtime, can_store, now);
    // What the link opens has the last word, once everything stored is read;
    // then the answer typed before a reload, once the card on screen is settled.
    let mut opened = opening_messages(opening, &config, now);
    opened.extend(
        storage
            .draft()
            .map(|draft| Msg::Drill(DrillMsg::RestoreDraft(draft))),
    );
    for msg in opened {
        effects.extend(update(&mut model, msg));
    }
    Ok(Booted {
        model,
        worth_compacting,
        effects,
    })
}

/// Reads the stored mock round, past rounds and plan, and resumes the round.
/// Returns what resuming asks to store.
fn restore_prep(model: &mut Model, runtime: &Runtime, can_store: bool, now: Moment) -> Vec<Effect> {
    let loaded = if can_store {
        runtime.storage.load_prep(now.unix_ms)
    } else {
        Default::default()
    };
    update(
        model,
        Msg::Prep(PrepMsg::Restored(Box::new(PrepRestored {
            round: loaded.round,
            history: loaded.history,
            plan: loaded.plan,
            seed: platform::seed(),
            unreadable: loaded.unreadable,
            now,
        }))),
    )
}
