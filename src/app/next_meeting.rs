//! The next-meeting line on every screen's status line (#20): the day's planned meetings are
//! loaded at the start, after a write that touches them and on a new day (from the calendar's
//! window when it holds today); which one is next, and whether it is close enough to be
//! prominent, is worked out again on every tick of the clock.

use super::core::effect::Effect;
use super::model::Model;
use crate::domain::next_meeting::{Upcoming, next_meeting};
use crate::model::MeetingId;
use crate::store::{AnyRecord, Change, Kind};
use chrono::NaiveDate;

/// Load today's planned meetings.
pub fn load(model: &Model) -> Effect {
    Effect::LoadUpcoming { day: model.today() }
}

/// Load today's planned meetings unless the calendar's window is loaded for days that
/// include today: it brings them ([`from_window`]).
pub fn unless_shown(model: &Model) -> Option<Effect> {
    (!model.visible_days().contains(&model.today())).then(|| load(model))
}

/// After a write: today's planned meetings are read again only when it touched them — a meeting
/// that is on today's line or now occurs today, or a case (the line names the citizen). A
/// move on another day of a crowded calendar (#21) reads nothing for the line.
pub fn after_write(model: &Model, changes: &[Change]) -> Option<Effect> {
    let today = model.today();
    let listed = |id: MeetingId| model.upcoming.iter().any(|u| u.meeting_id == id);
    let touches = changes.iter().any(|change| match change {
        Change::Put(AnyRecord::Meeting(m)) => listed(m.id) || m.occurs_on(today),
        Change::Delete(r) if r.kind == Kind::Meeting => listed(MeetingId(r.id)),
        Change::Put(AnyRecord::Case(_)) => true,
        Change::Delete(r) => r.kind == Kind::Case,
        Change::Put(_) => false,
    });
    touches.then(|| unless_shown(model)).flatten()
}

/// The calendar's window arrived or changed: when it holds today, today's planned meetings
/// are its own.
pub fn from_window(model: &mut Model) {
    let today = model.today();
    if let Some(meetings) = model.window.upcoming(today) {
        loaded(model, today, meetings);
    }
}

/// The day's meetings arrived (a day that is over by now is dropped).
pub fn loaded(model: &mut Model, day: NaiveDate, meetings: Vec<Upcoming>) {
    if day == model.today() {
        model.upcoming = meetings;
        follow_clock(model);
    }
}

/// The clock moved: the next meeting and its countdown as of now.
pub fn follow_clock(model: &mut Model) {
    model.next_meeting = next_meeting(
        &model.upcoming,
        model.now,
        model.settings.next_meeting_minutes,
    );
}
