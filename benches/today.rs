//! Building the Today list (due index, per-case cadence and contact) on generated caseloads.
//!
//! `cargo bench --bench today -- today_list/10000`: a load is imported once, and only for the
//! benches the filter picks.

#[path = "common/loads.rs"]
mod loads;

use caseplan::config::Config;
use caseplan::query::today::{default_until, today_list};
use caseplan::time::Zone;
use criterion::{BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;

fn today_list_bench(c: &mut Criterion) {
    let today = loads::today();
    let now = today.and_hms_opt(10, 0, 0).expect("a time");
    let config = Config::default();
    let zone = Zone::copenhagen();
    let mut group = c.benchmark_group("today_list");
    group.sample_size(10);
    for cases in [50, 220, 10_000] {
        group.bench_function(BenchmarkId::from_parameter(cases), |b| {
            let load = loads::load(cases);
            b.iter(|| {
                let list = today_list(&load.store, &config, &zone, now, default_until(today))
                    .expect("list");
                black_box(list.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, today_list_bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    loads::remove_all();
}
