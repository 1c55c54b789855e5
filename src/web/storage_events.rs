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

/// Calls `on_change` when another tab changes a key starting with `prefix`,
/// or clears storage. The handler only reads; it never writes back.
pub fn on_storage_change(
    prefix: String,
    on_change: impl Fn() + 'static,
) -> Option<StorageListener> {
    let callback = Closure::<dyn FnMut(StorageEvent)>::new(move |event: StorageEvent| {
        let ours = event.key().is_none_or(|key| key.starts_with(&prefix));
        if ours {
            on_change();
        }
    });
    let window = web_sys::window()?;
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { callback })
}
