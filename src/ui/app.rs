//! The app root: takes its whole configuration as props, boots the core model
//! from the store it is given, and runs the core's effects.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::config::{Config, DrillMode, Theme};
use crate::core::mock::RoundMsg;
use crate::core::persist::{key_role, KeyRole};
use crate::core::plan::TemplateKind;
use crate::core::session::{update, AnswerMsg, Effect, MockMsg, Model, Msg, Section};
use crate::prep_store;
use crate::store::{full_key, Store};
use crate::ui::card::{card, CardView, FocusTargets};
use crate::ui::done::done;
use crate::ui::effects::{self, boot, BootError, Runtime};
use crate::ui::intro::intro;
use crate::ui::keyboard::{shortcut, Shortcut};
use crate::ui::links::{damaged_link, my_decks_view, share_drill, share_question, shared_banner};
use crate::ui::mock_section::{mock_screen, mock_section, restore_prep, MockScreen, PrepFocus};
use crate::ui::mode_bar::mode_bar;
use crate::ui::nav::nav;
use crate::ui::notice::notice;
use crate::ui::plan_view::plan_view;
use crate::ui::progress_line::progress_line;
use crate::ui::settings::settings_view;
use crate::ui::stats::stats_view;
use crate::ui::topic_filter::topic_filter;
use crate::web::storage_events::on_storage_change;
use crate::web::{address, bus, platform};

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
}

type Shared = Rc<RefCell<Result<Model, BootError>>>;

