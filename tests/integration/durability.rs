//! Never lose an acknowledged change: the real binary killed mid-write, sled's unfinished
//! snapshots, a deleted database restored from a backup and the journal, private files.

use crate::common::{caseplan, caseplan_on, command, stderr, stdout};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::time::Instant;

/// The names of every case the export of `data` holds; panics with the output if it fails.
fn case_names(data: &Path, now: &str) -> BTreeSet<String> {
    let out = caseplan_on(data, now, &["export", "-"]);
    assert!(
        out.status.success(),
        "export failed after a kill: {}",
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("an export");
    doc["data"]["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect()
}

fn add_case(data: &Path, now: &str, name: &str) {
    let out = caseplan_on(data, now, &["case", "add", name]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The day `n` days after 24 November 2026, as `--now` reads it.
fn day(n: u32) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap() + chrono::Days::new(n.into());
    format!("{date} 09:00")
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_record() {
    let cycles: u32 = std::env::var("CASEPLAN_KILL_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("CASEPLAN_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    add_case(data, &day(0), "Første Borger");
    // How long one write takes here, so the kills spread over the whole of one.
    let started = Instant::now();
    add_case(data, &day(0), "Anden Borger");
    let one_write = started.elapsed();
    let mut acknowledged: BTreeSet<String> =
        ["Første Borger", "Anden Borger"].map(String::from).into();
    let (mut killed, mut completed, mut notices) = (0, 0, 0);
    let begun = Instant::now();
    for cycle in 0..cycles {
        // A new day every 25 cycles: a backup and a new journal epoch under the kills too.
        let now = day(cycle / 25);
        let name = format!("Borger {cycle}");
        let mut child = command(data, &now, &["case", "add", &name])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let wait = one_write.mul_f64(rng.random_range(0.0..1.3));
        std::thread::sleep(wait);
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() && stdout(&out).contains("added case") {
            acknowledged.insert(name);
            completed += 1;
        } else {
            killed += 1;
        }
        let check = caseplan_on(data, &now, &["export", "-"]);
        let said = stderr(&check);
        assert!(
            check.status.success(),
            "cycle {cycle} (seed {seed}): the database did not open after a kill: {said}"
        );
        notices += said.lines().filter(|l| l.starts_with("caseplan: ")).count();
        let names = case_names(data, &now);
        let lost: Vec<_> = acknowledged.difference(&names).collect();
        assert!(
            lost.is_empty(),
            "cycle {cycle} (seed {seed}): acknowledged cases lost after a kill: {lost:?}"
        );
    }
    let out = caseplan_on(data, &day(cycles / 25), &["check"]);
    assert!(
        out.status.success(),
        "seed {seed}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    eprintln!(
        "{cycles} kill cycles in {:.1} s (seed {seed}): {killed} killed, {completed} completed, \
         {notices} repairs said",
        begun.elapsed().as_secs_f64()
    );
    assert!(
        killed > 0 && completed > 0,
        "the kills spread over the writes"
    );
}

fn recovered_files(data: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for folder in fs::read_dir(data.join("recovered"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for file in fs::read_dir(folder.path()).into_iter().flatten().flatten() {
            out.push(file.file_name().to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn an_unfinished_snapshot_is_moved_aside_and_nothing_is_lost() {
    for planted in [Vec::new(), vec![0x5a; 16_384]] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        add_case(data, &day(0), "Mette Kjær");
        add_case(data, &day(1), "Søren Kofoed");
        let out = caseplan_on(data, &day(1), &["add", "10:00 45m Søren opfølgning"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let name = "snap.FFFFFFFFFFFFFFFF.generating";
        fs::write(data.join("db").join(name), &planted).unwrap();
        let out = caseplan_on(data, &day(1), &["agenda"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("Søren Kofoed"), "{}", stdout(&out));
        let said = stderr(&out);
        assert_eq!(
            said.lines().count(),
            1,
            "one line says what happened: {said}"
        );
        assert!(said.contains("an unfinished snapshot"), "{said}");
        assert!(said.contains(name) && said.contains("recovered"), "{said}");
        assert!(said.contains("nothing was lost"), "{said}");
        assert!(!data.join("db").join(name).exists());
        assert_eq!(recovered_files(data), vec![name.to_string()]);
        assert_eq!(
            case_names(data, &day(1)),
            ["Mette Kjær", "Søren Kofoed"].map(String::from).into()
        );
        let out = caseplan_on(data, &day(1), &["check"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

#[test]
fn a_deleted_database_is_missing_and_restore_brings_back_every_change() {
    for how in ["deleted", "emptied"] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        add_case(data, &day(0), "Mette Kjær");
        // Two more days: each starts a backup of its own (composed by the planner, which never
        // runs here), and changes after the last one.
        add_case(data, &day(1), "Søren Kofoed");
        add_case(data, &day(2), "Karin Lykke");
        let out = caseplan_on(data, &day(2), &["add", "10:00 45m Karin opfølgning"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let before = caseplan_on(data, &day(2), &["export", "-"]);
        match how {
            "deleted" => fs::remove_dir_all(data.join("db")).unwrap(),
            _ => {
                fs::remove_dir_all(data.join("db")).unwrap();
                fs::create_dir(data.join("db")).unwrap();
            }
        }
        let out = caseplan_on(data, &day(2), &["agenda"]);
        assert!(
            !out.status.success(),
            "{how}: a missing database is not a new one"
        );
        let said = stderr(&out);
        assert!(said.contains("is missing"), "{said}");
        assert!(said.contains("Nothing will be lost"), "{said}");
        assert!(said.contains("caseplan restore"), "{said}");
        assert!(said.contains("from the journal of every change"), "{said}");
        // Nothing was created meanwhile: the same message again.
        assert!(
            !caseplan_on(data, &day(2), &["case", "add", "Ny"])
                .status
                .success()
        );

        let out = caseplan_on(data, &day(2), &["restore"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("replayed 4 changes from the journal"),
            "{}",
            stderr(&out)
        );
        let after = caseplan_on(data, &day(2), &["export", "-"]);
        assert_eq!(stdout(&after), stdout(&before), "{how}: nothing lost");
        let out = caseplan_on(data, &day(2), &["check"]);
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    }
}

#[test]
fn a_new_data_directory_is_not_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = caseplan(dir.path(), &["agenda"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn every_file_in_the_data_directory_is_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    add_case(&data, &day(0), "Mette Kjær");
    add_case(&data, &day(1), "Søren Kofoed");
    fn walk(path: &Path, found: &mut Vec<(String, u32)>) {
        for entry in fs::read_dir(path).unwrap().flatten() {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            found.push((entry.path().display().to_string(), mode));
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), found);
            }
        }
    }
    let mut found = Vec::new();
    for folder in ["db", "journal", "backups"] {
        walk(&data.join(folder), &mut found);
    }
    assert!(found.len() > 5, "{found:?}");
    let open: Vec<_> = found.iter().filter(|(_, mode)| mode & 0o077 != 0).collect();
    assert!(open.is_empty(), "readable by others: {open:?}");
}
