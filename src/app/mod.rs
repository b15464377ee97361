//! The interactive planner: keys become actions, a pure `update` changes the model and returns
//! effects, the runner applies them to the store, views draw the model.
//!
//! # Shape
//!
//! Three tiers, each importing only the ones above it:
//!
//! ```text
//! core/        the vocabulary and the machinery; imports no feature (checked by a test)
//!   action     Named (what a key asks for), Action (what update reacts to)
//!   effect     Effect (ids and values for the store), Loaded (what comes back), Question
//!   runner     runs an effect against the store with the configuration it owns
//!   history    undo and redo steps        settings  the defaults pure code reads
//!   status     the status line            terminal  the terminal guard
//!
//! features     one folder or file each, owning its state, its keys and its loaded results
//!   calendar/  day and week, the selected meeting, booking, the meeting form, its prompts,
//!              the month overview
//!   lookup/    the finder, the case and contact cards, the contact log, the items popup,
//!              creating and editing cases and contacts
//!   courses/   supplier courses and their reports; the course dialog
//!   requests/  medical requests: keys on a request, the chase log, the list screen
//!   today.rs   the Today list          board.rs  the caseload board
//!   suppliers.rs                       the supplier overview and its visits
//!   forms/     the forms' state (meeting, course, request, record): fields, typing, build
//!   form_kit/  the fields, pickers and rows every form is built from
//!
//! the shell   where the features meet, and nothing else
//!   model.rs   Model, and Screen: one variant per screen, holding that feature's state
//!   popup.rs   Popup: one variant per popup, holding that feature's state
//!   dispatch   the one router: an action to the open popup or screen, a loaded result to
//!              its feature; every match is exhaustive, so nothing falls through a `_` arm
//!   keys       a key to an action through the keymap layers that are live
//!   mouse      a click or the wheel to an action (`[ui] mouse`)
//!   navigation which screen `q` and `g …` go to
//!   prompt, palette, help   the shared popups (help lists the layers live where it opened)
//!   mod.rs     start, the event loop and the effect loop
//! ```
//!
//! # Seams
//!
//! - The features are a closed set of enum variants (`Screen`, `Popup`), not trait objects:
//!   views and tests match on them, and an exhaustive match is how the router proves every
//!   screen and result has a home. Adding a feature is its folder plus one variant and one
//!   arm in `model.rs`/`popup.rs` and `dispatch.rs`; the core does not change.
//! - Effects and loaded results speak in records and read models (`query/`), never in a
//!   feature's state, so the core can name them without knowing the features. What a feature
//!   needs back when a result arrives travels as plain data (`Question`, `ItemAct`).
//! - A feature's functions take the whole `Model` (a feature may open another's popup: Today
//!   opens the chase log), and features reach each other only through the functions they
//!   export (`calendar::booking`, `lookup::card::load`, `requests::chase::open`, …).
//! - Views compute no rule: a feature works out what the domain says when its data arrives
//!   or changes (`Window::settle`, the items popup's facts, the month's holidays) and keeps it
//!   in its state; views only read it (a test in `ui/mod.rs` keeps it so).
//! - The runner owns the configuration; the model keeps only `Settings`, the defaults that
//!   pure code reads. Read models the runner builds (`Window`, `Directory`) live in `query/`.

pub mod board;
pub mod bulk;
pub mod calendar;
pub mod citizen;
pub mod core;
pub mod courses;
pub mod dispatch;
pub mod form_kit;
pub mod forms;
pub mod help;
pub mod keys;
pub mod lookup;
pub mod model;
pub mod mouse;
pub mod navigation;
pub mod next_meeting;
pub mod palette;
pub mod planner;
pub mod popup;
pub mod prompt;
pub mod requests;
pub mod sheets;
pub mod suppliers;
pub mod today;

use crate::context::Context;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::{Progress, Store, StoreError};
use crate::ui;
use anyhow::Result;
use core::action::{Action, Named};
use core::effect::Effect;
use core::runner::Runner;
use core::settings::Settings;
use core::status::{error, warn};
use model::Model;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// A model ready for the first frame: the visible window loaded, an id reserved.
pub fn start(ctx: &Context, store: &Store, keymap: Keymap<Named>, demo: bool) -> Result<Model> {
    let lang = ctx.lang();
    let settings = Settings::new(&ctx.config, ctx.zone, lang);
    let mut model = Model::new(lang, settings, ctx.now_local(), Rc::new(keymap));
    model.demo = demo;
    model.first_run = store.none_of::<crate::model::Case>();
    let start_on_today =
        ctx.config.today.start_screen == crate::config::StartScreen::Today && !model.first_run;
    if start_on_today {
        model.home = navigation::Home::Today;
    }
    let mut effects = calendar::load_window(&model);
    effects.extend(next_meeting::unless_shown(&model));
    if start_on_today {
        effects.push(today::load(&model));
    }
    apply(&Runner::from_context(ctx), store, &mut model, effects)?;
    if !store.notices().is_empty() {
        let said: Vec<String> = store
            .notices()
            .iter()
            .map(|n| crate::i18n::store_notice(n, model.lang))
            .collect();
        model.status = Some(warn(&format!(
            "{} {}",
            crate::i18n::Msg::StartRepaired.text(model.lang),
            said.join("; ")
        )));
    }
    Ok(model)
}

