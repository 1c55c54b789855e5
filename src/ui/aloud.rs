//! Saying the answer aloud: a visible timer against the question's expected
//! minutes, then a checklist to tick honestly; the ticks suggest the grade.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::bank::Question;
use crate::core::session::{checklist, checklist_grade, clock, Aloud, AnswerMsg, Msg};

pub fn aloud_view(
    question: &Question,
    aloud: &Aloud,
    id: &str,
    targets: (&NodeRef, &NodeRef),
    now_ms: i64,
    send: &Sender,
) -> Html {
    let (stop_ref, checklist_ref) = targets;
    let elapsed = aloud.elapsed_ms(now_ms);
    let expected_ms = i64::from(question.minutes) * 60_000;
    let over = elapsed > expected_ms;
    let timer = html! {
        <p class={classes!("idrill-timer", over.then_some("idrill-over"))}>
            // role="timer" is not announced every second; the stop message is.
            <span role="timer" aria-label="Speaking time">{ clock(elapsed) }</span>
            { format!(" of {}:00", question.minutes) }
            if over { <strong>{ " · over time" }</strong> }
        </p>
    };
    if aloud.running() {
        return html! {
            <section class="idrill-aloud" aria-label="Say it aloud">
                <p>{ "Answer aloud now, as if to the interviewer. Narrate your assumptions." }</p>
                { timer }
                <button type="button" class="idrill-primary" ref={stop_ref.clone()}
                    onclick={send.at(|_, now| Msg::Answer(AnswerMsg::StopAloud(now.unix_ms)))}>
                    { "Stop timer and tick what I covered" }
                </button>
            </section>
        };
    }
    let items = checklist(question);
    let suggested = checklist_grade(question, &aloud.ticks);
    html! {
        <section class="idrill-aloud" aria-labelledby={format!("{id}-title")}>
            <h4 id={format!("{id}-title")} tabindex="-1" ref={checklist_ref.clone()}>{ "What did you cover?" }</h4>
            { timer }
            <fieldset class="idrill-checklist">
                <legend>{ "Tick honestly: key points, then failure modes and trade-offs" }</legend>
                { for items.iter().enumerate().map(|(i, label)| {
                    let checked = aloud.ticks.get(i).copied().unwrap_or(false);
                    html! {
                        <label class="idrill-topic">
                            <input type="checkbox" {checked}
                                onchange={send.to(move |_| Msg::Answer(AnswerMsg::Tick(i)))} />
                            <span>{ label.clone() }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <p><strong>{ format!("Suggested grade: {}.", suggested.label()) }</strong>
                { " You pick the grade after the model answer." }</p>
        </section>
    }
}
