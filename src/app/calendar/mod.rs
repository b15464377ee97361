//! The calendar: the day and week views, their keys, and the one-key changes to the selected
//! meeting. Booking and the meeting form are in `booking` and `meeting_form`; the one-line
//! questions in `prompts`; "delete it?" in `confirm`.

pub mod booking;
pub mod confirm;
pub mod ics;
pub mod meeting_form;
pub mod month;
pub mod prompts;
pub mod series;

use crate::app::core::action::Named;
use crate::app::core::clicks::Target;
use crate::app::core::effect::{Effect, Question};
use crate::app::core::status::{info, warn};
use crate::app::forms::meeting::MeetingEditor;
use crate::app::model::{Model, Selection, View};
use crate::app::popup::Popup;
use crate::app::prompt::{self, PromptKind};
use crate::domain::travel::travel_for;
use crate::i18n::Msg;
use crate::model::MeetingId;
use crate::model::{MeetingForm, MeetingStatus, PlaceKind};
use crate::query::window::{Reread, Window};
use crate::store::{AnyRecord, Change, Kind};
use crate::time::format_time;
use booking::{describe, fetch_ahead, save_meeting, search_start, when_label};
use chrono::{Duration, NaiveDate};
use confirm::{Confirm, Consequence};

/// The effects that load what the calendar shows: the days on screen, and for the week view and
/// the Today screen the workload gauge and the summons count unless they are kept.
pub fn load_window(model: &Model) -> Vec<Effect> {
    let days = model.visible_days();
    let mut effects = match (days.first(), days.last()) {
        (Some(from), Some(to)) => vec![Effect::LoadWindow {
            from: *from,
            to: *to,
        }],
        _ => vec![],
    };
    effects.extend(load_counts(model));
    effects
}

/// The summons count and the workload gauge, where they show and are not kept.
fn load_counts(model: &Model) -> Vec<Effect> {
    let mut effects: Vec<Effect> = crate::app::today::load_summons(model).into_iter().collect();
    if (model.view == View::Week || model.home == crate::app::navigation::Home::Today)
        && model.workload.is_none()
    {
        effects.push(Effect::LoadWorkload { now: model.now });
    }
    effects
}

/// Whether the window holds exactly the days on screen.
fn window_shows(model: &Model) -> bool {
    let days = model.visible_days();
    days.first() == Some(&model.window.from) && days.last() == Some(&model.window.to)
}

/// After a write, what the calendar shows of it: the meetings it changed are read again (not
/// the whole days), a changed name or busy time reads the days again, and any other write
/// leaves them as they are. Days that are no longer on screen are loaded.
pub fn after_write(model: &Model, changes: &[Change]) -> Vec<Effect> {
    let mut ids = Vec::new();
    let mut whole = !window_shows(model);
    for change in changes {
        match change {
            Change::Put(AnyRecord::Meeting(m)) => ids.push(m.id),
            Change::Delete(r) if r.kind == Kind::Meeting => ids.push(MeetingId(r.id)),
            Change::Put(AnyRecord::Case(_) | AnyRecord::Contact(_) | AnyRecord::External(_)) => {
                whole = true;
            }
            Change::Delete(r) if matches!(r.kind, Kind::Case | Kind::Contact | Kind::External) => {
                whole = true;
            }
            Change::Put(_) | Change::Delete(_) => {}
        }
    }
    if whole {
        return load_window(model);
    }
    let mut effects = Vec::new();
    if !ids.is_empty() {
        effects.push(Effect::RereadMeetings {
            from: model.window.from,
            to: model.window.to,
            ids,
        });
    }
    effects.extend(load_counts(model));
    effects
}

/// The window arrived: work out what its days show, and show it, keeping the selection on a
/// meeting that is still there.
pub fn window_loaded(model: &mut Model, mut window: Window) -> Vec<Effect> {
    window.settle(&model.settings.hours);
    model.window = window;
    reselect(model);
    crate::app::next_meeting::from_window(model);
    vec![]
}

/// Meetings changed by a write were read again: the window takes them in (or, when it moved
/// to other days meanwhile, those days are loaded).
pub fn meetings_reread(model: &mut Model, reread: Reread) -> Vec<Effect> {
    if !model.window.take_in(reread) {
        return load_window(model);
    }
    reselect(model);
    crate::app::next_meeting::from_window(model);
    vec![]
}

