//! The popups over the calendar: help, palette, questions, one-line prompts, the meeting form
//! and the month overview. Esc closes any of them.

use super::form::MeetingEditor;
use crate::model::{CaseId, MeetingId, MeetingStatus};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui_textarea::TextArea;

pub enum Popup {
    Help { scroll: u16 },
    Palette(Palette),
    Confirm(Confirm),
    Prompt(Prompt),
    Form(Box<MeetingEditor>),
    Month { cursor: NaiveDate },
}

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
