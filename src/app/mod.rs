//! The interactive planner: keys become actions, a pure `update` changes the model and returns
//! effects, the runner applies them to the store, views draw the model.

pub mod action;
mod answers;
pub mod courses;
pub mod effect;
pub mod form;
pub mod history;
pub mod keys;
pub mod lookup;
pub mod model;
pub mod popup;
mod prompts;
pub mod record_form;
pub mod records;
pub mod requests;
pub mod runner;
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
    let mut effects = update::load_window(&model);
    if ctx.config.today.start_screen == crate::config::StartScreen::Today && !model.first_run {
        effects.push(today::load(&model));
    }
    runner::apply(store, &mut model, effects)?;
    Ok(model)
}

/// Runs the planner until the user quits; the terminal is restored on every exit path.
pub fn run(ctx: &Context, store: &Store, keymap: Keymap, demo: bool) -> Result<()> {
    let mut model = start(ctx, store, keymap, demo)?;
    let mut terminal = terminal::Guard::enter()?;
    while !model.quit {
        terminal.draw(|frame| ui::draw(frame, &model))?;
        // Wake up now and then to move the now-line.
        let effects = if event::poll(Duration::from_secs(5))? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => keys::press(&mut model, key),
                _ => vec![],
            }
        } else {
            update::update(&mut model, Action::Tick(ctx.now_local()))
        };
        runner::apply(store, &mut model, effects)?;
    }
    Ok(())
}
