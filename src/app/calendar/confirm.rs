//! The calendar's yes/no questions: delete the meeting? log a contact attempt after a no-show?

use super::booking::describe;
use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::i18n::Msg;
use crate::model::{CaseId, Channel, ContactEvent, Direction, EventId, MeetingId};
use crate::store::{AnyRecord, Change, RecordRef};
use chrono::NaiveDateTime;

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

/// `y` or `n` (any other key keeps the question open).
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Confirm(question)) = model.popup.take() else {
        return vec![];
    };
    if named == Named::ConfirmNo {
        return vec![];
    }
    if named != Named::ConfirmYes {
        model.popup = Some(Popup::Confirm(question));
        return vec![];
    }
    let lang = model.lang;
    match question.on_yes {
        Consequence::DeleteMeeting { meeting, start } => {
            let Some(m) = model.window.meeting(meeting).cloned() else {
                return vec![];
            };
            let label = format!(
                "{} {}",
                Msg::StepDeleted.text(lang),
                describe(model, &m, start)
            );
            model.selected = None;
            let step = Step {
                label,
                forward: vec![Change::Delete(RecordRef::from(m.id))],
                backward: vec![Change::Put(AnyRecord::Meeting(m))],
            };
            let mut effects = vec![Effect::Write(step)];
            effects.extend(super::load_window(model));
            effects
        }
        Consequence::LogContactAttempt { case } => {
            let Some(id) = model.reserved_id.take() else {
                return vec![];
            };
            let event = ContactEvent {
                id: EventId(id),
                case,
                at: model.settings.zone.to_utc(model.now),
                channel: Channel::Phone,
                direction: Direction::Out,
                reached: false,
                call_back: false,
                called_back: None,
                note: Msg::ContactAttemptNote.text(lang).to_string(),
            };
            let step = Step {
                label: format!(
                    "{} {}",
                    Msg::StepLoggedAttempt.text(lang),
                    model.case_name(case)
                ),
                forward: vec![Change::Put(AnyRecord::Event(event))],
                backward: vec![Change::Delete(RecordRef::from(EventId(id)))],
            };
            vec![Effect::Write(step)]
        }
    }
}
