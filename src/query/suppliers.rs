//! The supplier overview: every supplier with courses under way (started, not finished), the citizens on them, their next
//! and late reports, so visits to one supplier can be batched on one day (PRODUCT.md §4.4).
//!
//! Reads every course once (a few hundred at most) and the cases and contacts they name; no
//! meetings. Late and unread reports come from the course reminders, so the overview and the
//! case card agree on what "late" means.

use super::names::Names;
use crate::config::Courses;
use crate::domain::reminder::ReminderKind;
use crate::domain::reports::{ReportState, course_reminders, report_state};
use crate::model::{CaseId, ContactId, Course, CourseId};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// One supplier and its running courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupplierRow {
    pub supplier: ContactId,
    /// "#id" when the contact is gone.
    pub name: String,
    /// Late courses first, then by end date and name.
    pub courses: Vec<SupplierCourse>,
    /// Distinct citizens on the running courses.
    pub citizens: usize,
    /// The earliest report still to come (due today or later) across the courses.
    pub next_report: Option<NaiveDate>,
    /// Late reports across the courses.
    pub late: usize,
    /// Days the oldest late report is overdue (0 when none is late).
    pub most_days_late: u32,
    /// Reports received but not read.
    pub unread: usize,
}

/// A running course as the overview lists it: whose it is and where its reports stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupplierCourse {
    pub course: CourseId,
    pub case: CaseId,
    pub case_name: String,
    pub consultant: Option<ContactId>,
    pub consultant_name: Option<String>,
    pub kind: String,
    pub end: NaiveDate,
    /// The first report not received that is due today or later.
    pub next_report: Option<NaiveDate>,
    /// Due dates of the reports not received by their due date, with days late.
    pub late: Vec<(NaiveDate, u32)>,
    pub unread: usize,
    /// Within the weeks before the end when the supplier should be called (configuration).
    pub ending_soon: bool,
}

/// Every supplier with a course under way on `today` (started, not finished, of an open case):
/// suppliers with late reports first, then
/// those with the most citizens, then by name.
pub fn overview(
    store: &Store,
    today: NaiveDate,
    config: &Courses,
) -> Result<Vec<SupplierRow>, StoreError> {
    let mut names = Names::new(store);
    let mut by_supplier: HashMap<ContactId, Vec<SupplierCourse>> = HashMap::new();
    for course in store.all::<Course>()? {
        // Started and not finished: an ended course without an outcome still waits for its
        // final report. Closed cases are left out, as on Today and the board.
        if course.is_finished() || course.start > today || !names.case_is_active(course.case)? {
            continue;
        }
        let supplier_name = names.contact(course.supplier)?;
        let line = course_line(&course, today, config, &supplier_name, &mut names)?;
        by_supplier.entry(course.supplier).or_default().push(line);
    }
    let mut rows = Vec::with_capacity(by_supplier.len());
    for (supplier, mut courses) in by_supplier {
        courses.sort_by(|a, b| {
            (b.late.len(), a.end, &a.case_name, a.course).cmp(&(
                a.late.len(),
                b.end,
                &b.case_name,
                b.course,
            ))
        });
        let mut cases: Vec<CaseId> = courses.iter().map(|c| c.case).collect();
        cases.sort();
        cases.dedup();
        rows.push(SupplierRow {
            supplier,
            name: names.contact(supplier)?,
            citizens: cases.len(),
            next_report: courses.iter().filter_map(|c| c.next_report).min(),
            late: courses.iter().map(|c| c.late.len()).sum(),
            most_days_late: courses
                .iter()
                .flat_map(|c| c.late.iter().map(|l| l.1))
                .max()
                .unwrap_or(0),
            unread: courses.iter().map(|c| c.unread).sum(),
            courses,
        });
    }
    rows.sort_by(|a, b| {
        (b.late > 0, b.citizens, &a.name, a.supplier).cmp(&(
            a.late > 0,
            a.citizens,
            &b.name,
            b.supplier,
        ))
    });
    Ok(rows)
}

fn course_line(
    course: &Course,
    today: NaiveDate,
    config: &Courses,
    supplier_name: &str,
    names: &mut Names<'_>,
) -> Result<SupplierCourse, StoreError> {
    let reminders = course_reminders(course, today, config, Some(supplier_name));
    let late = reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::ReportLate)
        .map(|r| (r.due, r.reason.days_late.unwrap_or(0)))
        .collect();
    let unread = reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::ReportUnread)
        .count();
    let ending_soon = reminders.iter().any(|r| {
        matches!(
            r.kind,
            ReminderKind::CallSupplierBeforeEnd | ReminderKind::SummonBeforeEnd
        )
    });
    let consultant_name = match course.consultant {
        Some(id) => Some(names.contact(id)?),
        None => None,
    };
    Ok(SupplierCourse {
        course: course.id,
        case: course.case,
        case_name: names.case(course.case)?,
        consultant: course.consultant,
        consultant_name,
        kind: course.kind.clone(),
        end: course.end,
        next_report: course
            .reports
            .iter()
            .find(|r| report_state(r, today) == ReportState::Expected)
            .map(|r| r.due),
        late,
        unread,
        ending_soon,
    })
}
