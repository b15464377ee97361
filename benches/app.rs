//! The planner's first frame and its keystrokes on generated caseloads, without a terminal:
//! open the database, build the model, draw at 120×40 into a test backend. `first_frame/drawn`
//! is what the planner's first frame waits for (the Today list and the workload gauge are read
//! beside it, #21); `first_frame/with_list` reads them first, as the first frame did before.
//!
//! `cargo bench --bench app -- first_frame`. The keystrokes are checked once, outside the timed loops, to do
//! what they say.

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

/// Opens, reads and draws the first frame; with `list`, the Today list and the gauge are read
/// before it.
fn first_frame(dir: &Path, list: bool) -> usize {
    let ctx = context(dir);
    let store = Store::open(dir).expect("open");
    let keymap = Keymap::<Named>::defaults().expect("keymap");
    let model = match list {
        true => start(&ctx, &store, keymap, false).expect("start"),
        false => {
            caseplan::app::first_frame(&ctx, &store, keymap, false)
                .expect("first frame")
                .0
        }
    };
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
        for (name, list) in [("drawn", false), ("with_list", true)] {
            group.bench_with_input(BenchmarkId::new(name, cases), &dir, |b, dir| {
                b.iter(|| black_box(first_frame(dir.path(), list)))
            });
        }
    }
    group.finish();
}

/// Presses `keys` and runs their effects, then draws.
fn press_and_draw(
    keys_: &str,
    model: &mut caseplan::app::model::Model,
    runner: &Runner,
    store: &Store,
    terminal: &mut Terminal<TestBackend>,
) {
    for c in keys_.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let effects = keys::press(model, key);
        apply(runner, store, model, effects).expect("apply");
    }
    terminal
        .draw(|f| caseplan::ui::draw(f, model))
        .expect("draw");
}

/// The selected meeting's start and length, as the model holds it.
fn selected(model: &caseplan::app::model::Model) -> (chrono::NaiveDateTime, u32) {
    let sel = model.selected.as_ref().expect("a meeting selected");
    let minutes = model
        .window
        .meetings
        .iter()
        .find(|m| m.id == sel.meeting)
        .expect("the selected meeting in the window")
        .minutes;
    (sel.start, minutes)
}

/// Calendar keys on the day view: the planner starts on Today, where `l`, `J` and `+` mean
/// nothing, so each caseload first goes to the calendar (`g c`) and selects a meeting (`j`),
/// and every key pair is checked once, outside the timed loop, to do what it says. Moves are
/// timed on today and on tomorrow (where the next-meeting line is not the window's).
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
        let m = &mut model;
        let t = &mut terminal;
        press_and_draw("gc", m, &runner, &store, t);
        assert!(
            matches!(m.screen, caseplan::app::model::Screen::Calendar) && m.popup.is_none(),
            "on the calendar"
        );
        let day = m.day;
        press_and_draw("l", m, &runner, &store, t);
        assert!(m.day > day, "l goes to the next day");
        press_and_draw("h", m, &runner, &store, t);
        assert_eq!(m.day, day, "h comes back");
        // Next day and back: loads a window and draws it.
        group.bench_function(BenchmarkId::new("next_day_and_draw", cases), |b| {
            b.iter(|| {
                press_and_draw("l", m, &runner, &store, t);
                press_and_draw("h", m, &runner, &store, t);
            })
        });
        assert_eq!(m.day, day, "back on the first day");
        // Coming back to a day selects its first meeting; take the second.
        press_and_draw("j", m, &runner, &store, t);
        let (at, minutes) = selected(m);
        press_and_draw("J", m, &runner, &store, t);
        let later = at + chrono::Duration::minutes(15);
        assert_eq!(selected(m).0, later, "J moves later");
        press_and_draw("K", m, &runner, &store, t);
        assert_eq!(selected(m).0, at, "K moves back");
        // Move the selected meeting 15 minutes later and back: two writes with their flush,
        // reloads, draws.
        group.bench_function(BenchmarkId::new("move_meeting_and_draw", cases), |b| {
            b.iter(|| {
                press_and_draw("J", m, &runner, &store, t);
                press_and_draw("K", m, &runner, &store, t);
            })
        });
        assert_eq!(selected(m), (at, minutes), "the same meeting, where it was");
        press_and_draw("+", m, &runner, &store, t);
        assert_eq!(selected(m).1, minutes + 15, "+ makes it longer");
        press_and_draw("-", m, &runner, &store, t);
        assert_eq!(selected(m).1, minutes, "- makes it shorter again");
        // 15 minutes longer and shorter again.
        group.bench_function(BenchmarkId::new("resize_meeting_and_draw", cases), |b| {
            b.iter(|| {
                press_and_draw("+", m, &runner, &store, t);
                press_and_draw("-", m, &runner, &store, t);
            })
        });
        assert_eq!(
            selected(m),
            (at, minutes),
            "the same meeting, as long as it was"
        );
        // The same move on tomorrow's crowded day: today's next-meeting line is not on screen,
        // and a move there leaves it as it is (#21).
        press_and_draw("lj", m, &runner, &store, t);
        assert_eq!(m.day, day + chrono::Duration::days(1), "tomorrow");
        let (at, _) = selected(m);
        press_and_draw("J", m, &runner, &store, t);
        assert_eq!(
            selected(m).0,
            at + chrono::Duration::minutes(15),
            "J moves later"
        );
        press_and_draw("K", m, &runner, &store, t);
        group.bench_function(BenchmarkId::new("move_tomorrow_and_draw", cases), |b| {
            b.iter(|| {
                press_and_draw("J", m, &runner, &store, t);
                press_and_draw("K", m, &runner, &store, t);
            })
        });
        assert_eq!(selected(m).0, at, "where it was");
    }
    group.finish();
}

criterion_group!(benches, startup, keystrokes);
criterion_main!(benches);
