//! What is being drilled: today's queue, or clearly labelled extra practice.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::session::{DrillMsg, Mode, Model, Msg};
use crate::core::time::Moment;

pub fn mode_bar(m: &Model, now: Moment, send: &Sender) -> Html {
    match m.drill.mode {
        Mode::Today => html! {
            <div class="idrill-mode">
                <p>
                    <strong>{ "Today's queue" }</strong>
                    { format!(" · {} due · {} new · {}", m.due_now(now), m.drill.queue.new.len(), m.scope()) }
                </p>
                <button type="button" class="idrill-quiet"
                    onclick={send.at(|_, now| Msg::Drill(DrillMsg::StartCram { difficulty: None, now }))}>
                    { "Extra practice" }
                </button>
            </div>
        },
        Mode::Cram { difficulty } => html! {
            <div class="idrill-mode idrill-cram" role="note">
                <p>
                    <strong>{ "Extra practice" }</strong>
                    { format!(" · {} · {} · {} left. ", m.scope(), difficulty_name(difficulty), m.drill.cram.len()) }
                    { "These grades are recorded but do not change your schedule." }
                </p>
                <button type="button" class="idrill-quiet" onclick={send.at(|_, now| Msg::Drill(DrillMsg::BackToToday(now)))}>
                    { "Back to today's queue" }
                </button>
            </div>
        },
    }
}

pub fn difficulty_name(difficulty: Option<u8>) -> &'static str {
    match difficulty {
        None => "any difficulty",
        Some(1) => "warm-up",
        Some(2) => "core",
        Some(_) => "senior",
    }
}
