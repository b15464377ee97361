//! The one range of dates caseplan accepts from outside: the years 1900 to 2200. Every date and
//! timestamp that enters (an import, `--now`, a form, quick add) is checked against it, so the
//! date arithmetic of the domain (weeks, months, working days, the zone's offsets) always stays
//! far inside what chrono can represent.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use std::fmt;

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// A date or timestamp of a record, as its field holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Day(NaiveDate),
    Local(NaiveDateTime),
    Utc(DateTime<Utc>),
}

impl DateValue {
    fn year(self) -> i32 {
        match self {
            DateValue::Day(d) => d.year(),
            DateValue::Local(t) => t.year(),
            DateValue::Utc(t) => t.year(),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Local(t) => write!(f, "{}", t.format("%Y-%m-%d %H:%M")),
            DateValue::Utc(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl From<NaiveDate> for DateValue {
    fn from(d: NaiveDate) -> Self {
        DateValue::Day(d)
    }
}

impl From<NaiveDateTime> for DateValue {
    fn from(t: NaiveDateTime) -> Self {
        DateValue::Local(t)
    }
}

impl From<DateTime<Utc>> for DateValue {
    fn from(t: DateTime<Utc>) -> Self {
        DateValue::Utc(t)
    }
}

/// A date outside the range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{value} is outside the years {FIRST_YEAR} to {LAST_YEAR} that caseplan plans in; check the \
     year"
)]
pub struct OutOfRange {
    pub value: String,
}

/// Whether `value` lies in the years [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn in_range(value: impl Into<DateValue>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&value.into().year())
}

/// `value` itself when it lies in the range.
pub fn check<T: Into<DateValue> + Copy>(value: T) -> Result<T, OutOfRange> {
    let date: DateValue = value.into();
    if in_range(date) {
        Ok(value)
    } else {
        Err(OutOfRange {
            value: date.to_string(),
        })
    }
}

/// The dates and timestamps of a record, named, so one check can see them all.
pub trait Dated {
    fn dates(&self) -> Vec<(&'static str, DateValue)>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_years_1900_to_2200_pass_and_nothing_else() {
        let day = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
        assert!(in_range(day(1900)) && in_range(day(2026)) && in_range(day(2200)));
        assert!(!in_range(day(1899)) && !in_range(day(2201)));
        let far: DateTime<Utc> = "+262142-12-31T23:59:59Z".parse().unwrap();
        let err = check(far).unwrap_err();
        assert_eq!(
            err.to_string(),
            "+262142-12-31T23:59:59Z is outside the years 1900 to 2200 that caseplan plans in; \
             check the year"
        );
    }
}
