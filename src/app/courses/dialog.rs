//! Short questions about a course or one of its reports: what was done about a report that
//! was read, how a late report was chased, the new end of an extension, whether to interrupt,
//! and the new consultant. One choice and one line of text at most; Enter saves.

use crate::app::form_kit::{Candidate, Choice, Field, Form, Picker};
use crate::app::forms::CHANNELS;
use crate::app::forms::course::{consultant_candidates, contact_candidates};
use crate::app::lookup::items::Items;
use crate::domain::workdays::DaysOff;
use crate::i18n::{Lang, Msg, label_channel, report_action};
use crate::model::{Channel, ContactId, Course, ReportAction};
use crate::query::directory::Directory;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

/// The dialog's fields: at most a choice and one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogField {
    /// What was done about the report, or the channel of a chase.
    Choice,
    Note,
    /// The new end.
    End,
    Consultant,
}

pub struct CourseDialog {
    pub kind: DialogKind,
    /// The course as it was when the dialog opened.
    pub course: Course,
    pub form: Form<DialogField>,
    /// The courses-and-requests popup to return to.
    pub back: Option<Items>,
}

impl CourseDialog {
    /// The dialog for `kind`; `initial` is the suggested text of its line (the new end).
    pub fn new(
        kind: DialogKind,
        course: Course,
        initial: &str,
        back: Option<Items>,
        today: NaiveDate,
        days_off: &DaysOff,
        lang: Lang,
    ) -> Self {
        use DialogField as F;
        let fields = match kind {
            DialogKind::Read { .. } => {
                let actions = REPORT_ACTIONS
                    .iter()
                    .map(|a| report_action(*a, lang).to_string());
                vec![
                    Field::choice(F::Choice, Msg::WhatWasDone, Choice::indexed(actions, 0)),
                    Field::text(F::Note, Msg::Note, initial),
                ]
            }
            DialogKind::Chase { .. } => {
                let channels = CHANNELS.iter().map(|c| label_channel(*c, lang).to_string());
                vec![
                    Field::choice(F::Choice, Msg::ChannelLabel, Choice::indexed(channels, 0)),
                    Field::text(F::Note, Msg::Note, initial),
                ]
            }
            DialogKind::Extend => vec![Field::date(F::End, Msg::ExtendTo, initial)],
            DialogKind::Interrupt => Vec::new(),
            DialogKind::Consultant => vec![Field::picker(
                F::Consultant,
                Msg::NewConsultantLabel,
                Picker::new(),
            )],
        };
        CourseDialog {
            kind,
            course,
            form: Form::new(fields, today, lang).counting(days_off),
            back,
        }
    }

    pub fn action(&self) -> ReportAction {
        REPORT_ACTIONS
            .get(self.form.index(DialogField::Choice))
            .copied()
            .unwrap_or(ReportAction::Fine)
    }

    pub fn channel(&self) -> Channel {
        CHANNELS
            .get(self.form.index(DialogField::Choice))
            .copied()
            .unwrap_or(Channel::Phone)
    }

    /// The text of the dialog's line: the note, the new end, or the name typed.
    pub fn text(&self) -> String {
        [DialogField::Note, DialogField::End, DialogField::Consultant]
            .into_iter()
            .map(|f| self.form.text(f))
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    }

    /// The consultant chosen.
    pub fn chosen(&self) -> Option<ContactId> {
        self.form
            .picked(DialogField::Consultant)
            .and_then(|p| p.contact())
    }

    /// Whether `key` goes to the dialog before the keymap: the line's keys, and on the choice
    /// a letter, which starts the note.
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        self.form.takes_key(key) || self.letter_on_choice(key)
    }

    fn letter_on_choice(&self, key: &KeyEvent) -> bool {
        self.form.is_focused(DialogField::Choice)
            && matches!(key.code, KeyCode::Char(c) if c != ' ')
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        if self.letter_on_choice(&key) {
            self.form.focus_on(DialogField::Note);
        }
        let supplier = self.course.supplier;
        self.form.key(key, &|_, _| consultants(directory, supplier));
    }
}

/// Consultants and mentors to pick from, the course's supplier's own first.
fn consultants(directory: Option<&Directory>, supplier: ContactId) -> Vec<Candidate> {
    directory.map_or_else(Vec::new, |d| {
        contact_candidates(&consultant_candidates(d, Some(supplier)))
    })
}
