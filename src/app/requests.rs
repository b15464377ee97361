//! Medical requests in the planner: keys on a selected request in the items popup, the request
//! form from the card, the chase log and the withdraw question. Pure, like `update`: every
//! change is one `Effect::Write` step the status line names, and undo reverts.
//!
//! The tool never closes a request: only the caseworker marks it received, acted on or
//! withdrawn, and each of those stays in the case's history.

use super::action::Named;
use super::effect::{Effect, Loaded, Question};
use super::history::Step;
use super::model::{Model, Screen, Status, Tone};
use super::popup::{Items, Popup, line_input, text_of};
use super::request_form::{RequestField, RequestForm};
use crate::domain::chase;
use crate::domain::reminder::ReminderKind;
use crate::i18n::{Msg, cpr_error, label_request_kind, request_state};
use crate::model::{CaseId, Channel, ChaseEntry, MedicalRequest, RequestId};
use crate::privacy::check_no_cpr;
use crate::query::card::day_label;
use crate::store::{AnyRecord, Change, RecordRef};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

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
    pub focus: ChaseField,
    pub channel: Channel,
    pub reached: TextArea<'static>,
    pub note: TextArea<'static>,
    pub error: Option<String>,
    pub back: Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChaseField {
    Channel,
    Reached,
    Note,
}

impl ChaseField {
    pub const ALL: [ChaseField; 3] = [ChaseField::Channel, ChaseField::Reached, ChaseField::Note];
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

/// Esc on a request popup: back where it came from. False when no request popup is open.
pub fn close(model: &mut Model) -> bool {
    model.popup = match model.popup.take() {
        Some(Popup::ChaseLog(log)) => log.back.into_popup(),
        Some(Popup::Withdraw(question)) => question.back.into_popup(),
        Some(Popup::RequestForm(form)) => form.back.map(Popup::Items),
        other => {
            model.popup = other;
            return false;
        }
    };
    true
}

/// "Withdraw the request?": the request and where to go after the answer.
pub struct Withdraw {
    pub request: MedicalRequest,
    pub question: String,
    pub back: Back,
}

// ---------------------------------------------------------------------------------------------
// The items popup

/// A key on the selected medical request of the items popup.
pub fn on_request(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Items(items)) = &model.popup else {
        return vec![];
    };
    let index = items.selected.saturating_sub(items.courses.len());
    let Some(request) = items.requests.get(index).cloned() else {
        return vec![];
    };
    let lang = model.lang;
    let today = model.today();
    match named {
        Named::LogChase => {
            let back = take_items(model);
            open_chase(model, request, back)
        }
        Named::MarkReceived => {
            if let Some(why) = refuse_receive(&request) {
                return say(model, why);
            }
            let mut after = request.clone();
            after.received = Some(today);
            let act_by = chase::act_by(today, &model.settings.medical);
            let label = format!(
                "{} {} — {}",
                Msg::StepRequestReceived.text(lang),
                about(model, &request),
                Msg::StateReceivedActBy
                    .text(lang)
                    .replace("{date}", &day_label(act_by, lang))
            );
            save(model, &request, after, label)
        }
        Named::MarkActedOn => {
            if request.received.is_none() {
                return say(model, Msg::NotReceivedYet);
            }
            if request.acted_on.is_some() {
                return say(model, Msg::AlreadyActedOn);
            }
            let mut after = request.clone();
            after.acted_on = Some(today);
            let label = format!(
                "{} {}",
                Msg::StepRequestActedOn.text(lang),
                about(model, &request)
            );
            save(model, &request, after, label)
        }
        Named::WithdrawRequest => {
            if let Some(why) = refuse_withdraw(&request) {
                return say(model, why);
            }
            let question = format!(
                "{} {}? {}",
                Msg::WithdrawQuestion.text(lang),
                about(model, &request),
                Msg::StaysInHistory.text(lang)
            );
            let back = take_items(model);
            model.popup = Some(Popup::Withdraw(Box::new(Withdraw {
                request,
                question,
                back,
            })));
            vec![]
        }
        Named::EditItem => {
            let mut effects = super::update::need_directory(model);
            effects.push(Effect::LoadRequestForm {
                case: request.case,
                edit: Some(request.id),
            });
            effects
        }
        Named::BookFromItem => {
            let from = model.now;
            let case = (request.case, model.case_name(request.case));
            model.popup = None;
            // Booking a meeting from received information counts as acting on it.
            let question = if request.received.is_some() && request.acted_on.is_none() {
                Question::BookForRequest {
                    from,
                    case,
                    request: Box::new(request),
                }
            } else {
                Question::NewMeeting {
                    from,
                    case: Some(case),
                }
            };
            super::update::fetch_ahead(model, from, question)
        }
        _ => vec![],
    }
}

