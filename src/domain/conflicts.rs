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
    out.extend(citizen_away(case.map_or(&[], |c| &c.away), start.date()));
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
