//! The briefs of active cases, the due entries' details and the courses and medical requests
//! their by-case entries carry (#21) against the records: after a sequence of writes, and after
//! a re-index, they are what the records give.

use super::{DueDetail, DueKind, Store};
use crate::domain::contact::is_open_call_back;
use crate::domain::schedule::new_reports;
use crate::domain::summary::CaseSummary;
use crate::model::{
    Agreement, AgreementId, AwayPeriod, AwayReason, CadenceOverride, Case, CaseBrief, CaseId,
    CaseStatus, Channel, ChaseEntry, Contact, ContactEvent, ContactId, ContactKind, Course,
    CourseId, CourseOutcome, Direction, EventId, MedicalRequest, Meeting, MeetingStatus, Note,
    OrderChecklist, Party, ReportCadence, ReportChase, RequestId, course_kind, request_kind,
};
use crate::store::{Change, Kind, Record, RecordRef};
use crate::testing::{at, case, meeting, note};
use chrono::{DateTime, NaiveDate, Utc};

fn utc(s: &str) -> DateTime<Utc> {
    at(s).and_utc()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn agreement(id: u64, case: u64, due: Option<&str>) -> Agreement {
    Agreement {
        id: AgreementId(id),
        case: CaseId(case),
        who: Party::Citizen,
        what: format!("aftale {id}"),
        due: due.map(d),
        done: None,
        created: utc("2026-10-01 09:00"),
    }
}

fn call_me(id: u64, case: u64, when: &str) -> ContactEvent {
    ContactEvent {
        id: EventId(id),
        case: CaseId(case),
        at: utc(when),
        channel: Channel::Phone,
        direction: Direction::In,
        reached: false,
        call_back: true,
        note: format!("ring {id}"),
        called_back: None,
    }
}

fn cut_off(id: u64, case: u64, start: &str) -> Meeting {
    let mut m = meeting(id, start, 45);
    m.case = Some(CaseId(case));
    m.status = MeetingStatus::CutOff;
    m.outcome = "afbrudt".into();
    m
}

/// Every brief and summary as the records give them.
fn briefs_from_records(store: &Store) -> Vec<(CaseBrief, CaseSummary)> {
    store
        .all::<Case>()
        .unwrap()
        .iter()
        .filter_map(CaseBrief::of)
        .map(|brief| {
            let summary = store.summary(brief.id).unwrap();
            (brief, summary)
        })
        .collect()
}

/// Every detail the due index should carry, as the records give them, by kind and id.
fn details_from_records(store: &Store) -> Vec<(DueKind, u64, CaseId, NaiveDate, DueDetail)> {
    let mut out = Vec::new();
    for a in store.all::<Agreement>().unwrap() {
        if let Some(due) = a.due.filter(|_| a.is_open()) {
            let detail = DueDetail::Agreement {
                who: a.who,
                what: a.what,
            };
            out.push((DueKind::Agreement, a.id.0, a.case, due, detail));
        }
    }
    for n in store.all::<Note>().unwrap() {
        if n.journalised.is_none() {
            let detail = DueDetail::Note {
                subject: n.subject,
                at: n.at,
            };
            let day = n.at.date_naive();
            out.push((DueKind::NoteUnjournalised, n.id.0, n.case, day, detail));
        }
    }
    for e in store.all::<ContactEvent>().unwrap() {
        if is_open_call_back(&e) {
            let (day, case, id) = (e.at.date_naive(), e.case, e.id.0);
            let detail = DueDetail::CallBack {
                at: e.at,
                channel: e.channel,
                note: e.note,
            };
            out.push((DueKind::CallBack, id, case, day, detail));
        }
    }
    for m in store.all::<Meeting>().unwrap() {
        if let Some(case) = m.case.filter(|_| m.status == MeetingStatus::CutOff) {
            let detail = DueDetail::CutOff {
                start: m.start,
                form: m.form,
                outcome: m.outcome,
            };
            out.push((DueKind::CutOff, m.id.0, case, m.start.date(), detail));
        }
    }
    out.sort_by_key(|(kind, id, ..)| (*kind, *id));
    out
}

/// The details the due index carries.
fn stored_details(store: &Store) -> Vec<(DueKind, u64, CaseId, NaiveDate, DueDetail)> {
    let mut out: Vec<_> = store
        .due_details_between(NaiveDate::MIN, NaiveDate::MAX)
        .unwrap()
        .into_iter()
        .filter_map(|(due, detail)| Some((due.kind, due.id, due.case, due.date, detail?)))
        .collect();
    out.sort_by_key(|(kind, id, ..)| (*kind, *id));
    out
}

/// The courses and requests the by-case entries should carry, as the records give them, by
/// case and id.
fn carried_from_records(store: &Store) -> (Vec<Course>, Vec<MedicalRequest>) {
    let mut courses: Vec<Course> = (store.all::<Course>().unwrap().into_iter())
        .filter(|c| !c.is_finished())
        .collect();
    courses.sort_by_key(|c| (c.case, c.id));
    let mut requests: Vec<MedicalRequest> = (store.all::<MedicalRequest>().unwrap().into_iter())
        .filter(super::index::is_followed)
        .collect();
    requests.sort_by_key(|r| (r.case, r.id));
    (courses, requests)
}

fn assert_derived_match_records(store: &Store, step: &str) {
    assert_eq!(
        store.active_cases().unwrap(),
        briefs_from_records(store),
        "{step}"
    );
    assert_eq!(stored_details(store), details_from_records(store), "{step}");
    let (courses, requests) = carried_from_records(store);
    assert_eq!(store.open_courses().unwrap(), courses, "{step}");
    assert_eq!(store.followed_requests().unwrap(), requests, "{step}");
    // What the Today list and the board look for among them: every open request, and every
    // request with a due entry.
    let due_requests = store.due_between(NaiveDate::MIN, NaiveDate::MAX).unwrap();
    for r in store.all::<MedicalRequest>().unwrap() {
        let due = due_requests
            .iter()
            .any(|due| due.kind.record_kind() == Kind::MedicalRequest && due.id == r.id.0);
        if r.is_open() || due {
            assert!(requests.contains(&r), "{step}: request {} carried", r.id.0);
        }
    }
    assert_eq!(store.check(), vec![], "{step}");
}

fn course(id: u64, case: u64) -> Course {
    let (start, end) = (d("2026-07-20"), d("2026-12-18"));
    Course {
        id: CourseId(id),
        case: CaseId(case),
        supplier: ContactId(900),
        consultant: None,
        kind: course_kind::PRAKTIK.into(),
        start,
        end,
        hours_per_week: Some(10),
        cadence: ReportCadence::Monthly,
        checklist: OrderChecklist::default(),
        reports: new_reports(start, end, &ReportCadence::Monthly),
        outcome: None,
        continues: None,
    }
}

fn supplier() -> Contact {
    Contact {
        id: ContactId(900),
        name: "Jobværkstedet".into(),
        kind: ContactKind::Supplier,
        organisation: None,
        title: String::new(),
        work_phone: String::new(),
        email: String::new(),
        note: String::new(),
    }
}

fn request(id: u64, case: u64, sent: Option<&str>) -> MedicalRequest {
    MedicalRequest {
        id: RequestId(id),
        case: CaseId(case),
        kind: request_kind::STATUSATTEST.into(),
        recipient: None,
        questions: "arbejdsevne".into(),
        purpose: String::new(),
        consent: Some(d("2026-10-01")),
        sent: sent.map(d),
        deadline: None,
        chases: Vec::new(),
        received: None,
        acted_on: None,
        withdrawn: None,
    }
}

#[test]
fn open_courses_and_followed_requests_follow_every_write_and_a_re_index_writes_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
    let mut running = course(30, 1);
    let mut finished = course(31, 1);
    finished.outcome = Some(CourseOutcome::Completed {
        on: d("2026-11-02"),
    });
    let mut other = course(32, 2);
    let mut sent = request(40, 1, Some("2026-10-02"));
    let mut answered = request(41, 2, Some("2026-10-05"));
    answered.received = Some(d("2026-11-01"));
    let mut unsent = request(42, 2, None);
    let steps: Vec<(&str, Vec<Change>)> = vec![
        (
            "two cases, a running, a finished and another course, three requests",
            vec![
                Change::Put(case(1, "2025-01-06").into_any()),
                Change::Put(case(2, "2025-02-03").into_any()),
                Change::Put(supplier().into_any()),
                Change::Put(running.clone().into_any()),
                Change::Put(finished.into_any()),
                Change::Put(other.clone().into_any()),
                Change::Put(sent.clone().into_any()),
                Change::Put(answered.clone().into_any()),
                Change::Put(unsent.clone().into_any()),
            ],
        ),
        (
            "a report received, read and chased, a request chased and one acted on",
            {
                let report = &mut running.reports[0];
                report.received = Some(d("2026-08-21"));
                report.read = Some(d("2026-08-22"));
                running.reports[1].chases.push(ReportChase {
                    at: utc("2026-09-22 09:00"),
                    channel: Channel::Mail,
                    note: "rykket".into(),
                });
                sent.chases.push(ChaseEntry {
                    at: utc("2026-10-20 09:15"),
                    channel: Channel::Phone,
                    reached: "sekretær".into(),
                    note: String::new(),
                });
                answered.acted_on = Some(d("2026-11-03"));
                vec![
                    Change::Put(running.clone().into_any()),
                    Change::Put(sent.clone().into_any()),
                    Change::Put(answered.into_any()),
                ]
            },
        ),
        (
            "a course completed, one moved to another supplier, a request withdrawn, one sent",
            {
                running.outcome = Some(CourseOutcome::Completed {
                    on: d("2026-11-20"),
                });
                other.outcome = Some(CourseOutcome::SupplierChanged {
                    on: d("2026-11-20"),
                    next: CourseId(33),
                });
                let mut next = course(33, 2);
                next.continues = Some(CourseId(32));
                sent.withdrawn = Some(d("2026-11-21"));
                unsent.sent = Some(d("2026-11-22"));
                vec![
                    Change::Put(running.into_any()),
                    Change::Put(other.into_any()),
                    Change::Put(next.into_any()),
                    Change::Put(sent.into_any()),
                    Change::Put(unsent.into_any()),
                ]
            },
        ),
        (
            "the finished course and the request acted on deleted",
            vec![
                Change::Delete(RecordRef {
                    kind: Kind::Course,
                    id: 31,
                }),
                Change::Delete(RecordRef {
                    kind: Kind::MedicalRequest,
                    id: 41,
                }),
            ],
        ),
    ];
    let mut carried = Vec::new();
    for (step, changes) in steps {
        store.write(&changes).unwrap();
        assert_derived_match_records(&store, step);
        let courses = store.open_courses().unwrap();
        let requests = store.followed_requests().unwrap();
        carried.push((courses.len(), requests.len()));
    }
    assert_eq!(
        carried,
        [(2, 3), (2, 2), (1, 1), (1, 1)],
        "what each step leaves carried: the writes did change it"
    );
    let courses = store.open_courses().unwrap();
    let requests = store.followed_requests().unwrap();
    store.rebuild_indexes().unwrap();
    assert_derived_match_records(&store, "after a re-index");
    assert_eq!(store.open_courses().unwrap(), courses);
    assert_eq!(store.followed_requests().unwrap(), requests);
}