/// Keys of the calendar.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    match named {
        Named::PrevDay => go_to(model, model.day - Duration::days(1)),
        Named::NextDay => go_to(model, model.day + Duration::days(1)),
        Named::PrevWeek => go_to(model, model.day - Duration::days(7)),
        Named::NextWeek => go_to(model, model.day + Duration::days(7)),
        Named::GoToday => go_to(model, model.today()),
        Named::ToggleWeek => {
            model.view = match model.view {
                View::Day => View::Week,
                View::Week => View::Day,
            };
            load_window(model)
        }
        Named::SelectNext => select_step(model, 1),
        Named::SelectPrev => select_step(model, -1),
        Named::GoToDate => prompt::open(model, PromptKind::GoToDate, ""),
        Named::MonthOverview => {
            model.popup = Some(Popup::Month(month::Month::at(
                model.day,
                &model.settings.hours.days_off,
            )));
            vec![]
        }
        Named::QuickAdd => {
            let mut effects = prompt::open(model, PromptKind::QuickAdd, "");
            effects.extend(model.need_directory());
            effects
        }
        Named::NewMeeting => {
            let from = search_start(model);
            fetch_ahead(model, from, Question::NewMeeting { from, case: None })
        }
        Named::FindFreeSlot => {
            let minutes = model.settings.default_minutes.to_string();
            prompt::open(model, PromptKind::FreeSlot, &minutes)
        }
        Named::Undo | Named::Redo => model.undo_redo(named),
        Named::PlanWeek => crate::app::planner::open(model),
        Named::ExportIcs => ics::export(model),
        Named::WriteDaySheet => {
            crate::app::sheets::write(model, crate::app::core::effect::SheetOf::Day(model.day))
        }
        Named::ImportIcs => ics::ask_import(model),
        Named::BulkChange => crate::app::bulk::open(model),
        Named::NewCase => crate::app::lookup::records::new_case(model),
        Named::NewContact => crate::app::lookup::records::new_contact(model),
        _ => on_selected_meeting(model, named),
    }
}

/// After undo or redo, the view goes back to where the change happened: the calendar to the
/// day of the meeting that changed, with it selected; Today marks it when it is today's.
pub fn show_changed(model: &mut Model, changes: &[crate::store::Change]) {
    use crate::store::{AnyRecord, Change};
    let Some(m) = changes.iter().find_map(|c| match c {
        Change::Put(AnyRecord::Meeting(m)) if m.repeat.is_none() => Some(m),
        _ => None,
    }) else {
        return;
    };
    let selection = Selection {
        meeting: m.id,
        start: m.start,
    };
    if follows_changes(model) {
        model.day = m.start.date();
        model.selected = Some(selection);
    } else if m.start.date() == model.today() {
        model.selected = Some(selection);
    }
}

/// Whether the view follows a changed meeting to its day: the calendar does; Today stays on
/// today.
pub fn follows_changes(model: &Model) -> bool {
    !matches!(model.screen, crate::app::model::Screen::Today(_))
}

/// Actions on the selected meeting (the calendar's, and the one marked on Today).
pub fn on_selected_meeting(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s)) else {
        // Blocks of other calendars are never selected: say why when they are all the day has.
        let only_busy_time = model.window.day(model.day).is_empty()
            && !model.window.external_on(model.day).is_empty();
        let why = if only_busy_time {
            Msg::ExternalReadOnly
        } else {
            Msg::NoMeetingSelected
        };
        model.status = Some(info(why.text(lang)));
        return vec![];
    };
    if let Some(status) = status_set_by(named) {
        if status == MeetingStatus::NoShow && start > model.now {
            // Not started yet: a slip of the finger is likelier than a no-show.
            model.popup = Some(Popup::Confirm(Confirm {
                question: format!(
                    "{} ({})?",
                    Msg::NoShowBeforeStartQuestion.text(lang),
                    describe(model, &meeting, start)
                ),
                on_yes: Consequence::AskStatusNote(status),
            }));
            return vec![];
        }
        return prompt::open(model, PromptKind::StatusNote(status), "");
    }
    let mut changed = meeting.clone();
    let verb = match named {
        Named::EditMeeting => {
            let name = meeting.case.map(|c| model.case_name(c));
            let mut editor =
                MeetingEditor::edit(&model.settings, &meeting, name, model.today(), model.lang);
            if meeting.repeat.is_some() {
                // A repeating meeting is edited at the occurrence chosen; saving asks whether
                // the change is for this one, this and later, or all.
                let at = format!("{} {}", start.format("%d/%m/%Y"), format_time(start.time()));
                editor.set_text(crate::app::forms::meeting::Field::Start, &at);
            }
            editor.follow_case(model.directory.as_ref());
            editor.occurrence = Some(start);
            editor.set_now(model.now);
            model.popup = Some(Popup::Form(Box::new(editor)));
            let mut effects = model.need_directory();
            effects.extend(meeting_form::form_day(model));
            return effects;
        }
        Named::DeleteMeeting if meeting.repeat.is_some() => {
            let label = format!(
                "{} {}",
                Msg::StepDeleted.text(lang),
                describe(model, &meeting, start)
            );
            return series::change(model, &meeting, start, None, label);
        }
        Named::DeleteMeeting => {
            let question = format!(
                "{} {}?",
                Msg::DeleteQuestion.text(lang),
                describe(model, &meeting, start)
            );
            model.popup = Some(Popup::Confirm(Confirm {
                question,
                on_yes: Consequence::DeleteMeeting {
                    meeting: meeting.id,
                    start,
                },
            }));
            return vec![];
        }
        Named::MoveToDate => return prompt::open(model, PromptKind::MoveToDate, ""),
        Named::BookFollowUp => return prompt::open(model, PromptKind::FollowUpWeeks, "4"),
        Named::MoveEarlier => {
            changed.start -= Duration::minutes(15);
            Msg::StepMoved
        }
        Named::MoveLater => {
            changed.start += Duration::minutes(15);
            Msg::StepMoved
        }
        Named::MoveTomorrow => {
            changed.start += Duration::days(1);
            Msg::StepMoved
        }
        Named::ExtendMeeting => {
            if changed.minutes + 15 > crate::time::parse::MAX_DURATION_MINUTES {
                return vec![];
            }
            changed.minutes += 15;
            Msg::StepLonger
        }
        Named::ShortenMeeting => {
            if changed.minutes <= 15 {
                model.status = Some(warn(Msg::CannotShorten.text(lang)));
                return vec![];
            }
            changed.minutes -= 15;
            Msg::StepShorter
        }
        Named::ConvertToPhone => {
            changed.form = MeetingForm::Phone;
            changed.place.kind = PlaceKind::Remote;
            changed.travel_minutes = 0;
            Msg::StepToPhone
        }
        Named::ConvertToHomeVisit => {
            changed.form = MeetingForm::HomeVisit;
            changed.place.kind = PlaceKind::CitizensHome;
            changed.travel_minutes = travel_for(
                changed.form,
                changed.place.kind,
                model.settings.travel_minutes,
            );
            Msg::StepToHomeVisit
        }
        Named::SkipWeek => {
            let Some(repeat) = changed.repeat.as_mut() else {
                model.status = Some(info(Msg::OnlyRepeatingSkip.text(lang)));
                return vec![];
            };
            repeat.skipped.push(start.date());
            let label = format!(
                "{} {}",
                Msg::StepSkipped.text(lang),
                describe(model, &meeting, start)
            );
            return vec![save_meeting(&meeting, changed, label)];
        }
        _ => return vec![],
    };
    let moved = changed.start != meeting.start;
    let mut label = format!("{} {}", verb.text(lang), describe(model, &meeting, start));
    if moved {
        let new_start = start + (changed.start - meeting.start);
        label.push_str(&format!(" → {}", when_label(model, new_start)));
        if meeting.repeat.is_none() && follows_changes(model) {
            model.selected = Some(Selection {
                meeting: meeting.id,
                start: new_start,
            });
            model.day = new_start.date();
        }
    }
    series::change(model, &meeting, start, Some(changed), label)
}

