//! The popups over the calendar.

use crate::app::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(_frame: &mut Frame<'_>, _model: &Model, _body: Rect) {}
