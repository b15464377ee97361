//! Cancel or convert every meeting of a date range (#17): the form, then the preview: every
//! meeting of the range with what will happen to it, the citizens to tell with how to reach
//! them, and the question asked once.

use super::{footer, frame, row};
use crate::app::bulk::BulkDialog;
use crate::app::model::Model;
use crate::domain::bulk::Fate;
use crate::i18n::Msg;
use crate::i18n::bulk_words::{self, Weight, change_word, plan_sum, range_words};
use crate::query::bulk::BulkPreview;
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::fit;
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn draw(model: &Model, dialog: &BulkDialog, body: Rect, buf: &mut Buffer) {
    match &dialog.preview {
        None => draw_form(model, dialog, body, buf),
        Some(preview) => draw_preview(model, dialog, preview, body, buf),
    }
}

fn popup_area(body: Rect, height: u16) -> Rect {
    let w = body.width.saturating_sub(4).min(100);
    Rect::new(
        body.x + (body.width.saturating_sub(w)) / 2,
        body.y + 1,
        w,
        height.min(body.height.saturating_sub(1)),
    )
}

fn draw_form(model: &Model, dialog: &BulkDialog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let area = popup_area(body, 13);
    let inner = frame(area, Msg::BulkTitle.text(lang), buf);
    let w = usize::from(inner.width);
    buf.set_string(
        inner.x,
        inner.y,
        fit(Msg::BulkFormAbout.text(lang), w),
        theme::dim(),
    );
    let fields = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    draw_fields(&dialog.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&dialog.form, w), buf);
}

fn draw_preview(
    model: &Model,
    dialog: &BulkDialog,
    preview: &BulkPreview,
    body: Rect,
    buf: &mut Buffer,
) {
    let lang = model.lang;
    let plan = &preview.plan;
    let request = &plan.request;
    let lines = preview_lines(model, preview, body.width >= 100);
    // Title, sum, blank, the lines, blank, footer; as high as the screen allows.
    let wanted = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(6);
    let area = popup_area(body, wanted);
    let title = format!(
        "{} {}",
        change_word(request.change, lang),
        range_words(request.from, request.to, lang)
    );
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    buf.set_string(
        inner.x,
        inner.y,
        fit(&plan_sum(plan, lang), w),
        theme::bold(),
    );
    // The lines that fit between the sum and the footer; a last one says what is further down.
    let room = usize::from(inner.height.saturating_sub(3)).max(1);
    dialog.view_rows.set(room.saturating_sub(1).max(1));
    let first = dialog.scroll.min(lines.len().saturating_sub(1));
    let rest = lines.len() - first;
    let shown = if rest > room { room - 1 } else { rest };
    for (i, (text, style)) in lines.iter().skip(first).take(shown).enumerate() {
        let r = row(inner, 2 + u16::try_from(i).unwrap_or(0));
        buf.set_string(r.x, r.y, fit(text, w), *style);
    }
    if shown < rest {
        let r = row(inner, 2 + u16::try_from(shown).unwrap_or(0));
        let more = format!("… {} {}", rest - shown, Msg::BulkMoreLines.text(lang));
        buf.set_string(r.x, r.y, fit(&more, w), theme::dim());
    }
    let keys = if plan
        .meetings
        .iter()
        .any(|p| !matches!(p.fate, Fate::Leave(_)))
    {
        Msg::BulkPreviewKeys
    } else {
        Msg::BulkPreviewNothingKeys
    };
    footer(inner, keys.text(lang), buf);
}

/// The preview's rows, weighted as the words say.
fn preview_lines(model: &Model, preview: &BulkPreview, wide: bool) -> Vec<(String, Style)> {
    bulk_words::preview_lines(preview, model.lang, wide)
        .into_iter()
        .map(|(text, weight)| {
            let style = match weight {
                Weight::Plain => theme::plain(),
                Weight::Dim => theme::dim(),
                Weight::Bold => theme::bold(),
            };
            (text, style)
        })
        .collect()
}
