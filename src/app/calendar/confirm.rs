//! The calendar's yes/no questions: delete the meeting? log a contact attempt after a no-show?
//! a no-show on a meeting that has not started?

use super::booking::describe;
use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::app::prompt::PromptKind;
use crate::i18n::Msg;
use crate::model::{MeetingId, MeetingStatus};
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
    /// After marking a no-show: open the contact log for a call to the citizen. Nothing else.
    /// A status (a no-show before the meeting started) asked about first: now its note.
    AskStatusNote(MeetingStatus),
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
            vec![Effect::Write(step)]
        }
        Consequence::AskStatusNote(status) => {
            crate::app::prompt::open(model, PromptKind::StatusNote(status), "")
        }
    }
}
