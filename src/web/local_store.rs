//! `Store` over `window.localStorage`, with typed errors and no panics.
//!
//! Written over web-sys rather than gloo-storage: gloo's `raw()` throws when
//! storage is blocked and its `clear()` wipes the host page's keys too. Every
//! key here is namespaced under `interview-drill:<namespace>:`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::storage::store::{full_key, Store, StoreError};

pub struct LocalStore {
    storage: Storage,
    namespace: String,
}

impl LocalStore {
    /// Opens localStorage. Accessing it throws a SecurityError in sandboxed
    /// frames and when the learner blocks site data; that becomes `Unavailable`.
    pub fn open(namespace: &str) -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self {
                storage,
                namespace: namespace.to_string(),
            }),
            Ok(None) => Err(StoreError::Unavailable(
                "this browser has no localStorage".into(),
            )),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }

    fn key(&self, key: &str) -> String {
        full_key(&self.namespace, key)
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(&self.key(key))
            .map_err(|e| classify(&e))
    }

    fn put(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage
            .set_item(&self.key(key), value)
            .map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(&self.key(key))
            .map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let prefix = self.key("");
        let length = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::new();
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(|e| classify(&e))? {
                if let Some(relative) = key.strip_prefix(&prefix) {
                    keys.push(relative.to_string());
                }
            }
        }
        crate::core::sort::sort(&mut keys);
        Ok(keys)
    }
}

impl LocalStore {
    /// The prefix of every key this store owns, for filtering storage events.
    pub fn prefix(&self) -> String {
        self.key("")
    }
}

/// Maps whatever the browser threw to a `StoreError`. Browsers name a full
/// quota differently: `QuotaExceededError` (legacy code 22) in most, and
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) in old Firefox.
fn classify(error: &JsValue) -> StoreError {
    if let Some(exception) = error.dyn_ref::<DomException>() {
        let name = exception.name();
        let code = exception.code();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || code == 22
            || code == 1014
        {
            return StoreError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StoreError::Unavailable(exception.message());
        }
    }
    StoreError::Other(describe(error))
}

/// A readable description of any thrown value, Error or not.
fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "an unknown error".into())
}
