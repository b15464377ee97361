//! What `update` asks the app loop to do — the only way the planner reaches the store — and
//! what the loop hands back. Effects carry ids and values: the runner owns the configuration
//! and adds what a query needs of it. Results carry read models and records, never a
//! feature's state, so one routing step (`app::dispatch`) hands each to its feature.

use super::history::Step;
use crate::domain::due::{DueItem, DueList};
use crate::domain::visit::VisitPlan;
use crate::ics::Imported;
use crate::model::{
    Case, CaseId, Contact, ContactId, Course, ExternalBlock, MedicalRequest, Meeting, MeetingId,
    Participant, RequestId,
};
use crate::query::board::BoardRow;
use crate::query::card::{Card, ContactCard};
use crate::query::citizen::CitizenView;
use crate::query::directory::Directory;
use crate::query::requests::RequestRow;
use crate::query::suppliers::SupplierRow;
use crate::query::window::{Reread, Window};
use crate::query::workload::Workload;
use crate::search::SearchIndex;
use crate::store::AnyRecord;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load the meetings of `from..=to` and the names they refer to.
    LoadWindow { from: NaiveDate, to: NaiveDate },
    /// Read the meetings `ids` of the window `from..=to` again after a write changed them.
    RereadMeetings {
        from: NaiveDate,
        to: NaiveDate,
        ids: Vec<MeetingId>,
    },
    /// Load every active case and contact for the pickers.
    LoadDirectory,
    /// Build the finder's index (upcoming meetings counted from `today`).
    LoadSearchIndex { today: NaiveDate },
    /// Load a case's card as it stands at `now`.
    LoadCard { case: CaseId, now: DateTime<Utc> },
    /// Load a contact's card.
    LoadContactCard(ContactId),
    /// Load a case to edit it.
    EditCase(CaseId),
    /// Load a case's courses and medical requests.
    LoadItems(CaseId),
    /// Load a contact to edit it; `None` opens the form for a new one.
    EditContact(Option<ContactId>),
    /// Load the meetings and the busy time from other calendars of `from..=to` for a question
    /// that needs them, then answer it.
    Fetch {
        from: NaiveDate,
        to: NaiveDate,
        then: Question,
    },
    /// Load the supplier overview as of `today` (#6).
    LoadSuppliers { today: NaiveDate },
    /// Reserve this many fresh record ids, for a step that creates several records.
    ReserveIds(usize),
    /// Load a case's medical requests for the request form, new or editing `edit` (#7).
    LoadRequestForm {
        case: CaseId,
        edit: Option<RequestId>,
    },
    /// Load the medical requests across the caseload that still ask for something (#7).
    LoadRequests { today: NaiveDate },
    /// Load the Today list as of `now` (local time).
    LoadToday { now: NaiveDateTime },
    /// Count the citizens to summon by `until` (the week view's header).
    LoadSummons { today: NaiveDate, until: NaiveDate },
    /// Load the record a Today item is about, to act on it (done, chase or book).
    LoadForDone(Box<DueItem>, ItemAct),
    /// Hide a Today item until `until` (durable before the list reloads).
    Snooze { key: String, until: NaiveDate },
    /// Write a step, flush, and record it for undo.
    Write(Step),
    /// Write a step's backward changes, flush, and move it to the redo stack.
    Undo(Step),
    /// Write a step's forward changes again, flush, and move it back to the undo stack.
    Redo(Step),
    /// Build the caseload board as of `now` (local time).
    LoadBoard { now: NaiveDateTime },
    /// Write the review sheet into the data directory's exports.
    ExportBoard { markdown: String, today: NaiveDate },
    /// Compute the workload gauge of the week of `now` and the next.
    LoadWorkload { now: NaiveDateTime },
    /// Load what the week planner plans the week of `monday` from, as of `now`, with a fresh
    /// id for each need, so every proposal can be booked (#18).
    LoadPlan {
        monday: NaiveDate,
        now: NaiveDateTime,
    },
    /// Load the planned meetings of `day` for the next-meeting line (#20).
    LoadUpcoming { day: NaiveDate },
    /// Write the board's view as `name` into the configuration file (#20).
    SaveBoardView {
        name: String,
        view: crate::config::BoardView,
    },
    /// Write the meetings as an .ics calendar into the data directory's exports (#16).
    ExportIcs {
        now: DateTime<Utc>,
        today: NaiveDate,
    },
    /// Read the .ics file at `path` and work out its import as busy time as of `today`, for
    /// one undo step (#16). Nothing is written yet.
    PlanIcsImport { path: String, today: NaiveDate },
    /// Work out what a bulk cancel or convert of a date range would do as of `now` (local
    /// time), for the preview (#17). Nothing is written yet.
    PlanBulk {
        request: crate::domain::bulk::BulkRequest,
        now: NaiveDateTime,
    },
    /// Put `text` on the terminal's clipboard (OSC 52); where the terminal cannot take it,
    /// write it to exports/`name` instead (#13).
    CopyOut { text: String, name: String },
    // sheets and the citizen view (#17)
    /// Write a sheet to print (PDF) into the data directory's exports, flushed to disk.
    WriteSheet { sheet: SheetOf, now: DateTime<Utc> },
    /// Load what the citizen of a case may see, as of `now` (local time).
    LoadCitizenView { case: CaseId, now: NaiveDateTime },
}

