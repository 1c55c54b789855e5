//! Scheduling settings: desired retention and new cards per day.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::schedule::percent;
use crate::core::session::{Model, Msg};
use crate::core::settings::MAX_NEW_PER_DAY;
use crate::ui::data::data_view;

pub fn settings_view(m: &Model, send: &Sender) -> Html {
    let settings = m.settings();
    let retention_id = format!("idrill-retention-{}", m.writer());
    let new_id = format!("idrill-new-{}", m.writer());
    let current_percent = percent(settings.desired_retention);
    let on_retention = send.at(move |event: Event, now| {
        let chosen = input_number(&event).unwrap_or(current_percent);
        Msg::SetRetention(f64::from(chosen) / 100.0, now)
    });
    let current_new = settings.new_per_day;
    let on_new = send.at(move |event: Event, now| {
        let count = input_number(&event).unwrap_or(current_new);
        Msg::SetNewPerDay(count.min(MAX_NEW_PER_DAY), now)
    });
    html! {
        <section class="idrill-settings" aria-labelledby="idrill-settings-title">
            <h3 id="idrill-settings-title">{ "Settings" }</h3>
            <p class="idrill-field">
                <label for={retention_id.clone()}>{ "Desired retention (%)" }</label>
                <input id={retention_id} type="number" min="70" max="97" step="1"
                    value={percent(settings.desired_retention).to_string()} onchange={on_retention} />
                <span class="idrill-how">
                    { "The chance of recalling a card when it falls due, from 70% to 97%. Higher means more reviews." }
                </span>
            </p>
            <p class="idrill-field">
                <label for={new_id.clone()}>{ "New cards per day" }</label>
                <input id={new_id} type="number" min="0" max={MAX_NEW_PER_DAY.to_string()} step="1"
                    value={settings.new_per_day.to_string()} onchange={on_new} />
            </p>
            { data_view(m, send) }
        </section>
    }
}

/// The whole number typed into the input. Whole numbers only: the form offers
/// whole percentages, and integer parsing keeps float parsing out of the page.
fn input_number(event: &Event) -> Option<u32> {
    let input: HtmlInputElement = event.target_dyn_into()?;
    input.value().trim().parse::<u32>().ok()
}
