//! The Today screen's keys: move through the list, mark an item done, snooze it to a typed
//! date, log a contact or a chase, book a meeting, open the case, go to the calendar. What
//! "done" means depends on the item (`done_change`); items that are done by meeting the citizen
//! book one, the call and summons before a course ends a three-party meeting. Keys that act on
//! a course or a medical request load it first (`ItemAct`) and then do what the items popup
//! does with it.

use super::calendar::booking::fetch_ahead;
use super::core::action::Named;
use super::core::effect::{Effect, ItemAct, Question};
use super::core::history::Step;
use super::core::status::{error, info};
use super::courses::dialog::DialogKind;
use super::model::{Model, Screen, View};
use super::prompt::{self, PromptKind};
use super::requests::chase::Back;
use crate::domain::due::{DueItem, DueList, DueWhat};
use crate::domain::reminder::{Basis, ReminderKind, Subject};
use crate::i18n::due_words::due_title;
use crate::i18n::{Msg, parse_error};
use crate::model::{Channel, ChaseEntry, Course, Direction, ReportChase};
use crate::store::{AnyRecord, Change};
use crate::time::{format_date, parse_date};
use chrono::{Datelike, Duration, NaiveDate};

/// The effect that loads the Today list as of the model's now.
pub fn load(model: &Model) -> Effect {
    Effect::LoadToday { now: model.now }
}

/// Opens the Today screen (once the list is loaded).
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.day = model.today();
    let mut effects = super::calendar::load_window(model);
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
    let known = model.summons.is_some_and(|s| s.until == sunday);
    (sunday >= model.today() && !known).then(|| Effect::LoadSummons {
        today: model.today(),
        until: sunday,
    })
}

/// The list arrived: show it, the selection kept in place.
pub fn loaded(model: &mut Model, list: Box<DueList>) -> Vec<Effect> {
    let selected = match &model.screen {
        Screen::Today { selected, .. } => (*selected).min(list.len().saturating_sub(1)),
        _ => 0,
    };
    model.screen = Screen::Today { list, selected };
    vec![]
}

/// The snooze was stored (the list is read again without the item), or why not.
pub fn snoozed(model: &mut Model, result: Result<NaiveDate, String>) -> Vec<Effect> {
    match result {
        Ok(day) => {
            model.status = Some(info(&format!(
                "{} {}",
                Msg::SnoozedUntil.text(model.lang),
                format_date(day)
            )));
            vec![load(model)]
        }
        Err(message) => {
            model.status = Some(error(message));
            vec![]
        }
    }
}

/// The item's record arrived: do what the key asked. A record deleted meanwhile leaves nothing
/// to act on; the list is read again without it.
pub fn record_loaded(
    model: &mut Model,
    item: &DueItem,
    act: ItemAct,
    record: Option<Box<AnyRecord>>,
) -> Vec<Effect> {
    match record {
        Some(record) => act_on_record(model, item, act, *record),
        None => vec![load(model)],
    }
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
        return model.undo_redo(named);
    }
    let Some(item) = selected_item(model).cloned() else {
        return vec![];
    };
    match named {
        Named::Submit => vec![super::lookup::card::load(model, item.case)],
        Named::Snooze => prompt::open(model, PromptKind::Snooze, ""),
        Named::LogContact if is_chased(&item) => load_for(model, item, ItemAct::Chase),
        Named::LogContact => {
            super::lookup::contact_log::open(model, item.case, Direction::Out);
            vec![]
        }
        Named::BookMeeting if books_from_record(&item) => load_for(model, item, ItemAct::Book),
        Named::BookMeeting => book(model, &item),
        Named::MarkDone => mark_done(model, item),
        _ => vec![],
    }
}

/// Loads the item's record to `act` on it; the directory first, so the forms and the status
/// line name the case, the supplier and the consultant.
fn load_for(model: &Model, item: DueItem, act: ItemAct) -> Vec<Effect> {
    let mut effects = model.need_directory();
    effects.push(Effect::LoadForDone(Box::new(item), act));
    effects
}

fn reminder_kind(item: &DueItem) -> Option<ReminderKind> {
    match &item.what {
        DueWhat::Reminder { reminder } => Some(reminder.kind),
        _ => None,
    }
}

/// A medical request's chase or a late report: `c` logs a chase of it, not a citizen contact.
fn is_chased(item: &DueItem) -> bool {
    matches!(
        reminder_kind(item),
        Some(
            ReminderKind::MedicalReminder { .. }
                | ReminderKind::MedicalPhoneChase { .. }
                | ReminderKind::MedicalEscalate
                | ReminderKind::ReportLate
                | ReminderKind::ReportChaseEscalate
        )
    )
}

/// Items whose meeting is booked from their record: the three-party meeting before a course
/// ends, and a meeting about received medical information (which marks it acted on).
fn books_from_record(item: &DueItem) -> bool {
    matches!(
        reminder_kind(item),
        Some(
            ReminderKind::CallSupplierBeforeEnd
                | ReminderKind::SummonBeforeEnd
                | ReminderKind::MedicalActOn
        )
    )
}