/// Which sheet to write (#17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetOf {
    /// The day sheet of a date.
    Day(NaiveDate),
    /// The case sheet of a case.
    Case(CaseId),
}

/// A question about the calendar that needs meetings beyond the visible window.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// The meetings of the form's start day, for overlap warnings and the parties' meetings.
    FormDay,
    /// Book a quick-add line's meeting, saying on the status line what it overlaps.
    QuickAdd(Box<crate::model::Meeting>),
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
    SupplierVisit(Box<VisitPlan>),
    /// Open a three-party meeting form for a case with `parties` at the first free time (#6).
    ThreeParty {
        from: NaiveDateTime,
        case: (CaseId, String),
        parties: Vec<Participant>,
    },
    /// A new-meeting form for a citizen whose meetings were cancelled in bulk, at the first
    /// free time from `from` (after the range); saving the meeting also closes the item (#17).
    Rebook {
        from: NaiveDateTime,
        case: (CaseId, String),
        rebooking: Box<crate::model::Rebooking>,
    },
    /// A new-meeting form for the case of received medical information; saving the meeting
    /// also marks the request acted on (#7).
    BookForRequest {
        from: NaiveDateTime,
        case: (CaseId, String),
        request: Box<MedicalRequest>,
    },
}

/// What a key on the Today list asks of an item whose record must be loaded first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAct {
    /// Mark it done (`x`).
    Done,
    /// Open the chase log of its request or report (`c`).
    Chase,
    /// Book the meeting it asks for (`b`, and `x` on the call and summons before a course ends;
    /// after a bulk cancel, at the first free time after the range).
    Book,
    /// Log the call that answers a call-back (`c` or `x`).
    CallBack,
}

/// The week view's count of citizens to summon by the week's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summons {
    pub until: NaiveDate,
    pub count: usize,
}

/// What the app loop hands back to `update`: one variant per effect that reads.
#[derive(Debug, Clone)]
pub enum Loaded {
    Window(Window),
    Reread(Box<Reread>),
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
        edit: Option<RequestId>,
    },
    /// The medical requests across the caseload (#7).
    Requests(Vec<RequestRow>),
    Today(Box<DueList>),
    Summons(Summons),
    /// The record of a Today item (`None`: it is gone), and what to do with it.
    DoneRecord(Box<DueItem>, ItemAct, Option<Box<AnyRecord>>),
    /// A snooze was stored (or could not be: the message).
    Snoozed(Result<NaiveDate, String>),
    /// The meetings and the busy time from other calendars a question needed.
    Answer {
        meetings: Vec<Meeting>,
        busy: Vec<ExternalBlock>,
        question: Question,
    },
    Suppliers(Vec<SupplierRow>),
    Ids(Vec<u64>),
    Board(Vec<BoardRow>),
    /// Where the review sheet was written, or why it was not.
    BoardExported(Result<std::path::PathBuf, String>),
    /// Where copied text went: the clipboard (`None`) or a file.
    CopiedOut(Result<Option<std::path::PathBuf>, String>),
    Workload(Workload),
    /// The week planner's input, and ids for what it may propose (#18).
    Plan(Box<crate::domain::plan::PlanInput>, Vec<u64>),
    /// A board view was saved: every saved view as the file now says, or why it was not.
    BoardViewSaved {
        name: String,
        result: Result<Vec<(String, crate::config::BoardView)>, String>,
    },
    /// The planned meetings of a day, for the next-meeting line.
    Upcoming(NaiveDate, Vec<crate::domain::next_meeting::Upcoming>),
    /// Where the .ics calendar was written and how many events it holds, or why it was not.
    IcsExported(Result<(std::path::PathBuf, usize), String>),
    /// An .ics import as store changes and what it found, or why the file was refused.
    IcsImport(Result<Box<Imported>, String>),
    /// Where a sheet was written, or why it was not (#17).
    SheetWritten(Result<std::path::PathBuf, String>),
    /// What the citizen of the case may see (`None`: the case is gone) (#17).
    CitizenView(CaseId, Option<Box<CitizenView>>),
    /// What a bulk cancel or convert would do, for the preview (#17).
    BulkPreview(Box<crate::query::bulk::BulkPreview>),
}
