//! Warnings about a meeting's time: overlaps, buffers that collide, outside working hours,
//! a holiday, a citizen who is away. Warnings only: nothing here refuses a booking.

use super::agenda::Occurrence;
use super::hours::WorkingHours;
use crate::model::{AwayPeriod, AwayReason, Case, CaseId, ExternalId, Meeting, MeetingId};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The meeting itself overlaps another meeting.
    Overlap {
        with: MeetingId,
        start: NaiveDateTime,
    },
    /// Only the preparation or follow-up time collides with another meeting.
    BufferOverlap {
        with: MeetingId,
        start: NaiveDateTime,
    },
    OutsideWorkingHours,
    /// A weekend or a public holiday.
    NotAWorkingDay,
    CitizenAway {
        reason: AwayReason,
    },
    /// The meeting (or only its preparation or follow-up) is over busy time from another
    /// calendar (#16): see [`super::busy::external_warnings`].
    Busy {
        with: ExternalId,
        only_buffer: bool,
    },
}

/// The time a meeting takes including its preparation and follow-up, and travel there and
/// back when it is away from the office (outside the preparation and follow-up).
pub fn busy_span(meeting: &Meeting, start: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
    let end = start + Duration::minutes(i64::from(meeting.minutes));
    let before = meeting.prep_minutes + meeting.travel_minutes;
    let after = meeting.follow_up_minutes + meeting.travel_minutes;
    (
        start - Duration::minutes(i64::from(before)),
        end + Duration::minutes(i64::from(after)),
    )
}