fn refuse_receive(request: &MedicalRequest) -> Option<Msg> {
    if request.withdrawn.is_some() {
        Some(Msg::RequestIsWithdrawn)
    } else if request.received.is_some() {
        Some(Msg::AlreadyReceived)
    } else {
        None
    }
}

fn refuse_withdraw(request: &MedicalRequest) -> Option<Msg> {
    if request.withdrawn.is_some() {
        Some(Msg::RequestIsWithdrawn)
    } else if request.received.is_some() {
        Some(Msg::AlreadyReceived)
    } else {
        None
    }
}

fn say(model: &mut Model, msg: Msg) -> Vec<Effect> {
    model.status = Some(Status {
        tone: Tone::Info,
        text: msg.text(model.lang).to_string(),
    });
    vec![]
}

/// Takes the items popup off the screen to come back to it.
fn take_items(model: &mut Model) -> Back {
    match model.popup.take() {
        Some(Popup::Items(items)) => Back::Items(items),
        other => {
            model.popup = other;
            Back::Screen
        }
    }
}

/// Puts `back` on screen again. A changed request shows once it is written: the write's reload
/// reads the items again (`lookup::after_write`), so a failed write never shows as done.
fn go_back(model: &mut Model, back: Back) -> Vec<Effect> {
    match back {
        Back::Items(items) => {
            model.popup = Some(Popup::Items(items));
            vec![]
        }
        Back::Requests => {
            model.popup = None;
            vec![load_requests(model)]
        }
        Back::Screen => {
            model.popup = None;
            vec![]
        }
    }
}

/// "statusattest · Anne Jensen".
fn about(model: &Model, request: &MedicalRequest) -> String {
    format!(
        "{} · {}",
        label_request_kind(&request.kind, model.lang).to_lowercase(),
        model.case_name(request.case)
    )
}

/// Writes a changed request as one step; the items popup shows the change when the write's
/// reload reads it back (`lookup::after_write`), not before.
fn save(
    model: &mut Model,
    before: &MedicalRequest,
    after: MedicalRequest,
    label: String,
) -> Vec<Effect> {
    let mut effects = vec![write(before, after, label)];
    if matches!(model.screen, Screen::Requests { .. }) {
        effects.push(load_requests(model));
    }
    effects
}

fn write(before: &MedicalRequest, after: MedicalRequest, label: String) -> Effect {
    Effect::Write(Step {
        label,
        forward: vec![Change::Put(AnyRecord::MedicalRequest(after))],
        backward: vec![Change::Put(AnyRecord::MedicalRequest(before.clone()))],
    })
}

// ---------------------------------------------------------------------------------------------
// The chase log

/// Opens the chase log for `request`; the channel is the next step's (a letter for a written
/// reminder, the phone after).
pub fn open_chase(model: &mut Model, request: MedicalRequest, back: Back) -> Vec<Effect> {
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
    model.popup = Some(Popup::ChaseLog(Box::new(ChaseLog {
        request,
        case_name,
        focus: ChaseField::Channel,
        channel,
        reached: line_input(""),
        note: line_input(""),
        error: None,
        back,
    })));
    vec![]
}

