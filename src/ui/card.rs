//! The case card: everything about one case during a call.

use crate::app::model::Model;
use crate::query::card::Card;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(_model: &Model, card: &Card, _scroll: u16, area: Rect, buf: &mut Buffer) {
    buf.set_string(area.x, area.y, &card.name, ratatui::style::Style::new());
}
