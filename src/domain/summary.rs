//! A case's summary (#21): what Today, the board and the week planner need of a case's
//! meetings, contact events, courses and medical requests, kept beside the case so a screen
//! reads one small value instead of the records.
//!
//! The summary does not depend on the clock: it holds the newest held meeting, the newest
//! event that reached the citizen, and what follows them (planned starts, afbud and
//! udeblevet), so "the next meeting from now" and "the last contact by now" are lookups for
//! any `now` at or after those two. For an earlier `now` (a meeting marked held before it
//! started, an event logged ahead) [`CaseSummary::holds_at`] says no and the caller reads the
//! records. The rules themselves stay where they are: [`super::contact`] says what counts as
//! contact, [`super::cadence`] what the afbud and udeblevet mean.

use super::contact;
use crate::model::{CaseId, ContactEvent, Course, MedicalRequest, Meeting, MeetingStatus};
use crate::time::Zone;
use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// What is kept of one case's records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    /// Start of the newest held meeting (by start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_held: Option<NaiveDateTime>,
    /// Afbud (by the citizen) and udeblevet on days after `last_held`'s day (all of them when
    /// none was held), by start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_counted: Vec<(NaiveDateTime, MeetingStatus)>,
    /// Starts of planned meetings from the midnight before `last_held` on, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<NaiveDateTime>,
    /// Starts of udeblevet and afbud (not repeating blocks) from twelve months before
    /// `last_held` on, in order: the board's "missed in the last 12 months".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<NaiveDateTime>,
    /// When the newest logged event (by id) that reached the citizen happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reached_event: Option<DateTime<Utc>>,
    /// Courses not finished.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub open_courses: usize,
    /// Medical requests neither received nor withdrawn.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub open_requests: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A case's first meeting planned or held from a moment on, as far as its summary tells
/// ([`CaseSummary::first_meeting_from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstMeeting {
    /// There is none.
    None,
    /// It starts on this day.
    On(NaiveDate),
    /// It starts on this day or before (a held meeting starts on it).
    By(NaiveDate),
}

/// The summary of case `case` from its records (records of other cases are skipped). Of the
/// meetings only those from [`reach_back`] before the newest held one matter, and of the
/// events only the newest one that reached the citizen, so a caller may pass just those.
pub fn summarize(
    case: CaseId,
    meetings: &[Meeting],
    events: &[ContactEvent],
    courses: &[Course],
    requests: &[MedicalRequest],
) -> CaseSummary {
    let own: Vec<&Meeting> = meetings.iter().filter(|m| m.case == Some(case)).collect();
    let last_held = own
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .map(|m| m.start)
        .max();
    let held_day = last_held.map(|h| h.date());
    let mut not_counted: Vec<(NaiveDateTime, MeetingStatus)> = own
        .iter()
        .filter(|m| is_not_counted(m.status) && held_day.is_none_or(|day| m.start.date() > day))
        .map(|m| (m.start, m.status))
        .collect();
    not_counted.sort_by_key(|(start, status)| (*start, *status == MeetingStatus::NoShow));
    let planned_from = last_held.map_or(NaiveDateTime::MIN, |h| midnight(h.date()));
    let mut planned: Vec<NaiveDateTime> = own
        .iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.start >= planned_from)
        .map(|m| m.start)
        .collect();
    planned.sort();
    let missed_from = last_held.map_or(NaiveDateTime::MIN, reach_back);
    let mut missed: Vec<NaiveDateTime> = own
        .iter()
        .filter(|m| is_missed(m) && m.start >= missed_from)
        .map(|m| m.start)
        .collect();
    missed.sort();
    let last_reached_event = events
        .iter()
        .filter(|e| e.case == case && is_reached(e))
        .max_by_key(|e| e.id)
        .map(|e| e.at);
    CaseSummary {
        last_held,
        not_counted,
        planned,
        missed,
        last_reached_event,
        open_courses: courses
            .iter()
            .filter(|c| c.case == case && !c.is_finished())
            .count(),
        open_requests: requests
            .iter()
            .filter(|r| r.case == case && r.is_open())
            .count(),
    }
}

