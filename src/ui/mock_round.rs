//! The mock round on screen: the question, its countdown, the answer (typed,
//! or a checklist for an answer said aloud), one follow-up, pause and resume.
//! Every control names the question it is for, so nothing typed after a
//! time-out lands in the next answer.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::bank::{difficulty_label, ConcernKind, Deck};
use crate::core::mock::{format_clock, AnswerStyle, Round, RoundMsg, FOLLOW_UP_MS};
use crate::core::session::{MockMsg, Msg};
use crate::core::time::Moment;
use crate::ui::intent::Sender;
use crate::ui::rich_text::line;

fn round_msg(msg: RoundMsg) -> Msg {
    Msg::Mock(MockMsg::Round(msg))
}

pub fn mock_round(
    deck: &Deck,
    round: &Round,
    now: Moment,
    ids: &str,
    heading: &NodeRef,
    send: &Sender,
) -> Html {
    let index = round.current;
    let (Some(item), Some(question)) = (
        round.current_item(),
        round
            .current_item()
            .and_then(|i| deck.question(&i.question)),
    ) else {
        return Html::default();
    };
    let left = round.remaining_ms(now);
    let paused = round.is_paused();
    let warning = round.in_last_minute(now);
    let last = round.on_last_question();
    let answer_id = format!("{ids}-mock-answer-{index}");
    let answer = match round.setup.style {
        AnswerStyle::Typed => {
            let oninput = send.to(move |event: InputEvent| {
                let text = event
                    .target_dyn_into::<HtmlTextAreaElement>()
                    .map(|t| t.value())
                    .unwrap_or_default();
                round_msg(RoundMsg::Type { index, text })
            });
            html! {
                <div class="idrill-answer-box" key={answer_id.clone()}>
                    <label for={answer_id.clone()}>{ "Your answer" }</label>
                    <textarea id={answer_id.clone()} rows="6" value={item.answer.clone()} {oninput}
                        readonly={paused} spellcheck="true" />
                </div>
            }
        }
        AnswerStyle::Aloud => {
            let check = |label: String, checked: bool, msg: fn(usize, bool) -> RoundMsg| {
                let onchange = send.to(move |event: Event| {
                    let on = event
                        .target_dyn_into::<HtmlInputElement>()
                        .is_some_and(|i| i.checked());
                    round_msg(msg(index, on))
                });
                html! {
                    <label class="idrill-topic">
                        <input type="checkbox" {checked} disabled={paused} {onchange} />
                        <span>{ label }</span>
                    </label>
                }
            };
            html! {
                <div key={answer_id.clone()}>
                    <p>{ "Answer aloud now, as if to the interviewer: narrate your assumptions first." }</p>
                    <details class="idrill-checklist-box">
                        <summary>{ "When you have answered: tick what you covered" }</summary>
                        <fieldset class="idrill-checklist">
                            <legend>{ "Tick honestly" }</legend>
                            { for question.key_points.iter().enumerate().map(|(point, k)| {
                                let checked = item.checked.get(point).copied().unwrap_or(false);
                                let onchange = send.to(move |event: Event| {
                                    let on = event.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                                    round_msg(RoundMsg::Check { index, point, on })
                                });
                                html! {
                                    <label class="idrill-topic">
                                        <input type="checkbox" {checked} disabled={paused} {onchange} />
                                        <span>{ k.label.clone() }</span>
                                    </label>
                                }
                            }) }
                            if !question.is_story() {
                                { check("I named a failure mode".into(), item.named_failure,
                                    |index, on| RoundMsg::Named { index, kind: ConcernKind::Failure, on }) }
                                { check("I named an operational trade-off".into(), item.named_trade_off,
                                    |index, on| RoundMsg::Named { index, kind: ConcernKind::TradeOff, on }) }
                            }
                        </fieldset>
                    </details>
                </div>
            }
        }
    };
    let follow_up = match &item.follow_up {
        Some(asked) => {
            let prompt = question.follow_ups.get(asked.index);
            let fu_id = format!("{ids}-mock-follow-{index}");
            html! {
                <section class="idrill-chain" aria-labelledby={format!("{fu_id}-title")} key={fu_id.clone()}>
                    <h4 id={format!("{fu_id}-title")}>{ "The interviewer follows up" }</h4>
                    if let Some(f) = prompt { <p class="idrill-follow-prompt">{ line(&f.prompt) }</p> }
                    if round.setup.style == AnswerStyle::Typed {
                        <div class="idrill-answer-box">
                            <label for={fu_id.clone()}>{ "Your follow-up answer" }</label>
                            <textarea id={fu_id.clone()} rows="3" value={asked.answer.clone()} readonly={paused}
                                oninput={send.to(move |event: InputEvent| {
                                    let text = event.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
                                    round_msg(RoundMsg::TypeFollowUp { index, text })
                                })} />
                        </div>
                    } else {
                        <label class="idrill-topic">
                            <input type="checkbox" checked={asked.said} disabled={paused}
                                onchange={send.to(move |event: Event| {
                                    let on = event.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                                    round_msg(RoundMsg::SaidFollowUp { index, on })
                                })} />
                            <span>{ "I answered the follow-up aloud" }</span>
                        </label>
                    }
                </section>
            }
        }
        None if item.follow_ups > 0 => html! {
            <button type="button" disabled={paused}
                onclick={send.at(move |_: MouseEvent, now| round_msg(RoundMsg::AskFollowUp { index, choice: None, now }))}>
                { format!("Ask me a follow-up (+{} min)", FOLLOW_UP_MS / 60_000) }
            </button>
        },
        None => Html::default(),
    };
    let heading_id = format!("{ids}-mock-q");
    html! {
        <section class="idrill-mock idrill-card" aria-labelledby={heading_id.clone()}>
            <p class="idrill-meta">
                <span>{ format!("Mock round · question {} of {}", index + 1, round.items.len()) }</span>
                <span>{ deck.topic_title(&question.topic).to_string() }</span>
                <span>{ "Difficulty: " }{ difficulty_label(question.difficulty) }</span>
            </p>
            <h3 id={heading_id} tabindex="-1" ref={heading.clone()}>{ line(&question.prompt) }</h3>
            <p class={classes!("idrill-timer", warning.then_some("idrill-over"))}>
                // role="timer" is not read every second; the warnings are announced.
                <span role="timer" aria-label="Time left">{ format_clock(left) }</span>
                { format!(" left of {}", format_clock(item.limit_ms)) }
                if paused { <strong>{ " · paused" }</strong> }
            </p>
            if warning && !paused {
                <p class="idrill-warn">{ "One minute left: wrap up, and name a failure mode or a trade-off if you have not." }</p>
            }
            if paused {
                <p class="idrill-warn">{ "Paused: the clock is stopped and your answer is kept. Resume to carry on." }</p>
            }
            { answer }
            { follow_up }
            <p class="idrill-actions">
                if paused {
                    <button type="button" class="idrill-primary"
                        onclick={send.at(|_: MouseEvent, now| round_msg(RoundMsg::Resume(now)))}>{ "Resume" }</button>
                } else {
                    <button type="button" class="idrill-primary"
                        onclick={send.at(move |_: MouseEvent, now| round_msg(RoundMsg::Next { index, now }))}>
                        { if last { "Finish the round" } else { "Next question" } }
                    </button>
                    <button type="button" onclick={send.at(|_: MouseEvent, now| round_msg(RoundMsg::Pause(now)))}>{ "Pause" }</button>
                }
                <button type="button" class="idrill-quiet"
                    onclick={send.at(|_: MouseEvent, now| round_msg(RoundMsg::Stop(now)))}>{ "End the round here" }</button>
            </p>
            <p class="idrill-how">{ "Time runs out: your answer so far is kept and the next question starts. Leaving the page keeps the clock running on this question." }</p>
        </section>
    }
}
