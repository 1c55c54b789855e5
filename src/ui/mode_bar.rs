//! What is being drilled: today's queue, or clearly labelled extra practice.
//! Today's queue is one short phrase on the status line (`queue_summary`) and
//! an "Extra practice" button beside the topic picker (`mode_bar`); extra
//! practice is a note of its own, with the way back.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::session::{DrillMsg, Mode, Model, Msg};
use crate::core::time::Moment;

/// Beside the topic picker: the way into extra practice, or the note that
/// says it is on and the way back.
pub fn mode_bar(m: &Model, send: &Sender) -> Html {
    match m.drill.mode {
        Mode::Today => html! {
            <button type="button" class="idrill-quiet"
                onclick={send.at(|_, now| Msg::Drill(DrillMsg::StartCram { difficulty: None, now }))}>
                { "Extra practice" }
            </button>
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

/// Today's queue in a phrase, for the status line (nothing in extra practice,
/// whose note says it all). The topic picker beside it names the topic; only
/// a drill link's topics, which the picker cannot show, are named here.
pub fn queue_summary(m: &Model, now: Moment) -> Html {
    let scope = if m.drill.focus_topics.is_empty() {
        String::new()
    } else {
        format!(" · {}", m.scope())
    };
    match m.drill.mode {
        Mode::Today => html! {
            <p class="idrill-mode">
                <strong>{ "Today's queue" }</strong>
                { format!(" · {} due · {} new{scope}", m.due_now(now), m.drill.queue.new.len()) }
            </p>
        },
        Mode::Cram { .. } => Html::default(),
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
