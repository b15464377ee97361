//! The command line speaks the interface language: help, refusals and messages in Danish under a
//! Danish locale and in English under any other.

use crate::common::{command, stderr, stdout};
use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-11-23 08:00";

/// Runs caseplan under `locale` with a configuration that names no language.
fn in_locale(data: &Path, locale: &str, args: &[&str]) -> Output {
    let config = data.join("no-language.toml");
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(&config, "[today]\nstart_screen = \"calendar\"\n").unwrap();
    command(data, NOW, args)
        .env("LANG", locale)
        .env("CASEPLAN_CONFIG", &config)
        .output()
        .expect("run caseplan")
}

fn danish(data: &Path, args: &[&str]) -> Output {
    in_locale(data, "da_DK.UTF-8", args)
}

#[test]
fn help_is_danish_under_a_danish_locale_and_english_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let out = danish(dir.path(), &["--help"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let help = stdout(&out);
    assert!(help.contains("Brug: caseplan"), "{help}");
    assert!(
        help.contains("Samtaler i rækkefølge, med parter og sted"),
        "{help}"
    );
    assert!(
        help.contains("Vis hjælp") && !help.contains("Print help"),
        "{help}"
    );
    let out = danish(dir.path(), &["agenda", "--help"]);
    assert!(stdout(&out).contains("Første dag"), "{}", stdout(&out));

    let out = in_locale(dir.path(), "en_GB.UTF-8", &["--help"]);
    let help = stdout(&out);
    assert!(
        help.contains("Usage: caseplan") && help.contains("Meetings in order"),
        "{help}"
    );
}

#[test]
fn a_cpr_number_is_refused_in_danish_naming_the_field_within_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = danish(dir.path(), &["case", "add", "Bo 010190-1234"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Navn ligner et CPR-nummer"), "{err}");
    assert!(!err.contains("1234") && !err.contains("\"name\""), "{err}");
    for line in err.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    let out = in_locale(
        dir.path(),
        "en_GB.UTF-8",
        &["case", "add", "Bo 010190-1234"],
    );
    assert!(
        stderr(&out).contains("Name looks like a CPR number"),
        "{}",
        stderr(&out)
    );
    // The configured language (English in the tests' configuration) wins over the locale.
    let out = command(dir.path(), NOW, &["case", "add", "Bo 010190-1234"])
        .env("LANG", "da_DK.UTF-8")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("Name looks like"), "{}", stderr(&out));
}

#[test]
fn a_date_that_does_not_read_is_explained_in_danish() {
    let dir = tempfile::tempdir().unwrap();
    let out = danish(dir.path(), &["agenda", "--date", "tirsdog"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("kunne ikke læse \"tirsdog\" som en dato"),
        "{err}"
    );
}

#[test]
fn dates_typed_in_danish_words_reach_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    // Monday 23 November 2026: week 49 starts on 30 November; three working days on is the 26th.
    for (typed, day) in [
        ("uge 49", "30.11"),
        ("om 3 arbejdsdage", "26.11"),
        ("næste uge", "30.11"),
        ("fre om 14 dage", "11.12"),
    ] {
        let out = danish(dir.path(), &["agenda", "--date", typed]);
        assert!(out.status.success(), "{typed}: {}", stderr(&out));
        let first = stdout(&out).lines().next().unwrap_or_default().to_string();
        assert!(first.contains(day), "{typed}: {first}");
    }
}

#[test]
fn add_says_what_it_booked_and_warns_in_danish_and_a_first_meeting_is_longer() {
    let dir = tempfile::tempdir().unwrap();
    let out = danish(dir.path(), &["case", "add", "Anne Jensen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("oprettede sag Anne Jensen"),
        "{}",
        stdout(&out)
    );
    let out = danish(dir.path(), &["card", "Nobody"]);
    assert!(
        stderr(&out).contains("ingen sag passer til \"Nobody\""),
        "{}",
        stderr(&out)
    );
    // Monday 23 November 2026 at 08:00: Anne's first meeting is 90 minutes by default.
    let out = danish(dir.path(), &["add", "tir 10:00 Anne"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("booket: tir 24.11.2026 10:00-11:30"),
        "{said}"
    );
    // The next one has the usual length, and one on top of it warns in Danish.
    let out = danish(dir.path(), &["add", "tir 10:30 Anne hjemmebesøg"]);
    let said = stdout(&out);
    assert!(
        said.starts_with("booket: tir 24.11.2026 10:30-11:15"),
        "{said}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("advarsel: overlapper: Anne Jensen 10:00"),
        "{err}"
    );
    assert!(
        !err.contains("warning") && !err.contains("overlaps"),
        "{err}"
    );
}
