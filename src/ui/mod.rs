//! Yew components: props in, callbacks out.
//!
//! No component reads storage, the clock or the URL; `app` runs the core's
//! effects through the store it was given.

pub mod aloud;
pub mod answer;
pub mod answer_box;
pub mod app;
pub mod builder;
pub mod card;
pub mod data;
pub mod done;
pub mod effects;
pub mod follow_ups;
pub mod generator;
pub mod intro;
pub mod keyboard;
pub mod links;
pub mod mock_report;
pub mod mock_round;
pub mod mock_section;
pub mod mock_setup;
pub mod mode_bar;
pub mod nav;
pub mod notice;
pub mod plan_view;
pub mod prep_effects;
pub mod progress_line;
pub mod rich_text;
pub mod settings;
pub mod stats;
pub mod topic_filter;
