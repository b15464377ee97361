//! Reminders of a supplier course as of one day: reports coming up, late, unread or chased
//! often, and the call and summons before the course ends.
//!
//! Each reminder shows from its due date on, except "due soon", which shows in the lead time
//! before a report's due date. The call to the supplier shows until the end date; the summons
//! shows until the course gets an outcome, since a course that ended undecided is exactly what
//! must not be forgotten. A finished course (completed, interrupted, supplier changed) gives none.

use super::reminder::{
    Basis, CadenceKind, Reason, Reminder, ReminderKind, Rule, Setting, Subject, days_late,
};
use crate::config::Courses;
use crate::model::{Course, OrderChecklist, Report};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The reminders of `course` that show on `today`, in the order of the course's reports, then
/// the end-of-course reminders. `supplier` is the supplier's name, for the reasons.
pub fn course_reminders(
    course: &Course,
    today: NaiveDate,
    config: &Courses,
    supplier: Option<&str>,
) -> Vec<Reminder> {
    course_reminders_until(course, today, today, config, supplier)
}

/// [`course_reminders`] as of `today`, with the end-of-course reminders falling due by `until`
/// too: the Today list shows the call to the supplier on the 26th under "coming" on the 24th.
pub fn course_reminders_until(
    course: &Course,
    today: NaiveDate,
    until: NaiveDate,
    config: &Courses,
    supplier: Option<&str>,
) -> Vec<Reminder> {
    if is_finished(course) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (index, report) in course.reports.iter().enumerate() {
        let subject = Subject::Report {
            case: course.case,
            course: course.id,
            index,
        };
        let basis = Basis::Report {
            due: report.due,
            is_final: report.is_final,
            cadence: CadenceKind::from(&course.cadence),
            supplier: supplier.map(str::to_owned),
            received: report.received,
        };
        out.extend(report_reminders(report, today, config, basis, subject));
    }
    out.extend(end_reminders(
        course,
        today,
        until.max(today),
        config,
        supplier,
    ));
    out
}

/// Completed, interrupted or continued at another supplier (see [`Course::is_finished`]).
pub fn is_finished(course: &Course) -> bool {
    course.is_finished()
}

/// Where a progress report stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// Not received, and its due date has not passed.
    Expected,
    /// Not received by its due date: late from the day after.
    Late,
    ReceivedUnread,
    Read,
}

/// Where `report` stands on `today`.
pub fn report_state(report: &Report, today: NaiveDate) -> ReportState {
    match (report.received, report.read) {
        (None, _) if report.due < today => ReportState::Late,
        (None, _) => ReportState::Expected,
        (Some(_), None) => ReportState::ReceivedUnread,
        (Some(_), Some(_)) => ReportState::Read,
    }
}

/// Not received by its due date (late from the day after it).
pub fn is_late(report: &Report, today: NaiveDate) -> bool {
    report_state(report, today) == ReportState::Late
}

/// Received and not yet read.
pub fn is_unread(report: &Report) -> bool {
    report.received.is_some() && report.read.is_none()
}

/// Calendar days `report` is late on `today`; 0 when it is not late.
pub fn days_report_late(report: &Report, today: NaiveDate) -> i64 {
    if is_late(report, today) {
        (today - report.due).num_days()
    } else {
        0
    }
}

fn report_reminders(
    report: &Report,
    today: NaiveDate,
    config: &Courses,
    basis: Basis,
    subject: Subject,
) -> Vec<Reminder> {
    let chases = u32::try_from(report.chases.len()).unwrap_or(u32::MAX);
    let reminder = |due, kind, rule: Option<Setting>| Reminder {
        due,
        kind,
        reason: Reason {
            basis: basis.clone(),
            rule: rule.map(|setting| Rule::of_courses(setting, config)),
            days_late: days_late(due, today),
            chases,
        },
        subject,
    };
    let mut out = Vec::new();
    match report.received {
        Some(received) => {
            // The reminder shows from the day it was received.
            if is_unread(report) && received <= today {
                out.push(reminder(received, ReminderKind::ReportUnread, None));
            }
        }
        None if is_late(report, today) => {
            out.push(reminder(report.due, ReminderKind::ReportLate, None));
            if chases >= config.chases_before_escalation {
                out.push(reminder(
                    report.due,
                    ReminderKind::ReportChaseEscalate,
                    Some(Setting::ChasesBeforeEscalation),
                ));
            }
        }
        None => {
            let days_ahead = (report.due - today).num_days();
            if days_ahead <= i64::from(config.report_lead_days) {
                out.push(reminder(
                    report.due,
                    ReminderKind::ReportDueSoon,
                    Some(Setting::ReportLeadDays),
                ));
            }
        }
    }
    out
}

