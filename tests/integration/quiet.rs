//! What the first open of a day and a command that only reads cost on disk (#21): a read-only
//! command leaves every file of the data directory as it was, and the first write of a day only
//! starts the day's backup, which a restore never needs to be whole.

use crate::common::{NOW, caseplan, caseplan_on, stderr, stdout};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// sled's log segment: a free one is all marker bytes (zeros).
const SEGMENT: usize = 512 * 1024;

/// Every file under `dir` with its bytes and modification time.
fn files(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                todo.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path, (bytes, meta.modified().unwrap()));
            }
        }
    }
    out
}

/// How many whole segments of sled's log are free: the ones sled rewrote at every open.
fn free_segments(data: &Path) -> usize {
    let log = std::fs::read(data.join("db").join("db")).unwrap();
    log.chunks_exact(SEGMENT)
        .filter(|segment| segment.iter().all(|&b| b == 0))
        .count()
}

/// A demo caseload whose log has four free segments or more. How many a bulk write leaves
/// depends on when sled's background flusher ran; writing everything again (an import that
/// replaces it) frees the segments the first writing filled.
fn demo_with_free_segments(data: &Path) {
    ok(data, NOW, &["demo", "--cases", "120"]);
    let doc = data.join("again.json");
    let doc_arg = doc.to_str().unwrap();
    for _ in 0..5 {
        ok(data, NOW, &["agenda"]);
        if free_segments(data) >= 4 {
            break;
        }
        ok(data, NOW, &["export", doc_arg]);
        ok(data, NOW, &["import", "--replace", doc_arg]);
    }
    let _ = std::fs::remove_file(&doc);
}

fn ok(data: &Path, now: &str, args: &[&str]) -> String {
    let out = caseplan_on(data, now, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn a_command_that_only_reads_leaves_every_file_of_the_data_directory_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    demo_with_free_segments(data);
    ok(data, NOW, &["case", "add", "Læse Kun"]);
    let reads: [&[&str]; 6] = [
        &["agenda"],
        &["due", "--json"],
        &["find", "Læse"],
        &["board", "--json"],
        &["card", "Læse Kun"],
        &["agenda", "--date", "2030-01-07"],
    ];
    // After writes, sled finishes some of their work on the next opens: the first replays its
    // log into a new snapshot, and a read that passes a leaf grown too large splits it (which
    // the next open replays in turn). Rounds of every read settle that: at most three, until
    // one leaves every file as it was; a read that always writes is caught below.
    for _ in 0..3 {
        let settled = files(data);
        for args in reads {
            ok(data, NOW, args);
        }
        if files(data) == settled {
            break;
        }
    }
    assert!(
        free_segments(data) > 0,
        "the log has free segments, which sled 0.34.7 rewrote at every open"
    );
    let before = files(data);
    for args in reads {
        ok(data, NOW, args);
        let after = files(data);
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>(),
            "{args:?} made or removed a file"
        );
        for (path, (bytes, modified)) in &before {
            let (now_bytes, now_modified) = &after[path];
            assert!(bytes == now_bytes, "{args:?} wrote into {}", path.display());
            assert_eq!(
                modified,
                now_modified,
                "{args:?} touched {}",
                path.display()
            );
        }
    }
}

/// Whether the file system under `dir` can punch holes into a file (tmpfs, ext4, xfs, btrfs can).
#[cfg(target_os = "linux")]
fn has_holes(dir: &Path) -> bool {
    use std::os::unix::io::AsRawFd;
    let probe = dir.join("hole-probe");
    std::fs::write(&probe, vec![1u8; 2 * SEGMENT]).unwrap();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&probe)
        .unwrap();
    let mode = libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE;
    // SAFETY: a plain system call on a file this test opened and keeps open.
    let punched = unsafe { libc::fallocate(file.as_raw_fd(), mode, 0, SEGMENT as libc::off_t) };
    drop(file);
    std::fs::remove_file(&probe).unwrap();
    punched == 0
}

