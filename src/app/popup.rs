//! The popups over the calendar: help, palette, questions, one-line prompts, the meeting form
//! and the month overview. Esc closes any of them.

use super::form::MeetingEditor;
use super::record_form::RecordForm;
use crate::model::{CaseId, Channel, Course, Direction, MedicalRequest, MeetingId, MeetingStatus};
use crate::search::Hit;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui_textarea::TextArea;

pub enum Popup {
    Help {
        scroll: u16,
    },
    Palette(Palette),
    Confirm(Confirm),
    Prompt(Prompt),
    Form(Box<MeetingEditor>),
    Month {
        cursor: NaiveDate,
    },
    Finder(Finder),
    ContactLog(ContactLog),
    /// The case or contact form.
    Record(Box<RecordForm>),
    /// A case's courses and medical requests, one shown in full.
    Items(Items),
    /// The supplier course form (#6).
    CourseForm(Box<super::course_form::CourseForm>),
    /// A short question about a course or a report (#6).
    CourseDialog(Box<super::course_dialog::CourseDialog>),
    /// A new medical request, or one edited (#7).
    RequestForm(Box<super::request_form::RequestForm>),
    /// Logging a chase of a medical request (#7).
    ChaseLog(Box<super::requests::ChaseLog>),
    /// "Withdraw the request?" (#7).
    Withdraw(Box<super::requests::Withdraw>),
}

/// A case's courses and medical requests, loaded whole; `selected` indexes courses, then requests.
pub struct Items {
    pub courses: Vec<Course>,
    pub requests: Vec<MedicalRequest>,
    pub selected: usize,
    /// The report of the selected course that report keys act on, moved with `[`/`]`;
    /// `None`: each key picks its own (the next to receive, the first unread, the first late).
    pub report: Option<usize>,
}

/// The finder over cases, contacts, phone numbers and upcoming meetings.
pub struct Finder {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Closed cases are found only when asked for.
    pub include_closed: bool,
}

/// Logging a call or another contact from the case card; the time is now.
pub struct ContactLog {
    pub case: CaseId,
    pub focus: ContactLogField,
    pub channel: Channel,
    pub direction: Direction,
    pub reached: bool,
    /// The citizen asked to be called back.
    pub call_back: bool,
    pub note: TextArea<'static>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactLogField {
    Channel,
    Direction,
    Reached,
    CallBack,
    Note,
}

impl ContactLogField {
    pub const ALL: [ContactLogField; 5] = [
        ContactLogField::Channel,
        ContactLogField::Direction,
        ContactLogField::Reached,
        ContactLogField::CallBack,
        ContactLogField::Note,
    ];
}

/// The channels offered when logging, in the order ←/→ steps through them.
pub const CHANNELS: [Channel; 7] = [
    Channel::Phone,
    Channel::Sms,
    Channel::Mail,
    Channel::Letter,
    Channel::Video,
    Channel::Walk,
    Channel::Visit,
];

/// The command palette: every action with its key, filtered as you type.
pub struct Palette {
    pub input: TextArea<'static>,
    pub selected: usize,
}

/// A yes/no question.
pub struct Confirm {
    pub question: String,
    pub on_yes: Consequence,
}

/// What a "yes" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consequence {
    DeleteMeeting {
        meeting: MeetingId,
        start: NaiveDateTime,
    },
    /// After marking a no-show: log that the caseworker tried to reach the citizen. Nothing else.
    LogContactAttempt { case: CaseId },
}

/// A one-line question answered by typing.
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextArea<'static>,
    /// What was wrong with the last answer.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    GoToDate,
    MoveToDate,
    /// In how many weeks the next follow-up is.
    FollowUpWeeks,
    /// How many minutes to find.
    FreeSlot,
    /// An optional note for a new status.
    StatusNote(MeetingStatus),
    /// "tir 10:30 45m Jensen opfølgning".
    QuickAdd,
    /// A note's subject line, for a case.
    NoteSubject(CaseId),
    /// "jeg +3u ringer om praktikken", for a case.
    Agreement(CaseId),
    /// The day of a visit at a supplier (#6).
    VisitDay,
    /// The length of each meeting of a visit on that day (#6).
    VisitMinutes(NaiveDate),
    /// The caseload board's filter line.
    BoardFilter,
    /// The day the selected Today item comes back ("fre", "+3d", "1/12").
    Snooze,
}

/// A single-line text input.
pub fn line_input(initial: &str) -> TextArea<'static> {
    let mut input = TextArea::new(vec![initial.to_string()]);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input
}

/// The text of a single-line input.
pub fn text_of(input: &TextArea<'_>) -> String {
    input.lines().join(" ")
}
