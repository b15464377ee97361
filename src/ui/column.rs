//! One day on the time axis: blocks, their buffers, busy time from other calendars, free gaps
//! and the now-line. The day view draws one wide column, the week view five or seven narrow
//! ones.

use super::block::{self, Facts};
use super::text::{duration, fit, width};
use super::theme;
use super::timeline::{Placed, PlacedBusy, Scale, day_minutes, lane_x, minute_at, place_with_busy};
use crate::app::core::clicks::Target;
use crate::app::model::Model;
use crate::domain::agenda::Occurrence;
use crate::domain::conflicts::Warning;
use crate::i18n::{Msg, external_label, external_title};
use crate::model::ExternalBlock;
use crate::query::window::Window;
use crate::time::format_time;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// One day's column.
pub struct Column<'a> {
    pub day: NaiveDate,
    pub occs: &'a [Occurrence<'a>],
    /// The warnings of each of `occs`, index-aligned, as the window worked them out.
    pub warnings: &'a [Vec<Warning>],
    /// The free stretches of the working day (minutes since midnight).
    pub free: &'a [(u32, u32)],
    /// The timed blocks of other calendars on the day, by start (whole days are a band above
    /// the column: [`whole_days`]).
    pub busy: Vec<&'a ExternalBlock>,
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
            busy: window
                .external_on(day)
                .into_iter()
                .filter(|b| !b.all_day)
                .collect(),
            scale,
            compact,
        }
    }
}

/// The cells of each row that blocks, buffers, gap labels and the now-line have taken, so
/// the later ones use free cells only. A range of columns `x..x+w` is free when no range
/// taken before overlaps it; a range of no width taken at `a` still stands in the way of a
/// wider one around it, and a range of no width is in the way of one taken around it. Kept
/// per cell, so asking costs the asked width, not the number of blocks in the row (a crowded
/// day has hundreds of narrow lanes in one row).
struct Occupied {
    rows: Vec<Row>,
}

#[derive(Clone, Default)]
struct Row {
    /// Whether anything was taken in the row.
    taken: bool,
    /// Cells inside a range taken.
    cells: Vec<bool>,
    /// Cells inside a range taken that began before them.
    inner: Vec<bool>,
    /// Where ranges of no width were taken.
    points: Vec<bool>,
}

/// Whether any of `cells` in `from..to` is set.
fn any_in(cells: &[bool], from: usize, to: usize) -> bool {
    cells
        .get(from..to.min(cells.len()))
        .is_some_and(|c| c.contains(&true))
}

/// Sets `cells` in `from..to`, growing them as needed.
fn set_in(cells: &mut Vec<bool>, from: usize, to: usize) {
    if cells.len() < to {
        cells.resize(to, false);
    }
    if let Some(c) = cells.get_mut(from..to) {
        c.fill(true);
    }
}

impl Occupied {
    fn new(rows: u16) -> Self {
        Occupied {
            rows: vec![Row::default(); usize::from(rows)],
        }
    }

    fn row(&self, row: i64) -> Option<&Row> {
        usize::try_from(row).ok().and_then(|r| self.rows.get(r))
    }

    fn is_free(&self, row: i64, x: u16, w: u16) -> bool {
        let (x, w) = (usize::from(x), usize::from(w));
        self.row(row).is_some_and(|r| match w {
            // Nothing of no width is in the way of another of no width.
            0 => !r.inner.get(x).is_some_and(|c| *c),
            _ => !any_in(&r.cells, x, x + w) && !any_in(&r.points, x + 1, x + w),
        })
    }

    fn take(&mut self, row: i64, x: u16, w: u16) {
        let Some(r) = usize::try_from(row).ok().and_then(|r| self.rows.get_mut(r)) else {
            return;
        };
        let (x, w) = (usize::from(x), usize::from(w));
        r.taken = true;
        match w {
            0 => set_in(&mut r.points, x, x + 1),
            _ => {
                set_in(&mut r.cells, x, x + w);
                set_in(&mut r.inner, x + 1, x + w);
            }
        }
    }

    fn row_empty(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| !r.taken)
    }
}

