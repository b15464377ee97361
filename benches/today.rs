//! Building the Today list (due index, per-case cadence and contact) on generated caseloads.
//!
//! `cargo bench --bench today`.

use caseplan::config::Config;
use caseplan::demo::{DemoSpec, generate};
use caseplan::query::today::{default_until, today_list};
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn today_list_bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let now = today.and_hms_opt(10, 0, 0).expect("a time");
    let config = Config::default();
    let zone = Zone::copenhagen();
    let mut group = c.benchmark_group("today_list");
    group.sample_size(10);
    for cases in [50, 220, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec = DemoSpec::new(cases, 7, today).with_meetings_per_case_per_year(50);
        let store = Store::open(dir.path()).expect("open");
        store.import(&generate(&spec)).expect("import");
        group.bench_with_input(BenchmarkId::from_parameter(cases), &store, |b, store| {
            b.iter(|| {
                let list =
                    today_list(store, &config, &zone, now, default_until(today)).expect("list");
                black_box(list.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, today_list_bench);
criterion_main!(benches);
