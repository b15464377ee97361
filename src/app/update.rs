//! The pure step: an action and the model in, the model changed and effects out. No IO here:
//! the store, the clock and new ids reach `update` only as actions from the app loop.

use super::action::{Action, Named};
use super::answers::{loaded_data, written};
use super::effect::{Effect, Question};
use super::form::{Field, MeetingEditor};
use super::history::Step;
use super::model::{Model, Screen, Selection, Status, Tone, View};
use super::popup::{Confirm, Consequence, Palette, Popup, PromptKind, line_input, text_of};
use super::prompts::{open_prompt, prompt};
use super::{lookup, records};
use crate::i18n::{Msg, cpr_error, label_purpose, weekday_short};
use crate::model::{
    Channel, ContactEvent, Direction, EventId, FreeText, Meeting, MeetingForm, MeetingId,
    MeetingStatus, PlaceKind,
};
use crate::privacy::check_no_cpr;
use crate::store::{AnyRecord, Change, RecordRef};
use crate::time::format_time;
use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Timelike};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// How far ahead "find a free slot" and follow-ups look for room.
pub(super) const SEARCH_DAYS: u32 = 28;

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Run(named) => run(model, named),
        Action::Type(key) => type_key(model, key),
        Action::Tick(now) => {
            let yesterday = model.now.date();
            model.now = now;
            if now.date() == yesterday {
                return vec![];
            }
            // Left open overnight: a screen that showed today follows to the new day, and the
            // counts kept for the week are worked out again.
            model.workload = None;
            model.summons = None;
            if model.day == yesterday {
                model.day = now.date();
            }
            let mut effects = load_window(model);
            if matches!(model.screen, Screen::Today { .. }) {
                effects.push(super::today::load(model));
            }
            effects
        }
        Action::Loaded(loaded) => loaded_data(model, loaded),
        Action::Written { kind, result } => written(model, kind, result),
        Action::Id(id) => {
            model.reserved_id = Some(id);
            vec![]
        }
    }
}

/// The effect that loads what the calendar shows.
pub fn load_window(model: &Model) -> Vec<Effect> {
    let days = model.visible_days();
    let mut effects = match (days.first(), days.last()) {
        (Some(from), Some(to)) => {
            let mut effects = vec![Effect::LoadWindow {
                from: *from,
                to: *to,
            }];
            effects.extend(super::today::load_summons(model));
            effects
        }
        _ => vec![],
    };
    // The week view and the Today screen show the workload gauge of this week and the next.
    if (model.view == View::Week || model.home == super::navigation::Home::Today)
        && model.workload.is_none()
    {
        effects.push(Effect::LoadWorkload {
            now: model.now,
            hours: model.settings.hours.clone(),
        });
    }
    effects
}

fn run(model: &mut Model, named: Named) -> Vec<Effect> {
    match named {
        Named::Quit => {
            model.quit = true;
            return vec![];
        }
        Named::ClosePopup => {
            // The course form and questions go back to the items popup they came from.
            super::courses::close(model);
            return vec![];
        }
        Named::Help => {
            model.popup = Some(Popup::Help { scroll: 0 });
            return vec![];
        }
        Named::OpenPalette => {
            model.popup = Some(Popup::Palette(Palette {
                input: line_input(""),
                selected: 0,
            }));
            return vec![];
        }
        Named::Search => return lookup::open_finder(model),
        Named::TogglePrivacy => {
            model.privacy = !model.privacy;
            return vec![];
        }
        _ => {}
    }
    // Screens switch only with no popup open, so a half-typed form is never left behind.
    if model.popup.is_none()
        && let Some(effects) = super::navigation::switch(model, named)
    {
        return effects;
    }
    match &model.popup {
        None => match model.screen {
            Screen::Calendar => calendar(model, named),
            Screen::Card { .. } => lookup::card(model, named),
            Screen::ContactCard { .. } => lookup::contact_card(model, named),
            Screen::Suppliers(_) => super::suppliers::on_key(model, named),
            Screen::Requests { .. } => super::requests::requests_screen(model, named),
            Screen::Board => super::board::on_key(model, named),
            Screen::Today { .. } => super::today::on_key(model, named),
        },
        Some(Popup::RequestForm(_)) => super::requests::form(model, named),
        Some(Popup::ChaseLog(_)) => super::requests::chase_log(model, named),
        Some(Popup::Withdraw(_)) => super::requests::withdraw_answer(model, named),
        Some(Popup::Finder(_)) => lookup::finder(model, named),
        Some(Popup::ContactLog(_)) => lookup::contact_log(model, named),
        Some(Popup::Record(_)) => records::form(model, named),
        Some(Popup::Items(_)) => lookup::items(model, named),
        Some(Popup::CourseForm(_) | Popup::CourseDialog(_)) => {
            super::courses::form_action(model, named)
        }
        Some(Popup::Help { .. }) => help(model, named),
        Some(Popup::Palette(_)) => palette(model, named),
        Some(Popup::Confirm(_)) => confirm(model, named),
        Some(Popup::Prompt(_)) => prompt(model, named),
        Some(Popup::Form(_)) => form(model, named),
        Some(Popup::Month { .. }) => vec![],
    }
}

