//! Mounting a widget into an element, with its own store.

use std::rc::Rc;

use web_sys::Element;
use yew::AppHandle;

use crate::core::ledger::Ledger;
use crate::core::session::Part;
use crate::web::loader::Loader;

use crate::core::config::Config;
use crate::shell::app::{App, AppProps, StoreHandle};
use crate::storage::store::{MemoryStore, Store};
use crate::web::local_store::LocalStore;

/// The browser's store for `namespace`; when localStorage cannot be opened, a
/// store in memory and why, so the widget still works and can say so.
pub fn open_store(namespace: &str) -> (Rc<dyn Store>, Option<String>) {
    match LocalStore::open(namespace) {
        Ok(store) => (Rc::new(store), None),
        Err(e) => (Rc::new(MemoryStore::default()), Some(e.to_string())),
    }
}

/// Mounts a widget into `root`. When localStorage cannot be opened the widget
/// still works, from memory, and says so. `problems` are messages about the
/// embed's attributes, shown inside the widget.
pub fn mount(
    root: Element,
    config: Config,
    problems: Vec<String>,
    links_base: String,
    loader: Option<Loader>,
    (then, carried): (Option<Part>, Option<Ledger>),
) -> AppHandle<App> {
    let (store, storage_problem) = open_store(&config.namespace);
    let props = AppProps {
        config,
        deck: None,
        links_base,
        store: StoreHandle(store),
        storage_problem,
        problems,
        loader,
        then,
        carried,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}
