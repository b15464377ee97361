//! What counts as contact with a citizen, and what as an attempt — the rule behind "last
//! contact" on Today, the board and the case card.
//!
//! - **Contact** is a held meeting that has started by `now`, or a contact event up to `now`
//!   that reached the citizen.
//! - An incoming call-back request ("ring mig", `call_back` on an incoming event) is not
//!   contact, even when the message reached the caseworker: it is the citizen's **attempt** to
//!   reach the caseworker, and it stays an attempt until someone rings back and gets through.
//! - Any other event that did not reach the other side is an attempt too.
//! - Of either kind the newest counts, by its local time; on a tie an event wins over a
//!   meeting. The last attempt is shown only when it is newer than the last contact.
//!
//! The store feeds these functions bounded reads (the newest matching event, meetings back to
//! the last one that counts), using the predicates below, so nothing here reads history.

use crate::model::{Channel, ContactEvent, Direction, Meeting, MeetingForm, MeetingStatus};
use crate::time::Zone;
use chrono::NaiveDateTime;
use serde::Serialize;

/// Which kind of record a contact or an attempt comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactSource {
    Event,
    Meeting,
}

/// One contact or attempt: when (local time), how, and the record's note or outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    pub at: NaiveDateTime,
    pub channel: Channel,
    /// The event reached the other side (always true for a meeting).
    pub reached: bool,
    pub source: ContactSource,
    pub note: String,
}

/// An incoming request to be called back ("ring mig").
pub fn is_call_back_request(event: &ContactEvent) -> bool {
    event.direction == Direction::In && event.call_back
}

/// A call-back request nobody has rung back yet: it stays on Today until logged.
pub fn is_open_call_back(event: &ContactEvent) -> bool {
    is_call_back_request(event) && event.called_back.is_none()
}

/// The event is contact with the citizen by `now`.
pub fn is_contact_event(event: &ContactEvent, zone: &Zone, now: NaiveDateTime) -> bool {
    event.reached && !is_call_back_request(event) && zone.local(event.at) <= now
}

/// The event is an attempt (by either side) by `now`: not reached, or a call-back request.
pub fn is_attempt_event(event: &ContactEvent, zone: &Zone, now: NaiveDateTime) -> bool {
    (!event.reached || is_call_back_request(event)) && zone.local(event.at) <= now
}

/// The meeting is contact with the citizen by `now`: held and started.
pub fn is_contact_meeting(meeting: &Meeting, now: NaiveDateTime) -> bool {
    meeting.status == MeetingStatus::Held && meeting.start <= now
}

/// The newest contact by `now` among `meetings` and `events` (either may hold records that do
/// not count; they are skipped).
pub fn last_contact<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    events: impl IntoIterator<Item = &'a ContactEvent>,
    zone: &Zone,
    now: NaiveDateTime,
) -> Option<Touch> {
    let meeting = meetings
        .into_iter()
        .filter(|m| is_contact_meeting(m, now))
        .max_by_key(|m| (m.start, m.id))
        .map(meeting_touch);
    let event = newest(events, zone, |e| is_contact_event(e, zone, now));
    match (event, meeting) {
        (Some(e), Some(m)) => Some(if e.at >= m.at { e } else { m }),
        (e, m) => e.or(m),
    }
}

/// The newest attempt by `now` among `events`, when it is newer than `contact` (the last
/// contact): an attempt that was followed by contact is no longer news.
pub fn last_attempt<'a>(
    events: impl IntoIterator<Item = &'a ContactEvent>,
    zone: &Zone,
    now: NaiveDateTime,
    contact: Option<&Touch>,
) -> Option<Touch> {
    newest(events, zone, |e| is_attempt_event(e, zone, now))
        .filter(|a| contact.is_none_or(|c| a.at > c.at))
}

fn newest<'a>(
    events: impl IntoIterator<Item = &'a ContactEvent>,
    zone: &Zone,
    counts: impl Fn(&ContactEvent) -> bool,
) -> Option<Touch> {
    events
        .into_iter()
        .filter(|e| counts(e))
        .max_by_key(|e| (e.at, e.id))
        .map(|e| Touch {
            at: zone.local(e.at),
            channel: e.channel,
            reached: e.reached,
            source: ContactSource::Event,
            note: e.note.clone(),
        })
}

fn meeting_touch(m: &Meeting) -> Touch {
    Touch {
        at: m.start,
        channel: channel_of(m.form),
        reached: true,
        source: ContactSource::Meeting,
        note: m.outcome.clone(),
    }
}

