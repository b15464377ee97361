//! The agenda of a date window as screens and `caseplan agenda --json` show it, and the day's
//! meetings still ahead for the next-meeting line (`caseplan agenda --next`, every screen's
//! status line).

use super::names::{NameBook, Names};
use crate::domain::agenda::{Occurrence, occurrences};
use crate::domain::next_meeting::{Upcoming, is_ahead};
use crate::i18n::{self, Lang};
use crate::model::{MeetingForm, MeetingStatus, PlaceKind, Role};
use crate::store::Store;
use crate::time::format_time;
use anyhow::Result;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::Serialize;

/// One line of the agenda, also its JSON shape: stable keys for scripts, and labels in the
/// interface language for people.
#[derive(Debug, Serialize)]
pub struct AgendaItem {
    pub meeting_id: u64,
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub minutes: u32,
    pub case: Option<CaseRef>,
    /// The title of an internal block.
    pub title: String,
    pub purpose: String,
    pub purpose_label: String,
    pub form: MeetingForm,
    pub form_label: String,
    pub place: PlaceKind,
    /// The place as people say it: "Borgerens hjem, Nørrebrogade 12"; empty for a call.
    pub place_label: String,
    pub status: MeetingStatus,
    pub status_label: String,
    /// The parties beyond the citizen and the caseworker.
    pub parties: Vec<Party>,
}

#[derive(Debug, Serialize)]
pub struct CaseRef {
    pub id: u64,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct Party {
    pub role: Role,
    pub role_label: String,
    pub contact_id: Option<u64>,
    pub name: String,
}

/// The agenda items of the days `from..=to`, read through the start-time index.
pub fn agenda(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
) -> Result<Vec<AgendaItem>> {
    let meetings = store.meetings_between(
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    )?;
    let mut names = Names::new(store);
    occurrences(&meetings, from, to)
        .iter()
        .map(|o| item(o, &mut names, lang))
        .collect()
}

/// The planned meetings of `day` (repeating blocks included) for the next-meeting line.
pub fn upcoming(
    store: &Store,
    names: &mut NameBook,
    day: NaiveDate,
) -> Result<Vec<Upcoming>, crate::store::StoreError> {
    let meetings = store.meetings_between(
        day.and_time(NaiveTime::MIN),
        (day + Duration::days(1)).and_time(NaiveTime::MIN),
    )?;
    let mut names = Names::shared(store, names);
    occurrences(&meetings, day, day)
        .iter()
        .filter(|o| is_ahead(o.meeting))
        .map(|o| {
            let who = match o.meeting.case {
                Some(case) => names.case(case)?,
                None => o.meeting.title.clone(),
            };
            Ok(Upcoming {
                meeting_id: o.meeting.id,
                start: o.start,
                who,
                form: o.meeting.form,
            })
        })
        .collect()
}

fn item(o: &Occurrence<'_>, names: &mut Names<'_>, lang: Lang) -> Result<AgendaItem> {
    let m = o.meeting;
    let case = match m.case {
        Some(id) => Some(CaseRef {
            id: id.0,
            name: names.case(id)?,
        }),
        None => None,
    };
    let mut parties = Vec::new();
    for p in m.participants.iter().filter(|p| p.role.is_third_party()) {
        let name = match p.contact {
            Some(id) => names.contact(id)?,
            None => p.name.clone(),
        };
        parties.push(Party {
            role: p.role,
            role_label: i18n::label_role(p.role, lang).to_string(),
            contact_id: p.contact.map(|c| c.0),
            name,
        });
    }
    // A call or a video meeting has no place to name.
    let mut place = match m.place.kind {
        PlaceKind::Remote => String::new(),
        kind => i18n::label_place(kind, lang).to_string(),
    };
    if !m.place.text.is_empty() {
        place = if place.is_empty() {
            m.place.text.clone()
        } else {
            format!("{place}, {}", m.place.text)
        };
    }
    Ok(AgendaItem {
        meeting_id: m.id.0,
        date: o.start.date(),
        start: format_time(o.start.time()),
        end: format_time(o.end().time()),
        minutes: m.minutes,
        case,
        title: m.title.clone(),
        purpose: m.purpose.clone(),
        purpose_label: i18n::label_purpose(&m.purpose, lang).to_string(),
        form: m.form,
        form_label: i18n::label_form(m.form, lang).to_string(),
        place: m.place.kind,
        place_label: place,
        status: m.status,
        status_label: i18n::label_status(m.status, lang).to_string(),
        parties,
    })
}
