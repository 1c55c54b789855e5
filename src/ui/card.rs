//! A question card: the prompt, the learner's answer (recalled, typed and
//! checked, or said aloud), the model answer with the follow-ups, then the
//! four grades with the coach's suggestion marked.
//!
//! `card` is the first paint's: the question and **Show answer**. What
//! follows the question is `card_rest`, which a blog page's guest loads
//! just after its first paint (ARCHITECTURE.md, "The drill part") and
//! hands in as `DrillCode::Here`.

use yew::prelude::*;

use crate::ui::intent::{Intent, Sender};

use crate::core::bank::{difficulty_label, Question};
use crate::core::config::DrillMode;
use crate::core::progress::Grade;
use crate::core::session::{AnswerMsg, Answers, Attempt, DrillMsg, Msg};
use crate::core::time::Moment;
use crate::ui::aloud::aloud_view;
use crate::ui::answer::answer;
use crate::ui::answer_box::{answer_box, feedback_view};
use crate::ui::follow_ups::follow_ups_view;
use crate::ui::progress_line::GRADE_CLASSES;
use crate::ui::rich_text::line;
use crate::ui::share_button::{share_button, Share};

/// Where the card is in the round and what it is about.
pub struct CardView<'a> {
    pub question: &'a Question,
    pub topic_title: &'a str,
    /// Cards left in the queue or round, this one included.
    pub remaining: usize,
    pub revealed: bool,
    /// The interval each grade would give, in today's queue.
    pub intervals: Option<[String; 4]>,
    pub can_undo: bool,
    pub attempt: &'a Attempt,
    pub mode: DrillMode,
    /// Unique per widget, so ids never clash between widgets of one page.
    pub id_prefix: &'a str,
    /// What the card's share button shares.
    pub share: Share,
    /// What happened to the last link shared.
    pub share_note: Option<&'a str>,
    /// Whether the answers have arrived (they load just after the first card).
    pub answers: &'a Answers,
    /// The moment of this render (the speaking timer).
    pub now: Moment,
}

