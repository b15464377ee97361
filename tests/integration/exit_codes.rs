//! Exit codes, as the README documents them: 0 done, 1 an error or nothing found, 2 refused input.

use crate::common::{caseplan, command, stderr};

const NOW: &str = "2026-11-23 08:00";

fn code(dir: &std::path::Path, args: &[&str]) -> Option<i32> {
    caseplan(dir, args).status.code()
}

#[test]
fn done_is_0() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(dir.path(), &["case", "add", "Anne Jensen"]), Some(0));
    assert_eq!(code(dir.path(), &["agenda"]), Some(0));
    assert_eq!(code(dir.path(), &["check"]), Some(0));
}

#[test]
fn refused_input_is_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(dir.path(), &["case", "add", "Anne Jensen"]), Some(0));
    for args in [
        &["agenda", "--date", "tirsdog"][..],
        &["agenda", "--days", "0"],
        &["agenda", "--no-such-option"],
        &["add", "tirsdog Anne"],
        &["add", "tir 10 Nobody"],
        &["case", "add", "Bo 010190-1234"],
        &["case", "add", "Bo", "--group", "no-such-group"],
        &["demo"],
        &["completions", "tcsh"],
    ] {
        let out = caseplan(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let config = dir.path().join("broken.toml");
    std::fs::write(&config, "worknig_hours = 1\n").unwrap();
    let out = command(dir.path(), NOW, &["agenda"])
        .env("CASEPLAN_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn an_error_or_nothing_found_is_1() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(dir.path(), &["case", "add", "Anne Jensen"]), Some(0));
    assert_eq!(code(dir.path(), &["card", "Nobody"]), Some(1));
    // A file where the data directory should be: nothing the user typed was wrong.
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let out = std::process::Command::new(crate::common::BIN)
        .arg("--data")
        .arg(&file)
        .args(["--now", NOW, "agenda"])
        .env("CASEPLAN_CONFIG", crate::common::test_config(dir.path()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_cause_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let out = command(dir.path(), NOW, &["agenda"])
        .env("CASEPLAN_CONFIG", &missing)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}
