//! Supplier courses (leverandørforløb) with their monthly progress reports.

use chrono::{Months, NaiveDate};

use super::calendar::{Calendar, add_days, stamp, working_day_from};
use super::cases::created_day;
use super::contacts::Directory;
use super::dice::Dice;
use super::phrases;
use crate::model::{
    Case, Channel, ContactKind, Course, CourseId, CourseOutcome, NetworkLink, OrderChecklist,
    Report, ReportAction, ReportCadence, ReportChase, course_kind,
};

const COURSE_DAYS: i64 = 26 * 7;
const EXTENSION_DAYS: i64 = 13 * 7;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lateness {
    OnTime,
    /// The latest past-due report has not arrived.
    Late,
    /// The latest past-due report arrived and waits to be read.
    Unread,
}

pub(super) fn generate(
    cal: &Calendar,
    dir: &Directory,
    cases: &mut [Case],
    dice: &mut Dice,
) -> Vec<Course> {
    let mut courses = history(cal, dir, cases, dice);
    courses.extend(running(cal, dir, cases, dice));
    courses.sort_by_key(|c| (c.start, c.case));
    for (i, course) in courses.iter_mut().enumerate() {
        course.id = CourseId(i as u64 + 1);
    }
    courses
}

/// 15–30 running courses at 50 cases, in proportion above that.
fn running(cal: &Calendar, dir: &Directory, cases: &mut [Case], dice: &mut Dice) -> Vec<Course> {
    let active: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].is_active()).collect();
    let spread = (active.len() / 20).max(1) as i64;
    let wanted = (active.len() as i64 * 45 / 100 + dice.between(-spread, spread)).max(1) as usize;
    let chosen = dice.choose(active.len(), wanted);
    let extended = dice.marks(chosen.len(), (chosen.len() * 15 / 100).max(1));
    let mut out = Vec::with_capacity(chosen.len());
    for (k, &a) in chosen.iter().enumerate() {
        let case = &mut cases[active[a]];
        let start = if extended[k] {
            cal.day(-dice.between(24 * 7, 36 * 7))
        } else {
            cal.day(-dice.between(0, COURSE_DAYS - 7))
        }
        .max(add_days(created_day(case), 7));
        let mut course = new_course(case, start, dir, dice);
        if extended[k] {
            let previous_end = course.end;
            let on = add_days(previous_end, -14).min(cal.day(-3)).max(start);
            course.end = add_days(previous_end, EXTENSION_DAYS);
            course.outcome = Some(CourseOutcome::Extended { on, previous_end });
            course.reports = schedule(&course);
        }
        out.push(course);
    }

    // Late and unread reports need a report that is already due.
    let eligible: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].reports.iter().any(|r| r.due < cal.today))
        .collect();
    let late = (out.len() / 8).max(1);
    let unread = (out.len() / 7).max(1);
    let order = dice.choose(eligible.len(), late + unread);
    let mut lateness = vec![Lateness::OnTime; out.len()];
    for (n, &e) in order.iter().enumerate() {
        lateness[eligible[e]] = if n < late {
            Lateness::Late
        } else {
            Lateness::Unread
        };
    }
    for (course, lateness) in out.iter_mut().zip(lateness) {
        fill_reports(course, cal.today, lateness, dice);
    }
    if let Some(course) = out.iter_mut().find(|c| c.outcome.is_none()) {
        change_consultant(course, cal, dir, dice);
    }
    out
}

/// A couple of completed or interrupted courses in the history.
fn history(cal: &Calendar, dir: &Directory, cases: &mut [Case], dice: &mut Dice) -> Vec<Course> {
    let eligible: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].is_active() && created_day(&cases[i]) <= cal.day(-420))
        .collect();
    let wanted = (cases.len() / 20).max(2);
    let mut out = vec![];
    for e in dice.choose(eligible.len(), wanted) {
        let case = &mut cases[eligible[e]];
        let start = cal.day(-dice.between(230, 400));
        let mut course = new_course(case, start, dir, dice);
        let completed = dice.chance(600) && course.end < cal.day(-14);
        let on = if completed {
            course.end
        } else {
            add_days(start, dice.between(42, 120)).min(cal.day(-7))
        };
        course.reports.retain(|r| r.due <= on);
        fill_reports(&mut course, cal.today, Lateness::OnTime, dice);
        if let Some(last) = course.reports.last_mut()
            && !completed
        {
            last.action = Some(ReportAction::CourseInterrupted);
            last.is_final = false;
        }
        course.outcome = Some(if completed {
            CourseOutcome::Completed { on }
        } else {
            CourseOutcome::Interrupted { on }
        });
        out.push(course);
    }
    out
}

