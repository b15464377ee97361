//! "Find the next free N minutes": the first gap within working hours, respecting the
//! preparation and follow-up buffers of the meetings around it.

use super::agenda::Occurrence;
use super::busy::Span;
use super::conflicts::busy_span;
use super::hours::WorkingHours;
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

/// Slots start on a quarter of an hour: people book 9:15, not 9:07.
const STEP_MINUTES: i64 = 15;

/// What the new meeting needs around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub minutes: u32,
    pub prep_minutes: u32,
    pub follow_up_minutes: u32,
    /// Travel there and back, outside the preparation and follow-up.
    pub travel_minutes: u32,
}

/// The first start at or after `from`, within `days_ahead` days, where the new meeting and its
/// buffers fit within working hours without touching another meeting's time or buffers.
/// `booked` must hold the occurrences of the days searched, `also_busy` the busy time from
/// other calendars on them.
pub fn next_free(
    from: NaiveDateTime,
    need: Need,
    booked: &[Occurrence<'_>],
    also_busy: &[Span],
    hours: &WorkingHours,
    days_ahead: u32,
) -> Option<NaiveDateTime> {
    let busy: Vec<_> = booked
        .iter()
        .filter(|o| o.meeting.status.occupies_time())
        .map(|o| busy_span(o.meeting, o.start))
        .chain(also_busy.iter().copied())
        .collect();
    let length = Duration::minutes(i64::from(need.minutes));
    let before = Duration::minutes(i64::from(need.prep_minutes + need.travel_minutes));
    let after = Duration::minutes(i64::from(need.follow_up_minutes + need.travel_minutes));
    for day in from.date().iter_days().take(days_ahead as usize + 1) {
        if !hours.is_working_day(day) {
            continue;
        }
        let mut start = round_up(from.max(hours.opens(day) + before));
        while start + length + after <= hours.closes(day) {
            let span = (start - before, start + length + after);
            match busy
                .iter()
                .filter(|b| b.0 < span.1 && span.0 < b.1)
                .map(|b| b.1)
                .max()
            {
                None => return Some(start),
                // Jump past the blocking meeting instead of stepping through it.
                Some(blocked_until) => start = round_up(blocked_until + before),
            }
        }
    }
    None
}

/// The free start closest to `wanted`: later that day or on the following days, or earlier on
/// the same day, whichever is nearer. For "the same time in four weeks, or the nearest free time".
pub fn nearest_free(
    wanted: NaiveDateTime,
    need: Need,
    booked: &[Occurrence<'_>],
    also_busy: &[Span],
    hours: &WorkingHours,
    days_ahead: u32,
) -> Option<NaiveDateTime> {
    let later = next_free(wanted, need, booked, also_busy, hours, days_ahead);
    let mut earlier = None;
    let mut from = wanted.date().and_time(chrono::NaiveTime::MIN);
    while let Some(slot) = next_free(from, need, booked, also_busy, hours, 0) {
        if slot >= wanted {
            break;
        }
        earlier = Some(slot);
        from = slot + Duration::minutes(STEP_MINUTES);
    }
    let distance = |s: &NaiveDateTime| (*s - wanted).num_minutes().abs();
    [later, earlier].into_iter().flatten().min_by_key(distance)
}

/// The free stretches of `date`'s working day between its meetings (`day` holds them, in any
/// order), as minutes since midnight, each a quarter of an hour or longer; none on a day off.
/// Only the meetings' own time counts here, not their buffers: this is what the day shows as
/// free, not where a new meeting fits (that is [`next_free`]). `also_busy` is busy time from
/// other calendars; a stretch of it that starts before or ends after the day takes the day's
/// part of it.
pub fn free_stretches(
    date: NaiveDate,
    day: &[Occurrence<'_>],
    also_busy: &[Span],
    hours: &WorkingHours,
) -> Vec<(u32, u32)> {
    if !hours.is_working_day(date) {
        return Vec::new();
    }
    let minute_of = |t: chrono::NaiveTime| t.hour() * 60 + t.minute();
    let (open, close) = (minute_of(hours.start), minute_of(hours.end));
    let mut busy: Vec<(u32, u32)> = day
        .iter()
        .filter(|o| o.meeting.status.occupies_time())
        .map(|o| {
            let start = minute_of(o.start.time());
            let end = (start + o.meeting.minutes).min(24 * 60);
            (start, end.max(start + 1))
        })
        .collect();
    let midnight = date.and_time(chrono::NaiveTime::MIN);
    let minute_in_day = |t: NaiveDateTime| (t - midnight).num_minutes().clamp(0, 24 * 60) as u32;
    busy.extend(
        also_busy
            .iter()
            .map(|(from, to)| (minute_in_day(*from), minute_in_day(*to)))
            .filter(|(from, to)| from < to),
    );
    busy.sort();
    let mut gaps = Vec::new();
    let mut from = open;
    for (start, end) in busy {
        if start > from {
            gaps.push((from, start.min(close)));
        }
        from = from.max(end);
    }
    gaps.push((from, close));
    gaps.retain(|(start, end)| *end >= *start + STEP_MINUTES as u32);
    gaps
}

/// The first quarter-hour mark at or after `t`.
fn round_up(t: NaiveDateTime) -> NaiveDateTime {
    let whole_minute = t
        .with_second(0)
        .and_then(|r| r.with_nanosecond(0))
        .unwrap_or(t);
    let t = if whole_minute < t {
        whole_minute + Duration::minutes(1)
    } else {
        t
    };
    let minutes = i64::from(t.minute());
    t + Duration::minutes((STEP_MINUTES - minutes % STEP_MINUTES) % STEP_MINUTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::occurrences;
    use crate::testing::{at, meeting};

    const NEED: Need = Need {
        minutes: 45,
        prep_minutes: 10,
        follow_up_minutes: 0,
        travel_minutes: 0,
    };

    #[test]
    fn free_stretches_lie_between_the_meetings_of_a_working_day() {
        let mut cancelled = meeting(3, "2026-11-24 13:00", 60);
        cancelled.status = crate::model::MeetingStatus::CancelledByCitizen;
        let ms = [
            meeting(1, "2026-11-24 09:00", 60),
            meeting(2, "2026-11-24 10:10", 50),
            cancelled,
        ];
        let tuesday = at("2026-11-24 00:00").date();
        let day = occurrences(&ms, tuesday, tuesday);
        let hours = WorkingHours::default();
        let m = |h: u32, min: u32| h * 60 + min;
        // 10:00–10:10 is too short to count; the cancelled meeting leaves its hour free.
        assert_eq!(
            free_stretches(tuesday, &day, &[], &hours),
            vec![(m(8, 0), m(9, 0)), (m(11, 0), minute(hours.end))]
        );
        let saturday = at("2026-11-28 00:00").date();
        assert_eq!(free_stretches(saturday, &[], &[], &hours), vec![]);
    }

    fn minute(t: chrono::NaiveTime) -> u32 {
        t.hour() * 60 + t.minute()
    }

    #[test]
    fn empty_day_gives_opening_time_plus_preparation_rounded_to_the_quarter() {
        let hours = WorkingHours::default();
        let got = next_free(at("2026-11-24 07:00"), NEED, &[], &[], &hours, 0);
        assert_eq!(got, Some(at("2026-11-24 08:15")));
    }

    #[test]
    fn skips_past_a_meeting_and_its_follow_up_buffer() {
        let mut m = meeting(1, "2026-11-24 08:00", 60);
        m.follow_up_minutes = 15;
        let ms = [m];
        let booked = occurrences(
            &ms,
            at("2026-11-24 00:00").date(),
            at("2026-11-24 00:00").date(),
        );
        let got = next_free(
            at("2026-11-24 08:00"),
            NEED,
            &booked,
            &[],
            &WorkingHours::default(),
            0,
        );
        // Busy until 09:15; our own 10 minutes of preparation push the start to 09:30.
        assert_eq!(got, Some(at("2026-11-24 09:30")));
    }

    #[test]
    fn travel_to_a_meeting_away_keeps_its_time_free_on_both_sides() {
        let hours = WorkingHours::default();
        let mut visit = meeting(1, "2026-11-24 10:00", 60);
        visit.travel_minutes = 30;
        let tuesday = at("2026-11-24 00:00").date();
        let booked = occurrences(std::slice::from_ref(&visit), tuesday, tuesday);
        let need = Need {
            minutes: 60,
            prep_minutes: 0,
            follow_up_minutes: 0,
            travel_minutes: 0,
        };
        // 08:45–09:45 runs into the travel out (from 09:30); the way back ends at 11:30.
        let from = at("2026-11-24 08:45");
        assert_eq!(
            next_free(from, need, &booked, &[], &hours, 0),
            Some(at("2026-11-24 11:30"))
        );
        // A meeting away itself needs its travel too: 30 before 08:00 does not fit.
        let away = Need {
            travel_minutes: 30,
            ..need
        };
        let early = at("2026-11-24 08:00");
        assert_eq!(
            next_free(early, away, &booked, &[], &hours, 0),
            Some(at("2026-11-24 12:00"))
        );
    }

    #[test]
    fn a_full_day_moves_to_the_next_working_day_skipping_the_weekend() {
        let ms = [meeting(1, "2026-11-27 08:00", 7 * 60 + 30)]; // all of Friday
        let from = at("2026-11-27 08:00").date();
        let booked = occurrences(&ms, from, from + Duration::days(7));
        let got = next_free(
            at("2026-11-27 08:00"),
            NEED,
            &booked,
            &[],
            &WorkingHours::default(),
            7,
        );
        assert_eq!(got, Some(at("2026-11-30 08:15")));
    }

    #[test]
    fn cancelled_meetings_leave_their_time_free() {
        let mut m = meeting(1, "2026-11-24 08:00", 7 * 60 + 30);
        m.status = crate::model::MeetingStatus::CancelledByCitizen;
        let ms = [m];
        let day = at("2026-11-24 00:00").date();
        let got = next_free(
            at("2026-11-24 08:00"),
            NEED,
            &occurrences(&ms, day, day),
            &[],
            &WorkingHours::default(),
            0,
        );
        assert_eq!(got, Some(at("2026-11-24 08:15")));
    }

    #[test]
    fn nearest_free_prefers_the_closer_of_earlier_and_later() {
        // Busy 10:00-14:00; wanted 10:30. Free before at 09:00 (ends 09:45 + no buffers)
        // is 75 minutes away; after, 14:00 is 210 minutes away.
        let ms = [meeting(1, "2026-11-24 10:00", 240)];
        let day = at("2026-11-24 00:00").date();
        let booked = occurrences(&ms, day, day + Duration::days(7));
        let need = Need {
            minutes: 45,
            prep_minutes: 0,
            follow_up_minutes: 0,
            travel_minutes: 0,
        };
        let hours = WorkingHours::default();
        assert_eq!(
            nearest_free(at("2026-11-24 10:30"), need, &booked, &[], &hours, 7),
            Some(at("2026-11-24 09:15"))
        );
        // Wanted 13:30: 14:00 is nearer than 09:15.
        assert_eq!(
            nearest_free(at("2026-11-24 13:30"), need, &booked, &[], &hours, 7),
            Some(at("2026-11-24 14:00"))
        );
        // A free wanted time is kept.
        assert_eq!(
            nearest_free(at("2026-11-24 08:00"), need, &booked, &[], &hours, 7),
            Some(at("2026-11-24 08:00"))
        );
    }

    #[test]
    fn no_room_within_the_search_window_gives_none() {
        let need = Need {
            minutes: 8 * 60,
            prep_minutes: 0,
            follow_up_minutes: 0,
            travel_minutes: 0,
        };
        assert_eq!(
            next_free(
                at("2026-11-24 08:00"),
                need,
                &[],
                &[],
                &WorkingHours::default(),
                14
            ),
            None
        );
    }

    #[test]
    fn seconds_in_the_search_start_never_give_an_earlier_slot() {
        let from = at("2026-11-24 09:00") + Duration::seconds(30);
        let need = Need {
            minutes: 30,
            prep_minutes: 0,
            follow_up_minutes: 0,
            travel_minutes: 0,
        };
        assert_eq!(
            next_free(from, need, &[], &[], &WorkingHours::default(), 0),
            Some(at("2026-11-24 09:15"))
        );
    }

    #[test]
    fn busy_time_from_another_calendar_is_skipped_and_is_not_free() {
        let busy = [(at("2026-11-24 08:00"), at("2026-11-24 10:00"))];
        let hours = WorkingHours::default();
        // Busy until 10:00; our 10 minutes of preparation push the start to 10:15.
        assert_eq!(
            next_free(at("2026-11-24 08:00"), NEED, &[], &busy, &hours, 0),
            Some(at("2026-11-24 10:15"))
        );
        let tuesday = at("2026-11-24 00:00").date();
        assert_eq!(
            free_stretches(tuesday, &[], &busy, &hours),
            vec![(10 * 60, minute(hours.end))]
        );
        // A whole-day block leaves no free time that day: the next slot is Wednesday's.
        let whole_day = [(at("2026-11-24 00:00"), at("2026-11-25 00:00"))];
        assert!(free_stretches(tuesday, &[], &whole_day, &hours).is_empty());
        assert_eq!(
            next_free(at("2026-11-24 08:00"), NEED, &[], &whole_day, &hours, 1),
            Some(at("2026-11-25 08:15"))
        );
    }
}
