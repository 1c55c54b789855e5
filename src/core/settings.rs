//! The learner's scheduling settings.

use super::fsrs::{Params, RETENTION_RANGE};

/// How many new cards a day the queue may introduce, at most.
pub const MAX_NEW_PER_DAY: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The probability of recall the schedule aims for (0.70 to 0.97).
    pub desired_retention: f64,
    /// New cards introduced per day.
    pub new_per_day: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            new_per_day: 10,
        }
    }
}

impl Settings {
    /// Settings with every value brought into its allowed range.
    pub fn clamped(self) -> Self {
        let retention = if self.desired_retention.is_finite() {
            // Two decimals: the settings form offers whole percentages.
            (self
                .desired_retention
                .clamp(RETENTION_RANGE.0, RETENTION_RANGE.1)
                * 100.0)
                .round()
                / 100.0
        } else {
            0.9
        };
        Self {
            desired_retention: retention,
            new_per_day: self.new_per_day.min(MAX_NEW_PER_DAY),
        }
    }

    pub fn params(&self) -> Params {
        Params::with_retention(self.desired_retention)
    }
}
