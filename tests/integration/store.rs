//! The store against a real (temporary) sled database.

use caseplan::model::*;
use caseplan::store::{
    Change, DueKind, DueRef, ExportDocument, Kind, Record, Recovery, Store, StoreError, backup,
};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::fs;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&at(s))
}

fn case(id: u64, name: &str) -> Case {
    Case {
        id: CaseId(id),
        name: name.into(),
        alias: String::new(),
        reference: format!("2024-{id:04}"),
        phones: vec![Phone {
            number: "+45 12 34 56 78".into(),
            confirmed: true,
            source: "borger selv".into(),
        }],
        target_group: target_group::AKTIVITETSPARAT.into(),
        flags: CaseFlags::default(),
        reach_via: "Værestedet på Nørrebro".into(),
        preferences: Preferences::default(),
        where_now: "I praktik".into(),
        next_step: "Opfølgning".into(),
        plan_b: String::new(),
        last_told: "Møde 24.11.2026 kl 9".into(),
        network: vec![],
        cadence_override: None,
        away: vec![],
        status: CaseStatus::Active,
        created: utc("2026-01-05 08:00"),
    }
}

fn contact(id: u64, name: &str, kind: ContactKind, organisation: Option<u64>) -> Contact {
    Contact {
        id: ContactId(id),
        name: name.into(),
        kind,
        organisation: organisation.map(ContactId),
        title: String::new(),
        work_phone: "12345678".into(),
        email: String::new(),
        note: String::new(),
    }
}

fn meeting(id: u64, case: Option<u64>, start: &str) -> Meeting {
    Meeting {
        id: MeetingId(id),
        case: case.map(CaseId),
        start: at(start),
        minutes: 45,
        purpose: purpose::SAMTALE.into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 5,
        follow_up_minutes: 10,
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
}

fn weekly_block(id: u64, start: &str) -> Meeting {
    Meeting {
        purpose: purpose::TELEFONVAGT.into(),
        form: MeetingForm::Phone,
        title: "Telefonvagt".into(),
        repeat: Some(Repeat {
            every: RepeatEvery::Weekly,
            interval: 1,
            count: None,
            until: None,
            skipped: vec![],
        }),
        ..meeting(id, None, start)
    }
}

fn course(id: u64, case: u64, supplier: u64, consultant: u64) -> Course {
    Course {
        id: CourseId(id),
        case: CaseId(case),
        supplier: ContactId(supplier),
        consultant: Some(ContactId(consultant)),
        kind: course_kind::AFKLARING.into(),
        start: day("2026-10-01"),
        end: day("2027-03-31"),
        hours_per_week: Some(10),
        cadence: ReportCadence::Monthly,
        checklist: OrderChecklist::default(),
        reports: vec![
            Report {
                due: day("2026-11-01"),
                received: Some(day("2026-11-03")),
                read: None,
                action: None,
                note: String::new(),
                chases: vec![],
                is_final: false,
            },
            Report {
                due: day("2026-12-01"),
                received: None,
                read: None,
                action: None,
                note: String::new(),
                chases: vec![],
                is_final: false,
            },
        ],
        outcome: None,
        continues: None,
    }
}

fn request(id: u64, case: u64, recipient: u64) -> MedicalRequest {
    MedicalRequest {
        id: RequestId(id),
        case: CaseId(case),
        kind: request_kind::STATUSATTEST.into(),
        recipient: Some(ContactId(recipient)),
        questions: "Kan borgeren arbejde 10 timer om ugen?".into(),
        purpose: "rehabiliteringsteam".into(),
        consent: Some(day("2026-11-10")),
        sent: Some(day("2026-11-11")),
        deadline: Some(day("2026-11-25")),
        chases: vec![],
        received: None,
        acted_on: None,
        withdrawn: None,
    }
}

fn agreement(id: u64, case: u64, due: &str) -> Agreement {
    Agreement {
        id: AgreementId(id),
        case: CaseId(case),
        who: Party::Caseworker,
        what: "Sende CV-skabelon".into(),
        due: Some(day(due)),
        done: None,
        created: utc("2026-11-20 10:00"),
    }
}

fn event(id: u64, case: u64) -> ContactEvent {
    ContactEvent {
        id: EventId(id),
        case: CaseId(case),
        at: utc("2026-11-20 09:15"),
        channel: Channel::Phone,
        direction: Direction::Out,
        reached: true,
        call_back: false,
        called_back: None,
        note: "Bekræftet mødetid".into(),
    }
}

fn note(id: u64, case: u64, body: &str) -> Note {
    Note {
        id: NoteId(id),
        case: CaseId(case),
        at: utc("2026-11-20 09:20"),
        subject: "Opkald".into(),
        body: body.into(),
        journalised: None,
    }
}

/// A few records of every kind, all references resolving.
fn sample() -> Dataset {
    let mut first = case(1, "Mette Hansen");
    first.network.push(NetworkLink {
        contact: ContactId(11),
        role: "mentor".into(),
    });
    first.flags.interpreter = Some("arabisk".into());
    let mut second = case(2, "Ali");
    second.status = CaseStatus::Closed(day("2026-10-01"));
    let mut held = meeting(22, Some(2), "2026-11-23 13:00");
    held.status = MeetingStatus::Held;
    // Changed twice since it was booked (#16).
    held.revision = 2;
    held.participants.push(Participant {
        role: Role::Consultant,
        contact: Some(ContactId(11)),
        name: String::new(),
    });
    Dataset {
        cases: vec![first, second],
        contacts: vec![
            contact(10, "Job & Vækst", ContactKind::Supplier, None),
            contact(11, "Lene Mentor", ContactKind::Mentor, Some(10)),
            contact(12, "Lægehuset Vest", ContactKind::Practice, None),
        ],
        meetings: vec![
            meeting(20, Some(1), "2026-11-24 09:00"),
            weekly_block(21, "2026-11-02 08:00"),
            held,
        ],
        courses: vec![course(30, 1, 10, 11)],
        medical_requests: vec![request(40, 1, 12)],
        agreements: vec![agreement(50, 1, "2026-11-27")],
        events: vec![event(60, 1)],
        notes: vec![note(70, 1, "Borger mødte op"), note(71, 2, "Sag lukket")],
        external_blocks: vec![external(80, "2026-11-24 10:00")],
    }
}

/// Busy time from Outlook (#16).
fn external(id: u64, start: &str) -> ExternalBlock {
    ExternalBlock {
        id: ExternalId(id),
        source: "Outlook".into(),
        uid: "040000008200E00074C5B7101A82E008".into(),
        occurrence: Some(at(start)),
        start: at(start),
        minutes: 60,
        all_day: false,
        title: "Teammøde".into(),
        free: false,
        private: false,
    }
}

/// What the schema 1 fixture holds: no busy time from other calendars, no revisions.
fn sample_v1() -> Dataset {
    let mut data = sample();
    data.external_blocks.clear();
    for meeting in &mut data.meetings {
        meeting.revision = 0;
    }
    data
}

fn open_temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    (dir, store)
}

