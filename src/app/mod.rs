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
//!   opening    the database opened beside the first frame on Today
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
pub mod opening;
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
use core::beside::{Beside, may_run_beside};
use core::effect::Effect;
use core::runner::Runner;
use core::settings::Settings;
use core::status::{error, warn};
use model::Model;
use opening::Opening;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// A model ready for the first frame: the visible window loaded, an id reserved, and on Today
/// the list and the workload gauge.
pub fn start(ctx: &Context, store: &Store, keymap: Keymap<Named>, demo: bool) -> Result<Model> {
    let (mut model, later) = first_frame(ctx, store, keymap, demo)?;
    apply(&Runner::from_context(ctx), store, &mut model, later)?;
    Ok(model)
}

/// The model of the first frame as the planner draws it, and the reads that come after it (on
/// Today: the list, shown as being read until it arrives, and the workload gauge).
pub fn first_frame(
    ctx: &Context,
    store: &Store,
    keymap: Keymap<Named>,
    demo: bool,
) -> Result<(Model, Vec<Effect>)> {
    let (mut model, first, later) = prepare(ctx, store, keymap, demo);
    ready(&Runner::from_context(ctx), store, &mut model, first)?;
    Ok((model, later))
}

/// The first frame's model before anything is read, with the reads the first frame needs (the
/// calendar's window) and those that may come after it: on Today, the list (shown as being
/// read until it arrives) and the workload gauge. [`run`] reads those beside the first frame;
/// [`start`] at once.
fn prepare(
    ctx: &Context,
    store: &Store,
    keymap: Keymap<Named>,
    demo: bool,
) -> (Model, Vec<Effect>, Vec<Effect>) {
    let mut model = first_model(ctx, keymap, store.none_of::<crate::model::Case>());
    model.demo = demo;
    let start_on_today = matches!(model.screen, model::Screen::Today(_));
    let mut effects = calendar::load_window(&model);
    effects.extend(next_meeting::unless_shown(&model));
    if start_on_today {
        effects.push(today::load(&model));
    }
    let (mut later, first): (Vec<_>, _) = effects.into_iter().partition(may_run_beside);
    // The list first: it is what the screen is for.
    later.sort_by_key(|e| !matches!(e, Effect::LoadToday { .. }));
    (model, first, later)
}

/// The first frame's model before anything is read: on Today, shown as being read, unless
/// this is a first run or the configuration starts the planner elsewhere.
fn first_model(ctx: &Context, keymap: Keymap<Named>, first_run: bool) -> Model {
    let lang = ctx.lang();
    let settings = Settings::new(&ctx.config, ctx.zone, lang);
    let mut model = Model::new(lang, settings, ctx.now_local(), Rc::new(keymap));
    model.first_run = first_run;
    if ctx.config.today.start_screen == crate::config::StartScreen::Today && !first_run {
        model.home = navigation::Home::Today;
        model.screen = model::Screen::Today(Box::new(today::TodayScreen::reading()));
    }
    model
}

/// The frame shown while the database opens ([`opening`]): Today, as being read.
pub(crate) fn waiting_model(ctx: &Context, keymap: Keymap<Named>) -> Model {
    first_model(ctx, keymap, false)
}

/// Runs the first frame's own reads, and says what opening the database repaired.
fn ready(
    runner: &Runner,
    store: &Store,
    model: &mut Model,
    first: Vec<Effect>,
) -> Result<(), StoreError> {
    apply(runner, store, model, first)?;
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
    Ok(())
}

/// Runs `effects` and everything they lead to, then makes sure a fresh id is reserved.
pub fn apply(
    runner: &Runner,
    store: &Store,
    model: &mut Model,
    effects: Vec<Effect>,
) -> Result<(), StoreError> {
    apply_noting(runner, store, model, effects, &mut |_| {})
}

/// [`apply`], showing each effect to `note` before it runs.
fn apply_noting(
    runner: &Runner,
    store: &Store,
    model: &mut Model,
    effects: Vec<Effect>,
    note: &mut dyn FnMut(&Effect),
) -> Result<(), StoreError> {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        note(&effect);
        let action = runner.run(store, effect)?;
        queue.extend(dispatch::update(model, action));
    }
    if model.reserved_id.is_none() {
        let id = store.next_id()?;
        dispatch::update(model, Action::Id(id));
    }
    Ok(())
}

