//! Calendar days as the learner reads and types them: `2026-03-09` and
//! "Mon 9 Mar", for day counts since 1970-01-01 (see `time::local_day`).
//!
//! Integer arithmetic only (Howard Hinnant's civil calendar algorithms), so
//! the page carries no date library.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// (year, month 1–12, day 1–31) of a day count.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are in range by construction (1..=12, 1..=31).
    (year, month as u32, day as u32)
}

/// The day count of a civil date; `None` for a date that does not exist.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `2026-03-09`.
pub fn iso_date(days: i64) -> String {
    let (year, month, day) = civil(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads `2026-03-09` (what `<input type="date">` gives); `None` for anything
/// else, including dates that do not exist.
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    days_from_civil(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// "Mon", "Tue", …
pub fn weekday(days: i64) -> &'static str {
    // 1970-01-01 was a Thursday (index 3 from Monday).
    WEEKDAYS[(days + 3).rem_euclid(7) as usize]
}

/// "Mon 9 Mar".
pub fn short_date(days: i64) -> String {
    let (_, month, day) = civil(days);
    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("");
    format!("{} {day} {name}", weekday(days))
}

/// "Mon 2 Mar, 09:00": a moment's local date and time, seen from its own
/// UTC offset.
pub fn short_date_time(moment: crate::core::time::Moment) -> String {
    let local = moment
        .unix_ms
        .saturating_add(i64::from(moment.utc_offset_minutes) * 60_000);
    let minute = local.rem_euclid(86_400_000) / 60_000;
    format!(
        "{}, {:02}:{:02}",
        short_date(moment.local_day()),
        minute / 60,
        minute % 60
    )
}
