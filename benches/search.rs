//! One finder keystroke (query → ranked results) over demo caseloads of 50, 220 and 10,000
//! cases (10,000 cases come with 10,000 contacts) at the scale table's density (50 meetings per
//! case per year: the index holds 56 days of them), building the index, and one case card.
//!
//! `cargo bench --bench search`. Targets (#21): the index built from the store's search facts
//! within 10 ms at 220 cases and 50 ms at 10,000; a keystroke within a frame (16 ms) at 10,000.
//! `search_build_cases` is the cases-only index `caseplan card NAME` resolves a name with.

use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::model::{Case, CaseId};
use caseplan::query::card::card;
use caseplan::search::{Filter, SearchIndex, phone_digits};
use caseplan::store::Store;
use caseplan::time::Zone;
use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [usize; 3] = [50, 220, 10_000];
const LIMIT: usize = 50;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// A store filled with a demo caseload, in a directory removed when the value is dropped.
fn database(cases: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    store
        .import(&generate(
            &DemoSpec::new(cases, 7, today()).with_meetings_per_case_per_year(50),
        ))
        .expect("import");
    (dir, store)
}

/// The digits a caller's number would be typed with: the middle case's first phone.
fn a_phone(store: &Store) -> String {
    let cases = store.all::<Case>().expect("cases");
    let with_phone: Vec<&Case> = cases.iter().filter(|c| !c.phones.is_empty()).collect();
    let number = &with_phone[with_phone.len() / 2].phones[0].number;
    let digits = phone_digits(number);
    format!(
        "{} {} {} {}",
        &digits[0..2],
        &digits[2..4],
        &digits[4..6],
        &digits[6..]
    )
}

fn lookup(c: &mut Criterion) {
    let stores: Vec<(usize, tempfile::TempDir, Store)> = SIZES
        .iter()
        .map(|&n| {
            let (dir, store) = database(n);
            (n, dir, store)
        })
        .collect();

    let mut build = c.benchmark_group("search_build");
    build.sample_size(10);
    for (n, _, store) in &stores {
        build.bench_with_input(BenchmarkId::from_parameter(n), store, |b, store| {
            b.iter(|| black_box(SearchIndex::build(store, today(), Lang::Da).expect("build")))
        });
    }
    build.finish();

    let mut cases_only = c.benchmark_group("search_build_cases");
    cases_only.sample_size(10);
    for (n, _, store) in &stores {
        cases_only.bench_with_input(BenchmarkId::from_parameter(n), store, |b, store| {
            b.iter(|| black_box(SearchIndex::of_cases(store).expect("build")))
        });
    }
    cases_only.finish();

    let mut keystroke = c.benchmark_group("search_keystroke");
    for (n, _, store) in &stores {
        let index = SearchIndex::build(store, today(), Lang::Da).expect("build");
        let phone = a_phone(store);
        for (name, query) in [
            ("sor", "sor"),
            ("soeren_oe", "soeren oe"),
            ("phone", &phone),
        ] {
            keystroke.bench_with_input(BenchmarkId::new(name, n), &index, |b, index| {
                b.iter(|| black_box(index.search(query, Filter::default(), LIMIT)))
            });
        }
    }
    keystroke.finish();

    let (_, _, big) = stores.last().expect("the 10,000 store");
    let zone = Zone::copenhagen();
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("now");
    let config = caseplan::config::Config::default();
    let mut card_group = c.benchmark_group("case_card");
    card_group.bench_function("10000", |b| {
        b.iter(|| black_box(card(big, CaseId(5_000), &config, &zone, now).expect("card")))
    });
    card_group.finish();
}

criterion_group!(benches, lookup);
criterion_main!(benches);
