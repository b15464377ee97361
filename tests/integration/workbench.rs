//! Today as the workbench of the day (#15): today's meetings acted on from Today, moving through
//! a long list, every global key and palette command, call-backs counted in minutes, outcomes to
//! write up, the interim report that can be asked for once suggested, undo showing what
//! changed. Keys are typed from the start screen on data each test writes; the clock is frozen
//! at Tuesday 24 November 2026 09:00.

use crate::common::{caseplan, test_config};
use crate::harness::{App, lang_code, snap};
use caseplan::app::model::Screen;
use caseplan::app::popup::Popup;
use caseplan::app::today::Focus;
use caseplan::domain::due::{DueCategory, DueList, DueWhat};
use caseplan::i18n::Lang;
use caseplan::model::{
    Agreement, AgreementId, BookedBy, Case, CaseFlags, CaseId, CaseStatus, Channel, Contact,
    ContactEvent, ContactId, ContactKind, Course, CourseId, Direction, EventId, Meeting,
    MeetingForm, MeetingId, MeetingStatus, OrderChecklist, Party, Place, Preferences,
    ReportCadence, purpose,
};
use caseplan::store::Store;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    crate::harness::at(s)
}

const MARTIN: CaseId = CaseId(1);
const METTE: CaseId = CaseId(2);
const ANNE: CaseId = CaseId(3);

fn case(id: CaseId, name: &str) -> Case {
    Case {
        id,
        name: name.into(),
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
        created: Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
    }
}

fn meeting(id: u64, case: CaseId, start: &str, status: MeetingStatus) -> Meeting {
    Meeting {
        id: MeetingId(id),
        case: Some(case),
        start: at(start),
        minutes: 45,
        purpose: purpose::SAMTALE.into(),
        form: MeetingForm::InPerson,
        place: Place::default(),
        participants: vec![],
        booked_by: BookedBy::Caseworker,
        prep_minutes: 0,
        follow_up_minutes: 0,
        status,
        outcome: String::new(),
        title: String::new(),
        note: String::new(),
        revision: 0,
        repeat: None,
        travel_minutes: 0,
        moved_to: None,
        moved_from: None,
    }
}

/// An incoming "call me" at `local` (Copenhagen, UTC+1 in November).
fn ring_mig(id: u64, case: CaseId, local: &str, channel: Channel) -> ContactEvent {
    ContactEvent {
        id: EventId(id),
        case,
        at: Utc.from_utc_datetime(&(at(local) - chrono::Duration::hours(1))),
        channel,
        direction: Direction::In,
        reached: true,
        call_back: true,
        called_back: None,
        note: "Ring mig".into(),
    }
}

fn agreement(id: u64, case: CaseId, due: &str, what: &str) -> Agreement {
    Agreement {
        id: AgreementId(id),
        case,
        who: Party::Caseworker,
        what: what.into(),
        due: Some(d(due)),
        done: None,
        created: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap(),
    }
}

/// Three citizens; today a meeting with Martin at 09:00 (under way) and Mette at 13:00, each
/// held in August so the cadence is not what the tests look at.
fn base(store: &Store) {
    for (id, name) in [
        (MARTIN, "Martin Schmidt"),
        (METTE, "Mette Lund"),
        (ANNE, "Anne Jensen"),
    ] {
        store.put(&case(id, name)).unwrap();
        store
            .put(&meeting(
                900 + id.0,
                id,
                "2026-10-20 10:00",
                MeetingStatus::Held,
            ))
            .unwrap();
    }
    store
        .put(&meeting(
            100,
            MARTIN,
            "2026-11-24 09:00",
            MeetingStatus::Planned,
        ))
        .unwrap();
    store
        .put(&meeting(
            101,
            METTE,
            "2026-11-24 13:00",
            MeetingStatus::Planned,
        ))
        .unwrap();
}

fn today_app(lang: Lang, fill: impl FnOnce(&Store)) -> App {
    App::starting_on("today", lang, |store, _| {
        base(store);
        fill(store);
    })
}