/// The channel a meeting of `form` is contact by.
pub fn channel_of(form: MeetingForm) -> Channel {
    match form {
        MeetingForm::InPerson => Channel::Meeting,
        MeetingForm::HomeVisit => Channel::Visit,
        MeetingForm::Phone => Channel::Phone,
        MeetingForm::Video => Channel::Video,
        MeetingForm::Walk => Channel::Walk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseId, EventId};
    use crate::testing::{at, meeting};

    /// The frozen "now": Tuesday 24 November 2026, 10:00 in Copenhagen (09:00 UTC).
    fn now() -> NaiveDateTime {
        at("2026-11-24 10:00")
    }

    fn zone() -> Zone {
        Zone::default()
    }

    fn event(id: u64, local: &str, reached: bool) -> ContactEvent {
        ContactEvent {
            id: EventId(id),
            case: CaseId(1),
            at: zone().to_utc(at(local)),
            channel: Channel::Phone,
            direction: Direction::Out,
            reached,
            call_back: false,
            called_back: None,
            note: String::new(),
        }
    }

    fn ring_mig(id: u64, local: &str) -> ContactEvent {
        ContactEvent {
            channel: Channel::Sms,
            direction: Direction::In,
            call_back: true,
            called_back: None,
            note: "Ring mig".into(),
            ..event(id, local, true)
        }
    }

    fn held(id: u64, start: &str) -> Meeting {
        Meeting {
            status: MeetingStatus::Held,
            ..meeting(id, start, 45)
        }
    }

    #[test]
    fn a_held_meeting_counts_once_it_has_started() {
        let z = zone();
        let started = held(1, "2026-11-24 09:30");
        let later_today = held(2, "2026-11-24 14:00");
        let planned = meeting(3, "2026-11-23 09:00", 45);
        let last = last_contact([&started, &later_today, &planned], [], &z, now());
        let last = last.expect("the started meeting");
        assert_eq!(last.at, at("2026-11-24 09:30"));
        assert_eq!(last.source, ContactSource::Meeting);
        assert_eq!(last.channel, Channel::Meeting);
        assert!(
            last_contact([&later_today, &planned], [], &z, now()).is_none(),
            "held but not started, and planned, are not contact"
        );
    }

    #[test]
    fn a_reached_event_counts_and_an_unreached_one_is_an_attempt() {
        let z = zone();
        let reached = event(1, "2026-11-20 11:00", true);
        let missed = event(2, "2026-11-23 15:00", false);
        let contact = last_contact([], [&reached, &missed], &z, now());
        assert_eq!(contact.as_ref().map(|c| c.at), Some(at("2026-11-20 11:00")));
        let attempt = last_attempt([&reached, &missed], &z, now(), contact.as_ref());
        assert_eq!(attempt.map(|a| a.at), Some(at("2026-11-23 15:00")));
    }

    #[test]
    fn a_ring_mig_sms_is_the_citizens_attempt_not_contact() {
        let z = zone();
        let met = held(1, "2026-11-10 09:00");
        let sms = ring_mig(1, "2026-11-24 08:40");
        assert!(!is_contact_event(&sms, &z, now()));
        assert!(is_attempt_event(&sms, &z, now()));
        let contact = last_contact([&met], [&sms], &z, now());
        assert_eq!(
            contact.as_ref().map(|c| c.at),
            Some(at("2026-11-10 09:00")),
            "the meeting stays the last contact"
        );
        let attempt = last_attempt([&sms], &z, now(), contact.as_ref()).expect("the sms");
        assert_eq!(attempt.at, at("2026-11-24 08:40"));
        assert_eq!(attempt.channel, Channel::Sms);
        assert_eq!(attempt.note, "Ring mig");
        // Ringing back and getting through is contact, and the request is no longer news.
        let call = event(2, "2026-11-24 09:05", true);
        let contact = last_contact([&met], [&sms, &call], &z, now());
        assert_eq!(contact.as_ref().map(|c| c.at), Some(at("2026-11-24 09:05")));
        assert!(last_attempt([&sms, &call], &z, now(), contact.as_ref()).is_none());
    }

    #[test]
    fn an_outgoing_event_marked_call_back_is_still_contact_when_reached() {
        let z = zone();
        let out = ContactEvent {
            call_back: true,
            called_back: None,
            ..event(1, "2026-11-23 12:00", true)
        };
        assert!(is_contact_event(&out, &z, now()));
        assert!(!is_attempt_event(&out, &z, now()));
    }

    #[test]
    fn nothing_after_now_counts() {
        let z = zone();
        let future = event(1, "2026-11-24 10:01", true);
        let future_miss = event(2, "2026-11-24 11:00", false);
        assert!(last_contact([], [&future], &z, now()).is_none());
        assert!(last_attempt([&future_miss], &z, now(), None).is_none());
        assert!(is_contact_event(&future, &z, at("2026-11-24 10:01")));
    }

    #[test]
    fn the_newest_wins_and_an_event_wins_a_tie_with_a_meeting() {
        let z = zone();
        let met = held(1, "2026-11-23 09:00");
        let call = event(1, "2026-11-23 09:00", true);
        let older = event(2, "2026-11-02 09:00", true);
        let last = last_contact([&met], [&older, &call], &z, now()).expect("contact");
        assert_eq!(last.source, ContactSource::Event);
        assert_eq!(last.at, at("2026-11-23 09:00"));
    }

    #[test]
    fn an_attempt_older_than_the_last_contact_is_not_shown() {
        let z = zone();
        let missed = event(1, "2026-11-20 11:00", false);
        let met = held(1, "2026-11-23 09:00");
        let contact = last_contact([&met], [&missed], &z, now());
        assert!(last_attempt([&missed], &z, now(), contact.as_ref()).is_none());
        assert!(last_attempt([&missed], &z, now(), None).is_some());
    }

    #[test]
    fn the_local_day_decides_across_midnight_utc() {
        // 00:30 on the 24th in Copenhagen is 23:30 UTC on the 23rd.
        let z = zone();
        let call = event(1, "2026-11-24 00:30", true);
        let last = last_contact([], [&call], &z, now()).expect("contact");
        assert_eq!(last.at.date(), at("2026-11-24 00:00").date());
    }
}
