//! The one executor: the core's `Effect`s and the views' `Intent`s, carried
//! out against storage and the browser. Failures come back as messages.

use yew::Callback;

#[cfg(feature = "full")]
use crate::core::session::LinkMsg;
use crate::core::session::{Effect, Msg};
use crate::core::stored::Write;
use crate::storage::sync::Lock;
use crate::storage::{failed, Storage, Written};
use crate::ui::intent::Intent;
use crate::web::address;
#[cfg(feature = "full")]
use crate::web::address::{share_link, Shared};
use crate::web::files;
use crate::web::{bus, locks, platform};

/// Where a widget's values go, and whether it may write at all.
#[derive(Clone)]
pub struct Runtime {
    pub storage: Storage,
}

impl Runtime {
    /// One lock per namespace, shared by every tab of the site.
    fn lock_name(&self) -> String {
        self.storage.full_key("compaction")
    }

    /// Tells the other widgets of this page and other tabs.
    fn publish(&self) {
        bus::publish(self.storage.namespace(), self.storage.writer());
    }
}

/// Carries out one effect.
pub fn run(effect: Effect, runtime: &Runtime, send: &Callback<Msg>) {
    match effect {
        Effect::Store(write) => store(write, runtime, send),
        Effect::Download {
            file_name,
            contents,
            kind,
        } => {
            if let Err(reason) = files::download(&file_name, &contents, kind.mime()) {
                send.emit(Msg::SaveFailed {
                    reason: format!("the {} could not be downloaded ({reason})", kind.what()),
                    full: false,
                });
            }
        }
    }
}

/// Every stored value takes this path. A log that meets a full quota is
/// written again under the Web Lock, where it may compact; a browser without
/// Web Locks keeps the logs as they are and tells the learner storage is
/// full, with the export offer.
fn store(write: Write, runtime: &Runtime, send: &Callback<Msg>) {
    let done = {
        let runtime = runtime.clone();
        let send = send.clone();
        move |written: Written| {
            if written.progress {
                runtime.publish();
            }
            if let Some(reply) = written.reply {
                send.emit(reply);
            }
        }
    };
    match runtime
        .storage
        .write(&write, platform::now().unix_ms, Lock::Missing)
    {
        Ok(written) => done(written),
        Err(error) if error.full && matches!(write, Write::Log(_)) => {
            let storage = runtime.storage.clone();
            let reply = send.clone();
            let under_lock =
                move || match storage.write(&write, platform::now().unix_ms, Lock::Held) {
                    Ok(written) => done(written),
                    Err(error) => reply.emit(failed(error)),
                };
            if locks::with_lock(&runtime.lock_name(), under_lock).is_err() {
                send.emit(failed(error));
            }
        }
        Err(error) => send.emit(failed(error)),
    }
}

/// Folds loose logs into the shared base, under the Web Lock. Browsers
/// without Web Locks skip it: two tabs compacting at once could lose a log.
pub fn compact_in_background(runtime: &Runtime) {
    let runtime = runtime.clone();
    let _ = locks::with_lock(&runtime.lock_name(), move || {
        if runtime.storage.compact() {
            runtime.publish();
        }
    });
}

/// What a view asked for: a message, or something done in the browser.
pub fn intend(intent: Intent, send: &Callback<Msg>) {
    match intent {
        Intent::Msg(msg) => send.emit(msg),
        Intent::GoTo(fragment) => address::go_to(fragment.as_deref()),
        // The app root does these (`shell::parts`, `shell::drill_part`).
        Intent::Upgrade(_) | Intent::LoadDrill => {}
        #[cfg(feature = "full")]
        Intent::Share { url, title } => {
            let send = send.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let note = match share_link(&url, &title).await {
                    Shared::Sheet => "Link shared.".to_string(),
                    Shared::Copied => "Link copied to the clipboard.".to_string(),
                    Shared::Cancelled => return,
                    Shared::Blocked => {
                        format!("Copying is blocked here; copy this link by hand: {url}")
                    }
                };
                send.emit(Msg::Link(LinkMsg::LinkShared(note)));
            });
        }
        #[cfg(feature = "full")]
        Intent::Import(file) => {
            let send = send.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read_text(file).await {
                    Ok(text) => send.emit(Msg::Import(text, platform::now())),
                    Err(reason) => send.emit(Msg::ImportFailed(reason)),
                }
            });
        }
    }
}
