//! The meeting form in the calendar: its keys, saving it, and the questions that open it at
//! the first free time (a new meeting, a free slot, a follow-up, a meeting about received
//! medical information).

use super::booking::{
    Fetched, SEARCH_DAYS, ahead, book, describe, first_free, length_for, when_label,
};
use super::series;
use crate::app::core::action::Named;
use crate::app::core::effect::{Effect, Question};
use crate::app::core::status::{info, warn};
use crate::app::forms::meeting::{Field, MeetingEditor};
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::domain::busy::{busy_spans, external_warnings};
use crate::domain::conflicts::{Warning, warnings};
use crate::domain::series::moved;
use crate::domain::slots::{Need, nearest_free};
use crate::i18n::{Msg, cpr_error};
use crate::model::{CaseId, FreeText, MedicalRequest, Meeting, MeetingId, MeetingStatus, purpose};
use crate::privacy::check_no_cpr;
use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEvent;

/// Keys of the meeting form: Tab moves, Enter saves (or takes the typed party first).
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Form(editor)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::NextField => editor.form.next_field(),
        Named::PrevField => editor.form.prev_field(),
        Named::Submit => {
            if editor.take_party(model.directory.as_ref()) {
                return vec![];
            }
            let id = editor
                .original
                .as_ref()
                .map(|m| m.id.0)
                .or(model.reserved_id);
            let Some(id) = id else { return vec![] };
            let meeting = match editor.build(MeetingId(id), model.lang) {
                Ok(meeting) => meeting,
                Err(errors) => {
                    if let Some((field, _)) = errors.first() {
                        editor.form.focus_on(*field);
                    }
                    editor.form.errors = errors;
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
                    "title" => Field::Title,
                    "participants.name" => Field::Parties,
                    _ => Field::Note,
                };
                editor.form.errors = vec![(at, text)];
                return vec![];
            }
            let original = editor.original.clone();
            let acts_on = editor.acts_on.take();
            let rebooks = editor.rebooks.take();
            let meeting_id = meeting.id;
            let occurrence = editor.occurrence;
            let moved_to = editor.moved_to();
            model.popup = None;
            return match original {
                None => {
                    model.reserved_id = None;
                    let mut effects = book(model, meeting);
                    crate::app::requests::also_acted_on(model, &mut effects, acts_on);
                    crate::app::bulk::also_rebooked(model, &mut effects, rebooks, meeting_id);
                    effects
                }
                Some(before) => saved(model, &before, meeting, occurrence, moved_to),
            };
        }
        _ => {}
    }
    form_day(model)
}

/// The edited meeting saved over `before`: flyttet books it where it went; a repeating one
/// asks which occurrences change; a new no-show offers to log a call to the citizen.
fn saved(
    model: &mut Model,
    before: &Meeting,
    mut meeting: Meeting,
    occurrence: Option<NaiveDateTime>,
    moved_to: Option<NaiveDateTime>,
) -> Vec<Effect> {
    let lang = model.lang;
    let occurrence = occurrence.unwrap_or(before.start);
    let label = format!(
        "{} {}",
        Msg::StepEdited.text(lang),
        describe(model, before, occurrence)
    );
    if let Some(to) = moved_to.filter(|_| before.status != MeetingStatus::Moved) {
        let Some(id) = model.reserved_id.take() else {
            return vec![];
        };
        let label = format!(
            "{} {} → {}",
            Msg::StepMoved.text(lang),
            describe(model, before, occurrence),
            when_label(model, to)
        );
        let written = moved(before, &meeting, occurrence, to, MeetingId(id));
        return series::write(model, before, written, label);
    }
    // The form shows the occurrence; the series moves as much as it did.
    meeting.start = before.start + (meeting.start - occurrence);
    let no_show = meeting.status == MeetingStatus::NoShow && before.status != MeetingStatus::NoShow;
    let case = meeting.case;
    let effects = series::change(model, before, occurrence, Some(meeting), label);
    if let (true, Some(case), None) = (no_show, case, &model.popup) {
        prompt_contact_attempt(model, case);
    }
    effects
}

/// After a no-show, the contact log opens filled in for an attempt to reach the citizen (a
/// call, out, not reached): Enter logs the attempt once it is made, Esc leaves it. A no-show
/// prompts a contact attempt and nothing more: no sanction, no report.
pub fn prompt_contact_attempt(model: &mut Model, case: CaseId) {
    crate::app::lookup::contact_log::open_attempt(model, case);
}

/// A key no binding took, for the field in focus.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(Popup::Form(editor)) = &mut model.popup {
        editor.type_key(key, model.directory.as_ref());
    }
    form_day(model)
}