/// Draws the column and returns where each meeting went (for tests and the detail pane).
pub fn draw<'a>(model: &Model, col: &Column<'a>, area: Rect, buf: &mut Buffer) -> Vec<Placed<'a>> {
    let scale = col.scale;
    let busy: Vec<(u32, u32)> = col.busy.iter().map(|b| day_minutes(b, col.day)).collect();
    let (placed, placed_busy) = place_with_busy(col.occs, &busy, &scale);
    let mut occupied = Occupied::new(area.height.min(scale.rows));
    let visible = |row: i64| row >= 0 && row < i64::from(area.height.min(scale.rows));

    for p in &placed_busy {
        let Some(block) = col.busy.get(p.index) else {
            continue;
        };
        let (x, w) = lane_x(area.x, area.width, p.lane, p.lanes);
        for row in p.top..p.bottom {
            occupied.take(row, x, w);
        }
        draw_busy(
            model,
            block,
            p,
            col.compact,
            Rect::new(x, area.y, w, area.height),
            &scale,
            buf,
        );
    }

    // `place` keeps the order of the day, so `warnings[i]` belongs to `placed[i]`.
    for (i, p) in placed.iter().enumerate() {
        let (x, w) = lane_x(area.x, area.width, p.lane, p.lanes);
        for row in p.top..p.bottom {
            occupied.take(row, x, w);
        }
        // A lane too narrow for a block draws nothing of it (a crowded day has hundreds).
        if w < 2 {
            continue;
        }
        let warnings = col.warnings.get(i).map_or(&[][..], Vec::as_slice);
        let facts = Facts::of(model, &p.occ, warnings);
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
    let target = Target::Meeting {
        id: m.id,
        start: p.occ.start,
    };
    let (y, h) = (lane.y + top as u16, (bottom - top) as u16);
    model
        .clicks
        .add(Rect::new(lane.x, y, lane.width, h), target);
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

/// Below this many columns of text a block of another calendar is drawn as in the week.
const NARROW_LANE: usize = 36;

/// A block of another calendar: "░" down its edge (a free one "┆"), its source and title
/// ("Outlook: Teammøde"), and a busy one hatched below its words; it is never selected.
fn draw_busy(
    model: &Model,
    block: &ExternalBlock,
    p: &PlacedBusy,
    compact: bool,
    lane: Rect,
    scale: &Scale,
    buf: &mut Buffer,
) {
    let rows = i64::from(lane.height.min(scale.rows));
    let (top, bottom) = (p.top.max(0), p.bottom.min(rows));
    if top >= bottom || lane.width < 2 {
        return;
    }
    let lang = model.lang;
    let busy = block.is_busy();
    let style = theme::external();
    let text_w = usize::from(lane.width.saturating_sub(2));
    // A narrow lane (the week, or beside meetings) names the title first, the calendar after.
    let compact = compact || text_w < NARROW_LANE;
    let time = if compact {
        format_time(block.start.time())
    } else {
        format!(
            "{}–{}",
            format_time(block.start.time()),
            format_time(block.end().time())
        )
    };
    let mut segments = match (compact, external_title(block, lang)) {
        (true, Some(title)) => vec![
            vec![
                Span::raw(format!("{time} ")),
                Span::styled(title, theme::bold()),
            ],
            vec![Span::raw(block.source.clone())],
        ],
        _ => vec![vec![
            Span::raw(format!("{time} ")),
            Span::styled(external_label(block, lang), theme::bold()),
        ]],
    };
    if !busy {
        segments.push(vec![Span::raw(format!(
            "({})",
            Msg::ExternalFreeWord.text(lang)
        ))]);
    }
    let lines = block::flow(&segments, text_w, (bottom - top) as usize);
    let edge = if busy { "░" } else { "┆" };
    for (i, row) in (top..bottom).enumerate() {
        let y = lane.y + row as u16;
        buf.set_style(Rect::new(lane.x, y, lane.width - 1, 1), style);
        buf[(lane.x, y)].set_symbol(edge).set_style(style);
        match lines.get(i) {
            Some(line) => {
                let line = line.clone().patch_style(style);
                buf.set_line(lane.x + 1, y, &line, lane.width.saturating_sub(2));
            }
            None if busy => {
                let hatch = "░".repeat(text_w);
                buf.set_string(lane.x + 1, y, hatch, style);
            }
            None => {}
        }
    }
}

/// The whole-day blocks of other calendars on a day, as one line for the band above its
/// column: "░ Outlook: Kursus · hele dagen" ("┆ …" for one marked free); in `cols` columns,
/// or as "░ Kursus" when that does not fit.
pub fn whole_days_in(model: &Model, day: NaiveDate, cols: u16) -> Option<Line<'static>> {
    let full = whole_days(model, day, false)?;
    let text =
        |line: &Line<'_>| -> String { line.spans.iter().map(|s| s.content.as_ref()).collect() };
    let line = if width(&text(&full)) <= usize::from(cols) {
        full
    } else {
        whole_days(model, day, true)?
    };
    Some(Line::styled(
        fit(&text(&line), usize::from(cols)),
        theme::external(),
    ))
}

fn whole_days(model: &Model, day: NaiveDate, short: bool) -> Option<Line<'static>> {
    let lang = model.lang;
    let blocks: Vec<&ExternalBlock> = model
        .window
        .external_on(day)
        .into_iter()
        .filter(|b| b.all_day)
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let edge = if blocks.iter().any(|b| b.is_busy()) {
        "░"
    } else {
        "┆"
    };
    let names: Vec<String> = blocks
        .iter()
        .map(|b| {
            let label = match external_title(b, lang) {
                Some(title) if short => title,
                _ => external_label(b, lang),
            };
            if short || b.is_busy() {
                label
            } else {
                format!("{label} ({})", Msg::ExternalFreeWord.text(lang))
            }
        })
        .collect();
    let text = if short {
        format!("{edge} {}", names.join(" · "))
    } else {
        format!(
            "{edge} {} · {}",
            names.join(" · "),
            Msg::ExternalAllDay.text(lang)
        )
    };
    Some(Line::styled(text, theme::external()))
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