/// The only component: every other part of the UI is a view function of the
/// model, which keeps the bundle small (each component type costs code).
#[component]
pub fn App(props: &AppProps) -> Html {
    let runtime = use_memo((), |_| Runtime {
        store: props.store.0.clone(),
        namespace: props.config.namespace.clone(),
        writer: platform::writer_id(),
    });
    // Whether loose logs are worth compacting, learnt while booting.
    let worth_compacting = use_mut_ref(|| false);
    // What resuming a stored mock round asks to store, run once mounted.
    let boot_effects = use_mut_ref(Vec::<Effect>::new);
    // The boot closure runs again when the page's link changes.
    let start = {
        let config = props.config.clone();
        let deck = props.deck.as_ref().map(|d| Rc::clone(&d.0));
        let runtime = Rc::clone(&runtime);
        let storage_problem = props.storage_problem.clone();
        let worth_compacting = worth_compacting.clone();
        let boot_effects = boot_effects.clone();
        let can_store = props.storage_problem.is_none();
        move |fragment: Option<String>| {
            boot(
                &config,
                deck.clone(),
                &runtime,
                storage_problem.clone(),
                fragment.as_deref(),
            )
            .map(|booted| {
                let mut model = booted.model;
                *worth_compacting.borrow_mut() = booted.worth_compacting;
                let mut effects = restore_prep(&mut model, &runtime, can_store);
                for msg in booted.opened {
                    effects.extend(update(&mut model, msg));
                }
                *boot_effects.borrow_mut() = effects;
                model
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

    // Effects report back (a failed save, a merge) through the same loop; the
    // callback reaches itself through this cell, cleared on unmount.
    let sender = use_mut_ref(|| None::<Callback<Msg>>);
    let send: Callback<Msg> = {
        let model = model.clone();
        let runtime = runtime.clone();
        let focus_turn = focus_turn.clone();
        let sender = sender.clone();
        Callback::from(move |msg: Msg| {
            let focus_to = focus_after(&msg);
            let effects = match model.borrow_mut().as_mut() {
                Ok(m) => update(m, msg),
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
    {
        let sender = sender.clone();
        let runtime = runtime.clone();
        let boot_effects = boot_effects.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            for effect in boot_effects.borrow_mut().drain(..) {
                effects::run(effect, &runtime, &send);
            }
            move || drop(sender.borrow_mut().take())
        });
    }

    // Hear other widgets on this page and other tabs; never write back.
    // Fold loose logs once, under the Web Lock.
    {
        let runtime = runtime.clone();
        let send = send.clone();
        let worth_compacting = *worth_compacting.borrow();
        let can_store = props.storage_problem.is_none();
        use_effect_with((), move |_| {
            let history = {
                let runtime = runtime.clone();
                let send = send.clone();
                move || {
                    // Rounds other tabs finished join the history.
                    if let Some(history) = prep_store::load_history(runtime.store.as_ref()) {
                        send.emit(Msg::Mock(MockMsg::HistoryStored(history)));
                    }
                }
            };
            let reload = {
                let runtime = runtime.clone();
                let send = send.clone();
                move || {
                    if let Some(ledger) = runtime.reload() {
                        send.emit(Msg::StorageChanged(ledger));
                    }
                }
            };
            let subscription = can_store
                .then(|| bus::subscribe(&runtime.namespace, &runtime.writer, reload.clone()));
            // Another tab's round in progress (written as it is typed), its
            // plan (the latest write wins), a typed draft and backups are not
            // progress.
            let on_key = move |key: Option<&str>| match key.map(key_role) {
                Some(KeyRole::MockHistory) => history(),
                Some(
                    KeyRole::MockRound
                    | KeyRole::Plan
                    | KeyRole::Draft
                    | KeyRole::BuilderDeck
                    | KeyRole::Backup,
                ) => {}
                _ => {
                    reload();
                    history();
                }
            };
            let listener = can_store
                .then(|| on_storage_change(full_key(&runtime.namespace, ""), on_key))
                .flatten();
            if worth_compacting {
                effects::compact_in_background(&runtime);
            }
            move || {
                drop(subscription);
                drop(listener);
            }
        });
    }

    // A practice page follows its address: a link pasted into the address bar,
    // "my decks", back and forward open what they name.
    {
        let model = model.clone();
        let redraw = link_redraw;
        let follow = props.config.follow_links && props.deck.is_none();
        let boot_effects = boot_effects.clone();
        let runtime = runtime.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            let listener = follow
                .then(|| {
                    address::on_fragment_change(move |fragment| {
                        *model.borrow_mut() = start(fragment);
                        redraw.force_update();
                        let pending: Vec<Effect> = boot_effects.borrow_mut().drain(..).collect();
                        for effect in pending {
                            effects::run(effect, &runtime, &send);
                        }
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }

    // After the learner acts, focus follows the drill: "Show answer" (or the
    // answer box when typing) on a new card, the model answer once revealed,
    // the feedback, timer, checklist or follow-up just shown. Never on first load.
    {
        let focus = focus.clone();
        let prep_focus = prep_focus.clone();
        let (revealed, typed) = model.borrow().as_ref().map_or((false, false), |m| {
            (m.revealed, m.drill_mode == DrillMode::Typed)
        });
        let (turn, target) = *focus_turn.borrow();
        use_effect_with(turn, move |turn| {
            if *turn > 0 {
                let node = match target {
                    FocusTo::Flow if revealed => &focus.answer,
                    FocusTo::Flow if typed => &focus.answer_box,
                    FocusTo::Flow => &focus.reveal,
                    FocusTo::Feedback => &focus.feedback,
                    FocusTo::AloudStop => &focus.aloud_stop,
                    FocusTo::Checklist => &focus.checklist,
                    FocusTo::FollowUp => &focus.follow_up,
                    FocusTo::Mock => &prep_focus.mock,
                    FocusTo::Template(TemplateKind::IncidentStory) => {
                        &prep_focus.templates.incident
                    }
                    FocusTo::Template(TemplateKind::ProjectRefresh) => {
                        &prep_focus.templates.project
                    }
                };
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
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

    // A mock round counts down while it runs and is on screen: tick at once
    // (resuming after a reload or a visit elsewhere), then every second. The
    // core computes time from moments, so a late tick loses nothing; a round
    // not on screen is not ticked, so its next question never starts unseen.
    {
        let ticking = model.borrow().as_ref().is_ok_and(|m| {
            m.section == Section::Mock && m.mock.running().is_some_and(|r| r.is_running())
        });
        let send = send.clone();
        use_effect_with(ticking, move |ticking| {
            let timer = ticking.then(|| {
                let tick =
                    move || send.emit(Msg::Mock(MockMsg::Round(RoundMsg::Tick(platform::now()))));
                tick();
                platform::every(1_000, tick)
            });
            move || drop(timer)
        });
    }

    // Focus follows the round: the next question (also after a time-out),
    // the report, the set-up. Never on first load.
    {
        let screen = model
            .borrow()
            .as_ref()
            .map_or(MockScreen::Setup, mock_screen);
        let seen = use_mut_ref(|| None::<MockScreen>);
        let prep_focus = prep_focus.clone();
        use_effect_with(screen, move |screen| {
            let before = seen.borrow_mut().replace(*screen);
            if before.is_some_and(|b| b != *screen) {
                if let Some(element) = prep_focus.mock.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    // Learning cards fall due minutes after a grade, and days roll over: look
    // again every 30 seconds. The interval stops when the widget unmounts.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            let timer = platform::every(30_000, move || send.emit(Msg::Tick(platform::now())));
            move || drop(timer)
        });
    }

    let borrowed = model.borrow();
    match borrowed.as_ref() {
        Ok(m) => view(
            m,
            &send,
            (&focus, &prep_focus),
            &props.problems,
            props.config.theme,
            &props.links_base,
        ),
        Err(BootError::DamagedLink(reason)) => damaged_link(reason, props.config.theme),
        Err(BootError::Broken(problem)) => html! {
            <section class="idrill" aria-label="Interview Drill">
                <p role="alert">{ problem.clone() }</p>
            </section>
        },
    }
}

fn view(
    m: &Model,
    send: &Callback<Msg>,
    (focus, prep_focus): (&FocusTargets, &PrepFocus),
    problems: &[String],
    theme: Theme,
    links_base: &str,
) -> Html {
    let deck = &m.deck;
    let label = m.label();
    let onkeydown = {
        let send = send.clone();
        let practising = m.section == Section::Practice && m.current.is_some();
        let revealed = m.revealed;
        let can_undo = m.can_undo() && m.section == Section::Practice;
        move |event: KeyboardEvent| {
            let msg = match shortcut(&event) {
                Some(Shortcut::Reveal) if practising && !revealed => Msg::Reveal,
                Some(Shortcut::Grade(grade)) if practising && revealed => {
                    Msg::Grade(grade, platform::now())
                }
                Some(Shortcut::Undo) if can_undo => Msg::Undo,
                _ => return,
            };
            event.prevent_default();
            send.emit(msg);
        }
    };
    let body = match m.section {
        Section::Practice => practice(m, send, focus, (links_base, &label)),
        Section::Mock => mock_section(m, &prep_focus.mock, links_base, send),
        Section::Plan => plan_view(m, &prep_focus.templates, send),
        Section::Stats => stats_view(m),
        Section::Settings => settings_view(m, send),
        Section::Decks => my_decks_view(m, send, links_base),
    };
    html! {
        <section class={classes!("idrill", theme.class())} aria-label={format!("Interview Drill: {label}")} tabindex="-1" {onkeydown}>
            if !problems.is_empty() {
                <div class="idrill-config-problems" role="note" aria-label="Embed settings">
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                </div>
            }
            if let Some(n) = &m.notice { { notice(n, send) } }
            { intro(deck) }
            { nav(m.section, m.follows_links, &label, send) }
            { body }
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ m.announcement.clone() }</p>
        </section>
    }
}

/// `label` names the widget's landmarks (`Model::label`).
fn practice(
    m: &Model,
    send: &Callback<Msg>,
    focus: &FocusTargets,
    (links_base, label): (&str, &str),
) -> Html {
    let deck = &m.deck;
    let now = platform::now();
    let main = match (m.current, m.current()) {
        (Some(_), Some(question)) => card(
            &CardView {
                question,
                topic_title: deck.topic_title(&question.topic),
                remaining: m.remaining(),
                revealed: m.revealed,
                intervals: m.grade_intervals(now),
                can_undo: m.can_undo(),
                attempt: &m.attempt,
                mode: m.drill_mode,
                id_prefix: &format!("idrill-{}", m.writer()),
                share: share_question(m, question, links_base),
                share_note: m.share_note.as_deref(),
            },
            focus,
            send,
        ),
        _ => html! {
            <>
                { done(m, send) }
                if m.can_undo() {
                    <p><button type="button" class="idrill-quiet" onclick={send.reform(|_| Msg::Undo)}>{ "Undo last grade" }</button></p>
                }
            </>
        },
    };
    html! {
        <>
            { shared_banner(m, send) }
            { topic_filter(deck, m.topic.as_deref(), &format!("idrill-topic-{}", m.writer()), send) }
            { progress_line(&m.progress_line(now), deck.questions.len(), label) }
            { mode_bar(m, send) }
            <p class="idrill-share">
                { share_drill(m, links_base, send) }
                if m.current.is_none() { if let Some(note) = &m.share_note { <span>{ note.clone() }</span> } }
            </p>
            { main }
        </>
    }
}

/// Where focus goes after the learner's action.
#[derive(Clone, Copy, PartialEq)]
enum FocusTo {
    /// The next step of the drill: "Show answer", the answer box or the model answer.
    Flow,
    Feedback,
    AloudStop,
    Checklist,
    FollowUp,
    /// The heading of the mock section's screen.
    Mock,
    /// The first field of a plan template.
    Template(TemplateKind),
}

/// Only the learner's own steps move focus; typing and ticking never do.
fn focus_after(msg: &Msg) -> Option<FocusTo> {
    match msg {
        Msg::Reveal
        | Msg::Grade(..)
        | Msg::Undo
        | Msg::StartCram { .. }
        | Msg::BackToToday(_)
        | Msg::DrillFirst(..)
        | Msg::PracticeTopics { .. } => Some(FocusTo::Flow),
        Msg::Mock(MockMsg::Prepare(_)) => Some(FocusTo::Mock),
        Msg::OpenTemplate(kind) => Some(FocusTo::Template(*kind)),
        Msg::Answer(AnswerMsg::Check) => Some(FocusTo::Feedback),
        Msg::Answer(AnswerMsg::StartAloud(_)) => Some(FocusTo::AloudStop),
        Msg::Answer(AnswerMsg::StopAloud(_)) => Some(FocusTo::Checklist),
        Msg::Answer(
            AnswerMsg::StartFollowUps | AnswerMsg::NextFollowUp | AnswerMsg::StopFollowUps,
        ) => Some(FocusTo::FollowUp),
        _ => None,
    }
}
