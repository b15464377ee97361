//! The planner's first frame on Today (#21): the list is read beside it, shown as being read
//! until it arrives; keys typed meanwhile work, and those that need the list act on it when it
//! arrives, as if it had been there.

use crate::harness::{self, App, snap};
use caseplan::app::model::Screen;
use caseplan::i18n::Lang;
use caseplan::model::{Agreement, AgreementId, CaseId, Meeting, MeetingId, MeetingStatus, Party};
use caseplan::store::Store;
use chrono::{NaiveDate, TimeZone, Utc};

/// Four citizens, each met yesterday and with an agreement due today, and a meeting with the
/// first at 10:00.
fn caseload(store: &Store, today: NaiveDate) {
    for n in 1..=4u64 {
        store.put(&crate::today::case(n)).unwrap();
        store
            .put(&Agreement {
                id: AgreementId(20 + n),
                case: CaseId(n),
                who: Party::Caseworker,
                what: format!("Ringe til borger {n}"),
                due: Some(today),
                done: None,
                created: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap(),
            })
            .unwrap();
    }
    for n in 1..=4u64 {
        store
            .put(&Meeting {
                id: MeetingId(30 + n),
                case: Some(CaseId(n)),
                start: (today - chrono::Duration::days(1))
                    .and_hms_opt(9, 0, 0)
                    .unwrap(),
                status: MeetingStatus::Held,
                outcome: "Plan aftalt".into(),
                ..meeting_today()
            })
            .unwrap();
    }
    store.put(&meeting_today()).unwrap();
}

/// The meeting with Borger 1 at 10:00 on the harness's today.
fn meeting_today() -> Meeting {
    crate::caseform::meeting(10, 1, "2026-11-24 10:00")
}

fn reading(app: &App) -> bool {
    match &app.model.screen {
        Screen::Today(today) => today.is_reading(),
        _ => panic!("not on Today"),
    }
}

/// The keys of the list's items, in screen order.
fn listed(app: &App) -> Vec<String> {
    match &app.model.screen {
        Screen::Today(today) => today.list.items().map(|(_, i)| i.key.clone()).collect(),
        _ => panic!("not on Today"),
    }
}

fn selected(app: &App) -> Option<String> {
    caseplan::app::today::selected_item(&app.model).map(|i| i.key.clone())
}

/// The agreements stored done.
fn done(app: &App) -> Vec<u64> {
    (21..=24)
        .filter(|id| {
            app.store
                .get::<Agreement>(AgreementId(*id))
                .unwrap()
                .is_some_and(|a| a.done.is_some())
        })
        .collect()
}

#[test]
fn the_first_frame_shows_the_list_as_being_read_and_the_list_when_it_arrives() {
    let mut app = App::first_frame(Lang::En, caseload);
    assert!(reading(&app));
    let screen = app.screen(120, 40).join("\n");
    assert!(
        screen.contains("Today · Tue 24.11.2026 · reading the list …"),
        "{screen}"
    );
    assert!(
        screen.contains("Reading what is due … Keys work meanwhile."),
        "{screen}"
    );
    // Today's meetings are read for the first frame itself.
    assert!(screen.contains("10:00 Borger 1"), "{screen}");
    assert!(!screen.contains("Ringe til borger"), "{screen}");

    app.arrive();
    assert!(!reading(&app));
    assert_eq!(listed(&app).len(), 4);
    let screen = app.screen(120, 40).join("\n");
    assert!(!screen.contains("reading the list"), "{screen}");
    for n in 1..=4 {
        assert!(
            screen.contains(&format!("Ringe til borger {n}")),
            "{screen}"
        );
    }
    // The workload gauge came with it.
    assert!(app.model.workload.is_some());
}

#[test]
fn keys_typed_before_the_list_arrives_act_on_it_as_if_it_had_been_there() {
    let typed = "j j x j";
    let mut early = App::first_frame(Lang::En, caseload);
    early.keys(typed);
    assert!(reading(&early));
    assert!(
        done(&early).is_empty(),
        "nothing is done before the list is there"
    );
    early.arrive();

    let mut control = App::starting_on("today", Lang::En, caseload);
    control.keys(typed);
    assert_eq!(done(&control).len(), 1, "x marked the third item done");
    assert_eq!(done(&early), done(&control));
    assert_eq!(listed(&early), listed(&control));
    assert_eq!(selected(&early), selected(&control));
    assert!(
        early.status().starts_with("Saved: Done"),
        "{}",
        early.status()
    );
}

