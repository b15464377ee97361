//! Screens drawn on a test backend from the demo caseload with a frozen clock.

use caseplan::app::action::Named;
use caseplan::app::model::Model;
use caseplan::context::Context;
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::keymap::Keymap;
use caseplan::store::Store;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    model: Model,
}

fn fixture(lang: Lang, demo: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    if demo {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        store
            .import(&generate(&DemoSpec::new(50, 1, today)))
            .unwrap();
    }
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let mut ctx = Context::new(Some(&data), Some(&config), Some("2026-11-24 09:00")).unwrap();
    ctx.config.language = Some(lang);
    let keymap = Keymap::defaults(&Named::names()).unwrap();
    let model = caseplan::app::start(&ctx, &store, keymap, false).unwrap();
    Fixture {
        _dir: dir,
        store,
        model,
    }
}

impl Fixture {
    fn key(&mut self, key: KeyEvent) {
        let effects = caseplan::app::keys::press(&mut self.model, key);
        caseplan::app::runner::apply(&self.store, &mut self.model, effects).unwrap();
    }

    /// Types keys written as in a keymap file, separated by spaces ("j j w"); text typed
    /// into a field is given with `text`.
    fn keys(&mut self, keys: &str) {
        for key in caseplan::keymap::parse_sequence(keys).unwrap() {
            self.key(KeyEvent::new(key.code, key.modifiers));
        }
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn draw(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| caseplan::ui::draw(f, &self.model))
            .unwrap();
        terminal
    }
}

/// The screen's text, one line per row.
fn screen(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

fn snap(name: &str, terminal: &Terminal<TestBackend>) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, terminal.backend());
    });
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da",
        Lang::En => "en",
    }
}

#[test]
fn day_view() {
    for lang in [Lang::Da, Lang::En] {
        let f = fixture(lang, true);
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("day_{}_{w}x{h}", lang_code(lang)), &f.draw(w, h));
        }
    }
}

#[test]
fn week_view() {
    for lang in [Lang::Da, Lang::En] {
        let mut f = fixture(lang, true);
        f.keys("w");
        for (w, h) in [(80, 24), (120, 40)] {
            snap(&format!("week_{}_{w}x{h}", lang_code(lang)), &f.draw(w, h));
        }
    }
}
