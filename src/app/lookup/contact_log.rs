//! Logging a call or another contact with a case (from the card or the Today list); the time
//! is now.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::forms::{CHANNELS, line_input, text_of};
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::i18n::{Msg, cpr_error};
use crate::model::{CaseId, Channel, ContactEvent, Direction, EventId};
use crate::privacy::check_no_cpr;
use crate::store::{AnyRecord, Change, RecordRef};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// The contact log's state.
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

/// Opens the log for `case`: by phone, `direction` (in on the card, out from Today), reached.
pub fn open(model: &mut Model, case: CaseId, direction: Direction) {
    model.popup = Some(Popup::ContactLog(ContactLog {
        case,
        focus: ContactLogField::Channel,
        channel: CHANNELS[0],
        direction,
        reached: true,
        call_back: false,
        note: line_input(""),
        error: None,
    }));
}

/// Whether printable keys go to the note (on the choices, space and arrows change them).
pub fn takes_text(log: &ContactLog) -> bool {
    log.focus == ContactLogField::Note
}

/// Keys of the contact log: Tab moves, ←/→ or space change a choice, text goes to the note.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(Popup::ContactLog(log)) = &mut model.popup else {
        return vec![];
    };
    let step = match key.code {
        KeyCode::Left => -1,
        KeyCode::Right | KeyCode::Char(' ') if log.focus != ContactLogField::Note => 1,
        _ => 0,
    };
    match (log.focus, step) {
        (ContactLogField::Note, _) => {
            log.note.input(key);
        }
        (_, 0) => {}
        (ContactLogField::Channel, d) => {
            let i = CHANNELS.iter().position(|c| *c == log.channel).unwrap_or(0) as i32;
            log.channel = CHANNELS[(i + d).rem_euclid(CHANNELS.len() as i32) as usize];
        }
        (ContactLogField::Direction, _) => {
            log.direction = match log.direction {
                Direction::In => Direction::Out,
                Direction::Out => Direction::In,
            }
        }
        (ContactLogField::Reached, _) => log.reached = !log.reached,
        (ContactLogField::CallBack, _) => log.call_back = !log.call_back,
    }
    log.error = None;
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let Some(Popup::ContactLog(log)) = &mut model.popup else {
        return vec![];
    };
    let fields = ContactLogField::ALL;
    let i = fields.iter().position(|f| *f == log.focus).unwrap_or(0);
    match named {
        Named::NextField => log.focus = fields[(i + 1) % fields.len()],
        Named::PrevField => log.focus = fields[(i + fields.len() - 1) % fields.len()],
        Named::Submit => {
            let note = text_of(&log.note).trim().to_string();
            if let Err(e) = check_no_cpr("note", &note) {
                log.error = Some(cpr_error(&e, lang));
                return vec![];
            }
            let Some(id) = model.reserved_id.take() else {
                return vec![];
            };
            let event = ContactEvent {
                id: EventId(id),
                case: log.case,
                at: model.settings.zone.to_utc(model.now),
                channel: log.channel,
                direction: log.direction,
                reached: log.reached,
                call_back: log.call_back,
                note,
            };
            let label = format!(
                "{} {}",
                Msg::StepLoggedContact.text(lang),
                model.case_name(event.case)
            );
            model.popup = None;
            return vec![Effect::Write(Step {
                label,
                backward: vec![Change::Delete(RecordRef::from(event.id))],
                forward: vec![Change::Put(AnyRecord::Event(event))],
            })];
        }
        _ => {}
    }
    vec![]
}
