//! Outlook in the planner (#16): busy time from another calendar drawn in day and week, warned
//! of, skipped by `F` and counted by the gauge; `I` imports an .ics file as one undo step and
//! `E` exports the meetings. Every test writes its own data. Run with
//! `cargo test --test integration ics_planner::`.

use crate::harness::{App, at, lang_code, snap};
use caseplan::app::calendar::booking::{Fetched, first_free};
use caseplan::app::popup::Popup;
use caseplan::domain::conflicts::Warning;
use caseplan::i18n::{Lang, Msg};
use caseplan::model::*;
use caseplan::store::{AnyRecord, Change, Store};
use chrono::{NaiveDate, NaiveTime, Utc};
use std::path::{Path, PathBuf};

fn case(store: &Store) -> CaseId {
    let id = CaseId(store.next_id().unwrap());
    store
        .put(&Case {
            id,
            name: "Anne Jensen".into(),
            alias: String::new(),
            reference: "2026-0412".into(),
            phones: vec![],
            target_group: target_group::AKTIVITETSPARAT.into(),
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
            created: Utc::now(),
        })
        .unwrap();
    id
}

fn meeting(store: &Store, case: CaseId, start: &str, minutes: u32) -> MeetingId {
    let id = MeetingId(store.next_id().unwrap());
    store
        .put(&Meeting {
            id,
            case: Some(case),
            start: at(start),
            minutes,
            purpose: purpose::OPFOELGNING.into(),
            form: MeetingForm::InPerson,
            place: Place::default(),
            participants: vec![],
            booked_by: BookedBy::Caseworker,
            prep_minutes: 0,
            follow_up_minutes: 0,
            status: MeetingStatus::Planned,
            outcome: String::new(),
            title: String::new(),
            note: String::new(),
            revision: 0,
            repeat: None,
            travel_minutes: 0,
            moved_to: None,
            moved_from: None,
        })
        .unwrap();
    id
}

/// An Outlook block as an import writes it.
fn block(store: &Store, start: &str, minutes: u32, title: &str) -> ExternalBlock {
    let b = ExternalBlock {
        id: ExternalId(store.next_id().unwrap()),
        source: "Outlook".into(),
        uid: format!("uid-{start}"),
        occurrence: None,
        start: at(start),
        minutes,
        all_day: false,
        title: title.into(),
        free: false,
        private: false,
    };
    put(store, b.clone());
    b
}

fn put(store: &Store, b: ExternalBlock) {
    store.write(&[Change::Put(AnyRecord::External(b))]).unwrap();
}

/// The week of Tuesday 24 November 2026 (the harness's today, 09:00): a meeting on Tuesday
/// and one on Thursday over a rehabilitation team meeting in Outlook; a team meeting on
/// Monday, lunch marked free and a private appointment on Tuesday, a course all Wednesday.
fn outlook_week(store: &Store, _today: NaiveDate) {
    let anne = case(store);
    meeting(store, anne, "2026-11-24 10:00", 45);
    meeting(store, anne, "2026-11-26 09:00", 60);
    block(store, "2026-11-23 10:00", 60, "Teammøde");
    let mut lunch = block(store, "2026-11-24 11:30", 30, "Frokost med Lis");
    lunch.free = true;
    put(store, lunch);
    let mut private = block(store, "2026-11-24 13:00", 60, "");
    private.private = true;
    put(store, private);
    let mut course = block(store, "2026-11-25 00:00", 24 * 60, "Kursus");
    course.all_day = true;
    put(store, course);
    block(store, "2026-11-26 09:30", 60, "Rehabiliteringsteam");
}

#[test]
fn day_and_week_draw_outlook_blocks_apart_from_meetings() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = App::with_lang(lang, outlook_week);
        let code = lang_code(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("ics_day_{code}_{w}x{h}"), &app.draw(w, h));
        }
        app.keys("w");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("ics_week_{code}_{w}x{h}"), &app.draw(w, h));
        }
        // Wednesday: taken all day in Outlook, a band above the day and no free time.
        app.keys("w l");
        snap(
            &format!("ics_day_whole_day_{code}_80x24"),
            &app.draw(80, 24),
        );
    }
    let app = App::with(outlook_week);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("Outlook: private"), "{screen}");
    assert!(screen.contains("(shown as free)"), "{screen}");
    assert!(
        !screen.contains("Tandlæge"),
        "a private summary is never shown"
    );
}

