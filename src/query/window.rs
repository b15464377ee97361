//! The calendar's read model: the meetings of the loaded date range and the names they refer
//! to. The app loop keeps one for the days on screen.

use crate::domain::agenda::{Occurrence, occurrences};
use crate::model::{Case, CaseId, Contact, ContactId, Meeting, MeetingId};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::collections::HashMap;

/// The meetings of the loaded date range and the names they refer to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub meetings: Vec<Meeting>,
    pub case_names: HashMap<CaseId, String>,
    pub contact_names: HashMap<ContactId, String>,
}

impl Window {
    /// The occurrences of one day, in time order.
    pub fn day(&self, day: NaiveDate) -> Vec<Occurrence<'_>> {
        occurrences(&self.meetings, day, day)
    }

    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The case's name, or its number while the name is not loaded.
    pub fn case_name(&self, id: CaseId) -> String {
        self.case_names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn contact_name(&self, id: ContactId) -> String {
        self.contact_names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }
}

/// The meetings that start in `from..=to`.
pub fn meetings(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<Meeting>, StoreError> {
    store.meetings_between(
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    )
}

/// The meetings of the days shown and the names of their cases and parties.
pub fn window(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Window, StoreError> {
    let meetings = meetings(store, from, to)?;
    let mut case_names = HashMap::new();
    let mut contact_names = HashMap::new();
    for m in &meetings {
        if let Some(id) = m.case
            && !case_names.contains_key(&id)
            && let Some(case) = store.get::<Case>(CaseId(id.0))?
        {
            case_names.insert(id, case.name);
        }
        for id in m.participants.iter().filter_map(|p| p.contact) {
            if !contact_names.contains_key(&id)
                && let Some(contact) = store.get::<Contact>(ContactId(id.0))?
            {
                contact_names.insert(id, contact.name);
            }
        }
    }
    Ok(Window {
        from,
        to,
        meetings,
        case_names,
        contact_names,
    })
}
