//! The time column left of the day and week views.

use super::column::now_row;
use super::theme;
use super::timeline::{Scale, minute_of};
use crate::app::model::Model;
use crate::time::format_time;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Width of the time column: "08:00" and a rule.
pub const WIDTH: u16 = 6;

/// Hours on the hour, half hours when rows are short enough; the rule is dashed outside working
/// hours, and the time with "─" marks now when `today_shown`.
pub fn draw(model: &Model, scale: &Scale, today_shown: bool, area: Rect, buf: &mut Buffer) {
    let open = minute_of(model.settings.hours.start);
    let close = minute_of(model.settings.hours.end);
    let now = if today_shown {
        now_row(model, scale)
    } else {
        -1
    };
    for row in 0..scale.rows.min(area.height) {
        let y = area.y + row;
        let minute = scale.minute_at(row);
        let working = minute >= open && minute < close;
        if i64::from(row) == now {
            let text = format_time(model.now.time());
            buf.set_string(area.x, y, &text, theme::now_line());
            buf.set_string(area.x + 5, y, "─", theme::now_line());
            continue;
        }
        let label = if minute.is_multiple_of(60) {
            Some((format!("{:02}:00", minute / 60), theme::plain()))
        } else if minute.is_multiple_of(30) && scale.step <= 30 {
            Some((format!("{:02}:30", minute / 60), theme::dim()))
        } else {
            None
        };
        if let Some((text, style)) = label {
            let style = if working {
                style
            } else {
                style.patch(theme::dim())
            };
            buf.set_string(area.x, y, text, style);
        }
        let rule = if working { "│" } else { "┆" };
        buf.set_string(area.x + 5, y, rule, theme::dim());
    }
}
