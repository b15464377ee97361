//! One day on the time axis: blocks, their buffers, free gaps and the now-line. The day view
//! draws one wide column, the week view five or seven narrow ones.

use super::block::{self, Facts};
use super::text::{duration, fit, width};
use super::theme;
use super::timeline::{Placed, Scale, lane_x, minute_at, place};
use crate::app::model::Model;
use crate::domain::agenda::Occurrence;
use crate::domain::conflicts::Warning;
use crate::i18n::Msg;
use crate::query::window::Window;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// One day's column.
pub struct Column<'a> {
    pub day: NaiveDate,
    pub occs: &'a [Occurrence<'a>],
    /// The warnings of each of `occs`, index-aligned, as the window worked them out.
    pub warnings: &'a [Vec<Warning>],
    /// The free stretches of the working day (minutes since midnight).
    pub free: &'a [(u32, u32)],
    pub scale: Scale,
    /// Narrow: time and name only (week view).
    pub compact: bool,
}

impl<'a> Column<'a> {
    /// `day`'s column: `occs` are its occurrences from `window`, which has worked out their
    /// warnings and the free stretches.
    pub fn new(
        window: &'a Window,
        day: NaiveDate,
        occs: &'a [Occurrence<'a>],
        scale: Scale,
        compact: bool,
    ) -> Column<'a> {
        let facts = window.facts(day);
        Column {
            day,
            occs,
            warnings: facts.map_or(&[], |f| f.warnings.as_slice()),
            free: facts.map_or(&[], |f| f.free.as_slice()),
            scale,
            compact,
        }
    }
}

/// Rows × occupied column ranges, so buffers, gap labels and the now-line use free cells only.
struct Occupied {
    rows: Vec<Vec<(u16, u16)>>,
}

impl Occupied {
    fn new(rows: u16) -> Self {
        Occupied {
            rows: vec![Vec::new(); usize::from(rows)],
        }
    }

    fn is_free(&self, row: i64, x: u16, w: u16) -> bool {
        usize::try_from(row)
            .ok()
            .and_then(|r| self.rows.get(r))
            .is_some_and(|ranges| ranges.iter().all(|(a, b)| x + w <= *a || *a + *b <= x))
    }

    fn take(&mut self, row: i64, x: u16, w: u16) {
        if let Some(ranges) = usize::try_from(row).ok().and_then(|r| self.rows.get_mut(r)) {
            ranges.push((x, w));
        }
    }

    fn row_empty(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(Vec::is_empty)
    }
}

/// Draws the column and returns where each meeting went (for tests and the detail pane).
pub fn draw<'a>(model: &Model, col: &Column<'a>, area: Rect, buf: &mut Buffer) -> Vec<Placed<'a>> {
    let scale = col.scale;
    let placed = place(col.occs, &scale);
    let mut occupied = Occupied::new(area.height.min(scale.rows));
    let visible = |row: i64| row >= 0 && row < i64::from(area.height.min(scale.rows));

    // `place` keeps the order of the day, so `warnings[i]` belongs to `placed[i]`.
    for (i, p) in placed.iter().enumerate() {
        let warnings = col.warnings.get(i).map_or(&[][..], Vec::as_slice);
        let (x, w) = lane_x(area.x, area.width, p.lane, p.lanes);
        let facts = Facts::of(model, &p.occ, warnings);
        for row in p.top..p.bottom {
            occupied.take(row, x, w);
        }
        draw_block(
            model,
            p,
            &facts,
            col.compact,
            Rect::new(x, area.y, w, area.height),
            &scale,
            buf,
        );
    }
    for p in &placed {
        draw_buffers(model, p, area, &mut occupied, buf);
    }
    draw_free(model, col, area, &mut occupied, buf);
    if col.day == model.today() {
        let row = now_row(model, &scale);
        if visible(row) {
            let y = area.y + row as u16;
            for x in area.x..area.x + area.width {
                if occupied.is_free(row, x, 1) {
                    buf[(x, y)].set_symbol("─").set_style(theme::now_line());
                }
            }
        }
    }
    placed
}

/// The row the now-line is on (rows cover `step` minutes from their start).
pub fn now_row(model: &Model, scale: &Scale) -> i64 {
    scale.row_floor(i64::from(minute_at(model.now)))
}

