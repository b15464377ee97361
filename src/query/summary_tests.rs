//! Case summaries against the records (#21): after any sequence of writes, every stored
//! summary equals the one computed from all of the case's records, and Today, the board and
//! the week's summons count read from it exactly what they read from the meetings and events,
//! and so does the course-end reminders' "a meeting is booked before the end".

use super::board::{BoardParams, seen_in_records, seen_in_summary};
use super::today::{case_facts, planning, summary_facts};
use crate::config::Config;
use crate::domain::summary::{FirstMeeting, summarize};
use crate::i18n::Lang;
use crate::model::{
    Case, CaseBrief, CaseId, Channel, ContactEvent, ContactId, Course, CourseId, CourseOutcome,
    Direction, EventId, MedicalRequest, Meeting, MeetingId, MeetingStatus, OrderChecklist,
    ReportCadence, RequestId, course_kind, request_kind,
};
use crate::store::{Change, Record, Store};
use crate::testing::at;
use crate::time::Zone;
use chrono::{Days, NaiveDate, NaiveDateTime};
use proptest::prelude::*;

const CASES: u64 = 3;

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(offset))))
        .unwrap()
}

fn moment(offset: u16, hour: u32) -> NaiveDateTime {
    day(offset).and_hms_opt(hour, 0, 0).unwrap()
}

fn case(id: u64) -> Case {
    let mut case = crate::testing::case(id, "2024-11-05");
    if id == 2 {
        case.target_group = "sygedagpenge".into();
    }
    case
}

fn brief(id: u64) -> CaseBrief {
    CaseBrief::of(&case(id)).unwrap()
}

/// One record change a caseworker's work can make; `slot` picks the record, so a later change
/// to the same slot edits or deletes it.
#[derive(Debug, Clone)]
enum Op {
    Meeting {
        slot: u64,
        case: Option<u64>,
        offset: u16,
        hour: u32,
        status: MeetingStatus,
    },
    Event {
        slot: u64,
        case: u64,
        offset: u16,
        hour: u32,
        reached: bool,
        call_back: bool,
    },
    Course {
        slot: u64,
        case: u64,
        finished: bool,
    },
    Request {
        slot: u64,
        case: u64,
        open: bool,
    },
    DeleteMeeting(u64),
    DeleteEvent(u64),
    DeleteCourse(u64),
}

/// Days across two and a half years, often within four days, so meetings, events and the
/// moment asked about fall on one day.
fn days() -> impl Strategy<Value = u16> {
    prop_oneof![0..900u16, 400..404u16]
}

fn op() -> impl Strategy<Value = Op> {
    let case = 1..=CASES;
    let slot = 0..12u64;
    prop_oneof![
        4 => (slot.clone(), prop::option::weighted(0.9, case.clone()), days(), 7..17u32, crate::testing::any_status())
            .prop_map(|(slot, case, offset, hour, status)| Op::Meeting { slot, case, offset, hour, status }),
        2 => (slot.clone(), case.clone(), days(), 0..24u32, any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(slot, case, offset, hour, reached, call_back)| Op::Event { slot, case, offset, hour, reached, call_back }),
        1 => (0..3u64, case.clone(), any::<bool>()).prop_map(|(slot, case, finished)| Op::Course { slot, case, finished }),
        1 => (0..3u64, case, any::<bool>()).prop_map(|(slot, case, open)| Op::Request { slot, case, open }),
        1 => slot.clone().prop_map(Op::DeleteMeeting),
        1 => slot.prop_map(Op::DeleteEvent),
        1 => (0..3u64).prop_map(Op::DeleteCourse),
    ]
}

fn change(op: &Op) -> Change {
    match *op {
        Op::Meeting {
            slot,
            case,
            offset,
            hour,
            status,
        } => {
            let mut m = crate::testing::meeting(100 + slot, "2025-01-01 10:00", 45);
            m.case = case.map(CaseId);
            m.start = moment(offset, hour);
            m.status = status;
            Change::Put(m.into_any())
        }
        Op::Event {
            slot,
            case,
            offset,
            hour,
            reached,
            call_back,
        } => Change::Put(
            ContactEvent {
                id: EventId(200 + slot),
                case: CaseId(case),
                at: moment(offset, hour).and_utc(),
                channel: Channel::Phone,
                direction: if call_back {
                    Direction::In
                } else {
                    Direction::Out
                },
                reached,
                call_back,
                note: String::new(),
                called_back: None,
            }
            .into_any(),
        ),
        Op::Course {
            slot,
            case,
            finished,
        } => Change::Put(
            Course {
                id: CourseId(300 + slot),
                case: CaseId(case),
                supplier: ContactId(999),
                consultant: None,
                kind: course_kind::PRAKTIK.into(),
                start: day(10),
                end: day(200),
                hours_per_week: None,
                cadence: ReportCadence::EndOnly,
                checklist: OrderChecklist::default(),
                reports: Vec::new(),
                outcome: finished.then_some(CourseOutcome::Completed { on: day(190) }),
                continues: None,
            }
            .into_any(),
        ),
        Op::Request { slot, case, open } => Change::Put(
            MedicalRequest {
                id: RequestId(400 + slot),
                case: CaseId(case),
                kind: request_kind::STATUSATTEST.into(),
                recipient: None,
                questions: String::new(),
                purpose: String::new(),
                consent: Some(day(20)),
                sent: Some(day(20)),
                deadline: None,
                chases: Vec::new(),
                received: (!open).then_some(day(40)),
                acted_on: None,
                withdrawn: None,
            }
            .into_any(),
        ),
        Op::DeleteMeeting(slot) => Change::Delete(MeetingId(100 + slot).into()),
        Op::DeleteEvent(slot) => Change::Delete(EventId(200 + slot).into()),
        Op::DeleteCourse(slot) => Change::Delete(CourseId(300 + slot).into()),
    }
}

