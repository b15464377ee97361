//! Loads the Today list: the due index for what is open, and per active case only the meetings
//! since the last contact meeting, the next planned one and the latest contact event — never
//! the history. What counts as contact is [`crate::domain::contact`]'s rule.

use super::names::Names;
use crate::config::Config;
use crate::domain::cadence::{CadenceCase, CaseCadence, cadence_after, case_cadence};
use crate::domain::chase::request_reminders;
use crate::domain::contact;
use crate::domain::due::{
    CallBackSource, CaseFacts, DueFacts, DueList, DueSettings, OpenAgreement, OpenCallBack,
    OpenNote, OpenRebooking, Reach, due_list, met_by_first_meeting, met_by_meeting, needs_outcome,
};
use crate::domain::reminder::Reminder;
use crate::domain::reports::course_reminders_until;
use crate::domain::summary::CaseSummary;
use crate::model::{
    AgreementId, Case, CaseBrief, ContactEvent, Course, EventId, MedicalRequest, Meeting,
    MeetingId, MeetingStatus, NoteId, Rebooking, RebookingId,
};
use crate::store::{DueDetail, DueKind, Store, StoreError};
use crate::time::Zone;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::{BTreeSet, HashMap};

/// Days after today the Today screen and `caseplan due` look ahead.
pub const COMING_DAYS: u64 = 7;

/// The last day of the default window starting `today`.
pub fn default_until(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(COMING_DAYS))
        .unwrap_or(today)
}

/// The Today list as of `now` (local time), for items due up to `until`, without snoozed items.
pub fn today_list(
    store: &Store,
    config: &Config,
    zone: &Zone,
    now: NaiveDateTime,
    until: NaiveDate,
) -> Result<DueList, StoreError> {
    let today = now.date();
    let facts = due_facts(store, config, zone, now, until)?;
    let settings = DueSettings {
        journalise_within_days: config.today.journalise_within_days,
        no_contact_days: config.today.no_contact_days,
        call_back_minutes: config.today.call_back_minutes,
    };
    Ok(due_list(&facts, today, until, settings, &store.snoozes()?))
}

/// The Today screen's list as of the real `now` with the default window. Snoozes that ended
/// before today are forgotten first, so the settings do not grow forever. (Not for a list of
/// another day: a snooze still running today would be lost.)
pub fn today_screen_list(
    store: &Store,
    config: &Config,
    zone: &Zone,
    now: NaiveDateTime,
) -> Result<DueList, StoreError> {
    let today = now.date();
    store.forget_snoozes_before(today)?;
    today_list(store, config, zone, now, default_until(today))
}

