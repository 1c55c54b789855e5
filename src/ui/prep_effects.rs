//! Carries out what mock rounds and the plan ask to store or offer, through
//! `prep_store` (the rules for unreadable and newer values live there).
//! Failures come back as `Msg::SaveFailed`.

use yew::Callback;

use crate::core::session::{MockMsg, Msg, PrepEffect};
use crate::prep_store;
use crate::ui::effects::Runtime;
use crate::web::{files, platform};

pub fn run(effect: PrepEffect, runtime: &Runtime, send: &Callback<Msg>) {
    let store = runtime.store.as_ref();
    let now_ms = platform::now().unix_ms;
    let result = match effect {
        PrepEffect::SaveRound(text) => prep_store::save_round(store, &text, now_ms),
        PrepEffect::RemoveRound => prep_store::remove_round(store),
        PrepEffect::AddToHistory(record) => prep_store::add_history(store, record, now_ms)
            .map(|history| send.emit(Msg::Mock(MockMsg::HistoryStored(history)))),
        PrepEffect::SavePlan(text) => prep_store::save_plan(store, &text, now_ms),
        PrepEffect::DownloadMarkdown {
            file_name,
            contents,
        } => files::download(&file_name, &contents, "text/markdown")
            .map_err(|reason| format!("the notes could not be downloaded ({reason})")),
    };
    if let Err(reason) = result {
        send.emit(Msg::SaveFailed {
            reason,
            full: false,
        });
    }
}
