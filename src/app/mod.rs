//! The interactive planner: keys become actions, `update` changes the model, views draw it.

mod terminal;

use crate::query::agenda::{AgendaItem, agenda};
use crate::context::Context;
use crate::i18n::Lang;
use crate::store::Store;
use crate::ui;
use anyhow::Result;
use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the screen shows.
pub struct Model {
    pub lang: Lang,
    pub today: NaiveDate,
    pub day: NaiveDate,
    pub items: Vec<AgendaItem>,
    /// The database holds no case yet: show how to start instead of a blank frame.
    pub first_run: bool,
    /// Running on a throwaway demo database.
    pub demo: bool,
    pub quit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PreviousDay,
    NextDay,
    Today,
    Quit,
}

/// What `update` asks the app loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    LoadDay(NaiveDate),
}

/// The pure step: no IO.
pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let day = match action {
        Action::Quit => {
            model.quit = true;
            return vec![];
        }
        Action::PreviousDay => model.day - Duration::days(1),
        Action::NextDay => model.day + Duration::days(1),
        Action::Today => model.today,
    };
    model.day = day;
    vec![Effect::LoadDay(day)]
}

/// The default keys until the keymap lands.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::PreviousDay),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::NextDay),
        KeyCode::Char('t') => Some(Action::Today),
        _ => None,
    }
}

impl Model {
    pub fn load(store: &Store, ctx: &Context, demo: bool) -> Result<Model> {
        let today = ctx.today();
        Ok(Model {
            lang: ctx.lang(),
            today,
            day: today,
            items: agenda(store, today, today, ctx.lang())?,
            first_run: store.count::<crate::model::Case>()? == 0,
            demo,
            quit: false,
        })
    }
}

/// Runs the planner until the user quits; the terminal is restored on every exit path.
pub fn run(ctx: &Context, store: &Store, demo: bool) -> Result<()> {
    let mut model = Model::load(store, ctx, demo)?;
    let mut terminal = terminal::Guard::enter()?;
    while !model.quit {
        terminal.draw(|frame| frame.render_widget(&ui::agenda::Screen(&model), frame.area()))?;
        let Event::Key(key) = event::read()? else { continue };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let Some(action) = action_for(key) else { continue };
        for effect in update(&mut model, action) {
            match effect {
                Effect::LoadDay(day) => model.items = agenda(store, day, day, model.lang)?,
            }
        }
    }
    Ok(())
}
