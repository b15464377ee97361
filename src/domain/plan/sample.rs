//! Generated weeks for the planner's benchmark and property tests: `cases` citizens, the
//! needs such a caseload has in one week, and the week booked to a share of its working time
//! with meetings and busy time from another calendar. Deterministic from the seed.

use super::{CourseParty, PlanInput, PlanNeed, PlanRules, Why};
use crate::domain::cadence::CadenceSource;
use crate::domain::hours::WorkingHours;
use crate::model::{
    AwayPeriod, AwayReason, BookedBy, CaseId, ContactId, ExternalBlock, ExternalId, Meeting,
    MeetingForm, MeetingId, MeetingStatus, Place, purpose,
};
use chrono::{Duration, NaiveDate, NaiveTime};

/// The rules the samples plan with: the configuration's defaults.
pub const RULES: PlanRules = PlanRules {
    default_minutes: 45,
    first_meeting_minutes: 90,
    three_party_minutes: 60,
    prep_minutes: 10,
    follow_up_minutes: 10,
    travel_minutes: 20,
    interpreter_extra_minutes: 15,
    max_meetings_per_day: 8,
};

/// A small deterministic generator (xorshift).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// A week (`monday`..Sunday) for `cases` citizens with `booked_percent` of its working time
/// taken before planning.
pub fn week(monday: NaiveDate, cases: u64, booked_percent: u32, seed: u64) -> PlanInput {
    let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let hours = WorkingHours::default();
    let sunday = monday + Duration::days(6);
    let (meetings, blocks) = booked(monday, &hours, booked_percent, cases, &mut dice);
    let mut needs = Vec::new();
    // One case in ten falls due under the cadence in a week (four meetings a year, one in 13,
    // and a backlog); one in 40 ends a course (three suppliers); one in 50 has a medical answer.
    for i in 0..cases {
        let case = CaseId(i + 1);
        let reference = format!("S-{:04}", i + 1);
        let name = format!("Borger {}", i + 1);
        let offset = i64::try_from(dice.below(9)).unwrap_or(0) - 2;
        let due = monday + Duration::days(offset);
        let interpreter = (dice.below(10) == 0).then(|| "arabisk".to_owned());
        let away = if dice.below(12) == 0 {
            let from = monday + Duration::days(i64::try_from(dice.below(5)).unwrap_or(0));
            vec![AwayPeriod {
                from,
                to: from + Duration::days(i64::try_from(dice.below(4)).unwrap_or(0)),
                reason: AwayReason::Sick,
                note: String::new(),
            }]
        } else {
            Vec::new()
        };
        let time_of_day = ["formiddag", "eftermiddag", "efter kl. 10", "", "", ""]
            [usize::try_from(dice.below(6)).unwrap_or(0)]
        .to_owned();
        let place =
            ["hjemme", "gåtur", "", "", ""][usize::try_from(dice.below(5)).unwrap_or(0)].to_owned();
        let base = PlanNeed {
            case,
            name,
            reference,
            why: Why::Cadence {
                due,
                source: CadenceSource::Rule {
                    key: "aktivitetsparat".into(),
                    min_meetings: Some(4),
                    per_months: Some(12),
                    max_days_between: None,
                },
            },
            due,
            first: dice.below(15) == 0,
            interpreter,
            away,
            time_of_day,
            place,
            course: None,
        };
        if i % 10 == 0 {
            needs.push(base.clone());
        }
        if i % 40 == 3 {
            let supplier = ContactId(1000 + i % 3);
            let end = monday + Duration::days(4 + i64::try_from(dice.below(10)).unwrap_or(0));
            needs.push(PlanNeed {
                why: Why::CourseEnd {
                    end,
                    supplier: format!("Leverandør {}", supplier.0),
                    party: format!("Konsulent {}", i),
                },
                due: end,
                course: Some(CourseParty {
                    supplier,
                    supplier_name: format!("Leverandør {}", supplier.0),
                    party: ContactId(2000 + i),
                }),
                ..base.clone()
            });
        }
        if i % 50 == 7 {
            let received = monday - Duration::days(1);
            let act_by = monday + Duration::days(2);
            needs.push(PlanNeed {
                why: Why::MedicalAnswer {
                    kind: "statusattest".into(),
                    received,
                    act_by,
                },
                due: act_by,
                ..base
            });
        }
    }
    PlanInput {
        from: monday.and_time(NaiveTime::MIN),
        to: sunday,
        needs,
        meetings,
        blocks,
        hours,
        rules: RULES,
    }
}

