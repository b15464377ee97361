//! The database opened beside the first frame (#21). Opening takes tens of milliseconds at
//! 10,000 cases (sled reads a page table with one entry per page), and minutes the one time a
//! database an older caseplan wrote is brought up to date. When the planner starts on Today,
//! its first frame does not wait for that: it shows Today as being read (and how far an
//! upgrade has come), holds the keys typed meanwhile for when the database is open, and quits
//! at once on the quit key; an open cut short is taken up by the next one, as after a kill.
//! Anywhere else, and on a first run, the database is opened before the first frame.

use super::core::action::{Action, Named};
use super::core::status::info;
use super::model::Model;
use crate::context::Context;
use crate::i18n::Msg;
use crate::store::{Progress, Store, StoreError};
use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyEventKind};
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one wait for a key lasts before the loop looks whether the database is open.
const POLL: Duration = Duration::from_millis(5);

/// A database being opened on a thread of its own, or already opened.
pub struct Opening {
    answer: Receiver<Result<Store, StoreError>>,
    progress: Arc<Mutex<Option<Progress>>>,
    /// Where and on which day, to open it here should the thread not answer.
    dir: PathBuf,
    today: NaiveDate,
}

impl Opening {
    /// Opens the planner's database: beside the first frame when the planner starts on Today
    /// with a database already there, else here, with a bar on standard error for an upgrade.
    pub fn for_planner(ctx: &Context) -> anyhow::Result<Opening> {
        let on_today = ctx.config.today.start_screen == crate::config::StartScreen::Today;
        if !on_today || !Store::exists(&ctx.data_dir) {
            return Ok(Opening::done(Ok(ctx.open_store_without_backup()?), ctx));
        }
        let (send, answer) = channel();
        let progress = Arc::new(Mutex::new(None));
        let report = Arc::clone(&progress);
        let (dir, today) = (ctx.data_dir.clone(), ctx.today());
        // Should no thread start, the channel is closed and `until` opens it here.
        let _ = std::thread::Builder::new()
            .name("caseplan-open".into())
            .spawn(move || {
                let opened = Store::open_reporting(&dir, today, &mut |p| {
                    if let Ok(mut latest) = report.lock() {
                        *latest = Some(p);
                    }
                });
                // Nobody waits any more when the planner was quit meanwhile.
                let _ = send.send(opened);
            });
        Ok(Opening {
            answer,
            progress,
            dir: ctx.data_dir.clone(),
            today: ctx.today(),
        })
    }

    /// The database of `ctx`, opened already (or that could not be).
    pub fn done(opened: Result<Store, StoreError>, ctx: &Context) -> Opening {
        let (send, answer) = channel();
        let _ = send.send(opened);
        Opening {
            answer,
            progress: Arc::default(),
            dir: ctx.data_dir.clone(),
            today: ctx.today(),
        }
    }

    /// The database once it is open, waiting for it until `until`; itself while it is still
    /// being opened.
    pub fn until(self, until: Instant) -> Result<Result<Store, StoreError>, Opening> {
        let wait = until.saturating_duration_since(Instant::now());
        match self.answer.recv_timeout(wait) {
            Ok(opened) => Ok(opened),
            Err(RecvTimeoutError::Timeout) => Err(self),
            Err(RecvTimeoutError::Disconnected) => Ok(Store::open_on(&self.dir, self.today)),
        }
    }

    /// How far the long work of opening has come, if it is long work.
    fn progress(&self) -> Option<Progress> {
        self.progress.lock().ok().and_then(|p| *p)
    }
}

/// Shows `model` (Today, as being read) until the database is open, and gives it back; `None`
/// when the quit key came first. `draw` draws the model, `next_event` gives the terminal's
/// next event within the time it is given, if any. Events are kept in `held` for the planner to
/// take in order once the database is open.
pub fn wait(
    mut opening: Opening,
    model: &mut Model,
    next_event: &mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    draw: &mut dyn FnMut(&Model) -> io::Result<()>,
    held: &mut VecDeque<Event>,
) -> anyhow::Result<Option<Store>> {
    let mut shown = None;
    let mut changed = true;
    loop {
        let progress = opening.progress();
        if progress != shown {
            shown = progress;
            model.status = progress.map(|p| info(&progress_words(p, model)));
            changed = true;
        }
        if std::mem::take(&mut changed) {
            draw(model)?;
        }
        if let Some(event) = next_event(POLL)? {
            changed = matches!(event, Event::Resize(..));
            if quits(model, &event) {
                return Ok(None);
            }
            held.push_back(event);
        }
        opening = match opening.until(Instant::now()) {
            Ok(opened) => return Ok(Some(opened?)),
            Err(still) => still,
        };
    }
}

