//! The help popup: what every key does where it was opened. Its sections are the keymap layers
//! live there, in the order they take a key (the screen's or popup's own first, then the
//! global keys), each key as the keymap resolves it: a key shadowed by a layer above is not
//! listed below. Worked out from the live keymap when `?` is pressed and kept for the view.

use super::core::action::Named;
use super::core::effect::Effect;
use super::keys;
use super::model::Model;
use super::popup::Popup;
use crate::keymap::{BindingInfo, Layer};

/// The help popup's state.
pub struct Help {
    pub scroll: u16,
    /// The live layers, topmost first, each with its keys; `desc` is in the interface language.
    pub sections: Vec<(Layer, Vec<BindingInfo<Named>>)>,
    /// The popup help was opened over; closing help shows it again.
    pub under: Option<Box<Popup>>,
}

/// `?`: help for the screen or popup that is open.
pub fn open(model: &mut Model) -> Vec<Effect> {
    if matches!(model.popup, Some(Popup::Help(_))) {
        return vec![];
    }
    let lang = model.lang;
    let sections = model
        .keymap
        .live(&keys::layers(model))
        .into_iter()
        .map(|(layer, rows)| {
            let rows = rows
                .into_iter()
                .map(|row| BindingInfo {
                    desc: row.action.describe(lang, &row.desc),
                    ..row
                })
                .collect();
            (layer, rows)
        })
        .collect();
    let under = model.popup.take().map(Box::new);
    model.popup = Some(Popup::Help(Help {
        scroll: 0,
        sections,
        under,
    }));
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    if let Some(Popup::Help(help)) = &mut model.popup {
        let scroll = help.scroll;
        help.scroll = match named {
            Named::ScrollDown => scroll.saturating_add(1),
            Named::ScrollUp => scroll.saturating_sub(1),
            Named::PageDown => scroll.saturating_add(10),
            Named::PageUp => scroll.saturating_sub(10),
            _ => scroll,
        };
    }
    vec![]
}
