//! The pure step: an action and the model in, the model changed and effects out. No IO here:
//! the store, the clock and new ids reach `update` only as actions from the app loop.
//!
//! This is the one place that routes: a bound action to the popup or screen that is open, a key
//! no binding took to the open popup's text field, and every loaded result to the feature
//! that owns it. Each match names every case, so a new screen, popup or result that is not
//! routed does not compile, and nothing is dropped by a catch-all arm.

use super::core::action::{Action, Named, WriteKind};
use super::core::clicks::Target;
use super::core::effect::{Effect, Loaded, Question};
use super::core::status::{error, info};
use super::model::{Model, Screen};
use super::popup::Popup;
use super::{
    board, bulk, calendar, citizen, courses, help, lookup, navigation, next_meeting, palette,
    planner, prompt, requests, sheets, suppliers, today,
};
use crate::i18n::Msg;
use crate::model::{ExternalBlock, Meeting};
use calendar::booking::Fetched;
use ratatui::crossterm::event::KeyEvent;

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Run(named) => run(model, named),
        Action::Type(key) => type_key(model, key),
        Action::Tick(now) => tick(model, now),
        Action::Loaded(loaded) => route_loaded(model, loaded),
        Action::Written { kind, result } => written(model, kind, result),
        Action::Id(id) => {
            model.reserved_id = Some(id);
            vec![]
        }
        Action::Backup(progress) => {
            model.backup = progress;
            vec![]
        }
        Action::Click(target) => click(model, target),
    }
}

/// A click on what the last frame drew: a field of the open form gets the focus, a row or a
/// meeting goes to the popup or screen that drew it (the view draws only the top layer's).
fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    if let Target::Field(index) = target {
        match &mut model.popup {
            Some(Popup::Form(editor)) => editor.form.focus_shown(index),
            Some(Popup::RequestForm(form)) => form.form.focus_shown(index),
            Some(Popup::Record(form)) => form.form.focus_shown(index),
            Some(Popup::CourseForm(form)) => form.form.focus_shown(index),
            Some(Popup::CourseDialog(dialog)) => dialog.form.focus_shown(index),
            Some(Popup::NoteForm(form)) => form.form.focus_shown(index),
            Some(Popup::ChaseLog(log)) => log.form.focus_shown(index),
            Some(Popup::ContactLog(log)) => log.form.focus_shown(index),
            Some(Popup::Bulk(dialog)) if dialog.preview.is_none() => dialog.form.focus_shown(index),
            Some(
                Popup::Bulk(_)
                | Popup::Help(_)
                | Popup::Palette(_)
                | Popup::Confirm(_)
                | Popup::Series(_)
                | Popup::Prompt(_)
                | Popup::Month(_)
                | Popup::Finder(_)
                | Popup::Items(_)
                | Popup::Withdraw(_)
                | Popup::Plan(_)
                | Popup::Notes(_),
            )
            | None => {}
        }
        return vec![];
    }
    match &model.popup {
        Some(Popup::Finder(_)) => lookup::finder::click(model, target),
        // Their rows are not clicked (yet); keys do everything there.
        Some(
            Popup::Help(_)
            | Popup::Palette(_)
            | Popup::Confirm(_)
            | Popup::Series(_)
            | Popup::Prompt(_)
            | Popup::Form(_)
            | Popup::Month(_)
            | Popup::ContactLog(_)
            | Popup::Record(_)
            | Popup::Items(_)
            | Popup::CourseForm(_)
            | Popup::CourseDialog(_)
            | Popup::RequestForm(_)
            | Popup::ChaseLog(_)
            | Popup::Withdraw(_)
            | Popup::NoteForm(_)
            | Popup::Notes(_)
            | Popup::Plan(_)
            | Popup::Bulk(_),
        ) => vec![],
        None => match model.screen {
            Screen::Calendar => calendar::click(model, target),
            Screen::Today(_) => today::click(model, target),
            Screen::Board => board::click(model, target),
            Screen::Requests { .. } => requests::list::click(model, target),
            Screen::Suppliers(_) => suppliers::click(model, target),
            // The citizen view draws nothing to click: nothing opens in front of the citizen.
            Screen::Card { .. } | Screen::ContactCard { .. } | Screen::Citizen(_) => vec![],
        },
    }
}

