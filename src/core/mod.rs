//! The pure core: every rule of the product, with no DOM, clock or randomness.
//!
//! Nothing here imports yew, web-sys, js-sys or gloo (a tidy test enforces it).
//! Time and random seeds arrive as plain values in messages.

pub mod answer_note;
pub mod bank;
pub mod boot;
#[cfg(feature = "full")]
pub mod builder;
pub mod calendar;
pub mod coach;
pub mod config;
#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod deadline;
pub mod draft;
pub mod fsrs;
pub mod json;
pub mod ledger;
pub mod link_hint;
#[cfg(feature = "full")]
pub mod mock;
#[cfg(feature = "full")]
pub mod my_decks;
pub mod notice;
#[cfg(feature = "full")]
pub mod opening;
pub mod persist;
#[cfg(feature = "full")]
pub mod plan;
pub mod plan_date;
pub mod progress;
pub mod rich;
pub mod schedule;
pub mod session;
pub mod settings;
#[cfg(feature = "full")]
pub mod share;
#[cfg(feature = "full")]
pub mod snippet;
pub mod sort;
#[cfg(feature = "full")]
pub mod stats;
pub mod stored;
pub mod time;
