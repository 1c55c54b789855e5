//! The browser shell: localStorage, locks, the in-page channel, files, the
//! clock and random ids, and mounting.
//!
//! This is the only place that touches web-sys for platform services; the UI
//! receives everything it needs through props and callbacks.

pub mod address;
pub mod bus;
pub mod embed;
pub mod files;
pub mod local_store;
pub mod locks;
pub mod mount;
pub mod platform;
pub mod storage_events;
