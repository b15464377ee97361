//! How dates, times and durations are printed. Everything printed here reads back through
//! [`super::parse`] to the same value.

use super::parse::When;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// "24.11.2026" (years 1–9999 read back; other years print but do not parse).
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// "13:00" (seconds are not shown).
pub fn format_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "24.11.2026 13:00".
pub fn format_datetime(at: NaiveDateTime) -> String {
    format!("{} {}", format_date(at.date()), format_time(at.time()))
}

/// "24.11.2026" or "24.11.2026 13:00".
pub fn format_when(when: When) -> String {
    match when.time {
        Some(time) => format!("{} {}", format_date(when.date), format_time(time)),
        None => format_date(when.date),
    }
}

/// "45m", "1h30", "2h", "1h05".
pub fn format_duration(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, _) => format!("{rest}m"),
        (_, 0) => format!("{hours}h"),
        _ => format!("{hours}h{rest:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_day_first_with_zero_padding() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(format_date(date), "05.03.2026");
        let time = NaiveTime::from_hms_opt(9, 5, 59).unwrap();
        assert_eq!(format_time(time), "09:05");
        assert_eq!(format_datetime(date.and_time(time)), "05.03.2026 09:05");
        assert_eq!(format_when(When { date, time: None }), "05.03.2026");
    }

    #[test]
    fn prints_durations_compactly() {
        assert_eq!(format_duration(45), "45m");
        assert_eq!(format_duration(60), "1h");
        assert_eq!(format_duration(90), "1h30");
        assert_eq!(format_duration(65), "1h05");
        assert_eq!(format_duration(120), "2h");
        assert_eq!(format_duration(1440), "24h");
    }
}