fn screen(app: &App) -> &caseplan::app::today::TodayScreen {
    match &app.model.screen {
        Screen::Today(screen) => screen,
        _ => panic!("not on Today"),
    }
}

fn list(app: &App) -> &DueList {
    &screen(app).list
}

fn selected_key(app: &App) -> String {
    caseplan::app::today::selected_item(&app.model)
        .map(|i| i.key.clone())
        .unwrap_or_default()
}

fn text(app: &App, w: u16, h: u16) -> String {
    app.screen(w, h).join("\n")
}

// ---------------------------------------------------------------------------------------------
// Today's meetings

#[test]
fn a_no_show_and_a_contact_attempt_take_four_keys_from_the_start_screen() {
    let mut app = today_app(Lang::En, |_| {});
    // The meetings pane marks the meeting under way; the meeting keys act on it.
    assert_eq!(app.selected().id, MeetingId(100));
    // s x (status: udeblevet), Enter (no note), Enter (the contact log opens filled in for the
    // attempt, stored once it is saved): four keys.
    app.keys("s x enter enter");
    assert_eq!(
        app.stored(MeetingId(100)).unwrap().status,
        MeetingStatus::NoShow
    );
    let events = app.store.for_case::<ContactEvent>(MARTIN).unwrap();
    assert_eq!(events.len(), 1, "one contact attempt logged");
    assert!(!events[0].reached && events[0].direction == Direction::Out);
    // Still on Today, and the pane shows the new status.
    assert!(matches!(app.model.screen, Screen::Today(_)));
    let shown = text(&app, 120, 40);
    assert!(shown.contains("No-show"), "{shown}");
}

#[test]
fn a_conversion_to_phone_takes_two_keys_and_enter_opens_the_meetings_card() {
    let mut app = today_app(Lang::En, |_| {});
    // Tab to the meetings pane, j to Mette's 13:00, p: phone. (From the list, `p` alone
    // converts the marked meeting: one key.)
    app.keys("tab");
    assert_eq!(screen(&app).focus, Focus::Meetings);
    assert!(text(&app, 120, 40).contains("Tab list"), "the hint says so");
    app.keys("p");
    assert_eq!(
        app.stored(MeetingId(100)).unwrap().form,
        MeetingForm::Phone,
        "two keys: Tab p"
    );
    app.keys("j p");
    assert_eq!(app.stored(MeetingId(101)).unwrap().form, MeetingForm::Phone);
    assert!(matches!(app.model.screen, Screen::Today(_)));
    app.keys("enter");
    match &app.model.screen {
        Screen::Card { card, .. } => assert_eq!(card.id, METTE),
        _ => panic!("Enter on a meeting opens its card"),
    }
}

#[test]
fn moving_a_meeting_to_tomorrow_keeps_today_and_undo_brings_it_back_marked() {
    let mut app = today_app(Lang::En, |_| {});
    app.keys("tab j >");
    assert_eq!(
        app.stored(MeetingId(101)).unwrap().start,
        at("2026-11-25 13:00")
    );
    assert_eq!(app.model.day, d("2026-11-24"), "Today stays on today");
    assert!(!text(&app, 120, 40).contains("13:00 Mette"));
    app.keys("u");
    assert_eq!(
        app.stored(MeetingId(101)).unwrap().start,
        at("2026-11-24 13:00")
    );
    assert_eq!(app.selected().id, MeetingId(101), "undo marks what changed");
    assert!(text(&app, 120, 40).contains("13:00 Mette"));
}

#[test]
fn undo_in_the_calendar_shows_the_day_and_meeting_that_changed() {
    let mut app = today_app(Lang::En, |_| {});
    app.keys("t");
    assert!(matches!(app.model.screen, Screen::Calendar));
    app.keys("j");
    assert_eq!(app.selected().id, MeetingId(101));
    app.keys(">");
    assert_eq!(app.model.day, d("2026-11-25"));
    // Back to today, another meeting selected, then undo: the view goes to the change.
    app.keys("h k");
    assert_eq!(app.selected().id, MeetingId(100));
    app.keys("l l");
    app.keys("u");
    assert_eq!(app.model.day, d("2026-11-24"));
    assert_eq!(app.selected().id, MeetingId(101));
    app.keys("ctrl-r");
    assert_eq!(app.model.day, d("2026-11-25"));
    assert_eq!(app.selected().id, MeetingId(101));
}