#[test]
fn a_meeting_over_an_outlook_block_warns_and_is_still_booked() {
    let mut app = App::with(outlook_week);
    // The Thursday meeting was stored over the rehabilitation team: the window warns.
    let thursday = app.meetings_on(at("2026-11-26 00:00").date());
    app.keys("l l");
    let warned = app
        .model
        .window
        .warnings_of(thursday[0].id, thursday[0].start);
    assert!(
        matches!(
            warned,
            [Warning::Busy {
                only_buffer: false,
                ..
            }]
        ),
        "{warned:?}"
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("⚠ busy in another calendar: Outlook:")
            && screen.contains("Rehabiliteringsteam 09:30–10:30"),
        "{screen}"
    );
    // Booking over Tuesday's private appointment with quick add: booked, with a warning.
    app.keys("t a");
    app.text("tue 13:15 30m Jensen samtale");
    app.keys("enter");
    assert!(app.status().starts_with("Saved"), "{}", app.status());
    let booked: Vec<Meeting> = app
        .meetings_on(at("2026-11-24 00:00").date())
        .into_iter()
        .filter(|m| m.start == at("2026-11-24 13:15"))
        .collect();
    assert_eq!(booked.len(), 1);
    assert!(matches!(
        app.model.window.warnings_of(booked[0].id, booked[0].start),
        [Warning::Busy {
            only_buffer: false,
            ..
        }]
    ));
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("⚠ busy in another calendar: Outlook:")
            && screen.contains("private 13:00–14:00"),
        "{screen}"
    );
}

#[test]
fn the_meeting_form_warns_of_an_outlook_block_at_its_time() {
    let mut app = App::with(outlook_week);
    app.keys("l l j");
    app.keys("e");
    let Some(Popup::Form(editor)) = &app.model.popup else {
        panic!("the form is open")
    };
    assert!(
        editor
            .conflicts
            .iter()
            .any(|w| matches!(w, Warning::Busy { .. })),
        "{:?}",
        editor.conflicts
    );
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("Warnings") && screen.contains("Rehabiliteringsteam 09:30–10:30"),
        "{screen}"
    );
}

#[test]
fn find_free_slot_skips_busy_outlook_time_but_not_time_shown_as_free() {
    let busy_morning = |free: bool| {
        move |store: &Store, _: NaiveDate| {
            case(store);
            let mut b = block(store, "2026-11-24 09:00", 180, "Teammøde");
            b.free = free;
            put(store, b);
        }
    };
    let mut app = App::with(busy_morning(false));
    app.keys("F enter");
    let start = form_start(&app);
    assert!(start >= at("2026-11-24 12:00"), "{start}");
    assert!(app.status().contains("12:"), "{}", app.status());

    let mut app = App::with(busy_morning(true));
    app.keys("F enter");
    assert!(form_start(&app) < at("2026-11-24 12:00"));
}

fn form_start(app: &App) -> chrono::NaiveDateTime {
    match &app.model.popup {
        Some(Popup::Form(editor)) => editor.start_time(app.model.today()).unwrap(),
        _ => panic!("a form opens at the free time: {}", app.status()),
    }
}

#[test]
fn the_first_free_time_of_new_and_three_party_meetings_skips_busy_time() {
    let app = App::with(|_, _| {});
    let store_dir = tempfile::tempdir().unwrap();
    let store = Store::open(store_dir.path()).unwrap();
    let whole_day = {
        let mut b = block(&store, "2026-11-24 00:00", 24 * 60, "Kursus");
        b.all_day = true;
        b
    };
    let fetched = Fetched {
        meetings: vec![],
        busy: vec![whole_day],
    };
    let found = first_free(&app.model.settings, &fetched, at("2026-11-24 09:00"), 45).unwrap();
    assert_eq!(found.date(), at("2026-11-25 00:00").date(), "{found}");
    assert!(found.time() >= NaiveTime::from_hms_opt(8, 0, 0).unwrap());
}

