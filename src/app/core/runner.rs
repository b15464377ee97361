//! Runs effects against the store and turns each into the action that reports it: the only code
//! of the planner that does IO besides the terminal. The runner owns the configuration, so an
//! effect names what to load (ids, dates) and the runner adds the rules it is loaded with.

use super::action::{Action, WriteKind};
use super::effect::{Effect, Loaded, SheetOf, Summons};
use crate::config::Config;
use crate::context::Context;
use crate::domain::due::DueItem;
use crate::i18n::store_error;
use crate::i18n::{Lang, Msg};
use crate::ics::import::DEFAULT_SOURCE;
use crate::ics::{self, ExportParams, IcsError, ImportParams, Imported, Privacy};
use crate::model::{Agreement, Case, Contact, Course, MedicalRequest, Note};
use crate::paper::Format;
use crate::query::board::BoardParams;
use crate::query::card::{card, contact_card};
use crate::query::names::NameBook;
use crate::query::{
    agenda, board, board_sheet, citizen, directory, plan, requests, sheet, suppliers, today,
    window, workload,
};
use crate::search::SearchIndex;
use crate::store::write_export;
use crate::store::{AnyRecord, Change, Store, StoreError};
use crate::time::Zone;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

/// The effect runner: the configuration the planner was started with, and its zone.
#[derive(Debug, Clone)]
pub struct Runner {
    config: Config,
    zone: Zone,
    lang: Lang,
    /// The planner draws on a terminal that can take OSC 52 clipboard writes.
    clipboard: bool,
    /// The configuration file a saved board view is written to.
    config_path: Option<std::path::PathBuf>,
    /// The names of cases and contacts read so far, kept while the planner runs: each write
    /// tells it what changed.
    names: RefCell<NameBook>,
}

impl Runner {
    pub fn new(config: Config, zone: Zone) -> Runner {
        let lang = config.lang();
        Runner {
            config,
            zone,
            lang,
            clipboard: false,
            config_path: None,
            names: RefCell::default(),
        }
    }

    /// The runner of the planner on a real terminal: copied text goes to the clipboard with
    /// OSC 52, unless stdout is no terminal or `TERM` is unset or `dumb`.
    pub fn on_terminal(mut self) -> Runner {
        use std::io::IsTerminal;
        let term = std::env::var("TERM").unwrap_or_default();
        self.clipboard = std::io::stdout().is_terminal() && !term.is_empty() && term != "dumb";
        self
    }

    /// Copies `text` out: to the clipboard, else into exports/`name` (0600). `Ok(None)` for the
    /// clipboard, the file's path otherwise.
    fn copy_out(
        &self,
        dir: &std::path::Path,
        text: &str,
        name: &str,
    ) -> Result<Option<std::path::PathBuf>, String> {
        if self.clipboard {
            use ratatui::crossterm::{clipboard::CopyToClipboard, execute};
            return execute!(
                std::io::stdout(),
                CopyToClipboard::to_clipboard_from(text.as_bytes())
            )
            .map(|()| None)
            .map_err(|e| e.to_string());
        }
        write_export(dir, name, text.as_bytes())
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// The runner of the planner started from `ctx`.
    pub fn from_context(ctx: &Context) -> Runner {
        Runner {
            config_path: ctx.config_path.clone(),
            ..Runner::new(ctx.config.clone(), ctx.zone)
        }
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
        let loaded =
            match effect {
                Effect::LoadWindow { from, to } => Loaded::Window(window::window(
                    store,
                    &mut self.names.borrow_mut(),
                    from,
                    to,
                )?),
                Effect::RereadMeetings { from, to, ids } => Loaded::Reread(Box::new(
                    window::reread(store, &mut self.names.borrow_mut(), from, to, &ids)?,
                )),
                Effect::LoadDirectory => Loaded::Directory(directory::directory(store)?),
                Effect::LoadSearchIndex { today } => {
                    Loaded::SearchIndex(Rc::new(SearchIndex::build(store, today, self.lang)?))
                }
                Effect::LoadCard { case, now } => {
                    let card = card(store, case, config, zone, now)?;
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
                    busy: window::external(store, from, to)?,
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
                        result: self.write(store, &step.forward),
                        kind: WriteKind::New(step),
                    });
                }
                Effect::Undo(step) => {
                    return Ok(Action::Written {
                        result: self.write(store, &step.backward),
                        kind: WriteKind::Undo,
                    });
                }
                Effect::Redo(step) => {
                    return Ok(Action::Written {
                        result: self.write(store, &step.forward),
                        kind: WriteKind::Redo,
                    });
                }
                Effect::LoadBoard { now } => {
                    Loaded::Board(board::board(store, &self.board_params(now))?)
                }
                Effect::ExportBoard { markdown, today } => Loaded::BoardExported(
                    board_sheet::write_sheet(store.dir(), today, &markdown)
                        .map_err(|e| e.to_string()),
                ),
                Effect::LoadPlan { monday, now } => {
                    let input = plan::plan_input(store, config, monday, now)?;
                    let ids = (0..input.needs.len())
                        .map(|_| store.next_id())
                        .collect::<Result<_, _>>()?;
                    Loaded::Plan(Box::new(input), ids)
                }
                Effect::LoadWorkload { now } => {
                    Loaded::Workload(workload::load(store, now, &config.hours())?)
                }
                Effect::SaveBoardView { name, view } => {
                    let result = match &self.config_path {
                        Some(path) => crate::config::save_board_view(path, &name, &view)
                            .map(|config| config.board.views.into_iter().collect())
                            .map_err(|e| e.to_string()),
                        None => Err(crate::i18n::Msg::BoardViewNoConfigFile
                            .text(self.lang)
                            .to_owned()),
                    };
                    Loaded::BoardViewSaved { name, result }
                }
                Effect::LoadUpcoming { day } => Loaded::Upcoming(
                    day,
                    agenda::upcoming(store, &mut self.names.borrow_mut(), day)?,
                ),
                Effect::ExportIcs { now, today } => {
                    Loaded::IcsExported(self.export_ics(store, now, today))
                }
                Effect::PlanIcsImport { path, today } => {
                    Loaded::IcsImport(self.plan_ics_import(store, &path, today).map(Box::new))
                }
                Effect::PlanBulk { request, now } => Loaded::BulkPreview(Box::new(
                    crate::query::bulk::preview(store, &request, now)?,
                )),
                Effect::CopyOut { text, name } => {
                    Loaded::CopiedOut(self.copy_out(store.dir(), &text, &name))
                }
                Effect::WriteSheet { sheet, now } => {
                    Loaded::SheetWritten(self.write_sheet(store, sheet, now))
                }
                Effect::LoadCitizenView { case, now } => Loaded::CitizenView(
                    case,
                    citizen::citizen_view(store, case, now)?.map(Box::new),
                ),
            };
        Ok(Action::Loaded(loaded))
    }
}

