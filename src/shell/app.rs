//! The app root: takes its whole configuration and its store as props,
//! boots the core model, sends messages, runs effects, moves focus, keeps
//! the timers and hears the outside. What it draws is `ui::widget`.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::boot::BootError;
use crate::core::config::{Config, DrillMode};
use crate::core::ledger::Ledger;
use crate::core::session::Section;
use crate::core::session::{Answers, DrillMsg, Effect, Model, Msg, Part};
use crate::shell::boot::boot;
use crate::shell::drill_part::DrillSlot;
use crate::shell::effects::{self, compact_in_background, intend, Runtime};
use crate::shell::focus::{self, focus_after, FocusTo, PrepFocus};
use crate::shell::parts;
use crate::shell::prep_timers::use_prep_timers;
use crate::shell::subscriptions::hear_others;
use crate::storage::store::Store;
use crate::storage::Storage;
use crate::ui::card::FocusTargets;
use crate::ui::intent::{Intent, Sender};
use crate::ui::widget::{broken, damaged_link, widget, WidgetView};
use crate::web::loader::Loader;
use crate::web::{address, platform};

/// A shared store; equal when it is the same store.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<dyn Store>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.0), Rc::as_ptr(&other.0))
    }
}

/// A deck given to the app directly (a deck builder's preview), compared by identity.
#[derive(Clone)]
pub struct DeckHandle(pub Rc<Deck>);

impl PartialEq for DeckHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
    /// Drill this deck instead of the built-in deck named in `config`.
    #[prop_or_default]
    pub deck: Option<DeckHandle>,
    pub store: StoreHandle,
    /// Set when the shell could not open browser storage and gave a memory store.
    #[prop_or_default]
    pub storage_problem: Option<String>,
    /// Messages about the embed's attributes, each already replaced by its default.
    #[prop_or_default]
    pub problems: Vec<String>,
    /// The practice page's address without a fragment: shared links open there.
    #[prop_or_default]
    pub links_base: String,
    /// The page's loader: the decks' details and the full build come through it.
    #[prop_or_default]
    pub loader: Option<Loader>,
    /// What to open once booted: the part the guest was asked for when it
    /// handed this widget over.
    #[prop_or_default]
    pub then: Option<Part>,
    /// What the widget this one took over could not store (`Msg::Carried`).
    #[prop_or_default]
    pub carried: Option<Ledger>,
}

pub(crate) type Shared = Rc<RefCell<Result<Model, BootError>>>;