#[test]
fn briefs_and_due_details_follow_every_write_and_a_re_index_writes_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
    let mut first = case(1, "2025-01-06");
    let mut second = case(2, "2025-02-03");
    let third = case(3, "2025-03-03");
    let mut held = meeting(100, "2026-11-02 10:00", 45);
    held.case = Some(CaseId(1));
    held.status = MeetingStatus::Held;
    let mut promise = agreement(40, 1, Some("2026-11-30"));
    let mut call = call_me(60, 2, "2026-11-20 08:30");
    let mut written = note(50, CaseId(3));
    let steps: Vec<(&str, Vec<Change>)> = vec![
        (
            "three cases, a held meeting, an agreement, a call-back, a note, a cut-off meeting",
            vec![
                Change::Put(first.clone().into_any()),
                Change::Put(second.clone().into_any()),
                Change::Put(third.into_any()),
                Change::Put(held.into_any()),
                Change::Put(promise.clone().into_any()),
                Change::Put(agreement(41, 2, None).into_any()),
                Change::Put(call.clone().into_any()),
                Change::Put(written.clone().into_any()),
                Change::Put(cut_off(101, 2, "2026-11-19 13:00").into_any()),
            ],
        ),
        ("a case renamed, away and on its own cadence", {
            first.name = "Søren Bæk".into();
            first.where_now = "praktik".into();
            first.flags.interpreter = Some("arabisk".into());
            first.cadence_override = Some(CadenceOverride {
                every_days: 7,
                until: Some(d("2027-03-01")),
            });
            first.away.push(AwayPeriod {
                from: d("2026-12-01"),
                to: d("2026-12-05"),
                reason: AwayReason::Hospital,
                note: "indlagt".into(),
            });
            vec![Change::Put(first.clone().into_any())]
        }),
        ("a case closed, an agreement's text changed", {
            second.status = CaseStatus::Closed(d("2026-11-23"));
            promise.what = "send CV til mentor".into();
            vec![
                Change::Put(second.clone().into_any()),
                Change::Put(promise.clone().into_any()),
            ]
        }),
        ("the agreement kept, the call made, the note journalised", {
            promise.done = Some(d("2026-11-24"));
            call.called_back = Some(utc("2026-11-21 09:00"));
            written.journalised = Some(utc("2026-11-22 09:00"));
            vec![
                Change::Put(promise.into_any()),
                Change::Put(call.into_any()),
                Change::Put(written.into_any()),
            ]
        }),
        (
            "the case opened again, a case with its note and the cut-off meeting deleted",
            {
                second.status = CaseStatus::Active;
                vec![
                    Change::Put(second.into_any()),
                    Change::Delete(RecordRef {
                        kind: Kind::Note,
                        id: 50,
                    }),
                    Change::Delete(RecordRef {
                        kind: Kind::Case,
                        id: 3,
                    }),
                    Change::Delete(RecordRef {
                        kind: Kind::Meeting,
                        id: 101,
                    }),
                ]
            },
        ),
    ];
    for (step, changes) in steps {
        store.write(&changes).unwrap();
        assert_derived_match_records(&store, step);
    }
    let briefs = store.active_cases().unwrap();
    assert_eq!(
        briefs.iter().map(|(b, _)| b.id.0).collect::<Vec<_>>(),
        [1, 2],
        "the closed case is back, the deleted one gone"
    );
    assert_eq!(briefs[0].0.name, "Søren Bæk");
    assert_eq!(briefs[0].1.last_held, Some(at("2026-11-02 10:00")));
    let details = stored_details(&store);
    store.rebuild_indexes().unwrap();
    assert_derived_match_records(&store, "after a re-index");
    assert_eq!(store.active_cases().unwrap(), briefs);
    assert_eq!(stored_details(&store), details);
}

