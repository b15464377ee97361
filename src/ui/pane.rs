//! Where the detail pane is drawn: a column at the right, or a strip below the day.

use super::detail;
use super::text::fit;
use super::theme;
use crate::app::model::Model;
use crate::domain::agenda::Occurrence;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn draw(
    model: &Model,
    selected: Option<&Occurrence<'_>>,
    day: &[Occurrence<'_>],
    side: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let (title, lines) = match selected {
        Some(occ) => detail::lines(model, occ, !side),
        None => (
            String::new(),
            vec![Line::styled(
                detail::nothing(model.lang, day.is_empty()),
                theme::dim(),
            )],
        ),
    };
    let borders = if side { Borders::LEFT } else { Borders::TOP };
    let frame = Block::new()
        .borders(borders)
        .border_style(theme::dim())
        .title(Line::styled(
            fit(
                &format!(" {title} "),
                usize::from(area.width.saturating_sub(4)),
            ),
            theme::title(),
        ));
    let inner = frame.inner(area);
    frame.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    if side {
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        return;
    }
    // Below the day: two columns, the second continuing the first.
    let half = inner.width / 2;
    let rows = usize::from(inner.height);
    let left = Rect {
        width: half.saturating_sub(1),
        ..inner
    };
    let right = Rect {
        x: inner.x + half + 1,
        width: inner.width - half - 1,
        ..inner
    };
    let (first, second) = lines.split_at(rows.min(lines.len()));
    for (area, part) in [(left, first), (right, second)] {
        for (i, line) in part.iter().take(rows).enumerate() {
            let w = area.width;
            buf.set_line(area.x, area.y + i as u16, &fit_line(line, w), w);
        }
    }
}

/// A line cut to `w` columns with "…".
fn fit_line(line: &Line<'static>, w: u16) -> Line<'static> {
    if line.width() <= usize::from(w) {
        return line.clone();
    }
    let mut left = usize::from(w);
    let mut spans = Vec::new();
    for span in &line.spans {
        let sw = span.width();
        if sw < left {
            spans.push(span.clone());
            left -= sw;
        } else {
            spans.push(ratatui::text::Span::styled(
                fit(&span.content, left),
                span.style,
            ));
            break;
        }
    }
    Line::from(spans)
}
