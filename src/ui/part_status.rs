//! What a part of the full build is doing while the learner waits for it:
//! loading (the live region says so too), or failed, with a retry. The drill
//! below keeps working either way.

use yew::prelude::*;

use crate::core::session::Model;
use crate::ui::intent::{Intent, Sender};

pub fn part_status(m: &Model, send: &Sender) -> Html {
    let Some(loading) = &m.loading else {
        return Html::default();
    };
    let part = loading.part;
    match &loading.failed {
        None => html! {
            <p class="idrill-loading" role="status">{ format!("Loading {}…", part.what()) }</p>
        },
        Some(reason) => html! {
            <div class="idrill-notice" role="alert">
                <p>{ format!("Could not load {} ({reason}). The drill below still works.", part.what()) }</p>
                <p><button type="button" class="idrill-primary" onclick={send.reform(move |_| Intent::Upgrade(part))}>
                    { "Try again" }
                </button></p>
            </div>
        },
    }
}