fn filled() -> (tempfile::TempDir, Store) {
    let (dir, store) = open_temp();
    store.import(&sample()).unwrap();
    (dir, store)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn fixture_dir(version: u32) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"))
}

fn round_trip<R: Record + PartialEq + std::fmt::Debug>(store: &Store, record: R) {
    store.put(&record).unwrap();
    assert_eq!(store.get::<R>(record.id()).unwrap(), Some(record));
}

#[test]
fn every_kind_round_trips() {
    let (_dir, store) = open_temp();
    let data = sample();
    for r in &data.cases {
        round_trip(&store, r.clone());
    }
    for r in &data.contacts {
        round_trip(&store, r.clone());
    }
    for r in &data.meetings {
        round_trip(&store, r.clone());
    }
    round_trip(&store, data.courses[0].clone());
    round_trip(&store, data.medical_requests[0].clone());
    round_trip(&store, data.agreements[0].clone());
    round_trip(&store, data.events[0].clone());
    round_trip(&store, data.notes[0].clone());
    assert_eq!(store.all::<Contact>().unwrap(), data.contacts);
    assert_eq!(store.count::<Meeting>(), 3);
    assert_eq!(store.get::<Case>(CaseId(999)).unwrap(), None);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn a_meeting_moved_to_another_day_leaves_the_old_day() {
    let (_dir, store) = filled();
    let monday = (at("2026-11-23 00:00"), at("2026-11-24 00:00"));
    let tuesday = (at("2026-11-24 00:00"), at("2026-11-25 00:00"));
    let ids = |window: (NaiveDateTime, NaiveDateTime)| -> Vec<u64> {
        let meetings = store.meetings_between(window.0, window.1).unwrap();
        meetings.iter().map(|m| m.id.0).collect()
    };
    // The weekly block (21) started on a Monday, so it is part of every window.
    assert_eq!(ids(tuesday), vec![21, 20]);
    let mut moved = store.get::<Meeting>(MeetingId(20)).unwrap().unwrap();
    moved.start = at("2026-11-23 10:00");
    moved.case = Some(CaseId(2));
    store.put(&moved).unwrap();
    assert_eq!(ids(tuesday), vec![21]);
    assert_eq!(ids(monday), vec![21, 20, 22]);
    let for_one: Vec<u64> = store
        .meetings_for_case(CaseId(1))
        .unwrap()
        .iter()
        .map(|m| m.id.0)
        .collect();
    assert!(for_one.is_empty(), "{for_one:?}");
    let for_two: Vec<u64> = store
        .meetings_for_case(CaseId(2))
        .unwrap()
        .iter()
        .map(|m| m.id.0)
        .collect();
    assert_eq!(for_two, vec![20, 22]);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn a_deleted_record_leaves_every_index() {
    let (_dir, store) = filled();
    store.delete(MeetingId(20)).unwrap();
    store.delete(AgreementId(50)).unwrap();
    store.delete(NoteId(70)).unwrap();
    assert!(store.meetings_for_case(CaseId(1)).unwrap().is_empty());
    let window = store
        .meetings_between(at("2026-11-24 00:00"), at("2026-11-25 00:00"))
        .unwrap();
    assert_eq!(window.iter().map(|m| m.id.0).collect::<Vec<_>>(), vec![21]);
    assert!(store.for_case::<Agreement>(CaseId(1)).unwrap().is_empty());
    assert!(store.for_case::<Note>(CaseId(1)).unwrap().is_empty());
    assert!(
        store
            .due_between(day("2026-11-01"), day("2026-12-31"))
            .unwrap()
            .iter()
            .all(|d| d.kind != DueKind::Agreement)
    );
    assert_eq!(store.check(), vec![]);
}

#[test]
fn recurring_blocks_come_with_every_window_after_their_start() {
    let (_dir, store) = filled();
    let far = store
        .meetings_between(at("2027-06-07 00:00"), at("2027-06-08 00:00"))
        .unwrap();
    assert_eq!(far.iter().map(|m| m.id.0).collect::<Vec<_>>(), vec![21]);
    assert!(far[0].occurs_on(day("2027-06-07")));
    let before = store
        .meetings_between(at("2026-10-01 00:00"), at("2026-10-02 00:00"))
        .unwrap();
    assert!(before.is_empty(), "{before:?}");
    // An ended block drops out.
    let mut ended = store.get::<Meeting>(MeetingId(21)).unwrap().unwrap();
    ended.repeat.as_mut().unwrap().until = Some(day("2026-12-31"));
    store.put(&ended).unwrap();
    assert!(
        store
            .meetings_between(at("2027-06-07 00:00"), at("2027-06-08 00:00"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn due_index_lists_what_falls_due_and_follows_updates() {
    let (_dir, store) = filled();
    // The kinds with a date of their own; notes and requests to follow are checked below.
    let dated = |v: Vec<DueRef>| -> Vec<DueRef> {
        v.into_iter()
            .filter(|d| {
                !matches!(
                    d.kind,
                    DueKind::NoteUnjournalised | DueKind::RequestFollowUp | DueKind::ReportUnread
                )
            })
            .collect()
    };
    let all = store
        .due_between(day("2026-11-20"), day("2027-03-31"))
        .unwrap();
    assert!(
        all.iter()
            .any(|d| d.kind == DueKind::NoteUnjournalised && d.id == 70),
        "{all:?}"
    );
    let due = dated(all);
    let expected = vec![
        DueRef {
            date: day("2026-11-25"),
            kind: DueKind::MedicalDeadline,
            id: 40,
            case: CaseId(1),
        },
        DueRef {
            date: day("2026-11-27"),
            kind: DueKind::Agreement,
            id: 50,
            case: CaseId(1),
        },
        DueRef {
            date: day("2026-12-01"),
            kind: DueKind::CourseReport,
            id: 30,
            case: CaseId(1),
        },
        DueRef {
            date: day("2027-03-31"),
            kind: DueKind::CourseEnd,
            id: 30,
            case: CaseId(1),
        },
    ];
    assert_eq!(due, expected);
    assert_eq!(
        dated(
            store
                .due_between(day("2026-11-26"), day("2026-11-27"))
                .unwrap()
        ),
        vec![expected[1]]
    );
    let mut done = store.get::<Agreement>(AgreementId(50)).unwrap().unwrap();
    done.done = Some(day("2026-11-26"));
    store.put(&done).unwrap();
    let mut received = store.get::<MedicalRequest>(RequestId(40)).unwrap().unwrap();
    received.received = Some(day("2026-11-24"));
    store.put(&received).unwrap();
    let all = store
        .due_between(day("2026-11-20"), day("2027-03-31"))
        .unwrap();
    // Received, not yet acted on: still to follow, from the day it came.
    assert!(all.contains(&DueRef {
        date: day("2026-11-24"),
        kind: DueKind::RequestFollowUp,
        id: 40,
        case: CaseId(1),
    }));
    assert_eq!(dated(all), expected[2..].to_vec());
}

#[test]
fn for_case_and_counts() {
    let (_dir, store) = filled();
    let notes: Vec<u64> = store
        .for_case::<Note>(CaseId(1))
        .unwrap()
        .iter()
        .map(|n| n.id.0)
        .collect();
    assert_eq!(notes, vec![70]);
    assert_eq!(
        store.for_case::<Course>(CaseId(1)).unwrap(),
        sample().courses
    );
    let counts = store.counts();
    assert_eq!(counts[0], (Kind::Case, 2));
    assert_eq!(
        counts.iter().map(|(_, n)| n).sum::<usize>(),
        sample().record_count()
    );
}

#[test]
fn a_cpr_number_refuses_the_whole_write() {
    let (_dir, store) = open_temp();
    let err = store
        .write(&[
            Change::Put(case(1, "Mette").into_any()),
            Change::Put(note(2, 1, "cpr 010190-1234").into_any()),
        ])
        .unwrap_err();
    assert!(matches!(err, StoreError::Cpr(_)), "{err}");
    assert!(err.to_string().contains("\"body\""), "{err}");
    assert!(!err.to_string().contains("1234"), "{err}");
    assert!(store.is_empty(), "nothing was written");
}

#[test]
fn a_batched_write_applies_puts_and_deletes_together() {
    let (_dir, store) = filled();
    store
        .write(&[
            Change::Delete(NoteId(70).into()),
            Change::Put(note(72, 1, "Ny note").into_any()),
            Change::Put(note(72, 1, "Rettet note").into_any()),
        ])
        .unwrap();
    let notes = store.for_case::<Note>(CaseId(1)).unwrap();
    assert_eq!(notes, vec![note(72, 1, "Rettet note")]);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let (_dir, store) = filled();
    let when = utc("2026-11-24 12:00");
    let first = store.export_document(when).unwrap().to_json();
    let (_other_dir, other) = open_temp();
    let document = ExportDocument::from_json(&first).unwrap();
    assert_eq!(document.format, "caseplan-export");
    other.import(&document.data).unwrap();
    assert_eq!(other.export_document(when).unwrap().to_json(), first);
    assert_eq!(other.export().unwrap(), sample());
}

#[test]
fn ids_after_an_import_are_above_every_imported_id() {
    let (_dir, store) = open_temp();
    let mut data = sample();
    data.notes.push(note(5_000_000, 1, "høj id"));
    store.import(&data).unwrap();
    assert!(store.next_id().unwrap() > 5_000_000);
}

#[test]
fn import_reports_every_problem_and_writes_nothing() {
    let (_dir, store) = open_temp();
    let mut data = sample();
    data.notes.push(note(70, 1, "dobbelt id"));
    data.events[0].note = "borgerens cpr er 0101901234".into();
    data.meetings[0].case = Some(CaseId(404));
    data.contacts[1].organisation = Some(ContactId(405));
    let err = store.import(&data).unwrap_err();
    let StoreError::Invalid { problems, total } = &err else {
        panic!("{err}");
    };
    assert_eq!(*total, 4, "{err}");
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.contains(&"note 70: the id is used by two records".to_string()),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("contact event 60: the field \"note\"")),
        "{text:?}"
    );
    assert!(
        text.contains(&"meeting 20: refers to case 404, which does not exist".to_string()),
        "{text:?}"
    );
    assert!(
        text.contains(&"contact 11: refers to contact 405, which does not exist".to_string()),
        "{text:?}"
    );
    assert!(store.is_empty());
}

#[test]
fn import_refuses_a_database_with_records_unless_replacing() {
    let (_dir, store) = filled();
    let err = store.import(&sample()).unwrap_err();
    assert!(
        matches!(err, StoreError::NotEmpty { records: 15, .. }),
        "{err}"
    );
    let smaller = Dataset {
        cases: vec![case(5, "Ny")],
        ..Dataset::default()
    };
    store.import_replacing(&smaller).unwrap();
    assert_eq!(store.export().unwrap(), smaller);
    assert_eq!(store.check(), vec![]);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        // What a future caseplan with schema 3 would leave behind.
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &3u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(dir.path()).err().unwrap();
    assert!(
        matches!(
            err,
            StoreError::NewerSchema {
                found: 3,
                supported: 2,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("written by a newer caseplan (schema 3); this one reads up to 2"),
        "{err}"
    );
}

#[test]
fn a_garbage_database_is_reported_as_damaged_with_the_newest_backup() {
    let (dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    let backup = backup::daily(&store, day("2026-11-24"), utc("2026-11-24 07:00"))
        .unwrap()
        .unwrap();
    drop(store);
    fs::write(data_dir.join("db/db"), garbage()).unwrap();
    let err = Store::open_on(&data_dir, day("2026-11-24")).err().unwrap();
    let StoreError::Damaged { recovery, .. } = &err else {
        panic!("expected Damaged, got {err}");
    };
    assert_eq!(
        recovery,
        &Recovery::Backup {
            file: backup.clone(),
            journal: true
        }
    );
    let msg = err.to_string();
    assert!(msg.contains(&data_dir.display().to_string()), "{msg}");
    assert!(
        msg.contains(&format!("caseplan restore {}", backup.display())),
        "{msg}"
    );

    let restored = backup::restore(&data_dir, Some(&backup), day("2026-11-24")).unwrap();
    assert_eq!(restored.replayed, Some(0));
    assert_eq!(restored.store.export().unwrap(), sample());
    let aside: Vec<String> = fs::read_dir(&data_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("db.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged database is kept aside");
    drop(dir);
}

#[test]
fn backups_are_daily_private_and_rotated_to_fourteen() {
    let (_dir, store) = filled();
    let first = day("2026-11-01");
    let mut written = Vec::new();
    for n in 0..20 {
        let today = first + Duration::days(n);
        let file = backup::daily(&store, today, utc("2026-11-01 07:00")).unwrap();
        written.push(file.expect("a new day makes a backup"));
        assert_eq!(
            backup::daily(&store, today, utc("2026-11-01 08:00")).unwrap(),
            None
        );
    }
    let kept: Vec<_> = backup::list(store.dir())
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    assert_eq!(kept, written[6..].to_vec());
    assert_eq!(
        backup::newest(store.dir(), day("2026-11-20")).as_ref(),
        written.last()
    );
    let text = fs::read_to_string(written.last().unwrap()).unwrap();
    assert_eq!(ExportDocument::from_json(&text).unwrap().data, sample());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(written.last().unwrap()), 0o600);
        assert_eq!(mode(store.dir()), 0o700);
    }
}

#[test]
fn an_empty_database_makes_no_backup() {
    let (_dir, store) = open_temp();
    assert_eq!(
        backup::daily(&store, day("2026-11-24"), utc("2026-11-24 07:00")).unwrap(),
        None
    );
}

#[test]
fn the_committed_v1_fixture_is_upgraded_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture_dir(1), dir.path());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.export().unwrap(), sample_v1());
    assert_eq!(store.check(), vec![]);
    drop(store);
    // Upgraded for good: it opens again as the current schema.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.export().unwrap(), sample_v1());
}

#[test]
fn a_schema_1_export_document_is_upgraded_when_read() {
    let mut document =
        serde_json::to_value(ExportDocument::new(sample_v1(), utc("2026-11-24 07:00"))).unwrap();
    document["schema"] = 1.into();
    for meeting in document["data"]["meetings"].as_array_mut().unwrap() {
        meeting.as_object_mut().unwrap().remove("revision");
    }
    document["data"]
        .as_object_mut()
        .unwrap()
        .remove("external_blocks");
    let read = ExportDocument::from_json(&document.to_string()).unwrap();
    assert_eq!(read.schema, caseplan::store::CURRENT_SCHEMA);
    assert_eq!(read.data, sample_v1());
    // A schema this caseplan does not know at all is refused, not guessed at.
    document["schema"] = 0.into();
    let err = ExportDocument::from_json(&document.to_string()).unwrap_err();
    assert!(err.to_string().contains("from 1 to 2"), "{err}");
}

#[test]
fn the_committed_v2_fixture_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture_dir(2), dir.path());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.export().unwrap(), sample());
    assert_eq!(
        store
            .external_between(at("2026-11-24 00:00"), at("2026-11-25 00:00"))
            .unwrap(),
        vec![external(80, "2026-11-24 10:00")]
    );
    assert_eq!(store.check(), vec![]);
    assert_eq!(
        store
            .meetings_for_case(CaseId(1))
            .unwrap()
            .iter()
            .map(|m| m.id.0)
            .collect::<Vec<_>>(),
        vec![20]
    );
}

