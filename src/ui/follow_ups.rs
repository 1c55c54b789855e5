//! "The interviewer follows up": the question's follow-ups one at a time,
//! answered typed or aloud, each hint shown only on request.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::bank::Question;
use crate::core::session::{AnswerMsg, Chain, Msg};
use crate::ui::rich_text::line;

pub fn follow_ups_view(
    question: &Question,
    chain: Option<&Chain>,
    id: &str,
    prompt_ref: &NodeRef,
    send: &Sender,
) -> Html {
    let total = question.follow_ups.len();
    if total == 0 {
        return Html::default();
    }
    let answer = |msg: AnswerMsg| {
        let msg = Msg::Answer(msg);
        send.to(move |_: MouseEvent| msg.clone())
    };
    let body = match chain {
        None => html! {
            <>
                <p>{ format!("{total} follow-up question{} a real interviewer would ask next, one at a time.", if total == 1 { "" } else { "s" }) }</p>
                <button type="button" onclick={answer(AnswerMsg::StartFollowUps)}>{ "Take the follow-ups" }</button>
            </>
        },
        Some(c) if c.finished => html! {
            <>
                <p tabindex="-1" ref={prompt_ref.clone()}>
                    { format!("You answered {} of the {} follow-ups you reached.", c.answered_count(), c.reached()) }
                </p>
                <ol class="idrill-follow-ups">
                    { for question.follow_ups.iter().map(|f| html! {
                        <li>
                            <p>{ line(&f.prompt) }</p>
                            <details><summary>{ "Hint" }</summary><p>{ line(&f.hint) }</p></details>
                        </li>
                    }) }
                </ol>
            </>
        },
        Some(c) => {
            let follow_up = &question.follow_ups[c.index.min(total - 1)];
            let box_id = format!("{id}-answer");
            let hint_id = format!("{id}-hint");
            let last = c.index + 1 >= total;
            let on_draft = send.to(|event: InputEvent| {
                let text = event
                    .target_dyn_into::<HtmlTextAreaElement>()
                    .map(|t| t.value())
                    .unwrap_or_default();
                Msg::Answer(AnswerMsg::FollowUpDraft(text))
            });
            let on_aloud = send.to(|event: Event| {
                let said = event
                    .target_dyn_into::<HtmlInputElement>()
                    .is_some_and(|i| i.checked());
                Msg::Answer(AnswerMsg::FollowUpSaidAloud(said))
            });
            html! {
                <>
                    <p class="idrill-meta">{ format!("Follow-up {} of {total}", c.index + 1) }</p>
                    <p class="idrill-follow-prompt" tabindex="-1" ref={prompt_ref.clone()}>{ line(&follow_up.prompt) }</p>
                    <div class="idrill-answer-box">
                        <label for={box_id.clone()}>{ "Your answer to the follow-up" }</label>
                        <textarea id={box_id} rows="3" value={c.draft.clone()} oninput={on_draft} />
                    </div>
                    <label class="idrill-topic">
                        <input type="checkbox" checked={c.said_aloud} onchange={on_aloud} />
                        <span>{ "I answered it aloud" }</span>
                    </label>
                    <p class="idrill-actions">
                        // One toggle that stays put, so keyboard focus is never lost.
                        <button type="button" aria-expanded={c.hint_shown.to_string()} aria-controls={hint_id.clone()}
                            onclick={answer(AnswerMsg::ToggleHint)}>{ "Show hint" }</button>
                        <button type="button" class="idrill-primary" onclick={answer(AnswerMsg::NextFollowUp)}>
                            { if last { "Finish follow-ups" } else { "Next follow-up" } }
                        </button>
                        if !last {
                            <button type="button" class="idrill-quiet" onclick={answer(AnswerMsg::StopFollowUps)}>{ "Stop here" }</button>
                        }
                    </p>
                    <p class="idrill-hint" id={hint_id} hidden={!c.hint_shown}>
                        <strong>{ "Hint: " }</strong>{ line(&follow_up.hint) }
                    </p>
                </>
            }
        }
    };
    html! {
        <section class="idrill-chain" aria-labelledby={format!("{id}-title")}>
            <h4 id={format!("{id}-title")}>{ "The interviewer follows up" }</h4>
            { body }
        </section>
    }
}
