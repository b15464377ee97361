//! The mouse, with `[ui] mouse = true`: a click selects a meeting, a list row or a form field,
//! the wheel moves as ↓/↑ do, and with the mouse off neither does anything. Events go through
//! the same path as the planner's loop hands them on (`app::mouse::event`).

use crate::caseform::case;
use crate::harness::App;
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::i18n::Lang;
use caseplan::model::{
    Agreement, AgreementId, CaseId, Meeting, MeetingForm, MeetingId, MeetingStatus, Party, Place,
};
use caseplan::store::Store;
use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::crossterm::event::{MouseButton, MouseEventKind};

const MOUSE_ON: &str = "[ui]\nmouse = true\n";
const CLICK: MouseEventKind = MouseEventKind::Down(MouseButton::Left);

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Three cases, each with an agreement of the caseworker's: overdue, due today, coming.
fn three_cases(store: &Store) {
    for (id, name, due) in [
        (1, "Anna Holm", "2026-11-20"),
        (2, "Bent Holm", "2026-11-24"),
        (3, "Carl Holm", "2026-11-26"),
    ] {
        store.put(&case(id, name)).unwrap();
        store
            .put(&Agreement {
                id: AgreementId(100 + id),
                case: CaseId(id),
                who: Party::Caseworker,
                what: "Ring om praktikken".into(),
                due: Some(d(due)),
                done: None,
                created: Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap(),
            })
            .unwrap();
    }
}

