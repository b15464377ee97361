//! Building the caseload board (one row per active case, each read through its own indexes)
//! on generated caseloads of 50, 220 and 10,000 cases.
//!
//! `cargo bench --bench board`.

use caseplan::config::Config;
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::query::board::{BoardParams, Column, board, order, sort};
use caseplan::query::board_filter::BoardFilter;
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::NaiveDate;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
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

/// What a key on the board costs at 10,000 cases once the rows are loaded: sorting by each
/// column (the rows themselves, and their indexes as the board screen does), and filtering by
/// a word (the filter line re-runs when it is answered). `--bench keys` times the same keys
/// pressed on the planner and drawn.
fn sort_and_filter(c: &mut Criterion) {
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
    let (_dir, store) = database(10_000, today);
    let rows = board(&store, &params).expect("board");
    assert!(rows.len() > 5_000, "an active caseload");
    let mut group = c.benchmark_group("board_10000_rows");
    for column in [Column::Name, Column::WhereNow, Column::SinceContact] {
        // Each sort starts from the rows as loaded (by name), as a new sort column does.
        group.bench_function(format!("sort_{column:?}"), |b| {
            b.iter_batched(
                || rows.clone(),
                |mut rows| sort(black_box(&mut rows), column, false),
                BatchSize::LargeInput,
            )
        });
    }
    // What the board screen does on a sort key: the rows stay, their indexes are ordered.
    for column in [Column::Name, Column::WhereNow, Column::SinceContact] {
        group.bench_function(format!("order_{column:?}"), |b| {
            b.iter(|| black_box(order(black_box(&rows), column, false)))
        });
    }
    for text in ["soren", "gruppe:sygedagpenge", "flag:sos"] {
        let filter = BoardFilter::parse(text).expect("a filter");
        let shown = rows.iter().filter(|r| filter.matches(r)).count();
        assert!(
            shown > 0 && shown < rows.len(),
            "{text} keeps some rows: {shown}"
        );
        group.bench_function(format!("filter_{text}"), |b| {
            b.iter(|| black_box(rows.iter().filter(|r| filter.matches(r)).count()))
        });
    }
    group.finish();
}

criterion_group!(benches, build, sort_and_filter);
criterion_main!(benches);
