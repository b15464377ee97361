//! Pure rules of the work: functions of records and a date, with no IO.

pub mod workdays;
