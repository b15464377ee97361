//! Loads the Today list: the due index for what is open, and per active case only the meetings
//! since the last held one, the next planned one and the latest reached contact — never the
//! history.

use crate::config::Config;
use crate::domain::cadence::case_cadence;
use crate::domain::chase::request_reminders;
use crate::domain::due::{
    CaseFacts, DueFacts, DueList, DueSettings, OpenAgreement, OpenNote, due_list, met_by_meeting,
};
use crate::domain::reports::course_reminders_until;
use crate::model::{
    Agreement, AgreementId, Case, Contact, ContactEvent, Course, CourseId, MedicalRequest, Meeting,
    MeetingStatus, Note, NoteId, RequestId,
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

/// The Today list as of `today`, for items due up to `until`, without snoozed items.
pub fn today_list(
    store: &Store,
    config: &Config,
    zone: &Zone,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<DueList, StoreError> {
    let facts = due_facts(store, config, zone, today, until)?;
    let settings = DueSettings {
        journalise_within_days: config.today.journalise_within_days,
        no_contact_days: config.today.no_contact_days,
    };
    Ok(due_list(&facts, today, until, settings, &store.snoozes()?))
}

/// The Today screen's list as of the real `today` with the default window. Snoozes that ended
/// before today are forgotten first, so the settings do not grow forever. (Not for a list of
/// another day: a snooze still running today would be lost.)
pub fn today_screen_list(
    store: &Store,
    config: &Config,
    zone: &Zone,
    today: NaiveDate,
) -> Result<DueList, StoreError> {
    store.forget_snoozes_before(today)?;
    today_list(store, config, zone, today, default_until(today))
}

/// The facts [`due_list`] assembles from.
pub fn due_facts(
    store: &Store,
    config: &Config,
    zone: &Zone,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<DueFacts, StoreError> {
    let mut facts = DueFacts::default();
    for case in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        let per_case = case_facts(store, config, zone, &case, today)?;
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
        }
    }
    for id in courses {
        let Some(course) = store.get::<Course>(CourseId(id))? else {
            continue;
        };
        let supplier = store.get::<Contact>(course.supplier)?.map(|s| s.name);
        for reminder in
            course_reminders_until(&course, today, until, &config.courses, supplier.as_deref())
        {
            // The call and the summons are done once a meeting is booked before the end.
            let meeting = store
                .case_meeting_from(course.case, midnight(reminder.due), |m| {
                    matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
                })?
                .map(|m| m.start.date());
            if !met_by_meeting(&reminder, meeting) {
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

/// Cadence, next planned meeting and last contact of one case.
fn case_facts(
    store: &Store,
    config: &Config,
    zone: &Zone,
    case: &Case,
    today: NaiveDate,
) -> Result<CaseFacts, StoreError> {
    let tomorrow = today.succ_opt().unwrap_or(today);
    let held = |m: &Meeting| m.status == MeetingStatus::Held;
    let recent = store.case_meetings_back_until(case.id, midnight(tomorrow), held)?;
    let cadence = case_cadence(case, &recent, &config.cadence, today);
    let next_planned = store
        .case_meeting_from(case.id, midnight(today), |m| {
            m.status == MeetingStatus::Planned
        })?
        .map(|m| m.start.date());
    let last_held = recent.iter().find(|m| held(m)).map(|m| m.start.date());
    let last_event = store
        .latest_for_case::<ContactEvent>(case.id, |e| e.reached)?
        .map(|e| zone.local(e.at).date());
    Ok(CaseFacts {
        case: case.id,
        name: case.name.clone(),
        created: zone.local(case.created).date(),
        cadence,
        next_planned,
        last_contact: last_held.max(last_event),
    })
}

/// How many active cases must be summoned by `until` to stay on time: their cadence falls due
/// by then and no meeting is planned in time.
pub fn summons_needed(
    store: &Store,
    config: &Config,
    zone: &Zone,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<usize, StoreError> {
    let mut n = 0;
    for case in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        let facts = case_facts(store, config, zone, &case, today)?;
        if let Some(cadence) = &facts.cadence
            && crate::domain::due::needs_summons(cadence, facts.next_planned, until)
        {
            n += 1;
        }
    }
    Ok(n)
}
