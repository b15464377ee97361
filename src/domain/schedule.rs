//! Report schedules of supplier courses: when progress reports are due, and how the schedule
//! is recomputed when a course is extended or its cadence changes.
//!
//! Choices:
//! - Monthly reports fall on the start's day of the month, clamped to the month's end, counted
//!   from the start each time (31 January → 28/29 February → 31 March), so clamping never drifts.
//! - A periodic report due within [`MERGE_WITHIN_DAYS`] days before the end is merged into the
//!   final report: two reports a few days apart add work for the supplier and say nothing new.
//!   Dates the caseworker gave are never merged (their own choice), only kept within the course.
//! - The final report is due on the end date; no other report is due on or after the end.
//! - A course whose end lies before its start still gets its final report, on the end date.

use crate::model::{Course, Report, ReportCadence};
use chrono::{Days, Months, NaiveDate};

/// A periodic report due this close to the end (or closer) is merged into the final report.
pub const MERGE_WITHIN_DAYS: i64 = 7;

/// The due dates of a course's reports, sorted, each with whether it is the final report.
/// The last entry is always the final report, due on `end`.
pub fn report_dues(
    start: NaiveDate,
    end: NaiveDate,
    cadence: &ReportCadence,
) -> Vec<(NaiveDate, bool)> {
    let periodic: Vec<NaiveDate> = match cadence {
        ReportCadence::Monthly => {
            periodic(start, end, |k| start.checked_add_months(Months::new(k)))
        }
        // Zero weeks would never advance; treat it as "only at the end".
        ReportCadence::EveryWeeks { weeks: 0 } | ReportCadence::EndOnly => Vec::new(),
        ReportCadence::EveryWeeks { weeks } => periodic(start, end, |k| {
            start.checked_add_days(Days::new(u64::from(k) * 7 * u64::from(*weeks)))
        }),
        ReportCadence::Dates { dates } => {
            let mut dates: Vec<NaiveDate> = dates
                .iter()
                .copied()
                .filter(|date| *date >= start && *date < end)
                .collect();
            dates.sort();
            dates.dedup();
            dates
        }
    };
    periodic
        .into_iter()
        .map(|date| (date, false))
        .chain(std::iter::once((end, true)))
        .collect()
}

/// The `k`-th periodic dates (k = 1, 2, …) that fall more than [`MERGE_WITHIN_DAYS`] before
/// `end`. `nth` must grow with `k`.
fn periodic(
    start: NaiveDate,
    end: NaiveDate,
    nth: impl Fn(u32) -> Option<NaiveDate>,
) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for k in 1.. {
        match nth(k) {
            Some(date) if date > start && (end - date).num_days() > MERGE_WITHIN_DAYS => {
                out.push(date)
            }
            _ => break,
        }
    }
    out
}

/// The reports of a new course: one empty report per due date.
pub fn new_reports(start: NaiveDate, end: NaiveDate, cadence: &ReportCadence) -> Vec<Report> {
    report_dues(start, end, cadence)
        .into_iter()
        .map(|(due, is_final)| empty_report(due, is_final))
        .collect()
}

fn empty_report(due: NaiveDate, is_final: bool) -> Report {
    Report {
        due,
        received: None,
        read: None,
        action: None,
        note: String::new(),
        chases: Vec::new(),
        is_final,
    }
}

/// The reports after the course gets the end `end` and the cadence `cadence` (either may be
/// unchanged), as of `today`.
///
/// Kept as they are: every received report, every report the caseworker wrote anything on
/// (note, read date, action, chases) and every report already late (due before `today`). A
/// kept report on a new due date fills that date. Dropped: unreceived reports due from today
/// on that are no longer in the schedule. Added: the new due dates from today on; dates of the
/// new schedule that already passed are not added, so a change never makes a report late
/// retroactively. Only the report on the new end is final. A kept report may lie after a
/// shortened end: nothing the caseworker recorded is lost.
pub fn regenerate(
    course: &Course,
    end: NaiveDate,
    cadence: &ReportCadence,
    today: NaiveDate,
) -> Vec<Report> {
    let mut kept: Vec<Report> = course
        .reports
        .iter()
        .filter(|report| must_keep(report, today))
        .cloned()
        .map(|mut report| {
            report.is_final = false;
            report
        })
        .collect();
    let mut added = Vec::new();
    for (due, is_final) in report_dues(course.start, end, cadence) {
        // Due dates are distinct, so a kept report fills at most one of them.
        if let Some(report) = kept.iter_mut().find(|r| r.due == due) {
            report.is_final = is_final;
        } else if let Some(report) = course
            .reports
            .iter()
            .find(|r| r.due == due && r.received.is_none() && !must_keep(r, today))
        {
            // An unreceived report still in the schedule stays as it was, with a fresh flag.
            added.push(Report {
                is_final,
                ..report.clone()
            });
        } else if due >= today || is_final {
            added.push(empty_report(due, is_final));
        }
    }
    kept.extend(added);
    kept.sort_by_key(|report| (report.due, report.is_final));
    kept
}

