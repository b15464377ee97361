//! Logging a chase of a medical request, and the withdraw question. Both go back where they
//! were opened from: the items popup, the list of open requests, or the screen below.

use super::{about, list, say, write};
use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::form_kit::{Choice, Field, Form};
use crate::app::lookup::items::Items;
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::domain::chase;
use crate::domain::reminder::ReminderKind;
use crate::i18n::{Msg, label_channel, label_request_kind, now_words, request_state};
use crate::model::{Channel, ChaseEntry, MedicalRequest};
use crate::query::card::day_label;
use ratatui::crossterm::event::KeyEvent;

/// Where a request popup returns to when it closes.
pub enum Back {
    /// The case's items popup, as it was (its request updated in place).
    Items(Items),
    /// The list of open requests.
    Requests,
    /// Nothing: the screen below.
    Screen,
}

/// Logging a chase of one request: channel, who was reached, a line of note; the time is now.
pub struct ChaseLog {
    pub request: MedicalRequest,
    pub case_name: String,
    pub form: Form<ChaseField>,
    pub back: Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChaseField {
    /// Now, when the chase is logged (shown).
    Time,
    /// Where the request stands before this chase, worked out when the log opens (shown).
    Stands,
    Channel,
    Reached,
    Note,
}

impl ChaseLog {
    /// The channel chosen.
    pub fn channel(&self) -> Channel {
        CHASE_CHANNELS
            .get(self.form.index(ChaseField::Channel))
            .copied()
            .unwrap_or(Channel::Phone)
    }
}

/// The channels a chase goes by, in the order ←/→ steps through them.
pub const CHASE_CHANNELS: [Channel; 4] =
    [Channel::Phone, Channel::Letter, Channel::Mail, Channel::Sms];

impl Back {
    /// The popup to show again when the request popup closes without saving (Esc): the items
    /// popup as it was, or none (the list of requests and the card are the screen below).
    pub fn into_popup(self) -> Option<Popup> {
        match self {
            Back::Items(items) => Some(Popup::Items(items)),
            Back::Requests | Back::Screen => None,
        }
    }
}

/// "Withdraw the request?": the request and where to go after the answer.
pub struct Withdraw {
    pub request: MedicalRequest,
    pub question: String,
    pub back: Back,
}

/// Puts `back` on screen again. A changed request shows once it is written: the write's reload
/// reads the items again (`lookup::card::after_write`), so a failed write never shows as done.
fn go_back(model: &mut Model, back: Back) -> Vec<Effect> {
    match back {
        Back::Items(items) => {
            model.popup = Some(Popup::Items(items));
            vec![]
        }
        Back::Requests => {
            model.popup = None;
            vec![list::load(model)]
        }
        Back::Screen => {
            model.popup = None;
            vec![]
        }
    }
}

/// Opens the chase log for `request`; the channel is the next step's (a letter for a written
/// reminder, the phone after).
pub fn open(model: &mut Model, request: MedicalRequest, back: Back) -> Vec<Effect> {
    if !request.is_open() {
        model.popup = match back {
            Back::Items(items) => Some(Popup::Items(items)),
            _ => model.popup.take(),
        };
        return say(model, Msg::OnlyOpenAreChased);
    }
    let next = chase::next_step(&request, model.today(), &model.settings.medical);
    let channel = match next.map(|n| n.kind) {
        Some(ReminderKind::MedicalReminder { .. }) => Channel::Letter,
        _ => Channel::Phone,
    };
    let case_name = model.case_name(request.case);
    let lang = model.lang;
    let channels = CHASE_CHANNELS
        .iter()
        .map(|c| label_channel(*c, lang).to_string());
    let chosen = CHASE_CHANNELS
        .iter()
        .position(|c| *c == channel)
        .unwrap_or(0);
    let stands = chase::state(&request, model.today(), &model.settings.medical);
    let form = Form::new(
        vec![
            Field::shown(ChaseField::Time, Msg::TimeLabel, now_words(model.now, lang)),
            Field::shown(
                ChaseField::Stands,
                Msg::NowStands,
                request_state(stands, lang),
            ),
            Field::choice(
                ChaseField::Channel,
                Msg::ChannelLabel,
                Choice::indexed(channels, chosen),
            ),
            Field::text(ChaseField::Reached, Msg::ChaseReachedLabel, ""),
            Field::text(ChaseField::Note, Msg::Note, ""),
        ],
        model.today(),
        lang,
    );
    model.popup = Some(Popup::ChaseLog(Box::new(ChaseLog {
        request,
        case_name,
        form,
        back,
    })));
    vec![]
}

/// The clock moved on: the log's time follows it.
pub fn follow_clock(model: &mut Model) {
    let (now, lang) = (model.now, model.lang);
    if let Some(Popup::ChaseLog(log)) = &mut model.popup {
        log.form.set_shown(ChaseField::Time, now_words(now, lang));
    }
}

/// Keys of the chase log: ←/→ change the channel; text goes to who was reached and the note.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::ChaseLog(log)) = &mut model.popup {
        log.form.type_key(key);
    }
    vec![]
}

/// Tab moves, Enter logs the chase and goes back.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let at = model.settings.zone.to_utc(model.now);
    let Some(Popup::ChaseLog(log)) = &mut model.popup else {
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
            let f = &log.form;
            let before = log.request.clone();
            let mut after = before.clone();
            after.chases.push(ChaseEntry {
                at,
                channel: log.channel(),
                reached: f.text(ChaseField::Reached),
                note: f.text(ChaseField::Note),
            });
            let mut label = format!(
                "{} {} · {}",
                Msg::StepChaseLogged.text(lang),
                label_request_kind(&before.kind, lang).to_lowercase(),
                log.case_name
            );
            // The next step follows from the log: say where it moved.
            if let Some(next) = chase::next_step(&after, today, &model.settings.medical) {
                label.push_str(&format!(
                    " — {} {}",
                    Msg::NextChase.text(lang),
                    day_label(next.due, lang)
                ));
            }
            let Some(Popup::ChaseLog(log)) = model.popup.take() else {
                return vec![];
            };
            let mut effects = go_back(model, log.back);
            effects.insert(0, write(&before, after, label));
            return effects;
        }
        _ => {}
    }
    vec![]
}

/// `y` withdraws the request, `n` goes back.
pub fn withdraw_answer(model: &mut Model, named: Named) -> Vec<Effect> {
    if !matches!(named, Named::ConfirmYes | Named::ConfirmNo) {
        return vec![];
    }
    let Some(Popup::Withdraw(question)) = model.popup.take() else {
        return vec![];
    };
    let Withdraw { request, back, .. } = *question;
    if named == Named::ConfirmNo {
        return go_back(model, back);
    }
    let mut after = request.clone();
    after.withdrawn = Some(model.today());
    let label = format!(
        "{} {}",
        Msg::StepRequestWithdrawn.text(model.lang),
        about(model, &request)
    );
    let mut effects = go_back(model, back);
    effects.insert(0, write(&request, after, label));
    effects
}
