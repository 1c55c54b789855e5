//! Interview Drill: a practice widget for backend-engineer interviews.
//!
//! `core` holds every rule and is tested natively. `store` is the storage seam
//! and `decks` the compiled question bank. The browser shell (`web`) and the
//! Yew components (`ui`) exist only on wasm32.

pub mod core;
pub mod decks;
pub mod prep_store;
pub mod store;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
