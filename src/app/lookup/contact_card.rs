//! The contact card: a contact and the cases it is part of.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::model::{Model, Screen};
use crate::query::card::ContactCard;

/// The card arrived (`None`: the contact is gone).
pub fn loaded(model: &mut Model, card: Option<Box<ContactCard>>) -> Vec<Effect> {
    match card {
        Some(card) => model.screen = Screen::ContactCard { card, selected: 0 },
        None => super::card::not_found(model),
    }
    vec![]
}

/// Keys of the contact card.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::ContactCard { card, selected } = &mut model.screen else {
        return vec![];
    };
    let last = card.cases.len().saturating_sub(1);
    match named {
        Named::SelectNext => *selected = (*selected + 1).min(last),
        Named::SelectPrev => *selected = selected.saturating_sub(1),
        Named::Submit => {
            if let Some(case) = card.cases.get(*selected).map(|c| c.case) {
                return vec![super::card::load(model, case)];
            }
        }
        Named::EditContact => return super::records::edit_contact(card.id),
        Named::CloseCard => return crate::app::navigation::close_card(model),
        _ => {}
    }
    vec![]
}