/// When an interim report should be due: [`MERGE_WITHIN_DAYS`] before the summons (the
/// summons is `summon_days_before_end` before the end), but not before `today`; once the
/// summons date has passed, today, as long as the course runs and the final report is still
/// to come. `None` when no interim report is needed: the final report is received or due by
/// the summons, the course has ended, or a report not yet received is already due between the
/// interim date and the summons (or today, past it): one was asked for.
pub fn interim_due(
    course: &Course,
    summon_days_before_end: u32,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let summons_by = course
        .end
        .checked_sub_days(Days::new(u64::from(summon_days_before_end)))?;
    let final_report = course.reports.iter().rev().find(|r| r.is_final)?;
    if final_report.received.is_some()
        || final_report.due <= summons_by
        || today >= course.end
        || today >= final_report.due
    {
        return None;
    }
    let earliest = summons_by
        .checked_sub_days(Days::new(MERGE_WITHIN_DAYS as u64))
        .unwrap_or(summons_by);
    let due = earliest.max(today);
    let latest = summons_by.max(today);
    let covered = course
        .reports
        .iter()
        .any(|r| !r.is_final && r.received.is_none() && earliest <= r.due && r.due <= latest);
    (!covered).then_some(due)
}

/// The reports with an empty interim report due on `due`, in due order.
pub fn with_interim(reports: &[Report], due: NaiveDate) -> Vec<Report> {
    let mut out = reports.to_vec();
    out.push(empty_report(due, false));
    out.sort_by_key(|report| (report.due, report.is_final));
    out
}

