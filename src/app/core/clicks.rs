//! Where the last frame drew what a click can pick. Views note it while they draw (the one
//! thing they write, like a list's page size); the mouse handling reads it to turn a click into
//! an action. With the mouse off nobody reads it.

use crate::model::MeetingId;
use chrono::NaiveDateTime;
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;

/// What a click picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A row of the list on screen or in the open popup, by its index in what the list holds.
    Row(usize),
    /// A meeting's occurrence (in the day or week view, or Today's meetings pane).
    Meeting { id: MeetingId, start: NaiveDateTime },
    /// A field of the open form, by its index.
    Field(usize),
}

/// The clickable areas of the last frame, in drawing order.
#[derive(Debug, Default)]
pub struct ClickAreas(RefCell<Vec<(Rect, Target)>>);

impl ClickAreas {
    /// Forgets the frame before (a new frame, or a popup drawn over the screen).
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }

    /// `target` was drawn in `area`.
    pub fn add(&self, area: Rect, target: Target) {
        self.0.borrow_mut().push((area, target));
    }

    /// What was drawn last (on top) at `column`, `row`.
    pub fn at(&self, column: u16, row: u16) -> Option<Target> {
        let point = Position::new(column, row);
        self.0
            .borrow()
            .iter()
            .rev()
            .find(|(area, _)| area.contains(point))
            .map(|(_, target)| *target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_drawn_last_wins_and_a_miss_is_nothing() {
        let areas = ClickAreas::default();
        areas.add(Rect::new(0, 0, 10, 10), Target::Row(1));
        areas.add(Rect::new(2, 2, 3, 1), Target::Field(4));
        assert_eq!(areas.at(3, 2), Some(Target::Field(4)));
        assert_eq!(areas.at(3, 3), Some(Target::Row(1)));
        assert_eq!(areas.at(10, 3), None);
        areas.clear();
        assert_eq!(areas.at(3, 3), None);
    }
}
