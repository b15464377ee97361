//! The planner's first frame and its keystrokes on generated caseloads, without a terminal:
//! open the database, build the model, draw at 120×40 into a test backend.
//!
//! `cargo bench --bench app`.

use caseplan::app::core::action::Named;
use caseplan::app::core::runner::Runner;
use caseplan::app::{apply, keys, start};
use caseplan::context::Context;
use caseplan::demo::{DemoSpec, generate};
use caseplan::keymap::Keymap;
use caseplan::store::Store;
use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::path::Path;

const NOW: &str = "2026-11-24 09:00";

fn database(cases: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let spec = DemoSpec::new(cases, 7, today).with_meetings_per_case_per_year(50);
    Store::open(dir.path())
        .expect("open")
        .import(&generate(&spec))
        .expect("import");
    std::fs::write(dir.path().join("config.toml"), "language = \"da\"\n").expect("config");
    dir
}

fn context(dir: &Path) -> Context {
    Context::new(Some(dir), Some(&dir.join("config.toml")), Some(NOW)).expect("context")
}

fn first_frame(dir: &Path) -> usize {
    let ctx = context(dir);
    let store = Store::open(dir).expect("open");
    let keymap = Keymap::<Named>::defaults().expect("keymap");
    let model = start(&ctx, &store, keymap, false).expect("start");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| caseplan::ui::draw(f, &model))
        .expect("draw");
    model.window.meetings.len()
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(20);
    for cases in [50, 220, 10_000] {
        let dir = database(cases);
        group.bench_with_input(BenchmarkId::from_parameter(cases), &dir, |b, dir| {
            b.iter(|| black_box(first_frame(dir.path())))
        });
    }
    group.finish();
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for cases in [50, 220, 10_000] {
        let dir = database(cases);
        let ctx = context(dir.path());
        let store = Store::open(dir.path()).expect("open");
        let keymap = Keymap::<Named>::defaults().expect("keymap");
        let mut model = start(&ctx, &store, keymap, false).expect("start");
        let runner = Runner::from_context(&ctx);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        // Next day and back: loads a window and draws it.
        group.bench_function(BenchmarkId::new("next_day_and_draw", cases), |b| {
            b.iter(|| {
                for c in ['l', 'h'] {
                    let effects = keys::press(&mut model, key(c));
                    apply(&runner, &store, &mut model, effects).expect("apply");
                    terminal
                        .draw(|f| caseplan::ui::draw(f, &model))
                        .expect("draw");
                }
            })
        });
        // Move the selected meeting 15 minutes later: a write with its flush, a reload, a draw.
        group.bench_function(BenchmarkId::new("move_meeting_and_draw", cases), |b| {
            b.iter(|| {
                for c in ['J', 'K'] {
                    let effects = keys::press(&mut model, key(c));
                    apply(&runner, &store, &mut model, effects).expect("apply");
                    terminal
                        .draw(|f| caseplan::ui::draw(f, &model))
                        .expect("draw");
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, startup, keystrokes);
criterion_main!(benches);
