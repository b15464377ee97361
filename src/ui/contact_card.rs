//! A contact's card: the contact and the cases it is part of.

use crate::app::model::Model;
use crate::query::card::ContactCard;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(_model: &Model, card: &ContactCard, _selected: usize, area: Rect, buf: &mut Buffer) {
    buf.set_string(area.x, area.y, &card.name, ratatui::style::Style::new());
}
