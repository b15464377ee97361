//! The next meeting of the day and its countdown, for the status line of every screen and
//! `caseplan agenda --next`: "→ 10:30 Anne Jensen · 12 min · telefon". It turns prominent a
//! configurable number of minutes before, so a caseworker deep in the board does not miss a
//! call. Nothing is sent anywhere; it is the caseworker's own screen.

use crate::model::{Meeting, MeetingForm, MeetingId, MeetingStatus};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

/// A meeting of the day as the next-meeting line needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upcoming {
    pub meeting_id: MeetingId,
    pub start: NaiveDateTime,
    /// The citizen's name, or an internal block's title.
    pub who: String,
    pub form: MeetingForm,
}

/// The next meeting as seen at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextMeeting {
    #[serde(flatten)]
    pub meeting: Upcoming,
    /// Whole minutes until it starts, rounded up; 0 once it has started.
    pub minutes_until: i64,
    /// Within the configured lead time: the status line shows it prominently.
    pub prominent: bool,
}

/// A meeting that started this many minutes ago is still "the next one" (now), so a call at
/// 10:30 does not vanish from the line at 10:30:01.
pub const STARTED_GRACE_MINUTES: i64 = 5;

/// Whether a meeting is one to be reminded of: planned (not held, moved, cancelled or missed).
pub fn is_ahead(meeting: &Meeting) -> bool {
    meeting.status == MeetingStatus::Planned
}

/// The first of `day` (the day's planned meetings, in any order) that starts after `now`, or
/// started at most [`STARTED_GRACE_MINUTES`] ago; prominent from `lead_minutes` before.
pub fn next_meeting(
    day: &[Upcoming],
    now: NaiveDateTime,
    lead_minutes: u32,
) -> Option<NextMeeting> {
    let grace = Duration::minutes(STARTED_GRACE_MINUTES);
    let next = day
        .iter()
        .filter(|m| m.start.date() == now.date() && m.start + grace > now)
        .min_by_key(|m| (m.start, m.meeting_id))?;
    let seconds = (next.start - now).num_seconds().max(0);
    let minutes_until = (seconds + 59) / 60;
    Some(NextMeeting {
        meeting: next.clone(),
        minutes_until,
        prominent: minutes_until <= i64::from(lead_minutes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    fn up(id: u64, start: &str, who: &str) -> Upcoming {
        Upcoming {
            meeting_id: MeetingId(id),
            start: at(start),
            who: who.into(),
            form: MeetingForm::Phone,
        }
    }

    fn day() -> Vec<Upcoming> {
        vec![
            up(2, "2026-11-24 13:00", "Bo Holm"),
            up(1, "2026-11-24 10:30", "Anne Jensen"),
            up(3, "2026-11-25 08:00", "Tomorrow"),
        ]
    }

    #[test]
    fn the_first_meeting_still_ahead_with_its_countdown_rounded_up() {
        let next = next_meeting(&day(), at("2026-11-24 10:18"), 10).unwrap();
        assert_eq!(next.meeting.who, "Anne Jensen");
        assert_eq!((next.minutes_until, next.prominent), (12, false));
        let half = at("2026-11-24 10:18") + Duration::seconds(30);
        assert_eq!(next_meeting(&day(), half, 10).unwrap().minutes_until, 12);
    }

    #[test]
    fn prominent_from_the_lead_time_and_now_for_five_minutes_after_the_start() {
        let at_lead = next_meeting(&day(), at("2026-11-24 10:20"), 10).unwrap();
        assert_eq!((at_lead.minutes_until, at_lead.prominent), (10, true));
        let started = next_meeting(&day(), at("2026-11-24 10:34"), 10).unwrap();
        assert_eq!(started.meeting.who, "Anne Jensen");
        assert_eq!((started.minutes_until, started.prominent), (0, true));
        let later = next_meeting(&day(), at("2026-11-24 10:35"), 10).unwrap();
        assert_eq!(later.meeting.who, "Bo Holm");
        assert_eq!((later.minutes_until, later.prominent), (145, false));
        assert!(
            !next_meeting(&day(), at("2026-11-24 10:25"), 0)
                .unwrap()
                .prominent
        );
    }

    #[test]
    fn tomorrow_is_not_the_next_meeting_of_the_day() {
        assert_eq!(next_meeting(&day(), at("2026-11-24 13:06"), 10), None);
        assert_eq!(next_meeting(&[], at("2026-11-24 09:00"), 10), None);
    }
}
