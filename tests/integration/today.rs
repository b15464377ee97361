//! The Today list: assembly on the demo caseload with a frozen clock, cadence counting,
//! snoozes and done, and the Today screen.

use crate::harness;
use caseplan::cli::due_document;
use caseplan::config::Config;
use caseplan::demo::{DemoSpec, generate};
use caseplan::domain::cadence::case_cadence;
use caseplan::domain::due::DueWhat;
use caseplan::i18n::Lang;
use caseplan::model::{
    Agreement, AgreementId, Case, CaseFlags, CaseId, CaseStatus, Meeting, MeetingForm, MeetingId,
    MeetingStatus, Party, Place, Preferences,
};
use caseplan::query::today::{default_until, today_list};
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::{NaiveDate, TimeZone, Utc};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-24";

fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .import(&generate(&DemoSpec::new(50, 1, d(TODAY))))
        .unwrap();
    (dir, store)
}

fn list(store: &Store, today: NaiveDate) -> caseplan::domain::due::DueList {
    today_list(
        store,
        &Config::default(),
        &Zone::copenhagen(),
        // The harness's clock: 09:00 on the day.
        today.and_hms_opt(9, 0, 0).unwrap(),
        default_until(today),
    )
    .unwrap()
}

#[test]
fn due_list_of_the_demo_caseload_as_json() {
    let (_dir, store) = demo_store();
    let today = d(TODAY);
    let list = list(&store, today);
    assert!(!list.overdue.is_empty() && !list.coming.is_empty());
    let doc = due_document(&list, today, default_until(today), Lang::En);
    let json = serde_json::to_string_pretty(&doc).unwrap();
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("today_due_demo_json", json);
    });
}

#[test]
fn every_group_is_sorted_and_in_its_window() {
    let (_dir, store) = demo_store();
    let today = d(TODAY);
    let list = list(&store, today);
    assert!(
        list.overdue
            .iter()
            .all(|i| i.due < today && i.days_late.is_some())
    );
    assert!(list.today.iter().all(|i| i.due == today));
    assert!(
        list.coming
            .iter()
            .all(|i| i.due > today && i.due <= default_until(today))
    );
    for group in [&list.overdue, &list.today, &list.coming] {
        assert!(group.windows(2).all(|w| w[0].due <= w[1].due));
    }
    let mut keys: Vec<&str> = list.items().map(|(_, i)| i.key.as_str()).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "keys are unique");
}

pub(crate) fn case(id: u64) -> Case {
    Case {
        id: CaseId(id),
        name: format!("Borger {id}"),
        alias: String::new(),
        reference: String::new(),
        phones: vec![],
        target_group: "aktivitetsparat".into(),
        flags: CaseFlags::default(),
        reach_via: String::new(),
        preferences: Preferences::default(),
        where_now: String::new(),
        next_step: String::new(),
        plan_b: String::new(),
        last_told: String::new(),
        network: vec![],
        cadence_override: None,
        away: vec![],
        status: CaseStatus::Active,
        created: Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap(),
    }
}

