//! Loads the Today list: the due index for what is open, and per active case only the meetings
//! since the last contact meeting, the next planned one and the latest contact event — never
//! the history. What counts as contact is [`crate::domain::contact`]'s rule.

use super::names::Names;
use crate::config::Config;
use crate::domain::cadence::{CaseCadence, cadence_after, case_cadence};
use crate::domain::chase::request_reminders;
use crate::domain::contact;
use crate::domain::due::{
    CallBackSource, CaseFacts, DueFacts, DueList, DueSettings, OpenAgreement, OpenCallBack,
    OpenNote, OpenRebooking, Reach, due_list, is_cut_off, may_be_met_by_meeting, met_by_meeting,
    needs_outcome,
};
use crate::domain::reports::course_reminders_until;
use crate::domain::summary::CaseSummary;
use crate::model::{
    Agreement, AgreementId, Case, ContactEvent, Course, CourseId, EventId, MedicalRequest, Meeting,
    MeetingId, MeetingStatus, Note, NoteId, Rebooking, RebookingId, RequestId,
};
use crate::store::{DueKind, Store, StoreError};
use crate::time::Zone;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeSet;

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
    for case in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        let summary = store.summary(case.id)?;
        let per_case = if summary.holds_at(now, zone) {
            summary_facts(config, zone, &case, &summary, now)
        } else {
            case_facts(store, config, zone, &case, now)?
        };
        facts.cases.insert(case.id, per_case);
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
    for due in store.due_between(NaiveDate::MIN, horizon)? {
        if !facts.cases.contains_key(&due.case) {
            continue;
        }
        match due.kind {
            DueKind::Agreement => {
                if let Some(a) = store.get::<Agreement>(AgreementId(due.id))?
                    && a.is_open()
                    && let Some(day) = a.due
                {
                    facts.agreements.push(OpenAgreement {
                        id: a.id,
                        case: a.case,
                        who: a.who,
                        what: a.what,
                        due: day,
                    });
                }
            }
            DueKind::CourseReport | DueKind::CourseEnd | DueKind::ReportUnread => {
                courses.insert(due.id);
            }
            DueKind::MedicalDeadline | DueKind::RequestFollowUp => {
                requests.insert(due.id);
            }
            DueKind::NoteUnjournalised if due.date <= notes_until.succ_opt().unwrap_or(until) => {
                if let Some(n) = store.get::<Note>(NoteId(due.id))?
                    && n.journalised.is_none()
                {
                    facts.notes.push(OpenNote {
                        id: n.id,
                        case: n.case,
                        subject: n.subject,
                        written: zone.local(n.at).date(),
                    });
                }
            }
            DueKind::NoteUnjournalised => {}
            DueKind::CallBack => {
                if let Some(e) = store.get::<ContactEvent>(EventId(due.id))?
                    && contact::is_open_call_back(&e)
                    && zone.local(e.at) <= now
                {
                    facts.call_backs.push(OpenCallBack {
                        source: CallBackSource::Event(e.id),
                        case: e.case,
                        at: zone.local(e.at),
                        channel: e.channel,
                        note: e.note,
                    });
                }
            }
            DueKind::Rebooking => {
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
            DueKind::CutOff => {
                if let Some(m) = store.get::<Meeting>(MeetingId(due.id))?
                    && is_cut_off(&m)
                    && m.start <= now
                {
                    facts.call_backs.push(OpenCallBack {
                        source: CallBackSource::Meeting(m.id),
                        case: due.case,
                        at: m.start,
                        channel: contact::channel_of(m.form),
                        note: m.outcome,
                    });
                }
            }
        }
    }
    // Outcomes to write: only today's meetings are read.
    let tomorrow = today.succ_opt().unwrap_or(today);
    facts.outcomes = store
        .meetings_between(midnight(today), midnight(tomorrow))?
        .into_iter()
        .filter(|m| needs_outcome(m, now) && m.case.is_some_and(|c| facts.cases.contains_key(&c)))
        .collect();
    let mut suppliers = Names::new(store);
    for id in courses {
        let Some(course) = store.get::<Course>(CourseId(id))? else {
            continue;
        };
        let supplier = suppliers.contact_entry(course.supplier)?;
        for reminder in course_reminders_until(&course, today, until, &config.courses, supplier) {
            // The call and the summons are done once a meeting is booked before the end; the
            // case's meetings are read only for those.
            let met = may_be_met_by_meeting(&reminder) && {
                let meeting = store
                    .case_meeting_from(course.case, midnight(reminder.due), |m| {
                        matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
                    })?
                    .map(|m| m.start.date());
                met_by_meeting(&reminder, meeting)
            };
            if !met {
                facts.reminders.push(reminder);
            }
        }
    }
    for id in requests {
        if let Some(request) = store.get::<MedicalRequest>(RequestId(id))? {
            facts
                .reminders
                .extend(request_reminders(&request, today, &config.medical));
        }
    }
    Ok(facts)
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    NaiveDateTime::new(day, NaiveTime::MIN)
}

/// Cadence, next planned meeting and last contact of one case as of `now`, from its summary
/// (which must hold at `now`).
pub(super) fn summary_facts(
    config: &Config,
    zone: &Zone,
    case: &Case,
    summary: &CaseSummary,
    now: NaiveDateTime,
) -> CaseFacts {
    let today = now.date();
    CaseFacts {
        case: case.id,
        name: case.name.clone(),
        created: zone.local(case.created).date(),
        cadence: cadence_after(
            case,
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
    case: &Case,
    now: NaiveDateTime,
) -> Result<CaseFacts, StoreError> {
    let today = now.date();
    // Back to the newest contact meeting: also every meeting held today, which the cadence
    // counts, and the afbud and udeblevet since the last held one.
    let plan = planning(store, config, case, today, |m| {
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
    case: &Case,
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
    for case in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        let (cadence, next_planned) = cadence_on(store, config, &case, today)?;
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
pub(crate) fn cadence_on(
    store: &Store,
    config: &Config,
    case: &Case,
    today: NaiveDate,
) -> Result<(Option<CaseCadence>, Option<NaiveDate>), StoreError> {
    let summary = store.summary(case.id)?;
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
