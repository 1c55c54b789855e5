//! Browser services: localStorage, the Web Lock, the in-page channel,
//! `storage` events, the address, files, the clock and random ids, and the
//! page's loader (`embed.js`).
//!
//! The only place that touches web-sys for platform services. It knows
//! nothing of the product's views or of what is stored; the shell calls it.

pub mod address;
pub mod bus;
pub mod files;
pub mod loader;
pub mod local_store;
pub mod locks;
pub mod platform;
pub mod storage_events;
