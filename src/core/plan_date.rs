//! The one thing the drill needs from the stored plan: the interview date and
//! the day it was set, so today's queue brings cards forward over the same
//! days in the guest build (which has no plan module) as in the full one.
//! `plan::decode_plan` reads these two fields through here too.

use super::calendar::parse_iso_date;
use super::deadline::PrepWindow;
use super::json::{self, Value};
use super::persist::APP;

/// A plan is laid out over at most this many days before the interview.
pub const MAX_PLAN_DAYS: i64 = 14;
/// A date with no day it was set on is laid out as if set this long before.
pub const DEFAULT_DAYS_AHEAD: i64 = 7;
/// The plan's stored form is version 1, of kind `plan`.
pub const VERSION: u64 = 1;
pub const KIND: &str = "plan";

/// The first day of the plan to `interview_day` made on `set_on_day`.
pub fn first_day(interview_day: i64, set_on_day: i64) -> i64 {
    set_on_day.max(interview_day - MAX_PLAN_DAYS)
}

/// The interview day and the day it was set, from the fields `interview` and
/// `from`; `None` without a readable interview date.
pub fn dates(interview: Option<&str>, from: Option<&str>) -> Option<(i64, i64)> {
    let day = parse_iso_date(interview?)?;
    let set_on = from
        .and_then(parse_iso_date)
        .unwrap_or(day - DEFAULT_DAYS_AHEAD);
    Some((day, set_on))
}

/// The window a stored plan brings cards forward over, if it is ours, of a
/// version this build reads, and dated after `today`. Anything else is no
/// window: the guest never writes the plan, so it has nothing to protect.
pub fn stored_window(text: &str, today: i64) -> Option<PrepWindow> {
    let value = json::parse(text).ok()?;
    let text_of = |name: &str| value.get(name).and_then(Value::as_str);
    let version = value.get("v").and_then(|v| v.as_integer::<u64>());
    if text_of("app") != Some(APP) || version != Some(VERSION) || text_of("kind") != Some(KIND) {
        return None;
    }
    let (interview_day, set_on) = dates(text_of("interview"), text_of("from"))?;
    (interview_day > today).then(|| PrepWindow {
        first_day: first_day(interview_day, set_on),
        interview_day,
    })
}
