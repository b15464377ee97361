//! Logging a chase of a medical request (the time is now, where it stands, a channel, who was
//! reached, a note: one field a row, on the kit), and the question before withdrawing one.

use super::{footer, frame, row};
use crate::app::model::Model;
use crate::app::requests::chase::{ChaseLog, Withdraw};
use crate::i18n::{Msg, label_request_kind};
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::{centered, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn draw(model: &Model, log: &ChaseLog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = format!(
        "{} — {} · {}",
        Msg::ChaseLogTitle.text(lang),
        label_request_kind(&log.request.kind, lang),
        log.case_name
    );
    let error_rows = u16::try_from(log.form.errors.len()).unwrap_or(0);
    let area = centered(body, 72, 10 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let fields = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    draw_fields(&log.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&log.form, w), buf);
}

/// "Withdraw the request: statusattest · Anne Jensen? It stays in the case's history."
pub fn withdraw(model: &Model, question: &Withdraw, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let w = (width(&question.question) as u16 + 6).clamp(40, 76);
    let lines = (width(&question.question) as u16).div_ceil(w - 4).max(1) + 1;
    let area = centered(body, w, 4 + lines);
    let inner = frame(area, Msg::ConfirmTitle.text(lang), buf);
    Paragraph::new(Line::styled(question.question.clone(), theme::bold()))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                height: lines,
                ..inner
            },
            buf,
        );
    let keys = row(inner, inner.height.saturating_sub(1));
    buf.set_string(keys.x, keys.y, Msg::ConfirmKeys.text(lang), theme::key());
}
