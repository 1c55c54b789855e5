//! Statistics: cards per topic and state, recall now, streak, and a 7-day forecast.

use yew::prelude::*;

use crate::core::answer_note::coach_figures;
use crate::core::schedule::percent;
use crate::core::session::Model;
use crate::core::stats::{stats, FORECAST_DAYS};
use crate::core::time::Moment;

pub fn stats_view(m: &Model, now: Moment) -> Html {
    let s = stats(&m.deck, &m.states, &m.data.progress, &m.params(), now);
    let coach = coach_figures(&m.data.ledger.notes, &m.data.progress, &m.deck.id);
    let busiest = s.forecast.iter().copied().max().unwrap_or(0).max(1);
    html! {
        <section class="idrill-stats" aria-labelledby="idrill-stats-title">
            <h3 id="idrill-stats-title">{ "Statistics" }</h3>
            <p>
                { format!("Reviews today: {}. ", s.reviews_today) }
                { format!("Streak: {} day{}.", s.streak_days, if s.streak_days == 1 { "" } else { "s" }) }
            </p>
            <div class="idrill-table-wrap" tabindex="0" role="region" aria-label="Cards by topic">
                <table>
                    <caption>{ "Cards by topic" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Topic" }</th><th scope="col">{ "New" }</th>
                        <th scope="col">{ "Learning" }</th><th scope="col">{ "Review" }</th>
                        <th scope="col">{ "Recall now" }</th>
                    </tr></thead>
                    <tbody>
                        { for s.topics.iter().map(|t| html! {
                            <tr>
                                <th scope="row">{ t.title.clone() }</th>
                                <td>{ t.new }</td><td>{ t.learning }</td><td>{ t.review }</td>
                                <td>{ t.average_recall.map_or("–".to_string(), |r| format!("{}%", percent(r))) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h4 id="idrill-forecast-title">{ "Due in the next 7 days" }</h4>
            <ol class="idrill-forecast" aria-labelledby="idrill-forecast-title">
                { for s.forecast.iter().enumerate().map(|(day, &count)| {
                    let name = match day { 0 => "Today".to_string(), 1 => "Tomorrow".to_string(), d => format!("In {d} days") };
                    // Bar lengths in tenths of the busiest day, so no inline style is needed.
                    let tenths = (count * 10).div_ceil(busiest);
                    html! {
                        <li>
                            <span class="idrill-forecast-day">{ name }</span>
                            <span class={format!("idrill-bar idrill-bar-{tenths}")} aria-hidden="true"></span>
                            <span class="idrill-forecast-count">{ format!("{count} card{}", if count == 1 { "" } else { "s" }) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="idrill-how">{ format!("Today includes overdue cards. {} days shown.", FORECAST_DAYS) }</p>
            <h4>{ "Answers and follow-ups" }</h4>
            <ul>
                <li>{ format!("Typed answers checked: {}. Said aloud: {}.", coach.typed, coach.aloud) }</li>
                <li>{ format!(
                    "Suggested grades you changed: {} of {} ({} up, {} down).",
                    coach.overridden, coach.suggested, coach.overridden_up, coach.overridden - coach.overridden_up
                ) }</li>
                <li>{ format!("Follow-ups answered: {} of {} reached.", coach.follow_ups_answered, coach.follow_ups_reached) }</li>
            </ul>
        </section>
    }
}
