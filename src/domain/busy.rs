//! Busy time from other calendars (#16): what of an imported block takes the caseworker's
//! time. The overlap warnings, the free-slot finder, the day's free stretches and the workload
//! gauge take these spans besides caseplan's own meetings.

use super::conflicts::{Warning, busy_span};
use crate::model::{ExternalBlock, Meeting};
use chrono::{Duration, NaiveDateTime};

/// A stretch of time taken by something other than caseplan's meetings.
pub type Span = (NaiveDateTime, NaiveDateTime);

/// The time `blocks` take: a block marked free in its calendar is shown, never counted.
pub fn busy_spans(blocks: &[ExternalBlock]) -> Vec<Span> {
    blocks
        .iter()
        .filter(|b| b.is_busy())
        .map(|b| (b.start, b.end()))
        .collect()
}

/// Warnings for `meeting` at `start` against busy time from other calendars: its own time
/// over a busy block, or only its preparation or follow-up. Warnings only: a booking over an
/// Outlook block is the caseworker's call. A cancelled meeting takes no time and warns of none.
pub fn external_warnings(
    meeting: &Meeting,
    start: NaiveDateTime,
    blocks: &[ExternalBlock],
) -> Vec<Warning> {
    if !meeting.status.occupies_time() {
        return Vec::new();
    }
    let own = (start, start + Duration::minutes(i64::from(meeting.minutes)));
    let buffered = busy_span(meeting, start);
    blocks
        .iter()
        .filter(|b| b.is_busy())
        .filter_map(|b| {
            let theirs = (b.start, b.end());
            if intersects(own, theirs) {
                Some(Warning::Busy {
                    with: b.id,
                    only_buffer: false,
                })
            } else if intersects(buffered, theirs) {
                Some(Warning::Busy {
                    with: b.id,
                    only_buffer: true,
                })
            } else {
                None
            }
        })
        .collect()
}

fn intersects(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExternalId, MeetingStatus};
    use crate::testing::{at, meeting};

    pub fn block(id: u64, start: &str, minutes: u32) -> ExternalBlock {
        ExternalBlock {
            id: ExternalId(id),
            source: "Outlook".into(),
            uid: format!("uid-{id}"),
            occurrence: None,
            start: at(start),
            minutes,
            all_day: false,
            title: "Teammøde".into(),
            free: false,
            private: false,
        }
    }

    #[test]
    fn a_free_block_takes_no_time() {
        let mut free = block(2, "2026-11-24 12:00", 30);
        free.free = true;
        let spans = busy_spans(&[block(1, "2026-11-24 10:00", 60), free]);
        assert_eq!(
            spans,
            vec![(at("2026-11-24 10:00"), at("2026-11-24 11:00"))]
        );
    }

    #[test]
    fn a_meeting_over_a_busy_block_warns_and_its_buffers_warn_apart() {
        let blocks = [block(1, "2026-11-24 10:00", 60)];
        let over = meeting(1, "2026-11-24 10:30", 30);
        assert_eq!(
            external_warnings(&over, over.start, &blocks),
            [Warning::Busy {
                with: ExternalId(1),
                only_buffer: false
            }]
        );
        let mut after = meeting(2, "2026-11-24 11:00", 30);
        assert!(external_warnings(&after, after.start, &blocks).is_empty());
        after.prep_minutes = 15;
        assert_eq!(
            external_warnings(&after, after.start, &blocks),
            [Warning::Busy {
                with: ExternalId(1),
                only_buffer: true
            }]
        );
        after.status = MeetingStatus::CancelledByCitizen;
        assert!(external_warnings(&after, after.start, &blocks).is_empty());
    }

    #[test]
    fn a_whole_day_block_warns_every_meeting_that_day_and_a_free_one_none() {
        let mut day = block(1, "2026-11-24 00:00", 24 * 60);
        day.all_day = true;
        let m = meeting(1, "2026-11-24 13:00", 45);
        assert_eq!(
            external_warnings(&m, m.start, std::slice::from_ref(&day)).len(),
            1
        );
        day.free = true;
        assert!(external_warnings(&m, m.start, &[day]).is_empty());
    }
}
