//! The page's loader (`embed.js`), as a widget's mount received it: it
//! fetches the decks' details once for every widget, and hands a widget to
//! the full build on request. Its promises are awaited here; what they mean
//! for the learner is the shell's to say.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// The loader and the widget's host element.
#[derive(Clone)]
pub struct Loader {
    host: Element,
    loader: JsValue,
}

impl PartialEq for Loader {
    fn eq(&self, other: &Self) -> bool {
        self.host == other.host
    }
}

impl Loader {
    /// `None` when the mount was not given a loader (a test, an old page).
    pub fn new(host: Element, loader: JsValue) -> Option<Self> {
        loader.is_object().then_some(Loader { host, loader })
    }

    fn call(&self, name: &str, args: &[JsValue]) -> Result<Promise, String> {
        let method: Function = Reflect::get(&self.loader, &name.into())
            .ok()
            .and_then(|m| m.dyn_into().ok())
            .ok_or_else(|| format!("the page's loader has no {name}"))?;
        let this = &self.loader;
        let value = match args {
            [] => method.call0(this),
            [a] => method.call1(this, a),
            [a, b, ..] => method.call2(this, a, b),
        }
        .map_err(reason)?;
        Ok(Promise::resolve(&value))
    }

    /// The widget's host element.
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// The bytes of the decks' details file.
    pub async fn details(&self) -> Result<Vec<u8>, String> {
        let bytes = JsFuture::from(self.call("details", &[])?)
            .await
            .map_err(reason)?;
        Ok(Uint8Array::new(&bytes).to_vec())
    }

    /// Asks for the full build to take this widget over and open `part`.
    /// On success this widget is unmounted; an error means it stays.
    pub async fn upgrade(&self, part: &str) -> Result<(), String> {
        let promise = self.call("upgrade", &[self.host.clone().into(), part.into()])?;
        JsFuture::from(promise).await.map(drop).map_err(reason)
    }
}

/// A thrown value as the learner can read it.
fn reason(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the download failed".into())
}