/// Runs `effects` and everything they lead to, then makes sure a fresh id is reserved.
pub fn apply(
    runner: &Runner,
    store: &Store,
    model: &mut Model,
    effects: Vec<Effect>,
) -> Result<(), StoreError> {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let action = runner.run(store, effect)?;
        queue.extend(dispatch::update(model, action));
    }
    if model.reserved_id.is_none() {
        let id = store.next_id()?;
        dispatch::update(model, Action::Id(id));
    }
    Ok(())
}

/// Runs the planner until the user quits; the terminal is restored on every exit path.
///
/// The day's backup is composed on a second thread, started after the first frame, while the
/// planner runs (from the previous backup and the journal, never reading sled). Quitting
/// waits for it a moment at most ([`QUIT_GRACE`]): then it is stopped between two records, and
/// the next start writes it whole.
pub fn run(ctx: &Context, store: &Store, keymap: Keymap<Named>, demo: bool) -> Result<()> {
    crate::ui::theme::set_palette(crate::ui::theme::palette_for(
        ctx.config.ui.theme,
        std::env::var("NO_COLOR").ok().as_deref(),
        std::env::var("COLORFGBG").ok().as_deref(),
    ));
    // The backup's latest report, read by the loop for the status line.
    let latest: std::sync::Mutex<Option<Progress>> = std::sync::Mutex::new(None);
    let report = |progress: Progress| {
        if let Ok(mut latest) = latest.lock() {
            *latest = Some(progress);
        }
    };
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Started once the first frame is drawn, so the first frame never shares the machine
        // with it.
        let mut start_backup = (!demo).then(|| {
            let mut report = report;
            let stop = &stop;
            move || scope.spawn(move || ctx.daily_backup(store, &mut report, stop))
        });
        let mut backup = None::<std::thread::ScopedJoinHandle<'_, _>>;
        // However the planner ends, the backup is told to stop before the scope waits for it.
        let _stop_backup = StopOnDrop(&stop);
        let runner = Runner::from_context(ctx).on_terminal();
        let mut model = start(ctx, store, keymap, demo)?;
        let mut terminal = core::terminal::Guard::enter(ctx.config.ui.mouse)?;
        let mut last_tick = std::time::Instant::now();
        while !model.quit {
            if let Some(failure) = backup
                .take_if(|b| b.is_finished())
                .and_then(|b| backup_failure(b, model.lang))
            {
                model.status = Some(error(failure));
            }
            let progress = match backup {
                Some(_) => latest.lock().ok().and_then(|latest| *latest),
                None => None,
            };
            if progress != model.backup {
                dispatch::update(&mut model, Action::Backup(progress));
            }
            terminal.draw(|frame| ui::draw(frame, &model))?;
            if let Some(start) = start_backup.take() {
                backup = Some(start());
            }
            // Tick now and then to move the now-line and the next meeting's countdown (and to
            // show how far the backup is), however many events come in between: with the mouse
            // on, every move of the pointer is an event.
            let wait = Duration::from_millis(if backup.is_some() { 250 } else { 5000 });
            let mut effects = if event::poll(wait.saturating_sub(last_tick.elapsed()))? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        keys::press(&mut model, key)
                    }
                    Event::Paste(text) => keys::paste(&mut model, &text),
                    Event::Mouse(event) => mouse::event(&mut model, event),
                    _ => vec![],
                }
            } else {
                vec![]
            };
            if last_tick.elapsed() >= wait {
                last_tick = std::time::Instant::now();
                effects.extend(dispatch::update(&mut model, Action::Tick(ctx.now_local())));
            }
            apply(&runner, store, &mut model, effects)?;
        }
        // A backup about to end is let end; a long one is stopped when this returns.
        let grace = std::time::Instant::now() + QUIT_GRACE;
        while backup.as_ref().is_some_and(|b| !b.is_finished()) && std::time::Instant::now() < grace
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    })
}

/// How long quitting waits for a backup to end before it stops it.
const QUIT_GRACE: Duration = Duration::from_millis(200);

/// Sets its flag when dropped.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The status line's text when the background backup failed; nothing saved is lost by it.
fn backup_failure(
    handle: std::thread::ScopedJoinHandle<'_, Result<Option<std::path::PathBuf>>>,
    lang: Lang,
) -> Option<String> {
    let cause = match handle.join() {
        Ok(Ok(_)) => return None,
        Ok(Err(e)) => format!("{e:#}"),
        Err(_) => String::new(),
    };
    Some(format!(
        "{} {cause}",
        crate::i18n::Msg::BackupFailed.text(lang)
    ))
}
