//! The storage seam: get, put and remove strings under the widget's own prefix.
//!
//! The app only sees this trait. `MemoryStore` serves tests and browsers where
//! storage is blocked; the localStorage implementation lives in `web`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// Every key this product writes starts with this, so it never touches the
/// host page's own keys.
pub const KEY_PREFIX: &str = "interview-drill:";

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage here (sandboxed frame, blocked cookies, disabled storage).
    Unavailable(String),
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            StoreError::QuotaExceeded => write!(f, "browser storage is full"),
            StoreError::Other(why) => write!(f, "browser storage failed ({why})"),
        }
    }
}

/// Strings under keys relative to the store's namespace.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes all of `value` or nothing: a failed put leaves the old value.
    fn put(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the namespace, relative, sorted.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// The full key for a namespace and a relative key:
/// `interview-drill:<namespace>:<key>`.
pub fn full_key(namespace: &str, key: &str) -> String {
    format!("{KEY_PREFIX}{namespace}:{key}")
}

/// A store that lives as long as the page.
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn put(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
