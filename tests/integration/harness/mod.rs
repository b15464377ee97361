//! The planner without a terminal, for flow and screen tests: keys go through the real keymap,
//! `update` and the effect runner against a store in a temporary directory, with the clock
//! frozen at Tuesday 24 November 2026 09:00.
#![allow(dead_code)]

use caseplan::app::core::action::Named;
use caseplan::app::core::effect::Effect;
use caseplan::app::core::runner::Runner;
use caseplan::app::keys;
use caseplan::app::model::Model;
use caseplan::context::Context;
use caseplan::demo::{DemoSpec, generate};
use caseplan::i18n::Lang;
use caseplan::keymap::{KeyPress, Keymap, parse_sequence};
use caseplan::model::{Meeting, MeetingId, MeetingStatus};
use caseplan::store::Store;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

pub const NOW: &str = "2026-11-24 09:00";

pub struct App {
    _dir: tempfile::TempDir,
    pub store: Store,
    pub model: Model,
    /// The effect runner, with the configuration the planner was started with.
    pub runner: Runner,
    /// The reads the planner runs beside its first frame, not yet arrived ([`App::first_frame`]).
    pub later: Vec<Effect>,
}

impl App {
    /// The planner on the 50-case demo caseload, in English.
    pub fn demo() -> App {
        App::demo_in(Lang::En)
    }

    pub fn demo_in(lang: Lang) -> App {
        App::with_lang(lang, |store, today| {
            store
                .import(&generate(
                    &DemoSpec::new(50, 1, today).at_time(at(NOW).time()),
                ))
                .unwrap();
        })
    }

    /// The planner in English on a store `fill` writes first.
    pub fn with(fill: impl FnOnce(&Store, NaiveDate)) -> App {
        App::with_lang(Lang::En, fill)
    }

    pub fn with_lang(lang: Lang, fill: impl FnOnce(&Store, NaiveDate)) -> App {
        App::starting_on("calendar", lang, fill)
    }

    /// The planner on the demo caseload opening on the Today screen, as shipped.
    pub fn demo_today(lang: Lang) -> App {
        App::starting_on("today", lang, |store, today| {
            store
                .import(&generate(
                    &DemoSpec::new(50, 1, today).at_time(at(NOW).time()),
                ))
                .unwrap();
        })
    }

    /// The planner opening on `start_screen` ("calendar" or "today").
    pub fn starting_on(
        start_screen: &str,
        lang: Lang,
        fill: impl FnOnce(&Store, NaiveDate),
    ) -> App {
        App::configured(start_screen, lang, "", fill)
    }

    /// Like [`App::starting_on`], with `more` (TOML) at the end of the configuration.
    pub fn configured(
        start_screen: &str,
        lang: Lang,
        more: &str,
        fill: impl FnOnce(&Store, NaiveDate),
    ) -> App {
        App::configured_at(start_screen, lang, more, None, NOW, fill)
    }

    /// [`App::configured`] with, if given, a keymap file's text merged over the defaults.
    pub fn configured_with(
        start_screen: &str,
        lang: Lang,
        more: &str,
        keymap: Option<&str>,
        fill: impl FnOnce(&Store, NaiveDate),
    ) -> App {
        App::configured_at(start_screen, lang, more, keymap, NOW, fill)
    }

    /// [`App::configured_with`] with the clock frozen at `now` ("YYYY-MM-DD HH:MM").
    pub fn configured_at(
        start_screen: &str,
        lang: Lang,
        more: &str,
        keymap: Option<&str>,
        now: &str,
        fill: impl FnOnce(&Store, NaiveDate),
    ) -> App {
        let mut app = App::built(start_screen, lang, more, keymap, now, fill);
        let later = std::mem::take(&mut app.later);
        app.apply(later);
        app
    }

    /// The planner opening on Today as its first frame shows it: the list (and the workload
    /// gauge) still being read, in [`App::later`] until [`App::arrive`].
    pub fn first_frame(lang: Lang, fill: impl FnOnce(&Store, NaiveDate)) -> App {
        App::built("today", lang, "", None, NOW, fill)
    }

    /// The reads the planner ran beside its first frame arrive.
    pub fn arrive(&mut self) {
        let later = std::mem::take(&mut self.later);
        assert!(!later.is_empty(), "nothing was being read");
        for effect in later {
            let action = self.runner.run(&self.store, effect).unwrap();
            let effects = caseplan::app::dispatch::update(&mut self.model, action);
            self.apply(effects);
        }
    }

    fn built(
        start_screen: &str,
        lang: Lang,
        more: &str,
        keymap: Option<&str>,
        now: &str,
        fill: impl FnOnce(&Store, NaiveDate),
    ) -> App {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let code = match lang {
            Lang::Da => "da",
            Lang::En => "en",
        };
        // The flow and snapshot tests start on the calendar; Today's own tests start on Today.
        std::fs::write(
            &config,
            format!("language = \"{code}\"\n[today]\nstart_screen = \"{start_screen}\"\n{more}"),
        )
        .unwrap();
        let ctx = Context::new(Some(dir.path()), Some(&config), Some(now)).unwrap();
        let store = Store::open(dir.path()).unwrap();
        fill(&store, ctx.today());
        let keymap = match keymap {
            Some(text) => Keymap::<Named>::load(
                caseplan::keymap::DEFAULT_KEYMAP,
                Some((std::path::Path::new("test-keymap.toml"), text)),
            )
            .unwrap(),
            None => Keymap::<Named>::defaults().unwrap(),
        };
        let (model, later) = caseplan::app::first_frame(&ctx, &store, keymap, false).unwrap();
        assert_eq!(model.lang, lang);
        App {
            _dir: dir,
            store,
            model,
            runner: Runner::from_context(&ctx),
            later,
        }
    }

