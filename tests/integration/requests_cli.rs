//! `caseplan requests`: every request by next action, withdrawn and acted-on ones marked as
//! such; `--open` leaves them out.

use crate::common::{caseplan, stderr, stdout};
use caseplan::model::Dataset;
use caseplan::store::Store;
use serde_json::json;
use std::path::Path;

/// Anne's open request (sent 10 Nov, a reminder logged) and one she withdrew on 12 Nov; Bo's
/// received and acted on.
fn fill(dir: &Path) {
    let data: Dataset = serde_json::from_value(json!({
        "cases": [
            { "id": 1, "name": "Anne Jensen", "target_group": "sygedagpenge",
              "created": "2025-01-06T09:00:00Z" },
            { "id": 2, "name": "Bo Hansen", "target_group": "sygedagpenge",
              "created": "2025-01-06T09:00:00Z" },
        ],
        "contacts": [
            { "id": 5, "name": "Lægehuset Nørrebro", "kind": "practice" },
        ],
        "medical_requests": [
            { "id": 10, "case": 1, "kind": "statusattest", "recipient": 5,
              "sent": "2026-11-10", "deadline": "2026-11-17",
              "chases": [{ "at": "2026-11-18T09:00:00Z", "channel": "letter" }] },
            { "id": 11, "case": 1, "kind": "le145", "recipient": 5,
              "sent": "2026-10-01", "withdrawn": "2026-11-12" },
            { "id": 12, "case": 2, "kind": "statusattest", "recipient": 5,
              "sent": "2026-09-01", "received": "2026-10-01", "acted_on": "2026-10-02" },
        ],
    }))
    .unwrap();
    Store::open(dir).unwrap().import(&data).unwrap();
}

#[test]
fn requests_lists_withdrawn_and_acted_on_requests_marked_and_open_leaves_them_out() {
    let dir = tempfile::tempdir().unwrap();
    fill(dir.path());
    let out = caseplan(dir.path(), &["requests"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    // The open request first, with its next action date and its one chase.
    assert!(
        lines[0].contains("Anne Jensen") && lines[0].ends_with(" · 1 chase"),
        "{text}"
    );
    assert!(!lines[0].starts_with('-'), "{text}");
    let withdrawn = lines
        .iter()
        .find(|l| l.contains("withdrawn"))
        .unwrap_or_else(|| panic!("no withdrawn line in\n{text}"));
    assert!(withdrawn.starts_with("-  "), "no next action: {withdrawn}");
    assert!(
        withdrawn.contains("Anne Jensen") && withdrawn.ends_with("· withdrawn 12.11.2026"),
        "{withdrawn}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Bo Hansen") && l.ends_with("· acted on 02.10.2026")),
        "{text}"
    );

    let open = stdout(&caseplan(dir.path(), &["requests", "--open"]));
    assert_eq!(open.lines().count(), 1, "{open}");
    assert!(
        !open.contains("withdrawn") && !open.contains("acted on"),
        "{open}"
    );
}

#[test]
fn requests_json_gives_the_withdrawn_state_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    fill(dir.path());
    let out = caseplan(dir.path(), &["requests", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let withdrawn = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == 11)
        .unwrap();
    assert_eq!(withdrawn["next_action"], serde_json::Value::Null);
    assert_eq!(
        withdrawn["state"],
        json!({ "kind": "withdrawn", "on": "2026-11-12" })
    );
}
