//! Short questions about a course or one of its reports: what was done about a report that
//! was read, how a late report was chased, the new end of an extension, whether to interrupt,
//! and the new consultant. One choice and one line of text at most; Enter saves.

use crate::app::forms::course::{consultant_candidates, label};
use crate::app::forms::{CHANNELS, line_input, text_of};
use crate::app::lookup::items::Items;
use crate::model::{Channel, ContactId, Course, ReportAction};
use crate::query::directory::Directory;
use crate::search::{Fuzzy, rank};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// What the dialog asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// What was done about report `report` (it is marked read).
    Read { report: usize },
    /// A chase of the late report `report`.
    Chase { report: usize },
    /// The new end date.
    Extend,
    /// Interrupt the course? Enter says yes.
    Interrupt,
    /// The new consultant or mentor.
    Consultant,
}

/// What was done about a report, in the order ←/→ steps through them.
pub const REPORT_ACTIONS: [ReportAction; 7] = [
    ReportAction::Fine,
    ReportAction::GoalsAdjusted,
    ReportAction::CourseInterrupted,
    ReportAction::NewConsultant,
    ReportAction::OtherSupplier,
    ReportAction::Extended,
    ReportAction::Other,
];

/// How many contacts the consultant picker keeps.
const PICKER_ROWS: usize = 6;

pub struct CourseDialog {
    pub kind: DialogKind,
    /// The course as it was when the dialog opened.
    pub course: Course,
    /// The chosen report action or channel.
    pub choice: usize,
    /// Typing goes to the text line (else ←/→ and space change the choice).
    pub on_text: bool,
    /// The note, the new end, or the name typed for the consultant.
    pub input: TextArea<'static>,
    pub matches: Vec<(ContactId, String)>,
    pub chosen: Option<ContactId>,
    pub error: Option<String>,
    /// The courses-and-requests popup to return to.
    pub back: Option<Items>,
}

impl CourseDialog {
    pub fn new(kind: DialogKind, course: Course, initial: &str, back: Option<Items>) -> Self {
        CourseDialog {
            // Only reading and chasing have a choice; the rest is one line.
            on_text: !matches!(kind, DialogKind::Read { .. } | DialogKind::Chase { .. }),
            kind,
            course,
            choice: 0,
            input: line_input(initial),
            matches: Vec::new(),
            chosen: None,
            error: None,
            back,
        }
    }

    pub fn has_choice(&self) -> bool {
        matches!(
            self.kind,
            DialogKind::Read { .. } | DialogKind::Chase { .. }
        )
    }

    fn choices(&self) -> usize {
        match self.kind {
            DialogKind::Read { .. } => REPORT_ACTIONS.len(),
            DialogKind::Chase { .. } => CHANNELS.len(),
            _ => 0,
        }
    }

    pub fn action(&self) -> ReportAction {
        REPORT_ACTIONS
            .get(self.choice)
            .copied()
            .unwrap_or(ReportAction::Fine)
    }

    pub fn channel(&self) -> Channel {
        CHANNELS.get(self.choice).copied().unwrap_or(Channel::Phone)
    }

    pub fn text(&self) -> String {
        text_of(&self.input).trim().to_string()
    }

    /// Whether printable keys go to the text line. On the choice, a letter starts the note.
    pub fn takes_text(&self) -> bool {
        self.kind != DialogKind::Interrupt
    }

    /// Tab: between the choice and the text line.
    pub fn toggle_focus(&mut self) {
        if self.has_choice() {
            self.on_text = !self.on_text;
        }
    }

    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        self.error = None;
        if self.kind == DialogKind::Interrupt {
            return;
        }
        let n = self.choices().max(1) as i32;
        if !self.on_text {
            let step = match key.code {
                KeyCode::Left => -1,
                KeyCode::Right | KeyCode::Char(' ') => 1,
                KeyCode::Char(_) => {
                    // A letter on the choice starts the note.
                    self.on_text = true;
                    self.input.input(key);
                    return;
                }
                _ => return,
            };
            self.choice = (self.choice as i32 + step).rem_euclid(n) as usize;
            return;
        }
        if self.kind == DialogKind::Consultant && matches!(key.code, KeyCode::Left | KeyCode::Right)
        {
            if self.matches.is_empty() {
                self.match_consultants(directory);
            }
            if self.matches.is_empty() {
                return;
            }
            let delta = if key.code == KeyCode::Left { -1 } else { 1 };
            let m = self.matches.len() as i32;
            let next = match self.matches.iter().position(|c| Some(c.0) == self.chosen) {
                Some(i) => (i as i32 + delta).rem_euclid(m),
                None if delta > 0 => 0,
                None => m - 1,
            };
            self.chosen = self.matches.get(next as usize).map(|c| c.0);
            return;
        }
        if self.input.input(key) && self.kind == DialogKind::Consultant {
            self.match_consultants(directory);
        }
    }

    /// Consultants and mentors by the typed name, the course's supplier's own first.
    fn match_consultants(&mut self, directory: Option<&Directory>) {
        let Some(directory) = directory else { return };
        let people = consultant_candidates(directory, Some(self.course.supplier));
        let query = self.text();
        let hits = rank(&Fuzzy::default(), &people, |c| label(c), &query);
        self.matches = hits
            .iter()
            .take(PICKER_ROWS)
            .map(|(i, _)| (people[*i].id, label(people[*i])))
            .collect();
        self.chosen = if query.is_empty() {
            None
        } else {
            self.matches.first().map(|c| c.0)
        };
    }
}