fn intersects(a: (NaiveDateTime, NaiveDateTime), b: (NaiveDateTime, NaiveDateTime)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Warnings for `meeting` starting at `start`, against the other occurrences of its days.
/// Cancelled and moved meetings take no time and raise no overlap.
pub fn warnings(
    meeting: &Meeting,
    start: NaiveDateTime,
    others: &[Occurrence<'_>],
    hours: &WorkingHours,
    case: Option<&Case>,
) -> Vec<Warning> {
    let away = case.map_or(&[][..], |c| c.away.as_slice());
    warnings_with_away(meeting, start, others, hours, away)
}

/// [`warnings`] with the away periods of the meeting's case (none for a meeting without one).
pub fn warnings_with_away(
    meeting: &Meeting,
    start: NaiveDateTime,
    others: &[Occurrence<'_>],
    hours: &WorkingHours,
    away: &[AwayPeriod],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let end = start + Duration::minutes(i64::from(meeting.minutes));
    if !meeting.status.occupies_time() {
        return out;
    }
    for other in others {
        let same = other.meeting.id == meeting.id && other.start == start;
        if same || !other.meeting.status.occupies_time() {
            continue;
        }
        let with = other.meeting.id;
        if intersects((start, end), (other.start, other.end())) {
            out.push(Warning::Overlap {
                with,
                start: other.start,
            });
        } else if intersects(
            busy_span(meeting, start),
            busy_span(other.meeting, other.start),
        ) {
            out.push(Warning::BufferOverlap {
                with,
                start: other.start,
            });
        }
    }
    if !hours.is_working_day(start.date()) {
        out.push(Warning::NotAWorkingDay);
    } else if !hours.contains(start, end) {
        out.push(Warning::OutsideWorkingHours);
    }
    out.extend(citizen_away(away, start.date()));
    out
}

/// "The citizen is away" on `day`, from the case's away periods (holiday, sick, hospital).
pub fn citizen_away(away: &[AwayPeriod], day: NaiveDate) -> Option<Warning> {
    away.iter()
        .find(|a| a.from <= day && day <= a.to)
        .map(|a| Warning::CitizenAway { reason: a.reason })
}

/// The warnings of every occurrence of a day at once, index-aligned with `day` and each in the
/// order [`warnings`] gives: one sweep in start order, so a crowded day costs what its
/// collisions cost, not every pair. `away` gives the away periods of a meeting's case, for
/// "citizen away".
pub fn day_warnings<'a>(
    day: &[Occurrence<'_>],
    hours: &WorkingHours,
    away: impl Fn(CaseId) -> &'a [AwayPeriod],
) -> Vec<Vec<Warning>> {
    let mut out: Vec<Vec<Warning>> = vec![Vec::new(); day.len()];
    let spans: Vec<(NaiveDateTime, NaiveDateTime)> =
        day.iter().map(|o| busy_span(o.meeting, o.start)).collect();
    let mut order: Vec<usize> = (0..day.len())
        .filter(|&i| day[i].meeting.status.occupies_time())
        .collect();
    order.sort_by_key(|&i| spans[i].0);
    for (pos, &i) in order.iter().enumerate() {
        for &j in &order[pos + 1..] {
            if spans[j].0 >= spans[i].1 {
                break;
            }
            let (a, b) = (&day[i], &day[j]);
            if a.meeting.id == b.meeting.id && a.start == b.start {
                continue;
            }
            let overlap = intersects((a.start, a.end()), (b.start, b.end()));
            let (to_a, to_b) = if overlap {
                (
                    Warning::Overlap {
                        with: b.meeting.id,
                        start: b.start,
                    },
                    Warning::Overlap {
                        with: a.meeting.id,
                        start: a.start,
                    },
                )
            } else {
                (
                    Warning::BufferOverlap {
                        with: b.meeting.id,
                        start: b.start,
                    },
                    Warning::BufferOverlap {
                        with: a.meeting.id,
                        start: a.start,
                    },
                )
            };
            out[i].push(to_a);
            out[j].push(to_b);
        }
    }
    for (i, occ) in day.iter().enumerate() {
        if !occ.meeting.status.occupies_time() {
            continue;
        }
        if !hours.is_working_day(occ.start.date()) {
            out[i].push(Warning::NotAWorkingDay);
        } else if !hours.contains(occ.start, occ.end()) {
            out[i].push(Warning::OutsideWorkingHours);
        }
        if let Some(case) = occ.meeting.case {
            out[i].extend(citizen_away(away(case), occ.start.date()));
        }
    }
    // In the order [`warnings`] gives them: the other meetings in the day's order, then the
    // working hours (the sort is stable). Positions are looked up once per warning, not
    // searched for per comparison: a full day has as many warnings as pairs of meetings that
    // touch.
    let mut positions: HashMap<(MeetingId, NaiveDateTime), usize> = HashMap::new();
    for (i, o) in day.iter().enumerate() {
        positions.entry((o.meeting.id, o.start)).or_insert(i);
    }
    let position = |w: &Warning| match w {
        Warning::Overlap { with, start } | Warning::BufferOverlap { with, start } => positions
            .get(&(*with, *start))
            .copied()
            .unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    for list in &mut out {
        list.sort_by_cached_key(position);
    }
    out
}

/// What each occurrence of a day shows on its block, index-aligned with `day`: the warnings
/// [`day_warnings`] gives, except that at most one overlap and one buffer overlap (with the
/// earliest meeting of the day it touches) stand for all of them. One sweep in start order
/// that marks the pairs of meetings that touch and lists none of them, so a day with two
/// thousand meetings costs a few milliseconds, not a list per pair.
pub fn day_marks<'a>(
    day: &[Occurrence<'_>],
    hours: &WorkingHours,
    away: impl Fn(CaseId) -> &'a [AwayPeriod],
) -> Vec<Vec<Warning>> {
    // What the sweep compares, side by side in start order of the busy spans, so its inner
    // loop (every pair of meetings that touch: hundreds of thousands on a crowded day) reads
    // one array and no meeting.
    // Times as plain numbers: the inner loop compares them hundreds of thousands of times.
    struct Block {
        busy: (i128, i128),
        own: (i128, i128),
        id: MeetingId,
        /// The index in `day`.
        at: usize,
    }
    let nanos = |t: NaiveDateTime| {
        let t = t.and_utc();
        i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos())
    };
    let span = |(from, to): (NaiveDateTime, NaiveDateTime)| (nanos(from), nanos(to));
    let mut blocks: Vec<Block> = day
        .iter()
        .enumerate()
        .filter(|(_, o)| o.meeting.status.occupies_time())
        .map(|(at, o)| Block {
            busy: span(busy_span(o.meeting, o.start)),
            own: span((o.start, o.end())),
            id: o.meeting.id,
            at,
        })
        .collect();
    blocks.sort_by_key(|b| b.busy.0);
    // The earliest occurrence (by its index in `day`) each one overlaps, and touches only by
    // its buffers.
    let mut overlap: Vec<Option<usize>> = vec![None; day.len()];
    let mut buffer: Vec<Option<usize>> = vec![None; day.len()];
    let earliest = |slot: &mut Option<usize>, other: usize| {
        *slot = Some(slot.map_or(other, |s| s.min(other)));
    };
    for (pos, a) in blocks.iter().enumerate() {
        for b in &blocks[pos + 1..] {
            if b.busy.0 >= a.busy.1 {
                break;
            }
            // The same occurrence twice.
            if a.own.0 == b.own.0 && a.id == b.id {
                continue;
            }
            let marks = if a.own.0 < b.own.1 && b.own.0 < a.own.1 {
                &mut overlap
            } else {
                &mut buffer
            };
            earliest(&mut marks[a.at], b.at);
            earliest(&mut marks[b.at], a.at);
        }
    }
    day.iter()
        .enumerate()
        .map(|(i, occ)| {
            let mut out = Vec::new();
            let overlap = overlap[i].map(|j| {
                let with = (day[j].meeting.id, day[j].start);
                (
                    j,
                    Warning::Overlap {
                        with: with.0,
                        start: with.1,
                    },
                )
            });
            let buffer = buffer[i].map(|j| {
                let with = (day[j].meeting.id, day[j].start);
                (
                    j,
                    Warning::BufferOverlap {
                        with: with.0,
                        start: with.1,
                    },
                )
            });
            // In the order of the meetings they name.
            let (first, second) = match (&overlap, &buffer) {
                (Some((o, _)), Some((b, _))) if b < o => (buffer, overlap),
                _ => (overlap, buffer),
            };
            out.extend(first.map(|(_, w)| w));
            out.extend(second.map(|(_, w)| w));
            if occ.meeting.status.occupies_time() {
                if !hours.is_working_day(occ.start.date()) {
                    out.push(Warning::NotAWorkingDay);
                } else if !hours.contains(occ.start, occ.end()) {
                    out.push(Warning::OutsideWorkingHours);
                }
                if let Some(case) = occ.meeting.case {
                    out.extend(citizen_away(away(case), occ.start.date()));
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::occurrences;
    use crate::testing::{at, meeting};

    fn check(m: &Meeting, others: &[Meeting]) -> Vec<Warning> {
        let day = m.start.date();
        let occ = occurrences(others, day, day);
        warnings(m, m.start, &occ, &WorkingHours::default(), None)
    }

    #[test]
    fn overlap_is_a_warning_naming_the_other_meeting() {
        let other = meeting(2, "2026-11-24 10:00", 60);
        let m = meeting(1, "2026-11-24 10:30", 45);
        assert_eq!(
            check(&m, &[other]),
            vec![Warning::Overlap {
                with: MeetingId(2),
                start: at("2026-11-24 10:00")
            }]
        );
    }

    #[test]
    fn back_to_back_is_fine_but_colliding_buffers_are_flagged() {
        let other = meeting(2, "2026-11-24 10:00", 60);
        let mut m = meeting(1, "2026-11-24 11:00", 45);
        assert!(check(&m, std::slice::from_ref(&other)).is_empty());
        m.prep_minutes = 10;
        assert_eq!(
            check(&m, &[other]),
            vec![Warning::BufferOverlap {
                with: MeetingId(2),
                start: at("2026-11-24 10:00")
            }]
        );
    }

    #[test]
    fn cancelled_meetings_do_not_overlap() {
        let mut other = meeting(2, "2026-11-24 10:00", 60);
        other.status = crate::model::MeetingStatus::CancelledByCaseworker;
        assert!(check(&meeting(1, "2026-11-24 10:15", 30), &[other]).is_empty());
    }

    #[test]
    fn outside_hours_weekends_and_holidays_are_warnings() {
        assert_eq!(
            check(&meeting(1, "2026-11-24 15:00", 60), &[]),
            vec![Warning::OutsideWorkingHours]
        );
        assert_eq!(
            check(&meeting(1, "2026-11-28 10:00", 60), &[]),
            vec![Warning::NotAWorkingDay]
        );
        assert_eq!(
            check(&meeting(1, "2026-12-25 10:00", 60), &[]),
            vec![Warning::NotAWorkingDay]
        );
    }

    #[test]
    fn day_warnings_agree_with_warnings_one_by_one() {
        let mut with_buffer = meeting(4, "2026-11-24 11:45", 30);
        with_buffer.prep_minutes = 20;
        let mut cancelled = meeting(5, "2026-11-24 10:15", 30);
        cancelled.status = crate::model::MeetingStatus::CancelledByCitizen;
        let mut long_prep = meeting(7, "2026-11-24 13:30", 30);
        long_prep.prep_minutes = 60;
        let ms = [
            meeting(1, "2026-11-24 10:00", 60),
            meeting(2, "2026-11-24 10:30", 60),
            meeting(3, "2026-11-24 15:00", 60),
            with_buffer,
            cancelled,
            // A long preparation puts 7 first in the sweep though 6 starts before it: 8's
            // warnings still come in the day's order, 6 then 7.
            meeting(6, "2026-11-24 13:00", 60),
            long_prep,
            meeting(8, "2026-11-24 13:15", 30),
        ];
        let day = ms[0].start.date();
        let occ = occurrences(&ms, day, day);
        let hours = WorkingHours::default();
        let together = day_warnings(&occ, &hours, |_| &[]);
        for (i, o) in occ.iter().enumerate() {
            let one = warnings(o.meeting, o.start, &occ, &hours, None);
            assert_eq!(together[i], one, "meeting {}", o.meeting.id);
        }
    }

    /// [`day_marks`] is [`day_warnings`] with every overlap but the first, and every buffer
    /// overlap but the first, left out.
    fn marks_are_the_first_of_the_whole_lists(ms: &[Meeting]) {
        let day = ms[0].start.date();
        let occ = occurrences(ms, day, day);
        let hours = WorkingHours::default();
        let whole = day_warnings(&occ, &hours, |_| &[]);
        let marks = day_marks(&occ, &hours, |_| &[]);
        for (i, o) in occ.iter().enumerate() {
            let first = |overlap: bool| {
                whole[i]
                    .iter()
                    .find(|w| match w {
                        Warning::Overlap { .. } => overlap,
                        Warning::BufferOverlap { .. } => !overlap,
                        _ => false,
                    })
                    .cloned()
            };
            let expected: Vec<Warning> = whole[i]
                .iter()
                .filter(|w| match w {
                    Warning::Overlap { .. } => first(true).as_ref() == Some(*w),
                    Warning::BufferOverlap { .. } => first(false).as_ref() == Some(*w),
                    _ => true,
                })
                .cloned()
                .collect();
            assert_eq!(marks[i], expected, "meeting {}", o.meeting.id);
        }
    }

    proptest::proptest! {
        /// A crowded day of random meetings, buffers, travel, cancellations and meetings
        /// starting together: the marks are still the first of the whole lists (#21).
        #[test]
        fn day_marks_on_any_crowded_day(
            blocks in proptest::collection::vec(
                (0u32..40, 1u32..8, 0u32..3, 0u32..3, 0u32..2, 0u8..6),
                1..60,
            )
        ) {
            let ms: Vec<Meeting> = blocks
                .iter()
                .enumerate()
                .map(|(i, &(quarter, length, prep, follow, travel, status))| {
                    let mut m = meeting(i as u64 + 1, "2026-11-24 07:00", length * 15);
                    m.start += Duration::minutes(i64::from(quarter) * 15);
                    m.prep_minutes = prep * 10;
                    m.follow_up_minutes = follow * 10;
                    m.travel_minutes = travel * 15;
                    if status == 0 {
                        m.status = crate::model::MeetingStatus::CancelledByCitizen;
                    }
                    m
                })
                .collect();
            marks_are_the_first_of_the_whole_lists(&ms);
        }
    }

    #[test]
    fn day_marks_are_the_warnings_with_one_overlap_and_one_buffer_overlap_standing_for_all() {
        let mut with_buffer = meeting(4, "2026-11-24 11:45", 30);
        with_buffer.prep_minutes = 20;
        let mut long_prep = meeting(7, "2026-11-24 13:30", 30);
        long_prep.prep_minutes = 60;
        let mut cancelled = meeting(5, "2026-11-24 10:15", 30);
        cancelled.status = crate::model::MeetingStatus::CancelledByCitizen;
        let ms = [
            meeting(1, "2026-11-24 10:00", 60),
            meeting(2, "2026-11-24 10:30", 60),
            meeting(9, "2026-11-24 10:45", 60),
            meeting(3, "2026-11-24 15:00", 60),
            with_buffer,
            cancelled,
            meeting(6, "2026-11-24 13:00", 60),
            long_prep,
            meeting(8, "2026-11-24 13:15", 30),
        ];
        marks_are_the_first_of_the_whole_lists(&ms);
        let day = ms[0].start.date();
        let occ = occurrences(&ms, day, day);
        let whole = day_warnings(&occ, &WorkingHours::default(), |_| &[]);
        let overlaps = |id: u64| {
            let i = occ.iter().position(|o| o.meeting.id.0 == id).unwrap();
            whole[i]
                .iter()
                .filter(|w| matches!(w, Warning::Overlap { .. }))
                .count()
        };
        assert_eq!(overlaps(2), 2, "10:30 overlaps 10:00 and 10:45");
    }

    #[test]
    fn overlapping_marks_both_meetings() {
        let ms = [
            meeting(1, "2026-11-24 10:00", 60),
            meeting(2, "2026-11-24 10:30", 60),
            meeting(3, "2026-11-24 13:00", 30),
        ];
        let day = ms[0].start.date();
        let occ = occurrences(&ms, day, day);
        let marked: Vec<MeetingId> = day_warnings(&occ, &WorkingHours::default(), |_| &[])
            .iter()
            .zip(&occ)
            .filter(|(w, _)| w.iter().any(|w| matches!(w, Warning::Overlap { .. })))
            .map(|(_, o)| o.meeting.id)
            .collect();
        assert_eq!(marked, vec![MeetingId(1), MeetingId(2)]);
    }
}
