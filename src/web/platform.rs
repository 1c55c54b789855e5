//! The only reader of the clock and of randomness in the product.

use crate::core::time::Moment;

/// Now, with the learner's current UTC offset.
pub fn now() -> Moment {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC (positive west of Greenwich).
    let offset = -(date.get_timezone_offset() as i32);
    Moment::new(date.get_time() as i64, offset)
}

/// A short random id for this writer (tab or widget instance). Uniqueness, not
/// secrecy, is the goal, so Math.random is enough.
pub fn writer_id() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..10)
        .map(|_| {
            let index = (js_sys::Math::random() * ALPHABET.len() as f64) as usize;
            char::from(ALPHABET[index.min(ALPHABET.len() - 1)])
        })
        .collect()
}

/// Calls `tick` every `millis` until the returned handle is dropped.
pub fn every(millis: u32, tick: impl FnMut() + 'static) -> gloo_timers::callback::Interval {
    gloo_timers::callback::Interval::new(millis, tick)
}
