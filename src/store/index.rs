//! The index entries a record owns. Computed from the record alone, so an update can remove
//! the entries of the previous value and `check` can verify every entry.

use super::keys::{concat, date_key, id_key, time_key};
use super::packed::{self, DueDetail};
use super::record::{AnyRecord, Kind};
use super::trees::TreeId;
use crate::model::{CaseBrief, CaseId, MedicalRequest, MeetingStatus};
use chrono::NaiveDate;

/// One index entry: tree, key, value.
pub(crate) type Entry = (TreeId, Vec<u8>, Vec<u8>);

/// What falls due on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    /// An open agreement's due date.
    Agreement,
    /// An unreceived progress report of a course.
    CourseReport,
    /// The end of a course that is still running.
    CourseEnd,
    /// An open medical request's deadline.
    MedicalDeadline,
    /// A note not yet journalised, on the day it was written (UTC).
    NoteUnjournalised,
    /// A received report of a course not yet read, on the day it was received.
    ReportUnread,
    /// A medical request to follow: sent and not received (on the sent day), or received and
    /// not acted on (on the received day). The deadline may be a default, so it is not indexed.
    RequestFollowUp,
    /// An incoming "call me" not yet called back, on the day it came (UTC).
    CallBack,
    /// A meeting cut off (afbrudt), on the day it started: call the citizen back.
    CutOff,
    /// An "inform and rebook" item not yet done, on the day it was made (#17).
    Rebooking,
}

impl DueKind {
    pub(crate) fn tag(self) -> u8 {
        match self {
            DueKind::Agreement => 1,
            DueKind::CourseReport => 2,
            DueKind::CourseEnd => 3,
            DueKind::MedicalDeadline => 4,
            DueKind::NoteUnjournalised => 5,
            DueKind::ReportUnread => 6,
            DueKind::RequestFollowUp => 7,
            DueKind::CallBack => 8,
            DueKind::CutOff => 9,
            DueKind::Rebooking => 10,
        }
    }

    pub(crate) fn from_tag(tag: u8) -> Option<DueKind> {
        Some(match tag {
            1 => DueKind::Agreement,
            2 => DueKind::CourseReport,
            3 => DueKind::CourseEnd,
            4 => DueKind::MedicalDeadline,
            5 => DueKind::NoteUnjournalised,
            6 => DueKind::ReportUnread,
            7 => DueKind::RequestFollowUp,
            8 => DueKind::CallBack,
            9 => DueKind::CutOff,
            10 => DueKind::Rebooking,
            _ => return None,
        })
    }

    /// The kind of record the id of a due entry belongs to.
    pub fn record_kind(self) -> Kind {
        match self {
            DueKind::Agreement => Kind::Agreement,
            DueKind::CourseReport | DueKind::CourseEnd | DueKind::ReportUnread => Kind::Course,
            DueKind::MedicalDeadline | DueKind::RequestFollowUp => Kind::MedicalRequest,
            DueKind::NoteUnjournalised => Kind::Note,
            DueKind::CallBack => Kind::Event,
            DueKind::CutOff => Kind::Meeting,
            DueKind::Rebooking => Kind::Rebooking,
        }
    }
}

/// The tag a meeting's status is indexed under in a case's attendance; a planned meeting has
/// none.
pub(crate) fn status_tag(status: MeetingStatus) -> Option<u8> {
    Some(match status {
        MeetingStatus::Planned => return None,
        MeetingStatus::Held => 1,
        MeetingStatus::Moved => 2,
        MeetingStatus::CancelledByCitizen => 3,
        MeetingStatus::CancelledByCaseworker => 4,
        MeetingStatus::NoShow => 5,
        MeetingStatus::CutOff => 6,
    })
}

/// One entry of the due index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DueRef {
    pub date: NaiveDate,
    pub kind: DueKind,
    /// Id of the agreement, course or medical request (see [`DueKind::record_kind`]).
    pub id: u64,
    pub case: CaseId,
}

fn due(date: NaiveDate, kind: DueKind, id: u64, case: CaseId) -> Entry {
    (
        TreeId::Due,
        concat(&[&date_key(date), &[kind.tag()], &id_key(id)]),
        id_key(case.0).to_vec(),
    )
}

/// A due entry whose value carries `detail` after the case id.
fn due_with(date: NaiveDate, kind: DueKind, id: u64, case: CaseId, detail: &DueDetail) -> Entry {
    let (tree, key, mut value) = due(date, kind, id, case);
    value.extend(packed::encode(detail));
    (tree, key, value)
}

fn by_case(kind: Kind, case: CaseId, id: u64) -> Entry {
    by_case_carrying(kind, case, id, Vec::new())
}

/// A by-case entry whose value is the record itself (`packed`), for the records the lists of
/// every case read (#21): open courses and followed medical requests.
fn by_case_carrying(kind: Kind, case: CaseId, id: u64, value: Vec<u8>) -> Entry {
    (
        TreeId::ByCase(kind),
        concat(&[&id_key(case.0), &id_key(id)]),
        value,
    )
}

/// Whether a medical request's by-case entry carries it: until it is withdrawn, or received
/// and acted on, the Today list follows it, and the board shows it while it is open.
pub(crate) fn is_followed(request: &MedicalRequest) -> bool {
    request.withdrawn.is_none() && !(request.received.is_some() && request.acted_on.is_some())
}

