//! The embed code generator's shell: the props that connect
//! `ui::generator` to the runtime (copying the snippet, the preview drill on
//! a store of its own). Plain callbacks made once at mount, not a component.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::Config;
use crate::core::snippet::{snippet, SnippetKind};
use crate::shell::app::{App, StoreHandle};
use crate::shell::builder::copy;
use crate::storage::store::MemoryStore;
use crate::ui::generator::GeneratorProps;

pub fn generator_props(base: AttrValue) -> GeneratorProps {
    // The preview keeps its own progress: trying options must not touch yours.
    let store = StoreHandle(Rc::new(MemoryStore::default()));
    let preview = Callback::from(move |config: Config| {
        // New options start a new drill.
        let key = snippet(&config, "", SnippetKind::Script);
        html! { <App {key} {config} store={store.clone()} /> }
    });
    GeneratorProps {
        base,
        on_copy: copy(),
        preview,
    }
}