// ---------------------------------------------------------------------------------------------
// Moving through a long list

/// Forty agreements: ten overdue, ten due today, twenty coming.
fn long_list(store: &Store) {
    let cases = [MARTIN, METTE, ANNE];
    for i in 0..40u64 {
        let due = match i {
            0..10 => format!("2026-11-{:02}", 10 + i),
            10..20 => "2026-11-24".to_string(),
            _ => format!("2026-11-{:02}", 25 + (i % 5)),
        };
        store
            .put(&agreement(
                200 + i,
                cases[(i % 3) as usize],
                &due,
                &format!("Opgave {i}"),
            ))
            .unwrap();
    }
}

#[test]
fn page_keys_home_end_and_groups_move_through_a_long_list() {
    let mut app = today_app(Lang::En, long_list);
    let n = list(&app).len();
    assert!(n >= 40, "{n}");
    let overdue = list(&app).overdue.len();
    let today = list(&app).today.len();
    app.keys("G");
    assert_eq!(screen(&app).selected, n - 1);
    app.keys("g g");
    assert_eq!(screen(&app).selected, 0);
    app.keys("end");
    assert_eq!(screen(&app).selected, n - 1);
    app.keys("home");
    // A page is what the screen showed.
    app.draw(120, 40);
    let page = screen(&app).view_rows.get();
    assert!(page > 10, "{page}");
    app.keys("pagedown");
    assert_eq!(screen(&app).selected, page);
    app.keys("pageup");
    assert_eq!(screen(&app).selected, 0);
    // ] to the first item due today, again to the first coming, [ back.
    app.keys("]");
    assert_eq!(screen(&app).selected, overdue);
    app.keys("]");
    assert_eq!(screen(&app).selected, overdue + today);
    app.keys("[");
    assert_eq!(screen(&app).selected, overdue);
    app.keys("j [");
    assert_eq!(
        screen(&app).selected,
        overdue,
        "[ inside a group: its start"
    );
}

#[test]
fn the_filter_narrows_by_kind_and_by_a_typed_name() {
    let mut app = today_app(Lang::En, |store| {
        long_list(store);
        store
            .put(&ring_mig(300, METTE, "2026-11-24 08:40", Channel::Sms))
            .unwrap();
    });
    let all = list(&app).len();
    // f steps through the kinds: reports, medical, agreements, cadence, call-backs …
    app.keys("f");
    assert_eq!(screen(&app).filter.category, Some(DueCategory::Reports));
    app.keys("f f");
    assert_eq!(screen(&app).filter.category, Some(DueCategory::Agreements));
    assert!(
        list(&app)
            .items()
            .all(|(_, i)| matches!(i.what, DueWhat::Agreement { .. }))
    );
    app.keys("f f");
    assert_eq!(screen(&app).filter.category, Some(DueCategory::CallBacks));
    assert_eq!(list(&app).len(), 1);
    assert!(text(&app, 120, 40).contains("only: call-backs"));
    // … and back to all after the last.
    app.keys("f f");
    assert_eq!(screen(&app).filter.category, None);
    assert_eq!(list(&app).len(), all);
    // F and a name.
    app.keys("F");
    app.text("mette");
    app.keys("enter");
    assert!(list(&app).len() < all);
    assert!(list(&app).items().all(|(_, i)| i.case_name == "Mette Lund"));
    app.keys("F ctrl-u enter");
    assert_eq!(list(&app).len(), all);
}