/// Whether `event` is the quit key on the screen shown (Ctrl+C, `q`, or what the keymap says).
fn quits(model: &mut Model, event: &Event) -> bool {
    let Event::Key(key) = event else { return false };
    if key.kind != KeyEventKind::Press {
        return false;
    }
    // The keys are pressed again on the planner's own model: a sequence begun here is not
    // left half typed on this one.
    let state = model.key_state.clone();
    let quit = matches!(
        super::keys::resolve(model, *key),
        Some(Action::Run(Named::Quit))
    );
    model.key_state = state;
    model.pending = None;
    quit
}

/// "Bringing the database up to date: indexing 45 %".
fn progress_words(progress: Progress, model: &Model) -> String {
    crate::i18n::labels::progress_words(Msg::ProgressUpgrade, progress, model.lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn model() -> Model {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").unwrap();
        let ctx = Context::new(Some(dir.path()), Some(&config), Some("2026-11-24 09:00")).unwrap();
        crate::app::waiting_model(&ctx, ctx.keymap().unwrap())
    }

    /// An opening whose answer the test gives.
    fn pending() -> (Opening, std::sync::mpsc::Sender<Result<Store, StoreError>>) {
        let (send, answer) = channel();
        let opening = Opening {
            answer,
            progress: Arc::default(),
            dir: PathBuf::new(),
            today: NaiveDate::default(),
        };
        (opening, send)
    }

    #[test]
    fn keys_typed_while_the_database_opens_are_held_in_order_until_it_is_open() {
        let (opening, send) = pending();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut model = model();
        let mut typed: VecDeque<Event> = [key('j'), key('g'), key('c')].into();
        let mut answer = Some((send, store));
        let mut next = |_| {
            let event = typed.pop_front();
            if event.is_none()
                && let Some((send, store)) = answer.take()
            {
                send.send(Ok(store)).unwrap();
            }
            Ok(event)
        };
        let mut frames = 0;
        let mut held = VecDeque::new();
        let waited = wait(
            opening,
            &mut model,
            &mut next,
            &mut |_| {
                frames += 1;
                Ok(())
            },
            &mut held,
        )
        .unwrap();
        assert!(waited.is_some());
        assert_eq!(held, VecDeque::from([key('j'), key('g'), key('c')]));
        assert!(frames >= 1, "the first frame is drawn while it opens");
        assert!(model.pending.is_none(), "no half-typed sequence is shown");
    }

    #[test]
    fn the_quit_key_quits_while_the_database_opens() {
        let (opening, _send) = pending();
        let mut model = model();
        let mut typed: VecDeque<Event> = [key('j'), key('q')].into();
        let mut held = VecDeque::new();
        let waited = wait(
            opening,
            &mut model,
            &mut |_| Ok(typed.pop_front()),
            &mut |_| Ok(()),
            &mut held,
        )
        .unwrap();
        assert!(waited.is_none());
        assert_eq!(held, VecDeque::from([key('j')]));
    }

    #[test]
    fn an_upgrade_shows_how_far_it_has_come_and_a_failed_open_is_the_error() {
        for lang in [Lang::Da, Lang::En] {
            let (opening, send) = pending();
            *opening.progress.lock().unwrap() = Some(Progress {
                stage: crate::store::Stage::Indexing,
                done: 45,
                total: Some(100),
            });
            let mut model = model();
            model.lang = lang;
            let mut status = None;
            let mut send = Some(send);
            let waited = wait(
                opening,
                &mut model,
                &mut |_| {
                    if let Some(send) = send.take() {
                        send.send(Err(StoreError::Locked {
                            path: "/data".into(),
                        }))
                        .unwrap();
                    }
                    Ok(None)
                },
                &mut |model| {
                    status = model.status.as_ref().map(|s| s.text.clone());
                    Ok(())
                },
                &mut VecDeque::new(),
            );
            assert!(waited.is_err(), "the open's error is the planner's");
            let want = match lang {
                Lang::Da => "Opdaterer databasen: ",
                Lang::En => "Bringing the database up to date: ",
            };
            let status = status.unwrap();
            assert!(
                status.starts_with(want) && status.ends_with(" 45 %"),
                "{status}"
            );
        }
    }
}
