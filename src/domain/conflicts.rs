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

/// What each occurrence of a day shows on its block, index-aligned with `day` (in start
/// order, as [`occurrences`](super::agenda::occurrences) gives it): the warnings
/// [`day_warnings`] gives, except that at most one overlap and one buffer overlap (with the
/// earliest meeting of the day it touches) stand for all of them. Each occurrence asks for
/// the earliest one it touches in a few logarithmic searches ([`FirstAbove`]), so a day with
/// two thousand meetings costs what its meetings cost, not what the pairs that touch cost.
pub fn day_marks<'a>(
    day: &[Occurrence<'_>],
    hours: &WorkingHours,
    away: impl Fn(CaseId) -> &'a [AwayPeriod],
) -> Vec<Vec<Warning>> {
    // Times as plain numbers; `None` for an occurrence that takes no time.
    struct Times {
        busy: (i128, i128),
        own: (i128, i128),
    }
    let nanos = |t: NaiveDateTime| {
        let t = t.and_utc();
        i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos())
    };
    let times: Vec<Option<Times>> = day
        .iter()
        .map(|o| {
            let (from, to) = busy_span(o.meeting, o.start);
            o.meeting.status.occupies_time().then(|| Times {
                busy: (nanos(from), nanos(to)),
                own: (nanos(o.start), nanos(o.end())),
            })
        })
        .collect();
    let starts: Vec<i128> = day.iter().map(|o| nanos(o.start)).collect();
    // The same occurrence twice, or itself.
    let same = |i: usize, j: usize| {
        i == j || (day[i].start == day[j].start && day[i].meeting.id == day[j].meeting.id)
    };
    // The first position from `from` on that `search` finds and `fits` accepts.
    let first = |search: &FirstAbove, x: i128, mut from: usize, fits: &dyn Fn(usize) -> bool| {
        while let Some(j) = search.first_above(from, x) {
            if fits(j) {
                return Some(j);
            }
            from = j + 1;
        }
        None
    };
    let mut ends = FirstAbove::new(day.len());
    // Busy starts negated: "the first that starts its busy time before x".
    let mut busy_starts = FirstAbove::new(day.len());
    for (j, t) in times.iter().enumerate() {
        if let Some(t) = t {
            ends.set(j, t.own.1);
            busy_starts.set(j, -t.busy.0);
        }
    }
    // The occurrences that have ended, by end, entered into `ended` (their busy end) as the
    // loop below passes their end.
    let mut by_end: Vec<usize> = (0..day.len()).filter(|&j| times[j].is_some()).collect();
    by_end.sort_by_key(|&j| times[j].as_ref().map_or(0, |t| t.own.1));
    let mut by_end = by_end.into_iter().peekable();
    let mut ended = FirstAbove::new(day.len());
    let mut overlap: Vec<Option<usize>> = vec![None; day.len()];
    let mut buffer: Vec<Option<usize>> = vec![None; day.len()];
    for (i, t) in times.iter().enumerate() {
        let Some(t) = t else { continue };
        // Every occurrence that starts before this one ends and ends after it starts: in
        // start order, so the first that ends after it starts is the earliest, unless it
        // starts too late.
        overlap[i] = first(&ends, t.own.0, 0, &|j| !same(i, j)).filter(|&j| starts[j] < t.own.1);
        // Only the buffers touch: one that ended by the time this one starts and whose busy
        // time reaches past this one's busy start…
        while let Some(&j) = by_end.peek() {
            match &times[j] {
                Some(tj) if tj.own.1 <= t.own.0 => {
                    ended.set(j, tj.busy.1);
                    by_end.next();
                }
                _ => break,
            }
        }
        let busy_from = |j: usize| times[j].as_ref().map_or(i128::MAX, |tj| tj.busy.0);
        let busy_to = |j: usize| times[j].as_ref().map_or(i128::MIN, |tj| tj.busy.1);
        let before = first(&ended, t.busy.0, 0, &|j| {
            !same(i, j) && busy_from(j) < t.busy.1
        });
        // …or one that starts once this one has ended and whose busy time begins before this
        // one's ends.
        let later = starts.partition_point(|&s| s < t.own.1);
        let after = first(&busy_starts, -t.busy.1, later, &|j| {
            !same(i, j) && busy_to(j) > t.busy.0
        });
        buffer[i] = match (before, after) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
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

/// Values by position, for "the first position from here on whose value is above x" in
/// logarithmic time (a segment tree of maxima). Positions without a value hold the minimum.
struct FirstAbove {
    leaves: usize,
    max: Vec<i128>,
}

impl FirstAbove {
    fn new(positions: usize) -> FirstAbove {
        let leaves = positions.next_power_of_two();
        FirstAbove {
            leaves,
            max: vec![i128::MIN; 2 * leaves],
        }
    }

    fn set(&mut self, at: usize, value: i128) {
        let mut node = at + self.leaves;
        self.max[node] = value;
        while node > 1 {
            node /= 2;
            self.max[node] = self.max[2 * node].max(self.max[2 * node + 1]);
        }
    }

    /// The first position from `from` on whose value is above `x`.
    fn first_above(&self, from: usize, x: i128) -> Option<usize> {
        self.descend(1, 0, self.leaves, from, x)
    }

    /// [`FirstAbove::first_above`] within `node`, which covers positions `lo..hi`.
    fn descend(&self, node: usize, lo: usize, hi: usize, from: usize, x: i128) -> Option<usize> {
        if hi <= from || self.max[node] <= x {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        let mid = (lo + hi) / 2;
        self.descend(2 * node, lo, mid, from, x)
            .or_else(|| self.descend(2 * node + 1, mid, hi, from, x))
    }
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
