//! The citizen view (#17): what the citizen may see when they watch the screen beside the
//! caseworker — their own coming meetings (when, where, who will be there), their open
//! agreements (who does what by when) and their courses' dates.
//!
//! Only those fields are copied out of the records, so nothing else reaches the view: no flags,
//! notes, plan B, where the case stands, medical requests, phone numbers, other citizens or
//! the rest of the calendar. A field added here is a field the citizen sees.

use super::names::Names;
use crate::model::{
    Agreement, Case, CaseId, Course, MeetingForm, MeetingStatus, Party, PlaceKind, Role,
};
use crate::store::{Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};

/// How many coming meetings the view holds; the screen shows those that fit.
pub const MEETINGS: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenView {
    pub case: CaseId,
    /// The name the citizen is known by in caseplan.
    pub name: String,
    /// Planned meetings not yet over, the first first.
    pub meetings: Vec<CitizenMeeting>,
    /// Open agreements, earliest due first, undated last.
    pub agreements: Vec<CitizenAgreement>,
    /// Courses not yet ended or finished, the first to end first.
    pub courses: Vec<CitizenCourse>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenMeeting {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The purpose's key ("opfoelgning"); the screen words it.
    pub purpose: String,
    pub form: MeetingForm,
    pub place: PlaceKind,
    /// The address or room typed for the place.
    pub place_text: String,
    /// Who else will be there, beyond the citizen and the caseworker.
    pub others: Vec<Attendee>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub role: Role,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenAgreement {
    pub who: Party,
    pub what: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenCourse {
    /// The kind's key ("afklaring"); the screen words it.
    pub kind: String,
    pub supplier: String,
    /// The consultant or mentor the citizen meets there.
    pub consultant: Option<String>,
    /// When it starts, if it has not started yet.
    pub starts: Option<NaiveDate>,
    pub end: NaiveDate,
}

/// The citizen view of `case` at `now` (local time), or `None` when there is no such case.
pub fn citizen_view(
    store: &Store,
    case: CaseId,
    now: NaiveDateTime,
) -> Result<Option<CitizenView>, StoreError> {
    let Some(record) = store.get::<Case>(case)? else {
        return Ok(None);
    };
    let mut names = Names::new(store);
    let mut planned: Vec<_> = store
        .meetings_for_case(case)?
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.end() > now)
        .collect();
    planned.sort_by_key(|m| (m.start, m.id));
    let mut meetings = Vec::new();
    for m in planned.into_iter().take(MEETINGS) {
        let mut others = Vec::new();
        for p in m.participants.iter().filter(|p| p.role.is_third_party()) {
            let name = match p.contact {
                Some(id) => names.contact(id)?,
                None => p.name.clone(),
            };
            others.push(Attendee { role: p.role, name });
        }
        meetings.push(CitizenMeeting {
            start: m.start,
            end: m.end(),
            purpose: m.purpose.clone(),
            form: m.form,
            place: m.place.kind,
            place_text: m.place.text.clone(),
            others,
        });
    }

    let mut open: Vec<Agreement> = store
        .for_case::<Agreement>(case)?
        .into_iter()
        .filter(Agreement::is_open)
        .collect();
    open.sort_by_key(|a| (a.due.is_none(), a.due, a.id));
    let agreements = open
        .into_iter()
        .map(|a| CitizenAgreement {
            who: a.who,
            what: a.what,
            due: a.due,
        })
        .collect();

    let today = now.date();
    let mut running: Vec<Course> = store
        .for_case::<Course>(case)?
        .into_iter()
        .filter(|c| !c.is_finished() && c.end >= today)
        .collect();
    running.sort_by_key(|c| (c.end, c.id));
    let mut courses = Vec::new();
    for c in running {
        courses.push(CitizenCourse {
            kind: c.kind.clone(),
            supplier: names.contact(c.supplier)?,
            consultant: match c.consultant {
                Some(id) => Some(names.contact(id)?),
                None => None,
            },
            starts: (c.start > today).then_some(c.start),
            end: c.end,
        });
    }

    Ok(Some(CitizenView {
        case,
        name: record.name,
        meetings,
        agreements,
        courses,
    }))
}
