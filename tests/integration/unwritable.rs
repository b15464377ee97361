//! A full disk and a read-only data directory, with the real binary: reads still work, writes
//! say why nothing was saved, and nothing saved before is lost.
//!
//! A small filesystem cannot be mounted on every machine that runs the tests, so a full disk is
//! made with the operating system's file size limit (`RLIMIT_FSIZE` of 0, `SIGXFSZ` ignored):
//! no file of the process can grow, while files can still be opened, read, renamed and
//! overwritten in place, as on a full disk. It is a real failure of the real binary's writes,
//! in sled and in the journal alike, without a seam in the code. Where a small filesystem can be
//! mounted (as root, in a mount namespace of its own), the same is also tried on a real one.

#![cfg(unix)]

use crate::common::{caseplan_on, command_of, stderr, stdout, test_config};
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24 09:00";

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}{}", stdout(out), stderr(out));
    stdout(out)
}

fn names(data: &Path, out: &Output) -> Vec<String> {
    let text = ok(out);
    let doc: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("not an export ({e}) from {}: {text}", data.display()));
    let mut names: Vec<String> = doc["data"]["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// A folder nobody but its owner can enter, for the binary and the data of another user.
fn shared_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn chown_all(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap().flatten() {
            chown_all(&entry.path(), uid, gid);
        }
    }
}

fn read_only_all(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).unwrap().permissions().mode();
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap().flatten() {
            read_only_all(&entry.path());
        }
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o555)).unwrap();
}

#[test]
fn a_read_only_data_directory_reads_and_says_why_nothing_is_saved() {
    let dir = shared_dir();
    let data = dir.path().join("data");
    ok(&caseplan_on(&data, NOW, &["case", "add", "Anna Holm"]));
    ok(&caseplan_on(&data, NOW, &["case", "add", "Bo Berg"]));
    test_config(&data);
    // Root may write anywhere, so as root the binary runs as "nobody", who owns the data.
    let root = unsafe { libc::geteuid() } == 0;
    let (uid, gid) = (65534, 65534);
    let bin = dir.path().join("caseplan");
    fs::copy(crate::common::BIN, &bin).unwrap();
    if root {
        chown_all(&data, uid, gid);
    }
    read_only_all(&data);
    let before = snapshot_of(&data);
    let run = |args: &[&str]| {
        let mut cmd = command_of(&bin, &data, NOW, args);
        if root {
            cmd.uid(uid).gid(gid);
        }
        cmd.output().unwrap()
    };
    let agenda = run(&["find", "Anna"]);
    assert!(ok(&agenda).contains("Anna Holm"));
    assert!(
        stderr(&agenda).contains("the data directory is read-only"),
        "{}",
        stderr(&agenda)
    );
    assert_eq!(
        names(&data, &run(&["export", "-"])),
        ["Anna Holm", "Bo Berg"]
    );
    ok(&run(&["check"]));
    let out = run(&["case", "add", "Carl Dam"]);
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("the data directory is read-only: nothing was saved"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(
        snapshot_of(&data),
        before,
        "nothing in the data directory changed"
    );
}

/// Every file under `path` with its bytes.
fn snapshot_of(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(path).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            out.extend(snapshot_of(&entry.path()));
        } else {
            out.push((entry.path(), fs::read(entry.path()).unwrap()));
        }
    }
    out.sort();
    out
}

/// The real thing, where it can be had: a 2 MB filesystem filled to the last block.
#[test]
fn on_a_real_full_filesystem_too_where_one_can_be_mounted() {
    let probe = Command::new("unshare")
        .args([
            "--mount",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs /mnt",
        ])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no small filesystem can be mounted here (needs root and unshare)");
        return;
    }
    let out = Command::new("unshare")
        .arg("--mount")
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "unwritable::full_filesystem_child",
            "--ignored",
            "--nocapture",
        ])
        .env("CASEPLAN_TEST_FULL_FS", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Run only by `on_a_real_full_filesystem_too_where_one_can_be_mounted`, in a mount namespace
/// of its own (the mount goes with it).
#[test]
#[ignore]
fn full_filesystem_child() {
    if std::env::var("CASEPLAN_TEST_FULL_FS").is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(mounted.success());
    let data = dir.path().join("data");
    ok(&caseplan_on(&data, NOW, &["case", "add", "Anna Holm"]));
    ok(&caseplan_on(
        &data,
        NOW,
        &["add", "10:00 45m Anna opfølgning"],
    ));
    // Fill the filesystem to the last block.
    let filler = dir.path().join("filler");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=4k"])
        .arg(format!("of={}", filler.display()))
        .output();
    // The open after writes needs a snapshot it cannot write: a copy in memory is read.
    for args in [&["agenda"][..], &["check"], &["export", "-"]] {
        let out = caseplan_on(&data, NOW, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("the disk is full"),
            "{}",
            stderr(&out)
        );
    }
    let out = caseplan_on(&data, NOW, &["case", "add", "Bo Berg"]);
    assert!(
        stderr(&out).contains("the disk is full: nothing was saved"),
        "{}",
        stderr(&out)
    );
    fs::remove_file(&filler).unwrap();
    assert_eq!(
        names(&data, &caseplan_on(&data, NOW, &["export", "-"])),
        ["Anna Holm"]
    );
    ok(&caseplan_on(&data, NOW, &["check"]));
    let _ = Command::new("umount").arg(dir.path()).status();
}
