//! The reminder shared by courses and medical requests: what is due, when, about which record,
//! and why (PRODUCT.md principle 3). Reasons are structured facts, never formatted text; the UI
//! words them in either language.

use crate::config::{Courses, Medical};
use crate::model::{CaseId, CourseId, ReportCadence, RequestId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// The day the reminder is due (it may lie before today when overdue).
    pub due: NaiveDate,
    pub kind: ReminderKind,
    pub reason: Reason,
    pub subject: Subject,
}

/// What the caseworker is reminded to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReminderKind {
    /// A report is due within the lead time.
    ReportDueSoon,
    /// A report was not received by its due date.
    ReportLate,
    /// A report was received but not read.
    ReportUnread,
    /// Call the supplier and plan a three-party meeting before the course ends.
    CallSupplierBeforeEnd,
    /// Summon the citizen to decide on an extension.
    SummonBeforeEnd,
    /// The final report is due after the summons: offer to ask for an interim report.
    FinalReportAfterSummons,
    /// A late report has been chased often: suggest escalating.
    ReportChaseEscalate,
    /// Written reminder number `n` (1-based) of a medical request.
    MedicalReminder { n: u32 },
    /// Phone chase number `day` (1-based) after the written reminders.
    MedicalPhoneChase { day: u32 },
    /// Chased often: suggest the sundhedskoordinator or lægekonsulent. Never closes the request.
    MedicalEscalate,
    /// Medical information arrived: act on it.
    MedicalActOn,
}

/// The record a reminder is about; every subject knows its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Subject {
    /// Report number `index` (0-based, in `Course::reports`) of a course.
    Report {
        case: CaseId,
        course: CourseId,
        index: usize,
    },
    Course {
        case: CaseId,
        course: CourseId,
    },
    Request {
        case: CaseId,
        request: RequestId,
    },
    Case {
        case: CaseId,
    },
}

impl Subject {
    pub fn case(&self) -> CaseId {
        match *self {
            Subject::Report { case, .. }
            | Subject::Course { case, .. }
            | Subject::Request { case, .. }
            | Subject::Case { case } => case,
        }
    }
}

/// Why a reminder exists: the record's facts, the setting that placed it, and how late it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub basis: Basis,
    /// The setting that placed the due date or crossed a threshold, if one did.
    pub rule: Option<Rule>,
    /// Calendar days past `due` as of today, when the reminder is overdue.
    pub days_late: Option<u32>,
    /// Chases logged so far (of the report or the request).
    pub chases: u32,
}

/// The record's own facts the reminder counts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Basis {
    /// A course report: "monthly report from <supplier> due 20 Nov".
    Report {
        due: NaiveDate,
        is_final: bool,
        cadence: CadenceKind,
        supplier: Option<String>,
        received: Option<NaiveDate>,
    },
    /// The end of a course.
    CourseEnd {
        end: NaiveDate,
        supplier: Option<String>,
    },
    /// The final report is due on `final_due`, after the summons by `summons_by`.
    FinalReportAfterSummons {
        final_due: NaiveDate,
        summons_by: NaiveDate,
    },
    /// A medical request's deadline, the caseworker's own date or a default.
    Deadline { date: NaiveDate, source: DateSource },
    /// The chase logged as number `number` (1-based) on `on`; the next step counts from it.
    PreviousChase { number: u32, on: NaiveDate },
    /// Medical information received on `on`.
    Received { on: NaiveDate },
}

/// Whether a date was set by the caseworker or follows from a setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DateSource {
    /// "your own date".
    OwnDate,
    /// "default: 10 working days after sending".
    Rule(Rule),
}

/// The shape of a course's report cadence, without the list of given dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CadenceKind {
    Monthly,
    EveryWeeks {
        weeks: u8,
    },
    EndOnly,
    /// Dates given by the caseworker ("your own date").
    Dates,
}

impl From<&ReportCadence> for CadenceKind {
    fn from(cadence: &ReportCadence) -> Self {
        match cadence {
            ReportCadence::Monthly => CadenceKind::Monthly,
            ReportCadence::EveryWeeks { weeks } => CadenceKind::EveryWeeks { weeks: *weeks },
            ReportCadence::EndOnly => CadenceKind::EndOnly,
            ReportCadence::Dates { .. } => CadenceKind::Dates,
        }
    }
}

/// A configuration setting with the value used and whether it is the shipped default
/// ("default: 14 days before the course ends" or "your setting: 10 days …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub setting: Setting,
    pub value: u32,
    pub is_default: bool,
}

/// The settings a reminder can stem from (keys of the configuration file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Setting {
    ReportLeadDays,
    CallSupplierWeeksBeforeEnd,
    SummonDaysBeforeEnd,
    ChasesBeforeEscalation,
    /// The deadline of a request kind (or the default deadline when the kind is not listed).
    DeadlineWorkdays {
        request_kind: String,
    },
    FirstReminderWorkdaysAfterDeadline,
    ReminderIntervalWorkdays,
    PhoneChaseEveryWorkdays,
    EscalateAfterChases,
    ActWithinWorkdays,
}