#[cfg(target_os = "linux")]
#[test]
fn the_free_segments_of_the_log_take_no_disk_space_and_no_read_at_open() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    if !has_holes(data) {
        eprintln!(
            "skipped: the file system of {} has no holes",
            data.display()
        );
        return;
    }
    demo_with_free_segments(data);
    ok(data, NOW, &["case", "add", "Hul I Loggen"]);
    ok(data, NOW, &["agenda"]);
    let free = free_segments(data);
    assert!(free >= 3, "the log has free segments: {free}");
    let log = std::fs::metadata(data.join("db").join("db")).unwrap();
    let on_disk = log.blocks() * 512;
    // A segment that reads as zeros is counted free here, but sled keeps one of them for its
    // next writes (written out as zeros), and in about half the runs one more holds a single
    // 4 KiB block: two segments' room. Without the patch every free segment is on disk.
    let room = 2 * SEGMENT as u64;
    assert!(
        on_disk + (free * SEGMENT) as u64 <= log.len() + room,
        "{free} free segments of {} bytes should be holes, but {on_disk} of the log's {} bytes are on disk",
        SEGMENT,
        log.len()
    );
}

#[test]
fn after_days_of_only_the_command_line_a_restore_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, NOW, &["demo", "--cases", "12"]);
    // Three days of writes from the command line alone: each day's first write starts a new
    // journal epoch, and no backup is composed on the way.
    let days = ["2026-11-25 09:00", "2026-11-26 09:00", "2026-11-27 09:00"];
    for (n, now) in days.iter().enumerate() {
        ok(data, now, &["case", "add", &format!("Dag {n}")]);
        ok(data, now, &["case", "add", &format!("Igen {n}")]);
    }
    let backups = || std::fs::read_dir(data.join("backups")).unwrap().count();
    assert_eq!(backups(), 0, "the command line waits for no backup");
    let epochs: Vec<String> = std::fs::read_dir(data.join("journal"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        epochs,
        [
            "000001-start.jsonl",
            "000002-caseplan-2026-11-25.jsonl",
            "000003-caseplan-2026-11-26.jsonl",
            "000004-caseplan-2026-11-27.jsonl"
        ]
    );
    let last = days[2];
    let export = |name: &str| {
        let path = data.join(name);
        ok(data, last, &["export", path.to_str().unwrap()]);
        let mut doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        doc["exported_at"] = serde_json::Value::Null;
        std::fs::remove_file(path).unwrap();
        doc
    };
    let whole = export("before.json");
    std::fs::remove_dir_all(data.join("db")).unwrap();
    let out = caseplan_on(data, last, &["agenda"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("caseplan restore"),
        "{}",
        stderr(&out)
    );
    ok(data, last, &["restore"]);
    assert_eq!(export("after.json"), whole, "everything came back");
    assert!(ok(data, last, &["check"]).contains("the journal agrees with the database"));
}

#[test]
fn the_planner_composes_the_missing_backup_and_a_restore_from_it_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, NOW, &["demo", "--cases", "12"]);
    ok(data, NOW, &["case", "add", "Før Backuppen"]);
    let backup = data.join("backups").join("caseplan-2026-11-24.json");
    assert!(!backup.exists(), "the command line only started it");
    // The planner, started and quit: it composes the day's backup from the journal.
    let mut tui = crate::common::Tui::start(data, &[], 120, 40);
    tui.wait_for("24.11.2026");
    crate::common::wait_for_file(&backup);
    tui.send("q");
    assert!(tui.wait_exit());
    let text = std::fs::read_to_string(&backup).expect("the day's backup");
    assert!(
        text.contains("\"cases\""),
        "a whole export: {}",
        &text[..200]
    );
    assert!(
        !text.contains("Før Backuppen"),
        "it holds the database as it was before the day's first write"
    );
    ok(data, NOW, &["case", "add", "Efter Backuppen"]);
    std::fs::write(data.join("db").join("db"), vec![0xAB; 4096]).unwrap();
    let err = stderr(&caseplan(data, &["agenda"]));
    assert!(err.contains("caseplan-2026-11-24.json"), "{err}");
    let restored = caseplan(data, &["restore"]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stderr(&restored).contains("and replayed 2 changes from the journal after it"),
        "the two cases added after the backup began: {}",
        stderr(&restored)
    );
    for name in ["Før Backuppen", "Efter Backuppen"] {
        assert!(ok(data, NOW, &["find", name]).contains(name), "{name}");
    }
    assert!(ok(data, NOW, &["check"]).contains("the journal agrees with the database"));
}

