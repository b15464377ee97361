//! The supplier overview (#6): the read model on the demo caseload, the screen's keys, planning
//! one visit for several citizens as one undo step, and snapshots of the screen.

use crate::harness::{App, at, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::app::suppliers::Pane;
use caseplan::config::Courses;
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::model::{
    CaseId, ContactId, Course, Dataset, Meeting, MeetingStatus, PlaceKind, Role, purpose,
};
use caseplan::query::suppliers::{SupplierRow, overview};
use caseplan::store::Store;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeSet, HashMap};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn demo_data() -> Dataset {
    generate(&DemoSpec::new(50, 1, today()))
}

fn demo_overview() -> (Dataset, Vec<SupplierRow>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let data = demo_data();
    store.import(&data).unwrap();
    let rows = overview(&store, today(), &Courses::default()).unwrap();
    (data, rows)
}

/// The overview as the app loaded it.
fn rows(app: &App) -> Vec<SupplierRow> {
    match &app.model.screen {
        Screen::Suppliers(state) => state.rows.clone(),
        _ => panic!("not on the supplier overview"),
    }
}

fn state(app: &App) -> &caseplan::app::suppliers::Suppliers {
    match &app.model.screen {
        Screen::Suppliers(state) => state,
        _ => panic!("not on the supplier overview"),
    }
}

#[test]
fn overview_lists_every_running_course_once_under_its_supplier() {
    let (data, rows) = demo_overview();
    let active: BTreeSet<CaseId> = data
        .cases
        .iter()
        .filter(|c| c.is_active())
        .map(|c| c.id)
        .collect();
    // Started and not finished (an ended course waits for its outcome), of an open case.
    let running: BTreeSet<u64> = data
        .courses
        .iter()
        .filter(|c| !c.is_finished() && c.start <= today() && active.contains(&c.case))
        .map(|c| c.id.0)
        .collect();
    assert!(running.len() >= 10, "the demo has running courses");
    let listed: Vec<u64> = rows
        .iter()
        .flat_map(|r| r.courses.iter().map(|c| c.course.0))
        .collect();
    assert_eq!(listed.len(), running.len(), "each running course once");
    assert_eq!(listed.iter().copied().collect::<BTreeSet<_>>(), running);
    let by_id: HashMap<u64, &Course> = data.courses.iter().map(|c| (c.id.0, c)).collect();
    let names: HashMap<ContactId, &str> = data
        .contacts
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    for row in &rows {
        assert_eq!(names[&row.supplier], row.name);
        for c in &row.courses {
            let course = by_id[&c.course.0];
            assert_eq!(course.supplier, row.supplier);
            assert_eq!(course.case, c.case);
            assert_eq!(c.end, course.end);
            let case = data.cases.iter().find(|k| k.id == c.case).unwrap();
            assert_eq!(c.case_name, case.name);
        }
        let cases: BTreeSet<CaseId> = row.courses.iter().map(|c| c.case).collect();
        assert_eq!(row.citizens, cases.len());
    }
    assert!(
        rows.iter().any(|r| r.citizens >= 3),
        "some supplier has several citizens: {:?}",
        rows.iter().map(|r| r.citizens).collect::<Vec<_>>()
    );
}

#[test]
fn late_reports_are_counted_with_days_late_on_the_frozen_clock() {
    let (data, rows) = demo_overview();
    let mut total_late = 0;
    for row in &rows {
        for c in &row.courses {
            let course = data.courses.iter().find(|k| k.id == c.course).unwrap();
            // Counted here from the records: not received and due before today.
            let expected: Vec<(NaiveDate, u32)> = course
                .reports
                .iter()
                .filter(|r| r.received.is_none() && r.due < today())
                .map(|r| (r.due, (today() - r.due).num_days() as u32))
                .collect();
            assert_eq!(c.late, expected, "course {}", c.course);
            let unread = course
                .reports
                .iter()
                .filter(|r| r.received.is_some() && r.read.is_none())
                .count();
            assert_eq!(c.unread, unread, "course {}", c.course);
            let next = course
                .reports
                .iter()
                .find(|r| r.received.is_none() && r.due >= today())
                .map(|r| r.due);
            assert_eq!(c.next_report, next);
            total_late += expected.len();
        }
        assert_eq!(
            row.late,
            row.courses.iter().map(|c| c.late.len()).sum::<usize>()
        );
        let oldest = row
            .courses
            .iter()
            .flat_map(|c| c.late.iter().map(|l| l.1))
            .max()
            .unwrap_or(0);
        assert_eq!(row.most_days_late, oldest);
    }
    assert!(total_late > 0, "the demo has late reports");
    // Suppliers with late reports first, then by the number of citizens.
    let keys: Vec<(bool, usize)> = rows.iter().map(|r| (r.late > 0, r.citizens)).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
}

