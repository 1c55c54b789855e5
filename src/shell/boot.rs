//! Booting a widget: the address and storage read, the core's `boot`
//! decisions applied, and the model started with what is stored (progress,
//! saved decks, the round in progress, past rounds, the plan, the draft).

use std::rc::Rc;

use crate::core::bank::Deck;
use crate::core::boot::BootError;
#[cfg(feature = "full")]
use crate::core::boot::{deck_for, opening_messages};
use crate::core::config::Config;
#[cfg(feature = "full")]
use crate::core::opening::{opening, Opening};
#[cfg(feature = "full")]
use crate::core::session::update;
use crate::core::session::{Answers, DrillMsg, Effect, Model, Msg, Start};
#[cfg(feature = "full")]
use crate::core::session::{PrepMsg, PrepRestored};
#[cfg(feature = "full")]
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
    /// What booting asked for that waits for the guest's drill part
    /// (`before_drill`); sent once the part is here.
    pub later: Vec<Msg>,
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
    #[cfg(feature = "full")]
    let can_store = storage_problem.is_none();
    #[cfg(feature = "full")]
    let opening = match given {
        // A deck given directly (a preview) ignores the page's link.
        Some(_) => Opening::Configured,
        None => opening(fragment),
    };
    #[cfg(feature = "full")]
    let chosen = deck_for(&opening, given, config, decks::find, |id| {
        storage.has_saved_deck(id)
    })?;
    // The guest opens its configured deck only: a page whose fragment may be
    // a link is handed to the full build before it boots (`shell::embed`).
    #[cfg(not(feature = "full"))]
    let chosen = {
        let _ = (given, fragment);
        let deck = decks::find(&config.deck).map_err(BootError::Broken)?;
        Guest {
            deck: Rc::new(crate::core::config::scoped(deck, config)),
            config: config.clone(),
        }
    };
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
    model.scoped = !config.topics.is_empty();
    model.follows_links = config.follow_links;
    if !decks::has_details() {
        model.answers = Answers::Pending;
    }
    #[cfg(feature = "full")]
    let (mut effects, mut opened) = {
        model.links.shared = chosen.shared;
        model.links.my_decks = storage.saved_decks();
        let effects = restore_prep(&mut model, runtime, can_store, now);
        // What the link opens has the last word, once everything stored is
        // read; then the answer typed before a reload, once the card on
        // screen is settled.
        (effects, opening_messages(opening, &config, now))
    };
    // The guest reads only the plan's date, which moves today's queue.
    #[cfg(not(feature = "full"))]
    let (mut effects, mut opened) = (
        Vec::new(),
        vec![Msg::Drill(DrillMsg::Window(
            storage.plan_window(now.local_day()),
            now,
        ))],
    );
    // With nothing opened, the card answered before the reload comes back.
    let resume = opened
        .iter()
        .all(|msg| matches!(msg, Msg::Drill(DrillMsg::Window(..))));
    opened.extend(storage.draft().map(|draft| {
        Msg::Drill(if resume {
            DrillMsg::ResumeDraft(draft)
        } else {
            DrillMsg::RestoreDraft(draft)
        })
    }));
    #[cfg_attr(feature = "full", allow(unused_mut))]
    let mut later = Vec::new();
    for msg in opened {
        #[cfg(feature = "full")]
        effects.extend(update(&mut model, msg));
        #[cfg(not(feature = "full"))]
        match crate::core::session::before_drill(&mut model, msg) {
            crate::core::session::BeforeDrill::Ran(more) => effects.extend(more),
            crate::core::session::BeforeDrill::Waits(msg) => later.push(msg),
        }
    }
    Ok(Booted {
        model,
        worth_compacting,
        effects,
        later,
    })
}

/// The deck a guest opens, under its configuration.
#[cfg(not(feature = "full"))]
struct Guest {
    deck: Rc<Deck>,
    config: Config,
}

/// Reads the stored mock round, past rounds and plan, and resumes the round.
/// Returns what resuming asks to store.
#[cfg(feature = "full")]
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
