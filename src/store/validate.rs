//! Validation of a whole dataset: the CPR guard, unique ids, references that resolve.

use super::MAX_IMPORTED_ID;
use super::error::Problem;
use super::record::{AnyRecord, Kind, RecordRef};
use super::write::{guard, id_within};
use crate::model::{CaseId, ContactId, Dataset};
use std::collections::HashSet;

/// Every problem that keeps `data` from being imported.
pub(crate) fn dataset(data: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashSet<RecordRef> = HashSet::new();
    for record in AnyRecord::all_in(data) {
        let at = record.record_ref();
        if !seen.insert(at) {
            problems.push(Problem::new(Some(at), "the id is used by two records"));
        }
        // Imported ids leave room above them for the ids given out after the import.
        let guarded = id_within(&record, MAX_IMPORTED_ID).and_then(|()| guard(&record));
        if let Err(err) = guarded {
            problems.push(Problem::new(Some(at), err.to_string()));
        }
    }
    problems.extend(references(data));
    problems
}

/// Every reference from one record to another that does not resolve.
pub(crate) fn references(data: &Dataset) -> Vec<Problem> {
    let cases: HashSet<CaseId> = data.cases.iter().map(|c| c.id).collect();
    let contacts: HashSet<ContactId> = data.contacts.iter().map(|c| c.id).collect();
    let mut problems = Vec::new();
    let check_case = |at: RecordRef, case: CaseId, problems: &mut Vec<Problem>| {
        if !cases.contains(&case) {
            problems.push(missing(at, Kind::Case, case.0));
        }
    };
    let check_contact = |at: RecordRef, contact: ContactId, problems: &mut Vec<Problem>| {
        if !contacts.contains(&contact) {
            problems.push(missing(at, Kind::Contact, contact.0));
        }
    };
    for case in &data.cases {
        for link in &case.network {
            check_contact(case.id.into(), link.contact, &mut problems);
        }
    }
    for contact in &data.contacts {
        if let Some(org) = contact.organisation {
            check_contact(contact.id.into(), org, &mut problems);
        }
    }
    for meeting in &data.meetings {
        if let Some(case) = meeting.case {
            check_case(meeting.id.into(), case, &mut problems);
        }
        for contact in meeting.participants.iter().filter_map(|p| p.contact) {
            check_contact(meeting.id.into(), contact, &mut problems);
        }
    }
    for course in &data.courses {
        check_case(course.id.into(), course.case, &mut problems);
        check_contact(course.id.into(), course.supplier, &mut problems);
        if let Some(consultant) = course.consultant {
            check_contact(course.id.into(), consultant, &mut problems);
        }
    }
    for request in &data.medical_requests {
        check_case(request.id.into(), request.case, &mut problems);
        if let Some(recipient) = request.recipient {
            check_contact(request.id.into(), recipient, &mut problems);
        }
    }
    for agreement in &data.agreements {
        check_case(agreement.id.into(), agreement.case, &mut problems);
    }
    for event in &data.events {
        check_case(event.id.into(), event.case, &mut problems);
    }
    for note in &data.notes {
        check_case(note.id.into(), note.case, &mut problems);
    }
    problems
}

fn missing(at: RecordRef, kind: Kind, id: u64) -> Problem {
    Problem::new(
        Some(at),
        format!("refers to {kind} {id}, which does not exist"),
    )
}
