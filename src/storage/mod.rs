//! Everything stored, through one path. `store` is the seam (a `Store` is
//! strings under keys: localStorage in the page, memory in tests and when
//! storage is blocked); `sync` keeps progress, `prep` mock rounds and the
//! plan; `Storage` is the one reader and the one executor of
//! `core::stored::Write`, for every key. Pure Rust over the trait, tested
//! natively; the lock, the in-page channel and the clock are the shell's.

mod executor;
#[cfg(feature = "full")]
pub mod prep;
pub mod store;
pub mod sync;

pub use executor::{failed, Storage, Written};