fn draw_block(
    model: &Model,
    p: &Placed<'_>,
    facts: &Facts,
    compact: bool,
    lane: Rect,
    scale: &Scale,
    buf: &mut Buffer,
) {
    let rows = i64::from(lane.height.min(scale.rows));
    let top = p.top.max(0);
    let bottom = p.bottom.min(rows);
    if top >= bottom || lane.width < 2 {
        return;
    }
    let m = p.occ.meeting;
    let style = block::style(m, facts);
    let text_w = usize::from(lane.width.saturating_sub(2));
    let height = (bottom - top) as usize;
    let segments = block::segments(model, &p.occ, facts, compact);
    let lines = block::flow(&segments, text_w, height);
    let bar = if m.status.occupies_time() {
        "▌"
    } else {
        "┊"
    };
    for (i, row) in (top..bottom).enumerate() {
        let y = lane.y + row as u16;
        buf.set_style(Rect::new(lane.x, y, lane.width - 1, 1), style);
        let gutter = if i == 0 && p.top >= 0 {
            block::marker(m, facts)
        } else {
            bar
        };
        let gutter_style = if facts.warned() && !facts.selected {
            style.patch(theme::warning())
        } else {
            style
        };
        buf[(lane.x, y)].set_symbol(gutter).set_style(gutter_style);
        if let Some(line) = lines.get(i) {
            let line = line.clone().patch_style(style);
            buf.set_line(lane.x + 1, y, &line, lane.width.saturating_sub(2));
        }
    }
}

fn draw_buffers(
    model: &Model,
    p: &Placed<'_>,
    area: Rect,
    occupied: &mut Occupied,
    buf: &mut Buffer,
) {
    let m = p.occ.meeting;
    if !m.status.occupies_time() {
        return;
    }
    let lang = model.lang;
    let (x, w) = lane_x(area.x, area.width, p.lane, p.lanes);
    let w = w.saturating_sub(1);
    // In a narrow lane the dotted rule alone says "buffer"; the detail pane has the minutes.
    let words = |msg: Msg, minutes: u32| {
        if w < 10 {
            "┊".to_string()
        } else {
            block::buffer_words(msg, minutes, lang)
        }
    };
    // Preparation next to the block, travel beyond it; the same after the block.
    let mut draw_row = |occupied: &mut Occupied, row: i64, msg: Msg, minutes: u32| {
        if minutes == 0 || !occupied.is_free(row, x, w) {
            return false;
        }
        occupied.take(row, x, w);
        let line = Line::styled(fit(&words(msg, minutes), usize::from(w)), theme::buffer());
        buf.set_line(x, area.y + row as u16, &line, w);
        true
    };
    let above = p.top - 1;
    let prep = draw_row(occupied, above, Msg::PrepShort, m.prep_minutes);
    let above = if prep { above - 1 } else { above };
    draw_row(occupied, above, Msg::TravelShort, m.travel_minutes);
    let below = p.bottom;
    let wrap_up = draw_row(occupied, below, Msg::WrapUpShort, m.follow_up_minutes);
    let below = if wrap_up { below + 1 } else { below };
    draw_row(occupied, below, Msg::TravelShort, m.travel_minutes);
}

/// Labels the free stretches of the working day with their length.
fn draw_free(
    model: &Model,
    col: &Column<'_>,
    area: Rect,
    occupied: &mut Occupied,
    buf: &mut Buffer,
) {
    if area.width < 4 {
        return;
    }
    let scale = col.scale;
    let word = Msg::Free.text(model.lang).to_lowercase();
    for &(start, end) in col.free {
        let first = scale.row_floor(i64::from(start)).max(0);
        let last = scale.row(i64::from(end));
        let Some(row) =
            (first..last).find(|r| usize::try_from(*r).is_ok_and(|r| occupied.row_empty(r)))
        else {
            continue;
        };
        let text = format!("{word} {}", duration(end - start, model.lang));
        let text = if width(&text) > usize::from(area.width) {
            duration(end - start, model.lang)
        } else {
            text
        };
        occupied.take(row, area.x, area.width);
        let line = Line::styled(
            format!(" {}", fit(&text, usize::from(area.width) - 1)),
            theme::free(),
        );
        buf.set_line(area.x, area.y + row as u16, &line, area.width);
    }
}
