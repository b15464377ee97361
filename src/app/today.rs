//! The Today screen's keys: move through the list, mark an item done, snooze it to a typed
//! date, log a contact, book a meeting, open the case, go to the calendar. What "done" means
//! depends on the item (`done_change`); items that are done by meeting the citizen book one.

use super::action::Named;
use super::effect::{Effect, Loaded, Question};
use super::history::Step;
use super::model::{Model, Screen, Status, Tone, View};
use super::popup::{CHANNELS, ContactLog, ContactLogField, Popup, PromptKind, line_input};
use crate::domain::due::{DueItem, DueList, DueWhat};
use crate::domain::reminder::{ReminderKind, Subject};
use crate::i18n::due_words::due_title;
use crate::i18n::{Msg, parse_error};
use crate::model::{Channel, ChaseEntry, Direction};
use crate::store::{AnyRecord, Change};
use crate::time::{format_date, parse_date};
use chrono::{Datelike, Duration};

/// The effect that loads the Today list as of the model's today.
pub fn load(model: &Model) -> Effect {
    Effect::LoadToday {
        today: model.today(),
        zone: model.settings.zone,
        config: model.settings.config.clone(),
    }
}

/// Opens the Today screen (once the list is loaded).
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.day = model.today();
    let mut effects = super::update::load_window(model);
    effects.push(load(model));
    effects
}

/// The count of citizens to summon for the week view's header, for a week not yet over.
pub fn load_summons(model: &Model) -> Option<Effect> {
    if model.view != View::Week || !matches!(model.screen, Screen::Calendar) {
        return None;
    }
    let monday = model.day - Duration::days(i64::from(model.day.weekday().num_days_from_monday()));
    let sunday = monday + Duration::days(6);
    (sunday >= model.today()).then(|| Effect::LoadSummons {
        today: model.today(),
        until: sunday,
        zone: model.settings.zone,
        config: model.settings.config.clone(),
    })
}

/// What the app loop loaded for the Today screen.
pub fn loaded(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Today(list) => {
            let selected = match &model.screen {
                Screen::Today { selected, .. } => (*selected).min(list.len().saturating_sub(1)),
                _ => 0,
            };
            model.screen = Screen::Today { list, selected };
        }
        Loaded::Summons(n) => model.summons = Some(n),
        Loaded::Snoozed(Ok(day)) => {
            model.status = Some(Status {
                tone: Tone::Info,
                text: format!(
                    "{} {}",
                    Msg::SnoozedUntil.text(model.lang),
                    format_date(day)
                ),
            });
            return vec![load(model)];
        }
        Loaded::Snoozed(Err(message)) => {
            model.status = Some(Status {
                tone: Tone::Error,
                text: message,
            });
        }
        Loaded::DoneRecord(item, Some(record)) => return done(model, &item, *record),
        _ => {}
    }
    vec![]
}

fn list_and_selected(model: &Model) -> Option<(&DueList, usize)> {
    match &model.screen {
        Screen::Today { list, selected } => Some((list, *selected)),
        _ => None,
    }
}

/// The selected item.
pub fn selected_item(model: &Model) -> Option<&DueItem> {
    let (list, selected) = list_and_selected(model)?;
    list.get(selected)
}

/// Keys of the Today screen.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    if let Screen::Today { list, selected } = &mut model.screen {
        let last = list.len().saturating_sub(1);
        match named {
            Named::SelectNext => {
                *selected = (*selected + 1).min(last);
                return vec![];
            }
            Named::SelectPrev => {
                *selected = selected.saturating_sub(1);
                return vec![];
            }
            _ => {}
        }
    }
    if matches!(named, Named::Undo | Named::Redo) {
        return super::update::undo_redo(model, named);
    }
    let Some(item) = selected_item(model).cloned() else {
        return vec![];
    };
    match named {
        Named::Submit => vec![super::lookup::load_card(model, item.case)],
        Named::Snooze => super::prompts::open_prompt(model, PromptKind::Snooze, ""),
        Named::LogContact => {
            model.popup = Some(Popup::ContactLog(ContactLog {
                case: item.case,
                focus: ContactLogField::Channel,
                channel: CHANNELS[0],
                direction: Direction::Out,
                reached: true,
                call_back: false,
                note: line_input(""),
                error: None,
            }));
            vec![]
        }
        Named::BookMeeting => book(model, &item),
        Named::MarkDone => mark_done(model, item),
        _ => vec![],
    }
}

