//! Views: they draw the model and never change it.

use crate::app::model::Model;
use ratatui::Frame;
use ratatui::text::Line;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, model: &Model) {
    let text = format!(
        "caseplan {} ({} meetings)",
        model.day,
        model.window.meetings.len()
    );
    frame.render_widget(Line::from(text), frame.area());
}
