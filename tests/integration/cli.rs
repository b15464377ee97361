//! The command line, run as the real binary on temporary databases.

use crate::common;
use crate::common::{caseplan, stderr, stdout};
use std::path::Path;

fn demo(dir: &Path) {
    let out = caseplan(dir, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn agenda_json_lists_todays_meetings_in_order_with_parties() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["agenda", "--days", "7", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = items.as_array().unwrap();
    assert!(
        items.len() >= 8,
        "a week of the demo has 8-15 meetings, got {}",
        items.len()
    );
    let keys: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            (
                i["date"].as_str().unwrap().to_string(),
                i["start"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "in time order");
    let first = &items[0];
    for field in [
        "meeting_id",
        "date",
        "start",
        "end",
        "minutes",
        "case",
        "purpose",
        "form",
        "place",
        "status",
        "parties",
    ] {
        assert!(first.get(field).is_some(), "field {field} in {first}");
    }
    assert!(
        items
            .iter()
            .any(|i| !i["parties"].as_array().unwrap().is_empty()),
        "a three-party meeting names its third party"
    );
}

#[test]
fn agenda_text_reads_a_danish_date() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["agenda", "--date", "i morgen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Wed 25.11.2026"),
        "{}",
        stdout(&out)
    );
    let bad = caseplan(dir.path(), &["agenda", "--date", "tirsdog"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("\"tirsdog\""), "{}", stderr(&bad));
}

#[test]
fn export_import_export_gives_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let first = dir.path().join("first.json");
    assert!(
        caseplan(dir.path(), &["export", first.to_str().unwrap()])
            .status
            .success()
    );
    let other = tempfile::tempdir().unwrap();
    let out = caseplan(other.path(), &["import", first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = other.path().join("second.json");
    assert!(
        caseplan(other.path(), &["export", second.to_str().unwrap()])
            .status
            .success()
    );
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(a["data"], b["data"]);
    assert_eq!(a["format"], "caseplan-export");
    // Importing into a database that holds data is refused unless asked to replace.
    let again = caseplan(other.path(), &["import", first.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        caseplan(
            other.path(),
            &["import", "--replace", first.to_str().unwrap()]
        )
        .status
        .success()
    );
}

/// `/dev/null` was once replaced by a regular file by a sheet written "to a file": a path that
/// is a pipe or a device is written into and stays what it was, for every command that writes
/// a file.
#[test]
fn export_ics_export_and_a_sheet_into_a_pipe_leave_it_a_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let fifo = dir.path().join("out.fifo");
    let path = fifo.to_str().unwrap();
    let runs: [(Vec<&str>, &[u8]); 3] = [
        (vec!["export", path], b"{"),
        (vec!["ics", "export", path], b"BEGIN:VCALENDAR"),
        (vec!["sheet", "day", "--out", path], b"%PDF"),
    ];
    for (args, starts) in runs {
        let c_path = std::ffi::CString::new(path).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let mut pipe = std::fs::File::open(&fifo).unwrap();
                pipe.read_to_end(&mut bytes).unwrap();
                bytes
            })
        };
        let out = caseplan(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "{args:?}: still a pipe"
        );
        assert!(reader.join().unwrap().starts_with(starts), "{args:?}");
        assert!(!dir.path().join("out.tmp").exists(), "{args:?}");
        std::fs::remove_file(&fifo).unwrap();
    }
}

#[test]
fn import_validates_everything_before_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    let doc = serde_json::json!({
        "format": "caseplan-export", "schema": 1, "exported_at": "2026-11-24T08:00:00Z",
        "data": { "cases": [{
            "id": 1, "name": "Anne", "target_group": "andet", "created": "2026-01-01T00:00:00Z",
            "where_now": "CPR 010190-1234"
        }], "meetings": [{
            "id": 1, "case": 99, "start": "2026-11-24T10:00:00", "minutes": 45,
            "purpose": "samtale", "form": "in_person"
        }]}
    });
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = caseplan(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("CPR"), "{err}");
    assert!(
        err.contains("99"),
        "the dangling case reference is named too: {err}"
    );
    let agenda = caseplan(dir.path(), &["export", "-"]);
    let written: serde_json::Value = serde_json::from_slice(&agenda.stdout).unwrap();
    assert_eq!(
        written["data"]["cases"].as_array().map_or(0, Vec::len),
        0,
        "nothing written"
    );
}

#[test]
fn check_passes_on_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("ok"));
}

