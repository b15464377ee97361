//! Where things go on a time axis: the scale (minutes per row) and the rows and lanes of each
//! meeting of a day. Pure layout, shared by the day and the week view.

use crate::domain::agenda::Occurrence;
use crate::domain::hours::WorkingHours;
use crate::model::ExternalBlock;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// Minutes per row, finest first: 15 when the day fits, coarser when it does not.
const STEPS: [u32; 5] = [15, 20, 30, 60, 120];

/// Minutes since midnight.
pub fn minute_of(t: NaiveTime) -> u32 {
    t.hour() * 60 + t.minute()
}

/// The time axis: row `r` shows the minutes from `origin + r * step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub origin: u32,
    pub step: u32,
    pub rows: u16,
}

impl Scale {
    /// The row of a minute of the day, rounded to the nearest row boundary (may be out of range).
    pub fn row(&self, minute: i64) -> i64 {
        let step = i64::from(self.step);
        let offset = minute - i64::from(self.origin);
        (offset * 2 + step).div_euclid(2 * step)
    }

    /// The row a minute falls in (may be out of range).
    pub fn row_floor(&self, minute: i64) -> i64 {
        (minute - i64::from(self.origin)).div_euclid(i64::from(self.step))
    }

    /// The first minute of a row.
    pub fn minute_at(&self, row: u16) -> u32 {
        self.origin + u32::from(row) * self.step
    }

    pub fn end(&self) -> u32 {
        self.minute_at(self.rows)
    }
}

/// The minutes a day's meetings need on screen: the working day, widened for anything (buffers
/// included) that starts earlier or ends later.
pub fn span(days: &[&[Occurrence<'_>]], hours: &WorkingHours) -> (u32, u32) {
    let mut from = minute_of(hours.start);
    let mut to = minute_of(hours.end).max(from + 60);
    for occ in days.iter().flat_map(|d| d.iter()) {
        let (start, end) = minutes_of(occ);
        from = from.min(start.saturating_sub(occ.meeting.prep_minutes));
        to = to.max(end + occ.meeting.follow_up_minutes);
    }
    (from, to.min(24 * 60))
}

/// `span` widened for the timed blocks of other calendars that lie within their day (a block
/// that runs over midnight is cut to the axis instead of stretching it to the whole day).
pub fn widen(span: (u32, u32), busy: &[(u32, u32)]) -> (u32, u32) {
    busy.iter()
        .filter(|(start, end)| *start > 0 && *end < 24 * 60)
        .fold(span, |(from, to), (start, end)| {
            (from.min(*start), to.max(*end))
        })
}

/// Start and end minute of a block of another calendar on `day`, cut to the day.
pub fn day_minutes(block: &ExternalBlock, day: NaiveDate) -> (u32, u32) {
    let midnight = day.and_time(NaiveTime::MIN);
    let minute = |t: NaiveDateTime| (t - midnight).num_minutes().clamp(0, 24 * 60) as u32;
    let start = minute(block.start);
    (start, minute(block.end()).max(start + 1))
}

/// Start and end minute of an occurrence on its day (an end past midnight is cut there).
pub fn minutes_of(occ: &Occurrence<'_>) -> (u32, u32) {
    let start = minute_of(occ.start.time());
    let end = (start + occ.meeting.minutes).min(24 * 60);
    (start, end.max(start + 1))
}

/// The finest scale that shows `span` in `height` rows. When even the coarsest does not fit,
/// a window of `height` rows that keeps `keep` (the selected meeting) in view.
pub fn choose(span: (u32, u32), height: u16, keep: Option<(u32, u32)>) -> Scale {
    let height = height.max(1);
    for step in STEPS {
        let origin = span.0 / step * step;
        let rows = (span.1 - origin).div_ceil(step);
        if rows <= u32::from(height) {
            return Scale {
                origin,
                step,
                rows: rows as u16,
            };
        }
    }
    let step = 60;
    let mut origin = span.0 / step * step;
    let window = u32::from(height) * step;
    if let Some((start, end)) = keep
        && end > origin + window
    {
        origin = (end.saturating_sub(window) / step + 1) * step;
        origin = origin.min(start / step * step);
    }
    Scale {
        origin,
        step,
        rows: height,
    }
}

/// A meeting placed on the axis: rows `top..bottom` (the row its start falls in, as many rows as its length rounds to), lane `lane` of `lanes` side by side.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    pub occ: Occurrence<'a>,
    pub top: i64,
    pub bottom: i64,
    pub lane: usize,
    pub lanes: usize,
}

#[cfg(test)]
impl Placed<'_> {
    pub fn height(&self) -> i64 {
        self.bottom - self.top
    }
}

/// A block of another calendar placed on the axis: its index among the day's timed blocks,
/// rows `top..bottom`, lane `lane` of `lanes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedBusy {
    pub index: usize,
    pub top: i64,
    pub bottom: i64,
    pub lane: usize,
    pub lanes: usize,
}

/// Rows and lanes for a day's occurrences (in time order). Meetings that overlap in time go
/// side by side; a block is at least one row, and a short block pushed down by the one above
/// it in its lane keeps its order.
#[cfg(test)]
pub fn place<'a>(day: &[Occurrence<'a>], scale: &Scale) -> Vec<Placed<'a>> {
    place_with_busy(day, &[], scale).0
}

