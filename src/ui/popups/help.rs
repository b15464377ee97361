//! The help popup, built from the live keymap.

use super::{frame, row};
use crate::app::core::action::Named;
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::keymap::Layer;
use crate::ui::text::{centered, fit, pad};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The layers shown, with their headings: the calendar and global keys in full, then the
/// popups' own keys.
const SECTIONS: [(Layer, Msg); 6] = [
    (Layer::Calendar, Msg::HelpCalendar),
    (Layer::Global, Msg::HelpEverywhere),
    (Layer::Form, Msg::HelpForm),
    (Layer::Palette, Msg::HelpInPalette),
    (Layer::Help, Msg::HelpInHelp),
    (Layer::Confirm, Msg::HelpInConfirm),
];

const KEY_WIDTH: usize = 18;

/// Every line of the help text.
pub fn lines(model: &Model) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (layer, heading) in SECTIONS {
        let bindings = model.keymap.bindings(layer);
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            heading.text(model.lang).to_string(),
            theme::title(),
        ));
        for b in bindings {
            let desc = match Named::from_name(&b.action) {
                Some(named) => named.describe(model.lang, &b.desc),
                None => b.desc.clone(),
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&b.keys, KEY_WIDTH)), theme::key()),
                Span::raw(desc),
            ]));
        }
    }
    out
}

pub fn draw(model: &Model, scroll: u16, body: Rect, buf: &mut Buffer) {
    let area = centered(body, 80, body.height);
    let inner = frame(area, Msg::Help.text(model.lang), buf);
    let text = lines(model);
    let view = inner.height.saturating_sub(1);
    let max_scroll = (text.len() as u16).saturating_sub(view);
    let scroll = scroll.min(max_scroll);
    Paragraph::new(text).scroll((scroll, 0)).render(
        Rect {
            height: view,
            ..inner
        },
        buf,
    );
    let mut footer = Msg::HelpFooter.text(model.lang).to_string();
    if scroll < max_scroll {
        footer = format!("↓ {} · {footer}", Msg::MoreBelow.text(model.lang));
    }
    let footer_row = row(inner, inner.height.saturating_sub(1));
    buf.set_string(
        footer_row.x,
        footer_row.y,
        fit(&footer, usize::from(footer_row.width)),
        theme::dim(),
    );
}