/// Every index entry of `record`.
pub(crate) fn entries(record: &AnyRecord) -> Vec<Entry> {
    let id = record.id();
    let mut out = Vec::new();
    match record {
        AnyRecord::Case(c) => {
            if let Some(brief) = CaseBrief::of(c) {
                let value = packed::encode_brief(&brief);
                out.push((TreeId::Briefs, id_key(id).to_vec(), value));
            }
        }
        AnyRecord::Contact(_) => {}
        AnyRecord::Meeting(m) => {
            let start = time_key(m.start);
            out.push((
                TreeId::MeetingsByStart,
                concat(&[&start, &id_key(id)]),
                super::packed_meeting::encode_meeting(m),
            ));
            if let Some(case) = m.case {
                out.push((
                    TreeId::MeetingsByCase,
                    concat(&[&id_key(case.0), &start, &id_key(id)]),
                    Vec::new(),
                ));
            }
            if m.repeat.is_some() {
                out.push((TreeId::Recurring, id_key(id).to_vec(), Vec::new()));
            }
            if let Some(case) = m.case.filter(|_| m.repeat.is_none())
                && let Some(tag) = status_tag(m.status)
            {
                out.push((
                    TreeId::MeetingsByCaseStatus,
                    concat(&[&id_key(case.0), &[tag], &start, &id_key(id)]),
                    Vec::new(),
                ));
            }
            if let Some(case) = m.case.filter(|_| crate::domain::due::is_cut_off(m)) {
                let detail = DueDetail::CutOff {
                    start: m.start,
                    form: m.form,
                    outcome: m.outcome.clone(),
                };
                out.push(due_with(m.start.date(), DueKind::CutOff, id, case, &detail));
            }
        }
        AnyRecord::Course(c) => {
            // A course not finished carries itself: the Today list and the board read it here.
            let value = match c.is_finished() {
                true => Vec::new(),
                false => packed::encode_course(c),
            };
            out.push(by_case_carrying(Kind::Course, c.case, id, value));
            for report in &c.reports {
                match (report.received, report.read) {
                    (None, _) => out.push(due(report.due, DueKind::CourseReport, id, c.case)),
                    (Some(on), None) => out.push(due(on, DueKind::ReportUnread, id, c.case)),
                    (Some(_), Some(_)) => {}
                }
            }
            if !c.is_finished() {
                out.push(due(c.end, DueKind::CourseEnd, id, c.case));
            }
        }
        AnyRecord::MedicalRequest(r) => {
            let value = match is_followed(r) {
                true => packed::encode_request(r),
                false => Vec::new(),
            };
            out.push(by_case_carrying(Kind::MedicalRequest, r.case, id, value));
            if let Some(deadline) = r.deadline.filter(|_| r.is_open()) {
                out.push(due(deadline, DueKind::MedicalDeadline, id, r.case));
            }
            let follow_up = match (r.withdrawn, r.received, r.acted_on) {
                (Some(_), _, _) | (None, Some(_), Some(_)) => None,
                (None, Some(received), None) => Some(received),
                (None, None, _) => r.sent,
            };
            if let Some(day) = follow_up {
                out.push(due(day, DueKind::RequestFollowUp, id, r.case));
            }
        }
        AnyRecord::Agreement(a) => {
            out.push(by_case(Kind::Agreement, a.case, id));
            if let Some(day) = a.due.filter(|_| a.is_open()) {
                let detail = DueDetail::Agreement {
                    who: a.who,
                    what: a.what.clone(),
                };
                out.push(due_with(day, DueKind::Agreement, id, a.case, &detail));
            }
        }
        AnyRecord::Event(e) => {
            out.push(by_case(Kind::Event, e.case, id));
            if crate::domain::contact::is_open_call_back(e) {
                let detail = DueDetail::CallBack {
                    at: e.at,
                    channel: e.channel,
                    note: e.note.clone(),
                };
                let day = e.at.date_naive();
                out.push(due_with(day, DueKind::CallBack, id, e.case, &detail));
            }
        }
        // The value is the block's end, so a window passes by the blocks that ended before it
        // without reading them.
        AnyRecord::External(b) => out.push((
            TreeId::ExternalByStart,
            concat(&[&time_key(b.start), &id_key(id)]),
            time_key(b.end()).to_vec(),
        )),
        AnyRecord::Rebooking(r) => {
            out.push(by_case(Kind::Rebooking, r.case, id));
            if r.is_open() {
                out.push(due(r.made, DueKind::Rebooking, id, r.case));
            }
        }
        AnyRecord::Note(n) => {
            out.push(by_case(Kind::Note, n.case, id));
            if n.journalised.is_none() {
                let detail = DueDetail::Note {
                    subject: n.subject.clone(),
                    at: n.at,
                };
                let day = n.at.date_naive();
                out.push(due_with(
                    day,
                    DueKind::NoteUnjournalised,
                    id,
                    n.case,
                    &detail,
                ));
            }
        }
    }
    // Two unreceived reports due the same day share one entry.
    out.extend(super::search_tree::entry(record));
    out.sort();
    out.dedup();
    out
}
