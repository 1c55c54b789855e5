//! Moments in time as plain values. The core never reads a clock: the shell
//! passes the current `Moment` in with every message that needs it.

const MS_PER_DAY: i64 = 86_400_000;

/// A point in time and the learner's local offset from UTC at that point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    pub unix_ms: i64,
    pub utc_offset_minutes: i32,
}

impl Moment {
    pub fn new(unix_ms: i64, utc_offset_minutes: i32) -> Self {
        Self {
            unix_ms,
            utc_offset_minutes,
        }
    }

    /// The learner's local calendar day, counted from 1970-01-01.
    pub fn local_day(self) -> i64 {
        local_day(self.unix_ms, self.utc_offset_minutes)
    }
}

/// The local calendar day of a timestamp seen from a UTC offset.
pub fn local_day(unix_ms: i64, utc_offset_minutes: i32) -> i64 {
    let local = unix_ms.saturating_add(i64::from(utc_offset_minutes) * 60_000);
    local.div_euclid(MS_PER_DAY)
}
