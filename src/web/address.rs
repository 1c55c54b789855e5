//! The page's address: the link fragment a practice page opens, following it
//! when it changes, and sharing a link (the share sheet on phones, else the
//! clipboard).

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The fragment of the page's address, with its `#`, if any.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    (!hash.is_empty()).then_some(hash)
}

/// The page's address without its fragment.
pub fn without_fragment() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Opens a fragment in this page (`None` for the plain page). The change
/// fires `hashchange`, which the widget follows.
pub fn go_to(fragment: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    match fragment {
        Some(fragment) => {
            let _ = window.location().set_hash(fragment);
        }
        None => {
            // Setting an empty hash leaves a bare `#`; replace the entry
            // instead and say so, as `hashchange` would.
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&without_fragment()));
            }
            if let Ok(event) = web_sys::Event::new("hashchange") {
                let _ = window.dispatch_event(&event);
            }
        }
    }
}

/// Stops listening when dropped.
pub struct HashListener {
    callback: Closure<dyn FnMut()>,
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "hashchange",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `on_change` with the new fragment whenever the address's fragment
/// changes (a pasted link, back and forward).
pub fn on_fragment_change(on_change: impl Fn(Option<String>) + 'static) -> Option<HashListener> {
    let callback = Closure::<dyn FnMut()>::new(move || on_change(fragment()));
    web_sys::window()?
        .add_event_listener_with_callback("hashchange", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(HashListener { callback })
}

/// How a link was shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Sheet,
    Copied,
    /// The learner closed the share sheet.
    Cancelled,
    Blocked,
}

/// Shares `url`: the system share sheet where the device has one and a
/// coarse pointer (a phone), else the clipboard.
pub async fn share_link(url: &str, title: &str) -> Shared {
    if let Some(result) = share_sheet(url, title).await {
        return result;
    }
    match crate::web::platform::copy_text(url).await {
        Ok(()) => Shared::Copied,
        Err(()) => Shared::Blocked,
    }
}

async fn share_sheet(url: &str, title: &str) -> Option<Shared> {
    let window = web_sys::window()?;
    let phone = window
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if !phone {
        return None;
    }
    let navigator = JsValue::from(window.navigator());
    let share: Function = Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let data = Object::new();
    Reflect::set(&data, &"url".into(), &url.into()).ok()?;
    Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    let promise: js_sys::Promise = share.call1(&navigator, &data).ok()?.dyn_into().ok()?;
    Some(match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Sheet,
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                return None;
            }
        }
    })
}
