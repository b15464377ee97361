use super::{
    Agreement, Case, Contact, ContactEvent, Course, ExternalBlock, MedicalRequest, Meeting, Note,
    Rebooking,
};
use serde::{Deserialize, Serialize};

/// Every record of a database, by kind: the body of an export document, the output of the
/// demo generator and the input of an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub courses: Vec<Course>,
    #[serde(default)]
    pub medical_requests: Vec<MedicalRequest>,
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    #[serde(default)]
    pub events: Vec<ContactEvent>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Busy time imported from other calendars (#16).
    #[serde(default)]
    pub external_blocks: Vec<ExternalBlock>,
    /// "Inform and rebook" items left by a bulk cancel or convert (#17).
    #[serde(default)]
    pub rebookings: Vec<Rebooking>,
}

impl Dataset {
    pub fn record_count(&self) -> usize {
        self.cases.len()
            + self.contacts.len()
            + self.meetings.len()
            + self.courses.len()
            + self.medical_requests.len()
            + self.agreements.len()
            + self.events.len()
            + self.notes.len()
            + self.external_blocks.len()
            + self.rebookings.len()
    }
}
