//! The note form: a subject line and a body of several lines, on the form kit. Enter in the
//! subject moves to the body (it never saves), Enter in the body is a new line, `ctrl-s` saves:
//! text typed after the subject can never run the card's keys.

use crate::app::form_kit::{Field as KitField, Form};
use crate::i18n::{Lang, Msg};
use crate::model::{CaseId, Note, NoteId};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Subject,
    Body,
}

pub struct NoteForm {
    pub case: CaseId,
    pub form: Form<Field>,
}

impl NoteForm {
    pub fn new(case: CaseId, today: NaiveDate, lang: Lang) -> NoteForm {
        NoteForm {
            case,
            form: Form::new(
                vec![
                    KitField::text(Field::Subject, Msg::FieldSubject, ""),
                    KitField::lines(Field::Body, Msg::FieldBody, ""),
                ],
                today,
                lang,
            ),
        }
    }

    /// Whether `key` is the form's own before the keymap sees it: the fields' editing keys,
    /// and Enter in the subject (it moves to the body).
    pub fn takes_key(&self, key: &KeyEvent) -> bool {
        self.form.takes_key(key)
            || (key.code == KeyCode::Enter
                && key.modifiers.is_empty()
                && self.form.is_focused(Field::Subject))
    }

    pub fn type_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Enter && self.form.is_focused(Field::Subject) {
            self.form.next_field();
            return;
        }
        self.form.type_key(key);
    }

    /// The note as typed, written `at`; or why it cannot be saved (no subject, a CPR number).
    pub fn build(&self, id: NoteId, at: DateTime<Utc>) -> Result<Note, Vec<(Field, String)>> {
        let lang = self.form.lang;
        let subject = self.form.text(Field::Subject);
        let mut errors = Vec::new();
        if subject.is_empty() {
            errors.push((Field::Subject, Msg::NoteNeedsSubject.text(lang).to_string()));
        }
        errors.extend(self.form.cpr_errors());
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Note {
            id,
            case: self.case,
            at,
            subject,
            body: self.form.text(Field::Body),
            journalised: None,
        })
    }
}