/// The only component of the drill: every part of it is a view function of
/// the model, which keeps the bundle small (each component type costs code).
#[component]
pub fn App(props: &AppProps) -> Html {
    let runtime = use_memo((), |_| Runtime {
        storage: Storage::new(
            props.store.0.clone(),
            &props.config.namespace,
            &platform::writer_id(),
        ),
    });
    let can_store = props.storage_problem.is_none();
    // Whether loose logs are worth compacting, learnt while booting.
    let worth_compacting = use_mut_ref(|| false);
    // What booting asks to store, run once mounted.
    let boot_effects = use_mut_ref(Vec::<Effect>::new);
    // What booting leaves for the drill part (`Booted::later`).
    let boot_later = use_mut_ref(Vec::<Msg>::new);
    // The boot closure runs again when the page's link changes.
    let start = {
        let config = props.config.clone();
        let deck = props.deck.as_ref().map(|d| Rc::clone(&d.0));
        let runtime = Rc::clone(&runtime);
        let storage_problem = props.storage_problem.clone();
        let worth_compacting = worth_compacting.clone();
        let boot_effects = boot_effects.clone();
        let boot_later = boot_later.clone();
        move |fragment: Option<String>| {
            boot(
                &config,
                deck.clone(),
                &runtime,
                storage_problem.clone(),
                fragment.as_deref(),
            )
            .map(|booted| {
                *worth_compacting.borrow_mut() = booted.worth_compacting;
                *boot_effects.borrow_mut() = booted.effects;
                *boot_later.borrow_mut() = booted.later;
                booted.model
            })
        }
    };
    let model: Shared = use_mut_ref({
        let start = start.clone();
        let follow = props.config.follow_links;
        move || start(follow.then(address::fragment).flatten())
    });
    // How many times the learner's action moved focus, and where to.
    let focus_turn = use_mut_ref(|| (0u32, FocusTo::Flow));
    let focus = use_memo((), |_| FocusTargets::default());
    let prep_focus = use_memo((), |_| PrepFocus::default());
    let redraw = use_force_update();
    let tick_redraw = redraw.clone();
    let link_redraw = redraw.clone();
    #[cfg(not(feature = "full"))]
    let part_redraw = redraw.clone();
    let drill = use_mut_ref(DrillSlot::new);

    // Effects report back (a failed save, a merge) through the same loop; the
    // callback reaches itself through this cell, cleared on unmount.
    let sender = use_mut_ref(|| None::<Callback<Msg>>);
    let send: Callback<Msg> = {
        let model = model.clone();
        let runtime = runtime.clone();
        let focus_turn = focus_turn.clone();
        let sender = sender.clone();
        let drill = drill.clone();
        Callback::from(move |msg: Msg| {
            let focus_to = focus_after(&msg);
            let effects = match model.borrow_mut().as_mut() {
                Ok(m) => match drill.borrow_mut().update(m, msg) {
                    Some(effects) => effects,
                    // It waits for the drill part, and moves focus then.
                    None => return,
                },
                Err(_) => Vec::new(),
            };
            if let Some(target) = focus_to {
                let mut turn = focus_turn.borrow_mut();
                *turn = (turn.0 + 1, target);
            }
            redraw.force_update();
            // After the borrow ends: an effect may report back with a message.
            let me = sender.borrow().clone().unwrap_or_else(Callback::noop);
            for effect in effects {
                effects::run(effect, &runtime, &me);
            }
        })
    };
    *sender.borrow_mut() = Some(send.clone());
    let intents = {
        let send = send.clone();
        let loader = props.loader.clone();
        #[cfg(not(feature = "full"))]
        let (drill, redraw) = (drill.clone(), part_redraw.clone());
        // Views call the clock and the seed source only when the learner acts.
        Sender::new(
            send.clone(),
            Callback::from(move |intent| match (intent, &loader) {
                (Intent::Upgrade(part), Some(loader)) => parts::upgrade(loader, part, &send),
                #[cfg(not(feature = "full"))]
                (Intent::LoadDrill, _) => {
                    let redraw = redraw.clone();
                    crate::shell::drill_part::fetch(&drill, &send, move || redraw.force_update());
                }
                (intent, _) => intend(intent, &send),
            }),
            platform::now,
            platform::seed,
        )
    };
    // The answers come just after the first card is on screen.
    {
        let pending = model
            .borrow()
            .as_ref()
            .is_ok_and(|m| m.answers == Answers::Pending);
        let loader = props.loader.clone().filter(|_| pending);
        let config = props.config.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            if let Some(loader) = loader {
                parts::fetch_details(&loader, &config, &send);
            }
        });
    }
    // The drill part comes with them: the guest's first paint is the card's
    // question alone.
    #[cfg(not(feature = "full"))]
    {
        let (drill, send, redraw) = (drill.clone(), send.clone(), part_redraw);
        use_effect_with((), move |_| {
            crate::shell::drill_part::fetch(&drill, &send, move || redraw.force_update());
        });
    }
    // A hand-over carries on what the guest could not store; the guest notes
    // its model so it can.
    {
        let carried = props.carried.clone();
        let host = props.loader.as_ref().map(|l| l.host().clone());
        let model = model.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            if let Some(host) = host {
                parts::register(&host, &model);
            }
            if let Some(ledger) = carried {
                send.emit(Msg::Carried(ledger, platform::now()));
            }
        });
    }
    // Handed over by the guest: open what the learner asked it for.
    #[cfg(feature = "full")]
    {
        let model = model.clone();
        let then = props.then;
        let links_base = props.links_base.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            let opened = model
                .borrow()
                .as_ref()
                .ok()
                .and_then(|m| then.map(|part| parts::handed_over(m, part, &links_base)));
            match opened {
                Some(Intent::Msg(msg)) => send.emit(msg),
                Some(intent) => intend(intent, &send),
                None => {}
            }
        });
    }
    {
        let sender = sender.clone();
        let runtime = runtime.clone();
        let boot_effects = boot_effects.clone();
        let boot_later = boot_later.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            for effect in boot_effects.borrow_mut().drain(..) {
                effects::run(effect, &runtime, &send);
            }
            send_later(&boot_later, &send);
            move || drop(sender.borrow_mut().take())
        });
    }

    // Hear other widgets on this page and other tabs; never write back.
    // Fold loose logs once, under the Web Lock.
    {
        let runtime = runtime.clone();
        let send = send.clone();
        let worth_compacting = *worth_compacting.borrow();
        use_effect_with((), move |_| {
            let listening = can_store.then(|| hear_others(&runtime, &send));
            if worth_compacting {
                compact_in_background(&runtime);
            }
            move || drop(listening)
        });
    }

    // A practice page follows its address: a link pasted into the address bar,
    // "my decks", back and forward open what they name.
    {
        let model = model.clone();
        let redraw = link_redraw;
        let follow = props.config.follow_links && props.deck.is_none();
        let boot_effects = boot_effects.clone();
        let boot_later = boot_later.clone();
        let runtime = runtime.clone();
        let send = send.clone();
        let loader = props.loader.clone();
        use_effect_with((), move |_| {
            let listener = follow
                .then(|| {
                    address::on_fragment_change(move |fragment| {
                        // Only the full build reads links: hand it the widget.
                        if !cfg!(feature = "full")
                            && fragment
                                .as_deref()
                                .is_some_and(crate::core::link_hint::may_be_link)
                        {
                            if let Some(loader) = &loader {
                                parts::upgrade(loader, Part::Section(Section::Practice), &send);
                            }
                            return;
                        }
                        *model.borrow_mut() = start(fragment);
                        redraw.force_update();
                        let pending: Vec<Effect> = boot_effects.borrow_mut().drain(..).collect();
                        for effect in pending {
                            effects::run(effect, &runtime, &send);
                        }
                        send_later(&boot_later, &send);
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }

    // After the learner acts, focus follows the drill. Never on first load.
    {
        let focus = focus.clone();
        let prep_focus = prep_focus.clone();
        let on_screen = model.borrow().as_ref().map_or((false, false), |m| {
            (m.drill.revealed, m.drill.drill_mode == DrillMode::Typed)
        });
        let (turn, target) = *focus_turn.borrow();
        use_effect_with(turn, move |turn| {
            if *turn > 0 {
                focus::focus(focus::target(target, on_screen, &focus, &prep_focus));
            }
        });
    }

    // The speaking timer shows seconds: redraw every second while it runs.
    {
        let speaking = model
            .borrow()
            .as_ref()
            .is_ok_and(|m| m.attempt.aloud.as_ref().is_some_and(|a| a.running()));
        let redraw = tick_redraw;
        use_effect_with(speaking, move |speaking| {
            let timer = speaking.then(|| platform::every(1_000, move || redraw.force_update()));
            move || drop(timer)
        });
    }

    use_prep_timers(&model, &send, &prep_focus);

    // Learning cards fall due minutes after a grade, and days roll over: look
    // again every 30 seconds. The interval stops when the widget unmounts.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            let timer = platform::every(30_000, move || {
                send.emit(Msg::Drill(DrillMsg::Tick(platform::now())))
            });
            move || drop(timer)
        });
    }

    let borrowed = model.borrow();
    match borrowed.as_ref() {
        Ok(m) => widget(&WidgetView {
            model: m,
            now: platform::now(),
            focus: &focus,
            code: drill.borrow().code(),
            #[cfg(feature = "full")]
            prep_focus: &prep_focus,
            problems: &props.problems,
            theme: props.config.theme,
            links_base: &props.links_base,
            send: &intents,
        }),
        Err(BootError::DamagedLink(reason)) => damaged_link(reason, props.config.theme, &intents),
        Err(BootError::Broken(problem)) => broken(problem),
    }
}

/// Sends what booting left for the drill part: it waits for it.
fn send_later(later: &RefCell<Vec<Msg>>, send: &Callback<Msg>) {
    let msgs: Vec<Msg> = later.borrow_mut().drain(..).collect();
    for msg in msgs {
        send.emit(msg);
    }
}