/// A report that must survive any change of the schedule.
fn must_keep(report: &Report, today: NaiveDate) -> bool {
    report.received.is_some()
        || report.read.is_some()
        || report.action.is_some()
        || !report.note.is_empty()
        || !report.chases.is_empty()
        || report.due < today
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseId, ContactId, CourseId, OrderChecklist, ReportAction};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dues(start: NaiveDate, end: NaiveDate, cadence: &ReportCadence) -> Vec<NaiveDate> {
        report_dues(start, end, cadence)
            .into_iter()
            .map(|(due, _)| due)
            .collect()
    }

    fn course(start: NaiveDate, end: NaiveDate, cadence: ReportCadence) -> Course {
        Course {
            id: CourseId(1),
            case: CaseId(1),
            supplier: ContactId(1),
            consultant: None,
            kind: "afklaring".into(),
            start,
            end,
            hours_per_week: None,
            reports: new_reports(start, end, &cadence),
            cadence,
            checklist: OrderChecklist::default(),
            outcome: None,
            continues: None,
        }
    }

    #[test]
    fn monthly_from_31_january_clamps_without_drift() {
        let got = dues(d(2026, 1, 31), d(2026, 7, 31), &ReportCadence::Monthly);
        assert_eq!(
            got,
            vec![
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30),
                d(2026, 5, 31),
                d(2026, 6, 30),
                d(2026, 7, 31)
            ]
        );
        // Leap year: 29 February.
        let got = dues(d(2028, 1, 31), d(2028, 4, 15), &ReportCadence::Monthly);
        assert_eq!(got, vec![d(2028, 2, 29), d(2028, 3, 31), d(2028, 4, 15)]);
    }

    #[test]
    fn monthly_26_weeks_merges_the_last_periodic_report_into_the_final() {
        // 2 Feb + 26 weeks = 3 Aug; 2 Aug would be one day before the end: merged.
        let start = d(2026, 2, 2);
        let end = start + Days::new(26 * 7);
        assert_eq!(end, d(2026, 8, 3));
        let got = report_dues(start, end, &ReportCadence::Monthly);
        assert_eq!(
            got,
            vec![
                (d(2026, 3, 2), false),
                (d(2026, 4, 2), false),
                (d(2026, 5, 2), false),
                (d(2026, 6, 2), false),
                (d(2026, 7, 2), false),
                (d(2026, 8, 3), true),
            ]
        );
    }

    #[test]
    fn merge_boundary_is_seven_days() {
        let start = d(2026, 3, 1);
        // 1 April is 8 days before 9 April: kept.
        assert_eq!(
            dues(start, d(2026, 4, 9), &ReportCadence::Monthly),
            vec![d(2026, 4, 1), d(2026, 4, 9)]
        );
        // 1 April is 7 days before 8 April: merged.
        assert_eq!(
            dues(start, d(2026, 4, 8), &ReportCadence::Monthly),
            vec![d(2026, 4, 8)]
        );
    }

    #[test]
    fn every_weeks_end_only_and_zero_weeks() {
        let start = d(2026, 1, 5);
        let end = d(2026, 3, 2); // 8 weeks
        assert_eq!(
            dues(start, end, &ReportCadence::EveryWeeks { weeks: 2 }),
            vec![d(2026, 1, 19), d(2026, 2, 2), d(2026, 2, 16), end]
        );
        assert_eq!(dues(start, end, &ReportCadence::EndOnly), vec![end]);
        assert_eq!(
            dues(start, end, &ReportCadence::EveryWeeks { weeks: 0 }),
            vec![end]
        );
    }

    #[test]
    fn given_dates_are_sorted_deduplicated_and_kept_within_the_course() {
        let start = d(2026, 1, 5);
        let end = d(2026, 3, 2);
        let cadence = ReportCadence::Dates {
            dates: vec![
                d(2026, 2, 27), // 3 days before the end: the caseworker's own date, kept
                d(2026, 1, 20),
                d(2025, 12, 1), // before the start
                d(2026, 1, 20),
                end,           // the end is the final report anyway
                d(2026, 4, 1), // after the end
            ],
        };
        assert_eq!(
            report_dues(start, end, &cadence),
            vec![
                (d(2026, 1, 20), false),
                (d(2026, 2, 27), false),
                (end, true)
            ]
        );
    }

    #[test]
    fn end_before_start_still_has_a_final_report() {
        let got = report_dues(d(2026, 3, 1), d(2026, 2, 1), &ReportCadence::Monthly);
        assert_eq!(got, vec![(d(2026, 2, 1), true)]);
    }

    #[test]
    fn extension_keeps_received_reports_and_adds_new_ones() {
        let start = d(2026, 1, 15);
        let mut c = course(start, d(2026, 5, 15), ReportCadence::Monthly);
        // Reports 15 Feb, 15 Mar, 15 Apr, final 15 May.
        assert_eq!(c.reports.len(), 4);
        c.reports[0].received = Some(d(2026, 2, 16));
        c.reports[0].read = Some(d(2026, 2, 17));
        c.reports[0].action = Some(ReportAction::GoalsAdjusted);
        c.reports[0].note = "more hours".into();
        let today = d(2026, 3, 1);
        let got = regenerate(&c, d(2026, 8, 15), &ReportCadence::Monthly, today);
        let got_dues: Vec<_> = got.iter().map(|r| (r.due, r.is_final)).collect();
        assert_eq!(
            got_dues,
            vec![
                (d(2026, 2, 15), false),
                (d(2026, 3, 15), false),
                (d(2026, 4, 15), false),
                (d(2026, 5, 15), false),
                (d(2026, 6, 15), false),
                (d(2026, 7, 15), false),
                (d(2026, 8, 15), true),
            ]
        );
        assert_eq!(got[0], c.reports[0]);
    }

    #[test]
    fn cadence_change_drops_only_unreceived_future_reports() {
        let start = d(2026, 1, 15);
        let mut c = course(start, d(2026, 7, 15), ReportCadence::Monthly);
        c.reports[0].received = Some(d(2026, 2, 15)); // 15 Feb received
        // 15 Mar is late (not received), 15 Apr onwards is future.
        let today = d(2026, 4, 1);
        let got = regenerate(&c, c.end, &ReportCadence::EndOnly, today);
        let got_dues: Vec<_> = got.iter().map(|r| (r.due, r.is_final)).collect();
        assert_eq!(
            got_dues,
            vec![
                (d(2026, 2, 15), false),
                (d(2026, 3, 15), false),
                (d(2026, 7, 15), true),
            ]
        );
    }

    #[test]
    fn cadence_change_does_not_create_late_reports() {
        let start = d(2026, 1, 5);
        let c = course(start, d(2026, 7, 6), ReportCadence::EndOnly);
        let today = d(2026, 3, 10);
        let got = regenerate(&c, c.end, &ReportCadence::EveryWeeks { weeks: 4 }, today);
        assert!(got.iter().all(|r| r.due >= today));
        assert_eq!(got.first().map(|r| r.due), Some(d(2026, 3, 30)));
        assert_eq!(got.iter().filter(|r| r.is_final).count(), 1);
    }

    #[test]
    fn a_received_old_final_report_is_kept_but_no_longer_final() {
        let start = d(2026, 1, 5);
        let mut c = course(start, d(2026, 3, 2), ReportCadence::EndOnly);
        c.reports[0].received = Some(d(2026, 2, 27));
        let got = regenerate(&c, d(2026, 6, 1), &ReportCadence::EndOnly, d(2026, 2, 28));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].due, d(2026, 3, 2));
        assert!(!got[0].is_final);
        assert_eq!(got[0].received, Some(d(2026, 2, 27)));
        assert_eq!((got[1].due, got[1].is_final), (d(2026, 6, 1), true));
    }

    #[test]
    fn an_unreceived_report_still_in_the_schedule_is_not_duplicated() {
        let start = d(2026, 1, 15);
        let c = course(start, d(2026, 5, 15), ReportCadence::Monthly);
        let got = regenerate(&c, c.end, &ReportCadence::Monthly, d(2026, 1, 20));
        assert_eq!(got, c.reports);
    }

    #[test]
    fn interim_report_a_week_before_the_summons_when_the_final_comes_after() {
        // End 18 Dec; summons by 4 Dec; interim due 27 Nov.
        let c = course(d(2026, 9, 18), d(2026, 12, 18), ReportCadence::EndOnly);
        assert_eq!(interim_due(&c, 14, d(2026, 11, 24)), Some(d(2026, 11, 27)));
        // Late in the day: not before today.
        assert_eq!(interim_due(&c, 14, d(2026, 11, 30)), Some(d(2026, 11, 30)));
        // After the summons date it is still asked for, due today, until the course ends.
        assert_eq!(interim_due(&c, 14, d(2026, 12, 5)), Some(d(2026, 12, 5)));
        assert_eq!(interim_due(&c, 14, d(2026, 12, 18)), None);
        // Asked for after the summons: not asked again the next day.
        let late = Course {
            reports: with_interim(&c.reports, d(2026, 12, 5)),
            ..c.clone()
        };
        assert_eq!(interim_due(&late, 14, d(2026, 12, 7)), None);
        let reports = with_interim(&c.reports, d(2026, 11, 27));
        assert_eq!(
            reports
                .iter()
                .map(|r| (r.due, r.is_final))
                .collect::<Vec<_>>(),
            vec![(d(2026, 11, 27), false), (d(2026, 12, 18), true)]
        );
        // Once asked for, it is not asked again.
        let asked = Course {
            reports,
            ..c.clone()
        };
        assert_eq!(interim_due(&asked, 14, d(2026, 11, 24)), None);
    }

    #[test]
    fn no_interim_report_when_the_final_report_is_in_or_early_enough() {
        let mut c = course(d(2026, 9, 18), d(2026, 12, 18), ReportCadence::EndOnly);
        c.reports[0].received = Some(d(2026, 11, 20));
        assert_eq!(interim_due(&c, 14, d(2026, 11, 24)), None);
        let mut c = course(d(2026, 9, 18), d(2026, 12, 18), ReportCadence::EndOnly);
        c.reports[0].due = d(2026, 12, 4);
        assert_eq!(interim_due(&c, 14, d(2026, 11, 24)), None);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (2000i32..=2100, 1u32..=366).prop_map(|(year, ordinal)| {
            NaiveDate::from_yo_opt(year, ordinal)
                .unwrap_or_else(|| NaiveDate::from_yo_opt(year, 365).unwrap())
        })
    }

    fn any_cadence(start: NaiveDate) -> impl Strategy<Value = ReportCadence> {
        prop_oneof![
            Just(ReportCadence::Monthly),
            Just(ReportCadence::EndOnly),
            (0u8..=12).prop_map(|weeks| ReportCadence::EveryWeeks { weeks }),
            proptest::collection::vec(-30i64..800, 0..10).prop_map(move |offsets| {
                ReportCadence::Dates {
                    dates: offsets
                        .into_iter()
                        .map(|o| start + chrono::Duration::days(o))
                        .collect(),
                }
            }),
        ]
    }

    fn course_case() -> impl Strategy<Value = (NaiveDate, u64, ReportCadence)> {
        (any_date(), 1u64..=104)
            .prop_flat_map(|(start, weeks)| (Just(start), Just(weeks), any_cadence(start)))
    }

    proptest! {
        #[test]
        fn dues_are_sorted_within_the_course_with_one_final_at_the_end(
            (start, weeks, cadence) in course_case()
        ) {
            let end = start + Days::new(weeks * 7);
            let got = report_dues(start, end, &cadence);
            prop_assert!(got.windows(2).all(|w| w[0].0 < w[1].0), "sorted: {got:?}");
            prop_assert!(got.iter().all(|(due, _)| *due >= start && *due <= end));
            let finals: Vec<_> = got.iter().copied().filter(|(_, is_final)| *is_final).collect();
            prop_assert_eq!(finals, vec![(end, true)]);
            prop_assert_eq!(got.last().copied(), Some((end, true)));
        }

        #[test]
        fn extension_keeps_every_received_report(
            (start, weeks, cadence) in course_case(),
            received in proptest::collection::vec(any::<bool>(), 0..40),
            extra_weeks in 1u64..=26,
            today_offset in 0u64..900,
            new_cadence in prop_oneof![
                Just(None),
                Just(Some(ReportCadence::Monthly)),
                Just(Some(ReportCadence::EndOnly)),
                (1u8..=8).prop_map(|weeks| Some(ReportCadence::EveryWeeks { weeks })),
            ],
        ) {
            let end = start + Days::new(weeks * 7);
            let mut c = course(start, end, cadence);
            for (report, got) in c.reports.iter_mut().zip(&received) {
                if *got {
                    report.received = Some(report.due);
                    report.note = format!("report due {}", report.due);
                }
            }
            let new_end = end + Days::new(extra_weeks * 7);
            let new_cadence = new_cadence.unwrap_or_else(|| c.cadence.clone());
            let today = start + Days::new(today_offset);
            let got = regenerate(&c, new_end, &new_cadence, today);
            for report in c.reports.iter().filter(|r| r.received.is_some()) {
                prop_assert!(
                    got.iter().any(|r| Report { is_final: report.is_final, ..r.clone() } == *report),
                    "lost {report:?}"
                );
            }
            prop_assert!(got.windows(2).all(|w| w[0].due <= w[1].due));
            let finals: Vec<_> = got.iter().filter(|r| r.is_final).map(|r| r.due).collect();
            prop_assert_eq!(finals, vec![new_end]);
            prop_assert!(got.iter().all(|r| r.due <= new_end));
        }

        #[test]
        fn shortening_adds_no_report_after_the_end_and_keeps_the_received(
            (start, weeks, cadence) in course_case(),
            received in proptest::collection::vec(any::<bool>(), 0..40),
            cut_weeks in 0u64..=104,
            today_offset in 0u64..900,
        ) {
            let end = start + Days::new(weeks * 7);
            let mut c = course(start, end, cadence.clone());
            for (report, got) in c.reports.iter_mut().zip(&received) {
                if *got {
                    report.received = Some(report.due);
                }
            }
            let new_end = start + Days::new(weeks.saturating_sub(cut_weeks).max(1) * 7);
            let today = start + Days::new(today_offset);
            let got = regenerate(&c, new_end, &cadence, today);
            for report in got.iter().filter(|r| r.due > new_end) {
                // Only what the caseworker or the clock already made real may lie after the end.
                prop_assert!(
                    c.reports.iter().any(|old| old.due == report.due && (old.received.is_some() || old.due < today)),
                    "new report after the end: {report:?}"
                );
            }
            prop_assert_eq!(
                got.iter().filter(|r| r.received.is_some()).count(),
                c.reports.iter().filter(|r| r.received.is_some()).count()
            );
            let finals: Vec<_> = got.iter().filter(|r| r.is_final).map(|r| r.due).collect();
            prop_assert_eq!(finals, vec![new_end]);
        }
    }
}