/// What draws the card below its question: the drill part's code.
pub type CardRest = fn(&CardView<'_>, &FocusTargets, &Sender) -> Html;

/// Whether the drill part's code is here.
#[derive(Clone, Copy)]
pub enum DrillCode {
    Here(CardRest),
    Loading,
    /// Its download failed: the card offers to try again.
    Failed,
}

/// The elements that take focus as the drill moves on.
#[derive(Clone, Default, PartialEq)]
pub struct FocusTargets {
    pub reveal: NodeRef,
    pub answer: NodeRef,
    pub answer_box: NodeRef,
    pub feedback: NodeRef,
    pub aloud_stop: NodeRef,
    pub checklist: NodeRef,
    pub follow_up: NodeRef,
}

pub fn card(view: &CardView<'_>, code: DrillCode, focus: &FocusTargets, send: &Sender) -> Html {
    let q = view.question;
    let heading_id = format!("idrill-q-{}", q.id);
    let rest = match code {
        DrillCode::Here(rest) => rest(view, focus, send),
        DrillCode::Loading if view.revealed => html! {
            <p class="idrill-loading" role="status">{ "Loading the answer…" }</p>
        },
        DrillCode::Loading => {
            html! { <p class="idrill-actions">{ reveal_button(view, focus, send) }</p> }
        }
        DrillCode::Failed => html! {
            <div class="idrill-notice" role="alert">
                <p>{ "The rest of the drill could not be downloaded. Check your connection and try again." }</p>
                <p><button type="button" class="idrill-primary" onclick={send.reform(|_| Intent::LoadDrill)}>
                    { "Try again" }
                </button></p>
            </div>
        },
    };
    html! {
        <article class="idrill-card" aria-labelledby={heading_id.clone()}>
            <p class="idrill-meta">
                <span>{ view.remaining.max(1) }{ " to go" }</span>
                <span>{ view.topic_title.to_string() }</span>
                <span>{ "Difficulty: " }{ difficulty_label(q.difficulty) }</span>
                if q.is_story() {
                    <span>{ "Behavioural: tell a story" }</span>
                }
                <span>{ "About " }{ q.minutes }{ " min" }</span>
            </p>
            <h3 id={heading_id}>{ line(&q.prompt) }</h3>
            { rest }
            <p class="idrill-actions idrill-card-foot">
                if view.can_undo {
                    <button type="button" class="idrill-quiet" aria-keyshortcuts="U" onclick={send.to(|_| Msg::Drill(DrillMsg::Undo))}>
                        { "Undo last grade" }
                    </button>
                }
                { share_button("Share question", "Share question", view.share.clone(), send) }
                if let Some(note) = view.share_note { <span>{ note.to_string() }</span> }
            </p>
        </article>
    }
}

/// The card below its question: the learner's answer, then the model
/// answer, the follow-ups and the grades.
pub fn card_rest(view: &CardView<'_>, focus: &FocusTargets, send: &Sender) -> Html {
    let q = view.question;
    let a = view.attempt;
    let suggested = a.suggestion(q).map(|(grade, _)| grade);
    let hint_id = format!("{}-grade-hint", view.id_prefix);
    let feedback = html! {
        if let Some(feedback) = &a.feedback { { feedback_view(feedback, &focus.feedback) } }
    };
    let aloud = html! {
        if let Some(aloud) = &a.aloud {
            { aloud_view(q, aloud, &format!("{}-aloud", view.id_prefix), (&focus.aloud_stop, &focus.checklist), view.now.unix_ms, send) }
        }
    };
    html! {
        <>
            if view.revealed {
                if !a.draft.trim().is_empty() {
                    <h4>{ "Your answer" }</h4>
                    <blockquote class="idrill-own-answer">{ a.draft.clone() }</blockquote>
                }
                { feedback }
                { aloud }
            } else {
                { actions(view, focus, (feedback, aloud), send) }
            }
            if view.revealed {
                { match view.answers {
                    Answers::Here => html! {
                        <>
                            { answer(q, &focus.answer) }
                            { follow_ups_view(q, a.chain.as_ref(), &format!("{}-chain", view.id_prefix), &focus.follow_up, send) }
                        </>
                    },
                    // The answers arrive just after the first card; the live
                    // region says when they are here.
                    Answers::Pending => html! { <p class="idrill-loading" role="status">{ "Loading the answer…" }</p> },
                    Answers::Failed(reason) => html! {
                        <p role="alert">{ format!("The answer could not be loaded ({reason}). Reload the page to try again; your grades are saved.") }</p>
                    },
                } }
                <div class="idrill-grades" role="group" aria-label="How well did you recall it?">
                    { for Grade::ALL.into_iter().map(|grade| {
                        let interval = view.intervals.as_ref().map(|i| i[usize::from(grade.number() - 1)].clone());
                        grade_button(grade, interval, suggested == Some(grade), &hint_id, send)
                    }) }
                </div>
                <p class="idrill-how" id={hint_id}>
                    if let Some(grade) = suggested {
                        { format!("The coach suggests {}; any grade you choose is the one that counts. ", grade.label()) }
                    }
                    { "Hard means you recalled it with effort. If you forgot it, choose Again." }
                </p>
            }
        </>
    }
}

fn reveal_button(view: &CardView<'_>, focus: &FocusTargets, send: &Sender) -> Html {
    let typed = view.mode == DrillMode::Typed;
    html! {
        <button type="button" class={classes!((!typed).then_some("idrill-primary"))} ref={focus.reveal.clone()}
            aria-keyshortcuts="Space Enter" onclick={send.to(|_| Msg::Drill(DrillMsg::Reveal))}>
            { "Show answer" }
        </button>
    }
}

/// Check the typed answer, say it aloud, or just show the answer, each with
/// what it shows (the coach's `feedback`, the `aloud` timer) right after its
/// button. The mode decides which leads: typed, the box and "Check my answer"
/// come first; otherwise "Show answer" comes right under the question, so it
/// is on screen without scrolling, and the box follows with its own button.
fn actions(
    view: &CardView<'_>,
    focus: &FocusTargets,
    (feedback, aloud_view): (Html, Html),
    send: &Sender,
) -> Html {
    let typed = view.mode == DrillMode::Typed;
    let speaking = view.attempt.aloud.as_ref().is_some_and(|a| a.running());
    let answer_box = answer_box(
        &format!("{}-answer", view.id_prefix),
        &view.attempt.draft,
        view.question.is_story(),
        &focus.answer_box,
        send,
    );
    let check = html! {
        <button type="button" class={classes!(typed.then_some("idrill-primary"))}
            onclick={send.to(|_| Msg::Answer(AnswerMsg::Check))}>
            { if view.attempt.feedback.is_some() { "Check again" } else { "Check my answer" } }
        </button>
    };
    let reveal = reveal_button(view, focus, send);
    let aloud = html! {
        if !speaking {
            <button type="button" onclick={send.at(|_, now| Msg::Answer(AnswerMsg::StartAloud(now.unix_ms)))}>
                { "Say it aloud" }
            </button>
        }
    };
    if typed {
        html! {
            <>
                { answer_box }
                <p class="idrill-actions">{ check }{ reveal }{ aloud }</p>
                { feedback }
                { aloud_view }
            </>
        }
    } else {
        html! {
            <>
                <p class="idrill-actions">{ reveal }{ aloud }</p>
                { aloud_view }
                { answer_box }
                <p class="idrill-actions">{ check }</p>
                { feedback }
            </>
        }
    }
}

fn grade_button(
    grade: Grade,
    interval: Option<String>,
    suggested: bool,
    hint_id: &str,
    send: &Sender,
) -> Html {
    let number = grade.number();
    // "Good · 4d": the name says the grade and when the card comes back.
    let label = match &interval {
        Some(i) => format!("{} · {i}", grade.label()),
        None => grade.label().to_string(),
    };
    html! {
        <button type="button" class={classes!(GRADE_CLASSES[usize::from(number - 1)], suggested.then_some("idrill-suggested"))}
            aria-keyshortcuts={number.to_string()} aria-describedby={hint_id.to_string()}
            onclick={send.at(move |_, now| Msg::Drill(DrillMsg::Grade(grade, now)))}>
            <span>{ label }
                if suggested { <small class="idrill-suggestion">{ " (suggested)" }</small> }
            </span>
            <kbd aria-hidden="true">{ number }</kbd>
        </button>
    }
}
