//! Import reads its document as a stream: never the whole document or dataset in memory, one
//! read of the file, nothing written on any problem.

use crate::common::{caseplan, heap, stderr};
use caseplan::demo::{DemoSpec, generate};
use caseplan::model::{CaseId, Dataset, Note, NoteId};
use caseplan::store::{ExportDocument, ExportFile, Store, StoreError};
use chrono::{NaiveDate, TimeZone, Utc};
use std::path::Path;
use std::process::Command;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A demo caseload of `cases` as an export document in `file`, with one note at the end that
/// refers to a case that does not exist when `broken`. Returns the file's size.
fn write_document(file: &Path, cases: usize, broken: bool) -> u64 {
    let mut data: Dataset = generate(&DemoSpec::new(cases, 7, today()));
    if broken {
        let mut note: Note = data.notes[0].clone();
        note.id = NoteId(4_000_000_000);
        note.case = CaseId(3_999_999_999);
        data.notes.push(note);
    }
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    std::fs::write(file, ExportDocument::new(data, at).to_json()).unwrap();
    std::fs::metadata(file).unwrap().len()
}

fn journal_bytes(data_dir: &Path) -> u64 {
    std::fs::read_dir(data_dir.join("journal"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

/// Run alone in a child process (see the test below), so no other test shares its heap.
#[test]
#[ignore]
fn import_heap_child() {
    let Ok(file) = std::env::var("CASEPLAN_TEST_IMPORT_FILE") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_on(dir.path(), today()).unwrap();
    let base = heap::start();
    let document = ExportFile::open(Path::new(&file)).unwrap();
    let err = store
        .import_file(&document, false, &mut |_| {})
        .unwrap_err();
    let peak = heap::peak_above(base);
    assert!(matches!(err, StoreError::Invalid { total: 1, .. }), "{err}");
    assert!(store.is_empty());
    println!("heap-peak {peak}");
}

/// The most the heap held while a document of `cases` cases was imported in a child process,
/// and the document's size. Every record is read, checked and put in the journal before the
/// broken reference at the end is found: the whole read, none of the writing to the database.
fn import_heap_peak(cases: usize) -> (u64, u64) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("caseload.json");
    let size = write_document(&file, cases, true);
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "import::import_heap_child",
            "--ignored",
            "--nocapture",
        ])
        .env("CASEPLAN_TEST_IMPORT_FILE", &file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", stderr(&out));
    let peak = said
        .lines()
        .find_map(|l| l.strip_prefix("heap-peak "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no heap-peak line: {said}"));
    (peak, size)
}

#[test]
fn an_import_reads_its_document_record_by_record_never_all_of_it() {
    let (small, _) = import_heap_peak(200);
    let (large, size) = import_heap_peak(800);
    // Holding the text alone would take `size`, and four times the caseload four times the
    // memory. What is held is one part of the journal and the ids the check keeps.
    assert!(
        large < size / 2,
        "the import held {large} bytes for a {size}-byte document"
    );
    assert!(
        large < small * 2,
        "four times the caseload took {large} bytes where one took {small}"
    );
}

#[test]
fn a_refused_import_leaves_the_journal_and_the_database_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("caseload.json");
    write_document(&file, 20, true);
    let first = caseplan(&data, &["case", "add", "Anna Holm"]);
    assert!(first.status.success(), "{}", stderr(&first));
    // The day's backup is written (and the journal starts a new file) by the first write of
    // the day, before the import.
    let second = caseplan(&data, &["case", "add", "Bo Holm"]);
    assert!(second.status.success(), "{}", stderr(&second));
    let journal = journal_bytes(&data);
    let out = caseplan(&data, &["import", "--replace", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("note 4000000000: refers to case 3999999999, which does not exist"),
        "{err}"
    );
    assert_eq!(journal_bytes(&data), journal, "the journal was cut back");
    let store = Store::open_on(&data, today()).unwrap();
    assert_eq!(store.counts().iter().map(|(_, n)| n).sum::<usize>(), 2);
}

#[test]
fn an_import_is_journalled_and_a_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("caseload.json");
    write_document(&file, 20, false);
    let expected = ExportDocument::from_json(&std::fs::read_to_string(&file).unwrap())
        .unwrap()
        .data;
    let out = caseplan(&data, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("imported {} records", expected.record_count())),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        Store::open_on(&data, today()).unwrap().export().unwrap(),
        expected
    );
    // Without a backup, the journal alone holds the import.
    std::fs::remove_dir_all(data.join("db")).unwrap();
    std::fs::remove_dir_all(data.join("backups")).unwrap();
    let out = caseplan(&data, &["restore"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        Store::open_on(&data, today()).unwrap().export().unwrap(),
        expected
    );
}

#[test]
fn the_head_may_follow_the_records_and_a_broken_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("caseload.json");
    write_document(&file, 3, false);
    let text = std::fs::read_to_string(&file).unwrap();
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Keys sorted (as `jq -S` writes them): "data" before "format" and "schema".
    let sorted = format!(
        "{{\"data\":{},\"exported_at\":{},\"format\":{},\"schema\":{}}}",
        document["data"], document["exported_at"], document["format"], document["schema"]
    );
    std::fs::write(&file, &sorted).unwrap();
    let store = Store::open_on(&dir.path().join("a"), today()).unwrap();
    let count = store
        .import_file(&ExportFile::open(&file).unwrap(), false, &mut |_| {})
        .unwrap();
    assert_eq!(
        count,
        ExportDocument::from_json(&text)
            .unwrap()
            .data
            .record_count()
    );
    // Cut off in the middle of a record: refused before anything is read into the database.
    std::fs::write(&file, &text[..text.len() / 2]).unwrap();
    let err = ExportFile::open(&file).unwrap_err().to_string();
    assert!(err.contains("the file is not a caseplan export"), "{err}");
    assert!(err.contains("EOF while parsing"), "{err}");
}
