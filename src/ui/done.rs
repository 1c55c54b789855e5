//! The end of today's queue, or of a round of extra practice, with the way on.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::schedule::describe_wait;
use crate::core::session::{DrillMsg, Mode, Model, Msg};
use crate::core::time::Moment;

pub fn done(m: &Model, now: Moment, send: &Sender) -> Html {
    let (title, detail) = match m.drill.mode {
        _ if m.limit_reached() => (
            "Done for now",
            format!(
                "You answered the {} questions of this drill.",
                m.drill.graded
            ),
        ),
        Mode::Today => {
            let next = match m.next_due() {
                Some(due) => format!("The next card is due {}.", describe_wait(now, due)),
                None => "New cards come tomorrow.".to_string(),
            };
            (
                "Done for today",
                format!("Nothing of {} is due now. {next}", m.scope()),
            )
        }
        Mode::Cram { .. } => (
            "Extra practice round complete",
            format!(
                "You went through every matching card of {}. Your schedule is unchanged.",
                m.scope()
            ),
        ),
    };
    html! {
        <section class="idrill-done" aria-labelledby="idrill-done-title">
            <h3 id="idrill-done-title">{ title }</h3>
            <p>{ detail }</p>
            { cram_form(m, send) }
            if m.drill.mode != Mode::Today {
                <button type="button" onclick={send.at(|_, now| Msg::Drill(DrillMsg::BackToToday(now)))}>
                    { "Back to today's queue" }
                </button>
            }
        </section>
    }
}

/// Starts extra practice on the chosen topic, with an optional difficulty.
fn cram_form(m: &Model, send: &Sender) -> Html {
    let select = NodeRef::default();
    let onsubmit = {
        let select = select.clone();
        send.at(move |event: SubmitEvent, now| {
            event.prevent_default();
            let difficulty = select
                .cast::<HtmlSelectElement>()
                .and_then(|s| s.value().parse::<u8>().ok());
            Msg::Drill(DrillMsg::StartCram { difficulty, now })
        })
    };
    let id = format!("idrill-cram-difficulty-{}", m.writer());
    html! {
        <form class="idrill-cram-form" {onsubmit}>
            <label for={id.clone()}>{ "Difficulty" }</label>
            <select id={id} ref={select}>
                <option value="" selected=true>{ "Any" }</option>
                <option value="1">{ "Warm-up" }</option>
                <option value="2">{ "Core" }</option>
                <option value="3">{ "Senior" }</option>
            </select>
            <button type="submit" class="idrill-primary">
                { if m.drill.mode == Mode::Today { "Practise extra" } else { "Practise again" } }
            </button>
            <span class="idrill-how">{ "Extra practice does not change your schedule." }</span>
        </form>
    }
}
