//! The embed entry: `mountWidget(element)`, called by `embed.js` for every
//! `[data-interview-drill]` element on a page.
//!
//! Each widget gets its own open shadow root with the widget stylesheet
//! adopted into it (a constructed stylesheet: no `<style>` element, so a strict
//! `style-src` needs nothing extra), and its own Yew app. Attributes are read
//! over the defaults; a bad one is reported inside the widget, which still
//! works with the default.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::core::config::from_attributes;
use crate::decks;
use crate::shell::mount::mount;

const WIDGET_CSS: &str = include_str!("../ui/widget.css");

/// Mounts a widget into `host`. A host that already has a shadow root is left
/// alone, so a second call (the script included twice) mounts nothing twice.
/// `folder` is where embed.js was loaded from: the practice page there opens
/// the links this widget shares.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: Element, folder: Option<String>) -> Result<(), JsValue> {
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
    mount(container, config, problems, links_base);
    Ok(())
}

/// Mounts the embed code generator (the practice page's own tool) into `host`.
#[wasm_bindgen(js_name = mountGenerator)]
pub fn mount_generator(host: Element) -> Result<(), JsValue> {
    if let Some(container) = shadow_container(&host)? {
        let props =
            crate::shell::generator::generator_props(crate::web::platform::page_folder().into());
        yew::Renderer::<crate::ui::generator::Generator>::with_root_and_props(container, props)
            .render();
    }
    Ok(())
}

/// Mounts the deck builder (the practice page's own tool) into `host`.
#[wasm_bindgen(js_name = mountBuilder)]
pub fn mount_builder(host: Element) -> Result<(), JsValue> {
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

/// An element to mount into, inside a new shadow root of `host` with the
/// widget stylesheet; `None` when `host` already has one (the script ran
/// twice), so nothing mounts twice.
fn shadow_container(host: &Element) -> Result<Option<Element>, JsValue> {
    if host.shadow_root().is_some() {
        return Ok(None);
    }
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    adopt_stylesheet(&shadow)?;
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
