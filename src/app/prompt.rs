//! One-line questions answered by typing. The prompt itself is shared; what its answer means
//! is the feature's that asked ([`PromptKind`] names it, [`answer`] hands it over).

use super::core::action::Named;
use super::core::effect::Effect;
use super::form_kit::TextField;
use super::model::Model;
use super::popup::Popup;
use super::{board, calendar, courses, lookup, requests, suppliers, today};
use crate::model::{CaseId, CourseId, MeetingStatus, RequestId};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

/// A one-line question answered by typing. A suggested answer is selected: typing replaces it,
/// an arrow key or End keeps it.
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextField,
    /// What was wrong with the last answer.
    pub error: Option<String>,
    /// The popup the question was asked over (the items popup): back on screen when it is
    /// answered or Esc closes it.
    pub under: Option<Box<Popup>>,
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
    /// "jeg +3u ringer om praktikken", for a case.
    Agreement(CaseId),
    /// The day of a visit at a supplier (#6).
    VisitDay,
    /// The length of each meeting of a visit on that day (#6).
    VisitMinutes(NaiveDate),
    /// The caseload board's filter line.
    BoardFilter,
    /// The name to save the board's view under (#20).
    BoardViewName,
    /// The day the selected Today item comes back ("fre", "+3d", "1/12").
    Snooze,
    /// The path of an .ics file to import as busy time (#16).
    IcsImport,
    /// The day a medical request's answer arrived (#13).
    RequestReceived(RequestId),
    /// The day a course's report arrived (#13).
    ReportReceived {
        course: CourseId,
        report: usize,
    },
    /// The name Today's list is narrowed to.
    TodayFilter,
}

/// Opens a prompt with `initial` typed (and selected).
pub fn open(model: &mut Model, kind: PromptKind, initial: &str) -> Vec<Effect> {
    let mut input = TextField::single(initial);
    input.focus();
    model.popup = Some(Popup::Prompt(Prompt {
        kind,
        input,
        error: None,
        under: None,
    }));
    vec![]
}

/// [`open`] over the open popup, which comes back when the prompt is answered or closed.
pub fn open_over(model: &mut Model, kind: PromptKind, initial: &str) -> Vec<Effect> {
    let under = model.popup.take().map(Box::new);
    let effects = open(model, kind, initial);
    if let Some(Popup::Prompt(p)) = &mut model.popup {
        p.under = under;
    }
    effects
}

/// The popup a prompt was asked over, while the prompt is open.
pub fn under(model: &Model) -> Option<&Popup> {
    match &model.popup {
        Some(Popup::Prompt(p)) => p.under.as_deref(),
        _ => None,
    }
}

/// A key no binding took: it types into the line.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::Prompt(p)) = &mut model.popup
        && p.input.key(key)
    {
        p.error = None;
    }
    vec![]
}

/// Enter: the answer goes to the feature that asked; a wrong answer keeps the prompt open
/// with what was wrong.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    if named != Named::Submit {
        return vec![];
    }
    let Some(Popup::Prompt(p)) = &model.popup else {
        return vec![];
    };
    let kind = p.kind;
    let text = p.input.text();
    match answer(model, kind, text.trim()) {
        Ok(effects) => {
            if matches!(&model.popup, Some(Popup::Prompt(p)) if p.kind == kind) {
                model.popup = model.popup.take().and_then(Popup::closed);
            }
            effects
        }
        Err(message) => {
            if let Some(Popup::Prompt(p)) = &mut model.popup {
                p.error = Some(message);
            }
            vec![]
        }
    }
}

/// Acts on a prompt's answer, or says what was wrong with it.
fn answer(model: &mut Model, kind: PromptKind, text: &str) -> Result<Vec<Effect>, String> {
    match kind {
        PromptKind::GoToDate => calendar::prompts::go_to_date(model, text),
        PromptKind::MoveToDate => calendar::prompts::move_to_date(model, text),
        PromptKind::FollowUpWeeks => calendar::prompts::follow_up_weeks(model, text),
        PromptKind::FreeSlot => calendar::prompts::free_slot(model, text),
        PromptKind::StatusNote(status) => calendar::prompts::status_note(model, status, text),
        PromptKind::QuickAdd => calendar::prompts::quick_add(model, text),
        PromptKind::Agreement(case) => lookup::card::answer_agreement(model, case, text),
        PromptKind::VisitDay => suppliers::answer_day(model, text),
        PromptKind::VisitMinutes(day) => suppliers::answer_minutes(model, day, text),
        PromptKind::BoardFilter => board::answer_filter(model, text),
        PromptKind::BoardViewName => board::answer_view_name(model, text),
        PromptKind::Snooze => today::answer_snooze(model, text),
        PromptKind::IcsImport => calendar::ics::answer_import(model, text),
        PromptKind::RequestReceived(id) => requests::answer_received(model, id, text),
        PromptKind::ReportReceived { course, report } => {
            courses::answer_received(model, course, report, text)
        }
        PromptKind::TodayFilter => today::answer_filter(model, text),
    }
}