#[test]
fn a_closed_case_has_no_brief_and_its_summary_is_passed_by() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
    let mut closed = case(2, "2025-01-06");
    closed.status = CaseStatus::Closed(d("2026-06-01"));
    let mut changes = vec![Change::Put(closed.into_any())];
    for (id, case_id) in [(1, 1), (3, 3)] {
        changes.push(Change::Put(case(case_id, "2025-01-06").into_any()));
        let mut m = meeting(100 + id, "2026-11-30 10:00", 45);
        m.case = Some(CaseId(case_id));
        changes.push(Change::Put(m.into_any()));
    }
    // The closed case has a summary (a planned meeting) that the pass must step over.
    let mut m = meeting(200, "2026-12-01 10:00", 45);
    m.case = Some(CaseId(2));
    changes.push(Change::Put(m.into_any()));
    store.write(&changes).unwrap();
    let cases = store.active_cases().unwrap();
    assert_eq!(
        cases.iter().map(|(b, _)| b.id.0).collect::<Vec<_>>(),
        [1, 3]
    );
    for (_, summary) in &cases {
        assert_eq!(summary.planned, vec![at("2026-11-30 10:00")]);
    }
    assert_derived_match_records(&store, "closed case");
}

#[test]
fn a_by_case_entry_carrying_an_old_course_is_reported_and_a_re_index_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
    let before = course(30, 1);
    let mut after = before.clone();
    after.end = d("2027-01-29");
    store
        .write(&[
            Change::Put(case(1, "2025-01-06").into_any()),
            Change::Put(supplier().into_any()),
            Change::Put(after.clone().into_any()),
        ])
        .unwrap();
    // The entry as an older write left it: the course's end moved since.
    let key = super::keys::concat(&[&super::keys::id_key(1), &super::keys::id_key(30)]);
    store
        .raw_tree(super::trees::TreeId::ByCase(Kind::Course))
        .insert(key, super::packed::encode_course(&before))
        .unwrap();
    assert_eq!(store.open_courses().unwrap(), vec![before]);
    let problems = store.check();
    assert!(
        problems
            .iter()
            .any(|p| p.record == Some(CourseId(30).into())
                && p.message.contains("idx_courses_by_case")),
        "{problems:?}"
    );
    store.rebuild_indexes().unwrap();
    assert_eq!(store.check(), vec![]);
    assert_eq!(store.open_courses().unwrap(), vec![after]);
}