/// How far before the newest held meeting (`last_held`) the summary looks: twelve months,
/// for the missed count of any moment after it.
pub fn reach_back(last_held: NaiveDateTime) -> NaiveDateTime {
    last_held
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDateTime::MIN)
}

/// The event reached the citizen and is contact once it has happened
/// ([`contact::is_contact_event`] without the clock).
pub fn is_reached(event: &ContactEvent) -> bool {
    event.reached && !contact::is_call_back_request(event)
}

/// Afbud and udeblevet: meetings the cadence does not count.
fn is_not_counted(status: MeetingStatus) -> bool {
    matches!(
        status,
        MeetingStatus::CancelledByCitizen | MeetingStatus::NoShow
    )
}

/// Counted as missed on the board: afbud and udeblevet, of single meetings.
fn is_missed(m: &Meeting) -> bool {
    is_not_counted(m.status) && m.repeat.is_none()
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    NaiveDateTime::new(day, NaiveTime::MIN)
}

impl CaseSummary {
    /// Whether the summary answers for `now` (local time): its newest held meeting has started
    /// and its newest reaching event has happened.
    pub fn holds_at(&self, now: NaiveDateTime, zone: &Zone) -> bool {
        self.last_held.is_none_or(|h| h <= now)
            && self.last_reached_event.is_none_or(|e| zone.local(e) <= now)
    }

