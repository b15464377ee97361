//! The phone-call lookup in the planner: the finder, the case card and the contact card, and
//! what is logged from the card (a contact, a note, an agreement). Pure, like `update`.

use super::action::Named;
use super::effect::{Effect, Loaded, Question};
use super::history::Step;
use super::model::{Model, Screen, Selection, Status, Tone};
use super::popup::{
    CHANNELS, ContactLog, ContactLogField, Finder, Items, Popup, Prompt, PromptKind, line_input,
    text_of,
};
use crate::i18n::{Msg, cpr_error, parse_error};
use crate::model::{
    Agreement, AgreementId, CaseId, ContactEvent, Direction, EventId, Note, NoteId, Party,
};
use crate::privacy::check_no_cpr;
use crate::search::{Filter, Target};
use crate::store::{AnyRecord, Change, Kind, RecordRef};
use crate::time::take_when;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// How many results the finder shows.
pub const FINDER_ROWS: usize = 20;

/// `/`: the finder, building the index the first time.
pub fn open_finder(model: &mut Model) -> Vec<Effect> {
    model.popup = Some(Popup::Finder(Finder {
        input: line_input(""),
        hits: Vec::new(),
        selected: 0,
        include_closed: false,
    }));
    match model.search {
        Some(_) => vec![],
        None => vec![Effect::LoadSearchIndex {
            today: model.today(),
            lang: model.lang,
        }],
    }
}

/// Runs the query of the open finder against the index: every keystroke, in memory.
fn refresh(model: &mut Model) {
    let Some(Popup::Finder(finder)) = &mut model.popup else {
        return;
    };
    let Some(index) = &model.search else { return };
    let filter = Filter {
        include_closed: finder.include_closed,
    };
    finder.hits = index.search(&text_of(&finder.input), filter, FINDER_ROWS);
    finder.selected = 0;
}

pub fn finder_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::Finder(finder)) = &mut model.popup {
        finder.input.input(key);
    }
    refresh(model);
    vec![]
}

pub fn finder(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Finder(finder)) = &mut model.popup else {
        return vec![];
    };
    let last = finder.hits.len().saturating_sub(1);
    match named {
        Named::SelectNext => finder.selected = (finder.selected + 1).min(last),
        Named::SelectPrev => finder.selected = finder.selected.saturating_sub(1),
        Named::ToggleClosed => {
            finder.include_closed = !finder.include_closed;
            refresh(model);
        }
        Named::Submit => {
            let Some(hit) = finder.hits.get(finder.selected) else {
                return vec![];
            };
            let target = hit.target;
            model.popup = None;
            return open_target(model, target);
        }
        _ => {}
    }
    vec![]
}

fn open_target(model: &mut Model, target: Target) -> Vec<Effect> {
    match target {
        Target::Case(case) => vec![load_card(model, case)],
        Target::Contact(contact) => vec![Effect::LoadContactCard(contact)],
        Target::Meeting(meeting, start) => {
            model.screen = Screen::Calendar;
            model.day = start.date();
            model.selected = Some(Selection { meeting, start });
            super::update::load_window(model)
        }
    }
}

pub(super) fn load_card(model: &Model, case: CaseId) -> Effect {
    Effect::LoadCard {
        case,
        zone: model.settings.zone,
        now: model.settings.zone.to_utc(model.now),
        medical: Box::new(model.settings.medical.clone()),
        courses: Box::new(model.settings.courses.clone()),
        cadence: model.settings.config.cadence.clone(),
    }
}

/// The case shown on the card, if a card is open.
pub fn card_case(model: &Model) -> Option<CaseId> {
    match &model.screen {
        Screen::Card { card, .. } => Some(card.id),
        _ => None,
    }
}