impl Runner {
    /// Writes `changes` (flushed before this returns), and keeps the names read so far as
    /// written.
    fn write(&self, store: &Store, changes: &[Change]) -> Result<(), String> {
        store
            .write(changes)
            .map_err(|e| store_error(&e, self.lang))?;
        self.names.borrow_mut().note(changes);
        Ok(())
    }

    /// A sheet as PDF in the exports (0600, synced to disk before this returns): where it
    /// went, or why it could not be written.
    fn write_sheet(
        &self,
        store: &Store,
        sheet: SheetOf,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, String> {
        let today = self.zone.local(now).date();
        let (paper, name) = match sheet {
            SheetOf::Day(date) => (
                sheet::day_sheet(store, date, self.lang).map_err(|e| e.to_string())?,
                sheet::day_file(date),
            ),
            SheetOf::Case(case) => (
                sheet::case_sheet(store, case, &self.config, &self.zone, now, self.lang)
                    .map_err(|e| store_error(&e, self.lang))?
                    .ok_or_else(|| Msg::CaseNotFound.text(self.lang).to_string())?,
                sheet::case_file(case, today),
            ),
        };
        let bytes = paper.render(Format::Pdf).map_err(|e| e.to_string())?;
        let name = format!("{name}.{}", Format::Pdf.extension());
        write_export(store.dir(), &name, &bytes).map_err(|e| e.to_string())
    }

    /// Every meeting as an .ics calendar in the exports, at the default privacy (initials and
    /// case reference): where it went and how many events it holds.
    fn export_ics(
        &self,
        store: &Store,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(PathBuf, usize), String> {
        let params = ExportParams {
            zone: self.zone,
            lang: self.lang,
            privacy: Privacy::default(),
            from: None,
            to: None,
            stamp: now,
        };
        let text = ics::export(store, &params).map_err(|e| e.to_string())?;
        let name = format!("caseplan-{}.ics", today.format("%Y-%m-%d"));
        let path = write_export(store.dir(), &name, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok((path, text.matches("BEGIN:VEVENT").count()))
    }

    /// The file at `path` (a leading `~` is the home directory; quotes a terminal adds around
    /// a dropped file are taken off) read and planned as an import of the default source.
    fn plan_ics_import(
        &self,
        store: &Store,
        path: &str,
        today: NaiveDate,
    ) -> Result<Imported, String> {
        let path = typed_path(path);
        let bytes = std::fs::read(&path).map_err(|source| {
            IcsError::Read {
                path: path.clone(),
                source,
            }
            .to_string()
        })?;
        let params = ImportParams {
            source: DEFAULT_SOURCE,
            zone: self.zone,
            today,
        };
        ics::plan_import(store, &bytes, params).map_err(|e| e.to_string())
    }
}

/// A path as typed or dropped into the prompt.
fn typed_path(text: &str) -> PathBuf {
    let text = text.trim();
    let text = ['\'', '"']
        .iter()
        .find_map(|q| text.strip_prefix(*q).and_then(|t| t.strip_suffix(*q)))
        .unwrap_or(text);
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
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
        DueWhat::Rebook { rebooking, .. } => store
            .get::<crate::model::Rebooking>(*rebooking)?
            .map(AnyRecord::Rebooking),
        DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => None,
    })
}
