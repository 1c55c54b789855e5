//! "Write your own": one question at a time, every field labelled, each
//! problem from the core shown under its field.

use yew::prelude::*;

use super::fields::{
    described_by, error, input_id, invalid, on_area, on_input, on_select, text_field,
};
use crate::core::bank::{difficulty_label, BUILTIN_TOPICS};
use crate::core::builder::{Action, Builder as Model, Edit, Field, Rows};

const ANSWER_HINT: &str = "idrill-b-answer-hint";
const PHRASES_HINT: &str = "idrill-b-phrases-hint";

pub fn form_view(model: &Model, form_ref: &NodeRef, send: &Callback<Action>) -> Html {
    let d = &model.draft;
    let editing = model.editing.is_some();
    let onsubmit = send.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Submit
    });
    let add = |rows: Rows| send.reform(move |_: MouseEvent| Action::AddRow(rows));
    let remove =
        |rows: Rows, i: usize| send.reform(move |_: MouseEvent| Action::RemoveRow(rows, i));

    let key_points = d.key_points.iter().enumerate().map(|(i, row)| {
        let n = i + 1;
        html! {
            <div class="idrill-b-row" key={format!("kp-{i}")}>
                { text_field(model, Field::KeyPointLabel(i), &format!("Key point {n}"), &row.label, None,
                    on_input(send, move |t| Edit::KeyPointLabel(i, t))) }
                { text_field(model, Field::KeyPointPhrases(i), &format!("Phrases for key point {n}"), &row.phrases,
                    Some(PHRASES_HINT), on_input(send, move |t| Edit::KeyPointPhrases(i, t))) }
                <button type="button" class="idrill-quiet" onclick={remove(Rows::KeyPoints, i)}>{ format!("Remove key point {n}") }</button>
            </div>
        }
    });
    let follow_ups = d.follow_ups.iter().enumerate().map(|(i, row)| {
        let n = i + 1;
        html! {
            <div class="idrill-b-row" key={format!("fu-{i}")}>
                { text_field(model, Field::FollowUpQuestion(i), &format!("Follow-up {n}"), &row.question, None,
                    on_input(send, move |t| Edit::FollowUpQuestion(i, t))) }
                { text_field(model, Field::FollowUpHint(i), &format!("Hint for follow-up {n}"), &row.hint, None,
                    on_input(send, move |t| Edit::FollowUpHint(i, t))) }
                <button type="button" class="idrill-quiet" onclick={remove(Rows::FollowUps, i)}>{ format!("Remove follow-up {n}") }</button>
            </div>
        }
    });
    let concerns = |rows: Rows,
                    texts: &[String],
                    name: &str,
                    field: fn(usize) -> Field,
                    edit: fn(usize, String) -> Edit| {
        texts.iter().enumerate().map(|(i, text)| {
            let n = i + 1;
            html! {
                <div class="idrill-b-row" key={format!("{}", field(i).key())}>
                    { text_field(model, field(i), &format!("{name} {n}"), text, None, on_input(send, move |t| edit(i, t))) }
                    <button type="button" class="idrill-quiet" onclick={remove(rows, i)}>{ format!("Remove {} {n}", name.to_lowercase()) }</button>
                </div>
            }
        }).collect::<Html>()
    };

    html! {
        <section class="idrill-b-part" aria-labelledby="idrill-b-write-title">
            <h3 id="idrill-b-write-title">{ if editing { "Edit your question" } else { "Write your own" } }</h3>
            <form ref={form_ref.clone()} novalidate=true {onsubmit}>
                <div class="idrill-b-line">
                    <span class="idrill-b-field">
                        <label for={input_id(Field::Topic)}>{ "Topic" }</label>
                        <select id={input_id(Field::Topic)} onchange={on_select(send, Edit::Topic)}
                            aria-invalid={invalid(model, Field::Topic)} aria-describedby={described_by(model, Field::Topic, None)}>
                            { for BUILTIN_TOPICS.iter().map(|(slug, title)| html! {
                                <option value={*slug} selected={d.topic == *slug}>{ *title }</option>
                            }) }
                        </select>
                        { error(model, Field::Topic) }
                    </span>
                    <span class="idrill-b-field">
                        <label for={input_id(Field::Difficulty)}>{ "Difficulty" }</label>
                        <select id={input_id(Field::Difficulty)} onchange={on_select(send, Edit::Difficulty)}
                            aria-invalid={invalid(model, Field::Difficulty)} aria-describedby={described_by(model, Field::Difficulty, None)}>
                            { for (1u8..=3).map(|n| html! {
                                <option value={n.to_string()} selected={d.difficulty == n.to_string()}>
                                    { format!("{n}: {}", difficulty_label(n)) }
                                </option>
                            }) }
                        </select>
                        { error(model, Field::Difficulty) }
                    </span>
                    <span class="idrill-b-field">
                        <label for={input_id(Field::Minutes)}>{ "Minutes" }</label>
                        <input id={input_id(Field::Minutes)} type="number" min="1" max="30" inputmode="numeric"
                            value={d.minutes.clone()} oninput={on_input(send, Edit::Minutes)}
                            aria-invalid={invalid(model, Field::Minutes)} aria-describedby={described_by(model, Field::Minutes, None)} />
                        { error(model, Field::Minutes) }
                    </span>
                </div>
                { text_field(model, Field::Prompt, "Question", &d.prompt, None, on_input(send, Edit::Prompt)) }
                <span class="idrill-b-field">
                    <label for={input_id(Field::Answer)}>{ "Model answer" }</label>
                    <textarea id={input_id(Field::Answer)} rows="6" value={d.answer.clone()} oninput={on_area(send, Edit::Answer)}
                        aria-invalid={invalid(model, Field::Answer)} aria-describedby={described_by(model, Field::Answer, Some(ANSWER_HINT))} />
                    <span class="idrill-how" id={ANSWER_HINT}>
                        { "Markdown: a blank line between paragraphs, " }<code>{ "- " }</code>{ " to start a list item, " }
                        <code>{ "`code`" }</code>{ ", " }<code>{ "*emphasis*" }</code>{ ", " }<code>{ "**strong**" }</code>{ " and " }
                        <code>{ "[links](https://…)" }</code>{ ". HTML is shown as text." }
                    </span>
                    { error(model, Field::Answer) }
                </span>
                <fieldset class="idrill-b-group">
                    <legend>{ "Key points (at least one)" }</legend>
                    <p class="idrill-how" id={PHRASES_HINT}>{ "Phrases are the words that show the idea in a typed answer; separate them with |, e.g. idempotency key | dedupe key." }</p>
                    { for key_points }
                    <button type="button" onclick={add(Rows::KeyPoints)}>{ "Add key point" }</button>
                </fieldset>
                <fieldset class="idrill-b-group">
                    <legend>{ "Follow-ups (optional)" }</legend>
                    { for follow_ups }
                    <button type="button" onclick={add(Rows::FollowUps)}>{ "Add follow-up" }</button>
                </fieldset>
                <fieldset class="idrill-b-group">
                    <legend>{ "Failure modes and trade-offs (optional)" }</legend>
                    { concerns(Rows::Failures, &d.failures, "Failure mode", Field::Failure, Edit::Failure) }
                    <button type="button" onclick={add(Rows::Failures)}>{ "Add failure mode" }</button>
                    { concerns(Rows::TradeOffs, &d.trade_offs, "Trade-off", Field::TradeOff, Edit::TradeOff) }
                    <button type="button" onclick={add(Rows::TradeOffs)}>{ "Add trade-off" }</button>
                </fieldset>
                <p class="idrill-actions">
                    <button type="submit" class="idrill-primary">{ if editing { "Save changes" } else { "Add question" } }</button>
                    if editing {
                        <button type="button" onclick={send.reform(|_: MouseEvent| Action::CancelEdit)}>{ "Cancel editing" }</button>
                    }
                </p>
            </form>
        </section>
    }
}