/// A course for `case` from `start`, with its consultant, checklist and report schedule, and
/// the consultant (and the workplace of a praktik) added to the case's network.
fn new_course(case: &mut Case, start: NaiveDate, dir: &Directory, dice: &mut Dice) -> Course {
    let s = dice.index(dir.suppliers.len());
    let staff = &dir.staff_by_supplier[s];
    let consultant = (!staff.is_empty() && dice.chance(950)).then(|| *dice.pick(staff));
    let is_mentor = consultant.is_some_and(|c| dir.contacts[c].kind == ContactKind::Mentor);
    let kind = if is_mentor && dice.chance(700) {
        course_kind::MENTOR
    } else {
        dice.weighted(&[
            (35, course_kind::AFKLARING),
            (35, course_kind::PRAKTIK),
            (15, course_kind::MENTOR),
            (10, course_kind::OTHER),
        ])
    };
    let cadence = if dice.chance(900) {
        ReportCadence::Monthly
    } else {
        ReportCadence::EveryWeeks { weeks: 6 }
    };
    let checklist = OrderChecklist {
        purpose: if dice.chance(900) {
            dice.pick(&phrases::COURSE_PURPOSE).to_string()
        } else {
            String::new()
        },
        close_follow_up: dice.chance(800),
        direct_contact_given: dice.chance(850),
        preferred_consultant: match consultant {
            Some(c) if dice.chance(600) => dir.contacts[c].name.clone(),
            _ => String::new(),
        },
    };
    if let Some(c) = consultant {
        let role = if is_mentor { "mentor" } else { "konsulent" };
        add_link(case, Directory::id(c), role);
        if case.flags.no_working_phone && is_mentor {
            let first = dir.contacts[c].name.split(' ').next().unwrap_or("");
            case.reach_via = format!("mentor {first}");
        }
    }
    if kind == course_kind::PRAKTIK {
        let employer = *dice.pick(&dir.employers);
        add_link(case, Directory::id(employer), "praktiksted");
    }
    let mut course = Course {
        id: CourseId(0),
        case: case.id,
        supplier: Directory::id(dir.suppliers[s]),
        consultant: consultant.map(Directory::id),
        kind: kind.to_string(),
        start,
        end: add_days(start, COURSE_DAYS),
        hours_per_week: Some(*dice.pick(&[6u8, 10, 12, 15, 20, 25, 30, 37])),
        cadence,
        checklist,
        reports: vec![],
        outcome: None,
        continues: None,
    };
    course.reports = schedule(&course);
    course
}

fn add_link(case: &mut Case, contact: crate::model::ContactId, role: &str) {
    if !case.network.iter().any(|l| l.contact == contact) {
        case.network.push(NetworkLink {
            contact,
            role: role.to_string(),
        });
    }
}

/// The report due dates from the cadence; the last one, at the end, is the final report.
fn schedule(course: &Course) -> Vec<Report> {
    let last_interim = add_days(course.end, -7);
    let mut dues = vec![];
    match &course.cadence {
        ReportCadence::Monthly => {
            for k in 1.. {
                match course.start.checked_add_months(Months::new(k)) {
                    Some(due) if due < last_interim => dues.push(due),
                    _ => break,
                }
            }
        }
        ReportCadence::EveryWeeks { weeks } => {
            let step = 7 * i64::from((*weeks).max(1));
            let mut due = add_days(course.start, step);
            while due < last_interim {
                dues.push(due);
                due = add_days(due, step);
            }
        }
        ReportCadence::EndOnly => {}
        ReportCadence::Dates { dates } => dues.extend(dates.iter().filter(|d| **d < course.end)),
    }
    dues.push(course.end);
    let final_index = dues.len() - 1;
    dues.into_iter()
        .enumerate()
        .map(|(i, due)| Report {
            due,
            received: None,
            read: None,
            action: None,
            note: String::new(),
            chases: vec![],
            is_final: i == final_index,
        })
        .collect()
}

