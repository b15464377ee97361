//! Dates of the generated world, all derived from the spec's `today`.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

/// Days of history before `today`.
pub(super) const HISTORY_DAYS: i64 = 365;
/// Days planned ahead of `today`.
pub(super) const AHEAD_DAYS: i64 = 42;

pub(super) struct Calendar {
    pub today: NaiveDate,
    /// The time of day it is on `today`: nothing is written after it.
    pub now: NaiveTime,
    /// First day with meetings.
    pub start: NaiveDate,
    /// Last day with meetings.
    pub end: NaiveDate,
}

impl Calendar {
    #[cfg(test)]
    pub fn new(today: NaiveDate) -> Self {
        Self::at(today, super::DEFAULT_NOW)
    }

    pub fn at(today: NaiveDate, now: NaiveTime) -> Self {
        Self {
            today,
            now,
            start: add_days(today, -HISTORY_DAYS),
            end: add_days(today, AHEAD_DAYS),
        }
    }

    /// The moment it is, as a stored timestamp.
    pub fn now_stamp(&self) -> DateTime<Utc> {
        stamp(self.today, self.now.hour() * 60 + self.now.minute())
    }

    /// `at`, or a few minutes before now when `at` has not happened yet.
    pub fn by_now(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        at.min(self.now_stamp() - Duration::minutes(5))
    }

    /// A day relative to today.
    pub fn day(&self, offset: i64) -> NaiveDate {
        add_days(self.today, offset)
    }
}

pub(super) fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(Duration::days(days)).unwrap_or(day)
}

pub(super) fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

pub(super) fn monday_of(day: NaiveDate) -> NaiveDate {
    add_days(day, -i64::from(day.weekday().num_days_from_monday()))
}

/// The day itself, or the Monday after when it falls on a weekend.
pub(super) fn working_day_from(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => add_days(day, 2),
        Weekday::Sun => add_days(day, 1),
        _ => day,
    }
}

/// The day itself, or the Friday before when it falls on a weekend.
pub(super) fn working_day_until(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => add_days(day, -1),
        Weekday::Sun => add_days(day, -2),
        _ => day,
    }
}

/// A UTC timestamp for a local (Copenhagen) wall-clock minute of `day`. The demo uses a fixed
/// one-hour offset: close enough for believable data and independent of any zone database.
pub(super) fn stamp(day: NaiveDate, local_minute: u32) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    midnight + Duration::minutes(i64::from(local_minute) - 60)
}

/// "1/12": the short Danish day/month form used in agreement texts.
pub(super) fn short_date(day: NaiveDate) -> String {
    format!("{}/{}", day.day(), day.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekends_move_to_the_nearest_working_day_in_the_asked_direction() {
        assert_eq!(working_day_from(d("2026-11-28")), d("2026-11-30"));
        assert_eq!(working_day_until(d("2026-11-29")), d("2026-11-27"));
        assert_eq!(working_day_from(d("2026-11-25")), d("2026-11-25"));
        assert_eq!(monday_of(d("2026-11-29")), d("2026-11-23"));
        assert!(!is_working_day(d("2026-11-29")));
    }

    #[test]
    fn stamps_are_an_hour_behind_local_time() {
        assert_eq!(
            stamp(d("2026-11-25"), 9 * 60).to_rfc3339(),
            "2026-11-25T08:00:00+00:00"
        );
        assert_eq!(short_date(d("2026-12-01")), "1/12");
    }
}
