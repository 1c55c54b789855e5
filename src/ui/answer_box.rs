//! The typed answer: a multi-line box, and the coach's feedback on it, shown
//! before the model answer.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::coach::{ClaimCheck, Feedback, LIST_OF_TERMS};
use crate::core::schedule::percent;
use crate::core::session::{describe, AnswerMsg, Msg};
use crate::ui::rich_text;

/// The answer box. `id` is unique per widget, so several can share a page.
/// A story (`story`, a behavioural prompt) is asked for its structure, not
/// for failure modes.
pub fn answer_box(id: &str, draft: &str, story: bool, box_ref: &NodeRef, send: &Sender) -> Html {
    let hint_id = format!("{id}-rule");
    let oninput = send.to(|event: InputEvent| {
        let text = event
            .target_dyn_into::<HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default();
        Msg::Answer(AnswerMsg::Draft(text))
    });
    // Ctrl+Enter (⌘+Enter) checks without leaving the box, as in chat apps.
    let onkeydown = {
        let send = send.clone();
        move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                send.msg(Msg::Answer(AnswerMsg::Check));
            }
        }
    };
    html! {
        <div class="idrill-answer-box">
            <label for={id.to_string()}>{ "Your answer" }</label>
            <textarea id={id.to_string()} rows="3" value={draft.to_string()} {oninput} {onkeydown}
                ref={box_ref.clone()} aria-describedby={hint_id.clone()} aria-keyshortcuts="Control+Enter Meta+Enter" spellcheck="true" />
            <p class="idrill-how" id={hint_id}>
                { if story {
                    "Tell it as you would in the interview: the situation, what you did, the outcome in numbers and what changed after. Ctrl+Enter checks it."
                } else {
                    "Answer as you would in the interview: name at least one failure mode and one operational trade-off. Ctrl+Enter checks it."
                } }
            </p>
        </div>
    }
}

/// What the coach found: each key point with the words that showed it, the
/// ones missing, the source article's rule, and the suggested grade.
pub fn feedback_view(feedback: &Feedback, heading_ref: &NodeRef) -> Html {
    let covered = feedback
        .points
        .iter()
        .filter(|p| p.matched.is_some())
        .count();
    html! {
        <section class="idrill-feedback" aria-labelledby="idrill-feedback-title">
            <h4 id="idrill-feedback-title" tabindex="-1" ref={heading_ref.clone()}>
                { format!("Coach: {covered} of {} key points, {}% coverage", feedback.points.len(), percent(feedback.coverage)) }
            </h4>
            { flags(feedback) }
            <ul class="idrill-checks">
                { for feedback.points.iter().map(|p| match &p.matched {
                    Some(words) => html! {
                        <li class="idrill-hit">
                            <span class="idrill-mark" aria-hidden="true">{ "✓" }</span>
                            <span><strong>{ "Covered: " }</strong>{ p.label.clone() }
                                <span class="idrill-quote">{ format!(" — you wrote “{words}”") }</span></span>
                        </li>
                    },
                    None => html! {
                        <li class="idrill-miss">
                            <span class="idrill-mark" aria-hidden="true">{ "✗" }</span>
                            <span><strong>{ "Missing: " }</strong>{ p.label.clone() }</span>
                        </li>
                    },
                }) }
            </ul>
            if !feedback.story {
                <ul class="idrill-checks">
                    { rule_line(feedback.names_failure, "Names a failure mode", "Names no failure mode") }
                    { rule_line(feedback.names_trade_off, "Names an operational trade-off", "Names no operational trade-off") }
                </ul>
            }
            <p class="idrill-sr-only">{ describe(feedback) }</p>
            <p><strong>{ format!("Suggested grade: {}.", feedback.suggested.label()) }</strong>
                { " You pick the grade after the model answer; the suggestion never grades for you." }</p>
        </section>
    }
}

/// What the coach holds against the answer, above the key points: a wrong
/// claim with its correction, and a list of terms.
fn flags(feedback: &Feedback) -> Html {
    if feedback.misconceptions.is_empty() && !feedback.reads_as_list {
        return Html::default();
    }
    html! {
        <ul class="idrill-flags">
            { for feedback.misconceptions.iter().map(claim_flag) }
            if feedback.reads_as_list {
                <li class="idrill-flag">
                    <span class="idrill-mark" aria-hidden="true">{ "!" }</span>
                    <span><strong>{ "A list of terms: " }</strong>{ LIST_OF_TERMS }</span>
                </li>
            }
        </ul>
    }
}

fn claim_flag(check: &ClaimCheck) -> Html {
    html! {
        <li class="idrill-flag">
            <span class="idrill-mark" aria-hidden="true">{ "!" }</span>
            <span><strong>{ "Misconception: " }</strong>{ check.claim.clone() }
                <span class="idrill-quote">{ format!(" — you wrote “{}”", check.matched) }</span>
                <br />
                <strong>{ "Correction: " }</strong>{ rich_text::line(&check.correction) }</span>
        </li>
    }
}

fn rule_line(named: bool, yes: &str, no: &str) -> Html {
    html! {
        <li class={if named { "idrill-hit" } else { "idrill-miss" }}>
            <span class="idrill-mark" aria-hidden="true">{ if named { "✓" } else { "✗" } }</span>
            <span>{ if named { yes } else { no } }</span>
        </li>
    }
}
