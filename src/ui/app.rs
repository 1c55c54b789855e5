//! The app root: takes its whole configuration as props, boots the core model
//! from the store it is given, and runs the core's effects.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::persist::restore;
use crate::core::session::{update, Effect, Model, Msg, Section, Start};
use crate::decks;
use crate::store::{backup_key, full_key, Store, PROGRESS_KEY};
use crate::ui::card::{card, CardView, FocusTargets};
use crate::ui::done::done;
use crate::ui::intro::intro;
use crate::ui::keyboard::{shortcut, Shortcut};
use crate::ui::mode_bar::mode_bar;
use crate::ui::nav::nav;
use crate::ui::notice::notice;
use crate::ui::progress_line::progress_line;
use crate::ui::settings::settings_view;
use crate::ui::stats::stats_view;
use crate::ui::topic_filter::topic_filter;
use crate::web::platform;

/// A shared store; equal when it is the same store.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<dyn Store>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.0), Rc::as_ptr(&other.0))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
    pub store: StoreHandle,
    /// Set when the shell could not open browser storage and gave a memory store.
    #[prop_or_default]
    pub storage_problem: Option<String>,
}

type Shared = Rc<RefCell<Result<Model, String>>>;

/// The only component: every other part of the UI is a view function of the
/// model, which keeps the bundle small (each component type costs code).
#[component]
pub fn App(props: &AppProps) -> Html {
    let model: Shared = use_mut_ref(|| boot(props));
    let focus_turn = use_mut_ref(|| 0u32);
    let focus = use_memo((), |_| FocusTargets::default());
    let redraw = use_force_update();

    let send = {
        let model = model.clone();
        let store = props.store.clone();
        let focus_turn = focus_turn.clone();
        Callback::from(move |msg: Msg| {
            let moves_focus = matches!(
                msg,
                Msg::Reveal
                    | Msg::Grade(..)
                    | Msg::Undo
                    | Msg::StartCram { .. }
                    | Msg::BackToToday(_)
            );
            let effects = match model.borrow_mut().as_mut() {
                Ok(m) => update(m, msg),
                Err(_) => Vec::new(),
            };
            for effect in effects {
                run_effect(effect, &store, &model);
            }
            if moves_focus {
                *focus_turn.borrow_mut() += 1;
            }
            redraw.force_update();
        })
    };

    // After the learner acts, focus follows the drill: "Show answer" on a new
    // card, the model answer once revealed. Never on first load.
    {
        let focus = focus.clone();
        let revealed = model.borrow().as_ref().is_ok_and(|m| m.revealed);
        use_effect_with(*focus_turn.borrow(), move |turn| {
            if *turn > 0 {
                let target = if revealed {
                    &focus.answer
                } else {
                    &focus.reveal
                };
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
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
        Ok(m) => view(m, &send, &focus),
        Err(problem) => html! {
            <section class="idrill" aria-label="Interview Drill">
                <p role="alert">{ problem.clone() }</p>
            </section>
        },
    }
}

fn view(m: &Model, send: &Callback<Msg>, focus: &FocusTargets) -> Html {
    let deck = &m.deck;
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
        Section::Practice => practice(m, send, focus),
        Section::Stats => stats_view(m),
        Section::Settings => settings_view(m, send),
    };
    html! {
        <section class="idrill" aria-label="Interview Drill" tabindex="-1" {onkeydown}>
            if let Some(n) = &m.notice { { notice(n, send) } }
            { intro(deck) }
            { nav(m.section, send) }
            { body }
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ m.announcement.clone() }</p>
        </section>
    }
}

fn practice(m: &Model, send: &Callback<Msg>, focus: &FocusTargets) -> Html {
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
            { topic_filter(deck, m.topic.as_deref(), &format!("idrill-topic-{}", m.writer()), send) }
            { progress_line(&m.progress_line(now), deck.questions.len()) }
            { mode_bar(m, send) }
            { main }
        </>
    }
}

fn run_effect(effect: Effect, store: &StoreHandle, model: &Shared) {
    match effect {
        Effect::SaveProgress(text) => {
            if let Err(e) = store.0.put(PROGRESS_KEY, &text) {
                if let Ok(m) = model.borrow_mut().as_mut() {
                    update(m, Msg::SaveFailed(e.to_string()));
                }
            }
        }
    }
}

/// Reads stored progress, backs up anything unreadable before it can be
/// overwritten, and starts the core model.
fn boot(props: &AppProps) -> Result<Model, String> {
    let deck = decks::builtin()?
        .into_iter()
        .find(|d| d.id == props.config.deck)
        .ok_or_else(|| format!("There is no deck called \"{}\".", props.config.deck))?;
    let store = &props.store.0;
    let now = platform::now();
    let (raw, storage_problem) = match &props.storage_problem {
        Some(problem) => (None, Some(problem.clone())),
        None => match store.get(PROGRESS_KEY) {
            Ok(raw) => (raw, None),
            Err(e) => (None, Some(e.to_string())),
        },
    };
    let restored = restore(raw.as_deref());
    let backup = restored.backup.as_ref().and_then(|text| {
        let key = backup_key(now.unix_ms);
        store
            .put(&key, text)
            .ok()
            .map(|()| full_key(&props.config.namespace, &key))
    });
    Ok(Model::start(Start {
        deck: Rc::new(deck),
        topic: props.config.topic.clone(),
        restored,
        backup_key: backup,
        writer: platform::writer_id(),
        storage_problem,
        now,
    }))
}
