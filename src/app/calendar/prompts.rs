//! The calendar's one-line questions: go to a date, move to a day, follow up in N weeks, find
//! free time, a status note, and the quick-add line.

use super::booking::{
    SEARCH_DAYS, book, book_noting, describe, fetch_ahead, search_start, when_label,
};
use crate::app::core::effect::{Effect, Question};
use crate::app::model::{Model, Selection};
use crate::app::popup::Popup;
use crate::domain::conflicts::{Warning, warnings};
use crate::domain::first_meeting::meeting_length;
use crate::domain::quick_add::{self, CaseName};
use crate::i18n::{Msg, cpr_error, label_status, parse_error, quick_add_error};
use crate::model::Meeting;
use crate::model::{MeetingId, MeetingStatus};
use crate::privacy::check_no_cpr;
use crate::time::format_time;
use crate::time::{parse_date_with, parse_duration, parse_when_with};
use chrono::Duration;

/// "g d": the typed day.
pub fn go_to_date(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let day = parse_date_with(text, model.today(), &model.settings.hours.days_off)
        .map_err(|e| parse_error(&e, model.lang))?;
    Ok(super::go_to(model, day))
}

/// "m": the selected meeting to the typed day (and time, if typed).
pub fn move_to_date(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    let when = parse_when_with(text, model.today(), &model.settings.hours.days_off)
        .map_err(|e| parse_error(&e, lang))?;
    let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s)) else {
        return Ok(vec![]);
    };
    let new_start = when.at_or(start.time());
    let mut changed = meeting.clone();
    changed.start = meeting.start + (new_start - start);
    let label = format!(
        "{} {} → {}",
        Msg::StepMoved.text(lang),
        describe(model, &meeting, start),
        when_label(model, new_start)
    );
    if meeting.repeat.is_none() && super::follows_changes(model) {
        model.day = new_start.date();
        model.selected = Some(Selection {
            meeting: meeting.id,
            start: new_start,
        });
    }
    Ok(super::series::change(
        model,
        &meeting,
        start,
        Some(changed),
        label,
    ))
}

/// "f": a follow-up of the selected meeting in the typed number of weeks.
pub fn follow_up_weeks(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let weeks: u32 = text
        .trim_end_matches(['u', 'w'])
        .trim()
        .parse()
        .ok()
        .filter(|w| (1..=52).contains(w))
        .ok_or_else(|| Msg::WeeksExpected.text(model.lang).to_string())?;
    let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s)) else {
        return Ok(vec![]);
    };
    let at = start + Duration::weeks(i64::from(weeks));
    let to = at.date() + Duration::days(i64::from(SEARCH_DAYS));
    Ok(vec![Effect::Fetch {
        from: at.date(),
        to,
        then: Question::FollowUp {
            template: Box::new(meeting),
            at,
            weeks,
        },
    }])
}

/// "F": the next free slot of the typed length.
pub fn free_slot(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let minutes = parse_duration(text).map_err(|e| parse_error(&e, model.lang))?;
    let from = search_start(model);
    Ok(fetch_ahead(
        model,
        from,
        Question::FreeSlot { from, minutes },
    ))
}

/// "s a" and the other statuses: the status, with the typed outcome as a note.
pub fn status_note(
    model: &mut Model,
    status: MeetingStatus,
    text: &str,
) -> Result<Vec<Effect>, String> {
    let lang = model.lang;
    check_no_cpr("outcome", text).map_err(|e| cpr_error(&e, lang))?;
    let Some((meeting, start)) = model.selected_meeting().map(|(m, s)| (m.clone(), s)) else {
        return Ok(vec![]);
    };
    let mut changed = meeting.clone();
    changed.status = status;
    if !text.is_empty() {
        changed.outcome = text.to_string();
    }
    let label = format!(
        "{} {}: {}",
        Msg::StepStatus.text(lang),
        describe(model, &meeting, start),
        label_status(status, lang)
    );
    let effects = super::series::change(model, &meeting, start, Some(changed), label);
    if status == MeetingStatus::NoShow
        && let Some(case) = meeting.case
        && !matches!(model.popup, Some(Popup::Series(_)))
    {
        super::meeting_form::prompt_contact_attempt(model, case);
    }
    Ok(effects)
}

/// "a": "tir 10:30 45m Jensen opfølgning", booked at once.
pub fn quick_add(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    let Some(directory) = &model.directory else {
        return Err(Msg::StillLoading.text(model.lang).to_string());
    };
    let names: Vec<CaseName<'_>> = directory
        .cases
        .iter()
        .map(|c| CaseName {
            id: c.id,
            name: &c.name,
            alias: &c.alias,
        })
        .collect();
    let line = quick_add::parse(text, model.now, &model.settings.hours.days_off, &names)
        .map_err(|e| quick_add_error(&e, model.lang))?;
    let first = directory
        .cases
        .iter()
        .find(|c| c.id == line.case)
        .is_some_and(|c| !c.has_met);
    let id = model
        .reserved_id
        .take()
        .ok_or_else(|| Msg::StillLoading.text(model.lang).to_string())?;
    let settings = &model.settings;
    let meeting = line.meeting(
        MeetingId(id),
        quick_add::Defaults {
            time: settings.hours.start,
            minutes: meeting_length(
                first,
                settings.first_meeting_minutes,
                settings.default_minutes,
            ),
            prep_minutes: settings.prep_minutes,
            follow_up_minutes: settings.follow_up_minutes,
            travel_minutes: settings.travel_minutes,
        },
    );
    // Its day's meetings first, so the status line can say what it overlaps.
    let day = meeting.start.date();
    Ok(vec![Effect::Fetch {
        from: day,
        to: day,
        then: Question::QuickAdd(Box::new(meeting)),
    }])
}

/// The quick-add meeting's day arrived: book it; the step's label, and so the status line,
/// names the meetings it overlaps.
pub fn quick_add_day(model: &mut Model, meetings: &[Meeting], meeting: Meeting) -> Vec<Effect> {
    let day = meeting.start.date();
    let others = crate::domain::agenda::occurrences(meetings, day, day);
    let overlaps: Vec<String> = warnings(
        &meeting,
        meeting.start,
        &others,
        &model.settings.hours,
        None,
    )
    .into_iter()
    .filter_map(|w| match w {
        Warning::Overlap { with, start } => {
            let other = meetings.iter().find(|m| m.id == with)?;
            let who = match other.case {
                Some(case) => model.case_name(case),
                None => other.title.clone(),
            };
            Some(format!("{} {who}", format_time(start.time())))
        }
        _ => None,
    })
    .collect();
    if overlaps.is_empty() {
        return book(model, meeting);
    }
    let note = format!(
        "⚠ {}: {}",
        Msg::OverlapMark.text(model.lang),
        overlaps.join(", ")
    );
    book_noting(model, meeting, Some(note))
}
