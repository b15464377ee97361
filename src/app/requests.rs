//! Keys on a medical request in the items popup.

use super::action::Named;
use super::effect::Effect;
use super::model::Model;

/// A key on the selected medical request of the items popup.
pub fn on_request(_model: &mut Model, _named: Named) -> Vec<Effect> {
    vec![]
}
