//! Logging a call or another contact from the case card: the time (now, shown), four choices and a
//! one-line note, one field a row.

use super::{footer, frame};
use crate::app::lookup::contact_log::ContactLog;
use crate::app::model::{Model, Screen};
use crate::i18n::Msg;
use crate::ui::field_row::{draw_fields, keys_hint};
use crate::ui::text::centered;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The case's name: from the card it was opened on, else whatever the model knows.
fn case_name(model: &Model, log: &ContactLog) -> String {
    match &model.screen {
        Screen::Card { card, .. } if card.id == log.case => card.name.clone(),
        _ => model.case_name(log.case),
    }
}

pub fn draw(model: &Model, log: &ContactLog, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = format!(
        "{} — {}",
        Msg::ContactLogTitle.text(lang),
        case_name(model, log)
    );
    let error_rows = u16::try_from(log.form.errors.len()).unwrap_or(0);
    let area = centered(body, 70, 10 + error_rows);
    let inner = frame(area, &title, buf);
    let w = usize::from(inner.width);
    let fields = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    draw_fields(&log.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&log.form, w), buf);
}
