//! What the app loop hands back to `update`: loaded windows and records, the answers to
//! questions that needed meetings beyond the window, and the outcome of writes.

use super::action::WriteKind;
use super::effect::{Effect, Loaded, Question};
use super::form::MeetingEditor;
use super::model::{Model, Status, Tone};
use super::popup::{Popup, line_input};
use super::update::*;
use super::{lookup, records};
use crate::domain::agenda::occurrences;
use crate::domain::conflicts::{Warning, warnings};
use crate::domain::slots::{Need, nearest_free, next_free};
use crate::i18n::Msg;
use crate::model::{Meeting, MeetingId, MeetingStatus, purpose};
use chrono::Duration;

pub(super) fn loaded_data(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::Window(window) => {
            model.window = window;
            reselect(model);
            vec![]
        }
        Loaded::Directory(directory) => {
            model.directory = Some(directory);
            super::courses::directory_loaded(model);
            vec![]
        }
        Loaded::Answer { meetings, question } => answered(model, meetings, question),
        Loaded::Suppliers(rows) => super::suppliers::loaded(model, rows),
        Loaded::Ids(ids) => super::suppliers::ids_loaded(model, ids),
        loaded @ (Loaded::Board(_) | Loaded::BoardExported(_)) => {
            super::board::loaded(model, loaded)
        }
        Loaded::Workload(workload) => {
            model.workload = Some(workload);
            vec![]
        }
        loaded @ (Loaded::Today(_)
        | Loaded::Summons(_)
        | Loaded::Snoozed(_)
        | Loaded::DoneRecord(..)) => super::today::loaded(model, loaded),
        loaded @ (Loaded::CaseToEdit(_) | Loaded::ContactToEdit(_)) => {
            records::loaded(model, loaded)
        }
        Loaded::RequestForm {
            case,
            requests,
            edit,
        } => super::requests::form_loaded(model, case, requests, edit),
        loaded @ Loaded::Requests(_) => super::requests::loaded(model, loaded),
        other => lookup::loaded(model, other),
    }
}

fn answered(model: &mut Model, meetings: Vec<Meeting>, question: Question) -> Vec<Effect> {
    let lang = model.lang;
    let need = |minutes: u32| Need {
        minutes,
        prep_minutes: model.settings.prep_minutes,
        follow_up_minutes: model.settings.follow_up_minutes,
    };
    match question {
        Question::SupplierVisit(plan) => super::suppliers::answer_visit(model, meetings, *plan),
        Question::FormDay => {
            if let Some(Popup::Form(editor)) = &mut model.popup {
                editor.day_loaded = meetings
                    .first()
                    .map(|m| m.start.date())
                    .or(editor.day_loaded);
                if let Some(start) = editor.start_time(model.now.date()) {
                    editor.day_loaded = Some(start.date());
                }
                editor.day = meetings;
            }
            vec![]
        }
        Question::NewMeeting { from, case } => {
            let booked = occurrences(
                &meetings,
                from.date(),
                from.date() + Duration::days(i64::from(SEARCH_DAYS)),
            );
            let start = next_free(
                from,
                need(model.settings.default_minutes),
                &booked,
                &model.settings.hours,
                SEARCH_DAYS,
            )
            .unwrap_or_else(|| from.date().and_time(model.settings.hours.start));
            let mut editor = MeetingEditor::new(&model.settings, start, case);
            editor.day = meetings
                .into_iter()
                .filter(|m| m.start.date() == start.date())
                .collect();
            editor.day_loaded = Some(start.date());
            model.popup = Some(Popup::Form(Box::new(editor)));
            vec![]
        }
        Question::ThreeParty {
            from,
            case,
            parties,
        } => super::courses::three_party_form(model, meetings, from, case, parties),
        Question::BookForRequest {
            from,
            case,
            request,
        } => {
            let question = Question::NewMeeting {
                from,
                case: Some(case),
            };
            let effects = answered(model, meetings, question);
            if let Some(Popup::Form(editor)) = &mut model.popup {
                editor.acts_on = Some(*request);
            }
            effects
        }
        Question::FreeSlot { from, minutes } => {
            let booked = occurrences(
                &meetings,
                from.date(),
                from.date() + Duration::days(i64::from(SEARCH_DAYS)),
            );
            match next_free(
                from,
                need(minutes),
                &booked,
                &model.settings.hours,
                SEARCH_DAYS,
            ) {
                Some(start) => {
                    let mut editor = MeetingEditor::new(&model.settings, start, None);
                    editor.duration = line_input(&crate::time::format_duration(minutes));
                    editor.day = meetings
                        .into_iter()
                        .filter(|m| m.start.date() == start.date())
                        .collect();
                    editor.day_loaded = Some(start.date());
                    model.status = Some(info(&format!(
                        "{} {}",
                        Msg::NextFreeSlot.text(lang),
                        when_label(model, start)
                    )));
                    model.popup = Some(Popup::Form(Box::new(editor)));
                }
                None => model.status = Some(warn(Msg::NoFreeSlot.text(lang))),
            }
            vec![]
        }
        Question::FollowUp {
            template,
            at,
            weeks,
        } => {
            let Some(id) = model.reserved_id.take() else {
                return vec![];
            };
            let booked = occurrences(
                &meetings,
                at.date(),
                at.date() + Duration::days(i64::from(SEARCH_DAYS)),
            );
            let mut follow_up = (*template).clone();
            follow_up.id = MeetingId(id);
            follow_up.start = at;
            follow_up.status = MeetingStatus::Planned;
            follow_up.outcome.clear();
            follow_up.repeat = None;
            follow_up.purpose = purpose::OPFOELGNING.to_string();
            let clashes = warnings(&follow_up, at, &booked, &model.settings.hours, None)
                .iter()
                .any(|w| {
                    matches!(
                        w,
                        Warning::Overlap { .. }
                            | Warning::NotAWorkingDay
                            | Warning::OutsideWorkingHours
                    )
                });
            if clashes {
                let need = Need {
                    minutes: follow_up.minutes,
                    prep_minutes: follow_up.prep_minutes,
                    follow_up_minutes: follow_up.follow_up_minutes,
                };
                let start = nearest_free(at, need, &booked, &model.settings.hours, SEARCH_DAYS);
                match start {
                    Some(start) => follow_up.start = start,
                    None => {
                        model.status = Some(warn(Msg::NoFreeSlot.text(lang)));
                        return vec![];
                    }
                }
            }
            let mut effects = book(model, follow_up);
            if let Some(Effect::Write(step)) = effects.first_mut() {
                step.label = format!("{} ({weeks} {})", step.label, Msg::WeeksShort.text(lang));
            }
            effects
        }
    }
}

pub(super) fn written(
    model: &mut Model,
    kind: WriteKind,
    result: Result<(), String>,
) -> Vec<Effect> {
    let lang = model.lang;
    if let Err(message) = result {
        model.status = Some(Status {
            tone: Tone::Error,
            text: message,
        });
        return load_window(model);
    }
    let mut effects = match &kind {
        WriteKind::New(step) => lookup::after_write(model, &step.forward),
        WriteKind::Undo => {
            let backward = model.history.next_undo().map(|s| s.backward.clone());
            lookup::after_write(model, &backward.unwrap_or_default())
        }
        WriteKind::Redo => {
            let forward = model.history.next_redo().map(|s| s.forward.clone());
            lookup::after_write(model, &forward.unwrap_or_default())
        }
    };
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
    effects.extend(load_window(model));
    effects
}