fn end_reminders(
    course: &Course,
    today: NaiveDate,
    until: NaiveDate,
    config: &Courses,
    supplier: Option<&str>,
) -> Vec<Reminder> {
    let subject = Subject::Course {
        case: course.case,
        course: course.id,
    };
    let end_basis = Basis::CourseEnd {
        end: course.end,
        supplier: supplier.map(str::to_owned),
    };
    let reminder = |due, kind, basis, setting| Reminder {
        due,
        kind,
        reason: Reason {
            basis,
            rule: Some(Rule::of_courses(setting, config)),
            days_late: days_late(due, today),
            chases: 0,
        },
        subject,
    };
    let mut out = Vec::new();
    let call_by = days_before(
        course.end,
        u64::from(config.call_supplier_weeks_before_end) * 7,
    );
    if call_by <= until && today <= course.end {
        out.push(reminder(
            call_by,
            ReminderKind::CallSupplierBeforeEnd,
            end_basis.clone(),
            Setting::CallSupplierWeeksBeforeEnd,
        ));
    }
    let summons_by = days_before(course.end, u64::from(config.summon_days_before_end));
    if summons_by <= until {
        out.push(reminder(
            summons_by,
            ReminderKind::SummonBeforeEnd,
            end_basis,
            Setting::SummonDaysBeforeEnd,
        ));
        // Shown exactly when asking for an interim report can be done: one rule for both.
        let final_report = course.reports.iter().rev().find(|r| r.is_final);
        if let Some(report) = final_report
            && crate::domain::schedule::interim_due(course, config.summon_days_before_end, today)
                .is_some()
        {
            out.push(reminder(
                summons_by,
                ReminderKind::FinalReportAfterSummons,
                Basis::FinalReportAfterSummons {
                    final_due: report.due,
                    summons_by,
                },
                Setting::SummonDaysBeforeEnd,
            ));
        }
    }
    out
}

/// `days` before `date`, or the first date of the calendar.
fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// A point of the order's checklist not met. Shown, never enforced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistGap {
    /// The order states no purpose.
    NoPurpose,
    /// "Close follow-up" was not asked for.
    NoCloseFollowUp,
    /// The caseworker's direct contact was not given to the supplier.
    NoDirectContact,
}