#[test]
fn a_damaged_database_names_the_newest_backup_and_restore_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let backups = || {
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
            .count()
    };
    // The demo filled an empty database, which needs no backup; a command that only reads
    // writes none either.
    assert!(caseplan(dir.path(), &["agenda"]).status.success());
    assert_eq!(backups(), 0, "a command that only reads writes no backup");
    // The first write of a new day starts the backup before it changes anything (the change
    // after it is in the journal alone); the planner composes it.
    let added = caseplan(dir.path(), &["case", "add", "Efter Backuppen"]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(backups(), 0, "the command line waits for no backup");
    let mut planner = crate::common::Tui::start(dir.path(), &[], 100, 30);
    planner.wait_for("24.11.2026");
    crate::common::wait_for_file(&dir.path().join("backups/caseplan-2026-11-24.json"));
    planner.send("q");
    assert!(planner.wait_exit());
    assert_eq!(backups(), 1, "one backup for the day");
    std::fs::write(dir.path().join("db").join("db"), vec![0xAB; 4096]).unwrap();
    let out = caseplan(dir.path(), &["agenda"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("Nothing will be lost"), "{err}");
    assert!(err.contains("caseplan restore"), "{err}");
    assert!(err.contains("caseplan-2026-11-24.json"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = caseplan(dir.path(), &["restore"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("and replayed 1 change from the journal"),
        "{}",
        stderr(&out)
    );
    let found = caseplan(dir.path(), &["find", "Efter Backuppen"]);
    assert!(
        stdout(&found).contains("Efter Backuppen"),
        "{}",
        stdout(&found)
    );
    let check = caseplan(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("the journal agrees with the database"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn add_books_from_one_line_and_refuses_an_ambiguous_name() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["add", "tor 10:30 45m Kåre opfølgning"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Thu 26.11.2026 10:30-11:15  Kåre Jensen"),
        "{}",
        stdout(&out)
    );
    let agenda = caseplan(dir.path(), &["agenda", "--date", "tor", "--json"]);
    let items: serde_json::Value = serde_json::from_slice(&agenda.stdout).unwrap();
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["start"] == "10:30" && i["case"]["name"] == "Kåre Jensen")
    );

    let out = caseplan(dir.path(), &["add", "tor 13 Mette"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Mette Kjær"), "{}", stderr(&out));
}

#[test]
fn add_warns_about_an_overlap_but_books() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    // Tuesday 09:00-11:00 is the weekly phone duty.
    let out = caseplan(dir.path(), &["add", "tir 9:30 30m Kåre"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: overlap: Telefonvagt 09:00"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_first_case_from_the_command_line_and_cpr_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(
        dir.path(),
        &["case", "add", "Anne Jensen", "--reference", "2026-04512"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = caseplan(dir.path(), &["case", "add", "Bo 0101901234"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("CPR") && !err.contains("0101901234"),
        "masked in the message: {err}"
    );
}

#[test]
fn config_prints_the_effective_configuration_and_a_bad_file_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("zone = \"Europe/Copenhagen\""),
        "{}",
        stdout(&out)
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "zone = \"Europe/Copenhagen\"\n\nworknig_hours = 1\n").unwrap();
    let out = std::process::Command::new(common::BIN)
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "--config",
            bad.to_str().unwrap(),
            "config",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad.toml:3"), "{}", stderr(&out));
}

#[test]
fn demo_is_the_same_for_the_same_seed() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [&a, &b] {
        assert!(
            caseplan(dir.path(), &["demo", "--cases", "220", "--seed", "9"])
                .status
                .success()
        );
    }
    let export = |dir: &Path| {
        let out = caseplan(dir, &["export", "-"]);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["data"].clone()
    };
    let data = export(a.path());
    assert_eq!(data["cases"].as_array().unwrap().len(), 220);
    assert_eq!(data, export(b.path()));
}

#[test]
fn a_broken_user_keymap_stops_the_start_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    common::test_config(dir.path());
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[calendar]\nkeys = [\n  { on = \"x\", run = \"selct_next\", desc = \"Next\" },\n]\n",
    )
    .unwrap();
    let out = caseplan(dir.path(), &[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("keymap.toml:3:"), "{err}");
    assert!(
        err.contains("select_next"),
        "suggests the right name: {err}"
    );
}

#[test]
fn requests_list_by_next_action_and_are_never_closed_by_the_tool() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["requests", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    let dates: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["next_action"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "soonest action first");
    assert!(
        rows.iter().any(|r| r["state"]["kind"] == "phone_chasing"),
        "the demo has requests past their written reminders"
    );
    let open = caseplan(dir.path(), &["requests", "--open", "--json"]);
    let open: serde_json::Value = serde_json::from_slice(&open.stdout).unwrap();
    assert!(
        open.as_array()
            .unwrap()
            .iter()
            .all(|r| r["state"]["kind"] != "withdrawn")
    );
    assert!(
        open.as_array().unwrap().len() < rows.len(),
        "--open leaves out received and withdrawn"
    );
}

#[test]
fn reports_late_lists_only_reports_past_their_due_date() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = caseplan(dir.path(), &["reports", "--late", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty(), "the demo has late reports");
    for r in rows {
        assert_eq!(r["state"], "late");
        assert!(r["due"].as_str().unwrap() < "2026-11-24");
        assert!(r["days_late"].as_i64().unwrap() > 0);
    }
    let all = caseplan(dir.path(), &["reports", "--json"]);
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .any(|r| r["state"] == "received_unread")
    );
}

#[test]
fn a_now_outside_1900_to_2200_is_a_clear_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["agenda"][..],
        &["find", "x"],
        &["add", "10:00 x"],
        &["due"],
    ] {
        let out = std::process::Command::new(common::BIN)
            .arg("--data")
            .arg(dir.path())
            .args(["--now", "+262142-12-31 23:59"])
            .args(args)
            .env("CASEPLAN_CONFIG", common::test_config(dir.path()))
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("--now \"+262142-12-31 23:59\": +262142-12-31 23:59 is outside the years 1900 to 2200"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.matches("is outside").count(), 1, "said once: {err}");
    }
}

/// Text that would clear the screen, write the clipboard (OSC 52), overwrite the line and turn
/// it around, if a terminal got it raw.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;cm0gLXJmIH4=\u{7}\r\u{202e}";

#[test]
fn text_output_never_passes_control_characters_from_stored_text_to_the_terminal() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let name = format!("Anna{HOSTILE}Holm");
    let data: caseplan::model::Dataset = serde_json::from_value(json!({
        "cases": [{ "id": 1, "name": name, "target_group": "sygedagpenge",
                    "where_now": format!("I praktik{HOSTILE}"),
                    "next_step": format!("Opfølgning{HOSTILE}"),
                    "created": "2025-01-06T09:00:00Z" }],
        "contacts": [{ "id": 5, "name": format!("Lægehuset{HOSTILE}"), "kind": "practice" }],
        "meetings": [{ "id": 7, "case": 1, "start": "2026-11-24T10:00:00", "minutes": 45,
                       "purpose": "samtale", "form": "in_person", "title": format!("Møde{HOSTILE}"),
                       "note": format!("Note{HOSTILE}") }],
        "medical_requests": [{ "id": 10, "case": 1, "kind": "statusattest", "recipient": 5,
                               "sent": "2026-11-10", "questions": format!("Spørgsmål{HOSTILE}") }],
        "agreements": [{ "id": 20, "case": 1, "who": "citizen", "what": format!("Aftale{HOSTILE}"),
                         "due": "2026-11-20", "created": "2026-11-01T09:00:00Z" }],
    }))
    .unwrap();
    caseplan::store::Store::open(dir.path())
        .unwrap()
        .import(&data)
        .unwrap();
    let runs: [&[&str]; 10] = [
        &["agenda"],
        &["find", "Anna"],
        &["card", "1"],
        &["board"],
        &["board", "--md"],
        &["board", "--csv"],
        &["due"],
        &["requests"],
        &["add", "11:00 30m Anna samtale"],
        &["card", "Anna"],
    ];
    for args in runs {
        let out = caseplan(dir.path(), args);
        for (stream, text) in [("stdout", stdout(&out)), ("stderr", stderr(&out))] {
            let bad: Vec<char> = text
                .chars()
                .filter(|c| (c.is_control() && *c != '\n') || *c == '\u{202e}')
                .collect();
            assert!(bad.is_empty(), "{args:?} {stream} holds {bad:?}: {text:?}");
        }
        assert!(
            stdout(&out).contains("Anna") || stderr(&out).contains("Anna"),
            "{args:?}"
        );
    }
    // JSON escapes them as JSON does; a script gets the text back exactly.
    let out = caseplan(dir.path(), &["find", "Anna", "--json"]);
    assert!(stdout(&out).contains("\\u001b[2J"), "{}", stdout(&out));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits[0]["title"], name);
}

#[test]
fn import_dash_reads_standard_input_and_leaves_no_file_behind() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(
        dir.path(),
        &["case", "add", "Anne Jensen", "--reference", "2026-1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let exported = caseplan(dir.path(), &["export", "-"]);
    assert!(exported.status.success(), "{}", stderr(&exported));

    let other = tempfile::tempdir().unwrap();
    let mut child = common::command(other.path(), common::NOW, &["import", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&exported.stdout)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let found = caseplan(other.path(), &["find", "Anne", "--json"]);
    assert!(stdout(&found).contains("Anne Jensen"), "{}", stdout(&found));
    let leftovers: Vec<_> = std::fs::read_dir(other.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".import-"))
        .collect();
    assert!(leftovers.is_empty(), "the piped copy is removed");

    // Piped nonsense is refused and writes nothing.
    let mut child = common::command(other.path(), common::NOW, &["import", "--replace", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"not json").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let found = caseplan(other.path(), &["find", "Anne", "--json"]);
    assert!(stdout(&found).contains("Anne Jensen"), "nothing lost");
}
