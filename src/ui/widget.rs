//! The drill widget as a view of the model: the notice, the introduction,
//! the sections and the live region. The shell hands in the model, the
//! moment of this render and where the learner's intents go.

use yew::prelude::*;

use crate::core::config::Theme;
#[cfg(not(feature = "full"))]
use crate::core::session::Part;
use crate::core::session::{DrillMsg, Model, Msg, Section};
use crate::core::time::Moment;
use crate::ui::card::{card, CardView, DrillCode, FocusTargets};
use crate::ui::done::done;
use crate::ui::intent::{Intent, Sender};
use crate::ui::intro::intro;
use crate::ui::keyboard::{shortcut, Shortcut};
#[cfg(feature = "full")]
use crate::ui::links::{my_decks_view, shared_banner};
#[cfg(feature = "full")]
use crate::ui::mock_section::{mock_section, PrepFocus};
use crate::ui::mode_bar::{mode_bar, queue_summary};
use crate::ui::nav::nav;
use crate::ui::notice::notice;
use crate::ui::part_status::part_status;
#[cfg(feature = "full")]
use crate::ui::plan_view::plan_view;
use crate::ui::progress_line::progress_line;
#[cfg(feature = "full")]
use crate::ui::settings::settings_view;
use crate::ui::share_button::{share_button, Share};
#[cfg(feature = "full")]
use crate::ui::stats::stats_view;
use crate::ui::topic_filter::topic_filter;

pub struct WidgetView<'a> {
    pub model: &'a Model,
    /// The moment of this render: countdowns, intervals and "due in".
    pub now: Moment,
    pub focus: &'a FocusTargets,
    /// Whether the card's code below its question is here yet.
    pub code: DrillCode,
    #[cfg(feature = "full")]
    pub prep_focus: &'a PrepFocus,
    /// Messages about the embed's attributes, each already replaced by its default.
    pub problems: &'a [String],
    pub theme: Theme,
    /// The practice page's address without a fragment: shared links open there.
    pub links_base: &'a str,
    pub send: &'a Sender,
}

