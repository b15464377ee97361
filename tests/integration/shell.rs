//! Shell completions and the manual pages, generated from the command line's own definitions.

use crate::common::{caseplan, stderr, stdout};
use caseplan::cli::Cli;
use clap::CommandFactory;

/// Every subcommand's path ("case add") with its long options (not the hidden ones caseplan
/// passes to itself).
fn commands() -> Vec<(String, Vec<String>)> {
    fn walk(command: &clap::Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        let longs = command
            .get_arguments()
            .filter(|a| !a.is_hide_set())
            .filter_map(|a| a.get_long().map(str::to_string))
            .collect();
        out.push((path.to_string(), longs));
        for sub in command.get_subcommands() {
            let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
            walk(sub, &sub_path, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "", &mut out);
    out
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = caseplan(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for (path, _) in commands().iter().filter(|(p, _)| !p.is_empty()) {
            let last = path.rsplit(' ').next().unwrap();
            assert!(script.contains(last), "{shell}: no {path}");
        }
    }
    let out = caseplan(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2), "an unknown shell is refused");
}

#[test]
fn the_manual_pages_name_every_command_and_option() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(".ie") || stdout(&out).contains(".TH caseplan"));

    let pages = dir.path().join("man");
    let out = caseplan(dir.path(), &["man", "--out", pages.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut text = String::new();
    for entry in std::fs::read_dir(&pages).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    // roff writes a hyphen as "\-".
    let text = text.replace("\\-", "-");
    for (path, longs) in commands() {
        for long in longs {
            assert!(text.contains(&format!("--{long}")), "{path}: no --{long}");
        }
    }
    assert!(pages.join("caseplan-agenda.1").exists());
}

#[test]
fn completions_and_the_manual_need_no_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("broken.toml");
    std::fs::write(&config, "this is = = not toml").unwrap();
    let out = crate::common::command(dir.path(), "2026-11-23 08:00", &["completions", "bash"])
        .env("CASEPLAN_CONFIG", &config)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}