    /// Whether the meeting facts answer for the whole of `today` (the week planner's count,
    /// which reads no events and counts a meeting held later today).
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        self.last_held.is_none_or(|h| h.date() <= today)
    }

    /// The day of the last held meeting, for the cadence.
    pub fn last_held_day(&self) -> Option<NaiveDate> {
        self.last_held.map(|h| h.date())
    }

    /// The afbud and udeblevet after the last held meeting up to `today`, for the cadence.
    pub fn not_counted_by(&self, today: NaiveDate) -> Vec<(NaiveDate, MeetingStatus)> {
        self.not_counted
            .iter()
            .filter(|(start, _)| start.date() <= today)
            .map(|(start, status)| (start.date(), *status))
            .collect()
    }

    /// The first planned meeting starting at `from` or later.
    pub fn next_planned_from(&self, from: NaiveDateTime) -> Option<NaiveDateTime> {
        let i = self.planned.partition_point(|s| *s < from);
        self.planned.get(i).copied()
    }

    /// What the summary tells of the case's first meeting planned or held that starts at
    /// `from` or later (the course's "a meeting is booked before the end"). It keeps every
    /// planned meeting from the day of the newest held one on, so it knows the first one
    /// exactly when no held meeting starts at `from` or later; with one, only that the first
    /// starts by that meeting's day.
    pub fn first_meeting_from(&self, from: NaiveDateTime) -> FirstMeeting {
        match self.last_held {
            Some(held) if held >= from => FirstMeeting::By(held.date()),
            _ => self
                .next_planned_from(from)
                .map_or(FirstMeeting::None, |start| FirstMeeting::On(start.date())),
        }
    }

    /// The last contact (local time): the newer of the last held meeting and the newest
    /// reaching event. Only right where [`CaseSummary::holds_at`].
    pub fn last_contact(&self, zone: &Zone) -> Option<NaiveDateTime> {
        let event = self.last_reached_event.map(|e| zone.local(e));
        self.last_held.max(event)
    }

    /// Udeblevet and afbud starting at `from` or later.
    pub fn missed_since(&self, from: NaiveDateTime) -> usize {
        self.missed.len() - self.missed.partition_point(|s| *s < from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, EventId};
    use crate::testing::{at, meeting};

    fn with(id: u64, start: &str, status: MeetingStatus) -> Meeting {
        let mut m = meeting(id, start, 45);
        m.case = Some(CaseId(1));
        m.status = status;
        m
    }

    #[test]
    fn the_first_meeting_from_a_moment_is_known_unless_a_held_one_follows_it() {
        let meetings = vec![
            with(1, "2026-03-02 10:00", MeetingStatus::Held),
            with(2, "2026-03-02 14:00", MeetingStatus::Planned),
            with(3, "2026-04-01 10:00", MeetingStatus::NoShow),
            with(4, "2026-06-01 10:00", MeetingStatus::Planned),
        ];
        let s = summarize(CaseId(1), &meetings, &[], &[], &[]);
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            s.first_meeting_from(at("2026-03-02 10:00")),
            FirstMeeting::By(day("2026-03-02"))
        );
        assert_eq!(
            s.first_meeting_from(at("2026-03-02 10:01")),
            FirstMeeting::On(day("2026-03-02")),
            "the meeting planned later on the day of the held one"
        );
        assert_eq!(
            s.first_meeting_from(at("2026-03-03 00:00")),
            FirstMeeting::On(day("2026-06-01")),
            "udeblevet is no meeting held or planned"
        );
        assert_eq!(
            s.first_meeting_from(at("2026-06-01 10:01")),
            FirstMeeting::None
        );
    }

    #[test]
    fn keeps_what_follows_the_newest_held_meeting() {
        let meetings = vec![
            with(1, "2025-01-10 10:00", MeetingStatus::NoShow),
            with(2, "2026-03-02 10:00", MeetingStatus::Held),
            with(3, "2026-03-02 14:00", MeetingStatus::Planned),
            with(4, "2026-05-04 10:00", MeetingStatus::CancelledByCitizen),
            with(5, "2026-06-01 10:00", MeetingStatus::Planned),
            with(6, "2026-02-01 10:00", MeetingStatus::NoShow),
        ];
        let s = summarize(CaseId(1), &meetings, &[], &[], &[]);
        assert_eq!(s.last_held, Some(at("2026-03-02 10:00")));
        assert_eq!(
            s.not_counted,
            vec![(at("2026-05-04 10:00"), MeetingStatus::CancelledByCitizen)]
        );
        assert_eq!(
            s.planned,
            vec![at("2026-03-02 14:00"), at("2026-06-01 10:00")]
        );
        // The no-show of 2025 is more than twelve months before the held meeting.
        assert_eq!(
            s.missed,
            vec![at("2026-02-01 10:00"), at("2026-05-04 10:00")]
        );
        assert_eq!(
            s.next_planned_from(at("2026-05-01 00:00")),
            Some(at("2026-06-01 10:00"))
        );
        assert_eq!(s.missed_since(at("2026-03-01 00:00")), 1);
        assert_eq!(
            s.not_counted_by(NaiveDate::from_ymd_opt(2026, 5, 3).unwrap()),
            vec![]
        );
        let zone = Zone::copenhagen();
        assert!(s.holds_at(at("2026-03-02 10:00"), &zone));
        assert!(!s.holds_at(at("2026-03-02 09:59"), &zone));
    }

    #[test]
    fn the_newest_logged_reaching_event_counts_not_a_call_back_request() {
        let event = |id: u64, when: &str, reached: bool, call_back: bool| ContactEvent {
            id: EventId(id),
            case: CaseId(1),
            at: at(when).and_utc(),
            channel: crate::model::Channel::Phone,
            direction: Direction::In,
            reached,
            call_back,
            note: String::new(),
            called_back: None,
        };
        let events = vec![
            event(1, "2026-03-01 10:00", true, false),
            event(2, "2026-02-01 10:00", true, false),
            event(3, "2026-04-01 10:00", true, true),
            event(4, "2026-05-01 10:00", false, false),
        ];
        let s = summarize(CaseId(1), &[], &events, &[], &[]);
        assert_eq!(s.last_reached_event, Some(at("2026-02-01 10:00").and_utc()));
        // 10:00 UTC is 11:00 in Copenhagen in winter.
        let zone = Zone::copenhagen();
        assert_eq!(s.last_contact(&zone), Some(at("2026-02-01 11:00")));
    }
}
