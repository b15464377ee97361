//! One key on the Today list and on the caseload board at 10,000 cases, as the planner answers
//! it: the model updated through the real keymap and effect runner, and the screen drawn at
//! 120×40 into a test backend (#21: every key within one frame, 16 ms).
//!
//! `cargo bench --bench keys`. Each key is checked once, outside the timed loops, to do what it
//! says.

use caseplan::app::core::action::Named;
use caseplan::app::core::runner::Runner;
use caseplan::app::model::{Model, Screen};
use caseplan::app::{apply, keys, start};
use caseplan::context::Context;
use caseplan::demo::{DemoSpec, generate};
use caseplan::keymap::Keymap;
use caseplan::store::Store;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24 09:00";
const CASES: usize = 10_000;

/// The planner on a generated caseload, opened on Today as shipped.
struct Planner {
    _dir: tempfile::TempDir,
    store: Store,
    runner: Runner,
    model: Model,
    terminal: Terminal<TestBackend>,
}

impl Planner {
    fn new(cases: usize) -> Planner {
        let dir = tempfile::tempdir().expect("temp dir");
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
        let spec = DemoSpec::new(cases, 7, today).with_meetings_per_case_per_year(50);
        let store = Store::open(dir.path()).expect("open");
        store.import(&generate(&spec)).expect("import");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "language = \"da\"\n").expect("config");
        let ctx = Context::new(Some(dir.path()), Some(&config), Some(NOW)).expect("context");
        let keymap = Keymap::<Named>::defaults().expect("keymap");
        let model = start(&ctx, &store, keymap, false).expect("start");
        Planner {
            _dir: dir,
            store,
            runner: Runner::from_context(&ctx),
            model,
            terminal: Terminal::new(TestBackend::new(120, 40)).expect("terminal"),
        }
    }

    /// Presses one key and runs what it leads to, without drawing.
    fn press(&mut self, code: KeyCode) {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        let effects = keys::press(&mut self.model, key);
        apply(&self.runner, &self.store, &mut self.model, effects).expect("apply");
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    fn draw(&mut self) {
        let model = &self.model;
        self.terminal
            .draw(|f| caseplan::ui::draw(f, model))
            .expect("draw");
    }

    /// One key pressed and the frame after it drawn.
    fn key(&mut self, code: KeyCode) {
        self.press(code);
        self.draw();
    }

    fn board(&self) -> &caseplan::app::board::Board {
        self.model.board.as_deref().expect("the board is open")
    }

    fn today(&self) -> &caseplan::app::today::TodayScreen {
        match &self.model.screen {
            Screen::Today(today) => today,
            _ => panic!("on Today"),
        }
    }
}

/// Times `key` alone over `iters` runs, each after `before` (untimed) and followed by `after`
/// (untimed).
fn timed(
    iters: u64,
    planner: &mut Planner,
    mut before: impl FnMut(&mut Planner),
    mut key: impl FnMut(&mut Planner),
    mut after: impl FnMut(&mut Planner),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        before(planner);
        let start = Instant::now();
        key(planner);
        total += start.elapsed();
        after(planner);
    }
    total
}

fn keys_at_10000(c: &mut Criterion) {
    let mut planner = Planner::new(CASES);
    today_keys(c, &mut planner);
    board_keys(c, &mut planner);
}

