//! The popups over the calendar and the cards: help, palette, prompts, questions, the month
//! overview, the meeting form, the finder and the contact log.

mod bulk;
mod chase_log;
mod contact_log;
mod course_dialog;
mod course_form;
mod finder;
mod form;
mod help;
mod items;
mod month;
mod notes;
mod palette;
mod prompt;
mod record_form;
mod request_form;
mod which_key;

use super::text::fit;
use super::theme;
use crate::app::model::Model;
use crate::app::popup::Popup;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Draws the open popup over `body` (the area between the header and the status line).
pub fn draw(frame: &mut Frame<'_>, model: &Model, body: Rect) {
    let buf = frame.buffer_mut();
    if let Some(pending) = &model.pending {
        which_key::draw(pending, body, buf);
    }
    let Some(popup) = &model.popup else { return };
    match popup {
        Popup::Help(h) => help::draw(model, h, body, buf),
        Popup::Palette(p) => palette::draw(model, p, body, buf),
        Popup::Confirm(c) => prompt::confirm(model, c, body, buf),
        Popup::Series(q) => prompt::series(model, q, body, buf),
        Popup::Prompt(p) => prompt::draw(model, p, body, buf),
        Popup::Form(editor) => form::draw(model, editor, body, buf),
        Popup::Month(m) => month::draw(model, m, body, buf),
        Popup::Finder(f) => finder::draw(model, f, body, buf),
        Popup::ContactLog(log) => contact_log::draw(model, log, body, buf),
        Popup::Record(form) => record_form::draw(model, form, body, buf),
        Popup::Items(items) => items::draw(model, items, body, buf),
        Popup::CourseForm(form) => course_form::draw(model, form, body, buf),
        Popup::CourseDialog(dialog) => course_dialog::draw(model, dialog, body, buf),
        Popup::RequestForm(form) => request_form::draw(model, form, body, buf),
        Popup::ChaseLog(log) => chase_log::draw(model, log, body, buf),
        Popup::Withdraw(question) => chase_log::withdraw(model, question, body, buf),
        Popup::NoteForm(form) => notes::draw_form(model, form, body, buf),
        Popup::Notes(list) => notes::draw_list(model, list, body, buf),
        Popup::Bulk(dialog) => bulk::draw(model, dialog, body, buf),
        // Drawn by the week view, beside the week or in its place.
        Popup::Plan(_) => {}
    }
}

/// Clears `area`, draws a border with `title` and returns the inside (one column of padding).
pub fn frame(area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let title = fit(
        &format!(" {title} "),
        usize::from(area.width.saturating_sub(4)),
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Line::styled(title, theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The popup's last row: its keys, dimmed.
pub fn footer(inner: Rect, text: &str, buf: &mut Buffer) {
    let r = row(inner, inner.height.saturating_sub(1));
    buf.set_string(r.x, r.y, fit(text, usize::from(r.width)), theme::dim());
}

/// One row of `area`.
pub fn row(area: Rect, i: u16) -> Rect {
    Rect::new(
        area.x,
        area.y + i.min(area.height.saturating_sub(1)),
        area.width,
        1,
    )
}
