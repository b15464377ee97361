//! What `update` asks the app loop to do: the only way the planner reaches the store.

use super::history::Step;
use super::model::{Directory, Window};
use crate::config::Medical;
use crate::i18n::Lang;
use crate::model::{Case, CaseId, Contact, ContactId, Course, MedicalRequest, Meeting};
use crate::query::card::{Card, ContactCard};
use crate::search::SearchIndex;
use crate::time::Zone;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load the meetings of `from..=to` and the names they refer to.
    LoadWindow { from: NaiveDate, to: NaiveDate },
    /// Load every active case and contact for the pickers.
    LoadDirectory,
    /// Build the finder's index (upcoming meetings counted from `today`).
    LoadSearchIndex { today: NaiveDate, lang: Lang },
    /// Load a case's card as it stands at `now`.
    LoadCard {
        case: CaseId,
        zone: Zone,
        now: DateTime<Utc>,
        medical: Box<Medical>,
        courses: Box<crate::config::Courses>,
        /// The contact cadence rules (rettidighed) for the card's cadence line.
        cadence: Vec<crate::config::CadenceRule>,
    },
    /// Load a contact's card.
    LoadContactCard(ContactId),
    /// Load a case to edit it.
    EditCase(CaseId),
    /// Load a case's courses and medical requests.
    LoadItems(CaseId),
    /// Load a contact to edit it; `None` opens the form for a new one.
    EditContact(Option<ContactId>),
    /// Load the meetings of `from..=to` for a question that needs them, then answer it.
    Fetch {
        from: NaiveDate,
        to: NaiveDate,
        then: Question,
    },
    /// Load the supplier overview as of `today` (#6).
    LoadSuppliers {
        today: NaiveDate,
        courses: Box<crate::config::Courses>,
    },
    /// Reserve this many fresh record ids, for a step that creates several records.
    ReserveIds(usize),
    /// Load a case's medical requests for the request form, new or editing `edit` (#7).
    LoadRequestForm {
        case: CaseId,
        edit: Option<crate::model::RequestId>,
    },
    /// Load the medical requests across the caseload that still ask for something (#7).
    LoadRequests {
        today: NaiveDate,
        medical: Box<Medical>,
    },
    /// Load the Today list as of `now` (local time).
    LoadToday {
        now: NaiveDateTime,
        zone: Zone,
        config: Rc<crate::config::Config>,
    },
    /// Count the citizens to summon by `until` (the week view's header).
    LoadSummons {
        today: NaiveDate,
        until: NaiveDate,
        config: Rc<crate::config::Config>,
    },
    /// Load the record a Today item is about, to act on it (done, chase or book).
    LoadForDone(Box<crate::domain::due::DueItem>, super::today::ItemAct),
    /// Hide a Today item until `until` (durable before the list reloads).
    Snooze { key: String, until: NaiveDate },
    /// Write a step, flush, and record it for undo.
    Write(Step),
    /// Write a step's backward changes, flush, and move it to the redo stack.
    Undo(Step),
    /// Write a step's forward changes again, flush, and move it back to the undo stack.
    Redo(Step),
    /// Build the caseload board.
    LoadBoard(Box<crate::query::board::BoardParams>),
    /// Write the review sheet into the data directory's exports.
    ExportBoard { markdown: String, today: NaiveDate },
    /// Compute the workload gauge of the week of `now` and the next.
    LoadWorkload {
        now: NaiveDateTime,
        hours: crate::domain::hours::WorkingHours,
    },
}

/// A question about the calendar that needs meetings beyond the visible window.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// The meetings of the form's start day, for overlap warnings and the parties' meetings.
    FormDay,
    /// Book `template` again at `at`, or at the nearest free time after it.
    FollowUp {
        template: Box<Meeting>,
        at: NaiveDateTime,
        weeks: u32,
    },
    /// The next free `minutes` from `from`; a new-meeting form opens there.
    FreeSlot { from: NaiveDateTime, minutes: u32 },
    /// Open a new-meeting form at the first free time from `from`, for a case if known.
    NewMeeting {
        from: NaiveDateTime,
        case: Option<(CaseId, String)>,
    },
    /// Book a visit at a supplier back to back on one day (#6).
    SupplierVisit(Box<super::suppliers::VisitPlan>),
    /// Open a three-party meeting form for a case with `parties` at the first free time (#6).
    ThreeParty {
        from: NaiveDateTime,
        case: (CaseId, String),
        parties: Vec<crate::model::Participant>,
    },
    /// A new-meeting form for the case of received medical information; saving the meeting
    /// also marks the request acted on (#7).
    BookForRequest {
        from: NaiveDateTime,
        case: (CaseId, String),
        request: Box<MedicalRequest>,
    },
}

/// What the app loop hands back to `update`.
#[derive(Debug, Clone)]
pub enum Loaded {
    Window(Window),
    Directory(Directory),
    SearchIndex(Rc<SearchIndex>),
    Card(CaseId, Option<Box<Card>>),
    ContactCard(ContactId, Option<Box<ContactCard>>),
    CaseToEdit(Option<Box<Case>>),
    Items(Vec<Course>, Vec<MedicalRequest>),
    ContactToEdit(Option<Box<Contact>>),
    /// A case's medical requests, for the request form (#7).
    RequestForm {
        case: CaseId,
        requests: Vec<MedicalRequest>,
        edit: Option<crate::model::RequestId>,
    },
    /// The medical requests across the caseload (#7).
    Requests(Vec<crate::query::requests::RequestRow>),
    Today(Box<crate::domain::due::DueList>),
    Summons(super::model::Summons),
    DoneRecord(
        Box<crate::domain::due::DueItem>,
        super::today::ItemAct,
        Option<Box<crate::store::AnyRecord>>,
    ),
    /// A snooze was stored (or could not be: the message).
    Snoozed(Result<NaiveDate, String>),
    Answer {
        meetings: Vec<Meeting>,
        question: Question,
    },
    Suppliers(Vec<crate::query::suppliers::SupplierRow>),
    Ids(Vec<u64>),
    Board(Vec<crate::query::board::BoardRow>),
    /// Where the review sheet was written, or why it was not.
    BoardExported(Result<std::path::PathBuf, String>),
    Workload(crate::query::workload::Workload),
}
