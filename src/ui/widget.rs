//! The drill widget as a view of the model: the notice, the introduction,
//! the sections and the live region. The shell hands in the model, the
//! moment of this render and where the learner's intents go.

use yew::prelude::*;

use crate::core::config::Theme;
use crate::core::session::{DrillMsg, Model, Msg, Section};
use crate::core::time::Moment;
use crate::ui::card::{card, CardView, FocusTargets};
use crate::ui::done::done;
use crate::ui::intent::{Intent, Sender};
use crate::ui::intro::intro;
use crate::ui::keyboard::{shortcut, Shortcut};
use crate::ui::links::{my_decks_view, share_button, shared_banner};
use crate::ui::mock_section::{mock_section, PrepFocus};
use crate::ui::mode_bar::mode_bar;
use crate::ui::nav::nav;
use crate::ui::notice::notice;
use crate::ui::plan_view::plan_view;
use crate::ui::progress_line::progress_line;
use crate::ui::settings::settings_view;
use crate::ui::stats::stats_view;
use crate::ui::topic_filter::topic_filter;

pub struct WidgetView<'a> {
    pub model: &'a Model,
    /// The moment of this render: countdowns, intervals and "due in".
    pub now: Moment,
    pub focus: &'a FocusTargets,
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
    let body = match m.section {
        Section::Practice => practice(v, &label),
        Section::Mock => mock_section(m, v.now, &v.prep_focus.mock, v.links_base, send),
        Section::Plan => plan_view(m, v.now, &v.prep_focus.templates, send),
        Section::Stats => stats_view(m, v.now),
        Section::Settings => settings_view(m, send),
        Section::Decks => my_decks_view(m, send, v.links_base),
    };
    html! {
        <section class={classes!("idrill", v.theme.class())} aria-label={format!("Interview Drill: {label}")} tabindex="-1" {onkeydown}>
            if !v.problems.is_empty() {
                <div class="idrill-config-problems" role="note" aria-label="Embed settings">
                    <ul>{ for v.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                </div>
            }
            if let Some(n) = &m.notice { { notice(n, send) } }
            { intro(&m.deck) }
            { nav(m.section, m.links.follows_links, &label, send) }
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
                share: (
                    format!("{}{}", v.links_base, m.question_share(question)),
                    crate::core::rich::plain_text(&question.prompt),
                ),
                share_note: m.links.share_note.as_deref(),
                now,
            },
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
    let share_label = if m.links.shared.is_some() {
        "Share this deck"
    } else {
        "Share this drill"
    };
    html! {
        <>
            { shared_banner(m, send) }
            { topic_filter(deck, m.drill.topic.as_deref(), &format!("idrill-topic-{}", m.writer()), send) }
            { progress_line(&m.progress_line(now), deck.questions.len(), label) }
            { mode_bar(m, now, send) }
            <p class="idrill-share">
                { share_button(share_label, share_label, format!("{}{}", v.links_base, m.drill_share()), &deck.title, send) }
                if m.drill.current.is_none() { if let Some(note) = &m.links.share_note { <span>{ note.clone() }</span> } }
            </p>
            { main }
        </>
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