/// Keys of the case card.
pub fn card(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Card { card, scroll } = &mut model.screen else {
        return vec![];
    };
    let case = card.id;
    let name = card.name.clone();
    match named {
        Named::Undo | Named::Redo => return super::update::undo_redo(model, named),
        Named::EditCase => return super::records::edit_case(case),
        Named::OpenItems => return vec![Effect::LoadItems(case)],
        Named::NewCourse => return super::courses::new_course(model, case),
        Named::NewRequest => return super::requests::new_request(model, case),
        Named::ScrollDown => *scroll = scroll.saturating_add(1),
        Named::ScrollUp => *scroll = scroll.saturating_sub(1),
        Named::CloseCard => return super::navigation::close_card(model),
        Named::LogContact => {
            model.popup = Some(Popup::ContactLog(ContactLog {
                case,
                focus: ContactLogField::Channel,
                channel: CHANNELS[0],
                direction: Direction::In,
                reached: true,
                call_back: false,
                note: line_input(""),
                error: None,
            }));
        }
        Named::AddNote => open_prompt(model, PromptKind::NoteSubject(case)),
        Named::AddAgreement => open_prompt(model, PromptKind::Agreement(case)),
        Named::BookMeeting => {
            let from = model.now;
            return super::update::fetch_ahead(
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

fn open_prompt(model: &mut Model, kind: PromptKind) {
    model.popup = Some(Popup::Prompt(Prompt {
        kind,
        input: line_input(""),
        error: None,
    }));
}

/// Keys of the courses-and-requests popup: move between them.
pub fn items(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Items(items)) = &mut model.popup else {
        return vec![];
    };
    let last = (items.courses.len() + items.requests.len()).saturating_sub(1);
    match named {
        Named::ScrollDown | Named::PageDown => {
            items.selected = (items.selected + 1).min(last);
            items.report = None;
        }
        Named::ScrollUp | Named::PageUp => {
            items.selected = items.selected.saturating_sub(1);
            items.report = None;
        }
        _ => {
            // Every other key acts on the selected course or request.
            let courses = items.courses.len();
            return if items.selected < courses {
                super::courses::on_course(model, named)
            } else {
                super::requests::on_request(model, named)
            };
        }
    }
    vec![]
}

/// Keys of the contact card.
pub fn contact_card(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::ContactCard { card, selected } = &mut model.screen else {
        return vec![];
    };
    let last = card.cases.len().saturating_sub(1);
    match named {
        Named::SelectNext => *selected = (*selected + 1).min(last),
        Named::SelectPrev => *selected = selected.saturating_sub(1),
        Named::Submit => {
            if let Some(case) = card.cases.get(*selected).map(|c| c.case) {
                return vec![load_card(model, case)];
            }
        }
        Named::EditContact => return super::records::edit_contact(card.id),
        Named::CloseCard => return super::navigation::close_card(model),
        _ => {}
    }
    vec![]
}

/// Keys of the contact log: Tab moves, ←/→ or space change a choice, text goes to the note.
pub fn contact_log_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
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

pub fn contact_log(model: &mut Model, named: Named) -> Vec<Effect> {
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

/// The note prompt's answer: a subject line, saved as a note that is not yet journalised.
pub fn answer_note(model: &mut Model, case: CaseId, text: &str) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    if text.is_empty() {
        return Err(Msg::NoteNeedsSubject.text(lang).to_string());
    }
    check_no_cpr("subject", text).map_err(|e| cpr_error(&e, lang))?;
    let Some(id) = model.reserved_id.take() else {
        return Ok(vec![]);
    };
    let note = Note {
        id: NoteId(id),
        case,
        at: model.settings.zone.to_utc(model.now),
        subject: text.to_string(),
        body: String::new(),
        journalised: None,
    };
    Ok(vec![Effect::Write(Step {
        label: format!(
            "{} {}",
            Msg::StepAddedNote.text(lang),
            model.case_name(case)
        ),
        backward: vec![Change::Delete(RecordRef::from(note.id))],
        forward: vec![Change::Put(AnyRecord::Note(note))],
    })])
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
    let (when, used) = take_when(rest, model.today());
    let what = rest[used..].join(" ");
    if what.trim().is_empty() {
        // A due date alone is not an agreement; say what is missing.
        if let Some(first) = rest.first().filter(|_| when.is_none()) {
            let e = crate::time::parse_date(first, model.today()).err();
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

/// A loaded card or index.
pub fn loaded(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Items(courses, requests) => {
            // Reloaded after a change: the same course or request stays selected.
            let (selected, report) = match &model.popup {
                Some(Popup::Items(open)) => (open.selected, open.report),
                _ => (0, None),
            };
            let last = (courses.len() + requests.len()).saturating_sub(1);
            model.popup = Some(Popup::Items(Items {
                courses,
                requests,
                selected: selected.min(last),
                report,
            }));
        }
        Loaded::SearchIndex(index) => {
            model.search = Some(index);
            refresh(model);
        }
        Loaded::Card(_, Some(card)) => {
            let scroll = match &model.screen {
                Screen::Card { card: open, scroll } if open.id == card.id => *scroll,
                _ => 0,
            };
            model.screen = Screen::Card { card, scroll };
        }
        Loaded::ContactCard(_, Some(card)) => {
            model.screen = Screen::ContactCard { card, selected: 0 }
        }
        // A failed write already said why; do not cover it with "not found".
        Loaded::Card(_, None) | Loaded::ContactCard(_, None)
            if model.status.as_ref().is_some_and(|s| s.tone == Tone::Error) => {}
        Loaded::Card(_, None) | Loaded::ContactCard(_, None) => {
            model.status = Some(Status {
                tone: Tone::Warning,
                text: Msg::CaseNotFound.text(model.lang).into(),
            });
        }
        _ => {}
    }
    vec![]
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
            let mut effects = vec![load_card(model, case)];
            // The courses-and-requests popup shows the records whole: read them again.
            if matches!(model.popup, Some(Popup::Items(_))) {
                effects.push(Effect::LoadItems(case));
            }
            effects
        }
        None if matches!(model.screen, Screen::Today { .. }) => {
            vec![super::today::load(model)]
        }
        None => vec![],
    }
}
