//! Pure rules of the work: functions of records and a date, with no IO.

pub mod agenda;
pub mod archive;
pub mod bulk;
pub mod busy;
pub mod cadence;
pub mod chase;
pub mod conflicts;
pub mod contact;
pub mod due;
pub mod first_meeting;
pub mod hours;
pub mod next_meeting;
pub mod plan;
pub mod quick_add;
pub mod reimport;
pub mod reminder;
pub mod reports;
pub mod schedule;
pub mod series;
pub mod slots;
pub mod summary;
pub mod travel;
pub mod visit;
pub mod workdays;
