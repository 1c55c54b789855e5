//! Runs work under a Web Lock shared by every tab of the site, where the
//! browser has the Web Locks API.

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Calls `work` while holding the lock `name`, or returns it untouched when
/// the browser has no Web Locks so the caller can decide what is safe.
pub fn with_lock<F: FnOnce() + 'static>(name: &str, work: F) -> Result<(), F> {
    let Some(locks) = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null())
    else {
        return Err(work);
    };
    let Some(request) = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|r| r.dyn_into::<Function>().ok())
    else {
        return Err(work);
    };
    // The lock is held until the callback returns; the work is synchronous.
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        work();
        JsValue::UNDEFINED
    });
    // A rejected request must not surface as an unhandled rejection on the
    // host page. The handler lives as long as the page; locks are rare.
    if let Ok(promise) = request.call2(&locks, &JsValue::from_str(name), &callback) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            let swallow = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
            let _ = promise.catch(&swallow);
            swallow.forget();
        }
    }
    Ok(())
}
