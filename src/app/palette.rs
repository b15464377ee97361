//! The command palette: every action of the calendar and global layers with its key, ranked
//! by what is typed. The ranking is worked out as the filter changes and kept for the view.

use super::core::action::{Action, Named};
use super::core::effect::Effect;
use super::forms::{line_input, text_of};
use super::model::Model;
use super::popup::Popup;
use crate::keymap::Layer;
use crate::search::{Fuzzy, rank};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

/// The palette's state.
pub struct Palette {
    pub input: TextArea<'static>,
    /// The actions matching the filter, best first.
    pub entries: Vec<Entry>,
    pub selected: usize,
}

/// One action the palette offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub action: Named,
    /// What it does, in the interface language.
    pub desc: String,
    /// Its keys, e.g. `h, left`.
    pub keys: String,
}

/// `:`: the palette with every action.
pub fn open(model: &mut Model) -> Vec<Effect> {
    let entries = entries(model, "");
    model.popup = Some(Popup::Palette(Palette {
        input: line_input(""),
        entries,
        selected: 0,
    }));
    vec![]
}

/// The palette's entries for a filter: actions of the calendar and global layers.
fn entries(model: &Model, filter: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for layer in [Layer::Calendar, Layer::Global] {
        for binding in model.keymap.bindings(layer) {
            let action = binding.action;
            if matches!(action, Named::OpenPalette | Named::ClosePopup)
                || entries.iter().any(|e| e.action == action)
            {
                continue;
            }
            entries.push(Entry {
                action,
                desc: action.describe(model.lang, &binding.desc),
                keys: binding.keys.clone(),
            });
        }
    }
    rank(
        &Fuzzy::default(),
        &entries,
        |e| format!("{} {}", e.desc, e.action.name()),
        filter,
    )
    .into_iter()
    .map(|(i, _)| entries[i].clone())
    .collect()
}

/// A key no binding took: it types into the filter, and the ranking follows.
pub fn type_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let filter = match &mut model.popup {
        Some(Popup::Palette(p)) => {
            p.input.input(key);
            p.selected = 0;
            text_of(&p.input)
        }
        _ => return vec![],
    };
    let ranked = entries(model, &filter);
    if let Some(Popup::Palette(p)) = &mut model.popup {
        p.entries = ranked;
    }
    vec![]
}

/// Up and down choose, Enter runs the chosen action over the screen below.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Some(Popup::Palette(p)) = &mut model.popup else {
        return vec![];
    };
    match named {
        Named::SelectNext | Named::SelectPrev => {
            let delta: i64 = if named == Named::SelectNext { 1 } else { -1 };
            let last = p.entries.len().saturating_sub(1) as i64;
            p.selected = (p.selected as i64 + delta).clamp(0, last) as usize;
            vec![]
        }
        Named::Submit => {
            let chosen = p.entries.get(p.selected).map(|e| e.action);
            model.popup = None;
            match chosen {
                Some(action) => super::dispatch::update(model, Action::Run(action)),
                None => vec![],
            }
        }
        _ => vec![],
    }
}