/// Regenerates `tests/fixtures/v2/`:
/// `CASEPLAN_REGENERATE_FIXTURE=1 cargo test --test integration store::regenerate -- --ignored`.
/// Only for a fixture of the current version; when the schema changes version, keep the old
/// fixture and add one for the new version.
#[test]
#[ignore]
fn regenerate_v2_fixture() {
    if std::env::var_os("CASEPLAN_REGENERATE_FIXTURE").is_none() {
        return;
    }
    let target = fixture_dir(caseplan::store::CURRENT_SCHEMA);
    let _ = fs::remove_dir_all(&target);
    let store = Store::open(&target).unwrap();
    store.import(&sample()).unwrap();
    drop(store);
    // The records alone, as the v1 fixture holds them.
    let _ = fs::remove_dir_all(target.join("backups"));
    let _ = fs::remove_dir_all(target.join("journal"));
}

fn garbage() -> Vec<u8> {
    (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

#[test]
fn damaged_files_of_every_sort_are_reported_as_damaged() {
    // Garbage in the data file, and bytes flipped inside the data file.
    type Spoil = fn(Vec<u8>) -> Vec<u8>;
    let damage: [(&str, Spoil); 3] = [
        ("db", |_| garbage()),
        ("db", |mut b| {
            b.iter_mut().skip(50).take(300).for_each(|x| *x ^= 0x5a);
            b
        }),
        ("db", |b| b[..b.len() / 2].to_vec()),
    ];
    for (file, spoil) in damage {
        let (_dir, store) = filled();
        let data_dir = store.dir().to_path_buf();
        drop(store);
        let path = data_dir.join("db").join(file);
        fs::write(&path, spoil(fs::read(&path).unwrap())).unwrap();
        let err = Store::open(&data_dir).err().expect("damage is noticed");
        assert!(matches!(err, StoreError::Damaged { .. }), "{file}: {err}");
    }
}

/// The files moved into `recovered/` so far.
fn recovered(data_dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for folder in fs::read_dir(data_dir.join("recovered"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for file in fs::read_dir(folder.path()).unwrap().flatten() {
            out.push(file.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

/// The snapshot file sled reads: the one whose name sorts last.
fn snapshot(data_dir: &Path) -> std::path::PathBuf {
    let mut snaps: Vec<_> = fs::read_dir(data_dir.join("db"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("snap.")
        })
        .collect();
    snaps.sort();
    snaps.pop().expect("sled wrote a snapshot")
}

#[test]
fn a_garbage_conf_is_moved_aside_and_written_again() {
    let (_dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    drop(store);
    fs::write(data_dir.join("db/conf"), garbage()).unwrap();
    let store = Store::open(&data_dir).unwrap();
    assert_eq!(store.export().unwrap(), sample());
    let said: Vec<String> = store.notices().iter().map(|n| n.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("settings file was damaged"), "{said:?}");
    assert_eq!(recovered(&data_dir), ["conf"]);
}

/// Several sessions of writes, so the log runs past the snapshot sled wrote at the last open.
fn used_over_sessions() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    drop(store);
    for session in 0..3u64 {
        let store = Store::open(&data_dir).unwrap();
        for n in 0..20 {
            store
                .put(&note(1000 + session * 100 + n, 1, "en note til"))
                .unwrap();
        }
    }
    (dir, data_dir)
}

#[test]
fn a_damaged_snapshot_beside_an_intact_log_is_rebuilt_and_checked_against_the_journal() {
    let (_dir, data_dir) = used_over_sessions();
    let expected = Store::open(&data_dir).unwrap().export().unwrap();
    let snap = snapshot(&data_dir);
    let mut bytes = fs::read(&snap).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    fs::write(&snap, bytes).unwrap();
    let store = Store::open(&data_dir).unwrap();
    assert_eq!(store.export().unwrap(), expected);
    let said: Vec<String> = store.notices().iter().map(|n| n.to_string()).collect();
    assert!(
        said.iter().any(|s| s.contains("rebuilt from the log")),
        "{said:?}"
    );
    assert!(
        recovered(&data_dir).contains(&snap.file_name().unwrap().to_string_lossy().into_owned())
    );
    assert_eq!(store.check(), vec![]);
}

#[test]
fn a_damaged_snapshot_and_log_is_damaged_and_restore_loses_nothing() {
    let (_dir, data_dir) = used_over_sessions();
    let expected = Store::open(&data_dir).unwrap().export().unwrap();
    let snap = snapshot(&data_dir);
    fs::write(&snap, garbage()).unwrap();
    let log = data_dir.join("db/db");
    let mut bytes = fs::read(&log).unwrap();
    bytes
        .iter_mut()
        .skip(40)
        .take(2000)
        .for_each(|b| *b ^= 0x5a);
    fs::write(&log, bytes).unwrap();
    let err = Store::open(&data_dir).err().expect("damage is noticed");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("Nothing will be lost"), "{err}");
    let restored = backup::restore(&data_dir, None, day("2026-11-24")).unwrap();
    assert_eq!(restored.store.export().unwrap(), expected);
}

#[test]
fn an_interrupted_first_start_is_started_again() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    fs::create_dir_all(data_dir.join("db")).unwrap();
    fs::write(data_dir.join("db/db"), garbage()).unwrap();
    let store = Store::open(&data_dir).unwrap();
    assert!(store.is_empty());
    let said: Vec<String> = store.notices().iter().map(|n| n.to_string()).collect();
    assert!(
        said[0].contains("first start of this database was interrupted"),
        "{said:?}"
    );
    assert_eq!(recovered(&data_dir), ["db"]);
    store.put(&case(1, "Mette")).unwrap();
    drop(store);
    assert_eq!(Store::open(&data_dir).unwrap().count::<Case>(), 1);
}

/// The lock holder for `a_second_process_gets_a_clear_locked_error`: run only as its child.
#[test]
#[ignore]
fn lock_holder_child() {
    let Ok(dir) = std::env::var("CASEPLAN_TEST_LOCK_DIR") else {
        return;
    };
    let _store = Store::open(Path::new(&dir)).unwrap();
    println!("holding the lock");
    // Hold the store until the parent closes our stdin.
    let mut sink = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut sink);
}

#[test]
fn a_second_process_gets_a_clear_locked_error() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let (dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    drop(store);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "store::lock_holder_child",
            "--ignored",
            "--nocapture",
        ])
        .env("CASEPLAN_TEST_LOCK_DIR", &data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut lines = stdout.lines();
    assert!(lines.any(|l| l.unwrap().contains("holding the lock")));
    let err = Store::open(&data_dir)
        .err()
        .expect("the child holds the lock");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("another caseplan is already using"),
        "{err}"
    );
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    assert_eq!(Store::open(&data_dir).unwrap().count::<Case>(), 2);
    drop(dir);
}

#[test]
fn a_bad_backup_leaves_the_database_alone() {
    let (_dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    drop(store);
    let bad = data_dir.join("not-a-backup.json");
    fs::write(&bad, r#"{"format": "something-else"}"#).unwrap();
    let err = backup::restore(&data_dir, Some(&bad), day("2026-11-24"))
        .err()
        .unwrap();
    assert!(err.to_string().contains("not a caseplan export"), "{err}");
    assert_eq!(Store::open(&data_dir).unwrap().export().unwrap(), sample());
}

#[test]
fn the_streamed_export_reads_back_as_the_same_document() {
    let (_dir, store) = filled();
    let now = utc("2026-11-24 08:00");
    let mut bytes = Vec::new();
    store.write_export(&mut bytes, now, &mut |_| {}).unwrap();
    let streamed = ExportDocument::from_json(std::str::from_utf8(&bytes).unwrap()).unwrap();
    assert_eq!(streamed, store.export_document(now).unwrap());
    assert!(!streamed.data.meetings.is_empty());
}

#[test]
fn a_backup_streamed_while_cases_and_meetings_are_added_keeps_its_references_whole() {
    let (_dir, store) = filled();
    let now = utc("2026-11-24 08:00");
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            // A case and its first meeting arrive together, as the planner writes them.
            for n in 0..300u64 {
                let id = 10_000 + 2 * n;
                let changes = [
                    Change::Put(case(id, "Ny Borger").into_any()),
                    Change::Put(meeting(id + 1, Some(id), "2026-11-25 10:00").into_any()),
                ];
                store.write(&changes).unwrap();
            }
        });
        while !writer.is_finished() {
            let mut bytes = Vec::new();
            store.write_export(&mut bytes, now, &mut |_| {}).unwrap();
            let doc = ExportDocument::from_json(std::str::from_utf8(&bytes).unwrap()).unwrap();
            let (_scratch, fresh) = open_temp();
            fresh
                .import(&doc.data)
                .expect("every meeting's case is in the same backup");
        }
    });
}

