//! The which-key box: while a key sequence is pending, what each next key does.

use super::frame;
use crate::app::model::PendingKeys;
use crate::ui::text::{fit, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// A box in the bottom-right corner of `body`, one continuation a line.
pub fn draw(pending: &PendingKeys, body: Rect, buf: &mut Buffer) {
    let key_w = pending
        .next
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(1);
    let desc_w = pending
        .next
        .iter()
        .map(|(_, d)| width(d))
        .max()
        .unwrap_or(1);
    let w = (key_w + desc_w + 6).min(usize::from(body.width)) as u16;
    let h = (pending.next.len() as u16 + 2).min(body.height);
    let area = Rect::new(body.x + body.width - w, body.y + body.height - h, w, h);
    let inner = frame(area, &pending.typed, buf);
    for (i, (key, desc)) in pending
        .next
        .iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        let line = Line::from(vec![
            Span::styled(format!("{key:<key_w$} "), theme::key()),
            Span::raw(fit(
                desc,
                usize::from(inner.width).saturating_sub(key_w + 1),
            )),
        ]);
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
}