pub fn widget(v: &WidgetView<'_>) -> Html {
    let m = v.model;
    let send = v.send;
    let label = m.label();
    let onkeydown = {
        let send = send.clone();
        let grade_now = send.at(|grade, now| Msg::Drill(DrillMsg::Grade(grade, now)));
        let practising = m.section == Section::Practice && m.drill.current.is_some();
        let revealed = m.drill.revealed;
        let can_undo = m.can_undo() && m.section == Section::Practice;
        move |event: KeyboardEvent| {
            let intent = match shortcut(&event) {
                Some(Shortcut::Reveal) if practising && !revealed => {
                    Msg::Drill(DrillMsg::Reveal).into()
                }
                Some(Shortcut::Grade(grade)) if practising && revealed => {
                    event.prevent_default();
                    grade_now.emit(grade);
                    return;
                }
                Some(Shortcut::Undo) if can_undo => Msg::Drill(DrillMsg::Undo).into(),
                _ => return,
            };
            event.prevent_default();
            send.emit(intent);
        }
    };
    #[cfg(feature = "full")]
    let (body, with_decks) = (
        match m.section {
            Section::Practice => practice(v, &label),
            Section::Mock => mock_section(m, v.now, &v.prep_focus.mock, v.links_base, send),
            Section::Plan => plan_view(m, v.now, &v.prep_focus.templates, send),
            Section::Stats => stats_view(m, v.now),
            Section::Settings => settings_view(m, send),
            Section::Decks => my_decks_view(m, send, v.links_base),
        },
        m.follows_links,
    );
    // The guest shows only the drill: the other sections are the full
    // build's, which the nav asks for.
    #[cfg(not(feature = "full"))]
    let (body, with_decks) = (practice(v, &label), m.follows_links);
    html! {
        <section class={classes!("idrill", v.theme.class())} aria-label={format!("Interview Drill: {label}")} tabindex="-1" {onkeydown}>
            if !v.problems.is_empty() {
                <div class="idrill-config-problems" role="note" aria-label="Embed settings">
                    <ul>{ for v.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                </div>
            }
            if let Some(n) = &m.notice { { notice(n, send) } }
            { intro(&m.deck) }
            { nav(m.section, with_decks, &label, send) }
            { part_status(m, send) }
            { body }
            <p class="idrill-sr-only" aria-live="polite" aria-atomic="true">{ m.announcement.clone() }</p>
        </section>
    }
}

/// `label` names the widget's landmarks (`Model::label`).
fn practice(v: &WidgetView<'_>, label: &str) -> Html {
    let (m, send, now) = (v.model, v.send, v.now);
    let deck = &m.deck;
    let main = match (m.drill.current, m.current()) {
        (Some(_), Some(question)) => card(
            &CardView {
                question,
                topic_title: deck.topic_title(&question.topic),
                remaining: m.remaining(),
                revealed: m.drill.revealed,
                intervals: m.grade_intervals(now),
                can_undo: m.can_undo(),
                attempt: &m.attempt,
                mode: m.drill.drill_mode,
                id_prefix: &format!("idrill-{}", m.writer()),
                #[cfg(feature = "full")]
                share: Share::Link {
                    url: format!("{}{}", v.links_base, m.question_share(question)),
                    title: crate::core::rich::plain_text(&question.prompt),
                },
                #[cfg(not(feature = "full"))]
                share: Share::Later(Part::ShareQuestion),
                share_note: share_note(m),
                answers: &m.answers,
                now,
            },
            v.code,
            v.focus,
            send,
        ),
        _ => html! {
            <>
                { done(m, now, send) }
                if m.can_undo() {
                    <p><button type="button" class="idrill-quiet" onclick={send.to(|_| Msg::Drill(DrillMsg::Undo))}>{ "Undo last grade" }</button></p>
                }
            </>
        },
    };
    #[cfg(feature = "full")]
    let (share_label, shared, banner) = (
        if m.links.shared.is_some() {
            "Share this deck"
        } else {
            "Share this drill"
        },
        Share::Link {
            url: format!("{}{}", v.links_base, m.drill_share()),
            title: deck.title.clone(),
        },
        shared_banner(m, send),
    );
    #[cfg(not(feature = "full"))]
    let (share_label, shared, banner) = (
        "Share this drill",
        Share::Later(Part::ShareDrill),
        Html::default(),
    );
    html! {
        <>
            { banner }
            <div class="idrill-toolbar">
                { topic_filter(deck, m.drill.topic.as_deref(), &format!("idrill-topic-{}", m.writer()), send) }
                { mode_bar(m, send) }
            </div>
            <div class="idrill-status">
                { queue_summary(m, now) }
                { progress_line(&m.progress_line(now), deck.questions.len(), label) }
            </div>
            { main }
            <p class="idrill-share">
                { share_button(share_label, share_label, shared, send) }
                if m.drill.current.is_none() { if let Some(note) = share_note(m) { <span>{ note.to_string() }</span> } }
            </p>
        </>
    }
}

/// What happened to the last link shared (the guest shares nothing itself).
fn share_note(m: &Model) -> Option<&str> {
    #[cfg(feature = "full")]
    return m.links.share_note.as_deref();
    #[cfg(not(feature = "full"))]
    {
        let _ = m;
        None
    }
}

/// Shown instead of the drill when the page's link cannot be opened. Nothing
/// has been read or written; the way out is the built-in deck.
pub fn damaged_link(reason: &str, theme: Theme, send: &Sender) -> Html {
    html! {
        <section class={classes!("idrill", theme.class())} aria-label="Interview Drill">
            <div class="idrill-notice idrill-damaged" role="alert">
                <h2>{ "This link is damaged" }</h2>
                <p>{ format!("It cannot be opened: {reason}.") }</p>
                <p>{ "Your saved progress is untouched. Ask for the link again, or practise the built-in deck." }</p>
            </div>
            <p><button type="button" class="idrill-primary" onclick={send.reform(|_| Intent::GoTo(None))}>
                { "Open the built-in deck" }
            </button></p>
        </section>
    }
}

/// Shown when the built-in deck itself cannot be read.
pub fn broken(problem: &str) -> Html {
    html! {
        <section class="idrill" aria-label="Interview Drill">
            <p role="alert">{ problem.to_string() }</p>
        </section>
    }
}