/// Anne's course at Udsyn ends Friday 11 December: the call to the supplier (three weeks
/// before) is due, the summons comes later.
fn course_ending(store: &Store) {
    store
        .put(&Contact {
            id: ContactId(50),
            name: "Udsyn Mentorhuset".into(),
            kind: ContactKind::Supplier,
            organisation: None,
            title: String::new(),
            work_phone: String::new(),
            email: String::new(),
            note: String::new(),
        })
        .unwrap();
    let (start, end) = (d("2026-09-14"), d("2026-12-11"));
    store
        .put(&Course {
            id: CourseId(60),
            case: ANNE,
            supplier: ContactId(50),
            consultant: None,
            kind: "afklaring".into(),
            start,
            end,
            hours_per_week: Some(10),
            cadence: ReportCadence::EndOnly,
            checklist: OrderChecklist::default(),
            reports: caseplan::domain::schedule::new_reports(start, end, &ReportCadence::EndOnly),
            outcome: None,
            continues: None,
        })
        .unwrap();
}

#[test]
fn the_three_party_booking_a_course_end_asks_for_is_three_keys_from_the_start_screen() {
    let mut app = today_app(Lang::En, |store| {
        long_list(store);
        course_ending(store);
    });
    // f (reports and courses), b (book from the item: the three-party meeting), Enter (save).
    app.keys("f");
    assert!(
        selected_key(&app).starts_with("course:60:"),
        "{}",
        selected_key(&app)
    );
    app.keys("b");
    assert!(
        matches!(app.model.popup, Some(Popup::Form(_))),
        "{}",
        app.status()
    );
    app.keys("enter");
    let booked: Vec<Meeting> = app
        .store
        .meetings_for_case(ANNE)
        .unwrap()
        .into_iter()
        .filter(|m| m.purpose == purpose::THREE_PARTY)
        .collect();
    assert_eq!(booked.len(), 1, "{}", app.status());
    assert!(matches!(app.model.screen, Screen::Today(_)));
}

// ---------------------------------------------------------------------------------------------
// Global keys and the palette

#[test]
fn n_a_big_n_and_big_c_work_on_today() {
    let mut app = today_app(Lang::En, |_| {});
    app.keys("n");
    assert!(
        matches!(app.model.popup, Some(Popup::Form(_))),
        "n: new meeting"
    );
    app.keys("esc a");
    assert!(
        matches!(&app.model.popup, Some(Popup::Prompt(p)) if p.kind == caseplan::app::prompt::PromptKind::QuickAdd),
        "a: quick add"
    );
    app.keys("esc N");
    assert!(
        matches!(app.model.popup, Some(Popup::Record(_))),
        "N: new case"
    );
    app.keys("esc C");
    assert!(
        matches!(app.model.popup, Some(Popup::Record(_))),
        "C: new contact"
    );
    app.keys("esc");
    assert!(matches!(app.model.screen, Screen::Today(_)));
}

#[test]
fn a_quick_add_typed_on_today_is_booked_and_today_stays() {
    let mut app = today_app(Lang::En, |_| {});
    app.keys("a");
    app.text("tor 10:00 Mette opfølgning");
    app.keys("enter");
    assert!(
        app.status().starts_with("Saved: booked"),
        "{}",
        app.status()
    );
    assert!(!app.status().contains("overlap"), "{}", app.status());
    assert!(matches!(app.model.screen, Screen::Today(_)));
    assert_eq!(app.model.day, d("2026-11-24"));
    // One that lands on Martin's 09:00 says so on the status line.
    app.keys("a");
    app.text("tir 09:15 Anne samtale");
    app.keys("enter");
    assert!(
        app.status().contains("overlap: 09:00 Martin Schmidt"),
        "{}",
        app.status()
    );
}

/// What can be seen of the model: a popup, the screen, the status line, the marked meeting,
/// the focused day, privacy, quitting.
fn observable(app: &App) -> String {
    let popup = match &app.model.popup {
        None => "none".to_string(),
        Some(Popup::Palette(_)) => "palette".to_string(),
        Some(_) => "popup".to_string(),
    };
    let screen = match &app.model.screen {
        Screen::Today(_) => "today",
        Screen::Calendar => "calendar",
        _ => "other",
    };
    let (selected, focus) = match &app.model.screen {
        Screen::Today(t) => (t.selected, Some(t.focus)),
        _ => (0, None),
    };
    format!(
        "{popup} {screen} {selected} {focus:?} {:?} {:?} {} {} {} {}",
        app.model.status.as_ref().map(|s| s.text.clone()),
        app.model.selected,
        app.model.day,
        app.model.view == caseplan::app::model::View::Week,
        app.model.privacy,
        app.model.quit
    )
}

