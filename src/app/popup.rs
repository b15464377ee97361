//! The popups over the screens. Like `model.rs`, this is where the features meet: each popup
//! is a feature's own state. Esc closes any of them ([`Popup::closed`]).

use super::bulk::BulkDialog;
use super::calendar::confirm::Confirm;
use super::calendar::month::Month;
use super::calendar::series::SeriesQuestion;
use super::courses::dialog::CourseDialog;
use super::forms::course::CourseForm;
use super::forms::meeting::MeetingEditor;
use super::forms::note::NoteForm;
use super::forms::record::RecordForm;
use super::forms::request::RequestForm;
use super::help::Help;
use super::lookup::contact_log::ContactLog;
use super::lookup::finder::Finder;
use super::lookup::items::Items;
use super::lookup::notes::Notes;
use super::palette::Palette;
use super::planner::WeekPlan;
use super::prompt::Prompt;
use super::requests::chase::{ChaseLog, Withdraw};

pub enum Popup {
    /// What every key does here; the popup it was opened over waits under it.
    Help(Help),
    Palette(Palette),
    Confirm(Confirm),
    /// This one, this and later, or all of a repeating meeting (#13).
    Series(Box<SeriesQuestion>),
    Prompt(Prompt),
    Form(Box<MeetingEditor>),
    Month(Month),
    Finder(Finder),
    ContactLog(ContactLog),
    /// The case or contact form.
    Record(Box<RecordForm>),
    /// A case's courses and medical requests, one shown in full.
    Items(Items),
    /// The supplier course form (#6).
    CourseForm(Box<CourseForm>),
    /// A short question about a course or a report (#6).
    CourseDialog(Box<CourseDialog>),
    /// A new medical request, or one edited (#7).
    RequestForm(Box<RequestForm>),
    /// Logging a chase of a medical request (#7).
    ChaseLog(Box<ChaseLog>),
    /// "Withdraw the request?" (#7).
    Withdraw(Box<Withdraw>),
    /// A new note: subject and body (#13).
    NoteForm(Box<NoteForm>),
    /// A case's notes with their text, to copy out or mark journalised (#13).
    Notes(Box<Notes>),
    /// Cancel or convert every meeting of a date range: the form, then the preview (#17).
    Bulk(Box<BulkDialog>),
    /// The week planner's proposal beside the week (#18).
    Plan(Box<WeekPlan>),
}

impl Popup {
    /// What Esc leaves on screen: help goes back to the popup it was opened over, the course
    /// and request popups to the items popup they were opened from; any other popup just
    /// closes.
    pub fn closed(self) -> Option<Popup> {
        match self {
            Popup::Help(help) => help.under.map(|under| *under),
            Popup::CourseForm(form) => form.back.map(Popup::Items),
            Popup::CourseDialog(dialog) => dialog.back.map(Popup::Items),
            Popup::RequestForm(form) => form.back.map(Popup::Items),
            Popup::ChaseLog(log) => log.back.into_popup(),
            Popup::Withdraw(question) => question.back.into_popup(),
            Popup::Prompt(prompt) => prompt.under.map(|under| *under),
            Popup::Palette(_)
            | Popup::Confirm(_)
            | Popup::Series(_)
            | Popup::Form(_)
            | Popup::Month(_)
            | Popup::Finder(_)
            | Popup::ContactLog(_)
            | Popup::Record(_)
            | Popup::NoteForm(_)
            | Popup::Notes(_)
            | Popup::Bulk(_)
            | Popup::Plan(_)
            | Popup::Items(_) => None,
        }
    }
}