/// The clock moved on. Left open overnight, a screen that showed today follows to the new day,
/// and the counts kept for the week are worked out again.
fn tick(model: &mut Model, now: chrono::NaiveDateTime) -> Vec<Effect> {
    let yesterday = model.now.date();
    model.now = now;
    lookup::contact_log::follow_clock(model);
    requests::chase::follow_clock(model);
    next_meeting::follow_clock(model);
    if now.date() == yesterday {
        return vec![];
    }
    model.workload = None;
    model.summons = None;
    if model.day == yesterday {
        model.day = now.date();
    }
    let mut effects = calendar::load_window(model);
    effects.extend(next_meeting::unless_shown(model));
    if matches!(model.screen, Screen::Today(_)) {
        effects.push(today::load(model));
    }
    effects
}

/// A bound action: first the ones that work everywhere, then the screen switches (only with
/// no popup open, so a half-typed form is never left behind), then the open popup or screen.
fn run(model: &mut Model, named: Named) -> Vec<Effect> {
    // In front of the citizen, only the way back, the blank screen and quitting work.
    if model.popup.is_none() && matches!(model.screen, Screen::Citizen(_)) {
        return citizen::on_key(model, named);
    }
    match named {
        Named::Quit => {
            model.quit = true;
            return vec![];
        }
        Named::ClosePopup => {
            model.popup = model.popup.take().and_then(Popup::closed);
            return vec![];
        }
        Named::Help => return help::open(model),
        Named::OpenPalette => return palette::open(model),
        Named::Search => return lookup::finder::open(model),
        Named::TogglePrivacy => {
            model.privacy = !model.privacy;
            return vec![];
        }
        _ => {}
    }
    if model.popup.is_none()
        && let Some(effects) = navigation::switch(model, named)
    {
        return effects;
    }
    match &model.popup {
        None => match model.screen {
            Screen::Calendar => calendar::on_key(model, named),
            Screen::Card { .. } => lookup::card::on_key(model, named),
            Screen::ContactCard { .. } => lookup::contact_card::on_key(model, named),
            Screen::Suppliers(_) => suppliers::on_key(model, named),
            Screen::Requests { .. } => requests::list::on_key(model, named),
            Screen::Board => board::on_key(model, named),
            Screen::Today(_) => today::on_key(model, named),
            Screen::Citizen(_) => citizen::on_key(model, named),
        },
        Some(Popup::RequestForm(_)) => requests::form_key(model, named),
        Some(Popup::ChaseLog(_)) => requests::chase::on_key(model, named),
        Some(Popup::Withdraw(_)) => requests::chase::withdraw_answer(model, named),
        Some(Popup::Finder(_)) => lookup::finder::on_key(model, named),
        Some(Popup::ContactLog(_)) => lookup::contact_log::on_key(model, named),
        Some(Popup::Record(_)) => lookup::records::on_key(model, named),
        Some(Popup::NoteForm(_)) => lookup::notes::form_key(model, named),
        Some(Popup::Notes(_)) => lookup::notes::on_key(model, named),
        Some(Popup::Items(_)) => lookup::items::on_key(model, named),
        Some(Popup::CourseForm(_) | Popup::CourseDialog(_)) => courses::form_action(model, named),
        Some(Popup::Help(_)) => help::on_key(model, named),
        Some(Popup::Palette(_)) => palette::on_key(model, named),
        Some(Popup::Confirm(_)) => calendar::confirm::on_key(model, named),
        Some(Popup::Series(_)) => calendar::series::on_key(model, named),
        Some(Popup::Prompt(_)) => prompt::on_key(model, named),
        Some(Popup::Form(_)) => calendar::meeting_form::on_key(model, named),
        Some(Popup::Month(_)) => calendar::month_key(model, named),
        Some(Popup::Bulk(_)) => bulk::on_key(model, named),
        Some(Popup::Plan(_)) => planner::on_key(model, named),
    }
}