// ---------------------------------------------------------------------------------------------
// The calendar

fn calendar(model: &mut Model, named: Named) -> Vec<Effect> {
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
        Named::GoToDate => open_prompt(model, PromptKind::GoToDate, ""),
        Named::MonthOverview => {
            model.popup = Some(Popup::Month { cursor: model.day });
            vec![]
        }
        Named::QuickAdd => {
            let mut effects = open_prompt(model, PromptKind::QuickAdd, "");
            effects.extend(need_directory(model));
            effects
        }
        Named::NewMeeting => {
            let from = search_start(model);
            fetch_ahead(model, from, Question::NewMeeting { from, case: None })
        }
        Named::FindFreeSlot => {
            let minutes = model.settings.default_minutes.to_string();
            open_prompt(model, PromptKind::FreeSlot, &minutes)
        }
        Named::Undo | Named::Redo => undo_redo(model, named),
        Named::NewCase => records::new_case(model),
        Named::NewContact => records::new_contact(model),
        _ => selected_meeting_action(model, named),
    }
}

/// Undo or redo the last step: the same on every screen.
pub fn undo_redo(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    match named {
        Named::Undo => match model.history.next_undo() {
            Some(step) => vec![Effect::Undo(step.clone())],
            None => {
                model.status = Some(info(Msg::NothingToUndo.text(lang)));
                vec![]
            }
        },
        Named::Redo => match model.history.next_redo() {
            Some(step) => vec![Effect::Redo(step.clone())],
            None => {
                model.status = Some(info(Msg::NothingToRedo.text(lang)));
                vec![]
            }
        },
        _ => vec![],
    }
}

/// Actions on the selected meeting.
fn selected_meeting_action(model: &mut Model, named: Named) -> Vec<Effect> {
    let lang = model.lang;
    let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s)) else {
        model.status = Some(info(Msg::NoMeetingSelected.text(lang)));
        return vec![];
    };
    if let Some(status) = status_set_by(named) {
        return open_prompt(model, PromptKind::StatusNote(status), "");
    }
    let mut changed = meeting.clone();
    let verb = match named {
        Named::EditMeeting => {
            let name = meeting.case.map(|c| model.case_name(c));
            let mut editor = MeetingEditor::edit(&model.settings, &meeting, name);
            if meeting.repeat.is_some() {
                // Editing a repeating block edits the series from its first start.
                editor.start = line_input(&format!(
                    "{} {}",
                    meeting.start.format("%d/%m/%Y"),
                    format_time(meeting.start.time())
                ));
            }
            model.popup = Some(Popup::Form(Box::new(editor)));
            let mut effects = need_directory(model);
            effects.extend(form_day(model));
            return effects;
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
        Named::MoveToDate => return open_prompt(model, PromptKind::MoveToDate, ""),
        Named::BookFollowUp => return open_prompt(model, PromptKind::FollowUpWeeks, "4"),
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
            Msg::StepToPhone
        }
        Named::ConvertToHomeVisit => {
            changed.form = MeetingForm::HomeVisit;
            changed.place.kind = PlaceKind::CitizensHome;
            Msg::StepToHomeVisit
        }
        Named::SkipWeek => {
            let Some(repeat) = changed.repeat.as_mut() else {
                model.status = Some(info(Msg::OnlyRepeatingSkip.text(lang)));
                return vec![];
            };
            repeat.skipped.push(start.date());
            Msg::StepSkipped
        }
        _ => return vec![],
    };
    let moved = changed.start != meeting.start;
    let mut label = format!("{} {}", verb.text(lang), describe(model, &meeting, start));
    if moved {
        let new_start = start + (changed.start - meeting.start);
        label.push_str(&format!(" → {}", when_label(model, new_start)));
        if meeting.repeat.is_none() {
            model.selected = Some(Selection {
                meeting: meeting.id,
                start: new_start,
            });
            model.day = new_start.date();
        }
    }
    save_meeting(model, &meeting, changed, label)
}

