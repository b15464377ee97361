//! The week planner (#18): `caseplan plan` through the real binary, and the proposal in the
//! planner typed as keys, on data the tests write themselves.

use crate::common::{caseplan_on, stderr, stdout};
use std::path::Path;

/// Two citizens due under their own weekly cadence on Tuesday 1 December (week 49), written
/// through the command line on Tuesday 24 November: Anne prefers afternoons and needs an
/// interpreter.
fn two_due_citizens(dir: &Path) {
    for args in [
        &[
            "case",
            "add",
            "Anne Jensen",
            "--reference",
            "2026-001",
            "--cadence",
            "7d",
            "--prefer-time",
            "eftermiddag",
            "--interpreter",
            "arabisk",
        ][..],
        &[
            "case",
            "add",
            "Bo Holm",
            "--reference",
            "2026-002",
            "--cadence",
            "7d",
        ][..],
    ] {
        let out = caseplan_on(dir, "2026-11-24 09:00", args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

#[test]
fn plan_proposes_first_meetings_by_the_due_day_with_preferences_and_why() {
    let dir = tempfile::tempdir().unwrap();
    two_due_citizens(dir.path());
    let out = caseplan_on(dir.path(), "2026-11-30 07:30", &["plan", "--week", "49"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "Plan the week 49 · 30.11.2026–06.12.2026: 2 proposals, 0 without room",
        "{text}"
    );
    assert_eq!(
        lines[1],
        "2 of 2 due under the cadence placed by the deadline"
    );
    // Bo first thing Monday, a first meeting of 90 minutes; Anne in the afternoon, 90 minutes
    // and 15 for the interpreter.
    assert!(
        lines[2].starts_with("Mon 30.11 08:15-09:45  Bo Holm (2026-002)  Meeting · In person"),
        "{text}"
    );
    assert!(
        lines[3].contains("contact cadence: by 1 Dec · the case's own cadence: every 7 days"),
        "{text}"
    );
    assert!(
        lines[4].starts_with("Mon 30.11 12:00-13:45  Anne Jensen (2026-001)"),
        "{text}"
    );
    // Nothing was booked.
    let agenda = caseplan_on(dir.path(), "2026-11-30 07:30", &["agenda", "--days", "7"]);
    assert!(!stdout(&agenda).contains("Bo Holm"), "{}", stdout(&agenda));
}

#[test]
fn plan_json_gives_the_meetings_the_reasons_and_the_share_on_time_and_danish_text() {
    let dir = tempfile::tempdir().unwrap();
    two_due_citizens(dir.path());
    let out = caseplan_on(
        dir.path(),
        "2026-11-30 07:30",
        &["plan", "--week", "2026-W49", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["week"], "2026-W49");
    assert_eq!(doc["monday"], "2026-11-30");
    assert_eq!(doc["cadence_on_time"], serde_json::json!([2, 2]));
    let proposals = doc["proposals"].as_array().unwrap();
    assert_eq!(proposals.len(), 2);
    let anne = &proposals[1];
    assert_eq!(anne["name"], "Anne Jensen");
    assert_eq!(anne["meeting"]["start"], "2026-11-30T12:00:00");
    assert_eq!(anne["meeting"]["minutes"], 105);
    assert_eq!(anne["whys"][0]["need"], "cadence");
    assert_eq!(anne["whys"][0]["due"], "2026-12-01");
    assert_eq!(anne["late"], false);
    assert!(doc["unplaced"].as_array().unwrap().is_empty());
    // In Danish.
    let da = dir.path().join("da.toml");
    std::fs::write(&da, "language = \"da\"\n").unwrap();
    let config = da.to_str().unwrap();
    let out = caseplan_on(
        dir.path(),
        "2026-11-30 07:30",
        &["--config", config, "plan", "--week", "uge 49"],
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("Planlæg ugen 49 · 30.11.2026–06.12.2026: 2 forslag, 0 uden plads"),
        "{text}"
    );
    assert!(
        text.contains("rettidighed: senest 1. dec · sagens egen kadence: hver 7. dag"),
        "{text}"
    );
    // A week number that does not exist is refused with exit code 2.
    let bad = caseplan_on(dir.path(), "2026-11-30 07:30", &["plan", "--week", "60"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("week 60"), "{}", stderr(&bad));
}
