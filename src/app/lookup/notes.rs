//! Notes from the case card: the note form (`n`), and the notes popup (`v`) that shows each
//! note's text, copies a note out to the case system (the clipboard, else a file in exports/)
//! and marks it journalised.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::core::status::{error, info};
use crate::app::forms::note::NoteForm;
use crate::app::model::{Model, Screen};
use crate::app::popup::Popup;
use crate::i18n::Msg;
use crate::model::{CaseId, Note, NoteId};
use crate::query::card::NoteLine;
use crate::store::{AnyRecord, Change, RecordRef};
use crate::time::format_datetime;
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;

/// The notes popup: the card's notes, one chosen; what the last copy said.
pub struct Notes {
    pub case: CaseId,
    pub notes: Vec<NoteLine>,
    pub selected: usize,
    /// After a copy: where the note went, and the offer to mark it journalised.
    pub copied: Option<String>,
}

impl Notes {
    pub fn chosen(&self) -> Option<&NoteLine> {
        self.notes.get(self.selected)
    }
}

/// `n` on the card: the note form.
pub fn open_form(model: &mut Model, case: CaseId) -> Vec<Effect> {
    model.popup = Some(Popup::NoteForm(Box::new(NoteForm::new(
        case,
        model.today(),
        model.lang,
    ))));
    vec![]
}

pub fn form_type(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::NoteForm(form)) = &mut model.popup {
        form.type_key(key);
    }
    vec![]
}

/// Tab/↑↓ move between the subject and the body; `ctrl-s` saves.
pub fn form_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::NoteForm(form)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => form.form.next_field(),
        Named::PrevField => form.form.prev_field(),
        Named::Submit => return save(model),
        _ => {}
    }
    vec![]
}

fn save(model: &mut Model) -> Vec<Effect> {
    let lang = model.lang;
    let at = model.settings.zone.to_utc(model.now);
    let Some(id) = model.reserved_id else {
        return vec![];
    };
    let Some(Popup::NoteForm(form)) = &mut model.popup else {
        return vec![];
    };
    let note = match form.build(NoteId(id), at) {
        Ok(note) => note,
        Err(errors) => {
            form.form.errors = errors;
            return vec![];
        }
    };
    model.reserved_id = None;
    model.popup = None;
    vec![Effect::Write(Step {
        label: format!(
            "{} {}",
            Msg::StepAddedNote.text(lang),
            model.case_name(note.case)
        ),
        backward: vec![Change::Delete(RecordRef::from(note.id))],
        forward: vec![Change::Put(AnyRecord::Note(note))],
    })]
}

/// `v` on the card: its notes, the newest chosen.
pub fn open_list(model: &mut Model) -> Vec<Effect> {
    let Screen::Card { card, .. } = &model.screen else {
        return vec![];
    };
    model.popup = Some(Popup::Notes(Box::new(Notes {
        case: card.id,
        notes: card.notes.clone(),
        selected: 0,
        copied: None,
    })));
    vec![]
}

/// The card was read again: the popup shows its notes as they now stand.
pub fn follow_card(model: &mut Model) {
    let (Screen::Card { card, .. }, Some(Popup::Notes(popup))) = (&model.screen, &mut model.popup)
    else {
        return;
    };
    if popup.case == card.id {
        popup.notes = card.notes.clone();
        popup.selected = popup.selected.min(popup.notes.len().saturating_sub(1));
    }
}

/// Keys of the notes popup.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let now = model.settings.zone.to_utc(model.now);
    let Some(Popup::Notes(popup)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::SelectNext | Named::ScrollDown => {
            popup.selected = (popup.selected + 1).min(popup.notes.len().saturating_sub(1));
            popup.copied = None;
        }
        Named::SelectPrev | Named::ScrollUp => {
            popup.selected = popup.selected.saturating_sub(1);
            popup.copied = None;
        }
        Named::CopyNote => {
            if let Some(line) = popup.chosen() {
                return vec![Effect::CopyOut {
                    text: plain_text(line),
                    name: format!("note-{}-{}.txt", line.id, line.at.format("%Y-%m-%d")),
                }];
            }
        }
        Named::MarkJournalised => {
            let Some(line) = popup.chosen() else {
                return vec![];
            };
            let before = line.note.clone();
            let after = Note {
                journalised: match before.journalised {
                    Some(_) => None,
                    None => Some(now),
                },
                ..before.clone()
            };
            let verb = if after.journalised.is_some() {
                Msg::StepJournalised
            } else {
                Msg::StepUnjournalised
            };
            popup.copied = None;
            let case = popup.case;
            return vec![Effect::Write(Step {
                label: format!("{} {}", verb.text(lang), model.case_name(case)),
                forward: vec![Change::Put(AnyRecord::Note(after))],
                backward: vec![Change::Put(AnyRecord::Note(before))],
            })];
        }
        _ => {}
    }
    vec![]
}

/// Subject, date and body as plain text, for the case system.
fn plain_text(line: &NoteLine) -> String {
    let mut text = format!("{}\n{}\n", line.subject, format_datetime(line.at));
    if !line.body.trim().is_empty() {
        text.push('\n');
        text.push_str(line.body.trim_end());
        text.push('\n');
    }
    text
}

/// The note was copied out (to the clipboard, or to a file where the terminal cannot take it):
/// say where, and offer to mark it journalised.
pub fn copied(model: &mut Model, result: Result<Option<PathBuf>, String>) -> Vec<Effect> {
    let lang = model.lang;
    let said = match &result {
        Ok(None) => {
            let subject = match &model.popup {
                Some(Popup::Notes(p)) => p.chosen().map(|n| n.subject.clone()),
                _ => None,
            };
            format!(
                "{} {}",
                Msg::NoteCopied.text(lang),
                subject.unwrap_or_default()
            )
        }
        Ok(Some(path)) => format!("{} {}", Msg::NoteWrittenTo.text(lang), path.display()),
        Err(e) => {
            model.status = Some(error(format!("{} {e}", Msg::NoteCopyFailed.text(lang))));
            return vec![];
        }
    };
    model.status = Some(info(&said));
    if let Some(Popup::Notes(popup)) = &mut model.popup {
        // The offer first: a long path is what gets cut.
        let offer = if popup.chosen().is_some_and(|n| !n.journalised) {
            format!("{} · ", Msg::NoteOfferJournalise.text(lang))
        } else {
            String::new()
        };
        popup.copied = Some(format!("{offer}{said}"));
    }
    vec![]
}
