//! What is cold: history no screen needs by default, which the store keeps in its archive (#21).
//!
//! The hot part keeps the last twelve whole months and the current one: the board's "missed in
//! the last twelve months", Today's "since the last held meeting" and a week's agenda read no
//! further back. The cutoff moves on the first of each month, so the hot part stays the same
//! size whatever the years of history behind it.

use crate::model::{Meeting, MeetingStatus};
use chrono::{Datelike, Months, NaiveDate};

/// The first day that is still hot on `today`: the first of the month twelve months back.
pub fn cutoff(today: NaiveDate) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    first.checked_sub_months(Months::new(12)).unwrap_or(first)
}

/// Whether `meeting` is cold before `cutoff`: it started before it, it is no repeating block
/// (whose occurrences go on), it is no longer planned (a past meeting still planned needs an
/// outcome) and nobody is still to be called back after it (a cut-off meeting).
pub fn is_cold(meeting: &Meeting, cutoff: NaiveDate) -> bool {
    meeting.start.date() < cutoff
        && meeting.repeat.is_none()
        && meeting.status != MeetingStatus::Planned
        && !super::due::is_cut_off(meeting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseId, Repeat, RepeatEvery};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn held(start: &str) -> Meeting {
        let mut m = crate::testing::meeting(1, start, 45);
        m.case = Some(CaseId(1));
        m.status = MeetingStatus::Held;
        m
    }

    #[test]
    fn the_cutoff_is_the_first_of_the_month_a_year_back() {
        assert_eq!(cutoff(d("2026-11-24")), d("2025-11-01"));
        assert_eq!(cutoff(d("2026-11-01")), d("2025-11-01"));
        assert_eq!(cutoff(d("2026-01-31")), d("2025-01-01"));
        assert_eq!(cutoff(d("2024-02-29")), d("2023-02-01"));
    }

    #[test]
    fn old_meetings_with_an_outcome_are_cold() {
        let cut = d("2025-11-01");
        assert!(is_cold(&held("2025-10-31 15:00"), cut));
        assert!(!is_cold(&held("2025-11-01 08:00"), cut));
        let mut planned = held("2024-03-04 09:00");
        planned.status = MeetingStatus::Planned;
        assert!(!is_cold(&planned, cut), "still needs an outcome");
        let mut cut_off = held("2024-03-04 09:00");
        cut_off.status = MeetingStatus::CutOff;
        assert!(
            !is_cold(&cut_off, cut),
            "the citizen is still to be called back"
        );
        let mut no_show = held("2024-03-04 09:00");
        no_show.status = MeetingStatus::NoShow;
        assert!(is_cold(&no_show, cut));
        let mut block = held("2020-01-06 12:00");
        block.repeat = Some(Repeat::new(RepeatEvery::Weekly));
        assert!(!is_cold(&block, cut), "a repeating block goes on");
    }
}