/// A new-meeting form for the item's case at the first free time from now.
fn book(model: &Model, item: &DueItem) -> Vec<Effect> {
    let from = model.now;
    super::update::fetch_ahead(
        model,
        from,
        Question::NewMeeting {
            from,
            case: Some((item.case, item.case_name.clone())),
        },
    )
}

/// Done: items met by a meeting book one; suggestions only say so; the rest load their
/// record to change it.
fn mark_done(model: &mut Model, item: DueItem) -> Vec<Effect> {
    match &item.what {
        DueWhat::Cadence { .. } | DueWhat::NoContact { .. } => book(model, &item),
        DueWhat::Reminder { reminder } => match reminder.kind {
            ReminderKind::CallSupplierBeforeEnd
            | ReminderKind::SummonBeforeEnd
            | ReminderKind::FinalReportAfterSummons => book(model, &item),
            ReminderKind::MedicalEscalate | ReminderKind::ReportChaseEscalate => {
                model.status = Some(Status {
                    tone: Tone::Info,
                    text: Msg::EscalateIsAdvice.text(model.lang).into(),
                });
                vec![]
            }
            _ => vec![Effect::LoadForDone(Box::new(item))],
        },
        DueWhat::Agreement { .. } | DueWhat::Journalise { .. } => {
            vec![Effect::LoadForDone(Box::new(item))]
        }
    }
}

/// Writes the change that makes `item` done, with the record as it was for undo.
fn done(model: &mut Model, item: &DueItem, record: AnyRecord) -> Vec<Effect> {
    let Some(changed) = done_change(item, &record, model) else {
        return vec![];
    };
    let label = format!(
        "{} {} ({})",
        Msg::DoneMarked.text(model.lang),
        due_title(item, model.lang),
        item.case_name
    );
    vec![Effect::Write(Step {
        label,
        forward: vec![Change::Put(changed)],
        backward: vec![Change::Put(record)],
    })]
}

/// The record with the item done: agreement done, note journalised, report read (or received,
/// when it is late), a chase logged, medical information acted on.
pub fn done_change(item: &DueItem, record: &AnyRecord, model: &Model) -> Option<AnyRecord> {
    let today = model.today();
    let now = model.settings.zone.to_utc(model.now);
    let mut record = record.clone();
    match (&item.what, &mut record) {
        (DueWhat::Agreement { .. }, AnyRecord::Agreement(a)) => a.done = Some(today),
        (DueWhat::Journalise { .. }, AnyRecord::Note(n)) => n.journalised = Some(now),
        (DueWhat::Reminder { reminder }, AnyRecord::Course(c)) => {
            let Subject::Report { index, .. } = reminder.subject else {
                return None;
            };
            let report = c.reports.get_mut(index)?;
            match reminder.kind {
                ReminderKind::ReportUnread => report.read = Some(today),
                ReminderKind::ReportDueSoon | ReminderKind::ReportLate => {
                    report.received = Some(today)
                }
                _ => return None,
            }
        }
        (DueWhat::Reminder { reminder }, AnyRecord::MedicalRequest(r)) => match reminder.kind {
            ReminderKind::MedicalActOn => r.acted_on = Some(today),
            ReminderKind::MedicalReminder { .. } => r.chases.push(ChaseEntry {
                at: now,
                channel: Channel::Mail,
                reached: String::new(),
                note: String::new(),
            }),
            ReminderKind::MedicalPhoneChase { .. } => r.chases.push(ChaseEntry {
                at: now,
                channel: Channel::Phone,
                reached: String::new(),
                note: String::new(),
            }),
            _ => return None,
        },
        _ => return None,
    }
    Some(record)
}

/// The typed day a snoozed item comes back.
pub fn answer_snooze(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let day = parse_date(text, model.today()).map_err(|e| parse_error(&e, model.lang))?;
    let Some(item) = selected_item(model) else {
        return Ok(vec![]);
    };
    Ok(vec![Effect::Snooze {
        key: item.key.clone(),
        until: day,
    }])
}
