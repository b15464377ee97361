//! Progress bars on standard error for long commands: drawn in a terminal once the work takes a
//! moment, never into a pipe or under CI. (The planner's status line: `progress_planner`.)

use crate::common::{NOW, command, run_in_pty, stderr};

/// Demo cases enough that a debug build works on them well past the bar's moment (seconds).
const SLOW_DEMO: &str = "1000";

#[test]
fn a_long_demo_in_a_terminal_shows_a_bar_and_clears_it_and_the_next_day_waits_for_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (written, screen) = run_in_pty(
        dir.path(),
        NOW,
        &["demo", "--cases", SLOW_DEMO],
        &[],
        120,
        30,
    );
    assert!(
        written.contains("Demo data: checking records")
            || written.contains("Demo data: writing records"),
        "a bar named by the work and its stage was drawn:\n{written:?}"
    );
    assert!(written.contains('['), "with a bar: {written:?}");
    assert!(
        screen.contains("demo caseload written"),
        "the summary follows:\n{screen}"
    );
    assert!(
        !screen.contains("records ["),
        "the bar is cleared when the work ends:\n{screen}"
    );
    // The first command of the next day that changes something only starts the day's backup
    // (a new journal file); the planner composes the backup itself later.
    let (written, _) = run_in_pty(
        dir.path(),
        "2026-11-25 09:00",
        &["case", "add", "Anna Holm"],
        &[],
        120,
        30,
    );
    assert!(
        !written.contains("Today's backup"),
        "no backup is waited for:\n{written:?}"
    );
    assert!(next_days_epoch(dir.path()), "the day's journal file");
    assert!(
        !dir.path()
            .join("backups")
            .join("caseplan-2026-11-25.json")
            .exists()
    );
}

/// Whether the journal has the epoch that follows the backup of 25 November.
fn next_days_epoch(data: &std::path::Path) -> bool {
    std::fs::read_dir(data.join("journal"))
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .ends_with("-caseplan-2026-11-25.jsonl")
        })
}

#[test]
fn under_ci_a_terminal_gets_no_bar() {
    let dir = tempfile::tempdir().unwrap();
    let (written, _) = run_in_pty(
        dir.path(),
        NOW,
        &["demo", "--cases", SLOW_DEMO],
        &[("CI", "true")],
        120,
        30,
    );
    assert!(written.contains("demo caseload written"), "{written:?}");
    assert!(
        !written.contains("Demo data:"),
        "no bar under CI: {written:?}"
    );
}

/// Standard error piped (as a script or a log reads it): no bar and no escape codes from any
/// long command, even with `CI` unset.
#[test]
fn piped_standard_error_gets_no_bar_and_no_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("all.json");
    let export = export.to_str().unwrap();
    let other = tempfile::tempdir().unwrap();
    let runs: [(&std::path::Path, &str, Vec<&str>); 5] = [
        (dir.path(), NOW, vec!["demo", "--cases", SLOW_DEMO]),
        (dir.path(), NOW, vec!["export", export]),
        (other.path(), NOW, vec!["import", export]),
        (dir.path(), NOW, vec!["restore", export]),
        // The first command of a new day that changes something starts the day's backup.
        (
            dir.path(),
            "2026-11-25 09:00",
            vec!["case", "add", "Anna Holm"],
        ),
    ];
    for (data, now, args) in runs {
        let out = command(data, now, &args).env_remove("CI").output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let said = stderr(&out);
        assert!(
            !said.contains('\u{1b}'),
            "{args:?}: no escape codes: {said:?}"
        );
        assert!(!said.contains('\r'), "{args:?}: no redrawn line: {said:?}");
        for stage in [
            "checking records",
            "writing records",
            "copying records",
            "replaying",
        ] {
            assert!(!said.contains(stage), "{args:?}: no bar: {said:?}");
        }
    }
    assert!(next_days_epoch(dir.path()), "the day's backup was started");
}

/// The planner writes the day's backup beside its frames; the status line says how far it has
/// come in the interface language, and goes back to its hint when it ends. Keys work meanwhile.
#[test]
fn the_planners_status_line_shows_the_backup_and_keys_still_work() {
    use crate::harness::App;
    use caseplan::app::core::action::Action;
    use caseplan::app::dispatch::update;
    use caseplan::i18n::Lang;
    use caseplan::store::{Progress, Stage};
    for (lang, words) in [
        (Lang::En, "Today's backup: copying records 45 %"),
        (Lang::Da, "Dagens backup: kopierer poster 45 %"),
    ] {
        let mut app = App::with_lang(lang, |_, _| {});
        let progress = Progress {
            stage: Stage::Exporting,
            done: 450,
            total: Some(1000),
        };
        update(&mut app.model, Action::Backup(Some(progress)));
        let bottom = app.screen(80, 24).pop().unwrap();
        assert!(bottom.contains(words), "{bottom}");
        let day = app.model.day;
        app.keys("l");
        assert_eq!(
            app.model.day,
            day.succ_opt().unwrap(),
            "a key is not held back"
        );
        assert!(app.screen(80, 24).pop().unwrap().contains(words));
        update(&mut app.model, Action::Backup(None));
        let bottom = app.screen(80, 24).pop().unwrap();
        assert!(!bottom.contains(words), "gone when it ended: {bottom}");
    }
}