/// The status a "set status" action sets.
pub(super) fn status_set_by(named: Named) -> Option<MeetingStatus> {
    Some(match named {
        Named::SetStatusHeld => MeetingStatus::Held,
        Named::SetStatusCancelledByCitizen => MeetingStatus::CancelledByCitizen,
        Named::SetStatusNoShow => MeetingStatus::NoShow,
        Named::SetStatusCancelled => MeetingStatus::CancelledByCaseworker,
        _ => return None,
    })
}

/// Writes a changed meeting as one step, warning about what its new time collides with.
pub(super) fn save_meeting(
    model: &mut Model,
    before: &Meeting,
    after: Meeting,
    label: String,
) -> Vec<Effect> {
    let step = Step {
        label,
        forward: vec![Change::Put(AnyRecord::Meeting(after.clone()))],
        backward: vec![Change::Put(AnyRecord::Meeting(before.clone()))],
    };
    let mut effects = vec![Effect::Write(step)];
    effects.extend(load_window(model));
    effects
}

pub(super) fn go_to(model: &mut Model, day: chrono::NaiveDate) -> Vec<Effect> {
    model.day = day;
    model.selected = None;
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
pub(super) fn reselect(model: &mut Model) {
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

// ---------------------------------------------------------------------------------------------
// Popups

fn help(model: &mut Model, named: Named) -> Vec<Effect> {
    if let Some(Popup::Help { scroll }) = &mut model.popup {
        *scroll = match named {
            Named::ScrollDown => scroll.saturating_add(1),
            Named::ScrollUp => scroll.saturating_sub(1),
            Named::PageDown => scroll.saturating_add(10),
            Named::PageUp => scroll.saturating_sub(10),
            _ => *scroll,
        };
    }
    vec![]
}

/// The palette's entries for a filter: actions of the calendar and global layers.
pub fn palette_entries(model: &Model, filter: &str) -> Vec<(Named, String, String)> {
    use crate::keymap::Layer;
    use crate::search::{Fuzzy, rank};
    let mut entries: Vec<(Named, String, String)> = Vec::new();
    for layer in [Layer::Calendar, Layer::Global] {
        for binding in model.keymap.bindings(layer) {
            let Some(named) = Named::from_name(&binding.action) else {
                continue;
            };
            if matches!(named, Named::OpenPalette | Named::ClosePopup)
                || entries.iter().any(|e| e.0 == named)
            {
                continue;
            }
            entries.push((
                named,
                super::describe_action(named, model.lang, &binding.desc),
                binding.keys.clone(),
            ));
        }
    }
    rank(
        &Fuzzy::default(),
        &entries,
        |e| format!("{} {}", e.1, e.0.name()),
        filter,
    )
    .into_iter()
    .map(|(i, _)| entries[i].clone())
    .collect()
}

fn palette(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Palette(p)) = &model.popup else {
        return vec![];
    };
    let filter = text_of(&p.input);
    let count = palette_entries(model, &filter).len();
    let selected = p.selected;
    match named {
        Named::SelectNext | Named::SelectPrev => {
            let delta: i64 = if named == Named::SelectNext { 1 } else { -1 };
            if let Some(Popup::Palette(p)) = &mut model.popup {
                p.selected =
                    (selected as i64 + delta).clamp(0, count.saturating_sub(1) as i64) as usize;
            }
            vec![]
        }
        Named::Submit => {
            let chosen = palette_entries(model, &filter).get(selected).map(|e| e.0);
            model.popup = None;
            match chosen {
                Some(action) => run(model, action),
                None => vec![],
            }
        }
        _ => vec![],
    }
}

fn confirm(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Confirm(question)) = model.popup.take() else {
        return vec![];
    };
    if named == Named::ConfirmNo {
        return vec![];
    }
    if named != Named::ConfirmYes {
        model.popup = Some(Popup::Confirm(question));
        return vec![];
    }
    let lang = model.lang;
    match question.on_yes {
        Consequence::DeleteMeeting { meeting, start } => {
            let Some(m) = model.window.meeting(meeting).cloned() else {
                return vec![];
            };
            let label = format!(
                "{} {}",
                Msg::StepDeleted.text(lang),
                describe(model, &m, start)
            );
            model.selected = None;
            let step = Step {
                label,
                forward: vec![Change::Delete(RecordRef::from(m.id))],
                backward: vec![Change::Put(AnyRecord::Meeting(m))],
            };
            let mut effects = vec![Effect::Write(step)];
            effects.extend(load_window(model));
            effects
        }
        Consequence::LogContactAttempt { case } => {
            let Some(id) = model.reserved_id.take() else {
                return vec![];
            };
            let event = ContactEvent {
                id: EventId(id),
                case,
                at: model.settings.zone.to_utc(model.now),
                channel: Channel::Phone,
                direction: Direction::Out,
                reached: false,
                call_back: false,
                note: Msg::ContactAttemptNote.text(lang).to_string(),
            };
            let step = Step {
                label: format!(
                    "{} {}",
                    Msg::StepLoggedAttempt.text(lang),
                    model.case_name(case)
                ),
                forward: vec![Change::Put(AnyRecord::Event(event))],
                backward: vec![Change::Delete(RecordRef::from(EventId(id)))],
            };
            vec![Effect::Write(step)]
        }
    }
}