#[test]
fn every_palette_command_does_something_on_today_or_says_why_not() {
    let probe = today_app(Lang::En, |_| {});
    let names: Vec<caseplan::app::core::action::Named> = {
        let mut app = probe;
        app.keys(":");
        match &app.model.popup {
            Some(Popup::Palette(p)) => p.entries.iter().map(|e| e.action).collect(),
            _ => panic!("the palette opens on Today"),
        }
    };
    assert!(names.len() > 30, "{}", names.len());
    for named in names {
        let mut app = today_app(Lang::En, |store| {
            for (id, case) in [(400, MARTIN), (401, METTE), (402, ANNE)] {
                store
                    .put(&agreement(id, case, "2026-11-24", "Ringer"))
                    .unwrap();
            }
        });
        // The second item selected, so moving either way shows.
        app.keys("j");
        app.model.status = None;
        let before = observable(&app);
        app.keys(":");
        app.text(named.name());
        let Some(Popup::Palette(p)) = &app.model.popup else {
            panic!("palette")
        };
        let index = p
            .entries
            .iter()
            .position(|e| e.action == named)
            .unwrap_or_else(|| panic!("{named:?} is offered"));
        for _ in 0..index {
            app.keys("down");
        }
        let stored_before = app.store.all::<Meeting>().unwrap();
        app.keys("enter");
        let after = observable(&app);
        if named == caseplan::app::core::action::Named::OpenToday {
            // Today again: the list is read anew, and Today it stays.
            assert!(matches!(app.model.screen, Screen::Today(_)));
            continue;
        }
        let stored_after = app.store.all::<Meeting>().unwrap();
        assert!(
            after != before || stored_after != stored_before,
            "{named:?} did nothing on Today: {after}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Call-backs in minutes

#[test]
fn a_ring_mig_is_a_call_back_at_the_top_aged_in_minutes_and_c_closes_it() {
    let mut app = today_app(Lang::En, |store| {
        store
            .put(&agreement(400, MARTIN, "2026-11-20", "Ringer"))
            .unwrap();
        store
            .put(&ring_mig(300, METTE, "2026-11-24 08:40", Channel::Phone))
            .unwrap();
    });
    assert_eq!(
        selected_key(&app),
        "call_back:event:300",
        "first on the list"
    );
    let shown = text(&app, 120, 40);
    assert!(
        shown.contains("08:40 Mette Lund             Call back (called) · 20 min"),
        "{shown}"
    );
    assert!(
        shown.contains("Mette Lund: called 08:40 · 20 min ago, the citizen is waiting"),
        "{shown}"
    );
    // Half an hour later it is urgent.
    app.model.now = at("2026-11-24 09:15");
    match &list(&app).now[0].what {
        DueWhat::CallBack { urgent_at, .. } => assert_eq!(*urgent_at, at("2026-11-24 09:10")),
        other => panic!("{other:?}"),
    }
    // c: the call, out, reached; Enter logs it and closes the call-back.
    app.keys("c");
    assert!(matches!(app.model.popup, Some(Popup::ContactLog(_))));
    app.keys("enter");
    assert!(
        app.status().contains("Called back Mette Lund"),
        "{}",
        app.status()
    );
    let asked = app
        .store
        .get::<ContactEvent>(EventId(300))
        .unwrap()
        .unwrap();
    assert!(asked.called_back.is_some());
    assert!(list(&app).now.is_empty());
    // Undo opens it again.
    app.keys("u");
    assert_eq!(list(&app).now.len(), 1);
}

#[test]
fn a_cut_off_meeting_is_a_call_back_and_the_call_back_finishes_it() {
    let mut app = today_app(Lang::En, |store| {
        let mut m = meeting(102, ANNE, "2026-11-24 08:00", MeetingStatus::CutOff);
        m.form = MeetingForm::Phone;
        store.put(&m).unwrap();
    });
    assert_eq!(selected_key(&app), "call_back:meeting:102");
    assert!(text(&app, 120, 40).contains("cut off 08:00 · 1 h 0 min ago"));
    app.keys("c");
    app.keys("enter");
    assert_eq!(
        app.stored(MeetingId(102)).unwrap().status,
        MeetingStatus::Held
    );
    // The call finished the meeting: what is left is writing its outcome.
    let keys: Vec<&str> = list(&app).now.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, vec!["outcome:102"]);
}

#[test]
fn a_ring_mig_logged_in_the_contact_log_makes_a_call_back_item() {
    let mut app = today_app(Lang::En, |_| {});
    app.keys("/");
    app.text("Mette");
    app.keys("enter");
    assert!(matches!(app.model.screen, Screen::Card { .. }));
    // The card's log: by phone, in, reached; Tab to "call back", space ticks it.
    app.keys("c");
    app.keys("tab tab tab space");
    app.keys("enter");
    let events = app.store.for_case::<ContactEvent>(METTE).unwrap();
    assert!(events[0].call_back && events[0].direction == Direction::In);
    app.keys("q");
    assert!(matches!(app.model.screen, Screen::Today(_)));
    assert_eq!(list(&app).now.len(), 1);
}

#[test]
fn a_ring_mig_does_not_reset_the_days_since_contact_on_the_board() {
    let mut app = today_app(Lang::En, |store| {
        store
            .put(&ring_mig(300, METTE, "2026-11-24 08:40", Channel::Sms))
            .unwrap();
    });
    app.keys("g b");
    let board = app.model.board.as_ref().unwrap();
    let row = board
        .rows
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.case == METTE)
        .unwrap();
    assert_eq!(row.last_contact, Some(d("2026-10-20")));
    assert_eq!(row.days_since_contact, Some(35));
}

#[test]
fn caseplan_due_json_has_the_call_back_kind() {
    let dir = tempfile::tempdir().unwrap();
    test_config(dir.path());
    {
        let store = Store::open(dir.path()).unwrap();
        base(&store);
        store
            .put(&ring_mig(300, METTE, "2026-11-24 08:40", Channel::Sms))
            .unwrap();
    }
    let out = caseplan(dir.path(), &["due", "--json"]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &doc["items"][0];
    assert_eq!(item["kind"], "call_back");
    assert_eq!(item["group"], "now");
    assert_eq!(doc["counts"]["now"], 1);
}

// ---------------------------------------------------------------------------------------------
// Outcomes to write up

#[test]
fn a_held_meeting_without_an_outcome_is_written_up_with_one_key() {
    let mut app = today_app(Lang::En, |store| {
        store
            .put(&meeting(103, ANNE, "2026-11-24 08:00", MeetingStatus::Held))
            .unwrap();
    });
    assert_eq!(selected_key(&app), "outcome:103");
    assert!(text(&app, 120, 40).contains("Write the outcome: 08:00"));
    app.keys("x");
    assert!(matches!(app.model.popup, Some(Popup::Prompt(_))));
    app.text("Aftalt praktik");
    app.keys("enter");
    let m = app.stored(MeetingId(103)).unwrap();
    assert_eq!(m.outcome, "Aftalt praktik");
    assert_eq!(m.status, MeetingStatus::Held);
    assert!(list(&app).now.is_empty());
}

// ---------------------------------------------------------------------------------------------
// The interim report past the summons

/// Anne's course ends 18 December with only a final report: the summons date (4 December)
/// has passed by the 7th.
fn course_past_summons(store: &Store) {
    course_ending(store);
    let mut c = store.get::<Course>(CourseId(60)).unwrap().unwrap();
    c.end = d("2026-12-18");
    c.reports = caseplan::domain::schedule::new_reports(c.start, c.end, &ReportCadence::EndOnly);
    store.put(&c).unwrap();
}

fn interim_asked(store: &Store) -> bool {
    let c = store.get::<Course>(CourseId(60)).unwrap().unwrap();
    c.reports.iter().any(|r| !r.is_final)
}

#[test]
fn the_interim_report_suggested_past_the_summons_can_be_asked_for_on_today_and_in_the_popup() {
    // The harness's clock is 24 November; move it on to 7 December.
    for place in ["today", "popup"] {
        let mut app = today_app(Lang::En, course_past_summons);
        let effects = caseplan::app::dispatch::update(
            &mut app.model,
            caseplan::app::core::action::Action::Tick(at("2026-12-07 09:00")),
        );
        app.apply(effects);
        let key = "course:60:final_after_summons";
        if place == "today" {
            app.keys("f");
            while selected_key(&app) != key {
                let before = screen(&app).selected;
                app.keys("j");
                assert_ne!(before, screen(&app).selected, "{key} is on the list");
            }
            app.keys("x");
        } else {
            app.keys("/");
            app.text("Anne");
            app.keys("enter o i");
        }
        assert!(interim_asked(&app.store), "{place}: {}", app.status());
    }
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn scene(lang: Lang) -> App {
    let mut app = today_app(lang, |store| {
        long_list(store);
        store
            .put(&ring_mig(300, METTE, "2026-11-24 08:40", Channel::Sms))
            .unwrap();
    });
    // Martin did not come: the pane shows it.
    app.keys("s x enter esc");
    app
}

#[test]
fn today_with_both_panes_and_a_call_back_in_both_languages_and_sizes() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = scene(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("workbench_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
        // The meetings pane in focus, and the list filtered to agreements.
        app.keys("f f f");
        app.keys("tab");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(
                &format!("workbench_filtered_{}_{w}x{h}", lang_code(lang)),
                &app.draw(w, h),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Attendance history

/// Martin over three years: held every other month from 2024, no-shows and afbud between,
/// one meeting cancelled by the caseworker.
fn history(store: &Store) {
    let mut id = 500;
    let mut put = |day: &str, status| {
        id += 1;
        store
            .put(&meeting(id, MARTIN, &format!("{day} 10:00"), status))
            .unwrap();
    };
    for (y, m) in [
        (2024, 2),
        (2024, 6),
        (2024, 10),
        (2025, 3),
        (2025, 9),
        (2026, 2),
    ] {
        put(&format!("{y}-{m:02}-10"), MeetingStatus::Held);
    }
    put("2024-04-10", MeetingStatus::NoShow);
    put("2025-01-10", MeetingStatus::NoShow);
    put("2025-12-01", MeetingStatus::NoShow);
    put("2026-05-05", MeetingStatus::CancelledByCitizen);
    put("2026-09-09", MeetingStatus::NoShow);
    put("2026-06-01", MeetingStatus::CancelledByCaseworker);
}

#[test]
fn the_card_counts_attendance_over_the_whole_history_and_the_board_the_last_year() {
    let mut app = today_app(Lang::En, history);
    app.keys("tab enter");
    let Screen::Card { card, .. } = &app.model.screen else {
        panic!("Martin's card opens")
    };
    // 6 held above and one on 20 October (the base), 4 no-shows, 1 afbud, 1 aflyst.
    let a = card.attendance;
    assert_eq!(
        (a.held, a.no_show, a.cancelled_by_citizen, a.cancelled),
        (7, 4, 1, 1)
    );
    let shown = text(&app, 120, 60);
    assert!(
        shown.contains("All time          7 held · 1 cancelled by citizen · 4"),
        "{shown}"
    );
    // The board: no-shows and afbud of the last 12 months (1 Dec 2025, 5 May, 9 Sep).
    app.keys("g b");
    let board = app.model.board.as_ref().unwrap();
    let row = board
        .rows
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.case == MARTIN)
        .unwrap();
    assert_eq!(row.missed_last_year, 3);
    let shown = text(&app, 120, 40);
    assert!(shown.contains("Miss."), "{shown}");
    // A status changed back to planned leaves the count.
    let mut m = app.stored(MeetingId(511)).unwrap();
    assert_eq!(m.status, MeetingStatus::NoShow);
    m.status = MeetingStatus::Planned;
    app.store.put(&m).unwrap();
    assert_eq!(
        caseplan::query::card::attendance(&app.store, MARTIN)
            .unwrap()
            .no_show,
        3
    );
}