/// Rows and lanes for a day's occurrences and the timed blocks of other calendars on it
/// (`busy`: their minutes, by start), side by side where they overlap, as [`place`] lays out
/// meetings. The meetings come back in the day's order, the blocks in `busy`'s.
pub fn place_with_busy<'a>(
    day: &[Occurrence<'a>],
    busy: &[(u32, u32)],
    scale: &Scale,
) -> (Vec<Placed<'a>>, Vec<PlacedBusy>) {
    // Both kinds in start order; a meeting before a block that starts with it.
    let mut items: Vec<(u32, u32, Result<usize, usize>)> = day
        .iter()
        .enumerate()
        .map(|(i, occ)| {
            let (start, end) = minutes_of(occ);
            (start, end, Ok(i))
        })
        .chain(
            busy.iter()
                .enumerate()
                .map(|(i, (start, end))| (*start, *end, Err(i))),
        )
        .collect();
    items.sort_by_key(|(start, _, which)| (*start, which.is_err()));
    let spans: Vec<(u32, u32)> = items.iter().map(|(s, e, _)| (*s, *e)).collect();
    let mut placed = Vec::with_capacity(day.len());
    let mut placed_busy = Vec::with_capacity(busy.len());
    for ((_, _, which), slot) in items.iter().zip(lay_out(&spans, scale)) {
        match *which {
            Ok(i) => placed.push((
                i,
                Placed {
                    occ: day[i].clone(),
                    top: slot.top,
                    bottom: slot.bottom,
                    lane: slot.lane,
                    lanes: slot.lanes,
                },
            )),
            Err(index) => placed_busy.push(PlacedBusy { index, ..slot }),
        }
    }
    placed.sort_by_key(|(i, _)| *i);
    placed_busy.sort_by_key(|p| p.index);
    (placed.into_iter().map(|(_, p)| p).collect(), placed_busy)
}

/// Rows and lanes for spans of minutes in start order (`index` is left 0).
fn lay_out(spans: &[(u32, u32)], scale: &Scale) -> Vec<PlacedBusy> {
    let mut placed: Vec<PlacedBusy> = Vec::new();
    // Clusters of meetings linked by overlap share a lane count.
    let mut cluster_start = 0;
    let mut cluster_end = 0u32;
    let mut lane_ends: Vec<(u32, i64)> = Vec::new();
    // The lowest row used in each lane so far, across clusters.
    let mut lane_bottoms: Vec<i64> = Vec::new();
    for &(start, end) in spans {
        if placed.len() > cluster_start && start >= cluster_end {
            finish_cluster(&mut placed[cluster_start..]);
            cluster_start = placed.len();
            lane_ends.clear();
        }
        let lane = match lane_ends.iter().position(|(e, _)| *e <= start) {
            Some(lane) => lane,
            None => {
                lane_ends.push((0, i64::MIN));
                lane_ends.len() - 1
            }
        };
        // The row the start falls in; the height follows the length, at least one row.
        let mut top = scale.row_floor(i64::from(start));
        // A lane's blocks never share a row; rows freed by rounding are not reused.
        if lane_bottoms.len() <= lane {
            lane_bottoms.resize(lane + 1, i64::MIN);
        }
        top = top.max(lane_bottoms[lane]);
        let rows = ((end - start) * 2 + scale.step) / (2 * scale.step);
        let bottom = top + i64::from(rows.max(1));
        lane_ends[lane] = (end, bottom);
        lane_bottoms[lane] = bottom;
        cluster_end = cluster_end.max(end);
        placed.push(PlacedBusy {
            index: 0,
            top,
            bottom,
            lane,
            lanes: 1,
        });
    }
    if placed.len() > cluster_start {
        finish_cluster(&mut placed[cluster_start..]);
    }
    placed
}

fn finish_cluster(cluster: &mut [PlacedBusy]) {
    let lanes = cluster.iter().map(|p| p.lane + 1).max().unwrap_or(1);
    for p in cluster {
        p.lanes = lanes;
    }
}

/// The column range of lane `lane` of `lanes` in a column `x..x+width`.
pub fn lane_x(x: u16, width: u16, lane: usize, lanes: usize) -> (u16, u16) {
    let lanes = lanes.max(1) as u32;
    let w = u32::from(width);
    let from = w * lane as u32 / lanes;
    let to = w * (lane as u32 + 1) / lanes;
    (x + from as u16, (to - from) as u16)
}

/// Minutes since midnight of a date-time.
pub fn minute_at(t: NaiveDateTime) -> u32 {
    minute_of(t.time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::occurrences;
    use crate::testing::meeting;

    #[test]
    fn finest_scale_that_fits() {
        let day = (8 * 60, 15 * 60 + 30);
        assert_eq!(choose(day, 38, None).step, 15);
        let s = choose(day, 16, None);
        assert_eq!((s.step, s.rows, s.origin), (30, 15, 480));
        assert_eq!(choose(day, 10, None).step, 60);
    }

    #[test]
    fn too_long_a_day_keeps_the_selected_meeting_in_view() {
        let s = choose((0, 24 * 60), 5, Some((20 * 60, 21 * 60)));
        assert!(s.origin <= 20 * 60 && s.end() >= 21 * 60, "{s:?}");
    }

    #[test]
    fn block_height_follows_length_and_overlaps_get_lanes() {
        let ms = [
            meeting(1, "2026-11-24 09:00", 120),
            meeting(2, "2026-11-24 11:00", 30),
            meeting(3, "2026-11-24 11:15", 30),
            meeting(4, "2026-11-24 13:00", 20),
        ];
        let day = ms[0].start.date();
        let occ = occurrences(&ms, day, day);
        let scale = choose((480, 930), 30, None);
        let placed = place(&occ, &scale);
        assert_eq!(placed[0].height(), 8);
        assert_eq!(placed[1].height(), 2);
        assert_eq!(placed[3].height(), 1);
        assert_eq!((placed[1].lane, placed[2].lane), (0, 1));
        assert_eq!(
            (placed[1].lanes, placed[2].lanes, placed[0].lanes),
            (2, 2, 1)
        );
    }
}
