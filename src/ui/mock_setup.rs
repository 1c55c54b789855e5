//! Setting up a mock round: how many questions, which topics, minutes per
//! question (each question's own estimate unless chosen), typed or aloud, and
//! the seed that makes the round reproducible; then the past rounds.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::mock::{
    format_clock, minutes, pick, AnswerStyle, History, RoundRecord, RoundSetup, MAX_MINUTES,
    MAX_QUESTIONS,
};
use crate::core::session::{MockMsg, MockState, Msg};
use crate::web::platform;

pub fn mock_setup(
    deck: &Deck,
    mock: &MockState,
    ids: &str,
    heading: &NodeRef,
    send: &Callback<Msg>,
) -> Html {
    let setup = &mock.setup;
    let form = |change: fn(&mut RoundSetup, &str)| {
        let send = send.clone();
        let setup = setup.clone();
        move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let mut next = setup.clone();
            change(&mut next, &input.value());
            send.emit(Msg::Mock(MockMsg::Setup(next)));
        }
    };
    let on_count = form(|s, v| {
        if let Ok(n) = v.trim().parse::<usize>() {
            s.questions = n.clamp(1, MAX_QUESTIONS);
        }
    });
    let on_minutes = form(|s, v| {
        s.minutes = v.trim().parse::<u8>().ok().map(|m| m.clamp(1, MAX_MINUTES));
    });
    let on_seed = send.reform(|event: Event| {
        let seed = event
            .target_dyn_into::<HtmlInputElement>()
            .and_then(|i| i.value().trim().parse::<u64>().ok())
            .unwrap_or_default();
        Msg::Mock(MockMsg::Seed(seed))
    });
    let onsubmit = send.reform(|event: SubmitEvent| {
        event.prevent_default();
        Msg::Mock(MockMsg::Start {
            now: platform::now(),
            next_seed: platform::seed(),
        })
    });
    let all: Vec<&str> = deck
        .topic_counts()
        .into_iter()
        .map(|(t, _)| t.slug.as_str())
        .collect();
    let topic = |slug: &str, title: &str, count: usize| {
        let checked = setup.topics.is_empty() || setup.topics.iter().any(|t| t == slug);
        let slug = slug.to_string();
        let send = send.clone();
        let setup = setup.clone();
        let all: Vec<String> = all.iter().map(|s| s.to_string()).collect();
        let onchange = move |_| {
            let mut chosen = if setup.topics.is_empty() {
                all.clone()
            } else {
                setup.topics.clone()
            };
            if checked {
                chosen.retain(|t| *t != slug);
            } else {
                chosen.push(slug.clone());
            }
            // Every topic (or none, which cannot ask anything) means all.
            if chosen.len() == all.len() || chosen.is_empty() {
                chosen.clear();
            }
            send.emit(Msg::Mock(MockMsg::Setup(RoundSetup {
                topics: chosen,
                ..setup.clone()
            })));
        };
        html! {
            <label class="idrill-topic">
                <input type="checkbox" {checked} {onchange} />
                <span>{ format!("{title} ({count})") }</span>
            </label>
        }
    };
    let style = |value: AnswerStyle| {
        let send = send.clone();
        let setup = setup.clone();
        html! {
            <label class="idrill-topic">
                <input type="radio" name={format!("{ids}-style")} checked={setup.style == value}
                    onchange={move |_| send.emit(Msg::Mock(MockMsg::Setup(RoundSetup { style: value, ..setup.clone() })))} />
                <span>{ value.label() }</span>
            </label>
        }
    };
    // What the round will be, from the same seed the core starts it with.
    let clamped = setup.clone().clamped();
    let picked: Vec<u8> = pick(deck, &clamped.topics, clamped.questions, mock.seed)
        .into_iter()
        .filter_map(|i| deck.questions.get(i))
        .map(|q| clamped.minutes.unwrap_or(q.minutes).clamp(1, MAX_MINUTES))
        .collect();
    let total: i64 = picked.iter().map(|&m| i64::from(m) * 60_000).sum();
    let (low, high) = (
        picked.iter().min().copied().unwrap_or(0),
        picked.iter().max().copied().unwrap_or(0),
    );
    let own_times = if low == high {
        format!("{low} min")
    } else {
        format!("{low} to {high} min")
    };
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
                        { match setup.minutes {
                            None => format!("Empty: each question's expected time ({own_times} for this round)."),
                            Some(_) => "Empty the box to use each question's expected time.".to_string(),
                        } }
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
                <p>{ format!("This round: {} question{}, {} in all.", picked.len(), if picked.len() == 1 { "" } else { "s" }, minutes(total)) }</p>
                if let Some(problem) = &mock.problem {
                    <p class="idrill-warn" role="alert">{ problem.clone() }</p>
                }
                <button type="submit" class="idrill-primary">{ "Start the round" }</button>
            </form>
            { history_list(deck, &mock.history, mock.report, send) }
        </section>
    }
}

/// "3 questions · all topics · own times · typed".
pub fn setup_summary(deck: &Deck, setup: &RoundSetup) -> String {
    let topics = if setup.topics.is_empty() {
        "all topics".to_string()
    } else {
        setup
            .topics
            .iter()
            .map(|t| deck.topic_title(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let minutes = match setup.minutes {
        None => "expected times".to_string(),
        Some(m) => format!("{m} min each"),
    };
    let style = match setup.style {
        AnswerStyle::Typed => "typed",
        AnswerStyle::Aloud => "aloud",
    };
    format!(
        "{} question{} · {topics} · {minutes} · {style}",
        setup.questions,
        if setup.questions == 1 { "" } else { "s" }
    )
}

/// "Mon 2 Mar, 09:00".
pub fn when(record: &RoundRecord) -> String {
    let local = record
        .started
        .unix_ms
        .saturating_add(i64::from(record.started.utc_offset_minutes) * 60_000);
    let minute = local.rem_euclid(86_400_000) / 60_000;
    format!(
        "{}, {:02}:{:02}",
        crate::core::calendar::short_date(record.day()),
        minute / 60,
        minute % 60
    )
}

/// Past rounds, newest first, each reopening its report.
pub fn history_list(
    deck: &Deck,
    history: &History,
    open: Option<crate::core::mock::RoundId>,
    send: &Callback<Msg>,
) -> Html {
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
                                onclick={send.reform(move |_| Msg::Mock(MockMsg::Open(id)))}>
                                { format!("{} · {} · score {} · {}", when(r), setup_summary(deck, &r.setup), r.report.score, format_clock(r.report.used_ms)) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
