//! The week view: Monday first, five or seven day columns with the same proportional blocks.

use super::column::{self, Column};
use super::day::{busy_minutes, split_h, split_v};
use super::text::{fit, pad};
use super::theme;
use super::timeline::{self, minutes_of};
use super::{axis, detail, pane, plan};
use crate::app::model::Model;
use crate::app::popup::Popup;
use crate::domain::agenda::Occurrence;
use crate::i18n::{Msg, weekday_short};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Rows above the columns: the day's name and date, then today or a holiday.
const HEAD: u16 = 2;
/// A strip with the selected meeting below the week from this height on.
const PANE_FROM_HEIGHT: u16 = 34;
const PANE: u16 = 6;

pub fn draw(model: &Model, area: Rect, buf: &mut Buffer) {
    // The week planner's proposal: a list beside the week, or in its place when narrow.
    let plan = match &model.popup {
        Some(Popup::Plan(wp)) => Some(wp.as_ref()),
        _ => None,
    };
    let area = match plan {
        Some(wp) if area.width >= plan::BESIDE_FROM => {
            let (week, list) = split_h(area, area.width - plan::LIST_WIDTH);
            plan::draw_list(model, wp, list, buf);
            week
        }
        Some(wp) => {
            plan::draw_list(model, wp, area, buf);
            return;
        }
        None => area,
    };
    // The workload gauge on the bottom line, so the density of meetings is visible.
    let area = match &model.workload {
        Some(workload) if area.height > HEAD + 4 => {
            let (top, bottom) = split_v(area, area.height - 1);
            super::workload::draw(workload, model.lang, bottom, buf);
            top
        }
        _ => area,
    };
    let days = model.visible_days();
    let occs: Vec<Vec<Occurrence<'_>>> = days.iter().map(|d| model.window.day(*d)).collect();
    let focused = model.window.day(model.day);
    let selected = detail::selected(model, &focused);
    let (area, pane_area) = if area.height >= PANE_FROM_HEIGHT {
        let (top, bottom) = split_v(area, area.height - PANE);
        (top, Some(bottom))
    } else {
        (area, None)
    };
    // A third head row for whole days taken in another calendar, when the week has any.
    let n = days.len().max(1) as u16;
    // One rule between columns.
    let col_w = (area.width.saturating_sub(axis::WIDTH + n - 1)) / n;
    let bands: Vec<_> = days
        .iter()
        .map(|d| column::whole_days_in(model, *d, col_w))
        .collect();
    let head_rows = if bands.iter().any(Option::is_some) {
        HEAD + 1
    } else {
        HEAD
    };
    let (head, body) = split_v(area, head_rows);
    let refs: Vec<&[Occurrence<'_>]> = occs.iter().map(Vec::as_slice).collect();
    let busy: Vec<(u32, u32)> = days.iter().flat_map(|d| busy_minutes(model, *d)).collect();
    let span = timeline::widen(timeline::span(&refs, &model.settings.hours), &busy);
    let scale = timeline::choose(span, body.height, selected.as_ref().map(minutes_of));
    let (axis_area, cols_area) = split_h(body, axis::WIDTH);
    axis::draw(model, &scale, days.contains(&model.today()), axis_area, buf);

    for (i, (day, day_occs)) in days.iter().zip(&occs).enumerate() {
        let x = cols_area.x + i as u16 * (col_w + 1);
        let col_area = Rect::new(x, body.y, col_w, body.height);
        let col = Column::new(&model.window, *day, day_occs, scale, true);
        column::draw(model, &col, col_area, buf);
        if let Some(wp) = plan {
            plan::draw_ghosts(model, wp, *day, &scale, col_area, buf);
        }
        draw_head(model, *day, Rect::new(x, head.y, col_w, HEAD), buf);
        if let Some(Some(band)) = bands.get(i) {
            buf.set_line(x, head.y + HEAD, band, col_w);
        }
        if i + 1 < days.len() {
            for y in head.y..body.y + body.height {
                buf[(x + col_w, y)].set_symbol("│").set_style(theme::dim());
            }
        }
    }
    if let Some(pane_area) = pane_area {
        pane::draw(model, selected.as_ref(), &focused, false, pane_area, buf);
    }
}

/// "tir 24.11" (reversed when focused), then "• i dag" or the holiday's name.
fn draw_head(model: &Model, day: chrono::NaiveDate, area: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let w = usize::from(area.width);
    let name = format!(
        "{} {}",
        weekday_short(day.weekday(), lang),
        day.format("%d.%m")
    );
    let focused = day == model.day;
    let (text, style) = if focused {
        (
            format!("▶{}", pad(&name, w.saturating_sub(1))),
            theme::selected(),
        )
    } else {
        (
            format!(" {}", pad(&name, w.saturating_sub(1))),
            theme::bold(),
        )
    };
    buf.set_string(area.x, area.y, text, style);
    let second = if let Some(holiday) = model.window.holiday(day) {
        Some((format!("* {holiday}"), theme::holiday()))
    } else if day == model.today() {
        Some((
            format!("• {}", Msg::Today.text(lang).to_lowercase()),
            theme::today(),
        ))
    } else {
        None
    };
    if let Some((text, style)) = second {
        buf.set_string(
            area.x + 1,
            area.y + 1,
            fit(&text, w.saturating_sub(1)),
            style,
        );
    }
}

/// "· 3 to summon this week" for the header, when the week's cadence count is loaded.
pub fn summons_note(model: &Model) -> Option<String> {
    // The count is loaded for weeks not yet over, and belongs to the week it was loaded for.
    let monday =
        model.day - chrono::Duration::days(i64::from(model.day.weekday().num_days_from_monday()));
    let summons = model
        .summons
        .filter(|s| s.until == monday + chrono::Duration::days(6) && s.count > 0)?;
    Some(format!(
        " · {} {}",
        summons.count,
        Msg::SummonsThisWeek.text(model.lang)
    ))
}
