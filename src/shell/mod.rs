//! The shell: the only layer that owns the runtime. It boots each widget
//! (which deck, what the link opens, everything stored), carries out the
//! core's effects through `storage::Storage`, turns the views' `Intent`s
//! into messages stamped with the clock and random seeds, runs the timers,
//! and hears other tabs, the other widgets of the page and the address.
//! Views (`ui`) only draw what it hands them.

pub mod app;
pub mod boot;
#[cfg(feature = "full")]
pub mod builder;
mod drill_part;
pub mod effects;
pub mod embed;
mod focus;
#[cfg(feature = "full")]
pub mod generator;
pub mod mount;
pub mod parts;
mod prep_timers;
mod subscriptions;