/// Runs the planner until the user quits; the terminal is restored on every exit path. Gives
/// back the database, or `None` when the planner was quit before it was open.
///
/// The database is opened beside the first frame when the planner starts on Today
/// ([`Opening`]): a first frame waits for it [`FIRST_WAIT`] at most, then shows Today as being
/// read and holds the keys typed meanwhile.
///
/// What the first frame does not need at once (on Today: the list and the workload gauge) is
/// read on a second thread ([`Beside`]); the first frame waits for it [`FIRST_WAIT`] at most,
/// so a small caseload's list is in it, and a large one's shows as being read while keys work.
/// That thread is not waited for when the planner quits.
///
/// The day's backup is composed on a second thread, started after the first frame, while the
/// planner runs (from the previous backup and the journal, never reading sled). Quitting
/// waits for it a moment at most ([`QUIT_GRACE`]): then it is stopped between two records, and
/// the next start writes it whole.
pub fn run(
    ctx: &Context,
    opening: Opening,
    keymap: Keymap<Named>,
    demo: bool,
) -> Result<Option<Arc<Store>>> {
    crate::ui::theme::set_palette(crate::ui::theme::palette_for(
        ctx.config.ui.theme,
        std::env::var("NO_COLOR").ok().as_deref(),
        std::env::var("COLORFGBG").ok().as_deref(),
    ));
    let mut terminal = core::terminal::Guard::enter(ctx.config.ui.mouse)?;
    // Events that came while the database opened, for the planner to take first.
    let mut held = VecDeque::new();
    let store = match opening.until(Instant::now() + FIRST_WAIT) {
        Ok(opened) => opened?,
        Err(opening) => {
            let mut model = waiting_model(ctx, keymap.clone());
            let waited = opening::wait(
                opening,
                &mut model,
                &mut |wait| match event::poll(wait)? {
                    true => event::read().map(Some),
                    false => Ok(None),
                },
                &mut |model| terminal.draw(|frame| ui::draw(frame, model)).map(|_| ()),
                &mut held,
            )?;
            match waited {
                Some(store) => store,
                None => return Ok(None),
            }
        }
    };
    let shared = Arc::new(store);
    let store: &Store = &shared;
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
        // The reads that may come after the first frame start first, beside its own.
        let (mut model, first, later) = prepare(ctx, store, keymap, demo);
        let asked = Instant::now();
        let mut beside = Beside::start(&runner, &shared, later);
        ready(&runner, store, &mut model, first)?;
        let mut arrived = beside.arrived(&runner, store, Some(asked + FIRST_WAIT))?;
        let mut last_tick = Instant::now();
        // Drawn only when something on screen may have changed: a frame that changes nothing
        // still writes to the terminal.
        let mut changed = true;
        while !model.quit {
            for action in arrived {
                let effects = dispatch::update(&mut model, action);
                apply_noting(&runner, store, &mut model, effects, &mut |e| beside.note(e))?;
                changed = true;
            }
            if let Some(failure) = backup
                .take_if(|b| b.is_finished())
                .and_then(|b| backup_failure(b, model.lang))
            {
                model.status = Some(error(failure));
                changed = true;
            }
            let progress = match backup {
                Some(_) => latest.lock().ok().and_then(|latest| *latest),
                None => None,
            };
            if progress != model.backup {
                dispatch::update(&mut model, Action::Backup(progress));
                changed = true;
            }
            if std::mem::take(&mut changed) {
                terminal.draw(|frame| ui::draw(frame, &model))?;
            }
            if let Some(start) = start_backup.take() {
                backup = Some(start());
            }
            // Tick now and then to move the now-line and the next meeting's countdown (and to
            // show how far the backup is), however many events come in between: with the mouse
            // on, every move of the pointer is an event. While reads run beside, look for their
            // answers often.
            let wait = Duration::from_millis(if backup.is_some() { 250 } else { 5000 });
            let poll = wait.saturating_sub(last_tick.elapsed());
            let poll = match beside.is_done() {
                true => poll,
                false => poll.min(BESIDE_POLL),
            };
            let next = match held.pop_front() {
                Some(event) => Some(event),
                None if event::poll(poll)? => Some(event::read()?),
                None => None,
            };
            let mut effects = if let Some(next) = next {
                changed = true;
                match next {
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
                last_tick = Instant::now();
                let minute = model.now.format("%F %R").to_string();
                effects.extend(dispatch::update(&mut model, Action::Tick(ctx.now_local())));
                // The screen shows the time to the minute.
                changed |= model.now.format("%F %R").to_string() != minute;
            }
            changed |= !effects.is_empty();
            apply_noting(&runner, store, &mut model, effects, &mut |e| beside.note(e))?;
            arrived = beside.arrived(&runner, store, None)?;
        }
        // A backup about to end is let end; a long one is stopped when this returns.
        let grace = Instant::now() + QUIT_GRACE;
        while backup.as_ref().is_some_and(|b| !b.is_finished()) && Instant::now() < grace {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(Some(shared))
}

/// How long the first frame waits for the reads beside it: a list this quick (220 cases) is in
/// the first frame, so a small caseload never sees it as being read.
const FIRST_WAIT: Duration = Duration::from_millis(15);

/// How often the loop looks for the answers of reads beside it while they run.
const BESIDE_POLL: Duration = Duration::from_millis(10);

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