/// A key no binding took, for the open popup's field.
fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match &mut model.popup {
        Some(Popup::Finder(_)) => lookup::finder::type_key(model, key),
        Some(Popup::ContactLog(_)) => lookup::contact_log::type_key(model, key),
        Some(Popup::RequestForm(_)) => requests::type_key(model, key),
        Some(Popup::ChaseLog(_)) => requests::chase::type_key(model, key),
        Some(Popup::Record(_)) => lookup::records::type_key(model, key),
        Some(Popup::NoteForm(_)) => lookup::notes::form_type(model, key),
        Some(Popup::CourseForm(_) | Popup::CourseDialog(_)) => courses::type_key(model, key),
        Some(Popup::Form(_)) => calendar::meeting_form::type_key(model, key),
        Some(Popup::Prompt(_)) => prompt::type_key(model, key),
        Some(Popup::Palette(_)) => palette::type_key(model, key),
        Some(Popup::Bulk(_)) => bulk::type_key(model, key),
        Some(
            Popup::Help(_)
            | Popup::Confirm(_)
            | Popup::Series(_)
            | Popup::Items(_)
            | Popup::Notes(_)
            | Popup::Withdraw(_)
            | Popup::Plan(_)
            | Popup::Month(_),
        )
        | None => {
            vec![]
        }
    }
}

/// Every loaded result to the feature that owns it, in one step.
fn route_loaded(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Window(window) => calendar::window_loaded(model, window),
        Loaded::Reread(reread) => calendar::meetings_reread(model, *reread),
        Loaded::Directory(directory) => {
            model.directory = Some(directory);
            courses::directory_loaded(model);
            calendar::meeting_form::directory_loaded(model);
            vec![]
        }
        Loaded::Workload(workload) => {
            model.workload = Some(workload);
            vec![]
        }
        Loaded::BoardViewSaved { name, result } => board::view_saved(model, name, result),
        Loaded::Upcoming(day, meetings) => {
            next_meeting::loaded(model, day, meetings);
            vec![]
        }
        Loaded::Summons(summons) => {
            model.summons = Some(summons);
            vec![]
        }
        Loaded::Answer {
            meetings,
            busy,
            question,
        } => answered(model, meetings, busy, question),
        Loaded::SearchIndex(index) => lookup::finder::index_loaded(model, index),
        Loaded::Card(_, card) => lookup::card::loaded(model, card),
        Loaded::ContactCard(_, card) => lookup::contact_card::loaded(model, card),
        Loaded::CaseToEdit(case) => lookup::records::case_loaded(model, case),
        Loaded::ContactToEdit(contact) => lookup::records::contact_loaded(model, contact),
        Loaded::Items(courses, requests) => lookup::items::loaded(model, courses, requests),
        Loaded::RequestForm {
            case,
            requests,
            edit,
        } => requests::form_loaded(model, case, requests, edit),
        Loaded::Requests(rows) => requests::list::loaded(model, rows),
        Loaded::Today(list) => today::loaded(model, *list),
        Loaded::DoneRecord(item, act, record) => today::record_loaded(model, &item, act, record),
        Loaded::Snoozed(result) => today::snoozed(model, result),
        Loaded::Suppliers(rows) => suppliers::loaded(model, rows),
        Loaded::Ids(ids) => suppliers::ids_loaded(model, ids),
        Loaded::Board(rows) => board::loaded(model, rows),
        Loaded::BoardExported(result) => board::exported(model, result),
        Loaded::IcsExported(result) => calendar::ics::exported(model, result),
        Loaded::IcsImport(result) => calendar::ics::import_planned(model, result),
        Loaded::CopiedOut(result) => lookup::notes::copied(model, result),
        Loaded::SheetWritten(result) => sheets::written(model, result),
        Loaded::CitizenView(_, view) => citizen::loaded(model, view),
        Loaded::BulkPreview(preview) => bulk::previewed(model, *preview),
        Loaded::Plan(input, ids) => planner::loaded(model, *input, ids),
    }
}