fn meeting(id: u64, case: u64, time: &str) -> Meeting {
    Meeting {
        id: MeetingId(id),
        case: Some(CaseId(case)),
        start: d("2026-11-24").and_time(time.parse().unwrap()),
        minutes: 45,
        purpose: "samtale".into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: Default::default(),
        prep_minutes: 0,
        follow_up_minutes: 0,
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

/// Two meetings today: Anna at 10:00, Bent at 13:00.
fn two_meetings(store: &Store) {
    store.put(&case(1, "Anna Holm")).unwrap();
    store.put(&case(2, "Bent Holm")).unwrap();
    store.put(&meeting(201, 1, "10:00")).unwrap();
    store.put(&meeting(202, 2, "13:00")).unwrap();
}

fn today_selected(app: &App) -> (usize, CaseId) {
    let Screen::Today(today) = &app.model.screen else {
        panic!("not on Today")
    };
    (today.selected, today.list.get(today.selected).unwrap().case)
}

#[test]
fn a_click_selects_a_today_row_and_the_wheel_moves_the_selection() {
    let mut app = App::configured("today", Lang::En, MOUSE_ON, |store, _| three_cases(store));
    assert_eq!(today_selected(&app).1, CaseId(1), "the overdue item first");
    app.mouse_on(CLICK, "Carl Holm", 120, 40);
    let (at, case) = today_selected(&app);
    assert_eq!(case, CaseId(3), "the clicked row is selected");
    app.mouse(MouseEventKind::ScrollUp, 60, 10);
    assert_eq!(
        today_selected(&app).0,
        at - 1,
        "the wheel up moves as ↑ does"
    );
    app.mouse(MouseEventKind::ScrollDown, 60, 10);
    assert_eq!(today_selected(&app).0, at, "and down as ↓ does");
}

#[test]
fn with_the_mouse_off_clicks_and_the_wheel_do_nothing() {
    let mut app = App::configured("today", Lang::En, "", |store, _| three_cases(store));
    let before = today_selected(&app);
    app.mouse_on(CLICK, "Carl Holm", 120, 40);
    assert_eq!(today_selected(&app), before);
    app.mouse(MouseEventKind::ScrollDown, 60, 10);
    assert_eq!(today_selected(&app), before);

    let mut app = App::configured("calendar", Lang::En, "", |store, _| two_meetings(store));
    let before = app.model.selected;
    app.mouse_on(CLICK, "Bent Holm", 120, 40);
    assert_eq!(app.model.selected, before);
}

#[test]
fn a_click_selects_a_meeting_in_the_day_and_week_views_and_on_today() {
    for view_keys in ["", "w"] {
        let mut app = App::configured("calendar", Lang::En, MOUSE_ON, |store, _| {
            two_meetings(store)
        });
        if !view_keys.is_empty() {
            app.keys(view_keys);
        }
        assert_eq!(app.selected().id, MeetingId(201), "the next meeting first");
        app.mouse_on(CLICK, "Bent Holm", 120, 40);
        assert_eq!(app.selected().id, MeetingId(202), "view keys {view_keys:?}");
        app.mouse(MouseEventKind::ScrollUp, 60, 10);
        assert_eq!(
            app.selected().id,
            MeetingId(201),
            "the wheel moves as ↑ does"
        );
    }
    let mut app = App::configured("today", Lang::En, MOUSE_ON, |store, _| two_meetings(store));
    app.mouse_on(CLICK, "Bent Holm", 120, 40);
    assert_eq!(app.selected().id, MeetingId(202), "Today's meetings pane");
    let Screen::Today(today) = &app.model.screen else {
        panic!("not on Today")
    };
    assert_eq!(today.focus, caseplan::app::today::Focus::Meetings);
}

#[test]
fn a_click_on_a_form_field_focuses_it_and_the_screen_under_the_form_takes_no_click() {
    use caseplan::app::forms::meeting::Field;
    let mut app = App::configured("calendar", Lang::En, MOUSE_ON, |store, _| {
        two_meetings(store)
    });
    app.keys("n");
    let focused = |app: &App| app.model.form().unwrap().form.focused();
    assert_eq!(focused(&app), Some(Field::Case));
    app.mouse_on(CLICK, "‹ Planned ›", 120, 40);
    assert_eq!(focused(&app), Some(Field::Status));
    app.mouse_on(CLICK, "‹ Caseworker ›", 120, 40);
    assert_eq!(focused(&app), Some(Field::BookedBy));
    // The day view's detail pane beside the form, and the header line, are the screen's.
    app.mouse_on(CLICK, "Meeting status: Planned", 120, 40);
    app.mouse(CLICK, 2, 0);
    assert_eq!(focused(&app), Some(Field::BookedBy));
    assert_eq!(
        app.selected().id,
        MeetingId(201),
        "nothing under the form was picked"
    );
    assert!(app.model.form().is_some(), "the form stays open");
}

#[test]
fn a_click_selects_a_finder_result_and_a_board_row() {
    let mut app = App::configured("calendar", Lang::En, MOUSE_ON, |store, _| {
        three_cases(store)
    });
    app.keys("/");
    app.text("holm");
    app.mouse_on(CLICK, "Carl Holm", 120, 40);
    let Some(Popup::Finder(finder)) = &app.model.popup else {
        panic!("the finder is open")
    };
    assert_eq!(finder.hits[finder.selected].title, "Carl Holm");
    app.keys("esc");

    app.keys("g b");
    app.mouse_on(CLICK, "Bent Holm", 120, 40);
    let board = app.model.board.as_ref().unwrap();
    assert_eq!(board.selected_row().unwrap().case, CaseId(2));
}

#[test]
fn mouse_is_off_unless_the_configuration_turns_it_on() {
    let app = App::configured("calendar", Lang::En, "", |_, _| {});
    assert!(!app.model.settings.mouse);
    let app = App::configured("calendar", Lang::En, MOUSE_ON, |_, _| {});
    assert!(app.model.settings.mouse);
}

/// Two suppliers with a citizen each, and a medical request for each of the two citizens.
fn suppliers_and_requests(store: &Store) {
    let json = r#"{
      "cases": [
        {"id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat", "created": "2026-01-05T09:00:00Z"},
        {"id": 2, "name": "Bo Hansen", "target_group": "aktivitetsparat", "created": "2026-01-05T09:00:00Z"}
      ],
      "contacts": [
        {"id": 100, "name": "Udsyn", "kind": "supplier"},
        {"id": 101, "name": "Fremad", "kind": "supplier"},
        {"id": 102, "name": "Lægehuset Nord", "kind": "practice"}
      ],
      "courses": [
        {"id": 11, "case": 1, "supplier": 100, "kind": "afklaring",
         "start": "2026-09-20", "end": "2027-03-20", "cadence": {"kind": "monthly"},
         "reports": [{"due": "2026-12-20"}]},
        {"id": 12, "case": 2, "supplier": 101, "kind": "praktik",
         "start": "2026-10-01", "end": "2027-04-01", "cadence": {"kind": "monthly"},
         "reports": [{"due": "2026-12-01"}]}
      ],
      "medical_requests": [
        {"id": 21, "case": 1, "kind": "le", "recipient": 102, "questions": "Kan borgeren arbejde?",
         "purpose": "rehabiliteringsteam", "consent": "2026-11-02", "sent": "2026-11-02"},
        {"id": 22, "case": 2, "kind": "le", "recipient": 102, "questions": "Kan borgeren arbejde?",
         "purpose": "rehabiliteringsteam", "consent": "2026-11-10", "sent": "2026-11-10"}
      ]
    }"#;
    let data: caseplan::model::Dataset = serde_json::from_str(json).unwrap();
    store.import(&data).unwrap();
}

#[test]
fn a_click_selects_a_supplier_and_a_medical_request() {
    let mut app = App::configured("calendar", Lang::En, MOUSE_ON, |store, _| {
        suppliers_and_requests(store)
    });
    app.keys("g s");
    let supplier = |app: &App| match &app.model.screen {
        Screen::Suppliers(state) => state.row().unwrap().name.clone(),
        _ => panic!("not on the supplier overview"),
    };
    let first = supplier(&app);
    let other = if first == "Udsyn" { "Fremad" } else { "Udsyn" };
    app.mouse_on(CLICK, other, 120, 40);
    assert_eq!(supplier(&app), other);
    app.keys("q");

    app.keys("g r");
    let request = |app: &App| match &app.model.screen {
        Screen::Requests { rows, selected } => rows[*selected].case_name.clone(),
        _ => panic!("not on the requests"),
    };
    let first = request(&app);
    let other = if first == "Anne Jensen" {
        "Bo Hansen"
    } else {
        "Anne Jensen"
    };
    app.mouse_on(CLICK, other, 120, 40);
    assert_eq!(request(&app), other);
}

/// The real binary in a terminal: the mouse is captured only when configured, a click the
/// terminal reports selects the meeting under it, and quitting hands the mouse back.
#[test]
fn in_a_terminal_a_click_selects_a_meeting_and_quitting_releases_the_mouse() {
    use crate::common::{Tui, caseplan, stderr};
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["case", "add", "Anna Holm"],
        vec!["case", "add", "Bent Holm"],
        vec!["add", "tir 10:00 45m Anna opfølgning"],
        vec!["add", "tir 13:00 45m Bent opfølgning"],
    ] {
        let out = caseplan(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let config = dir.path().join("test-config.toml");
    let plain = "language = \"en\"\n[today]\nstart_screen = \"calendar\"\n";
    std::fs::write(&config, plain).unwrap();
    let mut tui = Tui::start(dir.path(), &[], 120, 40);
    tui.wait_for("Bent Holm");
    assert!(!tui.mouse_reported(), "no capture unless configured");
    tui.send("q");
    assert!(tui.wait_exit());

    std::fs::write(&config, format!("{plain}{MOUSE_ON}")).unwrap();
    let mut tui = Tui::start(dir.path(), &[], 120, 40);
    let screen = tui.wait_for("Bent Holm");
    assert!(tui.mouse_reported(), "captured with [ui] mouse = true");
    let detail = |screen: &str| screen.lines().nth(1).unwrap_or_default().to_string();
    assert!(detail(&screen).contains("Anna Holm"), "{screen}");
    // Where Bent's block is: the first line that names him, left of the detail pane.
    let (row, col) = screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find("Bent Holm")?;
            let col = line[..at].chars().count();
            (col < 70).then_some((y, col))
        })
        .expect("Bent's block");
    // An SGR mouse report: left button pressed, then released, 1-based.
    tui.send(&format!("\u{1b}[<0;{};{}M", col + 1, row + 1));
    tui.send(&format!("\u{1b}[<0;{};{}m", col + 1, row + 1));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !detail(&tui.contents()).contains("Bent Holm") {
        assert!(
            std::time::Instant::now() < deadline,
            "the click did not select Bent:\n{}",
            tui.contents()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    tui.send("q");
    assert!(tui.wait_exit());
    // The last bytes reach the emulator a moment after the exit.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while tui.mouse_reported() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!tui.mouse_reported(), "the mouse is handed back on exit");
}
