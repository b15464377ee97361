//! Runs effects against the store and hands the results back to `update`: the only code of the
//! planner that does IO besides the terminal.

use super::action::{Action, WriteKind};
use super::effect::{Effect, Loaded};
use super::model::{CaseEntry, ContactEntry, Directory, Model, Summons, Window};
use super::update::update;
use crate::model::{Case, CaseId, Contact, ContactId, Course, MedicalRequest, Meeting};
use crate::query::card::{card, contact_card};
use crate::search::SearchIndex;
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

/// Runs `effects` and everything they lead to, then makes sure a fresh id is reserved.
pub fn apply(store: &Store, model: &mut Model, effects: Vec<Effect>) -> Result<(), StoreError> {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let action = run(store, effect)?;
        queue.extend(update(model, action));
    }
    if model.reserved_id.is_none() {
        let id = store.next_id()?;
        update(model, Action::Id(id));
    }
    Ok(())
}

fn run(store: &Store, effect: Effect) -> Result<Action, StoreError> {
    Ok(match effect {
        Effect::LoadWindow { from, to } => Action::Loaded(Loaded::Window(window(store, from, to)?)),
        Effect::LoadDirectory => Action::Loaded(Loaded::Directory(directory(store)?)),
        Effect::LoadSearchIndex { today, lang } => Action::Loaded(Loaded::SearchIndex(Rc::new(
            SearchIndex::build(store, today, lang)?,
        ))),
        Effect::LoadCard {
            case,
            zone,
            now,
            medical,
            courses,
            cadence,
        } => Action::Loaded(Loaded::Card(
            case,
            card(store, case, &zone, now, &medical, &courses, &cadence)?.map(Box::new),
        )),
        Effect::EditCase(id) => {
            Action::Loaded(Loaded::CaseToEdit(store.get::<Case>(id)?.map(Box::new)))
        }
        Effect::LoadItems(case) => Action::Loaded(Loaded::Items(
            store.for_case::<Course>(case)?,
            store.for_case::<MedicalRequest>(case)?,
        )),
        Effect::EditContact(id) => {
            let contact = match id {
                Some(id) => store.get::<Contact>(id)?.map(Box::new),
                None => None,
            };
            Action::Loaded(Loaded::ContactToEdit(contact))
        }
        Effect::LoadContactCard(contact) => Action::Loaded(Loaded::ContactCard(
            contact,
            contact_card(store, contact)?.map(Box::new),
        )),
        Effect::Fetch { from, to, then } => Action::Loaded(Loaded::Answer {
            meetings: meetings(store, from, to)?,
            question: then,
        }),
        Effect::LoadSuppliers { today, courses } => Action::Loaded(Loaded::Suppliers(
            crate::query::suppliers::overview(store, today, &courses)?,
        )),
        Effect::ReserveIds(count) => Action::Loaded(Loaded::Ids(
            (0..count)
                .map(|_| store.next_id())
                .collect::<Result<_, _>>()?,
        )),
        Effect::LoadRequestForm { case, edit } => Action::Loaded(Loaded::RequestForm {
            case,
            requests: store.for_case::<MedicalRequest>(case)?,
            edit,
        }),
        Effect::LoadRequests { today, medical } => Action::Loaded(Loaded::Requests(
            crate::query::requests::pending_requests(store, today, &medical)?,
        )),
        Effect::LoadToday { now, zone, config } => Action::Loaded(Loaded::Today(Box::new(
            crate::query::today::today_screen_list(store, &config, &zone, now)?,
        ))),
        Effect::LoadSummons {
            today,
            until,
            config,
        } => Action::Loaded(Loaded::Summons(Summons {
            until,
            count: crate::query::today::summons_needed(store, &config, today, until)?,
        })),
        Effect::LoadForDone(item, act) => {
            let record = done_record(store, &item)?;
            Action::Loaded(Loaded::DoneRecord(item, act, record.map(Box::new)))
        }
        Effect::Snooze { key, until } => Action::Loaded(Loaded::Snoozed(
            store
                .snooze(&key, until)
                .map(|()| until)
                .map_err(|e| e.to_string()),
        )),
        // A failed write is reported on the status line; nothing is recorded for undo.
        Effect::Write(step) => Action::Written {
            result: store.write(&step.forward).map_err(|e| e.to_string()),
            kind: WriteKind::New(step),
        },
        Effect::Undo(step) => Action::Written {
            result: store.write(&step.backward).map_err(|e| e.to_string()),
            kind: WriteKind::Undo,
        },
        Effect::Redo(step) => Action::Written {
            result: store.write(&step.forward).map_err(|e| e.to_string()),
            kind: WriteKind::Redo,
        },
        Effect::LoadBoard(params) => {
            Action::Loaded(Loaded::Board(crate::query::board::board(store, &params)?))
        }
        Effect::ExportBoard { markdown, today } => Action::Loaded(Loaded::BoardExported(
            super::board::write_sheet(store.dir(), today, &markdown).map_err(|e| e.to_string()),
        )),
        Effect::LoadWorkload { now, hours } => Action::Loaded(Loaded::Workload(
            crate::query::workload::load(store, now, &hours)?,
        )),
    })
}