/// What the calendar reads of `day` (and every day) against the records: the one-off
/// meetings come from the start index's values, the repeating ones from their records.
fn assert_meetings_match_records(store: &Store, step: &str) {
    let mut records = store.all::<Meeting>().unwrap();
    records.sort_by_key(|m| (m.start, m.id));
    let all = store
        .meetings_between(at("2000-01-01 00:00"), at("2100-01-01 00:00"))
        .unwrap();
    assert_eq!(all, records, "{step}");
    let day = store
        .meetings_between(at("2026-11-24 00:00"), at("2026-11-25 00:00"))
        .unwrap();
    let on_the_day: Vec<Meeting> = records
        .into_iter()
        .filter(|m| match m.repeat {
            None => m.start.date() == d("2026-11-24"),
            Some(_) => m.start < at("2026-11-25 00:00"),
        })
        .collect();
    assert_eq!(day, on_the_day, "{step}");
    assert_eq!(store.check(), vec![], "{step}");
}

#[test]
fn a_day_s_meetings_from_the_start_index_follow_every_write_and_a_re_index_reads_the_same() {
    use crate::model::{ContactId, MeetingForm, Participant, Repeat, RepeatEvery, Role};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), d("2026-11-24")).unwrap();
    let mut visit = meeting(1, "2026-11-24 10:00", 45);
    visit.form = MeetingForm::HomeVisit;
    visit.travel_minutes = 20;
    visit.participants = vec![Participant {
        role: Role::Consultant,
        contact: Some(ContactId(9)),
        name: "Mette".into(),
    }];
    let mut other = meeting(2, "2026-11-24 10:00", 30);
    other.case = None;
    other.title = "Teammøde".into();
    let mentor = crate::model::Contact {
        id: ContactId(9),
        name: "Mette".into(),
        kind: crate::model::ContactKind::Mentor,
        organisation: None,
        title: String::new(),
        work_phone: String::new(),
        email: String::new(),
        note: String::new(),
    };
    let mut block = meeting(3, "2026-11-23 08:00", 60);
    block.case = None;
    block.repeat = Some(Repeat::new(RepeatEvery::Weekdays));
    let steps: Vec<(&str, Vec<Change>)> = vec![
        (
            "two meetings at the same time, a repeating block, one the day after",
            vec![
                Change::Put(case(1, "2025-01-06").into_any()),
                Change::Put(mentor.into_any()),
                Change::Put(visit.clone().into_any()),
                Change::Put(other.clone().into_any()),
                Change::Put(block.into_any()),
                Change::Put(meeting(4, "2026-11-25 09:00", 60).into_any()),
            ],
        ),
        ("moved 15 minutes later and made longer", {
            visit.start = at("2026-11-24 10:15");
            visit.minutes = 60;
            vec![Change::Put(visit.clone().into_any())]
        }),
        ("held, with an outcome and a note, at the same time", {
            visit.status = MeetingStatus::Held;
            visit.outcome = "gik godt".into();
            visit.note = "ring til mentor".into();
            vec![Change::Put(visit.clone().into_any())]
        }),
        ("moved to the next day", {
            other.start = at("2026-11-25 13:00");
            vec![Change::Put(other.into_any())]
        }),
        (
            "one deleted",
            vec![Change::Delete(RecordRef {
                kind: Kind::Meeting,
                id: 4,
            })],
        ),
    ];
    for (step, changes) in steps {
        store.write(&changes).unwrap();
        assert_meetings_match_records(&store, step);
    }
    store.rebuild_indexes().unwrap();
    assert_meetings_match_records(&store, "after a re-index");
}