#[test]
fn restore_puts_back_a_backup_and_replays_every_change_after_it() {
    let (_dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    let first = backup::daily(&store, day("2026-11-23"), utc("2026-11-23 07:00"))
        .unwrap()
        .unwrap();
    let extra = note(72, 1, "Efter backuppen");
    store.put(&extra).unwrap();
    store.delete(MeetingId(22)).unwrap();
    let second = backup::daily(&store, day("2026-11-24"), utc("2026-11-24 07:00"))
        .unwrap()
        .unwrap();
    let new_case = case(store.next_id().unwrap(), "Ny borger");
    store.put(&new_case).unwrap();
    let mut expected = store.export().unwrap();
    drop(store);
    fs::write(data_dir.join("db/db"), garbage()).unwrap();

    // The older backup: both journal epochs after it are replayed.
    let restored = backup::restore(&data_dir, Some(&first), day("2026-11-24")).unwrap();
    assert_eq!(restored.replayed, Some(3));
    assert_eq!(restored.store.export().unwrap(), expected);
    drop(restored);
    // The newest backup by default: only the change after it.
    let restored = backup::restore(&data_dir, None, day("2026-11-24")).unwrap();
    assert_eq!(restored.backup.as_deref(), Some(second.as_path()));
    assert_eq!(restored.replayed, Some(1));
    let store = restored.store;
    assert_eq!(store.export().unwrap(), expected);
    assert_eq!(store.check(), vec![]);
    // New ids stay above every id the journal brought back.
    let id = store.next_id().unwrap();
    assert!(id > new_case.id.0, "{id} must be above {}", new_case.id.0);
    let later = note(id, 1, "Senere");
    store.put(&later).unwrap();
    expected.notes.push(later);
    assert_eq!(store.export().unwrap(), expected);
    let caseplan::store::JournalCheck::Compared { problems, .. } = store.check_journal().unwrap()
    else {
        panic!("the journal follows the newest backup");
    };
    assert_eq!(problems, vec![]);
}

#[test]
fn restoring_a_file_the_journal_does_not_follow_starts_the_journal_again_from_it() {
    let (dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    store.put(&note(72, 1, "Kun i journalen")).unwrap();
    drop(store);
    let elsewhere = dir.path().join("export.json");
    let mut older = sample();
    older.notes.pop();
    fs::write(
        &elsewhere,
        ExportDocument::new(older.clone(), utc("2026-11-20 07:00")).to_json(),
    )
    .unwrap();
    let restored = backup::restore(&data_dir, Some(&elsewhere), day("2026-11-24")).unwrap();
    assert_eq!(
        restored.replayed, None,
        "an export from elsewhere is put back as it is"
    );
    assert_eq!(restored.store.export().unwrap(), older);
    drop(restored);
    // A second restore from the journal alone gives the same: the journal starts again there.
    fs::remove_dir_all(data_dir.join("backups")).ok();
    let restored = backup::restore(&data_dir, None, day("2026-11-24")).unwrap();
    assert_eq!(restored.store.export().unwrap(), older);
}

#[test]
fn old_journals_go_with_old_backups_and_a_future_backup_is_never_the_newest() {
    let (_dir, store) = filled();
    let first = day("2026-11-01");
    for n in 0..16 {
        backup::daily(&store, first + Duration::days(n), utc("2026-11-01 07:00"))
            .unwrap()
            .unwrap();
        store.put(&note(100 + n as u64, 1, "dagens note")).unwrap();
    }
    let epochs = caseplan::store::journal::epochs(store.dir());
    let names: Vec<String> = epochs
        .iter()
        .map(|e| e.base.clone().unwrap_or_default())
        .collect();
    assert_eq!(names.len(), 14, "{names:?}");
    assert_eq!(names[0], "caseplan-2026-11-03.json");
    assert_eq!(names[13], "caseplan-2026-11-16.json");

    // A backup from a clock that was wrong: never the newest, never rotated away.
    let future = store.dir().join("backups/caseplan-2031-01-01.json");
    fs::copy(
        store.dir().join("backups/caseplan-2026-11-16.json"),
        &future,
    )
    .unwrap();
    let today = day("2026-11-17");
    assert_eq!(
        backup::newest(store.dir(), today),
        Some(store.dir().join("backups/caseplan-2026-11-16.json"))
    );
    backup::daily(&store, today, utc("2026-11-17 07:00"))
        .unwrap()
        .unwrap();
    let kept: Vec<_> = backup::list(store.dir())
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    assert_eq!(
        kept.len(),
        15,
        "14 kept and the future one left alone: {kept:?}"
    );
    assert_eq!(kept[0], day("2026-11-04"));
    assert!(future.exists());
}

#[test]
fn restoring_an_older_backup_never_overwrites_todays_backup() {
    let (_dir, store) = filled();
    let data_dir = store.dir().to_path_buf();
    let older = backup::daily(&store, day("2026-11-23"), utc("2026-11-23 07:00"))
        .unwrap()
        .unwrap();
    store.put(&note(72, 1, "Mandag")).unwrap();
    let today = backup::daily(&store, day("2026-11-24"), utc("2026-11-24 07:00"))
        .unwrap()
        .unwrap();
    let todays_bytes = fs::read(&today).unwrap();
    drop(store);
    let restored = backup::restore(&data_dir, Some(&older), day("2026-11-24")).unwrap();
    // The restored database has no backup of its own today yet; the file must stay as it was.
    assert_eq!(
        backup::daily(&restored.store, day("2026-11-24"), utc("2026-11-24 09:00")).unwrap(),
        None
    );
    assert_eq!(fs::read(&today).unwrap(), todays_bytes);
}

#[test]
fn ids_are_bounded_on_import_and_new_ids_never_reach_an_imported_one() {
    for (id, refused) in [
        (u64::MAX, true),
        (0, true),
        ((1 << 52) + 1, true),
        (1 << 52, false),
    ] {
        let (_dir, store) = open_temp();
        let mut data = sample();
        data.notes[0].id = NoteId(id);
        match store.import(&data) {
            Err(err) => {
                assert!(refused, "{id}: {err}");
                let msg = err.to_string();
                assert!(
                    msg.contains(&format!("note {id}: the id {id} is outside 1 to")),
                    "{msg}"
                );
                assert!(store.is_empty());
            }
            Ok(()) => {
                assert!(!refused, "{id} must be refused");
                for _ in 0..3 {
                    let next = store.next_id().unwrap();
                    assert!(next > id, "{next} must be above {id}");
                    store.put(&note(next, 1, "ny")).unwrap();
                }
                assert_eq!(
                    store.get::<Note>(NoteId(id)).unwrap().unwrap().body,
                    "Borger mødte op"
                );
                assert_eq!(store.check(), vec![]);
            }
        }
    }
}

#[test]
fn a_date_outside_1900_to_2200_is_refused_on_import_and_on_write() {
    let (_dir, store) = open_temp();
    let mut data = sample();
    data.medical_requests[0].chases.push(ChaseEntry {
        at: "+262142-12-31T23:59:59Z".parse().unwrap(),
        channel: Channel::Phone,
        reached: String::new(),
        note: String::new(),
    });
    data.meetings[0].start = at("1850-01-01 10:00");
    let err = store.import(&data).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("2 problem(s)"), "{msg}");
    assert!(
        msg.contains(
            "medical request 40: the field \"chases.at\" holds +262142-12-31T23:59:59Z is outside \
             the years 1900 to 2200"
        ),
        "{msg}"
    );
    assert!(
        msg.contains("meeting 20: the field \"start\" holds 1850-01-01 10:00"),
        "{msg}"
    );
    assert!(store.is_empty());
    let mut late = meeting(99, None, "2201-01-01 10:00");
    late.title = "Langt ude".into();
    let err = store.put(&late).unwrap_err();
    assert!(matches!(err, StoreError::DateOutOfRange { .. }), "{err}");
    assert_eq!(store.get::<Meeting>(MeetingId(99)).unwrap(), None);
}

#[test]
fn a_window_reads_the_busy_time_that_reaches_into_it_and_passes_by_what_ended() {
    let (_dir, store) = open_temp();
    let mut long = external(1, "2026-11-20 08:00");
    long.minutes = 5 * 24 * 60; // into Wednesday 25th
    let mut ended = external(2, "2026-11-23 09:00");
    ended.minutes = 24 * 60; // until Tuesday 09:00: touches, does not reach in
    let changes: Vec<Change> = [
        long.clone(),
        ended,
        external(3, "2026-11-24 10:00"),
        external(4, "2026-11-25 10:00"),
        external(5, "2026-09-30 10:00"),
    ]
    .into_iter()
    .map(|b| Change::Put(caseplan::store::AnyRecord::External(b)))
    .collect();
    store.write(&changes).unwrap();
    let ids = |from: &str, to: &str| -> Vec<u64> {
        store
            .external_between(at(from), at(to))
            .unwrap()
            .iter()
            .map(|b| b.id.0)
            .collect()
    };
    assert_eq!(ids("2026-11-24 09:00", "2026-11-25 00:00"), [1, 3]);
    // Moved: the index follows its new end.
    long.minutes = 60;
    store.put(&long).unwrap();
    assert_eq!(ids("2026-11-24 09:00", "2026-11-25 00:00"), [3]);
    assert_eq!(store.check(), vec![]);
}