/// Every record of the data directory's database, as `export` writes it (its time left out).
fn exported(data: &Path, now: &str) -> serde_json::Value {
    let path = data.join("exported.json");
    ok(data, now, &["export", path.to_str().unwrap()]);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    doc["exported_at"] = serde_json::Value::Null;
    std::fs::remove_file(path).unwrap();
    doc
}

#[test]
fn the_backup_command_writes_today_s_backup_and_a_restore_from_it_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let empty = caseplan_on(data, NOW, &["backup"]);
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert!(
        stderr(&empty).contains("nothing to back up"),
        "{}",
        stderr(&empty)
    );
    ok(data, NOW, &["demo", "--cases", "12"]);
    let day = "2026-11-25 09:00";
    ok(data, day, &["case", "add", "Før Backuppen"]);
    let file = data.join("backups").join("caseplan-2026-11-25.json");
    assert!(
        !file.exists(),
        "a writing command only starts the day's backup"
    );
    let out = caseplan_on(data, day, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("wrote the backup {}", file.display())),
        "{}",
        stderr(&out)
    );
    let again = caseplan_on(data, day, &["backup"]);
    assert!(
        stderr(&again).contains("today's backup is there already"),
        "{}",
        stderr(&again)
    );
    ok(data, day, &["case", "add", "Efter Backuppen"]);
    let whole = exported(data, day);
    std::fs::remove_dir_all(data.join("db")).unwrap();
    let restored = caseplan_on(data, day, &["restore"]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stderr(&restored).contains("caseplan-2026-11-25.json")
            && stderr(&restored).contains("and replayed 2 changes from the journal after it"),
        "the backup (the database as the day began), and the day's two cases: {}",
        stderr(&restored)
    );
    assert_eq!(exported(data, day), whole, "everything came back");
}

#[test]
fn a_week_of_only_the_command_line_composes_a_backup_in_the_background_and_a_restore_from_it_loses_nothing()
 {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, NOW, &["demo", "--cases", "12"]);
    let backups = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(data.join("backups"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        names
    };
    // The first day's write starts the first backup; six days on, none is a week old yet.
    let days: Vec<String> = (25..=30)
        .map(|d| format!("2026-11-{d} 09:00"))
        .chain((1..=3).map(|d| format!("2026-12-0{d} 09:00")))
        .collect();
    for (n, now) in days.iter().enumerate().take(7) {
        ok(data, now, &["case", "add", &format!("Dag {n}")]);
        assert_eq!(backups(), Vec::<String>::new(), "{now}");
    }
    // A week after the first started backup: the day's first write leaves a composer behind.
    ok(data, &days[7], &["case", "add", "Dag 7"]);
    let file = data.join("backups").join("caseplan-2026-12-02.json");
    crate::common::wait_for_file(&file);
    ok(data, &days[8], &["case", "add", "Dag 8"]);
    assert_eq!(
        backups(),
        ["caseplan-2026-12-02.json"],
        "a day later none is due"
    );
    let whole = exported(data, &days[8]);
    std::fs::remove_dir_all(data.join("db")).unwrap();
    let restored = caseplan_on(data, &days[8], &["restore"]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stderr(&restored).contains("caseplan-2026-12-02.json")
            && stderr(&restored).contains("and replayed 2 changes from the journal after it"),
        "the composed backup, and the two cases added after it began: {}",
        stderr(&restored)
    );
    assert_eq!(exported(data, &days[8]), whole, "everything came back");
    assert!(ok(data, &days[8], &["check"]).contains("the journal agrees with the database"));
}
