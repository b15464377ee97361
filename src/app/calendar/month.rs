//! The month overview's state: the cursor, and the holidays of its month, worked out when the
//! cursor enters a month rather than while drawing.

use crate::domain::workdays::holiday_name;
use chrono::{Datelike, Duration, NaiveDate};

pub struct Month {
    pub cursor: NaiveDate,
    /// The holidays of the cursor's month, in date order.
    pub holidays: Vec<(NaiveDate, &'static str)>,
}

impl Month {
    pub fn at(cursor: NaiveDate) -> Month {
        let first = cursor.with_day(1).unwrap_or(cursor);
        let holidays = first
            .iter_days()
            .take_while(|d| d.month() == first.month())
            .filter_map(|d| holiday_name(d).map(|name| (d, name)))
            .collect();
        Month { cursor, holidays }
    }

    /// Moves the cursor `days` on (back when negative).
    pub fn step(&mut self, days: i64) {
        let cursor = self.cursor + Duration::days(days);
        if cursor.month() == self.cursor.month() && cursor.year() == self.cursor.year() {
            self.cursor = cursor;
        } else {
            *self = Month::at(cursor);
        }
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.iter().any(|(d, _)| *d == day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holidays_follow_the_cursor_into_another_month() {
        let mut month = Month::at(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert!(month.holidays.is_empty(), "{:?}", month.holidays);
        month.step(28);
        let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        assert_eq!(month.cursor, NaiveDate::from_ymd_opt(2026, 12, 22).unwrap());
        assert!(month.is_holiday(christmas), "{:?}", month.holidays);
        assert!(!month.is_holiday(christmas - Duration::days(3)));
    }
}
