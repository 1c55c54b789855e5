//! The browser shell: localStorage, the clock and random ids, and mounting.
//!
//! This is the only place that touches web-sys for platform services; the UI
//! receives everything it needs through props.

pub mod local_store;
pub mod mount;
pub mod platform;
