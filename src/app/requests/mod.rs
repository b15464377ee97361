//! Medical requests in the planner: keys on a selected request in the items popup, the request
//! form from the card, the chase log and the withdraw question (`chase`), and the list of open
//! requests across the caseload (`list`). Every change is one `Effect::Write` step the status
//! line names, and undo reverts.
//!
//! The tool never closes a request: only the caseworker marks it received, acted on or
//! withdrawn, and each of those stays in the case's history.

pub mod chase;
pub mod list;

use super::calendar::booking::fetch_ahead;
use super::core::action::Named;
use super::core::effect::{Effect, Question};
use super::core::history::Step;
use super::core::status::info;
use super::forms::request::RequestForm;
use super::lookup::items;
use super::model::{Model, Screen};
use super::popup::Popup;
use super::prompt::{self, PromptKind};
use crate::domain::chase as rules;
use crate::i18n::{Msg, label_request_kind, parse_error, request_state};
use crate::model::{CaseId, MedicalRequest, RequestId};
use crate::query::card::day_label;
use crate::store::{AnyRecord, Change, RecordRef};
use crate::time::{format_date, parse_past_date_with};
use chase::{Back, Withdraw};
use ratatui::crossterm::event::KeyEvent;

/// A key on the selected medical request of the items popup.
pub fn on_request(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Items(open)) = &model.popup else {
        return vec![];
    };
    let index = open.selected.saturating_sub(open.courses.len());
    let Some(request) = open.requests.get(index).cloned() else {
        return vec![];
    };
    let lang = model.lang;
    let today = model.today();
    match named {
        Named::LogChase => {
            let back = take_items(model);
            chase::open(model, request, back)
        }
        Named::MarkReceived => {
            if let Some(why) = refuse_closing(&request) {
                return say(model, why);
            }
            // Mail is often registered a day or two late: ask when it arrived, today suggested.
            prompt::open_over(
                model,
                PromptKind::RequestReceived(request.id),
                &format_date(today),
            )
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
            if let Some(why) = refuse_closing(&request) {
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
            let mut effects = model.need_directory();
            effects.push(Effect::LoadRequestForm {
                case: request.case,
                edit: Some(request.id),
            });
            effects
        }
        Named::BookFromItem => {
            let name = model.case_name(request.case);
            model.popup = None;
            book_about(model, request, name)
        }
        _ => vec![],
    }
}

/// A new-meeting form for the request's case at the first free time from now. Booked about
/// received information, the meeting also marks the request acted on.
pub fn book_about(model: &Model, request: MedicalRequest, case_name: String) -> Vec<Effect> {
    let from = model.now;
    let case = (request.case, case_name);
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
    fetch_ahead(model, from, question)
}

/// The day the request's answer arrived: it is marked received that day, and the act-by date
/// counts from it.
pub fn answer_received(
    model: &mut Model,
    id: RequestId,
    text: &str,
) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    let today = model.today();
    let on = parse_past_date_with(text, today, &model.settings.hours.days_off)
        .map_err(|e| parse_error(&e, lang))?;
    if on > today {
        return Err(Msg::ReceivedInFuture.text(lang).to_string());
    }
    let request = match prompt::under(model) {
        Some(Popup::Items(items)) => items.requests.iter().find(|r| r.id == id).cloned(),
        _ => None,
    };
    let Some(request) = request else {
        return Ok(vec![]);
    };
    let mut after = request.clone();
    after.received = Some(on);
    let act_by = rules::act_by(on, &model.settings.medical);
    let label = format!(
        "{} {} — {}",
        Msg::StepRequestReceived.text(lang),
        about(model, &request),
        Msg::StateReceivedActBy
            .text(lang)
            .replace("{date}", &day_label(act_by, lang))
    );
    Ok(save(model, &request, after, label))
}

/// Why a request can no longer be marked received or withdrawn: it is one of them already.
fn refuse_closing(request: &MedicalRequest) -> Option<Msg> {
    if request.withdrawn.is_some() {
        Some(Msg::RequestIsWithdrawn)
    } else if request.received.is_some() {
        Some(Msg::AlreadyReceived)
    } else {
        None
    }
}

pub(super) fn say(model: &mut Model, msg: Msg) -> Vec<Effect> {
    model.status = Some(info(msg.text(model.lang)));
    vec![]
}

/// Takes the items popup off the screen to come back to it.
fn take_items(model: &mut Model) -> Back {
    match items::take(model) {
        Some(items) => Back::Items(items),
        None => Back::Screen,
    }
}

/// "statusattest · Anne Jensen".
pub(super) fn about(model: &Model, request: &MedicalRequest) -> String {
    format!(
        "{} · {}",
        label_request_kind(&request.kind, model.lang).to_lowercase(),
        model.case_name(request.case)
    )
}

/// Writes a changed request as one step; the items popup shows the change when the write's
/// reload reads it back (`lookup::card::after_write`), not before.
fn save(
    model: &mut Model,
    before: &MedicalRequest,
    after: MedicalRequest,
    label: String,
) -> Vec<Effect> {
    let mut effects = vec![write(before, after, label)];
    if matches!(model.screen, Screen::Requests { .. }) {
        effects.push(list::load(model));
    }
    effects
}

pub(super) fn write(before: &MedicalRequest, after: MedicalRequest, label: String) -> Effect {
    Effect::Write(Step {
        label,
        forward: vec![Change::Put(AnyRecord::MedicalRequest(after))],
        backward: vec![Change::Put(AnyRecord::MedicalRequest(before.clone()))],
    })
}

// ---------------------------------------------------------------------------------------------
// The request form

/// `l` on the card: a new request for the case, after loading what is on file.
pub fn new_request(model: &Model, case: CaseId) -> Vec<Effect> {
    let mut effects = model.need_directory();
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
            form.back = items::take(model);
            form
        }
        None => RequestForm::new(case, medical, model.lang, requests, today),
    };
    model.popup = Some(Popup::RequestForm(Box::new(form)));
    vec![]
}

/// A key no binding took, for the request form's field in focus.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::RequestForm(form)) = &mut model.popup {
        form.type_key(key, model.directory.as_ref());
    }
    vec![]
}

/// Keys of the request form: Tab moves, Enter saves and goes back to where it was opened.
pub fn form_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let today = model.today();
    let Some(Popup::RequestForm(form)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => form.form.next_field(),
        Named::PrevField => form.form.prev_field(),
        Named::Submit => {
            let is_new = form.original.is_none();
            let id = match (&form.original, model.reserved_id) {
                (Some(r), _) => r.id,
                (None, Some(id)) => RequestId(id),
                (None, None) => return vec![],
            };
            let request = match form.build(id, lang) {
                Ok(request) => request,
                Err(errors) => {
                    if let Some((field, _)) = errors.first() {
                        form.form.focus_on(*field);
                    }
                    form.form.errors = errors;
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
                request_state(rules::state(&request, today, &model.settings.medical), lang)
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
    let said = format!(
        "{} {}",
        Msg::StepRequestActedOn.text(model.lang),
        label_request_kind(&before.kind, model.lang).to_lowercase()
    );
    step.also_put(
        &said,
        AnyRecord::MedicalRequest(before),
        AnyRecord::MedicalRequest(after),
    );
}
