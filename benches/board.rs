//! Building the caseload board (one row per active case, each read through its own indexes)
//! on generated caseloads of 50, 220 and 10,000 cases.
//!
//! `cargo bench --bench board -- board/10000`: a load is imported once, and only for the
//! benches the filter picks.

#[path = "common/loads.rs"]
mod loads;

use caseplan::config::Config;
use caseplan::i18n::Lang;
use caseplan::query::board::{BoardParams, BoardRow, Column, board, order, sort};
use caseplan::query::board_filter::BoardFilter;
use caseplan::time::Zone;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;
use std::sync::OnceLock;

fn params() -> BoardParams {
    let config = Config::default();
    BoardParams {
        now: loads::today().and_hms_opt(9, 0, 0).expect("a time"),
        zone: Zone::copenhagen(),
        lang: Lang::Da,
        medical: config.medical.clone(),
        cadence: config.cadence.clone(),
        group_labels: Vec::new(),
    }
}

fn build(c: &mut Criterion) {
    let params = params();
    let mut group = c.benchmark_group("board");
    group.sample_size(10);
    for cases in [50, 220, 10_000] {
        group.bench_function(BenchmarkId::from_parameter(cases), |b| {
            let load = loads::load(cases);
            b.iter(|| black_box(board(&load.store, &params).expect("board").len()))
        });
    }
    group.finish();
}

/// What a key on the board costs at 10,000 cases once the rows are loaded: sorting by each
/// column (the rows themselves, and their indexes as the board screen does), and filtering by
/// a word (the filter line re-runs when it is answered). `--bench keys` times the same keys
/// pressed on the planner and drawn.
fn sort_and_filter(c: &mut Criterion) {
    // The rows of 10,000 cases, read on the first bench the filter picks.
    let loaded = OnceLock::new();
    let rows = || -> &Vec<BoardRow> {
        loaded.get_or_init(|| {
            let rows = board(&loads::load(10_000).store, &params()).expect("board");
            assert!(rows.len() > 5_000, "an active caseload");
            rows
        })
    };
    let mut group = c.benchmark_group("board_10000_rows");
    for column in [Column::Name, Column::WhereNow, Column::SinceContact] {
        // Each sort starts from the rows as loaded (by name), as a new sort column does.
        group.bench_function(format!("sort_{column:?}"), |b| {
            let rows = rows();
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
            let rows = rows();
            b.iter(|| black_box(order(black_box(rows), column, false)))
        });
    }
    for text in ["soren", "gruppe:sygedagpenge", "flag:sos"] {
        let filter = BoardFilter::parse(text).expect("a filter");
        group.bench_function(format!("filter_{text}"), |b| {
            let rows = rows();
            let shown = rows.iter().filter(|r| filter.matches(r)).count();
            assert!(
                shown > 0 && shown < rows.len(),
                "{text} keeps some rows: {shown}"
            );
            b.iter(|| black_box(rows.iter().filter(|r| filter.matches(r)).count()))
        });
    }
    group.finish();
}

criterion_group!(benches, build, sort_and_filter);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    loads::remove_all();
}
