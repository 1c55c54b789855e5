//! Hears other tabs change this widget's keys (`storage` events fire in every
//! window of the site except the one that wrote).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

/// Stops listening when dropped.
pub struct StorageListener {
    callback: Closure<dyn FnMut(StorageEvent)>,
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `on_change` when another tab changes a key starting with `prefix`
/// (with the key after the prefix), or clears storage (with `None`). The
/// handler only reads; it never writes back.
pub fn on_storage_change(
    prefix: String,
    on_change: impl Fn(Option<&str>) + 'static,
) -> Option<StorageListener> {
    let callback =
        Closure::<dyn FnMut(StorageEvent)>::new(move |event: StorageEvent| match event.key() {
            None => on_change(None),
            Some(key) => {
                if let Some(relative) = key.strip_prefix(&prefix) {
                    on_change(Some(relative));
                }
            }
        });
    let window = web_sys::window()?;
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { callback })
}
