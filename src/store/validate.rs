//! Validation of a whole dataset, record by record as it is read: the CPR guard, dates, ids in
//! range and unique, references that resolve.

use super::MAX_IMPORTED_ID;
use super::StoreError;
use super::error::{MAX_LISTED_PROBLEMS, Problem};
use super::record::{AnyRecord, Kind, RecordRef};
use super::write::{guard, id_within};
use crate::model::Dataset;
use std::collections::HashSet;

/// Every reference from one record to another that does not resolve.
pub(crate) fn references(data: &Dataset) -> Vec<Problem> {
    let mut check = Validator::default();
    for record in AnyRecord::all_in(data) {
        check.note_target(&record);
        check.note_references(&record);
    }
    check.problems().0
}

/// Checks records one at a time; what only the whole can tell (references, ids used twice) is
/// told at the end. Holds ids, never records: a large import is read as a stream.
#[derive(Default)]
pub(crate) struct Validator {
    seen: HashSet<RecordRef>,
    /// The cases and contacts read so far: what references may point at.
    targets: HashSet<RecordRef>,
    /// Every reference read: from which record, to which.
    references: Vec<(RecordRef, RecordRef)>,
    /// The first problems found, and how many there were in all.
    problems: Vec<Problem>,
    total: usize,
}

impl Validator {
    /// Checks `record`; true while no problem has been found in any record so far.
    pub(crate) fn record(&mut self, record: &AnyRecord) -> bool {
        let at = record.record_ref();
        if !self.seen.insert(at) {
            self.problem(Problem::new(Some(at), "the id is used by two records"));
        }
        // Imported ids leave room above them for the ids given out after the import.
        let guarded = id_within(record, MAX_IMPORTED_ID).and_then(|()| guard(record));
        if let Err(err) = guarded {
            self.problem(Problem::new(Some(at), err.to_string()));
        }
        self.note_target(record);
        self.note_references(record);
        self.total == 0
    }

    fn note_target(&mut self, record: &AnyRecord) {
        if matches!(record.kind(), Kind::Case | Kind::Contact) {
            self.targets.insert(record.record_ref());
        }
    }

    fn note_references(&mut self, record: &AnyRecord) {
        let from = record.record_ref();
        self.references
            .extend(references_of(record).into_iter().map(|to| (from, to)));
    }

    fn problem(&mut self, problem: Problem) {
        self.total += 1;
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(problem);
        }
    }

    /// The first [`MAX_LISTED_PROBLEMS`] problems found, and how many there were in all.
    fn problems(mut self) -> (Vec<Problem>, usize) {
        for (from, to) in std::mem::take(&mut self.references) {
            if !self.targets.contains(&to) {
                self.problem(Problem::new(
                    Some(from),
                    format!("refers to {} {}, which does not exist", to.kind, to.id),
                ));
            }
        }
        (self.problems, self.total)
    }

    /// Ends the check: an error listing the problems, if any were found.
    pub(crate) fn finish(self) -> Result<(), StoreError> {
        match self.problems() {
            (_, 0) => Ok(()),
            (problems, total) => Err(StoreError::Invalid { problems, total }),
        }
    }
}

/// The cases and contacts `record` refers to.
fn references_of(record: &AnyRecord) -> Vec<RecordRef> {
    let case = |id: crate::model::CaseId| RecordRef::from(id);
    let contact = |id: crate::model::ContactId| RecordRef::from(id);
    match record {
        AnyRecord::Case(c) => c.network.iter().map(|l| contact(l.contact)).collect(),
        AnyRecord::Contact(c) => c.organisation.into_iter().map(contact).collect(),
        AnyRecord::Meeting(m) => (m.case.map(case).into_iter())
            .chain(m.participants.iter().filter_map(|p| p.contact).map(contact))
            .collect(),
        AnyRecord::Course(c) => [case(c.case), contact(c.supplier)]
            .into_iter()
            .chain(c.consultant.map(contact))
            .collect(),
        AnyRecord::MedicalRequest(r) => [case(r.case)]
            .into_iter()
            .chain(r.recipient.map(contact))
            .collect(),
        AnyRecord::Agreement(a) => vec![case(a.case)],
        AnyRecord::Event(e) => vec![case(e.case)],
        AnyRecord::Note(n) => vec![case(n.case)],
        AnyRecord::External(_) => Vec::new(),
        // The meetings it names may be deleted later: they are history, not references.
        AnyRecord::Rebooking(r) => vec![case(r.case)],
    }
}
