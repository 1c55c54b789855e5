//! The deck builder's shell: the props that connect `ui::builder` to the
//! runtime. The deck kept on an earlier visit is read through `Storage`,
//! each change is kept through it (a failure is answered, and shown), the
//! link is copied to the clipboard, and the preview drill runs on a store of
//! its own. Plain callbacks made once at mount, not a component: each Yew
//! component type costs the page code.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::bank::Deck;
use crate::core::config::Config;
use crate::core::stored::Write;
use crate::decks;
use crate::shell::app::{App, DeckHandle, StoreHandle};
use crate::storage::store::{MemoryStore, Store};
use crate::storage::sync::Lock;
use crate::storage::Storage;
use crate::ui::builder::BuilderProps;
use crate::web::platform;

/// Who writes, among the writers of the store; only progress needs one.
const WRITER: &str = "builder";

/// `store` is the practice page's; `storage_problem` says why it is only
/// in memory, in which case no deck is kept past this visit and the builder
/// says so on the first change.
pub fn builder_props(
    base: AttrValue,
    store: Rc<dyn Store>,
    storage_problem: Option<String>,
) -> BuilderProps {
    let storage = Storage::new(store, &Config::default().namespace, WRITER);
    let kept = storage.builder_deck();
    let on_keep = Callback::from(move |text: String| match &storage_problem {
        Some(why) => Some(why.clone()),
        None => storage
            .write(
                &Write::BuilderDeck(text),
                platform::now().unix_ms,
                Lock::Missing,
            )
            .err()
            .map(|e| e.reason),
    });
    // The preview keeps its own progress: trying a deck must not touch yours.
    let preview_store = StoreHandle(Rc::new(MemoryStore::default()));
    let preview = Callback::from(move |deck: Rc<Deck>| {
        // A new deck starts a new drill.
        let key = deck.id.clone();
        html! {
            <App {key} config={Config::default()} deck={Some(DeckHandle(deck))}
                store={preview_store.clone()} />
        }
    });
    BuilderProps {
        base,
        bank: Rc::new(decks::find("backend")),
        kept,
        on_keep,
        on_copy: copy(),
        preview,
    }
}

/// Copies text to the clipboard and answers whether it worked.
pub fn copy() -> Callback<(String, Callback<bool>)> {
    Callback::from(|(text, done): (String, Callback<bool>)| {
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(platform::copy_text(&text).await.is_ok());
        });
    })
}
