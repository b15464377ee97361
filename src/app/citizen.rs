//! The citizen view (#17): `B` on a case card turns the screen into what the citizen may see.
//! While it shows, every key but the way back (`B` again, `Esc`), the blank screen (`ctrl-b`)
//! and quitting is ignored, so nothing else of the caseload can be opened in front of the
//! citizen. What it shows is `query::citizen`'s: only the allowed fields are ever loaded.

use crate::app::core::action::Named;
use crate::app::core::effect::Effect;
use crate::app::core::status::warn;
use crate::app::model::{Model, Screen};
use crate::i18n::Msg;
use crate::model::CaseId;
use crate::query::citizen::CitizenView;

/// Opens the citizen view of `case`.
pub fn open(model: &Model, case: CaseId) -> Vec<Effect> {
    vec![Effect::LoadCitizenView {
        case,
        now: model.now,
    }]
}

/// The view arrived: it replaces the card on screen (`None`: the case is gone).
pub fn loaded(model: &mut Model, view: Option<Box<CitizenView>>) -> Vec<Effect> {
    match view {
        Some(view) => model.screen = Screen::Citizen(view),
        None => model.status = Some(warn(Msg::CaseNotFound.text(model.lang))),
    }
    vec![]
}

/// A key while the citizen view shows.
pub fn on_key(model: &mut Model, named: Named) -> Vec<Effect> {
    let Screen::Citizen(view) = &model.screen else {
        return vec![];
    };
    let case = view.case;
    match named {
        Named::CitizenView | Named::ClosePopup => {
            vec![crate::app::lookup::card::load(model, case)]
        }
        Named::TogglePrivacy => {
            model.privacy = !model.privacy;
            vec![]
        }
        Named::Quit => {
            model.quit = true;
            vec![]
        }
        _ => vec![],
    }
}
