//! The case card: everything about one case during a call. Its keys, what is logged from it (a
//! note, an agreement; a contact in `contact_log`), and how it follows writes.

use crate::app::core::action::Named;
use crate::app::core::effect::{Effect, Question, SheetOf};
use crate::app::core::history::Step;
use crate::app::core::status::{Tone, warn};
use crate::app::model::{Model, Screen};
use crate::app::popup::Popup;
use crate::app::prompt::{self, PromptKind};
use crate::i18n::{Msg, cpr_error, parse_error};
use crate::model::{Agreement, AgreementId, CaseId, Direction, Party};
use crate::privacy::check_no_cpr;
use crate::query::card::Card;
use crate::store::{AnyRecord, Change, Kind, RecordRef};
use crate::time::take_when_with;

/// The effect that loads a case's card as it stands now.
pub fn load(model: &Model, case: CaseId) -> Effect {
    Effect::LoadCard {
        case,
        now: model.settings.zone.to_utc(model.now),
    }
}

/// The case shown on the card, if a card is open.
pub fn card_case(model: &Model) -> Option<CaseId> {
    match &model.screen {
        Screen::Card { card, .. } => Some(card.id),
        _ => None,
    }
}

/// The card arrived (`None`: the case is gone): show it, at the same scroll if it was open.
pub fn loaded(model: &mut Model, card: Option<Box<Card>>) -> Vec<Effect> {
    match card {
        Some(card) => {
            let scroll = match &model.screen {
                Screen::Card { card: open, scroll } if open.id == card.id => *scroll,
                _ => 0,
            };
            model.screen = Screen::Card { card, scroll };
            super::notes::follow_card(model);
        }
        None => not_found(model),
    }
    vec![]
}

/// A card that could not be loaded says so, unless a failed write already said why.
pub(super) fn not_found(model: &mut Model) {
    if !model.status.as_ref().is_some_and(|s| s.tone == Tone::Error) {
        model.status = Some(warn(Msg::CaseNotFound.text(model.lang)));
    }
}

/// Keys of the case card.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Card { card, scroll } = &mut model.screen else {
        return vec![];
    };
    let case = card.id;
    let name = card.name.clone();
    match named {
        Named::Undo | Named::Redo => return model.undo_redo(named),
        Named::EditCase => return super::records::edit_case(case),
        Named::OpenItems => return vec![Effect::LoadItems(case)],
        Named::WriteCaseSheet => return crate::app::sheets::write(model, SheetOf::Case(case)),
        Named::CitizenView => return crate::app::citizen::open(model, case),
        Named::NewCourse => return crate::app::courses::new_course(model, case),
        Named::NewRequest => return crate::app::requests::new_request(model, case),
        Named::ScrollDown => *scroll = scroll.saturating_add(1),
        Named::ScrollUp => *scroll = scroll.saturating_sub(1),
        Named::CloseCard => return crate::app::navigation::close_card(model),
        Named::LogContact => super::contact_log::open(model, case, Direction::In),
        Named::AddNote => return super::notes::open_form(model, case),
        Named::OpenNotes => return super::notes::open_list(model),
        Named::AddAgreement => return prompt::open(model, PromptKind::Agreement(case), ""),
        Named::BookMeeting => {
            let from = model.now;
            return crate::app::calendar::booking::fetch_ahead(
                model,
                from,
                Question::NewMeeting {
                    from,
                    case: Some((case, name)),
                },
            );
        }
        _ => {}
    }
    vec![]
}

/// The agreement prompt's answer: "[jeg|borger|andre] [due] what".
pub fn answer_agreement(
    model: &mut Model,
    case: CaseId,
    text: &str,
) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    let words: Vec<&str> = text.split_whitespace().collect();
    let (who, rest) = match words
        .first()
        .map(|w| crate::search::normalise(w))
        .as_deref()
    {
        Some("jeg" | "mig" | "me" | "i") => (Party::Caseworker, &words[1..]),
        Some("borger" | "borgeren" | "citizen") => (Party::Citizen, &words[1..]),
        Some("andre" | "anden" | "other") => (Party::Other, &words[1..]),
        _ => (Party::Caseworker, &words[..]),
    };
    let (when, used) = take_when_with(rest, model.today(), &model.settings.hours.days_off);
    let what = rest[used..].join(" ");
    if what.trim().is_empty() {
        // A due date alone is not an agreement; say what is missing.
        if let Some(first) = rest.first().filter(|_| when.is_none()) {
            let e =
                crate::time::parse_date_with(first, model.today(), &model.settings.hours.days_off)
                    .err();
            if let Some(e) = e {
                return Err(parse_error(&e, lang));
            }
        }
        return Err(Msg::AgreementNeedsWhat.text(lang).to_string());
    }
    check_no_cpr("what", &what).map_err(|e| cpr_error(&e, lang))?;
    let Some(id) = model.reserved_id.take() else {
        return Ok(vec![]);
    };
    let agreement = Agreement {
        id: AgreementId(id),
        case,
        who,
        what,
        due: when.map(|w| w.date),
        done: None,
        created: model.settings.zone.to_utc(model.now),
    };
    Ok(vec![Effect::Write(Step {
        label: format!(
            "{} {}",
            Msg::StepAddedAgreement.text(lang),
            model.case_name(case)
        ),
        backward: vec![Change::Delete(RecordRef::from(agreement.id))],
        forward: vec![Change::Put(AnyRecord::Agreement(agreement))],
    })])
}

/// After a write: the card shows the change at once, and the finder's index is rebuilt on the
/// next `/` if the write touched what it holds.
pub fn after_write(model: &mut Model, changes: &[Change]) -> Vec<Effect> {
    let kind = |c: &Change| match c {
        Change::Put(record) => record.kind(),
        Change::Delete(r) => r.kind,
    };
    if changes
        .iter()
        .any(|c| matches!(kind(c), Kind::Case | Kind::Contact | Kind::Meeting))
    {
        model.search = None;
    }
    // Any write may change the week's workload or who must be summoned.
    model.workload = None;
    model.summons = None;
    match card_case(model) {
        Some(case) => {
            let mut effects = vec![load(model, case)];
            // The courses-and-requests popup shows the records whole: read them again.
            if matches!(model.popup, Some(Popup::Items(_))) {
                effects.push(Effect::LoadItems(case));
            }
            effects
        }
        None if matches!(model.screen, Screen::Today(_)) => {
            vec![crate::app::today::load(model)]
        }
        None => vec![],
    }
}
