//! Changing one occurrence of a repeating meeting: this one, this and later, or all of them.
//! A change is given as the series changed as a whole: its start moved by as much as the
//! occurrence moved. "This one" skips the day in the series and books the changed occurrence
//! on its own; "this and later" ends the series the day before and starts a new one there.

use crate::model::{Meeting, MeetingId, MeetingStatus, MovedFrom};
use chrono::{Duration, NaiveDateTime};

/// Which occurrences a change applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    This,
    ThisAndLater,
    All,
}

/// What to write: the series as it stays (`None`: deleted) and a meeting split off from it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesWrite {
    pub series: Option<Meeting>,
    pub added: Option<Meeting>,
}

/// Applies `changed` (`None`: delete) to the occurrence of `series` that starts at
/// `occurrence`, for `scope`; a meeting split off gets the id `new_id`.
pub fn apply(
    series: &Meeting,
    occurrence: NaiveDateTime,
    changed: Option<&Meeting>,
    scope: Scope,
    new_id: MeetingId,
) -> SeriesWrite {
    let day = occurrence.date();
    let first = day <= series.start.date();
    let scope = match scope {
        Scope::ThisAndLater if first => Scope::All,
        scope => scope,
    };
    match scope {
        Scope::All => SeriesWrite {
            series: changed.cloned(),
            added: None,
        },
        Scope::This => {
            let mut kept = series.clone();
            if let Some(repeat) = kept.repeat.as_mut()
                && !repeat.skipped.contains(&day)
            {
                repeat.skipped.push(day);
            }
            let added = changed.map(|c| {
                let mut one = split_off(c, series, occurrence, new_id);
                one.repeat = None;
                one
            });
            SeriesWrite {
                series: Some(kept),
                added,
            }
        }
        Scope::ThisAndLater => {
            let mut kept = series.clone();
            let before = series.rule_count_before(day);
            if let Some(repeat) = kept.repeat.as_mut() {
                repeat.until = day.pred_opt();
                repeat.count = None;
                repeat.skipped.retain(|d| *d < day);
            }
            let added = changed.map(|c| {
                let mut later = split_off(c, series, occurrence, new_id);
                let unchanged_count = series.repeat.as_ref().and_then(|r| r.count);
                if let Some(repeat) = later.repeat.as_mut() {
                    repeat.skipped.retain(|d| *d >= day);
                    // The same number of times as before counts on from where the series was.
                    if repeat.count.is_some() && repeat.count == unchanged_count {
                        repeat.count = repeat.count.map(|n| n.saturating_sub(before).max(1));
                    }
                }
                later
            });
            SeriesWrite {
                series: Some(kept),
                added,
            }
        }
    }
}

/// Flyttet: the occurrence at `occurrence` of `original` (as `edited` in the form) moved to
/// `to` as a meeting of its own with the id `new_id`, which remembers where it came from. A
/// single meeting stays as flyttet and links to the new one; a series skips that day.
pub fn moved(
    original: &Meeting,
    edited: &Meeting,
    occurrence: NaiveDateTime,
    to: NaiveDateTime,
    new_id: MeetingId,
) -> SeriesWrite {
    let added = Meeting {
        id: new_id,
        start: to,
        status: MeetingStatus::Planned,
        moved_to: None,
        moved_from: Some(MovedFrom {
            meeting: original.id,
            start: occurrence,
        }),
        repeat: None,
        revision: 0,
        ..edited.clone()
    };
    let series = if original.repeat.is_some() {
        apply(original, occurrence, None, Scope::This, new_id).series
    } else {
        Some(Meeting {
            status: MeetingStatus::Moved,
            moved_to: Some(new_id),
            ..edited.clone()
        })
    };
    SeriesWrite {
        series,
        added: Some(added),
    }
}