#[test]
fn a_name_filter_typed_before_the_list_arrives_is_applied_to_it() {
    let mut app = App::first_frame(Lang::En, caseload);
    app.keys("F");
    app.text("borger 3");
    app.keys("enter");
    assert!(reading(&app));
    app.arrive();
    assert_eq!(listed(&app), vec!["agreement:23:2026-11-24".to_string()]);
    let screen = app.screen(120, 40).join("\n");
    assert!(screen.contains("only: «borger 3»"), "{screen}");
}

#[test]
fn keys_that_leave_today_work_at_once_and_the_late_list_does_not_bring_it_back() {
    let mut app = App::first_frame(Lang::En, caseload);
    app.keys("g c");
    assert!(matches!(app.model.screen, Screen::Calendar));
    app.arrive();
    assert!(matches!(app.model.screen, Screen::Calendar));
    // Back on Today, the list is read again.
    app.keys("g o");
    assert!(!reading(&app));
    assert_eq!(listed(&app).len(), 4);
}

#[test]
fn q_quits_before_the_list_arrives() {
    let mut app = App::first_frame(Lang::Da, caseload);
    app.keys("q");
    assert!(app.model.quit);
}

#[test]
fn the_list_being_read_in_both_languages_and_sizes() {
    for lang in [Lang::Da, Lang::En] {
        let app = App::first_frame(lang, caseload);
        for (w, h) in [(80, 24), (120, 40)] {
            let name = format!("today_reading_{}_{w}x{h}", harness::lang_code(lang));
            snap(&name, &app.draw(w, h));
        }
    }
}

/// A database as a caseplan with older index entries left it, written by `caseplan demo`: the
/// next open re-indexes every record (seconds, unoptimised). Gives the directory, a
/// configuration that starts on Today in English, and the database's export before.
fn older_database() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::caseplan(dir.path(), &["demo", "--cases", "300"]);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    let exported = export(dir.path());
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("meta")
            .unwrap()
            .remove("index_version")
            .unwrap();
        db.flush().unwrap();
    }
    let config = dir.path().join("on-today.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let config = config.to_str().unwrap().to_string();
    (dir, config, exported)
}

fn export(dir: &std::path::Path) -> String {
    let out = crate::common::caseplan(dir, &["export", "-"]);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    crate::common::stdout(&out)
}

/// The database is opened beside the first frame: while an older caseplan's database is
/// brought up to date (a re-index of every record), the planner already shows Today as being
/// read, with how far the work has come, and the keys typed meanwhile act once it is open.
#[test]
fn the_planner_shows_today_while_an_older_database_is_brought_up_to_date() {
    let (dir, config, exported) = older_database();
    let mut tui = crate::common::Tui::start(dir.path(), &["--config", &config], 100, 30);
    let screen = tui.wait_for("Bringing the database up to date: ");
    assert!(
        screen.contains("Today · Tue 24.11.2026 · reading the list …"),
        "{screen}"
    );
    assert!(
        !screen.contains("No meetings today"),
        "today's meetings are not known yet:\n{screen}"
    );
    tui.send("gc");
    tui.wait_for("Day · Tuesday 24.11.2026");
    tui.send("q");
    assert!(tui.wait_exit());
    let out = crate::common::caseplan(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    assert_eq!(export(dir.path()), exported);
}

/// `q` while the database is brought up to date quits without waiting for the work to end;
/// the next start finishes it where it stopped, and nothing is lost.
#[test]
fn quitting_while_the_database_is_brought_up_to_date_quits_and_the_next_start_finishes() {
    let (dir, config, exported) = older_database();
    let mut tui = crate::common::Tui::start(dir.path(), &["--config", &config], 100, 30);
    tui.wait_for("Bringing the database up to date: ");
    tui.send("q");
    assert!(tui.wait_exit());
    // The process ended with the work: the index version is still missing or a mark of how
    // far it came (a version is four bytes, a mark more).
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        let version = db.open_tree("meta").unwrap().get("index_version").unwrap();
        assert!(
            version.is_none_or(|v| v.len() > 4),
            "q waited for the work to end"
        );
    }
    let out = crate::common::caseplan(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    assert_eq!(export(dir.path()), exported);
}
