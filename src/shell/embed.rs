//! The embed entry: `mountWidget(element)`, called by `embed.js` for every
//! `[data-interview-drill]` element on a page.
//!
//! Each widget gets its own open shadow root with the widget stylesheet
//! adopted into it (a constructed stylesheet: no `<style>` element, so a strict
//! `style-src` needs nothing extra), and its own Yew app. Attributes are read
//! over the defaults; a bad one is reported inside the widget, which still
//! works with the default.

use std::cell::RefCell;

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::core::config::from_attributes;
use crate::core::session::Part;
use crate::decks;
use crate::shell::app::App;
use crate::shell::mount::mount;
use crate::web::loader::Loader;

const WIDGET_CSS: &str = include_str!("../ui/widget.css");

thread_local! {
    /// The widgets this module mounted, so the loader can hand one over.
    static MOUNTED: RefCell<Vec<(Element, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget into `host`. A host that already holds a widget is left
/// alone, so a second call (the script included twice) mounts nothing twice.
/// `folder` is where embed.js was loaded from: the practice page there opens
/// the links this widget shares. `loader` is embed.js's own object (the
/// details and the full build come through it); `details` are the decks'
/// details when the loader has them; `then` is what a widget handed over by
/// the guest opens, and `carried` what that guest could not store.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: Element,
    folder: Option<String>,
    loader: JsValue,
    details: Option<Uint8Array>,
    then: Option<String>,
    carried: Option<String>,
) -> Result<(), JsValue> {
    give(details)?;
    let Some(container) = shadow_container(&host)? else {
        return Ok(());
    };
    let attributes = data_attributes(&host);
    let deck_ids = decks::ids();
    let deck_refs: Vec<&str> = deck_ids.iter().map(String::as_str).collect();
    let (config, problems) = from_attributes(&attributes, &deck_refs);
    // A page that follows links shares its own address; an embed on a blog
    // shares the practice page next to embed.js.
    let links_base = if config.follow_links {
        crate::web::address::without_fragment()
    } else {
        format!(
            "{}index.html",
            folder.unwrap_or_else(crate::web::platform::page_folder)
        )
    };
    let loader = Loader::new(host.clone(), loader);
    let then = then.as_deref().and_then(Part::from_name);
    let carried = carried.and_then(|log| crate::core::persist::decode(&log).ok());
    let handle = mount(
        container,
        config,
        problems,
        links_base,
        loader,
        (then, carried),
    );
    MOUNTED.with(|mounted| mounted.borrow_mut().push((host, handle)));
    Ok(())
}

/// Whether this widget's page may hold a link (only the full build reads
/// links): the loader then mounts the full build at once.
#[wasm_bindgen(js_name = needsFull)]
pub fn needs_full(host: Element) -> bool {
    let attributes = data_attributes(&host);
    let (config, _) = from_attributes(&attributes, &[]);
    // A widget that opens on the mock round starts there.
    let opens_round = config.mode == crate::core::config::DrillMode::Mock;
    let may_open_link = config.follow_links
        && crate::web::address::fragment().is_some_and(|f| crate::core::link_hint::may_be_link(&f));
    // A round in progress is resumed where it was.
    use crate::storage::store::Store as _;
    let round_running = crate::web::local_store::LocalStore::open(&config.namespace)
        .ok()
        .and_then(|store| {
            store
                .get(crate::core::stored::others::MOCK_ROUND)
                .ok()
                .flatten()
        })
        .is_some();
    opens_round || may_open_link || round_running
}

/// Unmounts the widget in `host` and empties its shadow root, so the full
/// build can mount there (`mountWidget` reuses an empty shadow root).
/// Returns what the widget added and may not have stored, for the next
/// mount to carry on.
#[wasm_bindgen(js_name = unmountWidget)]
pub fn unmount_widget(host: Element) -> Option<String> {
    let unsaved = crate::shell::parts::unsaved(&host);
    let handle = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let at = mounted.iter().position(|(h, _)| *h == host)?;
        Some(mounted.remove(at).1)
    });
    if let Some(handle) = handle {
        handle.destroy();
    }
    if let Some(shadow) = host.shadow_root() {
        shadow.replace_children_with_node_0();
    }
    unsaved
}

/// Mounts the embed code generator (the practice page's own tool) into `host`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = mountGenerator)]
pub fn mount_generator(host: Element, details: Option<Uint8Array>) -> Result<(), JsValue> {
    give(details)?;
    if let Some(container) = shadow_container(&host)? {
        let props =
            crate::shell::generator::generator_props(crate::web::platform::page_folder().into());
        yew::Renderer::<crate::ui::generator::Generator>::with_root_and_props(container, props)
            .render();
    }
    Ok(())
}

/// Mounts the deck builder (the practice page's own tool) into `host`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = mountBuilder)]
pub fn mount_builder(host: Element, details: Option<Uint8Array>) -> Result<(), JsValue> {
    give(details)?;
    if let Some(container) = shadow_container(&host)? {
        // The practice page's store, opened as the drill opens it.
        let (store, storage_problem) =
            crate::shell::mount::open_store(&crate::core::config::Config::default().namespace);
        let props = crate::shell::builder::builder_props(
            crate::web::platform::page_folder().into(),
            store,
            storage_problem,
        );
        yew::Renderer::<crate::ui::builder::Builder>::with_root_and_props(container, props)
            .render();
    }
    Ok(())
}

/// Keeps the decks' details the loader handed over, for every widget.
fn give(details: Option<Uint8Array>) -> Result<(), JsValue> {
    match details {
        Some(bytes) => decks::give_details(&bytes.to_vec()).map_err(|e| JsValue::from_str(&e)),
        None => Ok(()),
    }
}

/// An element to mount into, inside the shadow root of `host` with the
/// widget stylesheet; `None` when that already holds something (the script
/// ran twice), so nothing mounts twice. An empty one is what the guest left
/// when it handed the widget over.
fn shadow_container(host: &Element) -> Result<Option<Element>, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) if shadow.child_element_count() > 0 => return Ok(None),
        Some(shadow) => shadow,
        None => {
            let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
            adopt_stylesheet(&shadow)?;
            shadow
        }
    };
    let document = host.owner_document().ok_or("no document")?;
    let container = document.create_element("div")?;
    shadow.append_child(&container)?;
    Ok(Some(container))
}

/// `data-*` attributes, name without the prefix.
fn data_attributes(host: &Element) -> Vec<(String, String)> {
    host.get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let value = host.get_attribute(&name)?;
            Some((name.strip_prefix("data-")?.to_string(), value))
        })
        .collect()
}

/// One constructed stylesheet per shadow root, from the CSS compiled in.
fn adopt_stylesheet(shadow: &web_sys::ShadowRoot) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let constructor: Function = Reflect::get(&window, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet = Reflect::construct(&constructor, &Array::new())?;
    let replace_sync: Function = Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
    replace_sync.call1(&sheet, &WIDGET_CSS.into())?;
    Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    Ok(())
}