/// `changed` as a meeting of its own from `occurrence` on (moved as the series was).
fn split_off(
    changed: &Meeting,
    series: &Meeting,
    occurrence: NaiveDateTime,
    id: MeetingId,
) -> Meeting {
    let shift: Duration = changed.start - series.start;
    Meeting {
        id,
        start: occurrence + shift,
        revision: 0,
        ..changed.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::occurrences;
    use crate::model::{Repeat, RepeatEvery};
    use crate::testing::{at, meeting};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn weekly(start: &str) -> Meeting {
        let mut m = meeting(1, start, 60);
        m.case = None;
        m.repeat = Some(Repeat::new(RepeatEvery::Weekly));
        m
    }

    fn day(s: &str) -> NaiveDate {
        at(&format!("{s} 00:00")).date()
    }

    fn starts(ms: &[Meeting], from: &str, to: &str) -> Vec<(u64, NaiveDateTime)> {
        occurrences(ms, day(from), day(to))
            .iter()
            .map(|o| (o.meeting.id.0, o.start))
            .collect()
    }

    #[test]
    fn this_one_moves_only_that_week() {
        let series = weekly("2026-11-02 09:00");
        let mut changed = series.clone();
        changed.start += Duration::hours(1);
        let w = apply(
            &series,
            at("2026-11-16 09:00"),
            Some(&changed),
            Scope::This,
            MeetingId(2),
        );
        let all: Vec<Meeting> = [w.series, w.added].into_iter().flatten().collect();
        assert_eq!(
            starts(&all, "2026-11-09", "2026-11-23"),
            vec![
                (1, at("2026-11-09 09:00")),
                (2, at("2026-11-16 10:00")),
                (1, at("2026-11-23 09:00")),
            ]
        );
    }

    #[test]
    fn this_and_later_ends_the_series_and_starts_a_new_one() {
        let mut series = weekly("2026-11-02 09:00");
        series.repeat.as_mut().unwrap().count = Some(6);
        let mut changed = series.clone();
        changed.start += Duration::days(1);
        let w = apply(
            &series,
            at("2026-11-16 09:00"),
            Some(&changed),
            Scope::ThisAndLater,
            MeetingId(2),
        );
        let all: Vec<Meeting> = [w.series, w.added].into_iter().flatten().collect();
        // Six in all: two Mondays, then four Tuesdays.
        assert_eq!(
            starts(&all, "2026-11-01", "2027-01-31"),
            vec![
                (1, at("2026-11-02 09:00")),
                (1, at("2026-11-09 09:00")),
                (2, at("2026-11-17 09:00")),
                (2, at("2026-11-24 09:00")),
                (2, at("2026-12-01 09:00")),
                (2, at("2026-12-08 09:00")),
            ]
        );
    }

    #[test]
    fn deleting_this_one_skips_it_and_this_and_later_ends_the_series() {
        let series = weekly("2026-11-02 09:00");
        let w = apply(
            &series,
            at("2026-11-09 09:00"),
            None,
            Scope::This,
            MeetingId(2),
        );
        assert!(w.added.is_none());
        let kept = w.series.unwrap();
        assert!(!kept.occurs_on(day("2026-11-09")) && kept.occurs_on(day("2026-11-16")));
        let w = apply(
            &series,
            at("2026-11-09 09:00"),
            None,
            Scope::ThisAndLater,
            MeetingId(2),
        );
        assert_eq!(w.series.unwrap().last_day(), Some(day("2026-11-08")));
        let w = apply(
            &series,
            at("2026-11-09 09:00"),
            None,
            Scope::All,
            MeetingId(2),
        );
        assert_eq!(
            w,
            SeriesWrite {
                series: None,
                added: None
            }
        );
    }

    #[test]
    fn this_and_later_from_the_first_is_all() {
        let series = weekly("2026-11-02 09:00");
        let mut changed = series.clone();
        changed.status = MeetingStatus::CancelledByCaseworker;
        let w = apply(
            &series,
            at("2026-11-02 09:00"),
            Some(&changed),
            Scope::ThisAndLater,
            MeetingId(2),
        );
        assert_eq!(w.series, Some(changed));
        assert!(w.added.is_none());
    }

    #[test]
    fn a_moved_meeting_links_both_ways_and_a_moved_occurrence_is_skipped() {
        let single = meeting(1, "2026-11-24 09:00", 45);
        let w = moved(
            &single,
            &single,
            single.start,
            at("2026-11-26 13:00"),
            MeetingId(2),
        );
        let old = w.series.unwrap();
        let new = w.added.unwrap();
        assert_eq!(
            (old.status, old.moved_to),
            (MeetingStatus::Moved, Some(MeetingId(2)))
        );
        assert_eq!(new.start, at("2026-11-26 13:00"));
        assert_eq!(new.status, MeetingStatus::Planned);
        assert_eq!(
            new.moved_from,
            Some(MovedFrom {
                meeting: MeetingId(1),
                start: at("2026-11-24 09:00")
            })
        );
        let series = weekly("2026-11-02 09:00");
        let w = moved(
            &series,
            &series,
            at("2026-11-16 09:00"),
            at("2026-11-17 09:00"),
            MeetingId(3),
        );
        let kept = w.series.unwrap();
        assert!(!kept.occurs_on(day("2026-11-16")) && kept.occurs_on(day("2026-11-23")));
        assert_eq!(kept.status, MeetingStatus::Planned);
        assert!(w.added.unwrap().repeat.is_none());
    }

    proptest! {
        /// Split anywhere, "this and later" unchanged keeps exactly the same occurrences.
        #[test]
        fn an_unchanged_split_keeps_every_occurrence(
            every in 0usize..3, interval in 1u32..4, count in proptest::option::of(1u32..30),
            offset in 0i64..120,
        ) {
            let every = [RepeatEvery::Daily, RepeatEvery::Weekdays, RepeatEvery::Weekly][every];
            let mut series = weekly("2026-03-02 09:00");
            let repeat = series.repeat.as_mut().unwrap();
            repeat.every = every;
            repeat.interval = interval;
            repeat.count = count;
            let before = starts(std::slice::from_ref(&series), "2026-03-01", "2026-12-31");
            let at_day = day("2026-03-02") + Duration::days(offset);
            prop_assume!(series.occurs_on(at_day));
            let w = apply(
                &series,
                at_day.and_time(series.start.time()),
                Some(&series),
                Scope::ThisAndLater,
                MeetingId(2),
            );
            let all: Vec<Meeting> = [w.series, w.added].into_iter().flatten().collect();
            let after: Vec<NaiveDateTime> = starts(&all, "2026-03-01", "2026-12-31")
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            let before: Vec<NaiveDateTime> = before.into_iter().map(|(_, s)| s).collect();
            prop_assert_eq!(after, before);
        }
    }
}
