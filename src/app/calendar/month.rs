//! The month overview's state: the cursor, and the holidays and local closing days of its
//! month, worked out when the cursor enters a month rather than while drawing.

use crate::domain::workdays::DaysOff;
use chrono::{Datelike, Duration, NaiveDate};

pub struct Month {
    pub cursor: NaiveDate,
    /// The holidays and closing days of the cursor's month, in date order.
    pub holidays: Vec<(NaiveDate, String)>,
    /// What counts as a day off, to work out the next month's.
    days_off: DaysOff,
}

impl Month {
    pub fn at(cursor: NaiveDate, days_off: &DaysOff) -> Month {
        let first = cursor.with_day(1).unwrap_or(cursor);
        let holidays = first
            .iter_days()
            .take_while(|d| d.month() == first.month())
            .filter_map(|d| days_off.name(d).map(|name| (d, name.to_owned())))
            .collect();
        Month {
            cursor,
            holidays,
            days_off: days_off.clone(),
        }
    }

    /// Moves the cursor `days` on (back when negative).
    pub fn step(&mut self, days: i64) {
        let cursor = self.cursor + Duration::days(days);
        if cursor.month() == self.cursor.month() && cursor.year() == self.cursor.year() {
            self.cursor = cursor;
        } else {
            *self = Month::at(cursor, &self.days_off);
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
        let closing = DaysOff::new(vec!["12-23 Lillejuleaften".parse().unwrap()]);
        let mut month = Month::at(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), &closing);
        assert!(month.holidays.is_empty(), "{:?}", month.holidays);
        month.step(28);
        let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        assert_eq!(month.cursor, NaiveDate::from_ymd_opt(2026, 12, 22).unwrap());
        assert!(month.is_holiday(christmas), "{:?}", month.holidays);
        assert!(!month.is_holiday(christmas - Duration::days(3)));
        assert!(
            month
                .holidays
                .contains(&(christmas - Duration::days(2), "Lillejuleaften".to_owned())),
            "the closing day follows too: {:?}",
            month.holidays
        );
    }
}