/// Asks for the meetings of the form's start day when it changed.
pub fn form_day(model: &Model) -> Vec<Effect> {
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

/// The meetings and busy time of the form's start day arrived: the form warns about overlaps
/// with them.
pub fn day_answered(model: &mut Model, fetched: Fetched) -> Vec<Effect> {
    if let Some(Popup::Form(editor)) = &mut model.popup {
        editor.day_loaded = fetched
            .meetings
            .first()
            .map(|m| m.start.date())
            .or(editor.day_loaded);
        if let Some(start) = editor.start_time(model.now.date()) {
            editor.day_loaded = Some(start.date());
        }
        editor.set_day(fetched.meetings, fetched.busy);
    }
    vec![]
}

/// Opens `editor` with the meetings and busy time of its start day (from `fetched`, the weeks
/// fetched), so it warns about overlaps at once.
pub fn open_at(model: &mut Model, mut editor: MeetingEditor, fetched: Fetched) {
    editor.set_now(model.now);
    if let Some(start) = editor.start_time(model.today()) {
        let day = start.date();
        let (from, to) = (
            day.and_time(chrono::NaiveTime::MIN),
            (day + chrono::Duration::days(1)).and_time(chrono::NaiveTime::MIN),
        );
        editor.set_day(
            fetched
                .meetings
                .into_iter()
                .filter(|m| m.start.date() == day)
                .collect(),
            fetched
                .busy
                .into_iter()
                .filter(|b| b.start < to && b.end() > from)
                .collect(),
        );
        editor.day_loaded = Some(start.date());
    }
    editor.follow_case(model.directory.as_ref());
    model.popup = Some(Popup::Form(Box::new(editor)));
}

/// The directory arrived: an open meeting form reads its case's flags and away periods.
pub fn directory_loaded(model: &mut Model) {
    if let Some(Popup::Form(editor)) = &mut model.popup {
        editor.follow_case(model.directory.as_ref());
    }
}

/// The coming weeks arrived: a new-meeting form at the first free time from `from`.
pub fn new_meeting(
    model: &mut Model,
    fetched: Fetched,
    from: NaiveDateTime,
    case: Option<(CaseId, String)>,
) -> Vec<Effect> {
    let minutes = length_for(model, case.as_ref().map(|c| c.0));
    let start = first_free(&model.settings, &fetched, from, minutes)
        .unwrap_or_else(|| from.date().and_time(model.settings.hours.start));
    let editor = MeetingEditor::new(&model.settings, start, case, model.today(), model.lang);
    open_at(model, editor, fetched);
    vec![]
}

/// A new-meeting form for a citizen whose meetings were cancelled in bulk, at the first free
/// time from `from`: saving the meeting also closes their "inform and rebook" item (#17).
pub fn rebook(
    model: &mut Model,
    fetched: Fetched,
    from: NaiveDateTime,
    case: (CaseId, String),
    rebooking: crate::model::Rebooking,
) -> Vec<Effect> {
    let effects = new_meeting(model, fetched, from, Some(case));
    if let Some(Popup::Form(editor)) = &mut model.popup {
        if !rebooking.purpose.is_empty() {
            editor.set_purpose(&rebooking.purpose);
        }
        editor.rebooks = Some(rebooking);
    }
    effects
}

/// A new-meeting form for the case of received medical information: saving the meeting also
/// marks the request acted on.
pub fn book_for_request(
    model: &mut Model,
    fetched: Fetched,
    from: NaiveDateTime,
    case: (CaseId, String),
    request: MedicalRequest,
) -> Vec<Effect> {
    let effects = new_meeting(model, fetched, from, Some(case));
    if let Some(Popup::Form(editor)) = &mut model.popup {
        editor.acts_on = Some(request);
    }
    effects
}

/// The next free `minutes` from `from`: a form there, or why there is none.
pub fn free_slot(
    model: &mut Model,
    fetched: Fetched,
    from: NaiveDateTime,
    minutes: u32,
) -> Vec<Effect> {
    let lang = model.lang;
    match first_free(&model.settings, &fetched, from, minutes) {
        Some(start) => {
            let mut editor = MeetingEditor::new(&model.settings, start, None, model.today(), lang);
            editor.set_text(Field::Duration, &crate::time::format_duration(minutes));
            model.status = Some(info(&format!(
                "{} {}",
                Msg::NextFreeSlot.text(lang),
                when_label(model, start)
            )));
            open_at(model, editor, fetched);
        }
        None => model.status = Some(warn(Msg::NoFreeSlot.text(lang))),
    }
    vec![]
}

/// Books `template` again at `at`, or at the nearest free time when `at` clashes.
pub fn follow_up(
    model: &mut Model,
    fetched: Fetched,
    template: Meeting,
    at: NaiveDateTime,
    weeks: u32,
) -> Vec<Effect> {
    let lang = model.lang;
    let Some(id) = model.reserved_id.take() else {
        return vec![];
    };
    let booked = ahead(&fetched.meetings, at.date());
    let mut follow_up = template;
    follow_up.id = MeetingId(id);
    follow_up.start = at;
    follow_up.status = MeetingStatus::Planned;
    follow_up.outcome.clear();
    follow_up.repeat = None;
    follow_up.purpose = purpose::OPFOELGNING.to_string();
    let mut found = warnings(&follow_up, at, &booked, &model.settings.hours, None);
    found.extend(external_warnings(&follow_up, at, &fetched.busy));
    let clashes = found.iter().any(|w| {
        matches!(
            w,
            Warning::Overlap { .. }
                | Warning::NotAWorkingDay
                | Warning::OutsideWorkingHours
                | Warning::Busy {
                    only_buffer: false,
                    ..
                }
        )
    });
    if clashes {
        let need = Need {
            minutes: follow_up.minutes,
            prep_minutes: follow_up.prep_minutes,
            follow_up_minutes: follow_up.follow_up_minutes,
            travel_minutes: follow_up.travel_minutes,
        };
        let busy = busy_spans(&fetched.busy);
        let start = nearest_free(at, need, &booked, &busy, &model.settings.hours, SEARCH_DAYS);
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
