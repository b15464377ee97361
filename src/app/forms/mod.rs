//! The forms' state: fields, focus, typing and `build` into a record. Saving a form is the
//! feature's (calendar, courses, requests, lookup); a form only says what was typed and what is
//! wrong with it.

pub mod course;
pub mod meeting;
pub mod note;
pub mod record;
pub mod request;

use crate::model::Channel;
use ratatui_textarea::TextArea;

/// The channels offered when logging a contact or a chase, in the order ←/→ steps through them.
pub const CHANNELS: [Channel; 7] = [
    Channel::Phone,
    Channel::Sms,
    Channel::Mail,
    Channel::Letter,
    Channel::Video,
    Channel::Walk,
    Channel::Visit,
];

/// A single-line text input.
pub fn line_input(initial: &str) -> TextArea<'static> {
    let mut input = TextArea::new(vec![initial.to_string()]);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input
}

/// The text of a single-line input.
pub fn text_of(input: &TextArea<'_>) -> String {
    input.lines().join(" ")
}