/// A new-meeting form for the item's case at the first free time from now.
fn book(model: &Model, item: &DueItem) -> Vec<Effect> {
    let from = model.now;
    fetch_ahead(
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
            ReminderKind::CallSupplierBeforeEnd | ReminderKind::SummonBeforeEnd => {
                load_for(model, item, ItemAct::Book)
            }
            ReminderKind::MedicalEscalate | ReminderKind::ReportChaseEscalate => {
                model.status = Some(info(Msg::EscalateIsAdvice.text(model.lang)));
                vec![]
            }
            _ => load_for(model, item, ItemAct::Done),
        },
        DueWhat::Agreement { .. } | DueWhat::Journalise { .. } => {
            load_for(model, item, ItemAct::Done)
        }
    }
}

/// The item's record arrived: do what the key asked.
fn act_on_record(
    model: &mut Model,
    item: &DueItem,
    act: ItemAct,
    record: AnyRecord,
) -> Vec<Effect> {
    let kind = reminder_kind(item);
    match (act, record) {
        (ItemAct::Chase, AnyRecord::MedicalRequest(request)) => {
            super::requests::chase::open(model, request, Back::Screen)
        }
        (ItemAct::Chase, AnyRecord::Course(course)) => match report_index(item, &course) {
            Some(report) => {
                super::courses::open_dialog(model, DialogKind::Chase { report }, course, "")
            }
            None => vec![],
        },
        (ItemAct::Book, AnyRecord::MedicalRequest(request)) => {
            super::requests::book_about(model, request, item.case_name.clone())
        }
        (ItemAct::Book, AnyRecord::Course(course)) => {
            super::courses::book_three_party(model, &course)
        }
        (ItemAct::Done, AnyRecord::Course(course))
            if kind == Some(ReminderKind::FinalReportAfterSummons) =>
        {
            super::courses::ask_interim(model, &course)
        }
        (ItemAct::Done, record) => done(model, item, record),
        _ => vec![],
    }
}

/// The place of the item's report in the course, found by its due day (places move when an
/// interim report is added).
fn report_index(item: &DueItem, course: &Course) -> Option<usize> {
    let DueWhat::Reminder { reminder } = &item.what else {
        return None;
    };
    let Subject::Report { index, .. } = reminder.subject else {
        return None;
    };
    match &reminder.reason.basis {
        Basis::Report { due, .. } => course.reports.iter().position(|r| r.due == *due),
        _ => (index < course.reports.len()).then_some(index),
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

/// The record with the item done: agreement done, note journalised, report read (or received
/// when it is coming up), a late report or a medical request chased (a letter for a written
/// reminder, the phone after), medical information acted on.
pub fn done_change(item: &DueItem, record: &AnyRecord, model: &Model) -> Option<AnyRecord> {
    let today = model.today();
    let now = model.settings.zone.to_utc(model.now);
    let mut record = record.clone();
    let chase = |channel| ChaseEntry {
        at: now,
        channel,
        reached: String::new(),
        note: String::new(),
    };
    match (&item.what, &mut record) {
        (DueWhat::Agreement { .. }, AnyRecord::Agreement(a)) => a.done = Some(today),
        (DueWhat::Journalise { .. }, AnyRecord::Note(n)) => n.journalised = Some(now),
        (DueWhat::Reminder { reminder }, AnyRecord::Course(c)) => {
            let index = report_index(item, c)?;
            let report = c.reports.get_mut(index)?;
            match reminder.kind {
                ReminderKind::ReportUnread => report.read = Some(today),
                ReminderKind::ReportDueSoon => report.received = Some(today),
                ReminderKind::ReportLate => report.chases.push(ReportChase {
                    at: now,
                    channel: Channel::Phone,
                    note: String::new(),
                }),
                _ => return None,
            }
        }
        (DueWhat::Reminder { reminder }, AnyRecord::MedicalRequest(r)) => match reminder.kind {
            ReminderKind::MedicalActOn => r.acted_on = Some(today),
            ReminderKind::MedicalReminder { .. } => r.chases.push(chase(Channel::Letter)),
            ReminderKind::MedicalPhoneChase { .. } => r.chases.push(chase(Channel::Phone)),
            _ => return None,
        },
        _ => return None,
    }
    Some(record)
}

/// The typed day a snoozed item comes back.
pub fn answer_snooze(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let day = parse_date(text, model.today()).map_err(|e| parse_error(&e, model.lang))?;
    // A day not after today would hide nothing: say so and keep the prompt open.
    if day <= model.today() {
        return Err(Msg::SnoozeAfterToday.text(model.lang).to_string());
    }
    let Some(item) = selected_item(model) else {
        return Ok(vec![]);
    };
    Ok(vec![Effect::Snooze {
        key: item.key.clone(),
        until: day,
    }])
}
