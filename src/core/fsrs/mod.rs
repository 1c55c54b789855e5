//! FSRS-6, the Free Spaced Repetition Scheduler, as pure functions of time.
//!
//! The memory model (stability S, difficulty D, retrievability R) follows the
//! FSRS-6 formulas; the scheduling around it (learning steps, review intervals
//! kept in Again < Hard < Good < Easy order) follows ts-fsrs 5's basic
//! scheduler, against which `tests/fsrs_reference.rs` checks 250 recorded review
//! sequences. Like ts-fsrs, intermediate values are rounded to 8 decimals and
//! elapsed time is counted in UTC calendar days, so results match it exactly.

mod model;
mod schedule;
mod steps;

pub use schedule::{preview, retrievability, review};

/// The 21 published FSRS-6 default weights.
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const S_MIN: f64 = 0.001;
const S_MAX: f64 = 36_500.0;
const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;
/// The range a learner may choose for desired retention.
pub const RETENTION_RANGE: (f64, f64) = (0.70, 0.97);

/// Scheduler settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub weights: [f64; 21],
    /// The probability of recall the schedule aims for when a card falls due.
    pub desired_retention: f64,
    /// Minutes between the first reviews of a new card.
    pub learning_steps: Vec<u32>,
    /// Minutes between reviews after a card is forgotten.
    pub relearning_steps: Vec<u32>,
    /// No review is scheduled further ahead than this.
    pub maximum_interval_days: u32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            weights: DEFAULT_WEIGHTS,
            desired_retention: 0.9,
            learning_steps: vec![1, 10],
            relearning_steps: vec![10],
            maximum_interval_days: 365,
        }
    }
}

impl Params {
    /// Default settings with a learner-chosen retention, clamped to the allowed range.
    pub fn with_retention(desired_retention: f64) -> Self {
        let retention = if desired_retention.is_finite() {
            desired_retention.clamp(RETENTION_RANGE.0, RETENTION_RANGE.1)
        } else {
            0.9
        };
        Self {
            desired_retention: retention,
            ..Self::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// What the scheduler knows about one card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    /// Index into the learning or relearning steps.
    pub step: usize,
    /// Days until R falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub due_ms: i64,
    pub last_review_ms: Option<i64>,
    pub scheduled_days: u32,
    pub reps: u32,
    pub lapses: u32,
}

impl CardState {
    pub const NEW: CardState = CardState {
        phase: Phase::New,
        step: 0,
        stability: 0.0,
        difficulty: 0.0,
        due_ms: 0,
        last_review_ms: None,
        scheduled_days: 0,
        reps: 0,
        lapses: 0,
    };
}

/// Whole UTC calendar days from `from` to `to`.
pub fn elapsed_days(from_ms: i64, to_ms: i64) -> i64 {
    to_ms.div_euclid(MS_PER_DAY) - from_ms.div_euclid(MS_PER_DAY)
}
