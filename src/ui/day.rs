//! The day view: a time column, the day's blocks, and the detail pane when there is room.

use super::column::{self, Column};
use super::detail;
use super::timeline::{self, minutes_of};
use super::{axis, pane};
use crate::app::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The detail pane goes to the right from this width on.
pub const SIDE_PANE_FROM: u16 = 100;
/// The fewest rows of the detail pane below the day (a rule and three lines).
const BOTTOM_PANE: u16 = 4;
/// The coarsest rows (minutes) a day is squeezed to before the bottom pane gives way.
const COARSEST_WITH_PANE: u32 = 30;

pub fn draw(model: &Model, area: Rect, buf: &mut Buffer) {
    // Whole days taken in another calendar: a band above the day.
    let band_w = area.width.saturating_sub(axis::WIDTH);
    let area = match column::whole_days_in(model, model.day, band_w) {
        Some(band) if area.height > 2 => {
            let (top, rest) = split_v(area, 1);
            buf.set_line(
                top.x + axis::WIDTH,
                top.y,
                &band,
                top.width.saturating_sub(axis::WIDTH),
            );
            rest
        }
        _ => area,
    };
    let day = model.window.day(model.day);
    let selected = detail::selected(model, &day);
    let keep = selected.as_ref().map(minutes_of);
    let span = timeline::widen(
        timeline::span(&[&day], &model.settings.hours),
        &busy_minutes(model, model.day),
    );

    let (timeline_area, pane_area) = if area.width >= SIDE_PANE_FROM {
        let pane_w = (area.width / 3).clamp(36, 48);
        let (left, right) = split_h(area, area.width - pane_w);
        (left, Some((right, true)))
    } else {
        // The day as fine as it fits above the smallest pane; the pane takes the rest.
        let fits = timeline::choose(span, area.height.saturating_sub(BOTTOM_PANE), keep);
        if fits.step <= COARSEST_WITH_PANE && fits.end() >= span.1 {
            let (top, bottom) = split_v(area, fits.rows);
            (top, Some((bottom, false)))
        } else {
            (area, None)
        }
    };
    let scale = timeline::choose(span, timeline_area.height, keep);
    let (axis_area, col_area) = split_h(timeline_area, axis::WIDTH);
    axis::draw(model, &scale, model.day == model.today(), axis_area, buf);
    let col = Column::new(&model.window, model.day, &day, scale, false);
    column::draw(model, &col, col_area, buf);
    if let Some((pane_area, side)) = pane_area {
        pane::draw(model, selected.as_ref(), &day, side, pane_area, buf);
    }
}

/// The minutes of `day`'s timed blocks of other calendars, for the axis.
pub fn busy_minutes(model: &Model, day: chrono::NaiveDate) -> Vec<(u32, u32)> {
    model
        .window
        .external_on(day)
        .into_iter()
        .filter(|b| !b.all_day)
        .map(|b| timeline::day_minutes(b, day))
        .collect()
}

pub fn split_h(area: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(area.width);
    (
        Rect::new(area.x, area.y, left, area.height),
        Rect::new(area.x + left, area.y, area.width - left, area.height),
    )
}

pub fn split_v(area: Rect, top: u16) -> (Rect, Rect) {
    let top = top.min(area.height);
    (
        Rect::new(area.x, area.y, area.width, top),
        Rect::new(area.x, area.y + top, area.width, area.height - top),
    )
}
