//! Mounting a widget into an element, with its own store.

use std::rc::Rc;

use web_sys::Element;

use crate::core::config::Config;
use crate::store::{MemoryStore, Store};
use crate::ui::app::{App, AppProps, StoreHandle};
use crate::web::local_store::LocalStore;

/// Mounts a widget into `root`. When localStorage cannot be opened the widget
/// still works, from memory, and says so.
pub fn mount(root: Element, config: Config) {
    let (store, storage_problem): (Rc<dyn Store>, Option<String>) =
        match LocalStore::open(&config.namespace) {
            Ok(store) => (Rc::new(store), None),
            Err(e) => (Rc::new(MemoryStore::default()), Some(e.to_string())),
        };
    let props = AppProps {
        config,
        store: StoreHandle(store),
        storage_problem,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Mounts into the element with this id, if the page has it.
pub fn mount_by_id(id: &str, config: Config) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        mount(element, config);
    }
}
