//! Building the caseload board (one row per active case, each read through its own indexes)
//! on generated caseloads of 50, 220 and 10,000 cases.
//!
//! `cargo bench --bench board`.

use caseplan::config::Config;
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::query::board::{BoardParams, board};
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn database(cases: usize, today: NaiveDate) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = DemoSpec::new(cases, 7, today).with_meetings_per_case_per_year(50);
    let store = Store::open(dir.path()).expect("open");
    store.import(&generate(&spec)).expect("import");
    (dir, store)
}

fn build(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let config = Config::default();
    let params = BoardParams {
        now: today.and_hms_opt(9, 0, 0).expect("a time"),
        zone: Zone::copenhagen(),
        lang: Lang::Da,
        medical: config.medical.clone(),
        cadence: config.cadence.clone(),
        group_labels: Vec::new(),
    };
    let mut group = c.benchmark_group("board");
    group.sample_size(10);
    for cases in [50, 220, 10_000] {
        let (_dir, store) = database(cases, today);
        group.bench_with_input(BenchmarkId::from_parameter(cases), &store, |b, store| {
            b.iter(|| black_box(board(store, &params).expect("board").len()))
        });
    }
    group.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
