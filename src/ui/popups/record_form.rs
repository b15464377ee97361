//! The case and contact forms: one labelled field a row, the focused one marked.

use super::{footer, frame, row};
use crate::app::forms::record::{RecordForm, Subject, Value};
use crate::app::model::Model;
use crate::i18n::Msg;
use crate::ui::text::{fit, pad, width};
use crate::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

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
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label.text(lang)))
        .max()
        .unwrap_or(10)
        + 1;
    // Rows for the fields: leave two for the error and the key line.
    let rows = usize::from(inner.height.saturating_sub(3)).max(1);
    let first = form.focus.saturating_sub(rows - 1);
    for (i, field) in form.fields.iter().enumerate().skip(first).take(rows) {
        let r = row(inner, (i - first) as u16);
        let focused = i == form.focus;
        let marker = if focused { "▶" } else { " " };
        let label = format!("{marker}{}", pad(field.label.text(lang), label_w));
        buf.set_string(
            r.x,
            r.y,
            &label,
            if focused {
                theme::key()
            } else {
                theme::plain()
            },
        );
        let x = r.x + width(&label) as u16 + 1;
        let value = Rect {
            x,
            width: r.width.saturating_sub(x - r.x),
            ..r
        };
        match &field.value {
            Value::Text(input) if focused => input.render(value, buf),
            Value::Text(input) => {
                let text = input.lines().join(" ");
                buf.set_string(
                    value.x,
                    value.y,
                    fit(&text, usize::from(value.width)),
                    theme::plain(),
                );
            }
            Value::Choice { options, index } => {
                let label = options.get(*index).map_or("", |o| o.1.as_str());
                buf.set_string(value.x, value.y, format!("‹ {label} ›"), theme::plain());
            }
            Value::YesNo(on) => {
                let word = if *on { Msg::YesWord } else { Msg::NoWord };
                let mark = if *on { "[x]" } else { "[ ]" };
                buf.set_string(
                    value.x,
                    value.y,
                    format!("{mark} {}", word.text(lang)),
                    theme::plain(),
                );
            }
        }
    }
    if let Some(error) = &form.error {
        let r = row(inner, inner.height.saturating_sub(2));
        Paragraph::new(Line::styled(format!("! {error}"), theme::error()))
            .wrap(Wrap { trim: true })
            .render(r, buf);
    }
    footer(inner, Msg::RecordFormKeys.text(lang), buf);
}