/// The gaps of an order's checklist, in the order the form lists them.
pub fn checklist_gaps(checklist: &OrderChecklist) -> Vec<ChecklistGap> {
    let mut out = Vec::new();
    if checklist.purpose.trim().is_empty() {
        out.push(ChecklistGap::NoPurpose);
    }
    if !checklist.close_follow_up {
        out.push(ChecklistGap::NoCloseFollowUp);
    }
    if !checklist.direct_contact_given {
        out.push(ChecklistGap::NoDirectContact);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::new_reports;
    use crate::model::{
        CaseId, Channel, ContactId, CourseId, CourseOutcome, OrderChecklist, ReportCadence,
        ReportChase,
    };
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Monthly from 20 July to 18 December 2026: reports 20 Aug, 20 Sep, 20 Oct, 20 Nov, final
    /// 18 Dec (20 Dec would be after the end).
    fn course() -> Course {
        let start = d(2026, 7, 20);
        let end = d(2026, 12, 18);
        Course {
            id: CourseId(4),
            case: CaseId(2),
            supplier: ContactId(9),
            consultant: None,
            kind: "afklaring".into(),
            start,
            end,
            hours_per_week: Some(10),
            cadence: ReportCadence::Monthly,
            checklist: OrderChecklist::default(),
            reports: new_reports(start, end, &ReportCadence::Monthly),
            outcome: None,
            continues: None,
        }
    }

    /// A course whose reports before `until` are all received and read.
    fn course_done_until(until: NaiveDate) -> Course {
        let mut c = course();
        for report in c.reports.iter_mut().filter(|r| r.due < until) {
            report.received = Some(report.due);
            report.read = Some(report.due);
        }
        c
    }

    fn kinds(reminders: &[Reminder]) -> Vec<ReminderKind> {
        reminders.iter().map(|r| r.kind).collect()
    }

    fn at(today: NaiveDate, c: &Course) -> Vec<Reminder> {
        course_reminders(c, today, &Courses::default(), Some("Jobhuset"))
    }

    fn chase(day: u32) -> ReportChase {
        ReportChase {
            at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
            channel: Channel::Phone,
            note: String::new(),
        }
    }

    #[test]
    fn checklist_gaps_name_what_the_order_lacks() {
        let mut check = OrderChecklist::default();
        assert_eq!(
            checklist_gaps(&check),
            vec![
                ChecklistGap::NoPurpose,
                ChecklistGap::NoCloseFollowUp,
                ChecklistGap::NoDirectContact
            ]
        );
        check.purpose = "afklaring af arbejdsevne".into();
        check.close_follow_up = true;
        assert_eq!(checklist_gaps(&check), vec![ChecklistGap::NoDirectContact]);
        check.direct_contact_given = true;
        assert!(checklist_gaps(&check).is_empty());
    }

    #[test]
    fn schedule_of_the_test_course() {
        let dues: Vec<_> = course().reports.iter().map(|r| r.due).collect();
        assert_eq!(
            dues,
            vec![
                d(2026, 8, 20),
                d(2026, 9, 20),
                d(2026, 10, 20),
                d(2026, 11, 20),
                d(2026, 12, 18)
            ]
        );
    }

    #[test]
    fn due_soon_boundaries_with_five_days_lead() {
        let c = course_done_until(d(2026, 11, 1));
        // 14 Nov is 6 days before 20 Nov: nothing yet.
        assert!(at(d(2026, 11, 14), &c).is_empty());
        let soon = at(d(2026, 11, 15), &c);
        assert_eq!(kinds(&soon), vec![ReminderKind::ReportDueSoon]);
        let reminder = &soon[0];
        assert_eq!(reminder.due, d(2026, 11, 20));
        assert_eq!(
            reminder.subject,
            Subject::Report {
                case: CaseId(2),
                course: CourseId(4),
                index: 3
            }
        );
        assert_eq!(
            reminder.reason.basis,
            Basis::Report {
                due: d(2026, 11, 20),
                is_final: false,
                cadence: CadenceKind::Monthly,
                supplier: Some("Jobhuset".into()),
                received: None,
            }
        );
        let rule = reminder.reason.rule.as_ref().unwrap();
        assert_eq!(
            (&rule.setting, rule.value, rule.is_default),
            (&Setting::ReportLeadDays, 5, true)
        );
        assert_eq!(reminder.reason.days_late, None);
        // The due day itself is still "due", not late.
        assert_eq!(
            kinds(&at(d(2026, 11, 20), &c)),
            vec![ReminderKind::ReportDueSoon]
        );
    }

    #[test]
    fn late_from_the_day_after_due_with_days_late() {
        let c = course_done_until(d(2026, 11, 1));
        let late = at(d(2026, 11, 21), &c);
        assert_eq!(kinds(&late), vec![ReminderKind::ReportLate]);
        assert_eq!(late[0].reason.days_late, Some(1));
        let late = at(d(2026, 11, 22), &c);
        assert_eq!(late[0].reason.days_late, Some(2));
        assert_eq!(late[0].due, d(2026, 11, 20));
    }

    #[test]
    fn received_but_unread_until_read() {
        let mut c = course_done_until(d(2026, 11, 1));
        c.reports[3].received = Some(d(2026, 11, 19));
        assert_eq!(
            kinds(&at(d(2026, 11, 19), &c)),
            vec![ReminderKind::ReportUnread]
        );
        let unread = at(d(2026, 11, 23), &c);
        assert_eq!(unread[0].due, d(2026, 11, 19));
        assert_eq!(unread[0].reason.days_late, Some(4));
        c.reports[3].read = Some(d(2026, 11, 23));
        assert!(at(d(2026, 11, 23), &c).is_empty());
    }

    #[test]
    fn chases_suggest_escalation_from_the_configured_count() {
        let mut c = course_done_until(d(2026, 11, 1));
        let today = d(2026, 11, 26);
        c.reports[3].chases = vec![chase(23)];
        assert_eq!(kinds(&at(today, &c)), vec![ReminderKind::ReportLate]);
        assert_eq!(at(today, &c)[0].reason.chases, 1);
        c.reports[3].chases.push(chase(25));
        let got = at(today, &c);
        assert_eq!(
            kinds(&got),
            vec![ReminderKind::ReportLate, ReminderKind::ReportChaseEscalate]
        );
        let rule = got[1].reason.rule.as_ref().unwrap();
        assert_eq!(
            (&rule.setting, rule.value),
            (&Setting::ChasesBeforeEscalation, 2)
        );
        assert_eq!(got[1].reason.chases, 2);
    }

    #[test]
    fn call_supplier_three_weeks_before_the_end() {
        // End Fri 18 Dec; three weeks before: Fri 27 Nov.
        let c = course_done_until(d(2026, 12, 1));
        assert!(at(d(2026, 11, 26), &c).is_empty());
        let call = at(d(2026, 11, 27), &c);
        assert_eq!(kinds(&call), vec![ReminderKind::CallSupplierBeforeEnd]);
        assert_eq!(call[0].due, d(2026, 11, 27));
        assert_eq!(
            call[0].subject,
            Subject::Course {
                case: CaseId(2),
                course: CourseId(4)
            }
        );
        assert_eq!(
            call[0].reason.basis,
            Basis::CourseEnd {
                end: d(2026, 12, 18),
                supplier: Some("Jobhuset".into())
            }
        );
        let rule = call[0].reason.rule.as_ref().unwrap();
        assert_eq!(
            (&rule.setting, rule.value, rule.is_default),
            (&Setting::CallSupplierWeeksBeforeEnd, 3, true)
        );
        assert_eq!(at(d(2026, 11, 28), &c)[0].reason.days_late, Some(1));
    }

    #[test]
    fn summons_fourteen_days_before_the_end_warns_about_the_final_report() {
        // Fourteen days before Fri 18 Dec: Fri 4 Dec.
        let c = course_done_until(d(2026, 12, 1));
        assert_eq!(
            kinds(&at(d(2026, 12, 3), &c)),
            vec![ReminderKind::CallSupplierBeforeEnd]
        );
        let got = at(d(2026, 12, 4), &c);
        assert_eq!(
            kinds(&got),
            vec![
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd,
                ReminderKind::FinalReportAfterSummons
            ]
        );
        assert_eq!(got[1].due, d(2026, 12, 4));
        assert_eq!(
            got[2].reason.basis,
            Basis::FinalReportAfterSummons {
                final_due: d(2026, 12, 18),
                summons_by: d(2026, 12, 4)
            }
        );
        assert_eq!(at(d(2026, 12, 5), &c)[1].reason.days_late, Some(1));
    }

    #[test]
    fn no_interim_warning_once_the_final_report_is_in() {
        let mut c = course_done_until(d(2026, 12, 1));
        c.reports[4].received = Some(d(2026, 12, 2));
        c.reports[4].read = Some(d(2026, 12, 2));
        assert_eq!(
            kinds(&at(d(2026, 12, 4), &c)),
            vec![
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd
            ]
        );
    }

    #[test]
    fn after_the_end_the_call_goes_but_the_summons_and_late_final_stay() {
        let c = course_done_until(d(2026, 12, 1));
        // Past the summons date the interim report is still suggested, and can be asked for
        // (the same rule as `schedule::interim_due`), until the final report is due.
        assert_eq!(
            kinds(&at(d(2026, 12, 10), &c)),
            vec![
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd,
                ReminderKind::FinalReportAfterSummons
            ]
        );
        assert!(crate::domain::schedule::interim_due(&c, 14, d(2026, 12, 10)).is_some());
        // On the last day the final report itself is due: no interim report then.
        assert_eq!(
            kinds(&at(d(2026, 12, 18), &c)),
            vec![
                ReminderKind::ReportDueSoon,
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd
            ]
        );
        assert_eq!(
            kinds(&at(d(2026, 12, 19), &c)),
            vec![ReminderKind::ReportLate, ReminderKind::SummonBeforeEnd]
        );
    }

    #[test]
    fn finished_courses_give_no_reminders() {
        let today = d(2026, 12, 19);
        for outcome in [
            CourseOutcome::Completed { on: today },
            CourseOutcome::Interrupted { on: today },
            CourseOutcome::SupplierChanged {
                on: today,
                next: CourseId(5),
            },
        ] {
            let mut c = course();
            c.outcome = Some(outcome);
            assert!(at(today, &c).is_empty());
        }
        // An extension is not the end: the reminders follow the new end.
        let mut c = course();
        c.outcome = Some(CourseOutcome::Extended {
            on: today,
            previous_end: d(2026, 12, 18),
        });
        assert!(!at(today, &c).is_empty());
    }

    #[test]
    fn own_settings_move_the_thresholds_and_say_so() {
        let c = course_done_until(d(2026, 12, 1));
        let config = Courses {
            summon_days_before_end: 21,
            call_supplier_weeks_before_end: 4,
            ..Courses::default()
        };
        // 21 days before 18 Dec is 27 Nov; four weeks before is 20 Nov.
        let got = course_reminders(&c, d(2026, 11, 27), &config, None);
        assert_eq!(
            kinds(&got),
            vec![
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd,
                ReminderKind::FinalReportAfterSummons
            ]
        );
        assert_eq!(got[0].due, d(2026, 11, 20));
        assert!(!got[1].reason.rule.as_ref().unwrap().is_default);
        assert_eq!(
            got[0].reason.basis,
            Basis::CourseEnd {
                end: d(2026, 12, 18),
                supplier: None
            }
        );
    }

    #[test]
    fn until_lets_the_end_reminders_show_before_their_day() {
        // Call by Fri 27 Nov, summons by Fri 4 Dec; seen from Tue 24 Nov with a week ahead.
        let c = course_done_until(d(2026, 12, 1));
        let config = Courses::default();
        let week = course_reminders_until(&c, d(2026, 11, 24), d(2026, 12, 1), &config, None);
        assert_eq!(kinds(&week), vec![ReminderKind::CallSupplierBeforeEnd]);
        assert_eq!(week[0].due, d(2026, 11, 27));
        assert_eq!(week[0].reason.days_late, None);
        let two = course_reminders_until(&c, d(2026, 11, 24), d(2026, 12, 4), &config, None);
        assert_eq!(
            kinds(&two),
            vec![
                ReminderKind::CallSupplierBeforeEnd,
                ReminderKind::SummonBeforeEnd,
                ReminderKind::FinalReportAfterSummons
            ]
        );
        // Without a window, only from the day itself.
        assert!(at(d(2026, 11, 24), &c).is_empty());
    }

    #[test]
    fn a_report_is_late_from_the_day_after_its_due_date_until_received() {
        let today = d(2026, 11, 24);
        let report = |due, received, read| Report {
            due,
            received,
            read,
            action: None,
            note: String::new(),
            chases: vec![],
            is_final: false,
        };
        let due_today = report(today, None, None);
        assert_eq!(report_state(&due_today, today), ReportState::Expected);
        assert!(!is_late(&due_today, today));
        let yesterday = report(d(2026, 11, 23), None, None);
        assert_eq!(report_state(&yesterday, today), ReportState::Late);
        assert_eq!(days_report_late(&yesterday, today), 1);
        let long_ago = report(d(2026, 10, 20), None, None);
        assert_eq!(days_report_late(&long_ago, today), 35);
        let received = report(d(2026, 10, 20), Some(d(2026, 11, 2)), None);
        assert_eq!(report_state(&received, today), ReportState::ReceivedUnread);
        assert!(is_unread(&received));
        assert!(
            !is_late(&received, today),
            "received late is not late any more"
        );
        assert_eq!(days_report_late(&received, today), 0);
        let read = report(d(2026, 10, 20), Some(d(2026, 11, 2)), Some(today));
        assert_eq!(report_state(&read, today), ReportState::Read);
        assert!(!is_unread(&read));
    }
}