    /// Presses keys written in keymap syntax, space-separated: "j j K", "s x", "ctrl-r".
    pub fn keys(&mut self, keys: &str) {
        for key in parse_sequence(keys).unwrap() {
            self.press(key);
        }
    }

    /// Types text into the open field, character by character.
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyPress::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    /// A key event as the terminal reports it, before any normalising.
    pub fn event(&mut self, event: KeyEvent) {
        let effects = keys::press(&mut self.model, event);
        self.apply(effects);
    }

    /// Text pasted with bracketed paste, as the terminal delivers it.
    pub fn paste(&mut self, text: &str) {
        let effects = keys::paste(&mut self.model, text);
        self.apply(effects);
    }

    /// The clock moves on to `now` ("YYYY-MM-DD HH:MM"), as the app loop's tick does.
    pub fn tick(&mut self, now: &str) {
        let effects = caseplan::app::dispatch::update(
            &mut self.model,
            caseplan::app::core::action::Action::Tick(at(now)),
        );
        self.apply(effects);
    }

    /// The configuration file the planner was started with.
    pub fn config_path(&self) -> std::path::PathBuf {
        self._dir.path().join("config.toml")
    }

    pub fn press(&mut self, key: KeyPress) {
        let effects = keys::press(&mut self.model, KeyEvent::new(key.code, key.modifiers));
        self.apply(effects);
    }

    /// Runs effects as the app loop does, and everything they lead to.
    pub fn apply(&mut self, effects: Vec<Effect>) {
        caseplan::app::apply(&self.runner, &self.store, &mut self.model, effects).unwrap();
    }

    pub fn stored(&self, id: MeetingId) -> Option<Meeting> {
        self.store.get::<Meeting>(id).unwrap()
    }

    pub fn selected(&self) -> Meeting {
        self.model
            .selected_meeting()
            .expect("a selected meeting")
            .0
            .clone()
    }

    /// Selects the first single (not repeating) meeting with a case on the focused day.
    pub fn select_a_case_meeting(&mut self) -> Meeting {
        for _ in 0..20 {
            self.keys("j");
            let m = self.selected();
            if m.case.is_some() && m.repeat.is_none() && m.status == MeetingStatus::Planned {
                return m;
            }
        }
        panic!("no planned case meeting on {}", self.model.day);
    }

    pub fn status(&self) -> String {
        self.model
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    pub fn meetings_on(&self, day: NaiveDate) -> Vec<Meeting> {
        self.store
            .meetings_between(
                day.and_time(NaiveTime::MIN),
                (day + Duration::days(1)).and_time(NaiveTime::MIN),
            )
            .unwrap()
    }

    /// The screen drawn at `width`×`height`.
    pub fn draw(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| caseplan::ui::draw(f, &self.model))
            .unwrap();
        terminal
    }

    /// The screen's text at `width`×`height`, one line per row.
    pub fn screen(&self, width: u16, height: u16) -> Vec<String> {
        screen(&self.draw(width, height))
    }

    /// The column and row where `text` starts on the screen drawn at `width`×`height`.
    pub fn spot(&self, text: &str, width: u16, height: u16) -> (u16, u16) {
        let terminal = self.draw(width, height);
        let buf = terminal.backend().buffer();
        for y in 0..height {
            let mut line = String::new();
            let mut starts = Vec::new();
            for x in 0..width {
                starts.push((line.len(), x));
                line.push_str(buf[(x, y)].symbol());
            }
            if let Some(at) = line.find(text) {
                let x = starts
                    .iter()
                    .rev()
                    .find(|(start, _)| *start <= at)
                    .unwrap()
                    .1;
                return (x, y);
            }
        }
        panic!(
            "no {text:?} on the screen:\n{}",
            screen(&terminal).join("\n")
        );
    }

    /// A mouse event where the screen drawn at `width`×`height` shows `text`, as the planner's
    /// loop hands it on.
    pub fn mouse_on(&mut self, kind: MouseEventKind, text: &str, width: u16, height: u16) {
        let (column, row) = self.spot(text, width, height);
        self.mouse(kind, column, row);
    }

    /// A mouse event at `column`, `row` of the last screen drawn.
    pub fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) {
        let event = MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        let effects = caseplan::app::mouse::event(&mut self.model, event);
        self.apply(effects);
    }
}

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// The screen's text, one line per row.
pub fn screen(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// An insta snapshot of the screen in `tests/snapshots/<name>.snap`.
pub fn snap(name: &str, terminal: &Terminal<TestBackend>) {
    insta::with_settings!({ snapshot_path => "../../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, terminal.backend());
    });
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da",
        Lang::En => "en",
    }
}
