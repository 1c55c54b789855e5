//! What is being drilled: today's queue, or clearly labelled extra practice.

use yew::prelude::*;

use crate::core::session::{Mode, Model, Msg};
use crate::web::platform;

pub fn mode_bar(m: &Model, send: &Callback<Msg>) -> Html {
    match m.mode {
        Mode::Today => html! {
            <div class="idrill-mode">
                <p>
                    <strong>{ "Today's queue" }</strong>
                    { format!(" · {} due · {} new · {}", m.due_now(platform::now()), m.queue.new.len(), m.scope()) }
                </p>
                <button type="button" class="idrill-quiet"
                    onclick={send.reform(|_| Msg::StartCram { difficulty: None, now: platform::now() })}>
                    { "Extra practice" }
                </button>
            </div>
        },
        Mode::Cram { difficulty } => html! {
            <div class="idrill-mode idrill-cram" role="note">
                <p>
                    <strong>{ "Extra practice" }</strong>
                    { format!(" · {} · {} · {} left. ", m.scope(), difficulty_name(difficulty), m.cram.len()) }
                    { "These grades are recorded but do not change your schedule." }
                </p>
                <button type="button" class="idrill-quiet" onclick={send.reform(|_| Msg::BackToToday(platform::now()))}>
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
