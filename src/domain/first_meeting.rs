//! A case's first meeting is longer (`first_meeting_minutes`): the citizen and the caseworker
//! meet for the first time, and there is more to go through.

use crate::model::Meeting;

/// Whether `meeting` means the case has met, or will: a meeting planned or that took place
/// (held, no-show, cut off). One cancelled or moved away leaves the first meeting still to come.
pub fn counts_as_met(meeting: &Meeting) -> bool {
    meeting.status.occupies_time()
}

/// The length a new meeting is booked at: a first meeting's, or any other's.
pub fn meeting_length(first: bool, first_minutes: u32, default_minutes: u32) -> u32 {
    if first {
        first_minutes
    } else {
        default_minutes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingStatus;
    use crate::testing::meeting;

    #[test]
    fn a_cancelled_or_moved_meeting_leaves_the_first_one_to_come() {
        let mut m = meeting(1, "2026-11-24 09:00", 45);
        assert!(counts_as_met(&m));
        for status in [
            MeetingStatus::CancelledByCitizen,
            MeetingStatus::CancelledByCaseworker,
            MeetingStatus::Moved,
        ] {
            m.status = status;
            assert!(!counts_as_met(&m), "{status:?}");
        }
        m.status = MeetingStatus::NoShow;
        assert!(counts_as_met(&m));
    }

    #[test]
    fn a_first_meeting_is_booked_at_the_first_meeting_length() {
        assert_eq!(meeting_length(true, 90, 45), 90);
        assert_eq!(meeting_length(false, 90, 45), 45);
    }
}