/// Writes a new meeting as one step and shows its day with it selected.
pub(super) fn book(model: &mut Model, meeting: Meeting) -> Vec<Effect> {
    let label = format!(
        "{} {}",
        Msg::StepBooked.text(model.lang),
        describe(model, &meeting, meeting.start)
    );
    model.day = meeting.start.date();
    model.selected = Some(Selection {
        meeting: meeting.id,
        start: meeting.start,
    });
    let step = Step {
        label,
        backward: vec![Change::Delete(RecordRef::from(meeting.id))],
        forward: vec![Change::Put(AnyRecord::Meeting(meeting))],
    };
    let mut effects = vec![Effect::Write(step)];
    effects.extend(load_window(model));
    effects
}

fn form(model: &mut Model, named: Named) -> Vec<Effect> {
    let today = model.today();
    let Some(Popup::Form(editor)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => editor.next_field(),
        Named::PrevField => editor.prev_field(),
        Named::Submit => {
            if editor.take_party() {
                return vec![];
            }
            let id = editor
                .original
                .as_ref()
                .map(|m| m.id.0)
                .or(model.reserved_id);
            let Some(id) = id else { return vec![] };
            let meeting = match editor.build(MeetingId(id), today, model.lang) {
                Ok(meeting) => meeting,
                Err(errors) => {
                    editor.focus = errors[0].0;
                    editor.errors = errors;
                    return vec![];
                }
            };
            if let Some((field, text)) = meeting.free_text().into_iter().find_map(|(f, t)| {
                check_no_cpr(f, t)
                    .err()
                    .map(|e| (f, cpr_error(&e, model.lang)))
            }) {
                let at = match field {
                    "place.text" => Field::PlaceText,
                    "title" => Field::Case,
                    "participants.name" => Field::Parties,
                    _ => Field::Note,
                };
                editor.errors = vec![(at, text)];
                return vec![];
            }
            let original = editor.original.clone();
            let acts_on = editor.acts_on.take();
            model.popup = None;
            return match original {
                None => {
                    model.reserved_id = None;
                    let mut effects = book(model, meeting);
                    super::requests::also_acted_on(model, &mut effects, acts_on);
                    effects
                }
                Some(before) => {
                    let label = format!(
                        "{} {}",
                        Msg::StepEdited.text(model.lang),
                        describe(model, &before, before.start)
                    );
                    model.selected = Some(Selection {
                        meeting: meeting.id,
                        start: meeting.start,
                    });
                    model.day = meeting.start.date();
                    save_meeting(model, &before, meeting, label)
                }
            };
        }
        _ => {}
    }
    form_day(model)
}

