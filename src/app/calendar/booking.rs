//! Booking and changing meetings as undo steps, finding room in the coming weeks, and the words
//! the status line names a meeting with. Other features book through these.

use crate::app::core::effect::{Effect, Question};
use crate::app::core::history::Step;
use crate::app::core::settings::Settings;
use crate::app::model::{Model, Selection};
use crate::domain::agenda::{Occurrence, occurrences};
use crate::domain::busy::busy_spans;
use crate::domain::first_meeting::{counts_as_met, meeting_length};
use crate::domain::slots::{Need, next_free};
use crate::i18n::{Msg, label_purpose, weekday_short};
use crate::model::{CaseId, ExternalBlock, Meeting};
use crate::store::{AnyRecord, Change, RecordRef};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// How far ahead "find a free slot" and follow-ups look for room.
pub const SEARCH_DAYS: u32 = 28;

/// Writes a changed meeting as one step (the write reads what it changed again).
pub fn save_meeting(before: &Meeting, after: Meeting, label: String) -> Effect {
    let step = Step {
        label,
        forward: vec![Change::Put(AnyRecord::Meeting(after.clone()))],
        backward: vec![Change::Put(AnyRecord::Meeting(before.clone()))],
    };
    Effect::Write(step)
}

/// The pickers learn that `meeting`'s case has met (or will), so its next meeting is no
/// longer booked as a first meeting.
pub fn note_met(model: &mut Model, meeting: &Meeting) {
    let (Some(case), Some(directory)) = (meeting.case, model.directory.as_mut()) else {
        return;
    };
    if counts_as_met(meeting)
        && let Some(entry) = directory.cases.iter_mut().find(|c| c.id == case)
    {
        entry.has_met = true;
    }
}

/// The length of a new meeting for `case`: a first meeting's when the case has not met yet.
pub fn length_for(model: &Model, case: Option<CaseId>) -> u32 {
    let first = case.is_some_and(|case| {
        model
            .directory
            .as_ref()
            .and_then(|d| d.cases.iter().find(|c| c.id == case))
            .is_some_and(|c| !c.has_met)
    });
    let s = &model.settings;
    meeting_length(first, s.first_meeting_minutes, s.default_minutes)
}

/// Writes a new meeting as one step and shows its day with it selected.
pub fn book(model: &mut Model, meeting: Meeting) -> Vec<Effect> {
    book_noting(model, meeting, None)
}

/// [`book`], with a note after the step's label (what it overlaps), so the status line says it.
pub fn book_noting(model: &mut Model, meeting: Meeting, note: Option<String>) -> Vec<Effect> {
    note_met(model, &meeting);
    let mut label = format!(
        "{} {}",
        Msg::StepBooked.text(model.lang),
        describe(model, &meeting, meeting.start)
    );
    if let Some(note) = note {
        label.push_str(&format!(" {note}"));
    }
    if super::follows_changes(model) {
        model.day = meeting.start.date();
        model.selected = Some(Selection {
            meeting: meeting.id,
            start: meeting.start,
        });
    }
    let step = Step {
        label,
        backward: vec![Change::Delete(RecordRef::from(meeting.id))],
        forward: vec![Change::Put(AnyRecord::Meeting(meeting))],
    };
    vec![Effect::Write(step)]
}

/// Where a search for free time starts: now on today, else the start of the focused day.
pub fn search_start(model: &Model) -> NaiveDateTime {
    if model.day == model.today() {
        model.now
    } else {
        model.day.and_time(NaiveTime::MIN)
    }
}

/// What [`fetch_ahead`] (or a form's day) loaded: the meetings, and the busy time from other
/// calendars on the same days (#16).
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    pub meetings: Vec<Meeting>,
    pub busy: Vec<ExternalBlock>,
}

/// Loads the pickers (if not yet) and the meetings of the weeks from `from`, then asks `then`.
pub fn fetch_ahead(model: &Model, from: NaiveDateTime, then: Question) -> Vec<Effect> {
    let mut effects = model.need_directory();
    effects.push(Effect::Fetch {
        from: from.date(),
        to: from.date() + Duration::days(i64::from(SEARCH_DAYS)),
        then,
    });
    effects
}

/// The occurrences of `meetings` in the weeks searched from `from`: what [`fetch_ahead`]
/// loaded.
pub fn ahead(meetings: &[Meeting], from: NaiveDate) -> Vec<Occurrence<'_>> {
    occurrences(
        meetings,
        from,
        from + Duration::days(i64::from(SEARCH_DAYS)),
    )
}

/// The first start from `from` where `minutes` and the configured buffers fit, in the weeks
/// `fetched` holds, around its meetings and the busy time from other calendars.
pub fn first_free(
    settings: &Settings,
    fetched: &Fetched,
    from: NaiveDateTime,
    minutes: u32,
) -> Option<NaiveDateTime> {
    let need = Need {
        minutes,
        prep_minutes: settings.prep_minutes,
        follow_up_minutes: settings.follow_up_minutes,
        travel_minutes: 0,
    };
    next_free(
        from,
        need,
        &ahead(&fetched.meetings, from.date()),
        &busy_spans(&fetched.busy),
        &settings.hours,
        SEARCH_DAYS,
    )
}

/// "opfølgning Anne Jensen tir 10:00".
pub fn describe(model: &Model, meeting: &Meeting, start: NaiveDateTime) -> String {
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
pub fn when_label(model: &Model, at: NaiveDateTime) -> String {
    let day = weekday_short(at.weekday(), model.lang);
    let this_week = at.date().iso_week() == model.day.iso_week();
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    if this_week {
        format!("{day} {time}")
    } else {
        format!("{day} {} {time}", at.format("%d.%m"))
    }
}
