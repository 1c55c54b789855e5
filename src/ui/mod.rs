//! Views and components: props in, callbacks out.
//!
//! Nothing here opens a store, reads the clock, a random source or the
//! address, or imports `web` or `storage` (`tests/tidy.rs` checks). What a
//! view needs to know arrives as arguments (the model, the moment of the
//! render); what the learner does leaves as an `Intent`, which the shell
//! stamps with the clock or a seed, or carries out.

pub mod aloud;
pub mod answer;
pub mod answer_box;
#[cfg(feature = "full")]
pub mod builder;
pub mod card;
#[cfg(feature = "full")]
pub mod data;
pub mod done;
pub mod follow_ups;
#[cfg(feature = "full")]
pub mod generator;
pub mod intent;
pub mod intro;
pub mod keyboard;
#[cfg(feature = "full")]
pub mod links;
#[cfg(feature = "full")]
pub mod mock_report;
#[cfg(feature = "full")]
pub mod mock_round;
#[cfg(feature = "full")]
pub mod mock_section;
#[cfg(feature = "full")]
pub mod mock_setup;
pub mod mode_bar;
pub mod nav;
pub mod notice;
pub mod part_status;
#[cfg(feature = "full")]
pub mod plan_view;
pub mod progress_line;
pub mod rich_text;
#[cfg(feature = "full")]
pub mod settings;
pub mod share_button;
#[cfg(feature = "full")]
pub mod stats;
pub mod topic_filter;
pub mod widget;
