//! The app's link to the outside world: booting from storage, carrying out the
//! core's effects, and hearing what other tabs and widgets save.

use std::rc::Rc;

use yew::Callback;

use crate::core::bank::Deck;
use crate::core::config::{Config, DrillMode};
use crate::core::draft::{self, DRAFT_KEY};
use crate::core::ledger::Ledger;
use crate::core::mock::{AnswerStyle as RoundStyle, RoundSetup};
use crate::core::my_decks::{self, SavedDeck, SharedDeck};
use crate::core::opening::{opening, Opening};
use crate::core::session::{Effect, MockMsg, Model, Msg, Start};
use crate::core::share::DrillMode as LinkMode;
use crate::core::time::Moment;
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

/// Why the widget cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum BootError {
    /// The built-in deck itself cannot be read.
    Broken(String),
    /// The page's link is damaged: nothing is read or written.
    DamagedLink(String),
}

/// Loads progress (backing up anything unreadable) and starts the model on
/// the configured deck, or on what the link `fragment` opens.
pub fn boot(
    config: &Config,
    deck: Option<Rc<Deck>>,
    runtime: &Runtime,
    storage_problem: Option<String>,
    fragment: Option<&str>,
) -> Result<Booted, BootError> {
    let opening = match deck {
        // A deck given directly (a preview) ignores the page's link.
        Some(_) => Opening::Configured,
        None => opening(fragment),
    };
    let (deck, shared, config) = deck_for(&opening, deck, config, runtime)?;
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
        deck,
        topic: config.topic.clone(),
        restored,
        backups,
        writer: runtime.writer.clone(),
        storage_problem,
        session_limit: config.questions,
        now,
    });
    model.drill_mode = config.mode;
    model.shared = shared;
    model.follows_links = config.follow_links;
    model.scoped = !config.topics.is_empty();
    model.my_decks = saved_decks(runtime);
    let mut opened = opening_messages(opening, &config, now);
    // Last, once the card on screen is settled: the answer typed before a reload.
    let draft = runtime.store.get(DRAFT_KEY).ok().flatten();
    if let Some(draft) = draft.as_deref().and_then(draft::decode) {
        opened.push(Msg::RestoreDraft(draft));
    }
    Ok(Booted {
        model,
        worth_compacting,
        opened,
    })
}

/// The deck a widget opens, whether it came from a link, and the
/// configuration as the link amends it (a drill's topics and mode).
fn deck_for(
    opening: &Opening,
    deck: Option<Rc<Deck>>,
    config: &Config,
    runtime: &Runtime,
) -> Result<(Rc<Deck>, Option<SharedDeck>, Config), BootError> {
    let mut config = config.clone();
    let (deck, shared) = match (opening, deck) {
        (Opening::Damaged(reason), _) => return Err(BootError::DamagedLink(reason.clone())),
        (_, Some(deck)) => (deck, None),
        (Opening::Deck { deck, fragment }, None) => {
            let shared = SharedDeck {
                fragment: fragment.clone(),
                saved: runtime
                    .store
                    .get(&my_decks::key(&deck.id))
                    .ok()
                    .flatten()
                    .is_some(),
            };
            (Rc::new(deck.clone()), Some(shared))
        }
        (Opening::Question(link), None) => {
            let deck = decks::find(&link.deck).map_err(|_| {
                BootError::DamagedLink(format!(
                    "it opens the deck `{}`, which this page does not have",
                    link.deck
                ))
            })?;
            if !deck.questions.iter().any(|q| q.id == link.question) {
                return Err(BootError::DamagedLink(format!(
                    "the deck `{}` has no question `{}`",
                    link.deck, link.question
                )));
            }
            (Rc::new(deck), None)
        }
        (Opening::Drill(drill), None) => {
            if let Some(id) = &drill.deck {
                config.deck = id.clone();
            }
            config.topics = drill.topics.clone();
            config.difficulty = None;
            config.questions = None;
            config.mode = match drill.mode {
                LinkMode::Typed | LinkMode::Mock => DrillMode::Typed,
                LinkMode::Flashcards => DrillMode::Flashcards,
            };
            let deck = decks::find(&config.deck).map_err(|_| {
                BootError::DamagedLink(format!(
                    "it opens the deck `{}`, which this page does not have",
                    config.deck
                ))
            })?;
            (Rc::new(scoped(deck, &config)), None)
        }
        (Opening::Configured, None) => (
            Rc::new(scoped(
                decks::find(&config.deck).map_err(BootError::Broken)?,
                &config,
            )),
            None,
        ),
    };
    Ok((deck, shared, config))
}

/// What the link opens inside the drill, as messages sent once everything
/// stored has been read, so the link has the last word.
fn opening_messages(opening: Opening, config: &Config, now: Moment) -> Vec<Msg> {
    match opening {
        Opening::Question(link) => vec![Msg::OpenQuestion(link.question, now)],
        Opening::Drill(drill) if drill.mode == LinkMode::Mock => vec![
            Msg::Mock(MockMsg::Prepare(RoundSetup {
                questions: usize::from(drill.questions),
                topics: drill.topics,
                minutes: drill.minutes,
                style: RoundStyle::Typed,
            })),
            Msg::Mock(MockMsg::Seed(drill.seed)),
        ],
        Opening::Drill(drill) => vec![Msg::StartDrill {
            seed: drill.seed,
            count: usize::from(drill.questions),
            now,
        }],
        // An embed that opens on the mock round, set up as configured.
        Opening::Configured if config.mode == DrillMode::Mock => {
            vec![Msg::Mock(MockMsg::Prepare(RoundSetup {
                questions: config.questions.unwrap_or(RoundSetup::default().questions),
                topics: config.topics.clone(),
                minutes: None,
                style: RoundStyle::Typed,
            }))]
        }
        _ => Vec::new(),
    }
}

/// A started model, and what to do once the rest of what is stored is read.
pub struct Booted {
    pub model: Model,
    /// Loose logs are worth compacting.
    pub worth_compacting: bool,
    /// What the link opens: messages to send once mock rounds and the plan are
    /// restored, so the link has the last word.
    pub opened: Vec<Msg>,
}

/// The decks kept in "my decks", readable ones only; an unreadable one is
/// left in storage untouched.
fn saved_decks(runtime: &Runtime) -> Vec<SavedDeck> {
    let keys = runtime.store.keys().unwrap_or_default();
    let mut out: Vec<SavedDeck> = keys
        .iter()
        .filter_map(|key| {
            let value = runtime.store.get(key).ok().flatten()?;
            my_decks::read(key, &value)?.ok()
        })
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    out
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
        Effect::Put { key, value } => {
            if let Err(e) = runtime.store.put(&key, &value) {
                send.emit(Msg::SaveFailed {
                    reason: e.to_string(),
                    full: false,
                });
            }
        }
        Effect::Remove(key) => {
            if let Err(e) = runtime.store.remove(&key) {
                send.emit(Msg::SaveFailed {
                    reason: e.to_string(),
                    full: false,
                });
            }
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
