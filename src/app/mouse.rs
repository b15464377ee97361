//! From a mouse event to actions, with `[ui] mouse = true`: a left click picks what the last
//! frame drew there (a meeting, a list row, a form field: [`ClickAreas`]) as
//! [`Action::Click`]; the wheel does what ↓ and ↑ do where it is used. Keys stay the way to do
//! everything; with the mouse off, events change nothing.
//!
//! [`ClickAreas`]: super::core::clicks::ClickAreas

use super::core::action::Action;
use super::core::effect::Effect;
use super::dispatch::update;
use super::keys;
use super::model::Model;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};

pub fn event(model: &mut Model, mouse: MouseEvent) -> Vec<Effect> {
    if !model.settings.mouse {
        return vec![];
    }
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => match model.clicks.at(mouse.column, mouse.row) {
            Some(target) => update(model, Action::Click(target)),
            None => vec![],
        },
        MouseEventKind::ScrollDown => keys::press(model, KeyEvent::from(KeyCode::Down)),
        MouseEventKind::ScrollUp => keys::press(model, KeyEvent::from(KeyCode::Up)),
        _ => vec![],
    }
}