/// The meetings and busy time a question needed arrived: the feature that asked answers it.
fn answered(
    model: &mut Model,
    meetings: Vec<Meeting>,
    busy: Vec<ExternalBlock>,
    question: Question,
) -> Vec<Effect> {
    use calendar::meeting_form;
    let fetched = Fetched { meetings, busy };
    match question {
        Question::FormDay => meeting_form::day_answered(model, fetched),
        Question::QuickAdd(meeting) => {
            calendar::prompts::quick_add_day(model, &fetched.meetings, *meeting)
        }
        Question::NewMeeting { from, case } => {
            meeting_form::new_meeting(model, fetched, from, case)
        }
        Question::FreeSlot { from, minutes } => {
            meeting_form::free_slot(model, fetched, from, minutes)
        }
        Question::FollowUp {
            template,
            at,
            weeks,
        } => meeting_form::follow_up(model, fetched, *template, at, weeks),
        Question::BookForRequest {
            from,
            case,
            request,
        } => meeting_form::book_for_request(model, fetched, from, case, *request),
        Question::Rebook {
            from,
            case,
            rebooking,
        } => meeting_form::rebook(model, fetched, from, case, *rebooking),
        Question::ThreeParty {
            from,
            case,
            parties,
        } => courses::three_party_form(model, fetched, from, case, parties),
        Question::SupplierVisit(plan) => suppliers::answer_visit(model, fetched, *plan),
    }
}

/// A write finished. Failed: the status line says why and the screen shows what is stored.
/// Saved: the step goes on the undo stack, and what shows the changed records is read again.
fn written(model: &mut Model, kind: WriteKind, result: Result<(), String>) -> Vec<Effect> {
    let lang = model.lang;
    if let Err(message) = result {
        model.status = Some(error(message));
        return calendar::load_window(model);
    }
    let changes = match &kind {
        WriteKind::New(step) => step.forward.clone(),
        WriteKind::Undo => model
            .history
            .next_undo()
            .map(|s| s.backward.clone())
            .unwrap_or_default(),
        WriteKind::Redo => model
            .history
            .next_redo()
            .map(|s| s.forward.clone())
            .unwrap_or_default(),
    };
    if !matches!(kind, WriteKind::New(_)) {
        calendar::show_changed(model, &changes);
    }
    let replan = if matches!(kind, WriteKind::New(_)) {
        vec![]
    } else {
        planner::after_undo(model)
    };
    let mut effects = lookup::card::after_write(model, &changes);
    // The calendar's window brings today's meetings when it shows today.
    effects.extend(next_meeting::after_write(model, &changes));
    let text = match kind {
        WriteKind::New(step) => {
            let text = format!("{}: {}", Msg::Saved.text(lang), step.label);
            model.history.record(step);
            text
        }
        WriteKind::Undo => {
            let label = model
                .history
                .next_undo()
                .map(|s| s.label.clone())
                .unwrap_or_default();
            model.history.undone();
            format!("{}: {label}", Msg::Undone.text(lang))
        }
        WriteKind::Redo => {
            let label = model
                .history
                .next_redo()
                .map(|s| s.label.clone())
                .unwrap_or_default();
            model.history.redone();
            format!("{}: {label}", Msg::Redone.text(lang))
        }
    };
    model.status = Some(info(&text));
    effects.extend(calendar::after_write(model, &changes));
    effects.extend(replan);
    effects
}