/// The facts [`due_list`] assembles from, as of `now` (local time).
pub fn due_facts(
    store: &Store,
    config: &Config,
    zone: &Zone,
    now: NaiveDateTime,
    until: NaiveDate,
) -> Result<DueFacts, StoreError> {
    let today = now.date();
    let mut facts = DueFacts::default();
    let mut summaries = HashMap::new();
    for (case, summary) in store.active_cases()? {
        let per_case = if summary.holds_at(now, zone) {
            summary_facts(config, zone, &case, &summary, now)
        } else {
            case_facts(store, config, zone, &case, now)?
        };
        facts.cases.insert(case.id, per_case);
        summaries.insert(case.id, summary);
    }
    // Reminders show some days before the date the index holds (a course's end, a report's
    // due day); look that far beyond the window.
    let c = &config.courses;
    let lead = [
        c.report_lead_days,
        c.summon_days_before_end,
        c.call_supplier_weeks_before_end.saturating_mul(7),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    let horizon = until
        .checked_add_days(Days::new(u64::from(lead)))
        .unwrap_or(until);
    // The journalising window: a note is due `journalise_within_days` after it was written.
    let notes_until = until
        .checked_sub_days(Days::new(u64::from(config.today.journalise_within_days)))
        .unwrap_or(until);
    let mut courses = BTreeSet::new();
    let mut requests = BTreeSet::new();
    // Agreements, notes and call-backs come with what the list says of them (their entry's
    // detail), so their records are not read.
    for (due, detail) in store.due_details_between(NaiveDate::MIN, horizon)? {
        if !facts.cases.contains_key(&due.case) {
            continue;
        }
        match (due.kind, detail) {
            (DueKind::Agreement, Some(DueDetail::Agreement { who, what })) => {
                facts.agreements.push(OpenAgreement {
                    id: AgreementId(due.id),
                    case: due.case,
                    who,
                    what,
                    due: due.date,
                });
            }
            (DueKind::CourseReport | DueKind::CourseEnd | DueKind::ReportUnread, _) => {
                courses.insert(due.id);
            }
            (DueKind::MedicalDeadline | DueKind::RequestFollowUp, _) => {
                requests.insert(due.id);
            }
            (DueKind::NoteUnjournalised, Some(DueDetail::Note { subject, at }))
                if due.date <= notes_until.succ_opt().unwrap_or(until) =>
            {
                facts.notes.push(OpenNote {
                    id: NoteId(due.id),
                    case: due.case,
                    subject,
                    written: zone.local(at).date(),
                });
            }
            (DueKind::CallBack, Some(DueDetail::CallBack { at, channel, note }))
                if zone.local(at) <= now =>
            {
                facts.call_backs.push(OpenCallBack {
                    source: CallBackSource::Event(EventId(due.id)),
                    case: due.case,
                    at: zone.local(at),
                    channel,
                    note,
                });
            }
            (
                DueKind::CutOff,
                Some(DueDetail::CutOff {
                    start,
                    form,
                    outcome,
                }),
            ) if start <= now => {
                facts.call_backs.push(OpenCallBack {
                    source: CallBackSource::Meeting(MeetingId(due.id)),
                    case: due.case,
                    at: start,
                    channel: contact::channel_of(form),
                    note: outcome,
                });
            }
            (DueKind::Rebooking, _) => {
                if let Some(r) = store.get::<Rebooking>(RebookingId(due.id))?
                    && r.is_open()
                    && let Some(case) = store.get::<Case>(r.case)?
                {
                    facts.rebookings.push(OpenRebooking {
                        rebooking: r,
                        reach: Reach::of(&case),
                    });
                }
            }
            // An entry of these kinds always has its detail: without one, or not due yet by
            // the clock, it is no item.
            (
                DueKind::Agreement
                | DueKind::NoteUnjournalised
                | DueKind::CallBack
                | DueKind::CutOff,
                _,
            ) => {}
        }
    }
    // Outcomes to write: only today's meetings are read.
    let tomorrow = today.succ_opt().unwrap_or(today);
    facts.outcomes = store
        .meetings_between(midnight(today), midnight(tomorrow))?
        .into_iter()
        .filter(|m| needs_outcome(m, now) && m.case.is_some_and(|c| facts.cases.contains_key(&c)))
        .collect();
    // Courses and requests come from their by-case entries, which carry the open ones whole:
    // a finished course, or a request no longer followed, gives no reminder.
    let mut suppliers = Names::new(store);
    let mut open_courses: HashMap<u64, Course> = (store.open_courses()?.into_iter())
        .map(|c| (c.id.0, c))
        .collect();
    for id in courses {
        let Some(course) = open_courses.remove(&id) else {
            continue;
        };
        let supplier = suppliers.contact_entry(course.supplier)?;
        for reminder in course_reminders_until(&course, today, until, &config.courses, supplier) {
            if !met_by_a_meeting(store, summaries.get(&course.case), &course, &reminder)? {
                facts.reminders.push(reminder);
            }
        }
    }
    let mut followed: HashMap<u64, MedicalRequest> = (store.followed_requests()?.into_iter())
        .map(|r| (r.id.0, r))
        .collect();
    for id in requests {
        if let Some(request) = followed.remove(&id) {
            facts
                .reminders
                .extend(request_reminders(&request, today, &config.medical));
        }
    }
    Ok(facts)
}

/// Whether a meeting booked before the course's end answers `reminder` (the call and the
/// summons): from the case's summary, reading the case's meetings only when it cannot tell.
fn met_by_a_meeting(
    store: &Store,
    summary: Option<&CaseSummary>,
    course: &Course,
    reminder: &Reminder,
) -> Result<bool, StoreError> {
    let from = midnight(reminder.due);
    if let Some(met) =
        summary.and_then(|s| met_by_first_meeting(reminder, s.first_meeting_from(from)))
    {
        return Ok(met);
    }
    let meeting = store
        .case_meeting_from(course.case, from, |m| {
            matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
        })?
        .map(|m| m.start.date());
    Ok(met_by_meeting(reminder, meeting))
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    NaiveDateTime::new(day, NaiveTime::MIN)
}

/// Cadence, next planned meeting and last contact of one case as of `now`, from its summary
/// (which must hold at `now`).
pub(super) fn summary_facts(
    config: &Config,
    zone: &Zone,
    case: &CaseBrief,
    summary: &CaseSummary,
    now: NaiveDateTime,
) -> CaseFacts {
    let today = now.date();
    CaseFacts {
        case: case.id,
        name: case.name.clone(),
        created: zone.local(case.created).date(),
        cadence: cadence_after(
            case.into(),
            summary.last_held_day(),
            summary.not_counted_by(today),
            &config.cadence,
            today,
        ),
        next_planned: summary.next_planned_from(midnight(today)).map(|s| s.date()),
        last_contact: summary.last_contact(zone).map(|c| c.date()),
    }
}

/// [`summary_facts`] read from the meetings and events, for a moment the summary does not
/// hold at (a meeting marked held before it started, an event logged ahead).
pub(super) fn case_facts(
    store: &Store,
    config: &Config,
    zone: &Zone,
    case: &CaseBrief,
    now: NaiveDateTime,
) -> Result<CaseFacts, StoreError> {
    let today = now.date();
    // Back to the newest contact meeting: also every meeting held today, which the cadence
    // counts, and the afbud and udeblevet since the last held one.
    let plan = planning(store, config, case.into(), today, |m| {
        contact::is_contact_meeting(m, now)
    })?;
    let last_event = store
        .latest_for_case::<ContactEvent>(case.id, |e| contact::is_contact_event(e, zone, now))?;
    let last_contact = contact::last_contact(&plan.recent, last_event.as_ref(), zone, now);
    Ok(CaseFacts {
        case: case.id,
        name: case.name.clone(),
        created: zone.local(case.created).date(),
        cadence: plan.cadence,
        next_planned: plan.next_planned,
        last_contact: last_contact.map(|c| c.at.date()),
    })
}

/// A case's cadence and next planned meeting as of a day, and the meetings read for them.
pub(super) struct Planning {
    pub(super) cadence: Option<CaseCadence>,
    pub(super) next_planned: Option<NaiveDate>,
    /// Back from the end of the day to the newest one the read stopped at.
    pub(super) recent: Vec<Meeting>,
}

/// The [`Planning`] of `case` as of `today`, reading back to the newest meeting `stop` takes.
pub(super) fn planning(
    store: &Store,
    config: &Config,
    case: CadenceCase<'_>,
    today: NaiveDate,
    stop: impl Fn(&Meeting) -> bool,
) -> Result<Planning, StoreError> {
    let tomorrow = today.succ_opt().unwrap_or(today);
    let recent = store.case_meetings_back_until(case.id, midnight(tomorrow), stop)?;
    let cadence = case_cadence(case, &recent, &config.cadence, today);
    let next_planned = store
        .case_meeting_from(case.id, midnight(today), |m| {
            m.status == MeetingStatus::Planned
        })?
        .map(|m| m.start.date());
    Ok(Planning {
        cadence,
        next_planned,
        recent,
    })
}

/// How many active cases must be summoned by `until` to stay on time: their cadence falls due
/// by then and no meeting is planned in time.
pub fn summons_needed(
    store: &Store,
    config: &Config,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<usize, StoreError> {
    let mut n = 0;
    for (case, summary) in store.active_cases()? {
        let (cadence, next_planned) = cadence_with(store, config, &case, &summary, today)?;
        if let Some(cadence) = &cadence
            && crate::domain::due::needs_summons(cadence, next_planned, until)
        {
            n += 1;
        }
    }
    Ok(n)
}

/// A case's cadence and next planned meeting (from today's midnight) on `today`, counting
/// every meeting held up to the end of the day: from the summary, or from the meetings when a
/// meeting is marked held on a later day.
pub(crate) fn cadence_on<'a>(
    store: &Store,
    config: &Config,
    case: impl Into<CadenceCase<'a>>,
    today: NaiveDate,
) -> Result<(Option<CaseCadence>, Option<NaiveDate>), StoreError> {
    let case = case.into();
    cadence_with(store, config, case, &store.summary(case.id)?, today)
}

/// [`cadence_on`] with the case's summary read already.
fn cadence_with<'a>(
    store: &Store,
    config: &Config,
    case: impl Into<CadenceCase<'a>>,
    summary: &CaseSummary,
    today: NaiveDate,
) -> Result<(Option<CaseCadence>, Option<NaiveDate>), StoreError> {
    let case = case.into();
    if summary.holds_on(today) {
        let cadence = cadence_after(
            case,
            summary.last_held_day(),
            summary.not_counted_by(today),
            &config.cadence,
            today,
        );
        let next = summary.next_planned_from(midnight(today)).map(|s| s.date());
        return Ok((cadence, next));
    }
    let held = |m: &Meeting| m.status == MeetingStatus::Held;
    let plan = planning(store, config, case, today, held)?;
    Ok((plan.cadence, plan.next_planned))
}