/// One supplier ("Udsyn") with three citizens, one report 4 days late, and an empty calendar.
fn small_caseload(store: &Store, _today: NaiveDate) {
    let json = r#"{
      "cases": [
        {"id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat", "created": "2026-01-05T09:00:00Z"},
        {"id": 2, "name": "Bo Hansen", "target_group": "aktivitetsparat", "created": "2026-01-05T09:00:00Z"},
        {"id": 3, "name": "Carla Nielsen", "target_group": "ressourceforloeb", "created": "2026-01-05T09:00:00Z"}
      ],
      "contacts": [
        {"id": 100, "name": "Udsyn", "kind": "supplier"},
        {"id": 101, "name": "Jonas Berg", "kind": "mentor", "organisation": 100}
      ],
      "courses": [
        {"id": 11, "case": 1, "supplier": 100, "consultant": 101, "kind": "afklaring",
         "start": "2026-09-20", "end": "2027-03-20", "cadence": {"kind": "monthly"},
         "reports": [{"due": "2026-10-20", "received": "2026-10-20", "read": "2026-10-21"},
                     {"due": "2026-11-20"}, {"due": "2026-12-20"}]},
        {"id": 12, "case": 2, "supplier": 100, "kind": "praktik",
         "start": "2026-10-01", "end": "2027-04-01", "cadence": {"kind": "monthly"},
         "reports": [{"due": "2026-12-01"}]},
        {"id": 13, "case": 3, "supplier": 100, "consultant": 101, "kind": "mentor",
         "start": "2026-10-01", "end": "2027-04-01", "cadence": {"kind": "monthly"},
         "reports": [{"due": "2026-12-01"}]}
      ]
    }"#;
    let data: Dataset = serde_json::from_str(json).unwrap();
    store.import(&data).unwrap();
}

#[test]
fn overview_of_a_small_caseload_in_detail() {
    let app = App::with(small_caseload);
    let rows = overview(&app.store, today(), &Courses::default()).unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!((row.name.as_str(), row.citizens, row.late), ("Udsyn", 3, 1));
    assert_eq!(row.most_days_late, 4);
    assert_eq!(row.next_report, NaiveDate::from_ymd_opt(2026, 12, 1));
    // The late course comes first.
    assert_eq!(row.courses[0].case_name, "Anne Jensen");
    assert_eq!(
        row.courses[0].consultant_name.as_deref(),
        Some("Jonas Berg")
    );
    assert_eq!(
        row.courses[0].late,
        vec![(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), 4)]
    );
}

#[test]
fn g_s_opens_the_overview_j_moves_tab_and_enter_open_the_citizens_case() {
    let mut app = App::demo();
    app.keys("g s");
    let rows = rows(&app);
    assert!(rows.len() >= 2);
    assert_eq!(state(&app).selected, 0);
    app.keys("j");
    assert_eq!(state(&app).selected, 1);
    app.keys("k k");
    assert_eq!(state(&app).selected, 0, "k stops at the first supplier");
    app.keys("j tab");
    assert_eq!(state(&app).focus, Pane::Citizens);
    let expected = rows[1].courses.last().unwrap().case;
    // j in the citizen list moves the citizen, not the supplier.
    for _ in 0..rows[1].courses.len() + 2 {
        app.keys("j");
    }
    assert_eq!(state(&app).selected, 1);
    assert_eq!(state(&app).citizen, rows[1].courses.len() - 1);
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => assert_eq!(card.id, expected),
        _ => panic!("Enter did not open the case card"),
    }
}

#[test]
fn the_palette_opens_the_overview_and_q_goes_back_to_the_calendar() {
    let mut app = App::demo();
    app.keys(":");
    app.text("supplier overview");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Suppliers(_)));
    app.keys("q");
    assert!(matches!(app.model.screen, Screen::Calendar));
}

