//! The meetings of a date window in time order, with repeating blocks expanded.

use crate::model::{Meeting, MeetingStatus};
use chrono::{NaiveDate, NaiveDateTime};

/// One meeting on one day: a single meeting, or one occurrence of a repeating block.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence<'a> {
    pub meeting: &'a Meeting,
    /// The start of this occurrence (the meeting's own start for single meetings).
    pub start: NaiveDateTime,
}

impl Occurrence<'_> {
    pub fn end(&self) -> NaiveDateTime {
        self.start + chrono::Duration::minutes(i64::from(self.meeting.minutes))
    }
}

/// Occurrences starting on the days `from..=to`, ordered by start, then by id.
/// Repeating blocks are expanded in local wall-clock time, so a weekly 09:00 stays 09:00 across
/// a daylight-saving change. Meetings moved away (status `Moved`) are left out.
pub fn occurrences(meetings: &[Meeting], from: NaiveDate, to: NaiveDate) -> Vec<Occurrence<'_>> {
    let mut out = Vec::with_capacity(meetings.len());
    for meeting in meetings.iter().filter(|m| m.status != MeetingStatus::Moved) {
        if meeting.repeat.is_none() {
            let day = meeting.start.date();
            if from <= day && day <= to {
                out.push(Occurrence {
                    meeting,
                    start: meeting.start,
                });
            }
            continue;
        }
        let first = from.max(meeting.start.date());
        for day in first.iter_days().take_while(|d| *d <= to) {
            if meeting.occurs_on(day) {
                let start = day.and_time(meeting.start.time());
                out.push(Occurrence { meeting, start });
            }
        }
    }
    out.sort_by_key(|o| (o.start, o.meeting.id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Repeat, RepeatEvery};
    use crate::testing::{at, meeting};

    fn day(s: &str) -> NaiveDate {
        at(&format!("{s} 00:00")).date()
    }

    #[test]
    fn single_meetings_in_window_sorted_by_start() {
        let ms = vec![
            meeting(1, "2026-11-24 13:00", 45),
            meeting(2, "2026-11-24 09:00", 45),
            meeting(3, "2026-11-25 09:00", 45),
        ];
        let got: Vec<u64> = occurrences(&ms, day("2026-11-24"), day("2026-11-24"))
            .iter()
            .map(|o| o.meeting.id.0)
            .collect();
        assert_eq!(got, vec![2, 1]);
    }

    #[test]
    fn weekly_block_keeps_wall_clock_time_across_dst() {
        let mut block = meeting(9, "2026-10-20 09:00", 120);
        block.case = None;
        block.repeat = Some(Repeat {
            every: RepeatEvery::Weekly,
            interval: 1,
            count: None,
            until: None,
            skipped: vec![],
        });
        let blocks = [block];
        let got = occurrences(&blocks, day("2026-10-26"), day("2026-11-01"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].start, at("2026-10-27 09:00"));
    }

    #[test]
    fn moved_meetings_are_left_out() {
        let mut m = meeting(1, "2026-11-24 09:00", 45);
        m.status = MeetingStatus::Moved;
        assert!(occurrences(&[m], day("2026-11-24"), day("2026-11-24")).is_empty());
    }

    proptest::proptest! {
        /// Whatever the repeat, its occurrences start at the block's wall-clock time on days
        /// the rule gives, never before the first start or after its end, at most its number
        /// of times, and weekly ones a whole number of intervals apart.
        #[test]
        fn a_repeat_keeps_its_rule(
            every in 0usize..3,
            interval in 1u32..5,
            count in proptest::option::of(1u32..40),
            until_days in proptest::option::of(0i64..400),
            start_days in 0i64..365,
            minute in 0u32..96,
        ) {
            let every = [RepeatEvery::Daily, RepeatEvery::Weekdays, RepeatEvery::Weekly][every];
            let first = day("2026-01-01") + chrono::Duration::days(start_days);
            let mut block = meeting(9, "2026-01-01 00:00", 30);
            block.case = None;
            block.start = first.and_hms_opt(minute / 4, (minute % 4) * 15, 0).unwrap();
            block.repeat = Some(Repeat {
                every,
                interval,
                count,
                until: until_days.map(|d| first + chrono::Duration::days(d)),
                skipped: vec![],
            });
            let blocks = [block.clone()];
            let occs = occurrences(&blocks, day("2025-12-01"), day("2031-12-31"));
            proptest::prop_assert!(count.is_none_or(|n| occs.len() <= n as usize));
            for o in &occs {
                proptest::prop_assert_eq!(o.start.time(), block.start.time());
                proptest::prop_assert!(o.start.date() >= first);
                proptest::prop_assert!(block.last_day().is_none_or(|l| o.start.date() <= l));
            }
            if every == RepeatEvery::Weekly {
                for pair in occs.windows(2) {
                    let days = (pair[1].start - pair[0].start).num_days();
                    proptest::prop_assert_eq!(days, 7 * i64::from(interval));
                }
            }
            if let (Some(n), None) = (count, until_days) {
                proptest::prop_assert_eq!(occs.len(), n as usize);
            }
        }
    }
}