/// Past-due reports: received and read, except the latest when the course is late or unread.
fn fill_reports(course: &mut Course, today: NaiveDate, lateness: Lateness, dice: &mut Dice) {
    let extended_on = match course.outcome {
        Some(CourseOutcome::Extended { on, .. }) => Some(on),
        _ => None,
    };
    let past: Vec<usize> = (0..course.reports.len())
        .filter(|&i| course.reports[i].due < today)
        .collect();
    let latest = past.last().copied();
    for &i in &past {
        let report = &mut course.reports[i];
        let received = add_days(report.due, dice.between(-4, 3))
            .max(course.start)
            .min(today);
        match (Some(i) == latest, lateness) {
            (true, Lateness::Late) => {
                let days_late = (today - report.due).num_days();
                if days_late >= 5 {
                    report
                        .chases
                        .push(chase(report.due, 5, Channel::Mail, "Rykket pr. mail"));
                }
                if days_late >= 12 {
                    report.chases.push(chase(
                        report.due,
                        12,
                        Channel::Phone,
                        "Konsulenten sender i denne uge",
                    ));
                }
            }
            (true, Lateness::Unread) => report.received = Some(received),
            _ => {
                report.received = Some(received);
                report.read = Some(add_days(received, dice.between(0, 3)).min(today));
                report.action = Some(dice.weighted(&[
                    (75, ReportAction::Fine),
                    (15, ReportAction::GoalsAdjusted),
                    (10, ReportAction::Other),
                ]));
                report.note = dice.pick(&phrases::REPORT_NOTES).to_string();
            }
        }
    }
    // The report read just before an extension is the one that led to it.
    if let Some(on) = extended_on
        && let Some(report) = course
            .reports
            .iter_mut()
            .filter(|r| r.read.is_some_and(|read| read <= on))
            .last()
    {
        report.action = Some(ReportAction::Extended);
        report.note = "Forlænget 3 måneder".to_string();
    }
}

fn chase(due: NaiveDate, after_days: i64, channel: Channel, note: &str) -> ReportChase {
    ReportChase {
        at: stamp(working_day_from(add_days(due, after_days)), 10 * 60),
        channel,
        note: note.to_string(),
    }
}

/// One running course changed consultant halfway.
fn change_consultant(course: &mut Course, cal: &Calendar, dir: &Directory, dice: &mut Dice) {
    let Some(s) = dir
        .suppliers
        .iter()
        .position(|&s| Directory::id(s) == course.supplier)
    else {
        return;
    };
    let others: Vec<usize> = dir.staff_by_supplier[s]
        .iter()
        .copied()
        .filter(|&c| Some(Directory::id(c)) != course.consultant)
        .collect();
    if others.is_empty() || course.start >= cal.day(-14) {
        return;
    }
    let on = add_days(course.start, (cal.today - course.start).num_days() / 2);
    let previous = Some(Directory::id(*dice.pick(&others)));
    course.outcome = Some(CourseOutcome::ConsultantChanged { on, previous });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{cases, contacts};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn sample() -> (Vec<Case>, Vec<Course>) {
        let cal = Calendar::new(today());
        let dir = contacts::generate(50, &mut Dice::new(4, 1));
        let mut cases = cases::generate(50, &cal, &dir, &mut Dice::new(4, 2));
        let courses = generate(&cal, &dir, &mut cases, &mut Dice::new(4, 3));
        (cases, courses)
    }

    #[test]
    fn monthly_reports_end_with_the_final_report_at_the_end() {
        let (_, courses) = sample();
        for course in &courses {
            let last = course.reports.last().unwrap();
            assert_eq!(
                last.is_final,
                !matches!(course.outcome, Some(CourseOutcome::Interrupted { .. }))
            );
            assert!(course.reports.iter().filter(|r| r.is_final).count() <= 1);
            assert!(course.reports.windows(2).all(|w| w[0].due < w[1].due));
        }
        let plain = courses
            .iter()
            .find(|c| c.outcome.is_none() && c.cadence == ReportCadence::Monthly)
            .unwrap();
        assert_eq!(plain.end, add_days(plain.start, 182));
        assert_eq!(
            plain.reports.len(),
            6,
            "five monthly reports and the final one"
        );
    }

    #[test]
    fn report_states_follow_the_calendar() {
        let (_, courses) = sample();
        for course in &courses {
            for report in &course.reports {
                if report.due >= today() {
                    assert!(report.received.is_none());
                }
                if let (Some(received), Some(read)) = (report.received, report.read) {
                    assert!(received <= read && read <= today());
                }
                assert!(report.read.is_none() || report.received.is_some());
            }
        }
    }

    #[test]
    fn consultants_are_in_the_case_network() {
        let (cases, courses) = sample();
        for course in &courses {
            if let Some(c) = course.consultant {
                let case = &cases[course.case.0 as usize - 1];
                assert!(case.network.iter().any(|l| l.contact == c));
            }
        }
    }
}
