//! The case and contact forms: one field a row, the focused one marked, errors under their
//! field.

use super::{footer, frame};
use crate::app::forms::record::{RecordForm, Subject};
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::ui::field_row::{draw_fields, keys_hint};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(model: &Model, form: &RecordForm, body: Rect, buf: &mut Buffer) {
    let lang = model.lang;
    let title = match &form.subject {
        Subject::Case(None) => Msg::ActNewCase,
        Subject::Case(Some(_)) => Msg::EditCaseTitle,
        Subject::Contact(None) => Msg::ActNewContact,
        Subject::Contact(Some(_)) => Msg::EditContactTitle,
    };
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let inner = frame(area, title.text(lang), buf);
    // Leave a blank row and the key line.
    let fields = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    draw_fields(&form.form, fields, buf, &model.clicks);
    footer(inner, &keys_hint(&form.form, usize::from(inner.width)), buf);
}
