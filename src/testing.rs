//! Builders shared by unit tests across the crate.

use crate::model::{
    BookedBy, CaseId, Meeting, MeetingForm, MeetingId, MeetingStatus, Place, purpose,
};
use chrono::NaiveDateTime;

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
}

/// A planned in-person meeting with case 1.
pub fn meeting(id: u64, start: &str, minutes: u32) -> Meeting {
    Meeting {
        id: MeetingId(id),
        case: Some(CaseId(1)),
        start: at(start),
        minutes,
        purpose: purpose::SAMTALE.into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 0,
        follow_up_minutes: 0,
        status: MeetingStatus::Planned,
        outcome: String::new(),
        title: String::new(),
        note: String::new(),
        revision: 0,
        travel_minutes: 0,
        moved_to: None,
        moved_from: None,
        repeat: None,
    }
}

/// A note of `case`, not journalised.
pub fn note(id: u64, case: CaseId) -> crate::model::Note {
    crate::model::Note {
        id: crate::model::NoteId(id),
        case,
        at: chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default(),
        subject: "Ringet".into(),
        body: "Aftalt møde".into(),
        journalised: None,
    }
}
