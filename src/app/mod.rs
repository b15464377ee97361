//! The interactive planner: keys become actions, a pure `update` changes the model and returns
//! effects, the runner applies them to the store, views draw the model.

pub mod action;
mod answers;
pub mod board;
pub mod course_dialog;
pub mod course_form;
pub mod courses;
pub mod effect;
pub mod form;
pub mod form_kit;
pub mod history;
pub mod keys;
pub mod lookup;
pub mod model;
pub mod navigation;
pub mod popup;
mod prompts;
pub mod record_form;
pub mod records;
pub mod request_form;
pub mod requests;
pub mod runner;
pub mod suppliers;
mod terminal;
pub mod today;
pub mod update;

use crate::config::Config;
use crate::context::Context;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::Store;
use crate::time::Zone;
use crate::ui;
use action::{Action, Named};
use anyhow::Result;
use model::{Model, Settings};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::rc::Rc;
use std::time::Duration;

/// The defaults screens need, from the configuration.
pub fn settings(config: &Config, zone: Zone, lang: Lang) -> Settings {
    Settings {
        zone,
        hours: config.working_hours.to_domain(),
        default_minutes: config.meetings.default_minutes,
        first_meeting_minutes: config.meetings.first_meeting_minutes,
        prep_minutes: config.meetings.prep_minutes,
        follow_up_minutes: config.meetings.follow_up_minutes,
        purposes: config
            .meetings
            .kinds
            .iter()
            .map(|k| k.key.clone())
            .collect(),
        medical: config.medical.clone(),
        target_groups: config
            .cadence
            .iter()
            .map(|rule| {
                let label = config.target_group_label(&rule.key, lang).into_owned();
                (rule.key.clone(), label)
            })
            .collect(),
        week_days: if config.working_hours.days.len() > 5 {
            7
        } else {
            5
        },
        courses: config.courses.clone(),
        course_kinds: config
            .courses
            .kinds
            .iter()
            .map(|k| {
                (
                    k.key.clone(),
                    config.course_kind_label(&k.key, lang).into_owned(),
                )
            })
            .collect(),
        config: Rc::new(config.clone()),
    }
}

/// An action's description in the interface language. Danish comes from the catalogue; in
/// English the keymap file's own description is used, so a user's wording shows.
pub fn describe_action(named: Named, lang: Lang, keymap_desc: &str) -> String {
    match (lang, crate::i18n::action_msg(named.name())) {
        (Lang::Da, Some(msg)) => msg.text(lang).to_string(),
        _ => keymap_desc.to_string(),
    }
}

/// A model ready for the first frame: the visible window loaded, an id reserved.
pub fn start(ctx: &Context, store: &Store, keymap: Keymap, demo: bool) -> Result<Model> {
    let mut model = Model::new(
        ctx.lang(),
        settings(&ctx.config, ctx.zone, ctx.lang()),
        ctx.now_local(),
        Rc::new(keymap),
    );
    model.demo = demo;
    model.first_run = store.none_of::<crate::model::Case>();
    let start_on_today =
        ctx.config.today.start_screen == crate::config::StartScreen::Today && !model.first_run;
    if start_on_today {
        model.home = navigation::Home::Today;
    }
    let mut effects = update::load_window(&model);
    if start_on_today {
        effects.push(today::load(&model));
    }
    runner::apply(store, &mut model, effects)?;
    if !store.notices().is_empty() {
        let said: Vec<String> = store.notices().iter().map(|n| n.to_string()).collect();
        model.status = Some(model::Status {
            tone: model::Tone::Warning,
            text: format!(
                "{} {}",
                crate::i18n::Msg::StartRepaired.text(model.lang),
                said.join("; ")
            ),
        });
    }
    Ok(model)
}

/// Runs the planner until the user quits; the terminal is restored on every exit path.
///
/// The day's backup is written on a second thread while the planner runs (sled is shared
/// between threads), so a large caseload's backup does not hold back the first frame. Quitting
/// waits for it to finish.
pub fn run(ctx: &Context, store: &Store, keymap: Keymap, demo: bool) -> Result<()> {
    std::thread::scope(|scope| {
        let mut backup = (!demo).then(|| scope.spawn(|| ctx.daily_backup(store)));
        let mut model = start(ctx, store, keymap, demo)?;
        let mut terminal = terminal::Guard::enter()?;
        while !model.quit {
            if let Some(failure) = backup
                .take_if(|b| b.is_finished())
                .and_then(|b| backup_failure(b, model.lang))
            {
                model.status = Some(model::Status {
                    tone: model::Tone::Error,
                    text: failure,
                });
            }
            terminal.draw(|frame| ui::draw(frame, &model))?;
            // Wake up now and then to move the now-line (and to notice the backup ending).
            let wait = if backup.is_some() { 1 } else { 5 };
            let effects = if event::poll(Duration::from_secs(wait))? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        keys::press(&mut model, key)
                    }
                    _ => vec![],
                }
            } else {
                update::update(&mut model, Action::Tick(ctx.now_local()))
            };
            runner::apply(store, &mut model, effects)?;
        }
        Ok(())
    })
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