fn meeting(id: u64, case: u64, day: &str, status: MeetingStatus) -> Meeting {
    Meeting {
        id: MeetingId(id),
        case: Some(CaseId(case)),
        start: d(day).and_hms_opt(10, 0, 0).unwrap(),
        minutes: 45,
        purpose: "samtale".into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: Default::default(),
        prep_minutes: 0,
        follow_up_minutes: 0,
        status,
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

/// One case: held 14 Aug, then an afbud and a no-show; an agreement due today.
fn small_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.put(&case(1)).unwrap();
    store
        .put(&meeting(10, 1, "2026-08-14", MeetingStatus::Held))
        .unwrap();
    store
        .put(&meeting(
            11,
            1,
            "2026-09-20",
            MeetingStatus::CancelledByCitizen,
        ))
        .unwrap();
    store
        .put(&meeting(12, 1, "2026-11-02", MeetingStatus::NoShow))
        .unwrap();
    store
        .put(&Agreement {
            id: AgreementId(20),
            case: CaseId(1),
            who: Party::Caseworker,
            what: "Jeg ringer".into(),
            due: Some(d(TODAY)),
            done: None,
            created: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap(),
        })
        .unwrap();
    (dir, store)
}

#[test]
fn cadence_counts_held_meetings_only_and_says_what_did_not_count() {
    let (_dir, store) = small_store();
    let c = case_cadence(
        &case(1),
        &store.meetings_for_case(CaseId(1)).unwrap(),
        &Config::default().cadence,
        d(TODAY),
    )
    .unwrap();
    assert_eq!(c.last_held, Some(d("2026-08-14")));
    assert_eq!(c.next_due, d("2026-11-14"));
    assert_eq!(
        c.not_counted,
        vec![
            (d("2026-09-20"), MeetingStatus::CancelledByCitizen),
            (d("2026-11-02"), MeetingStatus::NoShow)
        ]
    );
    // The Today list shows it overdue with the rule in words.
    let list = list(&store, d(TODAY));
    let item = list
        .overdue
        .iter()
        .find(|i| matches!(i.what, DueWhat::Cadence { .. }))
        .unwrap();
    let reason = caseplan::i18n::due_words::due_reason(item, d(TODAY), Lang::En);
    assert!(
        reason.contains("at least 4 meetings in 12 months; last held 14 Aug"),
        "{reason}"
    );
    assert!(reason.contains("not counted"), "{reason}");
    // Booking a meeting in time takes it off the list.
    store
        .put(&meeting(13, 1, "2026-11-26", MeetingStatus::Planned))
        .unwrap();
    let list = self::list(&store, d(TODAY));
    assert!(
        list.items()
            .all(|(_, i)| !matches!(i.what, DueWhat::Cadence { .. }))
    );
}

#[test]
fn snooze_round_trip_hides_the_item_until_its_day() {
    let (dir, store) = small_store();
    let key = "agreement:20:2026-11-24";
    assert!(list(&store, d(TODAY)).today.iter().any(|i| i.key == key));
    store.snooze(key, d("2026-11-26")).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let snoozed = list(&store, d(TODAY));
    assert!(snoozed.items().all(|(_, i)| i.key != key));
    assert_eq!(snoozed.snoozed, 1);
    assert!(
        list(&store, d("2026-11-25"))
            .items()
            .all(|(_, i)| i.key != key)
    );
    let back = list(&store, d("2026-11-26"));
    assert!(back.overdue.iter().any(|i| i.key == key));
}

#[test]
fn a_done_agreement_leaves_the_list() {
    let (_dir, store) = small_store();
    let mut a = store.get::<Agreement>(AgreementId(20)).unwrap().unwrap();
    a.done = Some(d(TODAY));
    store.put(&a).unwrap();
    assert!(
        list(&store, d(TODAY))
            .items()
            .all(|(_, i)| !matches!(i.what, DueWhat::Agreement { .. }))
    );
}

// ---------------------------------------------------------------------------------------------
// The Today screen

use crate::harness::{App, snap};
use caseplan::app::model::Screen;

fn today_list_of(app: &App) -> &caseplan::domain::due::DueList {
    match &app.model.screen {
        Screen::Today(screen) => &screen.list,
        _ => panic!("not on the Today screen"),
    }
}

fn selected_key(app: &App) -> String {
    caseplan::app::today::selected_item(&app.model)
        .map(|i| i.key.clone())
        .unwrap()
}

#[test]
fn the_planner_starts_on_today_and_switches_to_the_calendar_and_back() {
    let mut app = App::demo_today(Lang::En);
    assert!(!today_list_of(&app).is_empty());
    app.keys("t");
    assert!(matches!(app.model.screen, Screen::Calendar));
    app.keys("g o");
    assert!(matches!(app.model.screen, Screen::Today(_)));
    app.keys("g c");
    assert!(matches!(app.model.screen, Screen::Calendar));
}

#[test]
fn done_on_an_agreement_stores_it_done_and_drops_it_from_the_list() {
    let mut app = App::demo_today(Lang::En);
    // Move to the first agreement.
    for _ in 0..60 {
        if selected_key(&app).starts_with("agreement:") {
            break;
        }
        app.keys("j");
    }
    let key = selected_key(&app);
    let id: u64 = key.split(':').nth(1).unwrap().parse().unwrap();
    let before = today_list_of(&app).len();
    app.keys("x");
    let stored = app
        .store
        .get::<Agreement>(AgreementId(id))
        .unwrap()
        .unwrap();
    assert_eq!(stored.done, Some(d(TODAY)));
    assert!(app.status().starts_with("Saved: Done"), "{}", app.status());
    let list = today_list_of(&app);
    assert_eq!(list.len(), before - 1);
    assert!(list.items().all(|(_, i)| i.key != key));
    // Undo brings it back.
    app.keys("u");
    assert_eq!(
        app.store
            .get::<Agreement>(AgreementId(id))
            .unwrap()
            .unwrap()
            .done,
        None
    );
    assert!(today_list_of(&app).items().any(|(_, i)| i.key == key));
}

#[test]
fn snooze_with_a_typed_date_hides_the_item_until_then() {
    let mut app = App::demo_today(Lang::En);
    let key = selected_key(&app);
    app.keys("z");
    app.text("+3d");
    app.keys("enter");
    assert_eq!(app.status(), "Snoozed until 27.11.2026");
    assert!(today_list_of(&app).items().all(|(_, i)| i.key != key));
    assert_eq!(today_list_of(&app).snoozed, 1);
    assert_eq!(
        app.store.snoozes().unwrap().get(&key),
        Some(&d("2026-11-27"))
    );
}

#[test]
fn a_bad_snooze_date_says_why_and_keeps_the_prompt() {
    let mut app = App::demo_today(Lang::En);
    app.keys("z");
    app.text("blah");
    app.keys("enter");
    assert!(app.model.popup.is_some());
    assert!(app.store.snoozes().unwrap().is_empty());
}

#[test]
fn enter_opens_the_items_case_and_b_offers_a_meeting_for_it() {
    let mut app = App::demo_today(Lang::En);
    let case = caseplan::app::today::selected_item(&app.model)
        .unwrap()
        .case;
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => assert_eq!(card.id, case),
        _ => panic!("no card"),
    }
    let mut app = App::demo_today(Lang::En);
    app.keys("b");
    let form = app.model.form().expect("a new-meeting form");
    assert_eq!(form.case(), Some(case));
}

