//! The list of open medical requests across the caseload, by next action date (`g r`).

use super::chase::{self, Back};
use crate::app::core::action::Named;
use crate::app::core::clicks::Target;
use crate::app::core::effect::Effect;
use crate::app::model::{Model, Screen};
use crate::app::popup::Popup;
use crate::query::requests::RequestRow;

/// The effect that loads the list of open requests as it stands today.
pub fn load(model: &Model) -> Effect {
    Effect::LoadRequests {
        today: model.today(),
    }
}

/// `g r`: the list of open requests across the caseload.
pub fn open(model: &Model) -> Vec<Effect> {
    vec![load(model)]
}

/// The list arrived: show it, keeping the selection when it was open already.
pub fn loaded(model: &mut Model, rows: Vec<RequestRow>) -> Vec<Effect> {
    // The selection follows its request when the order changed (a chase moves it down).
    let selected = match &model.screen {
        Screen::Requests {
            rows: old,
            selected,
        } => old
            .get(*selected)
            .and_then(|was| rows.iter().position(|r| r.request.id == was.request.id))
            .unwrap_or(*selected),
        _ => 0,
    };
    let selected = selected.min(rows.len().saturating_sub(1));
    model.screen = Screen::Requests { rows, selected };
    vec![]
}

/// Keys of the list of open requests.
/// A click selects a request.
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    if let (Screen::Requests { rows, selected }, Target::Row(index)) = (&mut model.screen, target) {
        *selected = index.min(rows.len().saturating_sub(1));
    }
    vec![]
}

pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Requests { rows, selected } = &mut model.screen else {
        return vec![];
    };
    let last = rows.len().saturating_sub(1);
    match named {
        Named::SelectNext | Named::ScrollDown => *selected = (*selected + 1).min(last),
        Named::SelectPrev | Named::ScrollUp => *selected = selected.saturating_sub(1),
        Named::Submit => {
            if let Some(case) = rows.get(*selected).map(|r| r.request.case) {
                return vec![crate::app::lookup::card::load(model, case)];
            }
        }
        Named::LogChase => {
            if let Some(row) = rows.get(*selected) {
                let request = row.request.clone();
                let name = row.case_name.clone();
                let effects = chase::open(model, request, Back::Requests);
                if let Some(Popup::ChaseLog(log)) = &mut model.popup {
                    log.case_name = name;
                }
                return effects;
            }
        }
        Named::CloseCard => return crate::app::navigation::close_list(model),
        _ => {}
    }
    vec![]
}
