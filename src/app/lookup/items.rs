//! A case's courses and medical requests, loaded whole (`o` on the card). Moving between them
//! is this popup's; every other key acts on the selected one and belongs to `courses` or
//! `requests`.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::domain::chase::{self, RequestState};
use crate::domain::reports::{ChecklistGap, checklist_gaps, is_late};
use crate::model::{Course, MedicalRequest};
use chrono::NaiveDate;

/// The popup's state; `selected` indexes courses, then requests.
pub struct Items {
    pub courses: Vec<Course>,
    pub requests: Vec<MedicalRequest>,
    /// What the rules say of each course and request, index-aligned with them: worked out
    /// when the records arrive, so the popup only reads it.
    pub course_facts: Vec<CourseFacts>,
    pub request_facts: Vec<RequestFacts>,
    pub selected: usize,
    /// The report of the selected course that report keys act on, moved with `[`/`]`;
    /// `None`: each key picks its own (the next to receive, the first unread, the first late).
    pub report: Option<usize>,
}

/// What the popup shows of a course besides the record.
pub struct CourseFacts {
    /// What the order's checklist lacks.
    pub gaps: Vec<ChecklistGap>,
    /// Whether each report (index-aligned with the course's) is late.
    pub late: Vec<bool>,
}

impl CourseFacts {
    fn of(course: &Course, today: NaiveDate) -> CourseFacts {
        CourseFacts {
            gaps: checklist_gaps(&course.checklist),
            late: course.reports.iter().map(|r| is_late(r, today)).collect(),
        }
    }
}

/// What the popup shows of a medical request besides the record.
pub struct RequestFacts {
    pub state: RequestState,
    /// The deadline in force: the request's own, else the kind's default from when it was sent.
    pub deadline: Option<NaiveDate>,
}

/// The records arrived: show them. Reloaded after a change, the same one stays selected.
pub fn loaded(
    model: &mut Model,
    courses: Vec<Course>,
    requests: Vec<MedicalRequest>,
) -> Vec<Effect> {
    let (selected, report) = match &model.popup {
        Some(Popup::Items(open)) => (open.selected, open.report),
        _ => (0, None),
    };
    let last = (courses.len() + requests.len()).saturating_sub(1);
    let today = model.today();
    let medical = &model.settings.medical;
    let course_facts = courses.iter().map(|c| CourseFacts::of(c, today)).collect();
    let request_facts = requests
        .iter()
        .map(|r| RequestFacts {
            state: chase::state(r, today, medical),
            deadline: chase::effective_deadline(r, medical).map(|(d, _)| d),
        })
        .collect();
    model.popup = Some(Popup::Items(Items {
        courses,
        requests,
        course_facts,
        request_facts,
        selected: selected.min(last),
        report,
    }));
    vec![]
}

/// Keys of the popup: move between the records, or act on the selected one.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Items(items)) = &mut model.popup else {
        return vec![];
    };
    let last = (items.courses.len() + items.requests.len()).saturating_sub(1);
    match named {
        Named::ScrollDown | Named::PageDown => {
            items.selected = (items.selected + 1).min(last);
            items.report = None;
        }
        Named::ScrollUp | Named::PageUp => {
            items.selected = items.selected.saturating_sub(1);
            items.report = None;
        }
        _ => {
            let courses = items.courses.len();
            return if items.selected < courses {
                crate::app::courses::on_course(model, named)
            } else {
                crate::app::requests::on_request(model, named)
            };
        }
    }
    vec![]
}

/// Takes the items popup off the screen to come back to it, if it is the one open.
pub fn take(model: &mut Model) -> Option<Items> {
    match model.popup.take() {
        Some(Popup::Items(items)) => Some(items),
        other => {
            model.popup = other;
            None
        }
    }
}
