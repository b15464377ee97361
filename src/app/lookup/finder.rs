//! The finder over cases, contacts, phone numbers and upcoming meetings: `/` opens it, typing
//! ranks the index in memory, Enter opens the hit.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::forms::{line_input, text_of};
use crate::app::model::{Model, Screen, Selection};
use crate::app::popup::Popup;
use crate::search::{Filter, Hit, SearchIndex, Target};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;
use std::rc::Rc;

/// How many results the finder shows.
pub const FINDER_ROWS: usize = 20;

/// The finder's state.
pub struct Finder {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Closed cases are found only when asked for.
    pub include_closed: bool,
}

/// `/`: the finder, building the index the first time.
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.popup = Some(Popup::Finder(Finder {
        input: line_input(""),
        hits: Vec::new(),
        selected: 0,
        include_closed: false,
    }));
    match model.search {
        Some(_) => vec![],
        None => vec![Effect::LoadSearchIndex {
            today: model.today(),
        }],
    }
}

/// The index arrived: keep it and rank what was typed meanwhile.
pub fn index_loaded(model: &mut Model, index: Rc<SearchIndex>) -> Vec<Effect> {
    model.search = Some(index);
    refresh(model);
    vec![]
}

/// Runs the query of the open finder against the index: every keystroke, in memory.
fn refresh(model: &mut Model) {
    let Some(Popup::Finder(finder)) = &mut model.popup else {
        return;
    };
    let Some(index) = &model.search else { return };
    let filter = Filter {
        include_closed: finder.include_closed,
    };
    finder.hits = index.search(&text_of(&finder.input), filter, FINDER_ROWS);
    finder.selected = 0;
}

pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    type_keys(model, [key])
}

/// Several keys at once (a paste): the query is searched once, not once per character.
pub fn type_keys(model: &mut Model, keys: impl IntoIterator<Item = KeyEvent>) -> Vec<Effect> {
    if let Some(Popup::Finder(finder)) = &mut model.popup {
        for key in keys {
            finder.input.input(key);
        }
    }
    refresh(model);
    vec![]
}

/// A click selects a result.
pub fn click(model: &mut Model, target: crate::app::core::clicks::Target) -> Vec<Effect> {
    if let (Some(Popup::Finder(finder)), crate::app::core::clicks::Target::Row(index)) =
        (&mut model.popup, target)
    {
        finder.selected = index.min(finder.hits.len().saturating_sub(1));
    }
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Finder(finder)) = &mut model.popup else {
        return vec![];
    };
    let last = finder.hits.len().saturating_sub(1);
    match named {
        Named::SelectNext => finder.selected = (finder.selected + 1).min(last),
        Named::SelectPrev => finder.selected = finder.selected.saturating_sub(1),
        Named::ToggleClosed => {
            finder.include_closed = !finder.include_closed;
            refresh(model);
        }
        Named::Submit => {
            let Some(hit) = finder.hits.get(finder.selected) else {
                return vec![];
            };
            let target = hit.target;
            model.popup = None;
            return open_target(model, target);
        }
        _ => {}
    }
    vec![]
}

fn open_target(model: &mut Model, target: Target) -> Vec<Effect> {
    match target {
        Target::Case(case) => vec![super::card::load(model, case)],
        Target::Contact(contact) => vec![Effect::LoadContactCard(contact)],
        Target::Meeting(meeting, start) => {
            model.screen = Screen::Calendar;
            model.day = start.date();
            model.selected = Some(Selection { meeting, start });
            crate::app::calendar::load_window(model)
        }
    }
}
