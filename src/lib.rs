//! Interview Drill: a practice widget for backend-engineer interviews.
//!
//! Layers, each importing only those below it (`tests/tidy.rs` checks):
//! - `core`: every rule, pure, tested natively;
//! - `decks`: the compiled question bank; `storage`: every stored value's one
//!   path, over the `Store` seam, tested natively;
//! - `web` (wasm32): browser services, the only reader of the clock, random
//!   ids and the address;
//! - `ui` (wasm32): views and components, props in, callbacks out;
//! - `shell` (wasm32): the app roots, boot, the executor of effects, timers
//!   and subscriptions, and mounting.

pub mod core;
pub mod decks;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
