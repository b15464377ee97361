//! The Today list: assembly on the demo caseload with a frozen clock, cadence counting,
//! snoozes and done, and the Today screen.

mod harness;

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
        today,
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
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
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

fn case(id: u64) -> Case {
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
    let reason = caseplan::i18n::due_words::due_reason(item, Lang::En);
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

use caseplan::app::model::Screen;
use harness::{App, snap};

fn today_list_of(app: &App) -> &caseplan::domain::due::DueList {
    match &app.model.screen {
        Screen::Today { list, .. } => list,
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
    assert!(matches!(app.model.screen, Screen::Today { .. }));
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
    assert_eq!(form.case, Some(case));
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
