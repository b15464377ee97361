use super::{CaseId, Channel, ContactId, FreeText, ids::CourseId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Keys of the built-in course kinds; the configuration may add more.
pub mod course_kind {
    pub const AFKLARING: &str = "afklaring";
    pub const PRAKTIK: &str = "praktik";
    pub const MENTOR: &str = "mentor";
    pub const OTHER: &str = "andet";
    pub const ALL: [&str; 4] = [AFKLARING, PRAKTIK, MENTOR, OTHER];
}

/// A supplier course (leverandørforløb) with its progress reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    pub id: CourseId,
    pub case: CaseId,
    pub supplier: ContactId,
    /// The consultant or mentor at the supplier.
    #[serde(default)]
    pub consultant: Option<ContactId>,
    /// Key of a course kind (see [`course_kind`]).
    pub kind: String,
    pub start: NaiveDate,
    /// Default: start + 26 weeks.
    pub end: NaiveDate,
    #[serde(default)]
    pub hours_per_week: Option<u8>,
    pub cadence: ReportCadence,
    #[serde(default)]
    pub checklist: OrderChecklist,
    /// The progress reports (leverandørrapporter), in due order.
    #[serde(default)]
    pub reports: Vec<Report>,
    #[serde(default)]
    pub outcome: Option<CourseOutcome>,
    /// The course this one continues (supplier changed), keeping its history.
    #[serde(default)]
    pub continues: Option<CourseId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReportCadence {
    Monthly,
    EveryWeeks { weeks: u8 },
    EndOnly,
    Dates { dates: Vec<NaiveDate> },
}

/// The order's checklist (bestilling). A gap is shown, never enforced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChecklist {
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub close_follow_up: bool,
    #[serde(default)]
    pub direct_contact_given: bool,
    #[serde(default)]
    pub preferred_consultant: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub due: NaiveDate,
    #[serde(default)]
    pub received: Option<NaiveDate>,
    #[serde(default)]
    pub read: Option<NaiveDate>,
    #[serde(default)]
    pub action: Option<ReportAction>,
    #[serde(default)]
    pub note: String,
    /// Chases of a late report.
    #[serde(default)]
    pub chases: Vec<ReportChase>,
    /// The final report of the course.
    #[serde(default)]
    pub is_final: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportChase {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    #[serde(default)]
    pub note: String,
}

/// What was done about a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    Fine,
    GoalsAdjusted,
    CourseInterrupted,
    NewConsultant,
    OtherSupplier,
    Extended,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CourseOutcome {
    Extended {
        on: NaiveDate,
        previous_end: NaiveDate,
    },
    Completed {
        on: NaiveDate,
    },
    Interrupted {
        on: NaiveDate,
    },
    ConsultantChanged {
        on: NaiveDate,
        previous: Option<ContactId>,
    },
    SupplierChanged {
        on: NaiveDate,
        next: CourseId,
    },
}

impl Course {
    /// Completed, interrupted or continued at another supplier: nothing more is expected.
    /// An extension is not an end.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.outcome,
            Some(
                CourseOutcome::Completed { .. }
                    | CourseOutcome::Interrupted { .. }
                    | CourseOutcome::SupplierChanged { .. }
            )
        )
    }

    /// Running on `day`: started, not ended, not completed or interrupted.
    pub fn is_running(&self, day: NaiveDate) -> bool {
        !self.is_finished() && self.start <= day && day <= self.end
    }

    /// The first report not yet received.
    pub fn next_report(&self) -> Option<&Report> {
        self.reports.iter().find(|r| r.received.is_none())
    }
}

impl FreeText for Course {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![
            ("kind", self.kind.as_str()),
            ("checklist.purpose", self.checklist.purpose.as_str()),
            (
                "checklist.preferred_consultant",
                self.checklist.preferred_consultant.as_str(),
            ),
        ];
        for report in &self.reports {
            out.push(("reports.note", report.note.as_str()));
            for chase in &report.chases {
                out.push(("reports.chases.note", chase.note.as_str()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(outcome: Option<CourseOutcome>) -> Course {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        Course {
            id: CourseId(1),
            case: CaseId(1),
            supplier: ContactId(1),
            consultant: None,
            kind: course_kind::PRAKTIK.into(),
            start: d(1, 5),
            end: d(6, 30),
            hours_per_week: None,
            cadence: ReportCadence::EndOnly,
            checklist: OrderChecklist::default(),
            reports: Vec::new(),
            outcome,
            continues: None,
        }
    }

    #[test]
    fn finished_means_completed_interrupted_or_continued_elsewhere() {
        let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert!(!course(None).is_finished());
        assert!(
            !course(Some(CourseOutcome::Extended {
                on,
                previous_end: on
            }))
            .is_finished()
        );
        assert!(
            !course(Some(CourseOutcome::ConsultantChanged {
                on,
                previous: None
            }))
            .is_finished()
        );
        assert!(course(Some(CourseOutcome::Completed { on })).is_finished());
        assert!(course(Some(CourseOutcome::Interrupted { on })).is_finished());
        let moved = course(Some(CourseOutcome::SupplierChanged {
            on,
            next: CourseId(2),
        }));
        assert!(moved.is_finished());
        assert!(!moved.is_running(on));
        assert!(course(None).is_running(on));
    }
}