/// Meetings and busy blocks on the working days until `percent` of the working time is taken
/// (counting their buffers), in the order of the day with the free time between them in
/// stretches of half an hour to two hours at random: meetings start on a quarter hour.
fn booked(
    monday: NaiveDate,
    hours: &WorkingHours,
    percent: u32,
    cases: u64,
    dice: &mut Dice,
) -> (Vec<Meeting>, Vec<ExternalBlock>) {
    let mut meetings = Vec::new();
    let mut blocks = Vec::new();
    let day_minutes = (hours.end - hours.start).num_minutes();
    for d in 0..5 {
        let day = monday + Duration::days(d);
        let target = day_minutes * i64::from(percent) / 100;
        // (external, minutes, the quarter hours it takes with its buffers)
        let mut items: Vec<(bool, i64, i64)> = Vec::new();
        let mut used = 0;
        while used < target {
            let external = dice.below(4) == 0;
            let minutes = [30, 45, 60, 90][usize::try_from(dice.below(4)).unwrap_or(0)];
            // Preparation and follow-up of 10 minutes each take a quarter hour on each side.
            let span = if external { minutes } else { minutes + 30 };
            if used + span > day_minutes {
                break;
            }
            used += span;
            items.push((external, minutes, span / 15));
        }
        // The free time comes in stretches of half an hour to two hours, between any two.
        let mut free_quarters = (day_minutes - used) / 15;
        let mut gaps = vec![0i64; items.len() + 1];
        while free_quarters > 0 {
            let chunk = (2 + i64::try_from(dice.below(7)).unwrap_or(0)).min(free_quarters);
            let at = usize::try_from(dice.below(gaps.len() as u64)).unwrap_or(0);
            gaps[at] += chunk;
            free_quarters -= chunk;
        }
        let mut at = hours.opens(day);
        for ((external, minutes, quarters), gap) in items.into_iter().zip(gaps) {
            at += Duration::minutes(gap * 15);
            let id = u64::try_from(meetings.len() + blocks.len()).unwrap_or(0) + 1;
            if external {
                blocks.push(ExternalBlock {
                    id: ExternalId(id),
                    source: "Outlook".into(),
                    uid: format!("uid-{id}"),
                    occurrence: None,
                    start: at,
                    minutes: u32::try_from(minutes).unwrap_or(30),
                    all_day: false,
                    title: "Teammøde".into(),
                    free: false,
                    private: false,
                });
            } else {
                meetings.push(Meeting {
                    id: MeetingId(id),
                    case: Some(CaseId(1 + dice.below(cases.max(1)))),
                    start: at + Duration::minutes(15),
                    minutes: u32::try_from(minutes).unwrap_or(45),
                    purpose: purpose::OPFOELGNING.into(),
                    form: MeetingForm::InPerson,
                    place: Place::default(),
                    participants: vec![],
                    booked_by: BookedBy::Caseworker,
                    prep_minutes: 10,
                    follow_up_minutes: 10,
                    status: MeetingStatus::Planned,
                    outcome: String::new(),
                    title: String::new(),
                    note: String::new(),
                    repeat: None,
                    travel_minutes: 0,
                    moved_to: None,
                    moved_from: None,
                    revision: 0,
                });
            }
            at += Duration::minutes(quarters * 15);
        }
    }
    (meetings, blocks)
}
