//! The help popup's keys: it scrolls; Esc, `q` and `?` close it.

use super::core::action::Named;
use super::core::effect::Effect;
use super::model::Model;
use super::popup::Popup;

/// `?`: help over the screen.
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.popup = Some(Popup::Help { scroll: 0 });
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    if let Some(Popup::Help { scroll }) = &mut model.popup {
        *scroll = match named {
            Named::ScrollDown => scroll.saturating_add(1),
            Named::ScrollUp => scroll.saturating_sub(1),
            Named::PageDown => scroll.saturating_add(10),
            Named::PageUp => scroll.saturating_sub(10),
            _ => *scroll,
        };
    }
    vec![]
}