#[test]
fn outlook_blocks_are_never_selected_and_changing_one_says_why() {
    let mut app = App::with(outlook_week);
    // Wednesday has only the course: nothing to select, and a change says why.
    app.keys("l");
    app.keys("j");
    assert!(app.model.selected.is_none());
    app.keys("K");
    assert_eq!(app.status(), Msg::ExternalReadOnly.text(Lang::En));
    // Tuesday: j and k go from meeting to meeting past the blocks.
    app.keys("h j j k");
    assert_eq!(app.selected().start, at("2026-11-24 10:00"));
}

#[test]
fn the_gauge_counts_outlook_time_as_busy_and_not_as_free() {
    let mut app = App::with(outlook_week);
    app.keys("w");
    let week = app.model.workload.as_ref().expect("the gauge").this_week;
    // Monday's and Thursday's hours and all of Wednesday's working day; not the free lunch.
    assert_eq!(week.busy_minutes, 60 + 60 + 60 + 450);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("busy 10h30"), "{screen}");
}

const FIRST: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n\
BEGIN:VEVENT\r\nUID:team\r\nSUMMARY:Teammøde\r\nDTSTART;TZID=\"Romance Standard Time\":20261123T100000\r\n\
DTEND;TZID=\"Romance Standard Time\":20261123T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:rehab\r\nSUMMARY:Rehabiliteringsteam\r\nDTSTART:20261124T120000Z\r\nDTEND:20261124T130000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:gone\r\nSUMMARY:Sparring\r\nDTSTART:20261125T090000\r\nDTEND:20261125T100000\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

/// The same calendar a week later: the rehabilitation team moved an hour, the sparring gone,
/// a course new.
const SECOND: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nUID:team\r\nSUMMARY:Teammøde\r\nDTSTART;TZID=\"Romance Standard Time\":20261123T100000\r\n\
DTEND;TZID=\"Romance Standard Time\":20261123T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:rehab\r\nSUMMARY:Rehabiliteringsteam\r\nDTSTART:20261124T130000Z\r\nDTEND:20261124T140000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:course\r\nSUMMARY:Kursus\r\nDTSTART;VALUE=DATE:20261127\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(app: &mut App, path: &Path) {
    app.keys("I");
    assert!(matches!(app.model.popup, Some(Popup::Prompt(_))));
    app.text(path.to_str().unwrap());
    app.keys("enter");
}

fn blocks(app: &App) -> Vec<(chrono::NaiveDateTime, String)> {
    let mut all: Vec<_> = app
        .store
        .all::<ExternalBlock>()
        .unwrap()
        .into_iter()
        .map(|b| (b.start, b.title))
        .collect();
    all.sort();
    all
}

#[test]
fn import_from_the_planner_is_one_undo_step_named_by_its_summary() {
    let files = tempfile::tempdir().unwrap();
    let mut app = App::with_lang(Lang::Da, |store, _| {
        case(store);
    });
    import(&mut app, &file(files.path(), "outlook.ics", FIRST));
    assert_eq!(
        app.status(),
        "Gemt: Importeret Outlook: 3 nye · 0 ændrede · 0 fjernede"
    );
    let first = blocks(&app);
    // Ten Mondays, the team (13:00 local, from UTC) and the sparring.
    assert_eq!(first.len(), 12, "{first:?}");
    assert!(first.contains(&(at("2026-11-24 13:00"), "Rehabiliteringsteam".into())));
    let today = app.model.today();
    assert_eq!(
        app.model.window.external_on(today).len(),
        1,
        "shown at once"
    );

    import(&mut app, &file(files.path(), "outlook2.ics", SECOND));
    assert_eq!(
        app.status(),
        "Gemt: Importeret Outlook: 1 ny · 1 ændret · 1 fjernet"
    );
    let second = blocks(&app);
    assert!(second.contains(&(at("2026-11-24 14:00"), "Rehabiliteringsteam".into())));
    assert!(!second.iter().any(|(_, t)| t == "Sparring"));

    // One undo takes the second import back whole; another the first; redo brings it again.
    app.keys("u");
    assert!(
        app.status().starts_with("Fortrudt: Importeret Outlook"),
        "{}",
        app.status()
    );
    assert_eq!(blocks(&app), first);
    app.keys("u");
    assert!(blocks(&app).is_empty());
    assert!(app.model.window.external_on(today).is_empty());
    app.keys("ctrl-r");
    assert_eq!(blocks(&app), first);
}