fn today_keys(c: &mut Criterion, p: &mut Planner) {
    let total = p.today().list.len();
    assert!(total > 1_000, "a long Today list: {total}");
    p.key(KeyCode::Char('j'));
    assert_eq!(p.today().selected, 1, "j moves down");
    p.key(KeyCode::Char('k'));
    assert_eq!(p.today().selected, 0, "k moves up");
    let mut group = c.benchmark_group("today_keys_10000");
    // j and k in turn, so the selection stays near the top.
    let mut down = true;
    group.bench_function("j_or_k", |b| {
        b.iter(|| {
            p.key(KeyCode::Char(if down { 'j' } else { 'k' }));
            down = !down;
        })
    });
    // Deep in the list: the end, then a step up, draws a page far from the top.
    p.key(KeyCode::Char('G'));
    assert_eq!(p.today().selected, total - 1, "G goes to the last item");
    group.bench_function("k_or_j_at_the_end", |b| {
        b.iter(|| {
            p.key(KeyCode::Char(if down { 'k' } else { 'j' }));
            down = !down;
        })
    });
    p.key(KeyCode::Char('g'));
    p.key(KeyCode::Char('g'));
    assert_eq!(p.today().selected, 0, "g g goes to the first item");
    // f: the next kind of item (six kinds, then all again); each press filters the list.
    p.key(KeyCode::Char('f'));
    assert!(p.today().filter.category.is_some(), "f shows one kind");
    assert!(p.today().list.len() < total, "of fewer items");
    group.bench_function("f_next_kind", |b| b.iter(|| p.key(KeyCode::Char('f'))));
    while p.today().filter.category.is_some() {
        p.key(KeyCode::Char('f'));
    }
    // F: a name typed into the prompt; Enter filters the list by it.
    let name = "søren";
    p.press(KeyCode::Char('F'));
    p.type_text(name);
    p.key(KeyCode::Enter);
    let kept = p.today().list.len();
    assert!(kept > 0 && kept < total, "{name} keeps some items: {kept}");
    group.bench_function("F_name_enter", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                p,
                |p| {
                    p.press(KeyCode::Char('F'));
                    p.type_text(name);
                },
                |p| p.key(KeyCode::Enter),
                |_| {},
            )
        })
    });
    // One letter typed into the prompt, the list drawn behind it.
    group.bench_function("F_one_letter", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                p,
                |p| p.press(KeyCode::Char('F')),
                |p| p.key(KeyCode::Char('s')),
                |p| p.press(KeyCode::Esc),
            )
        })
    });
    group.finish();
    // Back to the whole list.
    p.press(KeyCode::Char('F'));
    p.press(KeyCode::Backspace);
    p.key(KeyCode::Enter);
    assert_eq!(p.today().list.len(), total, "the filter cleared");
}

fn board_keys(c: &mut Criterion, p: &mut Planner) {
    p.press(KeyCode::Char('g'));
    p.key(KeyCode::Char('b'));
    assert!(matches!(p.model.screen, Screen::Board), "on the board");
    let total = p.board().shown.len();
    assert!(total > 5_000, "an active caseload: {total}");
    let first = p.board().selected_row().map(|r| r.case);
    p.key(KeyCode::Char('j'));
    assert_ne!(p.board().selected_row().map(|r| r.case), first, "j moves");
    p.key(KeyCode::Char('k'));
    let mut group = c.benchmark_group("board_keys_10000");
    let mut down = true;
    group.bench_function("j_or_k", |b| {
        b.iter(|| {
            p.key(KeyCode::Char(if down { 'j' } else { 'k' }));
            down = !down;
        })
    });
    // S: the sort turned round, every row sorted again.
    let top = p.board().selected_row().map(|r| r.case);
    p.key(KeyCode::Char('S'));
    assert!(p.board().reverse, "S reverses");
    assert_ne!(
        p.board().selected_row().map(|r| r.case),
        top,
        "another case on top"
    );
    group.bench_function("S_reverse", |b| b.iter(|| p.key(KeyCode::Char('S'))));
    // s: the next of the ten columns, in turn.
    let sort = p.board().sort;
    p.key(KeyCode::Char('s'));
    assert_ne!(p.board().sort, sort, "s sorts by the next column");
    group.bench_function("s_next_column", |b| b.iter(|| p.key(KeyCode::Char('s'))));
    while p.board().sort != caseplan::query::board::Column::Name || p.board().reverse {
        p.key(KeyCode::Char('s'));
    }
    // f: the filter typed into the prompt (the typed text replaces the one shown); Enter
    // filters.
    for filter in ["soren", "gruppe:sygedagpenge"] {
        p.press(KeyCode::Char('f'));
        p.type_text(filter);
        p.key(KeyCode::Enter);
        let shown = p.board().shown.len();
        assert!(
            shown > 0 && shown < total,
            "{filter} keeps some rows: {shown}"
        );
        group.bench_function(format!("filter_{filter}_enter"), |b| {
            b.iter_custom(|iters| {
                timed(
                    iters,
                    p,
                    |p| {
                        p.press(KeyCode::Char('f'));
                        p.type_text(filter);
                    },
                    |p| p.key(KeyCode::Enter),
                    |_| {},
                )
            })
        });
    }
    group.bench_function("filter_one_letter", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                p,
                |p| p.press(KeyCode::Char('f')),
                |p| p.key(KeyCode::Char('s')),
                |p| p.press(KeyCode::Esc),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, keys_at_10000);
criterion_main!(benches);