fn meetings(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<Meeting>, StoreError> {
    store.meetings_between(
        from.and_time(NaiveTime::MIN),
        (to + Duration::days(1)).and_time(NaiveTime::MIN),
    )
}

/// The meetings of the days shown and the names of their cases and parties.
pub fn window(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Window, StoreError> {
    let meetings = meetings(store, from, to)?;
    let mut case_names = HashMap::new();
    let mut contact_names = HashMap::new();
    for m in &meetings {
        if let Some(id) = m.case
            && !case_names.contains_key(&id)
            && let Some(case) = store.get::<Case>(CaseId(id.0))?
        {
            case_names.insert(id, case.name);
        }
        for id in m.participants.iter().filter_map(|p| p.contact) {
            if !contact_names.contains_key(&id)
                && let Some(contact) = store.get::<Contact>(ContactId(id.0))?
            {
                contact_names.insert(id, contact.name);
            }
        }
    }
    Ok(Window {
        from,
        to,
        meetings,
        case_names,
        contact_names,
    })
}

/// Every active case and every contact, for pickers.
pub fn directory(store: &Store) -> Result<Directory, StoreError> {
    let contacts = store.all::<Contact>()?;
    let names: HashMap<ContactId, String> =
        contacts.iter().map(|c| (c.id, c.name.clone())).collect();
    let mut cases: Vec<CaseEntry> = store
        .all::<Case>()?
        .into_iter()
        .filter(Case::is_active)
        .map(|c| CaseEntry {
            id: c.id,
            name: c.name,
            alias: c.alias,
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    let contacts = contacts
        .into_iter()
        .map(|c| ContactEntry {
            id: c.id,
            organisation: c
                .organisation
                .and_then(|o| names.get(&o).cloned())
                .unwrap_or_default(),
            name: c.name,
            kind: c.kind,
        })
        .collect();
    Ok(Directory { cases, contacts })
}

/// The record a Today item is about.
fn done_record(
    store: &Store,
    item: &crate::domain::due::DueItem,
) -> Result<Option<crate::store::AnyRecord>, StoreError> {
    use crate::domain::due::DueWhat;
    use crate::domain::reminder::Subject;
    use crate::model::{Agreement, Note};
    use crate::store::AnyRecord;
    Ok(match &item.what {
        DueWhat::Agreement { agreement, .. } => store
            .get::<Agreement>(*agreement)?
            .map(AnyRecord::Agreement),
        DueWhat::Journalise { note, .. } => store.get::<Note>(*note)?.map(AnyRecord::Note),
        DueWhat::Reminder { reminder } => match reminder.subject {
            Subject::Report { course, .. } | Subject::Course { course, .. } => {
                store.get::<Course>(course)?.map(AnyRecord::Course)
            }
            Subject::Request { request, .. } => store
                .get::<MedicalRequest>(request)?
                .map(AnyRecord::MedicalRequest),
            Subject::Case { .. } => None,
        },
        DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => None,
    })
}
