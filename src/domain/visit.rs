//! Planning one visit at a supplier for several of its citizens: their meetings back to back
//! on one day, with preparation before the first and follow-up after the last.

use crate::domain::agenda::Occurrence;
use crate::domain::busy::Span;
use crate::domain::hours::WorkingHours;
use crate::domain::slots::{Need, next_free};
use crate::model::{
    BookedBy, CaseId, ContactId, Meeting, MeetingForm, MeetingId, MeetingStatus, Participant,
    Place, PlaceKind, Role, purpose,
};
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// One visit to plan: who, where, which day, how long each meeting is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitPlan {
    pub supplier: ContactId,
    pub supplier_name: String,
    pub day: NaiveDate,
    pub minutes: u32,
    pub citizens: Vec<VisitCitizen>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitCitizen {
    pub case: CaseId,
    pub name: String,
    pub consultant: Option<ContactId>,
}

/// The visit's meetings, back to back from the first start at or after `from` on the plan's
/// day where all of them fit, with preparation before the first and follow-up after the last
/// (`buffers`); `None` when the day has no such room. `ids` holds one id per citizen.
pub fn plan_visit(
    plan: &VisitPlan,
    from: NaiveDateTime,
    booked: &[Occurrence<'_>],
    also_busy: &[Span],
    hours: &WorkingHours,
    buffers: (u32, u32),
    ids: &[u64],
) -> Option<Vec<Meeting>> {
    let count = u32::try_from(plan.citizens.len()).ok()?;
    if count == 0 || ids.len() < plan.citizens.len() || plan.minutes == 0 {
        return None;
    }
    let need = Need {
        minutes: plan.minutes.checked_mul(count)?,
        prep_minutes: buffers.0,
        follow_up_minutes: buffers.1,
        travel_minutes: 0,
    };
    let start =
        next_free(from, need, booked, also_busy, hours, 0).filter(|s| s.date() == plan.day)?;
    let last = plan.citizens.len() - 1;
    let meetings = plan
        .citizens
        .iter()
        .zip(ids)
        .enumerate()
        .map(|(i, (citizen, id))| {
            let mut participants = vec![Participant {
                role: Role::Citizen,
                contact: None,
                name: String::new(),
            }];
            if let Some(consultant) = citizen.consultant {
                participants.push(Participant {
                    role: Role::Consultant,
                    contact: Some(consultant),
                    name: String::new(),
                });
            }
            Meeting {
                id: MeetingId(*id),
                case: Some(citizen.case),
                start: start + Duration::minutes(i64::from(plan.minutes) * i as i64),
                minutes: plan.minutes,
                purpose: purpose::OPFOELGNING.to_string(),
                form: MeetingForm::InPerson,
                place: Place {
                    kind: PlaceKind::Supplier,
                    text: plan.supplier_name.clone(),
                },
                participants,
                booked_by: BookedBy::Caseworker,
                prep_minutes: if i == 0 { buffers.0 } else { 0 },
                follow_up_minutes: if i == last { buffers.1 } else { 0 },
                status: MeetingStatus::Planned,
                outcome: String::new(),
                title: String::new(),
                note: String::new(),
                revision: 0,
                travel_minutes: 0,
                moved_to: None,
                moved_from: None,
                repeat: None,
            }
        })
        .collect();
    Some(meetings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::occurrences;
    use crate::testing::{at, meeting};

    fn plan(citizens: u64, minutes: u32) -> VisitPlan {
        VisitPlan {
            supplier: ContactId(100),
            supplier_name: "Udsyn".into(),
            day: at("2026-11-26 00:00").date(),
            minutes,
            citizens: (1..=citizens)
                .map(|i| VisitCitizen {
                    case: CaseId(i),
                    name: format!("Citizen {i}"),
                    consultant: (i == 2).then_some(ContactId(101)),
                })
                .collect(),
        }
    }

    #[test]
    fn the_visit_starts_after_a_meeting_that_leaves_too_little_room_before_it() {
        // 08:00–09:00 is too short for 3 × 30 min with buffers; the visit starts after 10:00.
        let ms = [meeting(1, "2026-11-26 09:00", 60)];
        let p = plan(3, 30);
        let booked = occurrences(&ms, p.day, p.day);
        let visit = plan_visit(
            &p,
            at("2026-11-26 00:00"),
            &booked,
            &[],
            &WorkingHours::default(),
            (10, 10),
            &[7, 8, 9],
        )
        .unwrap();
        let starts: Vec<_> = visit.iter().map(|m| m.start).collect();
        assert_eq!(
            starts,
            vec![
                at("2026-11-26 10:15"),
                at("2026-11-26 10:45"),
                at("2026-11-26 11:15")
            ]
        );
        assert_eq!(
            visit.iter().map(|m| m.id.0).collect::<Vec<_>>(),
            vec![7, 8, 9]
        );
        assert_eq!(visit[1].participants.len(), 2, "the consultant joins");
        assert_eq!(visit[0].participants.len(), 1);
        assert_eq!(visit[0].place.kind, PlaceKind::Supplier);
        assert_eq!(visit[2].follow_up_minutes, 10);
        assert_eq!(visit[1].prep_minutes + visit[1].follow_up_minutes, 0);
    }

    #[test]
    fn no_room_no_ids_or_nobody_gives_no_visit() {
        let hours = WorkingHours::default();
        let from = at("2026-11-26 00:00");
        // 8 × 60 min do not fit in 08:00–15:30.
        assert_eq!(
            plan_visit(&plan(8, 60), from, &[], &[], &hours, (0, 0), &[1; 8]),
            None
        );
        assert_eq!(
            plan_visit(&plan(2, 30), from, &[], &[], &hours, (0, 0), &[1]),
            None
        );
        assert_eq!(
            plan_visit(&plan(0, 30), from, &[], &[], &hours, (0, 0), &[]),
            None
        );
        // A Saturday is no working day.
        let mut saturday = plan(1, 30);
        saturday.day = at("2026-11-28 00:00").date();
        assert_eq!(
            plan_visit(
                &saturday,
                at("2026-11-28 00:00"),
                &[],
                &[],
                &hours,
                (0, 0),
                &[1]
            ),
            None
        );
    }
}
