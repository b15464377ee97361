//! The week planner's solver (#18) on generated weeks: 50 and 220 cases, 60 % of the working
//! week already booked. Prints the share of cadence-due citizens placed by their due day.
//!
//! `cargo bench --bench plan`.

use caseplan::domain::plan::{plan, sample};
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn plan_bench(c: &mut Criterion) {
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date");
    let mut group = c.benchmark_group("plan_week");
    group.sample_size(20);
    for cases in [50, 220] {
        let input = sample::week(monday, cases, 60, 7);
        let result = plan(&input);
        let (placed, total) = result.cadence_on_time();
        println!(
            "plan_week/{cases}: {} needs, {} proposals, {} without room; cadence-due placed by \
             the due day: {placed} of {total} ({:.0} %)",
            input.needs.len(),
            result.proposals.len(),
            result.unplaced.len(),
            100.0 * placed as f64 / total.max(1) as f64
        );
        group.bench_with_input(BenchmarkId::from_parameter(cases), &input, |b, input| {
            b.iter(|| black_box(plan(input).proposals.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, plan_bench);
criterion_main!(benches);
