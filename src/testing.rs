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

/// An active case named "Borger `id`", aktivitetsparat, created at 08:00 UTC on `created`.
pub fn case(id: u64, created: &str) -> crate::model::Case {
    let created = chrono::NaiveDate::parse_from_str(created, "%Y-%m-%d")
        .expect("test date")
        .and_hms_opt(8, 0, 0)
        .expect("test time")
        .and_utc();
    crate::model::Case {
        id: CaseId(id),
        name: format!("Borger {id}"),
        alias: String::new(),
        reference: String::new(),
        phones: vec![],
        target_group: "aktivitetsparat".into(),
        flags: Default::default(),
        reach_via: String::new(),
        preferences: Default::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: vec![],
        cadence_override: None,
        away: vec![],
        status: crate::model::CaseStatus::Active,
        created,
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

/// Any status a meeting can have (proptest).
pub fn any_status() -> impl proptest::strategy::Strategy<Value = MeetingStatus> {
    proptest::sample::select(vec![
        MeetingStatus::Planned,
        MeetingStatus::Held,
        MeetingStatus::Moved,
        MeetingStatus::CancelledByCitizen,
        MeetingStatus::CancelledByCaseworker,
        MeetingStatus::NoShow,
        MeetingStatus::CutOff,
    ])
}