fn params(now: NaiveDateTime, config: &Config) -> BoardParams {
    BoardParams {
        now,
        zone: Zone::copenhagen(),
        lang: Lang::Da,
        medical: config.medical.clone(),
        cadence: config.cadence.clone(),
        group_labels: vec![],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn stored_summaries_equal_the_records_and_read_as_the_records_do(
        writes in prop::collection::vec(prop::collection::vec(op(), 1..4), 1..30),
        nows in prop::collection::vec((days(), any::<prop::sample::Index>(), 0..24u32), 8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_on(dir.path(), day(0)).unwrap();
        let cases: Vec<Change> = (1..=CASES).map(|id| Change::Put(case(id).into_any())).collect();
        store.write(&cases).unwrap();
        for write in &writes {
            store.write(&write.iter().map(change).collect::<Vec<_>>()).unwrap();
        }
        let meetings = store.all::<Meeting>().unwrap();
        let events = store.all::<ContactEvent>().unwrap();
        let courses = store.all::<Course>().unwrap();
        let requests = store.all::<MedicalRequest>().unwrap();
        for id in 1..=CASES {
            let expected = summarize(CaseId(id), &meetings, &events, &courses, &requests);
            prop_assert_eq!(store.summary(CaseId(id)).unwrap(), expected);
        }
        let summary_problems: Vec<String> = store
            .check()
            .iter()
            .map(|p| p.to_string())
            .filter(|p| p.contains("summary"))
            .collect();
        prop_assert_eq!(summary_problems, Vec::<String>::new());

        let config = Config::default();
        let zone = Zone::copenhagen();
        // Half of the moments fall on the day of a meeting written.
        let meeting_days: Vec<u16> = writes
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Meeting { offset, .. } => Some(*offset),
                _ => None,
            })
            .collect();
        for (i, (offset, pick, hour)) in nows.into_iter().enumerate() {
            let offset = match meeting_days.is_empty() || i % 2 == 0 {
                true => offset,
                false => *pick.get(&meeting_days),
            };
            let now = moment(offset, hour);
            let today = now.date();
            for id in 1..=CASES {
                let case = brief(id);
                let summary = store.summary(case.id).unwrap();
                // The course-end reminders' "a meeting is booked": whatever the clock.
                let first = store
                    .case_meeting_from(case.id, now, |m| {
                        matches!(m.status, MeetingStatus::Planned | MeetingStatus::Held)
                    })
                    .unwrap()
                    .map(|m| m.start);
                match summary.first_meeting_from(now) {
                    FirstMeeting::None => prop_assert_eq!(first, None),
                    FirstMeeting::On(day) => prop_assert_eq!(first.map(|s| s.date()), Some(day)),
                    FirstMeeting::By(day) => prop_assert!(
                        first.is_some_and(|s| s >= now && s.date() <= day),
                        "{:?} by {}", first, day
                    ),
                }
                if summary.holds_at(now, &zone) {
                    prop_assert_eq!(
                        summary_facts(&config, &zone, &case, &summary, now),
                        case_facts(&store, &config, &zone, &case, now).unwrap()
                    );
                    let p = params(now, &config);
                    prop_assert_eq!(
                        seen_in_summary(&case, &summary, &p),
                        seen_in_records(&store, &case, &p).unwrap()
                    );
                }
                if summary.holds_on(today) {
                    let held = |m: &Meeting| m.status == MeetingStatus::Held;
                    let plan = planning(&store, &config, (&case).into(), today, held).unwrap();
                    prop_assert_eq!(
                        super::today::cadence_on(&store, &config, &case, today).unwrap(),
                        (plan.cadence, plan.next_planned)
                    );
                }
            }
        }
    }
}

#[test]
fn a_rebuild_writes_the_summaries_the_writes_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), day(0)).unwrap();
    let mut held = crate::testing::meeting(100, "2026-03-02 10:00", 45);
    held.status = MeetingStatus::Held;
    let planned = crate::testing::meeting(101, "2026-04-02 10:00", 45);
    store
        .write(&[
            Change::Put(case(1).into_any()),
            Change::Put(held.into_any()),
            Change::Put(planned.into_any()),
        ])
        .unwrap();
    let kept = store.summary(CaseId(1)).unwrap();
    assert_eq!(kept.last_held, Some(at("2026-03-02 10:00")));
    assert_eq!(kept.planned, vec![at("2026-04-02 10:00")]);
    store.rebuild_indexes().unwrap();
    assert_eq!(store.summary(CaseId(1)).unwrap(), kept);
}

#[test]
fn a_meeting_planned_earlier_on_the_day_of_the_last_held_one_is_still_today_s_next() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), day(0)).unwrap();
    let planned = crate::testing::meeting(100, "2026-03-02 09:00", 45);
    let mut held = crate::testing::meeting(101, "2026-03-02 14:00", 45);
    held.status = MeetingStatus::Held;
    store
        .write(&[
            Change::Put(case(1).into_any()),
            Change::Put(planned.into_any()),
            Change::Put(held.into_any()),
        ])
        .unwrap();
    let (config, zone, now) = (
        Config::default(),
        Zone::copenhagen(),
        at("2026-03-02 15:00"),
    );
    let summary = store.summary(CaseId(1)).unwrap();
    assert!(summary.holds_at(now, &zone));
    let facts = summary_facts(&config, &zone, &brief(1), &summary, now);
    assert_eq!(facts.next_planned, NaiveDate::from_ymd_opt(2026, 3, 2));
    assert_eq!(
        facts,
        case_facts(&store, &config, &zone, &brief(1), now).unwrap()
    );
}