/// The visit's meetings of `supplier` on `day`, in time order.
fn visit_meetings(app: &App, day: NaiveDate, supplier: &str) -> Vec<Meeting> {
    let mut out: Vec<Meeting> = app
        .meetings_on(day)
        .into_iter()
        .filter(|m| m.place.kind == PlaceKind::Supplier && m.place.text == supplier)
        .collect();
    out.sort_by_key(|m| m.start);
    out
}

#[test]
fn a_visit_for_three_citizens_books_three_meetings_back_to_back_and_one_undo_removes_them() {
    let mut app = App::demo();
    app.keys("g s");
    let rows = rows(&app);
    let (index, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.citizens >= 3)
        .expect("a supplier with three citizens");
    for _ in 0..index {
        app.keys("j");
    }
    app.keys("tab");
    // Leave out every citizen after the first three.
    let mut going: Vec<CaseId> = Vec::new();
    for (i, c) in row.courses.iter().enumerate() {
        if going.len() < 3 && !going.contains(&c.case) {
            going.push(c.case);
        } else if !going.contains(&c.case) {
            while state(&app).citizen < i {
                app.keys("j");
            }
            app.keys("space");
        }
    }
    assert_eq!(state(&app).visitors().len(), 3);
    // Wednesday 25 November, the next working day, is offered; 45 minutes is the default.
    app.keys("v");
    app.keys("enter");
    app.keys("enter");
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let visit = visit_meetings(&app, wednesday, &row.name);
    assert_eq!(visit.len(), 3, "status: {}", app.status());
    let cases: Vec<CaseId> = visit.iter().map(|m| m.case.unwrap()).collect();
    assert_eq!(cases, going);
    for pair in visit.windows(2) {
        assert_eq!(pair[0].end(), pair[1].start, "back to back");
    }
    for m in &visit {
        assert_eq!(m.minutes, 45);
        assert_eq!(m.purpose, purpose::OPFOELGNING);
        assert_eq!(m.status, MeetingStatus::Planned);
        assert_eq!(m.participants[0].role, Role::Citizen);
        let consultant = row
            .courses
            .iter()
            .find(|c| Some(c.case) == m.case)
            .and_then(|c| c.consultant);
        let listed = m
            .participants
            .iter()
            .find(|p| p.role == Role::Consultant)
            .and_then(|p| p.contact);
        assert_eq!(listed, consultant);
    }
    // Nothing else that day overlaps the visit with its buffers.
    let span = (
        visit[0].start - Duration::minutes(i64::from(visit[0].prep_minutes)),
        visit[2].end() + Duration::minutes(i64::from(visit[2].follow_up_minutes)),
    );
    for other in app.meetings_on(wednesday) {
        if visit.iter().any(|m| m.id == other.id) || !other.status.occupies_time() {
            continue;
        }
        let busy = (
            other.start - Duration::minutes(i64::from(other.prep_minutes)),
            other.end() + Duration::minutes(i64::from(other.follow_up_minutes)),
        );
        assert!(
            busy.1 <= span.0 || span.1 <= busy.0,
            "{other:?} overlaps the visit"
        );
    }
    assert!(
        app.status().contains("booked 3 meetings at"),
        "{}",
        app.status()
    );

    app.keys("u");
    assert!(visit_meetings(&app, wednesday, &row.name).is_empty());
    for m in &visit {
        assert!(app.stored(m.id).is_none());
    }
    app.keys("ctrl-r");
    assert_eq!(visit_meetings(&app, wednesday, &row.name).len(), 3);
}

/// Empties the open prompt.
fn clear(app: &mut App) {
    for _ in 0..16 {
        app.keys("backspace");
    }
}

#[test]
fn typing_replaces_the_suggested_day_and_length_of_a_visit() {
    let mut app = App::with(small_caseload);
    app.keys("g s tab j space v");
    // The day and the length are suggested and selected: what is typed replaces them.
    app.text("26/11");
    app.keys("enter");
    app.text("30m");
    app.keys("enter");
    assert_eq!(
        app.status(),
        "Saved: booked 2 meetings at Udsyn on Thu 26/11 08:15–09:15"
    );
}