/// Asks for the meetings of the form's start day when it changed.
pub(super) fn form_day(model: &Model) -> Vec<Effect> {
    let Some(Popup::Form(editor)) = &model.popup else {
        return vec![];
    };
    match editor.start_time(model.today()) {
        Some(start) if editor.day_loaded != Some(start.date()) => {
            vec![Effect::Fetch {
                from: start.date(),
                to: start.date(),
                then: Question::FormDay,
            }]
        }
        _ => vec![],
    }
}

/// Where a search for free time starts: now on today, else the start of the focused day.
pub(super) fn search_start(model: &Model) -> NaiveDateTime {
    if model.day == model.today() {
        model.now
    } else {
        model.day.and_time(NaiveTime::MIN)
    }
}

/// Loads the pickers (if not yet) and the meetings of the weeks from `from`, then asks `then`.
pub fn fetch_ahead(model: &Model, from: NaiveDateTime, then: Question) -> Vec<Effect> {
    let mut effects = need_directory(model);
    effects.push(Effect::Fetch {
        from: from.date(),
        to: from.date() + Duration::days(i64::from(SEARCH_DAYS)),
        then,
    });
    effects
}

pub(super) fn need_directory(model: &Model) -> Vec<Effect> {
    if model.directory.is_none() {
        vec![Effect::LoadDirectory]
    } else {
        vec![]
    }
}

fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match &mut model.popup {
        Some(Popup::Finder(_)) => lookup::finder_key(model, key),
        Some(Popup::ContactLog(_)) => lookup::contact_log_key(model, key),
        Some(Popup::RequestForm(_)) => super::requests::form_key(model, key),
        Some(Popup::ChaseLog(_)) => super::requests::chase_key(model, key),
        Some(Popup::Record(form)) => {
            form.type_key(key);
            vec![]
        }
        Some(Popup::CourseForm(_) | Popup::CourseDialog(_)) => super::courses::type_key(model, key),
        Some(Popup::Form(editor)) => {
            editor.type_key(key, model.directory.as_ref());
            form_day(model)
        }
        Some(Popup::Prompt(p)) => {
            p.input.input(key);
            p.error = None;
            vec![]
        }
        Some(Popup::Palette(p)) => {
            p.input.input(key);
            p.selected = 0;
            vec![]
        }
        Some(Popup::Month { cursor }) => {
            let step = match key.code {
                KeyCode::Left | KeyCode::Char('h') => Some(-1),
                KeyCode::Right | KeyCode::Char('l') => Some(1),
                KeyCode::Up | KeyCode::Char('k') => Some(-7),
                KeyCode::Down | KeyCode::Char('j') => Some(7),
                KeyCode::PageUp | KeyCode::Char('{') => Some(-28),
                KeyCode::PageDown | KeyCode::Char('}') => Some(28),
                _ => None,
            };
            if let Some(days) = step {
                *cursor += Duration::days(days);
                return vec![];
            }
            if key.code == KeyCode::Enter {
                let day = *cursor;
                model.popup = None;
                return go_to(model, day);
            }
            vec![]
        }
        _ => vec![],
    }
}

// ---------------------------------------------------------------------------------------------
// Words

/// "opfølgning Anne Jensen tir 10:00".
pub(super) fn describe(model: &Model, meeting: &Meeting, start: NaiveDateTime) -> String {
    let who = match meeting.case {
        Some(case) => model.case_name(case),
        None => meeting.title.clone(),
    };
    format!(
        "{} {} {}",
        label_purpose(&meeting.purpose, model.lang).to_lowercase(),
        who,
        when_label(model, start)
    )
}

/// "tir 10:00", or "tir 24.11 10:00" when not this week.
pub(super) fn when_label(model: &Model, at: NaiveDateTime) -> String {
    let day = weekday_short(at.weekday(), model.lang);
    let this_week = at.date().iso_week() == model.day.iso_week();
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    if this_week {
        format!("{day} {time}")
    } else {
        format!("{day} {} {time}", at.format("%d.%m"))
    }
}

pub(super) fn info(text: &str) -> Status {
    Status {
        tone: Tone::Info,
        text: text.to_string(),
    }
}

pub(super) fn warn(text: &str) -> Status {
    Status {
        tone: Tone::Warning,
        text: text.to_string(),
    }
}
