//! The command palette: a filter line and the matching actions with their keys.

use super::{footer, frame, row};
use crate::app::model::Model;
use crate::app::palette::Palette;
use crate::i18n::Msg;
use crate::ui::text::{centered, fit, pad, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn draw(model: &Model, palette: &Palette, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = centered(body, 70, body.height.min(20));
    let inner = frame(area, Msg::PaletteTitle.text(lang), buf);
    let input = row(inner, 0);
    buf.set_string(input.x, input.y, ":", theme::key());
    (&palette.input).render(
        Rect {
            x: input.x + 2,
            width: input.width.saturating_sub(2),
            ..input
        },
        buf,
    );
    let entries = &palette.entries;
    let list_rows = inner.height.saturating_sub(3);
    let w = usize::from(inner.width);
    if entries.is_empty() {
        let r = row(inner, 2);
        buf.set_string(r.x, r.y, Msg::PaletteEmpty.text(lang), theme::dim());
    }
    let selected = palette.selected.min(entries.len().saturating_sub(1));
    let first = selected.saturating_sub(usize::from(list_rows).saturating_sub(1));
    for (i, entry) in entries
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_rows))
    {
        let (desc, keys) = (&entry.desc, &entry.keys);
        let r = row(inner, 2 + (i - first) as u16);
        let keys_w = width(keys).min(w / 3);
        let desc_w = w.saturating_sub(keys_w + 3);
        let is_selected = i == selected;
        let marker = if is_selected { "▶ " } else { "  " };
        let text = format!("{marker}{} {}", pad(desc, desc_w), fit(keys, keys_w));
        let style = if is_selected {
            theme::selected()
        } else {
            theme::plain()
        };
        buf.set_string(r.x, r.y, pad(&text, w), style);
        if !is_selected {
            buf.set_string(
                r.x + (w - keys_w) as u16,
                r.y,
                fit(keys, keys_w),
                theme::key(),
            );
        }
    }
    footer(inner, Msg::PaletteFooter.text(lang), buf);
}