#[test]
fn a_broken_file_gives_the_lines_error_and_writes_nothing() {
    let files = tempfile::tempdir().unwrap();
    let mut app = App::with(|store, _| {
        case(store);
    });
    let broken = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261124T100000\r\n";
    import(&mut app, &file(files.path(), "cut.ics", broken));
    let status = app.status();
    assert!(status.starts_with("Nothing imported: line 2:"), "{status}");
    assert!(status.contains("never ended"), "{status}");
    assert!(app.store.all::<ExternalBlock>().unwrap().is_empty());
    // Nothing to undo: the step was never recorded.
    app.keys("u");
    assert!(!app.status().starts_with("Undone"), "{}", app.status());

    import(&mut app, &files.path().join("missing.ics"));
    assert!(app.status().contains("could not read"), "{}", app.status());
    // An empty answer keeps the prompt open and says what to type.
    app.keys("I enter");
    match &app.model.popup {
        Some(Popup::Prompt(p)) => assert!(p.error.is_some()),
        _ => panic!("the prompt stays open"),
    }
}

#[test]
fn export_from_the_planner_writes_a_private_calendar_in_exports() {
    let mut app = App::with(|store, _| {
        let anne = case(store);
        meeting(store, anne, "2026-11-24 10:00", 45);
    });
    app.keys("E");
    let path = app
        .store
        .dir()
        .join("exports")
        .join("caseplan-2026-11-24.ics");
    assert_eq!(
        app.status(),
        format!("Calendar saved: {} (1 event)", path.display())
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(text.contains("TZID=Europe/Copenhagen"), "{text}");
    assert!(!text.contains("Anne Jensen"), "initials by default: {text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn today_lists_outlook_time_among_its_meetings() {
    for lang in [Lang::Da, Lang::En] {
        let app = App::starting_on("today", lang, outlook_week);
        snap(
            &format!("ics_today_{}_80x24", lang_code(lang)),
            &app.draw(80, 24),
        );
    }
    let app = App::starting_on("today", Lang::En, outlook_week);
    let screen = app.screen(80, 24).join("\n");
    for row in ["10:00 Anne Jensen", "11:30 ┆Frokost med", "13:00 ░private"] {
        assert!(screen.contains(row), "{row}: {screen}");
    }
    assert!(
        !screen.contains("Rehabiliteringsteam"),
        "Thursday's is not today's"
    );
}

#[test]
fn the_palette_offers_both_and_runs_them() {
    let files = tempfile::tempdir().unwrap();
    let path = file(files.path(), "outlook.ics", FIRST);
    let mut app = App::with_lang(Lang::Da, |store, _| {
        case(store);
    });
    app.keys(":");
    app.text("importér ics");
    match &app.model.popup {
        Some(Popup::Palette(p)) => assert_eq!(
            p.entries
                .first()
                .map(|e| (e.action.name(), e.keys.as_str())),
            Some(("import_ics", "I"))
        ),
        _ => panic!("the palette is open"),
    }
    app.keys("enter");
    app.text(path.to_str().unwrap());
    app.keys("enter");
    assert!(app.status().contains("3 nye"), "{}", app.status());
    app.keys(":");
    app.text("eksportér ics");
    app.keys("enter");
    assert!(
        app.status().starts_with("Kalender gemt:"),
        "{}",
        app.status()
    );
}
