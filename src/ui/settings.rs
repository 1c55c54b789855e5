//! Scheduling settings: desired retention and new cards per day.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::schedule::percent;
use crate::core::session::{Model, Msg};
use crate::core::settings::MAX_NEW_PER_DAY;
use crate::ui::data::data_view;
use crate::web::platform;

pub fn settings_view(m: &Model, send: &Callback<Msg>) -> Html {
    let settings = m.settings();
    let retention_id = format!("idrill-retention-{}", m.writer());
    let new_id = format!("idrill-new-{}", m.writer());
    let on_retention = send.reform(|event: Event| {
        let percent = input_value(&event).unwrap_or(90.0);
        Msg::SetRetention(percent / 100.0, platform::now())
    });
    let on_new = send.reform(|event: Event| {
        let count = input_value(&event).unwrap_or(10.0);
        Msg::SetNewPerDay(
            count.clamp(0.0, f64::from(MAX_NEW_PER_DAY)) as u32,
            platform::now(),
        )
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

fn input_value(event: &Event) -> Option<f64> {
    let input: HtmlInputElement = event.target_dyn_into()?;
    input
        .value()
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}
