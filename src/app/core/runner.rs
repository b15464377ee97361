//! Runs effects against the store and turns each into the action that reports it: the only code
//! of the planner that does IO besides the terminal. The runner owns the configuration, so an
//! effect names what to load (ids, dates) and the runner adds the rules it is loaded with.

use super::action::{Action, WriteKind};
use super::effect::{Effect, Loaded, Summons};
use crate::config::Config;
use crate::context::Context;
use crate::domain::due::DueItem;
use crate::i18n::Lang;
use crate::i18n::store_error;
use crate::model::{Agreement, Case, Contact, Course, MedicalRequest, Note};
use crate::query::board::BoardParams;
use crate::query::card::{card, contact_card};
use crate::query::{board, board_sheet, directory, requests, suppliers, today, window, workload};
use crate::search::SearchIndex;
use crate::store::{AnyRecord, Store, StoreError};
use crate::time::Zone;
use chrono::NaiveDateTime;
use std::rc::Rc;

/// The effect runner: the configuration the planner was started with, and its zone.
#[derive(Debug, Clone)]
pub struct Runner {
    config: Config,
    zone: Zone,
    lang: Lang,
}

impl Runner {
    pub fn new(config: Config, zone: Zone) -> Runner {
        let lang = config.lang();
        Runner { config, zone, lang }
    }

    /// The runner of the planner started from `ctx`.
    pub fn from_context(ctx: &Context) -> Runner {
        Runner::new(ctx.config.clone(), ctx.zone)
    }

    /// The configuration the planner was started with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What the caseload board is computed from, as of `now` (local time).
    pub fn board_params(&self, now: NaiveDateTime) -> BoardParams {
        let config = &self.config;
        BoardParams {
            now,
            zone: self.zone,
            lang: self.lang,
            medical: config.medical.clone(),
            cadence: config.cadence.clone(),
            group_labels: config
                .cadence
                .iter()
                .map(|rule| {
                    let label = config.target_group_label(&rule.key, self.lang);
                    (rule.key.clone(), label.into_owned())
                })
                .collect(),
        }
    }

    /// Runs one effect; a store error ends the planner (the terminal is restored first).
    pub fn run(&self, store: &Store, effect: Effect) -> Result<Action, StoreError> {
        let config = &self.config;
        let zone = &self.zone;
        let loaded = match effect {
            Effect::LoadWindow { from, to } => Loaded::Window(window::window(store, from, to)?),
            Effect::LoadDirectory => Loaded::Directory(directory::directory(store)?),
            Effect::LoadSearchIndex { today } => {
                Loaded::SearchIndex(Rc::new(SearchIndex::build(store, today, self.lang)?))
            }
            Effect::LoadCard { case, now } => {
                let card = card(
                    store,
                    case,
                    zone,
                    now,
                    &config.medical,
                    &config.courses,
                    &config.cadence,
                )?;
                Loaded::Card(case, card.map(Box::new))
            }
            Effect::EditCase(id) => Loaded::CaseToEdit(store.get::<Case>(id)?.map(Box::new)),
            Effect::LoadItems(case) => Loaded::Items(
                store.for_case::<Course>(case)?,
                store.for_case::<MedicalRequest>(case)?,
            ),
            Effect::EditContact(id) => {
                let contact = match id {
                    Some(id) => store.get::<Contact>(id)?.map(Box::new),
                    None => None,
                };
                Loaded::ContactToEdit(contact)
            }
            Effect::LoadContactCard(contact) => {
                Loaded::ContactCard(contact, contact_card(store, contact)?.map(Box::new))
            }
            Effect::Fetch { from, to, then } => Loaded::Answer {
                meetings: window::meetings(store, from, to)?,
                question: then,
            },
            Effect::LoadSuppliers { today } => {
                Loaded::Suppliers(suppliers::overview(store, today, &config.courses)?)
            }
            Effect::ReserveIds(count) => Loaded::Ids(
                (0..count)
                    .map(|_| store.next_id())
                    .collect::<Result<_, _>>()?,
            ),
            Effect::LoadRequestForm { case, edit } => Loaded::RequestForm {
                case,
                requests: store.for_case::<MedicalRequest>(case)?,
                edit,
            },
            Effect::LoadRequests { today } => {
                Loaded::Requests(requests::pending_requests(store, today, &config.medical)?)
            }
            Effect::LoadToday { now } => Loaded::Today(Box::new(today::today_screen_list(
                store, config, zone, now,
            )?)),
            Effect::LoadSummons { today, until } => Loaded::Summons(Summons {
                until,
                count: today::summons_needed(store, config, today, until)?,
            }),
            Effect::LoadForDone(item, act) => {
                let record = done_record(store, &item)?;
                Loaded::DoneRecord(item, act, record.map(Box::new))
            }
            Effect::Snooze { key, until } => Loaded::Snoozed(
                store
                    .snooze(&key, until)
                    .map(|()| until)
                    .map_err(|e| store_error(&e, self.lang)),
            ),
            // A failed write is reported on the status line; nothing is recorded for undo.
            Effect::Write(step) => {
                return Ok(Action::Written {
                    result: store
                        .write(&step.forward)
                        .map_err(|e| store_error(&e, self.lang)),
                    kind: WriteKind::New(step),
                });
            }
            Effect::Undo(step) => {
                return Ok(Action::Written {
                    result: store
                        .write(&step.backward)
                        .map_err(|e| store_error(&e, self.lang)),
                    kind: WriteKind::Undo,
                });
            }
            Effect::Redo(step) => {
                return Ok(Action::Written {
                    result: store
                        .write(&step.forward)
                        .map_err(|e| store_error(&e, self.lang)),
                    kind: WriteKind::Redo,
                });
            }
            Effect::LoadBoard { now } => {
                Loaded::Board(board::board(store, &self.board_params(now))?)
            }
            Effect::ExportBoard { markdown, today } => Loaded::BoardExported(
                board_sheet::write_sheet(store.dir(), today, &markdown).map_err(|e| e.to_string()),
            ),
            Effect::LoadWorkload { now } => Loaded::Workload(workload::load(
                store,
                now,
                &config.working_hours.to_domain(),
            )?),
        };
        Ok(Action::Loaded(loaded))
    }
}

/// The record a Today item is about.
fn done_record(store: &Store, item: &DueItem) -> Result<Option<AnyRecord>, StoreError> {
    use crate::domain::due::{CallBackSource, DueWhat};
    use crate::domain::reminder::Subject;
    use crate::model::{ContactEvent, Meeting};
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
        DueWhat::CallBack { source, .. } => match source {
            CallBackSource::Event(id) => store.get::<ContactEvent>(*id)?.map(AnyRecord::Event),
            CallBackSource::Meeting(id) => store.get::<Meeting>(*id)?.map(AnyRecord::Meeting),
        },
        DueWhat::Outcome { meeting, .. } => store.get::<Meeting>(*meeting)?.map(AnyRecord::Meeting),
        DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => None,
    })
}
