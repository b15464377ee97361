//! Views: they draw the model and never change it.
//!
//! `draw` lays out the header, the body (the day or week view, or the first-run text), the
//! status line and any popup over them; a terminal smaller than 80×24 gets a message instead.

mod axis;
mod block;
mod board;
mod card;
mod chrome;
mod column;
mod contact_card;
mod day;
mod detail;
pub mod field_row;
mod pane;
mod popups;
mod requests;
mod suppliers;
mod text;
mod theme;
mod timeline;
mod today;
mod week;
pub mod workload;

use crate::app::model::{Model, Screen, View};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The smallest terminal the planner draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, model: &Model) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(model, area, frame.buffer_mut());
        return;
    }
    let header = Rect::new(area.x, area.y, area.width, 1);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    let buf = frame.buffer_mut();
    if model.privacy {
        privacy(model, area, buf);
        return;
    }
    chrome::header(model, header, buf);
    if model.first_run {
        first_run(model, body, buf);
    } else {
        match (&model.screen, model.view) {
            (Screen::Card { card, scroll }, _) => card::draw(model, card, *scroll, body, buf),
            (Screen::ContactCard { card, selected }, _) => {
                contact_card::draw(model, card, *selected, body, buf)
            }
            (Screen::Suppliers(state), _) => suppliers::draw(model, state, body, buf),
            (Screen::Requests { rows, selected }, _) => {
                requests::draw(model, rows, *selected, body, buf)
            }
            (Screen::Board, _) => {
                if let Some(b) = &model.board {
                    board::draw(model, b, body, buf)
                }
            }
            (Screen::Calendar, View::Day) => day::draw(model, body, buf),
            (Screen::Calendar, View::Week) => week::draw(model, body, buf),
            (Screen::Today { list, selected }, _) => today::draw(model, list, *selected, body, buf),
        }
    }
    chrome::status(model, status, buf);
    popups::draw(frame, model, body);
}

/// Nothing but how to show the screen again: no name, no time, no detail.
fn privacy(model: &Model, area: Rect, buf: &mut Buffer) {
    let text = Msg::PrivacyOn.text(model.lang);
    let y = area.y + area.height / 2;
    Paragraph::new(Line::styled(text, theme::dim()))
        .centered()
        .render(Rect::new(area.x, y, area.width, 1), buf);
}

/// "Terminal too small: 80×24 needed, this is 60×20".
fn too_small(model: &Model, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let text = format!(
        "{}: {MIN_WIDTH}×{MIN_HEIGHT} {}, {} {}×{}.",
        Msg::TooSmall.text(lang),
        Msg::SizeNeeded.text(lang),
        Msg::SizeNow.text(lang),
        area.width,
        area.height
    );
    let lines = (text.chars().count() as u16).div_ceil(area.width.max(1)) + 1;
    let y = area.y + area.height.saturating_sub(lines) / 2;
    Paragraph::new(Line::styled(text, theme::warning()))
        .centered()
        .wrap(Wrap { trim: true })
        .render(
            Rect::new(area.x, y, area.width, area.height - (y - area.y)),
            buf,
        );
}

/// How to begin when the database holds no case.
fn first_run(model: &Model, area: Rect, buf: &mut Buffer) {
    let inner = text::centered(area, 64, 7);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::dim())
        .title(Line::styled(" caseplan ", theme::title()));
    let text_area = block.inner(inner);
    block.render(inner, buf);
    Paragraph::new(Msg::FirstRun.text(model.lang))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                x: text_area.x + 1,
                width: text_area.width.saturating_sub(2),
                ..text_area
            },
            buf,
        );
}
