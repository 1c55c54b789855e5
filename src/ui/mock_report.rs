//! A round's report: per question the time used, the key points covered,
//! whether a failure mode and a trade-off were named, the follow-up; the
//! score, the weakest topic and the questions to drill again.

use yew::prelude::*;

use crate::core::bank::{Deck, Question};
use crate::core::mock::{format_clock, report_line, yes_no, RoundRecord};
use crate::core::session::{DrillMsg, MockMsg, MockState, Msg};
use crate::ui::intent::Sender;
use crate::ui::mock_setup::history_list;
use crate::ui::rich_text::line;

pub fn mock_report(
    deck: &Deck,
    mock: &MockState,
    record: &RoundRecord,
    ids: &str,
    heading: &NodeRef,
    send: &Sender,
) -> Html {
    let report = &record.report;
    let limit = report.limit_ms();
    let weak = report.drill_again.clone();
    let title_id = format!("{ids}-report-title");
    html! {
        <section class="idrill-mock idrill-report" aria-labelledby={title_id.clone()}>
            <h3 id={title_id} tabindex="-1" ref={heading.clone()}>{ "Round report" }</h3>
            <p class="idrill-how">{ report_line(deck, record) }</p>
            <p class="idrill-score">
                <strong>{ format!("Score: {} out of 100", report.score) }</strong>
                { format!(" · time used {} of {}", format_clock(report.used_ms), format_clock(limit)) }
            </p>
            if let Some(topic) = &report.weakest_topic {
                <p>{ "Weakest topic: " }<strong>{ deck.topic_title(topic).to_string() }</strong></p>
            }
            <ol class="idrill-report-questions">
                { for report.questions.iter().map(|q| {
                    let question = deck.question(&q.question);
                    let time = q.time_line();
                    let follow_up = q.follow_up_line();
                    html! {
                        <li>
                            <h4>{ question.map_or_else(|| html! { { q.question.clone() } }, |question| line(&question.prompt)) }</h4>
                            <ul>
                                <li>{ format!("Time used: {time}") }</li>
                                if q.reached {
                                    <li>
                                        { format!("Key points covered: {} of {}", q.covered.len(), q.points) }
                                        if let Some(question) = question {
                                            <ul class="idrill-checks">
                                                { for question.key_points.iter().enumerate().map(|(i, k)| {
                                                    let hit = q.covered.contains(&i);
                                                    html! {
                                                        <li class={if hit { "idrill-hit" } else { "idrill-miss" }}>
                                                            <span class="idrill-mark" aria-hidden="true">{ if hit { "✓" } else { "✗" } }</span>
                                                            <span>{ if hit { "Covered: " } else { "Missing: " } }{ k.label.clone() }</span>
                                                        </li>
                                                    }
                                                }) }
                                            </ul>
                                        }
                                    </li>
                                    if question.is_some_and(Question::is_story) {
                                        <li>{ "A story: judged on its key points, not on failure modes" }</li>
                                    } else {
                                        <li>{ format!("Named a failure mode: {}", yes_no(q.names_failure)) }</li>
                                        <li>{ format!("Named a trade-off: {}", yes_no(q.names_trade_off)) }</li>
                                    }
                                    <li>{ format!("Follow-up: {follow_up}") }</li>
                                    <li>{ format!("Question score: {} · recorded as {}", q.score, q.grade.map_or("–", |g| g.label())) }</li>
                                }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
            <p class="idrill-actions">
                if weak.is_empty() {
                    <span>{ "No answer was graded Again or Hard: nothing to drill again." }</span>
                } else {
                    <button type="button" class="idrill-primary"
                        onclick={send.at(move |_: MouseEvent, now| Msg::Drill(DrillMsg::DrillFirst(weak.clone(), now)))}>
                        { report.drill_again_label() }
                    </button>
                }
                <button type="button" onclick={send.to(|_: MouseEvent| Msg::Mock(MockMsg::NewRound))}>{ "Set up a new round" }</button>
            </p>
            { history_list(deck, &mock.history, mock.report, send) }
        </section>
    }
}
