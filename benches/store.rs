//! Start-up and the day's agenda on generated caseloads, and saving one meeting with its flush.
//!
//! `cargo bench --bench store`. Caseloads of 50, 220 and 10,000 cases with a year of history at
//! the scale table's density (50 meetings per case per year); the agenda must not get slower
//! as history grows, so one group varies only the history.

use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::model::{Meeting, MeetingId};
use caseplan::query::agenda::agenda;
use caseplan::store::Store;
use chrono::{Duration, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// A database filled with a demo caseload, in a directory removed when the value is dropped.
fn database(cases: usize, per_case_per_year: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = DemoSpec::new(cases, 7, today()).with_meetings_per_case_per_year(per_case_per_year);
    let store = Store::open(dir.path()).expect("open");
    store.import(&generate(&spec)).expect("import");
    dir
}

fn open_and_agenda(dir: &Path) -> usize {
    let store = Store::open(dir).expect("open");
    agenda(&store, today(), today(), Lang::Da)
        .expect("agenda")
        .len()
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("open_and_load_today");
    group.sample_size(20);
    for cases in [50, 220, 10_000] {
        let dir = database(cases, 50);
        group.bench_with_input(BenchmarkId::from_parameter(cases), &dir, |b, dir| {
            b.iter(|| black_box(open_and_agenda(dir.path())))
        });
    }
    group.finish();
}

/// 220 cases whose last year repeats `years` times into the past: the same day to show, with
/// more and more history behind it. The history that went cold is moved to the archive as the
/// first writing open of a day does, and the next open writes the hot part afresh.
fn database_with_history(years: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = DemoSpec::new(220, 7, today())
        .with_meetings_per_case_per_year(50)
        .with_years(years);
    let store = Store::open(dir.path()).expect("open");
    store.import(&generate(&spec)).expect("import");
    store.archive_cold().expect("archive");
    drop(store);
    drop(Store::open(dir.path()).expect("open after the move"));
    dir
}

const HISTORY_YEARS: [u32; 4] = [1, 4, 10, 12];

fn agenda_by_history(c: &mut Criterion) {
    let dirs: Vec<(u32, tempfile::TempDir)> = HISTORY_YEARS
        .iter()
        .map(|&years| (years, database_with_history(years)))
        .collect();
    let mut group = c.benchmark_group("agenda_day_220_cases_by_years_of_history");
    for (years, dir) in &dirs {
        let store = Store::open(dir.path()).expect("open");
        group.bench_with_input(BenchmarkId::from_parameter(years), &store, |b, store| {
            b.iter(|| black_box(agenda(store, today(), today(), Lang::Da).expect("agenda")))
        });
    }
    group.finish();
    // Opening is what a command pays before it reads anything: it must not grow with history.
    let mut group = c.benchmark_group("open_220_cases_by_years_of_history");
    group.sample_size(20);
    for (years, dir) in &dirs {
        group.bench_with_input(BenchmarkId::from_parameter(years), dir, |b, dir| {
            b.iter(|| black_box(Store::open(dir.path()).expect("open").is_empty()))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("open_and_agenda_220_cases_by_years_of_history");
    group.sample_size(20);
    for (years, dir) in &dirs {
        group.bench_with_input(BenchmarkId::from_parameter(years), dir, |b, dir| {
            b.iter(|| black_box(open_and_agenda(dir.path())))
        });
    }
    group.finish();
}

/// Saving one meeting: the journal's line and its flush, then the transaction and sled's flush.
/// Once on the disk, once in memory (`/dev/shm`), where a flush costs next to nothing, so what
/// is left is the work of the write itself.
fn save_one_meeting(c: &mut Criterion) {
    let disk = database(220, 50);
    save_one_meeting_in(c, disk.path(), "save_one_meeting_with_flush_220_cases");
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let memory = tempfile::tempdir_in(shm).expect("temp dir in /dev/shm");
        copy_database(disk.path(), memory.path());
        save_one_meeting_in(c, memory.path(), "save_one_meeting_in_memory_220_cases");
    }
}

fn copy_database(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_database(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn save_one_meeting_in(c: &mut Criterion, dir: &Path, name: &str) {
    let store = Store::open(dir).expect("open");
    let mut meeting: Meeting = store
        .meetings_between(
            today().and_hms_opt(0, 0, 0).expect("midnight"),
            (today() + Duration::days(7))
                .and_hms_opt(0, 0, 0)
                .expect("midnight"),
        )
        .expect("meetings")
        .into_iter()
        .find(|m| m.repeat.is_none())
        .expect("a meeting this week");
    meeting.id = MeetingId(store.next_id().expect("id"));
    c.bench_function(name, |b| {
        b.iter(|| {
            meeting.start += Duration::minutes(15);
            store.put(black_box(&meeting)).expect("put");
        })
    });
}

criterion_group!(benches, startup, agenda_by_history, save_one_meeting);
criterion_main!(benches);
