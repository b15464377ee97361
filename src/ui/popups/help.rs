//! The help popup: the keys live where it was opened, section by section.

use super::{frame, row};
use crate::app::help::Help;
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::keymap::Layer;
use crate::ui::text::{centered, fit, pad};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

const KEY_WIDTH: usize = 18;

/// A section's heading: where its keys work.
fn heading(layer: Layer) -> Msg {
    match layer {
        Layer::Global => Msg::HelpEverywhere,
        Layer::Calendar => Msg::HelpCalendar,
        Layer::Card => Msg::HelpCard,
        Layer::ContactCard => Msg::HelpContactCard,
        Layer::Form => Msg::HelpForm,
        Layer::Finder => Msg::HelpFinder,
        Layer::Help => Msg::HelpInHelp,
        Layer::Palette => Msg::HelpInPalette,
        Layer::Confirm => Msg::HelpInConfirm,
        Layer::Items => Msg::HelpItems,
        Layer::Suppliers => Msg::HelpSuppliers,
        Layer::Requests => Msg::HelpRequests,
        Layer::Today => Msg::HelpToday,
        Layer::Board => Msg::HelpBoard,
        Layer::Month => Msg::HelpMonth,
        Layer::Notes => Msg::HelpNotes,
        Layer::Series => Msg::HelpSeries,
        Layer::Citizen => Msg::HelpCitizen,
    }
}

/// Every line of the help text: the sections worked out when help was opened.
fn lines(model: &Model, help: &Help) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (layer, rows) in &help.sections {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            heading(*layer).text(model.lang).to_string(),
            theme::title(),
        ));
        for row in rows {
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&row.keys, KEY_WIDTH)), theme::key()),
                Span::raw(row.desc.clone()),
            ]));
        }
    }
    out
}

pub fn draw(model: &Model, help: &Help, body: Rect, buf: &mut Buffer) {
    let area = centered(body, 80, body.height);
    let inner = frame(area, Msg::Help.text(model.lang), buf);
    let text = lines(model, help);
    let view = inner.height.saturating_sub(1);
    let max_scroll = (text.len() as u16).saturating_sub(view);
    let scroll = help.scroll.min(max_scroll);
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
