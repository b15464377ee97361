//! The week planner's input (#18), assembled from the store for one week: the cases that must
//! be seen (the contact cadence, a course that ends, a medical answer to act on), what is
//! already booked and busy in the week, and the configuration's lengths and caps. The solver
//! is [`crate::domain::plan`]'s.

use super::today::cadence_on;
use super::window;
use crate::config::Config;
use crate::domain::chase::{RequestState, state};
use crate::domain::due::{met_by_meeting, needs_summons};
use crate::domain::first_meeting::counts_as_met;
use crate::domain::plan::{CourseParty, PlanInput, PlanNeed, PlanRules, Why, answer_needs_meeting};
use crate::domain::reminder::ReminderKind;
use crate::domain::reports::course_reminders_until;
use crate::model::{Case, Contact, Course, MedicalRequest, MeetingStatus};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// The rules the planner books with, from the configuration.
pub fn rules(config: &Config) -> PlanRules {
    let m = &config.meetings;
    PlanRules {
        default_minutes: m.default_minutes,
        first_meeting_minutes: m.first_meeting_minutes,
        three_party_minutes: m.three_party_minutes,
        prep_minutes: m.prep_minutes,
        follow_up_minutes: m.follow_up_minutes,
        travel_minutes: m.travel_minutes,
        interpreter_extra_minutes: m.interpreter_extra_minutes,
        max_meetings_per_day: m.max_meetings_per_day,
    }
}

/// What the solver needs to plan the week of `monday` as of `now` (nothing before now).
pub fn plan_input(
    store: &Store,
    config: &Config,
    monday: NaiveDate,
    now: NaiveDateTime,
) -> Result<PlanInput, StoreError> {
    let sunday = monday + Duration::days(6);
    let today = now.date();
    let mut needs = Vec::new();
    for case in store.all::<Case>()?.into_iter().filter(Case::is_active) {
        case_needs(store, config, &case, today, sunday, &mut needs)?;
    }
    Ok(PlanInput {
        from: now.max(midnight(monday)),
        to: sunday,
        needs,
        meetings: window::meetings(store, monday, sunday)?,
        blocks: window::external(store, monday, sunday)?,
        hours: config.hours(),
        rules: rules(config),
    })
}

/// The needs of one case by `until` (the week's Sunday).
fn case_needs(
    store: &Store,
    config: &Config,
    case: &Case,
    today: NaiveDate,
    until: NaiveDate,
    out: &mut Vec<PlanNeed>,
) -> Result<(), StoreError> {
    let (cadence, next_planned) = cadence_on(store, config, case, today)?;
    let first = !store.case_has_meeting(case.id, counts_as_met)?;
    let need = |why: Why, due: NaiveDate, course: Option<CourseParty>| PlanNeed {
        case: case.id,
        name: case.name.clone(),
        reference: case.reference.clone(),
        why,
        due,
        first,
        interpreter: case.flags.interpreter.clone(),
        away: case.away.clone(),
        time_of_day: case.preferences.time_of_day.clone(),
        place: case.preferences.place.clone(),
        course,
    };
    if let Some(cadence) = &cadence
        && needs_summons(cadence, next_planned, until)
    {
        let why = Why::Cadence {
            due: cadence.next_due,
            source: cadence.source.clone(),
        };
        out.push(need(why, cadence.next_due, None));
    }
    for course in store.for_case::<Course>(case.id)? {
        let supplier = store.get::<Contact>(course.supplier)?;
        let supplier_name = supplier.map(|s| s.name).unwrap_or_default();
        let reminders =
            course_reminders_until(&course, today, until, &config.courses, Some(&supplier_name));
        let mut open = false;
        for r in reminders.iter().filter(|r| {
            matches!(
                r.kind,
                ReminderKind::CallSupplierBeforeEnd | ReminderKind::SummonBeforeEnd
            )
        }) {
            let meeting = store
                .case_meeting_from(case.id, midnight(r.due), |m| {
                    matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
                })?
                .map(|m| m.start.date());
            open |= !met_by_meeting(r, meeting);
        }
        if !open || course.end < today {
            continue;
        }
        let party = course.consultant.unwrap_or(course.supplier);
        let party_name = store
            .get::<Contact>(party)?
            .map_or_else(|| supplier_name.clone(), |c| c.name);
        let why = Why::CourseEnd {
            end: course.end,
            supplier: supplier_name.clone(),
            party: party_name,
        };
        let course_party = CourseParty {
            supplier: course.supplier,
            supplier_name: supplier_name.clone(),
            party,
        };
        out.push(need(why, course.end, Some(course_party)));
    }
    for request in store.for_case::<MedicalRequest>(case.id)? {
        let RequestState::Received { on, act_by } = state(&request, today, &config.medical) else {
            continue;
        };
        let meeting = store
            .case_meeting_from(case.id, midnight(on), |m| {
                matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
            })?
            .map(|m| m.start.date());
        if answer_needs_meeting(on, meeting) {
            let why = Why::MedicalAnswer {
                kind: request.kind.clone(),
                received: on,
                act_by,
            };
            out.push(need(why, act_by, None));
        }
    }
    Ok(())
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN)
}
