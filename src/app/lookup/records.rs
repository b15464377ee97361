//! Creating, editing and closing cases and contacts from the planner.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::form_kit::{Candidate, Form};
use crate::app::forms::course::{contact_candidates, label as contact_label};
use crate::app::forms::record::{RecordForm, Subject};
use crate::app::model::{Model, Screen};
use crate::app::popup::Popup;
use crate::i18n::Msg;
use crate::model::{Case, CaseId, Contact, ContactId};
use crate::store::{AnyRecord, Change, RecordRef};
use ratatui::crossterm::event::KeyEvent;

pub fn new_case(model: &mut Model) -> Vec<Effect> {
    model.popup = Some(Popup::Record(Box::new(case_form(model, None))));
    // The network rows pick from the contacts.
    match model.directory {
        Some(_) => vec![],
        None => vec![Effect::LoadDirectory],
    }
}

pub fn edit_case(case: CaseId) -> Vec<Effect> {
    vec![Effect::LoadDirectory, Effect::EditCase(case)]
}

fn case_form(model: &Model, case: Option<Case>) -> RecordForm {
    let name = |id: ContactId| {
        model
            .directory
            .as_ref()
            .and_then(|d| d.contacts.iter().find(|c| c.id == id))
            .map_or_else(|| format!("#{id}"), contact_label)
    };
    RecordForm::case(&model.settings, case, "", &name, model.today(), model.lang)
}

/// A key for the open case or contact form; a network row's picker matches the contacts, and a
/// row kept with a new name gets the reserved id for the contact it will create.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(Popup::Record(form)) = &mut model.popup else {
        return vec![];
    };
    let directory = model.directory.as_ref();
    let candidates = |_: Msg, _: &Form<Msg>| -> Vec<Candidate> {
        directory.map_or_else(Vec::new, |d| {
            contact_candidates(&d.contacts.iter().collect::<Vec<_>>())
        })
    };
    form.type_key(key, &candidates);
    if form.adopt_new_contact(model.reserved_id) {
        model.reserved_id = None;
    }
    vec![]
}

pub fn new_contact(model: &mut Model) -> Vec<Effect> {
    match &model.directory {
        Some(_) => {
            model.popup = Some(Popup::Record(Box::new(contact_form(model, None))));
            vec![]
        }
        // The form offers the organisations from the directory: load it, then open.
        None => vec![Effect::LoadDirectory, Effect::EditContact(None)],
    }
}

pub fn edit_contact(contact: ContactId) -> Vec<Effect> {
    vec![Effect::LoadDirectory, Effect::EditContact(Some(contact))]
}

fn contact_form(model: &Model, contact: Option<Contact>) -> RecordForm {
    let organisations: Vec<(ContactId, String)> = model
        .directory
        .iter()
        .flat_map(|d| &d.contacts)
        .filter(|c| c.kind.is_organisation())
        .map(|c| (c.id, c.name.clone()))
        .collect();
    RecordForm::contact(contact, &organisations, model.today(), model.lang)
}

/// The case loaded for editing (`None`: it is gone): open its form.
pub fn case_loaded(model: &mut Model, case: Option<Box<Case>>) -> Vec<Effect> {
    match case {
        Some(case) => {
            model.popup = Some(Popup::Record(Box::new(case_form(model, Some(*case)))));
        }
        None => super::card::not_found(model),
    }
    vec![]
}

/// The contact loaded for editing, or `None` for a new one: open the form.
pub fn contact_loaded(model: &mut Model, contact: Option<Box<Contact>>) -> Vec<Effect> {
    let form = contact_form(model, contact.map(|c| *c));
    model.popup = Some(Popup::Record(Box::new(form)));
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Record(form)) = &mut model.popup else {
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
    let today = model.today();
    let now = model.settings.zone.to_utc(model.now);
    let Some(id) = model.reserved_id else {
        return vec![];
    };
    let Some(Popup::Record(form)) = &mut model.popup else {
        return vec![];
    };
    if let Err(errors) = form.form.finish_lists() {
        form.form.errors = errors;
        return vec![];
    }
    let (step, open) = match &form.subject {
        Subject::Case(original) => match form.build_case(id, today, now, lang) {
            Ok((case, contacts)) => {
                let backward = match original {
                    Some(old) => Change::Put(AnyRecord::Case((**old).clone())),
                    None => Change::Delete(RecordRef::from(case.id)),
                };
                let open = super::card::load(model, case.id);
                let label = format!("{} {}", Msg::StepSavedCase.text(lang), case.name);
                // New contacts of the network first, so the case never names a missing one.
                let mut forward: Vec<Change> = contacts
                    .iter()
                    .map(|c| Change::Put(AnyRecord::Contact(c.clone())))
                    .collect();
                let mut backward = vec![backward];
                backward.extend(
                    contacts
                        .iter()
                        .map(|c| Change::Delete(RecordRef::from(c.id))),
                );
                forward.push(Change::Put(AnyRecord::Case(case)));
                (
                    Step {
                        label,
                        forward,
                        backward,
                    },
                    open,
                )
            }
            Err(errors) => {
                form.form.errors = errors;
                return vec![];
            }
        },
        Subject::Contact(original) => match form.build_contact(id, lang) {
            Ok(contact) => {
                let backward = match original {
                    Some(old) => Change::Put(AnyRecord::Contact((**old).clone())),
                    None => Change::Delete(RecordRef::from(contact.id)),
                };
                let open = Effect::LoadContactCard(contact.id);
                let label = format!("{} {}", Msg::StepSavedContact.text(lang), contact.name);
                (
                    Step {
                        label,
                        forward: vec![Change::Put(AnyRecord::Contact(contact))],
                        backward: vec![backward],
                    },
                    open,
                )
            }
            Err(errors) => {
                form.form.errors = errors;
                return vec![];
            }
        },
    };
    let is_new = matches!(step.backward.first(), Some(Change::Delete(_)));
    if is_new {
        model.reserved_id = None;
    }
    model.popup = None;
    // The pickers list cases and contacts: load them again when next needed.
    model.directory = None;
    model.first_run = false;
    model.screen = Screen::Calendar;
    vec![Effect::Write(step), open]
}
