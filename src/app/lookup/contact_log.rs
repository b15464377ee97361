//! Logging a call or another contact with a case (from the card or the Today list); the time
//! is now.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::form_kit::{Choice, Field, Form};
use crate::app::forms::CHANNELS;
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::i18n::{Msg, label_channel, now_words};
use crate::model::{CaseId, Channel, ContactEvent, Direction, EventId};
use crate::store::{AnyRecord, Change, RecordRef};
use ratatui::crossterm::event::KeyEvent;

/// The contact log's state.
pub struct ContactLog {
    pub case: CaseId,
    pub form: Form<ContactLogField>,
    /// The call-back this call answers (an incoming "call me" or a cut-off meeting), as it is
    /// stored: reached, it is closed in the same step.
    pub answers: Option<Box<AnyRecord>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactLogField {
    /// Now, when the contact is logged (shown).
    Time,
    Channel,
    Direction,
    Reached,
    CallBack,
    Note,
}

/// The directions in the order ←/→ step through them.
const DIRECTIONS: [Direction; 2] = [Direction::In, Direction::Out];

/// Opens the log for `case`: by phone, `direction` (in on the card, out from Today), reached.
pub fn open(model: &mut Model, case: CaseId, direction: Direction) {
    open_filled(model, case, direction, true, "");
}

/// Opens the log for a call to make after a no-show: by phone, out, not reached, the note
/// said; the caseworker logs it once the call is made (Esc if it is not).
pub fn open_attempt(model: &mut Model, case: CaseId) {
    let note = Msg::ContactAttemptNote.text(model.lang);
    open_filled(model, case, Direction::Out, false, note);
}

fn open_filled(model: &mut Model, case: CaseId, direction: Direction, reached: bool, note: &str) {
    use ContactLogField as F;
    let lang = model.lang;
    let channels = CHANNELS.iter().map(|c| label_channel(*c, lang).to_string());
    let directions = DIRECTIONS
        .iter()
        .map(|d| direction_label(*d).text(lang).to_string());
    let direction = DIRECTIONS.iter().position(|d| *d == direction).unwrap_or(0);
    let phone = CHANNELS
        .iter()
        .position(|c| *c == Channel::Phone)
        .unwrap_or(0);
    let form = Form::new(
        vec![
            Field::shown(F::Time, Msg::TimeLabel, now_words(model.now, lang)),
            Field::choice(
                F::Channel,
                Msg::ChannelLabel,
                Choice::indexed(channels, phone),
            ),
            Field::choice(
                F::Direction,
                Msg::DirectionLabel,
                Choice::indexed(directions, direction),
            ),
            Field::toggle(F::Reached, Msg::ReachedLabel, reached),
            Field::toggle(F::CallBack, Msg::CallBackLabel, false),
            Field::text(F::Note, Msg::Note, note),
        ],
        model.today(),
        lang,
    );
    model.popup = Some(Popup::ContactLog(ContactLog {
        case,
        form,
        answers: None,
    }));
}

/// Opens the log of the call that answers `answers` (an incoming "call me" event or a cut-off
/// meeting): by phone, out, reached.
pub fn open_call_back(model: &mut Model, case: CaseId, answers: AnyRecord) {
    open(model, case, Direction::Out);
    if let Some(Popup::ContactLog(log)) = &mut model.popup {
        log.answers = Some(Box::new(answers));
    }
}

/// The call-back record closed by a call that got through at `at`: the "call me" marked
/// called back, the cut-off meeting held (the call finished it), its outcome the call's note
/// when it had none.
fn closed(answers: &AnyRecord, at: chrono::DateTime<chrono::Utc>, note: &str) -> Option<AnyRecord> {
    match answers {
        AnyRecord::Event(e) => {
            let mut e = e.clone();
            e.called_back = Some(at);
            Some(AnyRecord::Event(e))
        }
        AnyRecord::Meeting(m) => {
            let mut m = m.clone();
            m.status = crate::model::MeetingStatus::Held;
            if m.outcome.trim().is_empty() {
                m.outcome = note.to_string();
            }
            Some(AnyRecord::Meeting(m))
        }
        _ => None,
    }
}

fn direction_label(direction: Direction) -> Msg {
    match direction {
        Direction::In => Msg::DirectionIn,
        Direction::Out => Msg::DirectionOut,
    }
}

/// The clock moved on: the log's time follows it.
pub fn follow_clock(model: &mut Model) {
    let (now, lang) = (model.now, model.lang);
    if let Some(Popup::ContactLog(log)) = &mut model.popup {
        log.form
            .set_shown(ContactLogField::Time, now_words(now, lang));
    }
}

/// A key for the focused field: ←/→ or space change a choice, text goes to the note.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::ContactLog(log)) = &mut model.popup {
        log.form.type_key(key);
    }
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    use ContactLogField as F;
    let lang = model.lang;
    let Some(Popup::ContactLog(log)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => log.form.next_field(),
        Named::PrevField => log.form.prev_field(),
        Named::Submit => {
            let errors = log.form.cpr_errors();
            if !errors.is_empty() {
                log.form.errors = errors;
                return vec![];
            }
            let Some(id) = model.reserved_id.take() else {
                return vec![];
            };
            let f = &log.form;
            let event = ContactEvent {
                id: EventId(id),
                case: log.case,
                at: model.settings.zone.to_utc(model.now),
                channel: CHANNELS
                    .get(f.index(F::Channel))
                    .copied()
                    .unwrap_or(Channel::Phone),
                direction: DIRECTIONS
                    .get(f.index(F::Direction))
                    .copied()
                    .unwrap_or(Direction::In),
                reached: f.toggle(F::Reached),
                call_back: f.toggle(F::CallBack),
                called_back: None,
                note: f.text(F::Note),
            };
            let close = log
                .answers
                .as_deref()
                .filter(|_| event.reached)
                .and_then(|a| Some((a.clone(), closed(a, event.at, &event.note)?)));
            let verb = match close {
                Some(_) => Msg::StepCalledBack,
                None => Msg::StepLoggedContact,
            };
            let label = format!("{} {}", verb.text(lang), model.case_name(event.case));
            let mut backward = vec![Change::Delete(RecordRef::from(event.id))];
            let mut forward = vec![Change::Put(AnyRecord::Event(event))];
            if let Some((before, after)) = close {
                forward.push(Change::Put(after));
                backward.push(Change::Put(before));
            }
            model.popup = None;
            return vec![Effect::Write(Step {
                label,
                backward,
                forward,
            })];
        }
        _ => {}
    }
    vec![]
}
