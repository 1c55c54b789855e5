//! The app root: takes its whole configuration as props, boots the core model
//! from the store it is given, and runs the core's effects.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::persist::restore;
use crate::core::session::{update, Effect, Model, Msg, Start};
use crate::decks;
use crate::store::{backup_key, full_key, Store, PROGRESS_KEY};
use crate::ui::card::Card;
use crate::ui::done::Done;
use crate::ui::intro::Intro;
use crate::ui::keyboard::{shortcut, Shortcut};
use crate::ui::notice::NoticeBanner;
use crate::ui::progress_line::ProgressSummary;
use crate::ui::topic_filter::{TopicFilter, TopicOption};
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

#[component]
pub fn App(props: &AppProps) -> Html {
    let model: Shared = use_mut_ref(|| boot(props));
    let focus_turn = use_mut_ref(|| 0u32);
    let redraw = use_force_update();

    let send = {
        let model = model.clone();
        let store = props.store.clone();
        let focus_turn = focus_turn.clone();
        Callback::from(move |msg: Msg| {
            let moves_focus = matches!(msg, Msg::Reveal | Msg::Grade(..) | Msg::NewRound);
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

    let turn = *focus_turn.borrow();
    let borrowed = model.borrow();
    let m = match borrowed.as_ref() {
        Ok(m) => m,
        Err(problem) => {
            return html! {
                <section class="idrill" aria-label="Interview Drill">
                    <p role="alert">{ problem.clone() }</p>
                </section>
            }
        }
    };
    view(m, &send, turn)
}

fn view(m: &Model, send: &Callback<Msg>, focus_turn: u32) -> Html {
    let deck = &m.deck;
    let onkeydown = {
        let send = send.clone();
        let revealed = m.revealed;
        let has_card = m.current().is_some();
        Callback::from(move |event: KeyboardEvent| match shortcut(&event) {
            Some(Shortcut::Reveal) if has_card && !revealed => {
                event.prevent_default();
                send.emit(Msg::Reveal);
            }
            Some(Shortcut::Grade(grade)) if has_card && revealed => {
                event.prevent_default();
                send.emit(Msg::Grade(grade, platform::now()));
            }
            _ => {}
        })
    };
    let options: Vec<TopicOption> = deck
        .topic_counts()
        .into_iter()
        .map(|(topic, count)| TopicOption {
            slug: topic.slug.clone().into(),
            title: topic.title.clone().into(),
            count,
        })
        .collect();
    let scope: AttrValue = m
        .topic
        .as_deref()
        .map_or("all topics".to_string(), |t| {
            deck.topic_title(t).to_string()
        })
        .into();
    let notice = m.notice.as_ref().map(|n| {
        let send = send.clone();
        html! { <NoticeBanner message={n.message()} on_dismiss={Callback::from(move |_| send.emit(Msg::DismissNotice))} /> }
    });
    let main = match m.current() {
        Some(question) => {
            let send_reveal = send.clone();
            let send_grade = send.clone();
            html! {
                <Card question={question.clone()}
                    topic_title={deck.topic_title(&question.topic).to_string()}
                    position={m.position + 1}
                    total={m.queue.len()}
                    revealed={m.revealed}
                    {focus_turn}
                    on_reveal={Callback::from(move |_| send_reveal.emit(Msg::Reveal))}
                    on_grade={Callback::from(move |grade| send_grade.emit(Msg::Grade(grade, platform::now())))} />
            }
        }
        None => {
            let send = send.clone();
            html! { <Done scope={scope.clone()} cards={m.queue.len()} on_again={Callback::from(move |_| send.emit(Msg::NewRound))} /> }
        }
    };
    let on_choose = {
        let send = send.clone();
        Callback::from(move |topic: Option<AttrValue>| {
            send.emit(Msg::ChooseTopic(topic.map(|t| t.to_string())))
        })
    };
    html! {
        <section class="idrill" aria-label="Interview Drill" tabindex="-1" {onkeydown}>
            { for notice }
            <Intro title={deck.title.clone()} description={deck.description.clone()} questions={deck.questions.len()} />
            <TopicFilter group={format!("idrill-topic-{}", m.writer())} {options} total={deck.questions.len()}
                selected={m.topic.clone().map(AttrValue::from)} {on_choose} />
            <ProgressSummary line={m.progress_line(platform::now())} total_cards={deck.questions.len()} />
            { main }
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ m.announcement.clone() }</p>
        </section>
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
    }))
}