impl Setting {
    /// The setting's key in the configuration file, "section.key".
    pub fn key(&self) -> &'static str {
        match self {
            Setting::ReportLeadDays => "courses.report_lead_days",
            Setting::CallSupplierWeeksBeforeEnd => "courses.call_supplier_weeks_before_end",
            Setting::SummonDaysBeforeEnd => "courses.summon_days_before_end",
            Setting::ChasesBeforeEscalation => "courses.chases_before_escalation",
            Setting::DeadlineWorkdays { .. } => "medical.deadline_workdays",
            Setting::FirstReminderWorkdaysAfterDeadline => {
                "medical.first_reminder_workdays_after_deadline"
            }
            Setting::ReminderIntervalWorkdays => "medical.reminder_interval_workdays",
            Setting::PhoneChaseEveryWorkdays => "medical.phone_chase_every_workdays",
            Setting::EscalateAfterChases => "medical.escalate_after_chases",
            Setting::ActWithinWorkdays => "medical.act_within_workdays",
        }
    }

    /// The value of this setting in `courses`, or `None` for a medical setting.
    fn in_courses(&self, courses: &Courses) -> Option<u32> {
        match self {
            Setting::ReportLeadDays => Some(courses.report_lead_days),
            Setting::CallSupplierWeeksBeforeEnd => Some(courses.call_supplier_weeks_before_end),
            Setting::SummonDaysBeforeEnd => Some(courses.summon_days_before_end),
            Setting::ChasesBeforeEscalation => Some(courses.chases_before_escalation),
            _ => None,
        }
    }

    /// The value of this setting in `medical`, or `None` for a course setting.
    fn in_medical(&self, medical: &Medical) -> Option<u32> {
        match self {
            Setting::DeadlineWorkdays { request_kind } => Some(medical.deadline_for(request_kind)),
            Setting::FirstReminderWorkdaysAfterDeadline => {
                Some(medical.first_reminder_workdays_after_deadline)
            }
            Setting::ReminderIntervalWorkdays => Some(medical.reminder_interval_workdays),
            Setting::PhoneChaseEveryWorkdays => Some(medical.phone_chase_every_workdays),
            Setting::EscalateAfterChases => Some(medical.escalate_after_chases),
            Setting::ActWithinWorkdays => Some(medical.act_within_workdays),
            _ => None,
        }
    }
}

impl Rule {
    /// A course setting with its value in `courses`.
    pub fn of_courses(setting: Setting, courses: &Courses) -> Rule {
        let value = setting.in_courses(courses).unwrap_or_default();
        let is_default = setting.in_courses(&Courses::default()) == Some(value);
        Rule {
            setting,
            value,
            is_default,
        }
    }

    /// A medical setting with its value in `medical`.
    pub fn of_medical(setting: Setting, medical: &Medical) -> Rule {
        let value = setting.in_medical(medical).unwrap_or_default();
        let is_default = setting.in_medical(&Medical::default()) == Some(value);
        Rule {
            setting,
            value,
            is_default,
        }
    }
}

/// Calendar days from `due` to `today`, when `today` is after `due`.
pub fn days_late(due: NaiveDate, today: NaiveDate) -> Option<u32> {
    let days = (today - due).num_days();
    (days > 0).then(|| u32::try_from(days).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rule_knows_whether_it_is_the_default() {
        let mut courses = Courses::default();
        let rule = Rule::of_courses(Setting::SummonDaysBeforeEnd, &courses);
        assert_eq!(rule.value, 14);
        assert!(rule.is_default);
        courses.summon_days_before_end = 10;
        let rule = Rule::of_courses(Setting::SummonDaysBeforeEnd, &courses);
        assert_eq!(rule.value, 10);
        assert!(!rule.is_default);
        assert_eq!(rule.setting.key(), "courses.summon_days_before_end");
    }

    #[test]
    fn deadline_rule_is_per_kind() {
        let mut medical = Medical::default();
        let kind = |k: &str| Setting::DeadlineWorkdays {
            request_kind: k.to_owned(),
        };
        let lae = Rule::of_medical(kind("lae145"), &medical);
        assert_eq!((lae.value, lae.is_default), (15, true));
        medical.deadline_workdays.insert("lae145".into(), 12);
        let lae = Rule::of_medical(kind("lae145"), &medical);
        assert_eq!((lae.value, lae.is_default), (12, false));
        // An unknown kind takes the default deadline.
        let unknown = Rule::of_medical(kind("my-own"), &medical);
        assert_eq!((unknown.value, unknown.is_default), (10, true));
    }

    #[test]
    fn days_late_only_after_due() {
        assert_eq!(days_late(d(2026, 11, 20), d(2026, 11, 19)), None);
        assert_eq!(days_late(d(2026, 11, 20), d(2026, 11, 20)), None);
        assert_eq!(days_late(d(2026, 11, 20), d(2026, 11, 22)), Some(2));
    }

    #[test]
    fn subject_knows_its_case() {
        let subject = Subject::Report {
            case: CaseId(7),
            course: CourseId(3),
            index: 2,
        };
        assert_eq!(subject.case(), CaseId(7));
        assert_eq!(Subject::Case { case: CaseId(9) }.case(), CaseId(9));
    }
}