#[test]
fn the_status_names_the_visit_and_a_chosen_day_and_length_are_used() {
    let mut app = App::with(small_caseload);
    app.keys("g s tab j space");
    assert_eq!(state(&app).visitors().len(), 2, "Bo left out");
    app.keys("v");
    clear(&mut app);
    app.text("26/11");
    app.keys("enter");
    clear(&mut app);
    app.text("30m");
    app.keys("enter");
    // Empty day: 08:00 opening + 10 min preparation, on the quarter: 08:15; 2 × 30 min.
    assert_eq!(
        app.status(),
        "Saved: booked 2 meetings at Udsyn on Thu 26/11 08:15–09:15"
    );
    let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let visit = visit_meetings(&app, thursday, "Udsyn");
    let starts: Vec<_> = visit.iter().map(|m| m.start).collect();
    assert_eq!(starts, vec![at("2026-11-26 08:15"), at("2026-11-26 08:45")]);
    assert_eq!(
        visit.iter().map(|m| m.case.unwrap().0).collect::<Vec<_>>(),
        vec![1, 3]
    );
    assert_eq!((visit[0].prep_minutes, visit[0].follow_up_minutes), (10, 0));
    assert_eq!((visit[1].prep_minutes, visit[1].follow_up_minutes), (0, 10));
}

#[test]
fn a_day_without_room_books_nothing_and_says_so() {
    let mut app = App::with(|store, today| {
        small_caseload(store, today);
        let mut block = Meeting {
            id: caseplan::model::MeetingId(500),
            case: None,
            start: at("2026-11-25 08:00"),
            minutes: 6 * 60,
            purpose: purpose::ADMIN.into(),
            form: caseplan::model::MeetingForm::InPerson,
            place: Default::default(),
            participants: vec![],
            booked_by: Default::default(),
            prep_minutes: 0,
            follow_up_minutes: 0,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: "Kursus".into(),
            note: String::new(),
            revision: 0,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
            repeat: None,
        };
        store.put(&block).unwrap();
        // Room for two meetings of 45 minutes is left after 14:00, not for three.
        block.id = caseplan::model::MeetingId(501);
        block.start = at("2026-11-25 14:00");
        block.minutes = 5;
        store.put(&block).unwrap();
    });
    app.keys("g s v enter enter");
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert!(visit_meetings(&app, wednesday, "Udsyn").is_empty());
    assert_eq!(
        app.status(),
        "No room on Wed 25/11 for 3 meetings of 45m in a row at Udsyn; nothing was booked."
    );
    assert!(app.model.history.next_undo().is_none());
}

#[test]
fn overview_snapshots() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::demo_in(lang);
        app.keys("g s");
        snap(
            &format!("suppliers_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
        app.keys("tab j space");
        snap(
            &format!("suppliers_{}_120x40", lang_code(lang)),
            &app.draw(120, 40),
        );
    }
}

#[test]
fn an_ended_course_without_an_outcome_stays_and_a_closed_case_leaves() {
    let app = App::with(|store, today| {
        small_caseload(store, today);
        let json = r#"{
          "cases": [
            {"id": 4, "name": "Dorte Lukket", "target_group": "aktivitetsparat",
             "created": "2026-01-05T09:00:00Z", "status": {"state": "closed", "on": "2026-11-01"}}
          ],
          "courses": [
            {"id": 14, "case": 1, "supplier": 100, "kind": "praktik",
             "start": "2026-05-01", "end": "2026-11-10", "cadence": {"kind": "end_only"},
             "reports": [{"due": "2026-11-10", "is_final": true}]},
            {"id": 15, "case": 4, "supplier": 100, "kind": "praktik",
             "start": "2026-10-01", "end": "2027-04-01", "cadence": {"kind": "monthly"},
             "reports": [{"due": "2026-11-01"}]}
          ]
        }"#;
        let data: Dataset = serde_json::from_str(json).unwrap();
        // Put one by one: they refer to the small caseload's records.
        for case in &data.cases {
            store.put(case).unwrap();
        }
        for course in &data.courses {
            store.put(course).unwrap();
        }
    });
    let rows = overview(&app.store, today(), &Courses::default()).unwrap();
    assert_eq!(rows.len(), 1);
    let courses: BTreeSet<u64> = rows[0].courses.iter().map(|c| c.course.0).collect();
    assert_eq!(
        courses,
        BTreeSet::from([11, 12, 13, 14]),
        "the ended course awaits its final report; the closed case's course is left out"
    );
    let ended = rows[0].courses.iter().find(|c| c.course.0 == 14).unwrap();
    assert_eq!(
        ended.late,
        vec![(NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(), 14)]
    );
    assert_eq!(rows[0].citizens, 3);
}