/// The status a "set status" action sets.
fn status_set_by(named: Named) -> Option<MeetingStatus> {
    Some(match named {
        Named::SetStatusHeld => MeetingStatus::Held,
        Named::SetStatusCancelledByCitizen => MeetingStatus::CancelledByCitizen,
        Named::SetStatusNoShow => MeetingStatus::NoShow,
        Named::SetStatusCancelled => MeetingStatus::CancelledByCaseworker,
        _ => return None,
    })
}

/// A click on a meeting in the day or week view selects it (and its day).
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    if let Target::Meeting { id, start } = target {
        model.day = start.date();
        model.selected = Some(Selection { meeting: id, start });
    }
    vec![]
}

/// Shows `day`, nothing selected until the window arrives. A day of the week on screen is
/// in the window already: it is not read again.
pub fn go_to(model: &mut Model, day: NaiveDate) -> Vec<Effect> {
    model.day = day;
    model.selected = None;
    if window_shows(model) {
        reselect(model);
        return load_counts(model);
    }
    load_window(model)
}

fn select_step(model: &mut Model, delta: i32) -> Vec<Effect> {
    let day = model.window.day(model.day);
    if day.is_empty() {
        model.selected = None;
        return vec![];
    }
    let current = model.selected.and_then(|s| {
        day.iter()
            .position(|o| o.meeting.id == s.meeting && o.start == s.start)
    });
    let next = match current {
        None if delta > 0 => 0,
        None => day.len() - 1,
        Some(i) => (i as i64 + i64::from(delta)).clamp(0, day.len() as i64 - 1) as usize,
    };
    model.selected = Some(Selection {
        meeting: day[next].meeting.id,
        start: day[next].start,
    });
    vec![]
}

/// Keeps the selection on a meeting that is still there, or picks the first of the day.
fn reselect(model: &mut Model) {
    let day = model.window.day(model.day);
    let still = model.selected.is_some_and(|s| {
        day.iter()
            .any(|o| o.meeting.id == s.meeting && o.start == s.start)
    });
    if !still {
        let now = model.now;
        let first = day.iter().find(|o| o.end() > now).or(day.first());
        model.selected = first.map(|o| Selection {
            meeting: o.meeting.id,
            start: o.start,
        });
    }
}

/// Keys of the month overview (the `month` layer): a day or a week either way, four weeks
/// back or on; `open_day` shows the cursor's day.
pub fn month_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Month(month)) = &mut model.popup else {
        return vec![];
    };
    let days = match named {
        Named::PrevDay => -1,
        Named::NextDay => 1,
        Named::PrevWeek => -7,
        Named::NextWeek => 7,
        Named::FourWeeksBack => -28,
        Named::FourWeeksOn => 28,
        Named::OpenDay => {
            let day = month.cursor;
            model.popup = None;
            return go_to(model, day);
        }
        _ => return vec![],
    };
    month.step(days);
    vec![]
}
