//! Keys on a course and its reports in the items popup.

use super::action::Named;
use super::effect::Effect;
use super::model::Model;

/// A key on the selected course of the items popup.
pub fn on_course(_model: &mut Model, _named: Named) -> Vec<Effect> {
    vec![]
}
