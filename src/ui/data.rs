//! The learner's data: export to a file, import from one, reset.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::intent::{Intent, Sender};

use crate::core::session::{Model, Msg, Saving};

pub fn data_view(m: &Model, send: &Sender) -> Html {
    let import_id = format!("idrill-import-{}", m.writer());
    let onchange = {
        let send = send.clone();
        move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            send.emit(Intent::Import(file));
        }
    };
    let reviews = m.data.progress.reviews().len();
    html! {
        <section class="idrill-data" aria-labelledby="idrill-data-title">
            <h4 id="idrill-data-title">{ "Your data" }</h4>
            <p class="idrill-how">
                { format!("{reviews} reviews are saved in this browser only. Export them to keep a copy or to move to another browser; importing merges, so importing the same file twice changes nothing.") }
            </p>
            <p class="idrill-actions">
                <button type="button" onclick={send.at(|_, now| Msg::Export(now))}>{ "Export progress" }</button>
                <span class="idrill-file">
                    <label for={import_id.clone()}>{ "Import progress" }</label>
                    <input id={import_id} type="file" accept="application/json,.json" {onchange} />
                </span>
                if !m.confirming_reset {
                    <button type="button" disabled={m.saving == Saving::Off} onclick={send.to(|_| Msg::AskReset)}>{ "Reset progress" }</button>
                }
            </p>
            if m.confirming_reset {
                <div class="idrill-confirm" role="alertdialog" aria-labelledby="idrill-reset-q" aria-describedby="idrill-reset-d">
                    <p id="idrill-reset-q"><strong>{ "Remove all progress from this browser?" }</strong></p>
                    <p id="idrill-reset-d">{ format!("This deletes {reviews} reviews and your settings. Export first if you may want them back.") }</p>
                    <p class="idrill-actions">
                        <button type="button" class="idrill-danger" onclick={send.at(|_, now| Msg::ConfirmReset(now))}>{ "Remove everything" }</button>
                        <button type="button" onclick={send.to(|_| Msg::CancelReset)}>{ "Cancel" }</button>
                    </p>
                </div>
            }
        </section>
    }
}