#[test]
fn today_screen_in_both_languages_and_sizes() {
    for lang in [Lang::Da, Lang::En] {
        let app = App::demo_today(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let name = format!("today_{}_{w}x{h}", harness::lang_code(lang));
            snap(&name, &app.draw(w, h));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Review fixes (#8)

use caseplan::domain::schedule::new_reports;
use caseplan::model::{
    Contact, ContactId, ContactKind, Course, CourseId, MedicalRequest, ReportCadence, RequestId,
    request_kind,
};

fn supplier(id: u64) -> Contact {
    Contact {
        id: ContactId(id),
        name: "Jobhuset".into(),
        kind: ContactKind::Supplier,
        organisation: None,
        title: String::new(),
        work_phone: String::new(),
        email: String::new(),
        note: String::new(),
    }
}

/// A monthly course of case 1 from 20 July to `end`, its reports before December in and read.
fn course(id: u64, end: &str) -> Course {
    let start = d("2026-07-20");
    let mut reports = new_reports(start, d(end), &ReportCadence::Monthly);
    for r in reports.iter_mut().filter(|r| r.due < d("2026-12-01")) {
        r.received = Some(r.due);
        r.read = Some(r.due);
    }
    Course {
        id: CourseId(id),
        case: CaseId(1),
        supplier: ContactId(90),
        consultant: Some(ContactId(91)),
        kind: "afklaring".into(),
        start,
        end: d(end),
        hours_per_week: Some(10),
        cadence: ReportCadence::Monthly,
        checklist: Default::default(),
        reports,
        outcome: None,
        continues: None,
    }
}

fn request(id: u64) -> MedicalRequest {
    MedicalRequest {
        id: RequestId(id),
        case: CaseId(1),
        kind: request_kind::STATUSATTEST.into(),
        recipient: None,
        questions: "Kan borgeren arbejde 10 timer om ugen?".into(),
        purpose: "rehabiliteringsteam".into(),
        consent: Some(d("2026-09-01")),
        sent: Some(d("2026-09-02")),
        deadline: Some(d("2026-09-16")),
        chases: vec![],
        received: None,
        acted_on: None,
        withdrawn: None,
    }
}

/// One case met on 20 Nov, so only the records under test are due.
fn one_case(store: &Store) {
    store.put(&case(1)).unwrap();
    store.put(&supplier(90)).unwrap();
    store
        .put(&meeting(10, 1, "2026-11-20", MeetingStatus::Held))
        .unwrap();
}

fn keys_of(list: &caseplan::domain::due::DueList) -> Vec<String> {
    list.items().map(|(_, i)| i.key.clone()).collect()
}

#[test]
fn the_call_to_the_supplier_shows_under_coming_and_goes_once_a_meeting_is_booked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    one_case(&store);
    // Ends Thu 17 Dec: call by 26 Nov, summons by 3 Dec (after the window).
    store.put(&course(30, "2026-12-17")).unwrap();
    let list = list(&store, d(TODAY));
    let call = list
        .coming
        .iter()
        .find(|i| i.key == "course:30:call_supplier")
        .unwrap_or_else(|| panic!("{:?}", keys_of(&list)));
    assert_eq!(call.due, d("2026-11-26"));
    assert!(keys_of(&list).iter().all(|k| !k.ends_with(":summon")));
    // A three-party meeting on 3 Dec, before the end: the call is done.
    store
        .put(&meeting(12, 1, "2026-12-03", MeetingStatus::Planned))
        .unwrap();
    let list = self::list(&store, d(TODAY));
    assert!(
        keys_of(&list).iter().all(|k| !k.starts_with("course:30")),
        "{:?}",
        keys_of(&list)
    );
}

#[test]
fn ended_snoozes_are_forgotten_when_the_today_screen_loads() {
    let app = App::starting_on("today", Lang::En, |store, _| {
        one_case(store);
        store
            .snooze("agreement:1:2026-11-01", d("2026-11-20"))
            .unwrap();
        store
            .snooze("agreement:2:2026-11-01", d("2026-11-30"))
            .unwrap();
    });
    let left = app.store.snoozes().unwrap();
    assert_eq!(
        left.keys().collect::<Vec<_>>(),
        vec!["agreement:2:2026-11-01"]
    );
}

#[test]
fn items_from_another_year_show_the_year_in_the_list_and_the_reason() {
    let mut app = App::starting_on("today", Lang::En, |store, _| {
        one_case(store);
        store
            .put(&Agreement {
                id: AgreementId(20),
                case: CaseId(1),
                who: Party::Caseworker,
                what: "Jeg ringer".into(),
                due: Some(d("2025-09-25")),
                done: None,
                created: Utc.with_ymd_and_hms(2025, 9, 1, 8, 0, 0).unwrap(),
            })
            .unwrap();
    });
    app.keys("g o");
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("25.09.2025 Borger 1"), "{screen}");
    assert!(screen.contains("your own date 25 Sep 2025"), "{screen}");
}

/// The Today screen on one case with `records` stored.
fn today_with(records: impl FnOnce(&Store)) -> App {
    App::starting_on("today", Lang::En, |store, _| {
        one_case(store);
        records(store);
    })
}

/// Moves the selection to the item with `key`.
fn select(app: &mut App, key: &str) {
    for _ in 0..today_list_of(app).len() {
        if selected_key(app) == key {
            return;
        }
        app.keys("j");
    }
    panic!("no {key} in {:?}", keys_of(today_list_of(app)));
}

/// A course of case 1 ending 15 Dec: call by today, summons and the interim question 1 Dec.
fn ending_course(store: &Store) {
    store.put(&course(30, "2026-12-15")).unwrap();
}

#[test]
fn x_on_the_call_to_the_supplier_books_the_three_party_meeting() {
    let mut app = today_with(ending_course);
    select(&mut app, "course:30:call_supplier");
    app.keys("x");
    let form = app.model.form().expect("the three-party form");
    assert_eq!(form.case(), Some(CaseId(1)));
    assert_eq!(
        form.parties.iter().map(|p| p.contact).collect::<Vec<_>>(),
        vec![Some(ContactId(91))]
    );
    assert_eq!(form.purpose_key(), caseplan::model::purpose::THREE_PARTY);
}

#[test]
fn x_on_the_interim_question_asks_for_an_interim_report() {
    let mut app = today_with(ending_course);
    let before = app.store.get::<Course>(CourseId(30)).unwrap().unwrap();
    select(&mut app, "course:30:final_after_summons");
    app.keys("x");

    assert!(app.model.form().is_none());
    let after = app.store.get::<Course>(CourseId(30)).unwrap().unwrap();
    assert_eq!(after.reports.len(), before.reports.len() + 1);
    assert!(
        after
            .reports
            .iter()
            .any(|r| !r.is_final && r.due < d("2026-12-01") && r.due >= d(TODAY)),
        "{:?}",
        after.reports
    );
    // Named, not numbered: the directory is loaded for the label.
    assert!(
        app.status().contains("interim report asked for") && app.status().contains("Jobhuset"),
        "{}",
        app.status()
    );
}

#[test]
fn b_on_received_medical_information_books_a_meeting_that_acts_on_it() {
    let mut app = today_with(|store| {
        let mut r = request(40);
        r.received = Some(d("2026-11-20"));
        store.put(&r).unwrap();
    });
    select(&mut app, "request:40:act_on");
    app.keys("b");
    let form = app.model.form().expect("a new-meeting form");
    assert_eq!(form.case(), Some(CaseId(1)));
    assert_eq!(form.acts_on.as_ref().map(|r| r.id), Some(RequestId(40)));
}

/// A course whose November report (due 20 Nov) has not come.
fn late_report(store: &Store) {
    let mut c = course(31, "2027-03-19");
    for r in c.reports.iter_mut().filter(|r| r.due == d("2026-11-20")) {
        r.received = None;
        r.read = None;
    }
    store.put(&c).unwrap();
}

#[test]
fn c_on_a_medical_chase_opens_the_requests_chase_log_with_a_letter() {
    let mut app = today_with(|store| store.put(&request(40)).unwrap());
    select(&mut app, "request:40:reminder1");
    app.keys("c");
    match &app.model.popup {
        Some(caseplan::app::popup::Popup::ChaseLog(log)) => {
            assert_eq!(log.request.id, RequestId(40));
            assert_eq!(log.channel(), caseplan::model::Channel::Letter);
        }
        _ => panic!("no chase log"),
    }
}

#[test]
fn x_on_a_written_reminder_logs_a_letter_chase() {
    let mut app = today_with(|store| store.put(&request(40)).unwrap());
    select(&mut app, "request:40:reminder1");
    app.keys("x");
    let stored = app
        .store
        .get::<MedicalRequest>(RequestId(40))
        .unwrap()
        .unwrap();
    let channels: Vec<_> = stored.chases.iter().map(|c| c.channel).collect();
    assert_eq!(channels, vec![caseplan::model::Channel::Letter]);
}

#[test]
fn c_on_a_late_report_opens_the_report_chase_and_x_logs_a_chase_not_received() {
    let mut app = today_with(late_report);
    let key = "report:31:2026-11-20:late";
    select(&mut app, key);
    app.keys("c");
    match &app.model.popup {
        Some(caseplan::app::popup::Popup::CourseDialog(dialog)) => {
            assert_eq!(dialog.course.id, CourseId(31));
            let index = dialog
                .course
                .reports
                .iter()
                .position(|r| r.due == d("2026-11-20"))
                .unwrap();
            assert_eq!(
                dialog.kind,
                caseplan::app::courses::dialog::DialogKind::Chase { report: index }
            );
        }
        _ => panic!("no report chase dialog"),
    }
    app.keys("esc");
    select(&mut app, key);
    app.keys("x");
    let stored = app.store.get::<Course>(CourseId(31)).unwrap().unwrap();
    let report = stored
        .reports
        .iter()
        .find(|r| r.due == d("2026-11-20"))
        .unwrap();
    assert_eq!(report.received, None);
    assert_eq!(report.chases.len(), 1);
}

#[test]
fn snoozing_to_today_or_earlier_is_refused_in_words() {
    let mut app = App::demo_today(Lang::En);
    for day in ["today", "20.11.2026"] {
        app.keys("z");
        app.text(day);
        app.keys("enter");
        match &app.model.popup {
            Some(caseplan::app::popup::Popup::Prompt(p)) => {
                assert_eq!(p.error.as_deref(), Some("Choose a day after today"))
            }
            _ => panic!("the prompt closed for {day}"),
        }
        assert!(app.store.snoozes().unwrap().is_empty());
        app.keys("esc");
    }
    let mut app = App::demo_today(Lang::Da);
    app.keys("z");
    app.text("i dag");
    app.keys("enter");
    match &app.model.popup {
        Some(caseplan::app::popup::Popup::Prompt(p)) => {
            assert_eq!(p.error.as_deref(), Some("Vælg en dag efter i dag"))
        }
        _ => panic!("the prompt closed"),
    }
}

#[test]
fn a_day_too_full_for_the_meetings_column_says_how_many_more() {
    let app = App::starting_on("today", Lang::En, |store, today| {
        store
            .import(&generate(&DemoSpec::new(50, 1, today)))
            .unwrap();
        let day = today.and_hms_opt(0, 0, 0).unwrap();
        let template = store
            .meetings_between(day, day + chrono::Duration::days(1))
            .unwrap()
            .into_iter()
            .find(|m| m.case.is_some() && m.repeat.is_none())
            .expect("a case meeting today");
        // Fourteen more short meetings from 08:00, a quarter of an hour apart.
        let changes: Vec<_> = (0..14u64)
            .map(|n| {
                let mut m = template.clone();
                m.id = caseplan::model::MeetingId(900_000 + n);
                m.start = day + chrono::Duration::minutes(8 * 60 + 15 * n as i64);
                m.minutes = 15;
                caseplan::store::Change::Put(caseplan::store::Record::into_any(m))
            })
            .collect();
        store.write(&changes).unwrap();
    });
    let screen = app.screen(80, 24);
    let column: Vec<String> = screen
        .iter()
        .map(|line| line.chars().take(23).collect())
        .collect();
    assert!(
        column
            .iter()
            .any(|l| l.trim_start().starts_with('+') && l.contains("more")),
        "{}",
        column.join("\n")
    );
}

#[test]
fn the_name_filter_finds_a_name_typed_without_its_danish_letters() {
    let mut app = App::starting_on("today", Lang::Da, |store, _| {
        for (id, name) in [(1, "Søren Bæk"), (2, "Åse Østergaard"), (3, "Bo Hansen")] {
            store
                .put(&Case {
                    name: name.into(),
                    ..case(id)
                })
                .unwrap();
        }
    });
    let shown = |app: &App| {
        let mut names: Vec<String> = today_list_of(app)
            .items()
            .map(|(_, item)| item.case_name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    assert_eq!(shown(&app).len(), 3, "every case is on the list");
    for (typed, found) in [
        ("soren", "Søren Bæk"),
        ("soeren", "Søren Bæk"),
        ("bak", "Søren Bæk"),
        ("ase ost", "Åse Østergaard"),
        ("aase", "Åse Østergaard"),
    ] {
        app.keys("F");
        app.keys("ctrl-u");
        app.text(typed);
        app.keys("enter");
        assert_eq!(shown(&app), vec![found.to_string()], "{typed}");
    }
}
