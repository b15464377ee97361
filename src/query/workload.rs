//! The workload gauge: how dense this week and next week are — meetings, meeting hours,
//! preparation and follow-up booked, busy time from other calendars, and the free time left
//! within working hours — so the density of meetings is visible, not the case count.

use crate::domain::agenda::occurrences;
use crate::domain::busy::{Span, busy_spans};
use crate::domain::conflicts::busy_span;
use crate::domain::hours::WorkingHours;
use crate::model::{BookedBy, Meeting};
use crate::store::{Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// One week's load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WeekLoad {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// Meetings with a citizen that take time (planned, held, no-show, cut off).
    pub meetings: u32,
    /// Of `meetings`, those the citizen booked through the national self-booking service.
    pub self_booked: u32,
    pub meeting_minutes: u32,
    /// Preparation and follow-up booked around those meetings.
    pub prep_minutes: u32,
    pub follow_up_minutes: u32,
    /// Working time taken by busy time from other calendars (Outlook), overlaps counted once.
    pub busy_minutes: u32,
    /// Travel to and from meetings away from the office, both ways.
    pub travel_minutes: u32,
    /// Working time not taken by any meeting, block, buffer, travel or busy time from another
    /// calendar; this week only from now on.
    pub free_minutes: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Workload {
    pub this_week: WeekLoad,
    pub next_week: WeekLoad,
}

/// The Monday of `day`'s ISO week.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The gauge for the week of `now` and the week after, from the meetings of those two weeks
/// (repeating blocks included) and the busy time from other calendars on them (`also_busy`).
pub fn workload(
    meetings: &[Meeting],
    also_busy: &[Span],
    now: NaiveDateTime,
    hours: &WorkingHours,
) -> Workload {
    let monday = monday_of(now.date());
    Workload {
        this_week: week(meetings, also_busy, monday, now, hours),
        next_week: week(meetings, also_busy, monday + Duration::days(7), now, hours),
    }
}

/// Reads the two weeks' meetings through the start-time index and computes the gauge.
pub fn load(
    store: &Store,
    now: NaiveDateTime,
    hours: &WorkingHours,
) -> Result<Workload, StoreError> {
    let monday = monday_of(now.date());
    let (from, to) = (
        monday.and_time(NaiveTime::MIN),
        (monday + Duration::days(14)).and_time(NaiveTime::MIN),
    );
    let meetings = store.meetings_between(from, to)?;
    let busy = busy_spans(&store.external_between(from, to)?);
    Ok(workload(&meetings, &busy, now, hours))
}

fn week(
    meetings: &[Meeting],
    also_busy: &[Span],
    monday: NaiveDate,
    now: NaiveDateTime,
    hours: &WorkingHours,
) -> WeekLoad {
    let sunday = monday + Duration::days(6);
    let occs = occurrences(meetings, monday, sunday);
    let mut load = WeekLoad {
        monday,
        ..WeekLoad::default()
    };
    for o in occs.iter().filter(|o| o.meeting.status.occupies_time()) {
        if o.meeting.case.is_some() {
            load.meetings += 1;
            if o.meeting.booked_by == BookedBy::Citizen {
                load.self_booked += 1;
            }
            load.meeting_minutes += o.meeting.minutes;
            load.prep_minutes += o.meeting.prep_minutes;
            load.follow_up_minutes += o.meeting.follow_up_minutes;
            load.travel_minutes += 2 * o.meeting.travel_minutes;
        }
    }
    for day in monday.iter_days().take(7) {
        if !hours.is_working_day(day) {
            continue;
        }
        let within = |(from, to): Span, open, close| (from.max(open), to.min(close));
        let outside: Vec<Span> = also_busy
            .iter()
            .map(|s| within(*s, hours.opens(day), hours.closes(day)))
            .filter(|(from, to)| from < to)
            .collect();
        load.busy_minutes += covered_minutes(outside);
        let open = hours.opens(day).max(now);
        let close = hours.closes(day);
        if open >= close {
            continue;
        }
        let mut busy: Vec<(NaiveDateTime, NaiveDateTime)> = occs
            .iter()
            .filter(|o| o.start.date() == day && o.meeting.status.occupies_time())
            .map(|o| busy_span(o.meeting, o.start))
            .chain(also_busy.iter().copied())
            .map(|(from, to)| (from.max(open), to.min(close)))
            .filter(|(from, to)| from < to)
            .collect();
        busy.sort();
        let mut free = close - open;
        let mut covered_until = open;
        for (from, to) in busy {
            let from = from.max(covered_until);
            if to > from {
                free -= to - from;
                covered_until = to;
            }
        }
        load.free_minutes += u32::try_from(free.num_minutes().max(0)).unwrap_or(0);
    }
    load
}

/// The minutes `spans` cover, overlaps counted once.
fn covered_minutes(mut spans: Vec<Span>) -> u32 {
    spans.sort();
    let mut total = Duration::zero();
    let mut until: Option<NaiveDateTime> = None;
    for (from, to) in spans {
        let from = until.map_or(from, |u| from.max(u));
        if to > from {
            total += to - from;
            until = Some(to);
        }
    }
    u32::try_from(total.num_minutes()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseId, MeetingStatus, Repeat, RepeatEvery};
    use crate::testing::{at, meeting};

    #[test]
    fn counts_case_meetings_and_buffers_and_subtracts_overlapping_time_once() {
        let hours = WorkingHours::default(); // 08:00–15:30, Monday–Friday
        let mut a = meeting(1, "2026-11-24 10:00", 60);
        a.prep_minutes = 15;
        a.follow_up_minutes = 15;
        a.case = Some(CaseId(1));
        let mut b = meeting(2, "2026-11-24 10:30", 60); // overlaps a
        b.case = Some(CaseId(2));
        b.prep_minutes = 0;
        b.follow_up_minutes = 0;
        let mut cancelled = meeting(3, "2026-11-24 13:00", 60);
        cancelled.case = Some(CaseId(3));
        cancelled.status = MeetingStatus::CancelledByCitizen;
        let mut next = meeting(4, "2026-12-01 09:00", 90);
        next.case = Some(CaseId(1));
        next.prep_minutes = 0;
        next.follow_up_minutes = 0;
        let load = workload(
            &[a, b, cancelled, next],
            &[],
            at("2026-11-24 09:00"),
            &hours,
        );
        let w = load.this_week;
        assert_eq!(w.monday, at("2026-11-23 00:00").date());
        assert_eq!((w.meetings, w.meeting_minutes), (2, 120));
        assert_eq!((w.prep_minutes, w.follow_up_minutes), (15, 15));
        // From 09:00 Tuesday: 6.5 h today minus 09:45–11:30 (1 h 45), plus Wed–Fri 7.5 h each.
        assert_eq!(w.free_minutes, (390 - 105) + 3 * 450);
        let n = load.next_week;
        assert_eq!((n.meetings, n.meeting_minutes), (1, 90));
        assert_eq!(n.free_minutes, 5 * 450 - 90);
    }

    #[test]
    fn a_home_visit_takes_its_travel_there_and_back_from_the_free_time() {
        let hours = WorkingHours::default();
        let mut visit = meeting(1, "2026-11-24 10:00", 60);
        visit.travel_minutes = 20;
        visit.prep_minutes = 10;
        visit.follow_up_minutes = 10;
        let w = workload(&[visit], &[], at("2026-11-23 07:00"), &hours).this_week;
        assert_eq!(w.travel_minutes, 40);
        // 09:30–11:30 taken: 20 travel, 10 prep, 60 meeting, 10 follow-up, 20 travel.
        assert_eq!(w.free_minutes, 5 * 450 - 120);
    }

    #[test]
    fn repeating_blocks_take_free_time_but_are_not_meetings() {
        let hours = WorkingHours::default();
        let mut block = meeting(9, "2026-11-16 08:00", 60);
        block.case = None;
        block.prep_minutes = 0;
        block.follow_up_minutes = 0;
        block.repeat = Some(Repeat {
            every: RepeatEvery::Weekdays,
            interval: 1,
            count: None,
            until: None,
            skipped: vec![],
        });
        let load = workload(&[block], &[], at("2026-11-23 07:00"), &hours);
        assert_eq!(load.this_week.meetings, 0);
        assert_eq!(load.this_week.free_minutes, 5 * (450 - 60));
    }

    #[test]
    fn busy_time_from_another_calendar_is_counted_once_and_leaves_no_free_time() {
        let hours = WorkingHours::default(); // 08:00–15:30
        let mut m = meeting(1, "2026-11-24 10:00", 60);
        m.case = Some(CaseId(1));
        let busy = [
            // Overlapping each other and the meeting: 09:00–11:00 busy, once.
            (at("2026-11-24 09:00"), at("2026-11-24 10:30")),
            (at("2026-11-24 10:00"), at("2026-11-24 11:00")),
            // A whole day: only working hours count.
            (at("2026-11-26 00:00"), at("2026-11-27 00:00")),
        ];
        let w = workload(&[m], &busy, at("2026-11-23 07:00"), &hours).this_week;
        assert_eq!(w.busy_minutes, 120 + 450);
        assert_eq!((w.meetings, w.meeting_minutes), (1, 60));
        // Tuesday 09:00–11:00 taken, Thursday all of it.
        assert_eq!(w.free_minutes, 5 * 450 - 120 - 450);
    }
}
