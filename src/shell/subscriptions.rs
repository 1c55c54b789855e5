//! Hearing the outside: other widgets of this page (the in-page channel) and
//! other tabs (`storage` events). What was heard is read and sent as a
//! message; nothing is ever written in response.

use yew::Callback;

#[cfg(feature = "full")]
use crate::core::mock::History;
#[cfg(feature = "full")]
use crate::core::session::MockMsg;
use crate::core::session::Msg;
use crate::core::stored::{heard, Heard};
use crate::shell::effects::Runtime;
use crate::web::bus::{self, Subscription};
use crate::web::storage_events::{on_storage_change, StorageListener};

/// Dropping it stops listening.
pub struct Listening {
    _bus: Subscription,
    _storage: Option<StorageListener>,
}

pub fn hear_others(runtime: &Runtime, send: &Callback<Msg>) -> Listening {
    #[cfg(feature = "full")]
    let history = {
        let storage = runtime.storage.clone();
        let send = send.clone();
        move || {
            // Rounds other tabs finished join the history.
            if let Some(history) = storage.history() {
                send.emit(history_stored(history));
            }
        }
    };
    // The guest shows no rounds.
    #[cfg(not(feature = "full"))]
    let history = || {};
    let reload = {
        let storage = runtime.storage.clone();
        let send = send.clone();
        move || {
            if let Some(ledger) = storage.reload() {
                send.emit(Msg::StorageChanged(ledger));
            }
        }
    };
    let storage = &runtime.storage;
    let bus = bus::subscribe(storage.namespace(), storage.writer(), reload.clone());
    let on_key = move |key: Option<&str>| match heard(key) {
        Heard::History => history(),
        Heard::Nothing => {}
        Heard::Progress => {
            reload();
            history();
        }
    };
    Listening {
        _bus: bus,
        _storage: on_storage_change(storage.full_key(""), on_key),
    }
}

#[cfg(feature = "full")]
fn history_stored(history: History) -> Msg {
    Msg::Mock(MockMsg::HistoryStored(history))
}
