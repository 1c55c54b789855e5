//! Setting up a mock round: how many questions, which topics, minutes per
//! question (each question's own estimate unless chosen), typed or aloud, and
//! the seed that makes the round reproducible; then the past rounds.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::mock::{
    history_line, parse_seed, preview, AnswerStyle, History, RoundId, RoundSetup, MAX_MINUTES,
    MAX_QUESTIONS,
};
use crate::core::session::{MockMsg, MockState, Msg};
use crate::ui::intent::Sender;

pub fn mock_setup(
    deck: &Deck,
    mock: &MockState,
    ids: &str,
    heading: &NodeRef,
    send: &Sender,
) -> Html {
    let setup = &mock.setup;
    let form = |change: fn(&RoundSetup, &str) -> RoundSetup| {
        let (send, setup) = (send.clone(), setup.clone());
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                send.msg(Msg::Mock(MockMsg::Setup(change(&setup, &input.value()))));
            }
        })
    };
    let on_count = form(RoundSetup::with_questions_text);
    let on_minutes = form(RoundSetup::with_minutes_text);
    let on_seed = send.to(|event: Event| {
        let seed = event
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| parse_seed(&i.value()))
            .unwrap_or_default();
        Msg::Mock(MockMsg::Seed(seed))
    });
    let onsubmit = send.seeded(|event: SubmitEvent, now, seed| {
        event.prevent_default();
        Msg::Mock(MockMsg::Start {
            now,
            next_seed: seed,
        })
    });
    let all: Vec<String> = deck
        .topic_counts()
        .into_iter()
        .map(|(t, _)| t.slug.clone())
        .collect();
    let topic = |slug: &str, title: &str, count: usize| {
        let checked = setup.has_topic(slug);
        let slug = slug.to_string();
        let setup = setup.clone();
        let all = all.clone();
        let onchange =
            send.to(move |_: Event| Msg::Mock(MockMsg::Setup(setup.toggle_topic(&slug, &all))));
        html! {
            <label class="idrill-topic">
                <input type="checkbox" {checked} {onchange} />
                <span>{ format!("{title} ({count})") }</span>
            </label>
        }
    };
    let style = |value: AnswerStyle| {
        let checked = setup.style == value;
        let setup = setup.clone();
        let onchange = send.to(move |_: Event| {
            Msg::Mock(MockMsg::Setup(RoundSetup {
                style: value,
                ..setup.clone()
            }))
        });
        html! {
            <label class="idrill-topic">
                <input type="radio" name={format!("{ids}-style")} {checked}
                    {onchange} />
                <span>{ value.label() }</span>
            </label>
        }
    };
    // What the round will be, from the same seed the core starts it with.
    let round = preview(deck, setup, mock.seed);
    html! {
        <section class="idrill-mock" aria-labelledby={format!("{ids}-setup-title")}>
            <h3 id={format!("{ids}-setup-title")} tabindex="-1" ref={heading.clone()}>{ "Mock round" }</h3>
            <p class="idrill-how">
                { "One question at a time against the clock, as in a real loop. Name a failure mode or an operational trade-off in every answer. The round counts in your review history." }
            </p>
            <form class="idrill-setup" {onsubmit}>
                <p class="idrill-field">
                    <label for={format!("{ids}-count")}>{ "Questions" }</label>
                    <input id={format!("{ids}-count")} type="number" min="1" max={MAX_QUESTIONS.to_string()} step="1"
                        value={setup.questions.to_string()} onchange={on_count} />
                </p>
                <fieldset class="idrill-topics">
                    <legend>{ "Topics" }</legend>
                    { for deck.topic_counts().into_iter().map(|(t, n)| topic(&t.slug, &t.title, n)) }
                </fieldset>
                <p class="idrill-field">
                    <label for={format!("{ids}-minutes")}>{ "Minutes per question" }</label>
                    <input id={format!("{ids}-minutes")} type="number" min="1" max={MAX_MINUTES.to_string()} step="1"
                        aria-describedby={format!("{ids}-minutes-how")}
                        value={setup.minutes.map(|m| m.to_string()).unwrap_or_default()} onchange={on_minutes} />
                    <span class="idrill-how" id={format!("{ids}-minutes-how")}>
                        { round.minutes_hint() }
                    </span>
                </p>
                <fieldset class="idrill-topics">
                    <legend>{ "Answer style" }</legend>
                    { style(AnswerStyle::Typed) }
                    { style(AnswerStyle::Aloud) }
                </fieldset>
                <p class="idrill-field">
                    <label for={format!("{ids}-seed")}>{ "Seed" }</label>
                    <input id={format!("{ids}-seed")} type="number" min="0" step="1" inputmode="numeric"
                        aria-describedby={format!("{ids}-seed-how")} value={mock.seed.to_string()} onchange={on_seed} />
                    <span class="idrill-how" id={format!("{ids}-seed-how")}>
                        { "The same seed and settings ask the same questions in the same order." }
                    </span>
                </p>
                <p>{ round.line() }</p>
                if let Some(problem) = &mock.problem {
                    <p class="idrill-warn" role="alert">{ problem.clone() }</p>
                }
                <button type="submit" class="idrill-primary">{ "Start the round" }</button>
            </form>
            { history_list(deck, &mock.history, mock.report, send) }
        </section>
    }
}

/// Past rounds, newest first, each reopening its report.
pub fn history_list(deck: &Deck, history: &History, open: Option<RoundId>, send: &Sender) -> Html {
    if history.is_empty() {
        return Html::default();
    }
    html! {
        <section class="idrill-history" aria-labelledby="idrill-history-title">
            <h4 id="idrill-history-title">{ "Past rounds" }</h4>
            <ol>
                { for history.rounds().map(|r| {
                    let id = r.id();
                    let current = (open == Some(id)).then_some("true");
                    html! {
                        <li>
                            <button type="button" class="idrill-quiet" aria-current={current}
                                onclick={send.to(move |_: MouseEvent| Msg::Mock(MockMsg::Open(id)))}>
                                { history_line(deck, r) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
