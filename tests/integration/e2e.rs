//! The real binary in a pseudo-terminal.

use crate::common::{Tui, caseplan, stderr};

#[test]
fn first_run_says_how_to_start_instead_of_a_blank_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &[], 80, 24);
    let screen = tui.wait_for("No cases yet");
    assert!(
        screen.contains("--demo"),
        "the first-run screen names the demo:\n{screen}"
    );
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn demo_caseload_shows_todays_meetings_and_moves_between_days() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut tui = Tui::start(dir.path(), &[], 100, 30);
    let screen = tui.wait_for("24.11.2026");
    assert!(
        screen.contains("Telefonvagt"),
        "the weekly block is on Tuesday:\n{screen}"
    );
    tui.send("l");
    tui.wait_for("25.11.2026");
    tui.send("t");
    tui.wait_for("24.11.2026");
    // The day's backup is composed beside the planner.
    let backup = dir.path().join("backups").join("caseplan-2026-11-24.json");
    crate::common::wait_for_file(&backup);
    tui.send("q");
    assert!(tui.wait_exit());
    let text = std::fs::read_to_string(&backup).expect("today's backup");
    assert!(
        text.contains("\"cases\""),
        "a whole export: {}",
        &text[..200]
    );
}

#[test]
fn a_meeting_typed_with_keys_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut tui = Tui::start(dir.path(), &[], 100, 30);
    tui.wait_for("24.11.2026");
    tui.send("a");
    tui.send("tor 14:15 30m Kåre opfølgning");
    tui.send("\r");
    tui.wait_for("Kåre Jensen");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut again = Tui::start(dir.path(), &[], 100, 30);
    again.wait_for("24.11.2026");
    again.send("ll");
    let screen = again.wait_for("26.11.2026");
    assert!(
        screen.contains("Kåre Jensen"),
        "the booked meeting survives a restart:\n{screen}"
    );
    assert!(screen.contains("14:15"), "{screen}");
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn a_second_instance_is_told_the_database_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &[], 80, 24);
    tui.wait_for("No cases yet");
    let out = caseplan(dir.path(), &["agenda"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("another caseplan"), "message was: {err}");
    assert!(!err.contains("Io("), "no raw error dump: {err}");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn the_demo_flag_opens_a_throwaway_database_and_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_with_env(dir.path(), &["--demo"], &[("TMPDIR", tmp.path())], 80, 24);
    tui.wait_for("Demo");
    let during = std::fs::read_dir(tmp.path()).unwrap().count();
    assert_eq!(
        during, 1,
        "the demo database lives in a temporary directory"
    );
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "and is removed on exit"
    );
    assert!(
        !dir.path().join("db").exists(),
        "--demo never touches the user's own database"
    );
}

#[test]
fn without_a_start_screen_setting_the_planner_opens_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The test's own configuration: Danish, and no `start_screen`, so the default applies.
    let config = dir.path().join("default-start.toml");
    std::fs::write(&config, "language = \"da\"\n").unwrap();
    let config = config.to_str().unwrap();
    let mut tui = Tui::start(dir.path(), &["--config", config], 80, 24);
    tui.wait_for("I dag · tir 24.11.2026");
    // The list is read beside the first frame: a slow machine shows it as being read first.
    let screen = tui.wait_for_without("for sent (", "læser listen");
    assert!(
        screen.contains("Det forfalder") && screen.contains("for sent ("),
        "the due list, overdue first:\n{screen}"
    );
    assert!(screen.contains("Dagens samtaler"), "{screen}");
    tui.send("gc");
    let screen = tui.wait_for_without("Dag · tirsdag 24.11.2026", "Det forfalder");
    assert!(
        screen.contains("Telefonvagt"),
        "the day's meetings:\n{screen}"
    );
    tui.send("go");
    tui.wait_for_without("Det forfalder", "Dag · tirsdag");
    // Today is home: `q` quits from it.
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn a_case_typed_with_a_network_member_and_an_away_period_is_on_its_card_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(dir.path(), &[], 120, 40);
    tui.wait_for("No cases yet");
    tui.send("N");
    tui.wait_for("Alias");
    tui.send("Anne Jensen");
    // From the name to the network: 17 fields down.
    tui.send(&"\t".repeat(17));
    tui.wait_for("Enter add/edit");
    // A name no contact has yet: created with the case, as her mentor (→ from the GP).
    tui.send("Lone Holm");
    tui.send("\t\x1b[C\r");
    tui.wait_for("Lone Holm (new) · Mentor");
    tui.send("\t30/11\t11/12\r");
    tui.wait_for("On holiday");
    tui.send("\x13");
    let card = tui.wait_for("away 30.11–11.12 · on holiday");
    assert!(card.contains("Lone Holm"), "{card}");
    tui.send("q");
    tui.wait_for("No meetings");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut again = Tui::start(dir.path(), &[], 120, 40);
    again.wait_for("24.11.2026");
    again.send("/anne");
    again.wait_for("Anne Jensen");
    again.send("\r");
    let card = again.wait_for("away 30.11–11.12 · on holiday");
    assert!(
        card.contains("Mentor") && card.contains("Lone Holm"),
        "{card}"
    );
    again.send("q");
    again.send("q");
    assert!(again.wait_exit());
}