/// Keys of the chase log: ←/→ change the channel; text goes to who was reached and the note.
pub fn chase_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(Popup::ChaseLog(log)) = &mut model.popup else {
        return vec![];
    };
    match log.focus {
        ChaseField::Channel => {
            let step = match key.code {
                KeyCode::Left => -1,
                KeyCode::Right | KeyCode::Char(' ') => 1,
                _ => return vec![],
            };
            let n = CHASE_CHANNELS.len() as i32;
            let i = CHASE_CHANNELS
                .iter()
                .position(|c| *c == log.channel)
                .unwrap_or(0) as i32;
            log.channel = CHASE_CHANNELS[(i + step).rem_euclid(n) as usize];
        }
        ChaseField::Reached => {
            log.reached.input(key);
        }
        ChaseField::Note => {
            log.note.input(key);
        }
    }
    log.error = None;
    vec![]
}

pub fn chase_log(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let at = model.settings.zone.to_utc(model.now);
    let Some(Popup::ChaseLog(log)) = &mut model.popup else {
        return vec![];
    };
    let fields = ChaseField::ALL;
    let i = fields.iter().position(|f| *f == log.focus).unwrap_or(0);
    match named {
        Named::NextField => log.focus = fields[(i + 1) % fields.len()],
        Named::PrevField => log.focus = fields[(i + fields.len() - 1) % fields.len()],
        Named::Submit => {
            let reached = text_of(&log.reached).trim().to_string();
            let note = text_of(&log.note).trim().to_string();
            for (field, text) in [("reached", &reached), ("note", &note)] {
                if let Err(e) = check_no_cpr(field, text) {
                    log.error = Some(cpr_error(&e, lang));
                    return vec![];
                }
            }
            let before = log.request.clone();
            let mut after = before.clone();
            after.chases.push(ChaseEntry {
                at,
                channel: log.channel,
                reached,
                note,
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

// ---------------------------------------------------------------------------------------------
// Withdrawing

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

// ---------------------------------------------------------------------------------------------
// The request form

/// `l` on the card: a new request for the case, after loading what is on file.
pub fn new_request(model: &Model, case: CaseId) -> Vec<Effect> {
    let mut effects = super::update::need_directory(model);
    effects.push(Effect::LoadRequestForm { case, edit: None });
    effects
}

/// The case's requests are loaded: open the form, new or to edit one of them.
pub fn form_loaded(
    model: &mut Model,
    case: CaseId,
    mut requests: Vec<MedicalRequest>,
    edit: Option<RequestId>,
) -> Vec<Effect> {
    let medical = &model.settings.medical;
    let today = model.today();
    let original = edit.and_then(|id| {
        let i = requests.iter().position(|r| r.id == id)?;
        Some(requests.remove(i))
    });
    let form = match &original {
        Some(request) => {
            let mut form = RequestForm::edit(
                request,
                medical,
                model.lang,
                requests,
                today,
                model.directory.as_ref(),
            );
            // Edited from the items popup: saving and Esc go back to it as it was.
            form.back = match take_items(model) {
                Back::Items(items) => Some(items),
                _ => None,
            };
            form
        }
        None => RequestForm::new(case, medical, model.lang, requests, today),
    };
    model.popup = Some(Popup::RequestForm(Box::new(form)));
    vec![]
}

pub fn form_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::RequestForm(form)) = &mut model.popup {
        form.type_key(key, model.directory.as_ref());
    }
    vec![]
}

pub fn form(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let Some(Popup::RequestForm(form)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => form.next_field(),
        Named::PrevField => form.prev_field(),
        Named::Submit => {
            let is_new = form.original.is_none();
            let id = match (&form.original, model.reserved_id) {
                (Some(r), _) => r.id,
                (None, Some(id)) => RequestId(id),
                (None, None) => return vec![],
            };
            let request = match form.build(id, today, lang) {
                Ok(request) => request,
                Err(errors) => {
                    form.focus = errors.first().map_or(form.focus, |e| e.0);
                    form.errors = errors;
                    return vec![];
                }
            };
            let backward = match &form.original {
                Some(old) => Change::Put(AnyRecord::MedicalRequest(old.clone())),
                None => Change::Delete(RecordRef::from(request.id)),
            };
            let case = request.case;
            let label = format!(
                "{} {} · {} — {}",
                Msg::StepRequestSaved.text(lang),
                label_request_kind(&request.kind, lang).to_lowercase(),
                model.case_name(case),
                request_state(chase::state(&request, today, &model.settings.medical), lang)
            );
            if is_new {
                model.reserved_id = None;
            }
            // Back to the items popup it came from; the write's reload shows the change.
            let back = match model.popup.take() {
                Some(Popup::RequestForm(form)) => form.back,
                _ => None,
            };
            model.popup = back.map(Popup::Items);
            return vec![Effect::Write(Step {
                label,
                forward: vec![Change::Put(AnyRecord::MedicalRequest(request))],
                backward: vec![backward],
            })];
        }
        _ => {}
    }
    vec![]
}

/// Whether the focused field of the request form takes typed text.
pub fn form_takes_text(form: &RequestForm) -> bool {
    form.focus != RequestField::Kind
}

// ---------------------------------------------------------------------------------------------
// Booking a meeting from received information

/// A meeting booked from received information: the same step marks the request acted on, so
/// one undo takes both back.
pub fn also_acted_on(model: &Model, effects: &mut [Effect], request: Option<MedicalRequest>) {
    let Some(before) = request else { return };
    let Some(Effect::Write(step)) = effects.first_mut() else {
        return;
    };
    let mut after = before.clone();
    after.acted_on = Some(model.today());
    step.label.push_str(&format!(
        " · {} {}",
        Msg::StepRequestActedOn.text(model.lang),
        label_request_kind(&before.kind, model.lang).to_lowercase()
    ));
    step.forward
        .push(Change::Put(AnyRecord::MedicalRequest(after)));
    step.backward
        .push(Change::Put(AnyRecord::MedicalRequest(before)));
}

// ---------------------------------------------------------------------------------------------
// The list of open requests

/// The effect that loads the list of open requests as it stands today.
pub fn load_requests(model: &Model) -> Effect {
    Effect::LoadRequests {
        today: model.today(),
        medical: Box::new(model.settings.medical.clone()),
    }
}

/// `g r`: the list of open requests across the caseload.
pub fn open_requests(model: &Model) -> Vec<Effect> {
    vec![load_requests(model)]
}

/// The list arrived: show it, keeping the selection when it was open already.
pub fn loaded(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    if let Loaded::Requests(rows) = loaded {
        // The selection follows its request when the order changed (a chase moves it down).
        let selected = match &model.screen {
            Screen::Requests {
                rows: old,
                selected,
            } => old
                .get(*selected)
                .and_then(|was| rows.iter().position(|r| r.request.id == was.request.id))
                .unwrap_or(*selected),
            _ => 0,
        };
        let selected = selected.min(rows.len().saturating_sub(1));
        model.screen = Screen::Requests { rows, selected };
    }
    vec![]
}

/// Keys of the list of open requests.
pub fn requests_screen(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Requests { rows, selected } = &mut model.screen else {
        return vec![];
    };
    let last = rows.len().saturating_sub(1);
    match named {
        Named::SelectNext | Named::ScrollDown => *selected = (*selected + 1).min(last),
        Named::SelectPrev | Named::ScrollUp => *selected = selected.saturating_sub(1),
        Named::Submit => {
            if let Some(case) = rows.get(*selected).map(|r| r.request.case) {
                return vec![super::lookup::load_card(model, case)];
            }
        }
        Named::LogChase => {
            if let Some(row) = rows.get(*selected) {
                let request = row.request.clone();
                let name = row.case_name.clone();
                let effects = open_chase(model, request, Back::Requests);
                if let Some(Popup::ChaseLog(log)) = &mut model.popup {
                    log.case_name = name;
                }
                return effects;
            }
        }
        Named::CloseCard => return super::navigation::close_list(model),
        _ => {}
    }
    vec![]
}
