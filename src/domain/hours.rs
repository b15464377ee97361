//! Working hours: the part of a day meetings are planned in, and the days they are planned on.

use super::workdays::DaysOff;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub days: Vec<Weekday>,
    /// Holidays and local closing days: no meetings are planned on them.
    pub days_off: DaysOff,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            start: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(15, 30, 0).unwrap_or(NaiveTime::MIN),
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            days_off: DaysOff::default(),
        }
    }
}

impl WorkingHours {
    /// A working day: one of the configured weekdays, not a public holiday and not a local
    /// closing day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.days.contains(&day.weekday()) && !self.days_off.is_day_off(day)
    }

    pub fn opens(&self, day: NaiveDate) -> NaiveDateTime {
        day.and_time(self.start)
    }

    pub fn closes(&self, day: NaiveDate) -> NaiveDateTime {
        day.and_time(self.end)
    }

    /// Whether `start..end` lies within the working hours of a working day.
    pub fn contains(&self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        let day = start.date();
        self.is_working_day(day) && start >= self.opens(day) && end <= self.closes(day)
    }
}
